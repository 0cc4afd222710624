"""Small pieces the wizard's pages are built from: the page itself, a sortable table, column
widths, wrapped rows, a grey note."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
    QWizardPage,
)

from station_app.gui.app.jobs import JobHandle
from station_app.gui.roster.wizard_host import WizardHost
from station_app.gui.widgets.note_styles import NOTE_STYLE
from station_app.gui.widgets.rows_model import RAW_VALUE_ROLE


class RosterPage(QWizardPage):
    """A page of the roster wizard (``roster_wizard``); ``handle``: its job while one runs."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.roster_wizard = wizard
        self.handle: JobHandle | None = None


def sorted_view(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    """A read-only table over ``model`` sorted on raw values through a proxy."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(RAW_VALUE_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the file's order until a header is clicked
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


def fit_columns(view: QTableView, columns: tuple[int, ...], widest: int, stretch: int) -> None:
    """Widths from the header and the first rows' text (up to ``widest`` pixels); ``stretch``
    takes the rest. Measuring a few rows keeps a 10 000-row table opening at once."""
    model = view.model()
    metrics = view.fontMetrics()
    rows = min(model.rowCount(), 200)
    for column in columns:
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(row, column).data() or "") for row in range(rows)]
        width = max(metrics.horizontalAdvance(text) for text in texts) + 24
        view.setColumnWidth(column, min(width, widest))
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def wrap_rows(view: QTableView, max_rows: int = 300) -> None:
    """Long text wraps onto more lines in a table of up to ``max_rows`` rows (a longer one keeps
    one line per row, its full text in the tooltip)."""
    if view.model().rowCount() > max_rows:
        return
    view.setWordWrap(True)
    view.horizontalHeader().sectionResized.connect(lambda *_: view.resizeRowsToContents())


def note_label(text: str, parent: QWidget, style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label
