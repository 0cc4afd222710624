"""Errors the user can cause. Each carries one plain sentence fit to show as is.

The GUI shows ``str(error)`` in a message box or beside a field; the CLI prints it as one line on
stderr and exits 1. Anything that is not a ``StationError`` is a bug: logged with its traceback.
Messages are templates of :mod:`station_app.messages`: Simplified Chinese, in English when the
window installed its translator (the CLI always prints Chinese).
"""

from __future__ import annotations

from collections.abc import Iterable

from station_app.messages import msg


class StationError(Exception):
    """Base class of every refusal the user can cause."""


class NotInitialised(StationError):
    def __init__(self) -> None:
        super().__init__(msg("本服务站尚未设置：请先运行 station init 或在窗口中完成首次设置。"))


class AlreadyInitialised(StationError):
    pass


class DatabaseTooNew(StationError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            msg(
                "数据库版本为 {found}，高于本程序支持的 {supported}：请安装新版程序后再打开，"
                "数据未作任何改动。",
                found=found,
                supported=supported,
            )
        )
        self.found = found
        self.supported = supported


class DatabaseDamaged(StationError):
    pass


class FieldError(StationError):
    """One field of a record is invalid. ``field`` names it for the form to show the reason."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class ValidationFailed(StationError):
    """A record has one or more invalid fields; nothing was saved."""

    def __init__(self, problems: list[FieldError]) -> None:
        self.problems = problems
        super().__init__(joined(p.message for p in problems))

    def by_field(self) -> dict[str, str]:
        return {p.field: p.message for p in self.problems}


def refuse_if_invalid(problems: list[FieldError]) -> None:
    """Raise :class:`ValidationFailed` when ``problems`` lists any."""
    if problems:
        raise ValidationFailed(problems)


def joined(sentences: Iterable[str]) -> str:
    """``sentences`` as one line: ``甲。；乙。`` in Chinese; in English ``A. B.`` (each sentence
    already ends with its full stop)."""
    text = ""
    for sentence in sentences:
        text = msg("{first}；{then}", first=text, then=sentence) if text else sentence
    return text


class RecordNotFound(StationError):
    pass


class InstanceAlreadyRunning(StationError):
    pass


class BackupError(StationError):
    pass
