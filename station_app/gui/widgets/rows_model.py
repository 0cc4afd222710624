"""``RowsModel``: a small read-only table over a short list of core rows, described by its columns.

Each ``RowColumn`` says what its header reads (a source text marked with ``QT_TRANSLATE_NOOP`` in the
model's ``CONTEXT``) and how a row shows in it: text, raw value for sorting, tooltip, colours,
bold, right alignment. ``sorted_view`` puts such a model in a read-only view sorted on raw values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # what the sort proxies compare
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Color = str | QColor | None  # a colour name is shown as a brush; a QColor as it is


@dataclass(frozen=True)
class RowColumn:
    header: str  # source text (QT_TRANSLATE_NOOP), translated in the model's context
    text: Callable[[Any], str]
    raw: Callable[[Any], Any] | None = None  # what sorting compares; the text when None
    color: Callable[[Any], Color] | None = None
    bold: Callable[[Any], bool] | None = None
    numeric: bool = False  # right-aligned
    tooltip: Callable[[Any], str] | None = None  # the text when None
    background: Callable[[Any], Color] | None = None
    sort_key: str | None = None  # the core's sort key, for models the core sorts (paged ones)


def count_column(
    header: str, count: Callable[[Any], int], *, signed: bool = False, **more: Any
) -> RowColumn:
    """A right-aligned column of whole numbers with thousands separators (``signed``: with a
    plus sign when above zero), sorted on the number; ``more``: the other ``RowColumn`` fields."""
    shape = "{:+,}" if signed else "{:,}"
    return RowColumn(header, lambda row: shape.format(count(row)), raw=count, numeric=True, **more)


def _color_value(color: Color) -> Any:
    if isinstance(color, str):
        return QBrush(QColor(color)) if color else None
    return color


class RowsModel(QAbstractTableModel):
    """A read-only table over a short list of core rows (stations, bundles, conflicts, history…)."""

    CONTEXT = "RowsModel"

    def __init__(self, columns: Sequence[RowColumn], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_data(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else column.text(row)
        if role == RAW_VALUE_ROLE:
            return column.raw(row) if column.raw else column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            return _color_value(column.color(row))
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return _color_value(column.background(row))
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return RIGHT_ALIGNED
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = [column.header for column in self._columns]
        return column_header(headers, self.CONTEXT, section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)


class DeclaredRowsModel(RowsModel):
    """A ``RowsModel`` whose columns its class declares (``COLUMNS``)."""

    COLUMNS: ClassVar[Sequence[RowColumn]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self.COLUMNS, parent)


def column_header(
    headers: Sequence[str], context: str, section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """A column's title, translated in ``context`` (a table model's ``headerData``)."""
    if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
        return None
    if not 0 <= section < len(headers):
        return None
    return QCoreApplication.translate(context, headers[section])


def read_only_flags(index: AnyIndex) -> Qt.ItemFlag:
    """A row of a read-only table: enabled and selectable, never edited."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )


def read_only_view(
    model: QAbstractItemModel, parent: QWidget, *, row_padding: int = 12
) -> QTableView:
    """A row-selecting, read-only table view over ``model`` without a row-number column."""
    view = QTableView(parent)
    view.setModel(model)
    make_read_only(view, row_padding)
    view.horizontalHeader().setHighlightSections(False)
    return view


def make_read_only(view: QTableView, row_padding: int) -> None:
    """One whole row selected at a time, nothing editable, no row numbers, rows as tall as the
    font and ``row_padding``."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)


def selected_row(view: QTableView) -> Any:
    """The core row selected in ``view``, a view over a ``RowsModel`` directly or through
    proxies (sorting); None when no row is selected."""
    selection = view.selectionModel()
    rows = selection.selectedRows() if selection is not None else []
    if not rows:
        return None
    index, model = rows[0], view.model()
    while isinstance(model, QAbstractProxyModel):
        index, model = model.mapToSource(index), model.sourceModel()
    return model.row_data(index.row()) if isinstance(model, RowsModel) else None


def select_row(view: QTableView, wanted: Callable[[Any], bool]) -> bool:
    """Select the row of ``view`` (over a ``RowsModel``, directly or through proxies) whose core
    row is ``wanted``; whether there is one."""
    shown = view.model()
    for row in range(shown.rowCount()):
        index, model = shown.index(row, 0), shown
        while isinstance(model, QAbstractProxyModel):
            index, model = model.mapToSource(index), model.sourceModel()
        if isinstance(model, RowsModel) and wanted(model.row_data(index.row())):
            view.selectRow(row)
            return True
    return False


def sorted_view(model: RowsModel, parent: QWidget) -> tuple[QTableView, QSortFilterProxyModel]:
    """A row-selecting, read-only table view over ``model``, sortable on raw values."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(RAW_VALUE_ROLE)
    view = read_only_view(proxy, parent)
    view.setSortingEnabled(True)
    return view, proxy
