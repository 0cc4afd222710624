"""The read-only tables of the tabs: rows of text, each with the id of the record it shows.

A tab describes a table by its ``RecordColumn``s: each column's title, width and how a record
reads in it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from station_app.gui.widgets.rows_model import RowColumn, RowsModel, read_only_view

from .wording import CONTEXT


class RecordColumn(NamedTuple):
    """A column of a table of records: its title (a source text of ``CONTEXT``), its width in
    Chinese characters, and a record's text in it."""

    header: str
    width: int
    text: Callable[[Any], str]


class RecordRowsModel(RowsModel):
    """Read-only rows of text, each with the id of the record it shows."""

    CONTEXT = CONTEXT

    def __init__(
        self,
        headers: list[str],
        parent: QWidget | None = None,
        texts: Sequence[Callable[[Any], str]] = (),
    ) -> None:
        columns = [RowColumn(h, lambda row, n=n: row[1][n]) for n, h in enumerate(headers)]
        super().__init__(columns, parent)  # headers: source texts of CONTEXT
        self._texts = list(texts)

    def show_records(self, records: Iterable[Any]) -> None:
        """One row a record: its id, and its texts as the columns' ``texts`` word them."""
        self.set_rows([(r.id, tuple(text(r) for text in self._texts)) for r in records])

    def row_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_texts(self) -> list[tuple[str, ...]]:
        return [texts for _id, texts in self._rows]


def record_table(
    parent: QWidget, model: QAbstractTableModel, stretch: int, widths: list[int]
) -> QTableView:
    """A table over ``model``; ``widths`` in Chinese characters, column ``stretch`` takes the
    rest of the width."""
    view = read_only_view(model, parent, row_padding=10)
    header = view.horizontalHeader()
    chars = view.fontMetrics().horizontalAdvance("中")
    least = []
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        wide = max(width * chars, view.fontMetrics().horizontalAdvance(title) + 8) + 16
        view.setColumnWidth(column, wide)
        least.append(wide)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit_contents() -> None:
        """Columns as wide as what they hold (English words run longer than the Chinese the
        widths were set for), never narrower than set nor wider than twice that."""
        for column, wide in enumerate(least):
            if column != stretch:
                hint = view.sizeHintForColumn(column) + 8
                view.setColumnWidth(column, min(max(wide, hint), 2 * wide))

    model.modelReset.connect(fit_contents)
    model.rowsInserted.connect(fit_contents)
    return view


def selected_id(view: QTableView) -> int | None:
    """The id of the record selected in ``view`` (None when nothing is)."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    model = view.model()
    if not rows or not isinstance(model, RecordRowsModel):
        return None
    return model.row_id(rows[0].row())


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
