"""What the detail window's tabs share: record tables one under another under their headings,
filled from the complaint's dossier, and a button in a row of its own."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from station_app.registry.dossier import ComplaintDossier

from .record_table import RecordColumn, RecordRowsModel, heading, record_table


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
        self, columns: Sequence[RecordColumn], stretch: int, title: str = "", weight: int = 1
    ) -> tuple[RecordRowsModel, QTableView]:
        """A table of records (see :func:`record_table`) under ``title``, taking ``weight``
        shares of the height; it shows records with :meth:`RecordRowsModel.show_records`."""
        headers = [column.header for column in columns]
        model = RecordRowsModel(headers, self, [column.text for column in columns])
        view = record_table(self, model, stretch, [column.width for column in columns])
        return model, self.add_view(view, title, weight)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        raise NotImplementedError
