"""The read-only tables of the tabs: rows of text, each with the id of the record it shows, and
the tab they stand in (:class:`DossierTab`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.widgets.rows_model import RowColumn, RowsModel, read_only_view
from station_app.registry.dossier import ComplaintDossier

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


def button_row(
    parent: QWidget, text: str, name: str, slot: Callable[[], object] | SignalInstance
) -> tuple[QPushButton, QHBoxLayout]:
    """A button at the left of a row of its own (Enter elsewhere does not press it)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return button, row


class DossierTab(QWidget):
    """A tab of the detail window: record tables one under another, each under its heading;
    :meth:`show_dossier` fills them from the complaint's dossier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables = QVBoxLayout(self)

    def add_view(self, view: QTableView, title: str = "", weight: int = 1) -> QTableView:
        if title:
            self.tables.addWidget(heading(title, self))
        self.tables.addWidget(view, weight)
        return view

    def add_records(
        self, headers: list[str], stretch: int, widths: list[int], title: str = "", weight: int = 1
    ) -> tuple[RecordRowsModel, QTableView]:
        """A table of records (see :func:`record_table`) under ``title``, taking ``weight``
        shares of the height."""
        model = RecordRowsModel(headers, self)
        return model, self.add_view(record_table(self, model, stretch, widths), title, weight)

    @staticmethod
    def show_records(
        model: RecordRowsModel, records: Iterable[Any], texts: Callable[[Any], tuple[str, ...]]
    ) -> None:
        """One row a record: its id, and its texts as ``texts`` words them."""
        model.set_rows([(record.id, texts(record)) for record in records])

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        raise NotImplementedError
