"""What the detail window's tabs share: record tables one under another under their headings,
filled from the complaint's dossier, and a button in a row of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from station_app.registry.dossier import ComplaintDossier

from .record_table import RecordRowsModel, heading, record_table


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
