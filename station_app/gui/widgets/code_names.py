"""The shown name of a code in a table cell (the code itself when the code list lacks it)."""

from __future__ import annotations

from collections.abc import Callable

from station_app import codes


def code_name(list_getter: Callable[[], codes.CodeList]) -> Callable[[str | None], str]:
    """A function giving the shown name of a code (:meth:`CodeList.label`), else the code."""

    def name(code: str | None) -> str:
        if not code:
            return ""
        try:
            return list_getter().label(code)
        except codes.CodeListError:
            return code

    return name
