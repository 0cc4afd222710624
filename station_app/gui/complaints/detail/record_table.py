"""The read-only tables of the tabs: rows of text, each with the id of the record it shows."""

from __future__ import annotations

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


class RecordRowsModel(RowsModel):
    """Read-only rows of text, each with the id of the record it shows."""

    CONTEXT = CONTEXT

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        columns = [RowColumn(h, lambda row, n=n: row[1][n]) for n, h in enumerate(headers)]
        super().__init__(columns, parent)  # headers: source texts of CONTEXT

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
