"""What every command module shares: the handler type, the parser hook, output helpers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import Protocol

from station_app.errors import StationError
from station_app.installation import Installation

Handler = Callable[[argparse.Namespace, Installation], int]


class CommandAdder(Protocol):
    def __call__(self, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser: ...


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    help_text: str,
) -> argparse.ArgumentParser:
    """Command ``name`` (or a subcommand) running ``handler``; it takes the unlock options
    (``--password-file``, ``--login``) after its name too."""
    from station_app.commands.unlock import add_unlock_options

    sub = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    add_unlock_options(sub, suppress=True)
    return sub


def out(text: str = "") -> None:
    """One line of a command's result on stdout (flushed: scripts read it as it comes)."""
    print(text, flush=True)


def problem(text: str) -> None:
    """One line on stderr naming one refused input (the command then returns 1)."""
    print(text, file=sys.stderr, flush=True)


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from error


def date_option(text: str | None, option: str) -> dt.date | None:
    """The date typed after ``option`` (None when it was not given); a typing mistake is refused
    with a one-line ``StationError`` naming the option."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise StationError(
            f"{option} 的日期“{text}”无法识别：请写成 2027-02-04 这样的格式。"
        ) from None


def iso_month(text: str) -> str:
    try:
        dt.date.fromisoformat(text + "-01")
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"月份格式应为 YYYY-MM：{text}") from error
    return text


ACTOR_HELP = "操作人姓名（记入操作日志）"


def add_actor_option(sub: argparse.ArgumentParser, help_text: str = ACTOR_HELP) -> None:
    """The ``--actor`` option that :func:`command_actor` reads (a plain installation's log)."""
    sub.add_argument("--actor", help=help_text)


def command_actor(args: argparse.Namespace, inst: Installation, unsigned: str = "命令行") -> str:
    """Who the audit log names: the signed-in person; only a plain installation (no accounts)
    takes ``--actor`` or ``unsigned``."""
    if inst.signed_in is not None:
        return inst.signed_in.name
    return getattr(args, "actor", None) or unsigned
