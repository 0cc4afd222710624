"""A table model whose rows come from the core a page at a time (keyset paging), for lists of any
length: complaints, visits, events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal

from station_app.gui.widgets.rows_model import AnyIndex, RowColumn, RowsModel
from station_app.registry.listing import PAGE_SIZE, Page

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PagedTableModel(RowsModel):
    """Rows fetched by page from a core ``list_*`` function; subclasses say which and how."""

    CONTEXT = "PagedTableModel"
    total_changed = Signal(int)

    def __init__(self, columns: list[RowColumn], page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(columns, parent)
        self._page_size = page_size
        self._cursor: Any = None
        self._total = 0
        self._changing = False

    # --- what subclasses provide ------------------------------------------------------------

    def fetch_page(self, after: Any, limit: int) -> Page:
        raise NotImplementedError

    def count_all(self) -> int:
        raise NotImplementedError

    # --- loading ----------------------------------------------------------------------------

    def reload(self, at_least: int = 0) -> None:
        """Forget every row and fetch the first page again (after a filter, sort or write); after
        a write, ``at_least`` the rows listed before (``rowCount()``), so that a row selected far
        down the list is listed again."""
        page = self.fetch_page(None, max(self._page_size, at_least))
        total = self.count_all()
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cursor = page.cursor
        self._total = total
        # Listeners of modelReset (views, the model tester) may ask for more rows while the
        # reset is still being announced; inserting then would nest two changes. They ask
        # again once the change is over.
        self._changing = True
        try:
            self.endResetModel()
        finally:
            self._changing = False
        self.total_changed.emit(total)

    def total(self) -> int:
        """How many rows match, fetched or not."""
        return self._total

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None and not self._changing

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None or self._changing:
            return
        page = self.fetch_page(self._cursor, self._page_size)
        if not page.rows:
            self._cursor = None
            return
        first = len(self._rows)
        self._changing = True  # no nested fetch while this page is announced
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cursor = page.cursor
            self.endInsertRows()
        finally:
            self._changing = False

    # --- the model interface ----------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ROW_ID_ROLE:
            row = self.row_data(index.row()) if index.isValid() else None
            in_range = row is not None and 0 <= index.column() < len(self._columns)
            return row.id if in_range else None
        return super().data(index, role)

    # --- helpers for screens ----------------------------------------------------------------

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of_id(self, row_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == row_id:
                return number
        return -1


Filter = TypeVar("Filter")


class FilteredTableModel(PagedTableModel, Generic[Filter]):
    """Rows matching a core filter (``VisitFilter``, ``EventFilter`` …), fetched by the core's
    ``list_*(filter, after=, limit=)`` and counted by its ``count_*(filter)``.

    A subclass says its ``COLUMNS`` and its ``SOURCE``: the filter's class (its default lists
    everything), the ``list_*`` and the ``count_*`` function."""

    COLUMNS: ClassVar[list[RowColumn]]
    SOURCE: ClassVar[tuple[Callable[[], Any], Callable[..., Page], Callable[[Any], int]]]

    def __init__(self, flt: Filter | None = None, page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(self.COLUMNS, page_size, parent)
        everything, self._list_page, self._count = self.SOURCE
        self._filter: Filter = flt if flt is not None else everything()
        self.reload()

    def fetch_page(self, after: Any, limit: int) -> Page:
        return self._list_page(self._filter, after=after, limit=limit)

    def count_all(self) -> int:
        return self._count(self._filter)

    def current_filter(self) -> Filter:
        return self._filter

    def set_filter(self, flt: Filter) -> None:
        self._filter = flt
        self.reload()
