"""Cells the station writes into spreadsheets: text stays text, never a formula.

Whatever an officer or a roster typed (a complaint's respondent, facts, a person's name, a
station's or business's name, an event's topic) may begin with ``=``, ``+``, ``-`` or ``@``
(``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``). Every writer of an xlsx or CSV file puts its
values through this module (issue 18, "Hostile input"):

* xlsx (openpyxl): :func:`put` stores a ``str`` as a string cell (inline string, ``t="inlineStr"``)
  whatever it begins with. openpyxl on its own turns any text starting with ``=`` into a formula
  and ``#N/A`` and the like into error cells. Characters XML cannot hold (control characters other
  than tab, line feed and carriage return) are dropped, as Excel would refuse the file otherwise.
  :func:`text_row` makes a row of such cells for ``append``; :func:`stream_prepared_cells` lets a
  write-only sheet take rows of prepared, styled cells without openpyxl re-making each one.
* CSV: :func:`csv_field` neutralises a text field beginning with ``=``, ``+``, ``-``, ``@``, tab or
  carriage return by prefixing a single quote, as OWASP recommends ("CSV Injection"); a spreadsheet
  then shows the text instead of evaluating it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils.exceptions import IllegalCharacterError

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def put(cell: Cell, value: Any) -> None:
    """Set ``cell`` to ``value``; a ``str`` is always stored as text (never formula or error)."""
    if isinstance(value, str):
        try:
            cell.value = value
        except IllegalCharacterError:
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value


def text_row(sheet: Any, values: Iterable[Any]) -> list[Cell]:
    """Cells of ``sheet`` (normal or write-only) holding ``values``, for ``sheet.append``."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet)
        put(cell, value)
        cells.append(cell)
    return cells


def stream_prepared_cells(ws: Any) -> None:
    """Let a write-only sheet's ``append`` take rows made only of prepared cells as they are.

    openpyxl's write-only ``append`` first tries every item as a plain value and, for a styled
    cell, formats an error message and makes a fresh cell before writing it: a third of the time
    of a large sheet. Rows given to ``ws.append`` after this must be lists of ``WriteOnlyCell``
    objects (their values set with :func:`put`); the row is passed through as it is (the same
    placement openpyxl does). Skipped, harmlessly, if a later openpyxl no longer has the hook.
    """
    if not hasattr(ws, "_values_to_row"):
        return

    def values_to_row(cells: Sequence[Cell], row_idx: int) -> Iterable[Cell]:
        for col_idx, cell in enumerate(cells, 1):
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    ws._values_to_row = values_to_row


def csv_field(value: Any) -> Any:
    """A CSV field that no spreadsheet evaluates: text beginning with ``= + - @``, tab or carriage
    return gets a leading single quote (OWASP); other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value
