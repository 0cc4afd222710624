"""The complaints list as a lazily paged table model.

Rows come from the core a page at a time (keyset paging, ``list_complaints(after=cursor)``), so a
county's million complaints open as fast as a station's hundred. Sorting asks the core again with
the matching sort key; only columns the core can sort on are sortable.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QColor

from station_app import codes
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.paged_table_model import PagedTableModel
from station_app.gui.widgets.rows_model import AnyIndex, RowColumn
from station_app.registry.listing import (
    PAGE_SIZE,
    ComplaintFilter,
    ComplaintRow,
    Page,
    count_complaints,
    list_complaints,
)
from station_app.registry.search import Snippet, match_snippets
from station_app.workflow.deadlines import (
    DueItem,
    complainant_text,
    deadline_name,
    deadlines_for,
)

_status_name = code_name(lambda: codes.code_list("complaint_status"))
_category_name = code_name(codes.category_list)


def _complainant_text(row: ComplaintRow) -> str:
    return complainant_text(row.complainant, row.is_group, row.group_size)


COMPLAINT_COLUMNS = [
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "登记编号"), lambda r: r.number, sort_key="number"
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "登记时间"),
        lambda r: r.received_at.strftime("%Y-%m-%d %H:%M"),
        sort_key="received_at",
        raw=lambda r: r.received_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "状态"),
        lambda r: _status_name(r.status),
        sort_key="status",
    ),
    RowColumn(QT_TRANSLATE_NOOP("ComplaintTableModel", "投诉人"), _complainant_text),
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "被投诉方"),
        lambda r: r.respondent_name,
        sort_key="respondent_name",
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "商品/服务"),
        lambda r: r.subject,
        sort_key="subject",
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "大类"),
        lambda r: _category_name(r.category_code),
        sort_key="category_code",
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ComplaintTableModel", "所在村"),
        lambda r: r.village_name or r.village_code or "",
        sort_key="village_code",
    ),
    RowColumn(QT_TRANSLATE_NOOP("ComplaintTableModel", "经办人"), lambda r: r.officer_name or ""),
    # why a row matched the search (the screen hides it while nothing is searched)
    RowColumn(QT_TRANSLATE_NOOP("ComplaintTableModel", "匹配内容"), lambda _r: ""),
]
MATCH_COLUMN = len(COMPLAINT_COLUMNS) - 1
ELLIPSIS = "…"


def snippet_text(snippet: Snippet) -> str:
    """The snippet as the cell shows it: the matched words in 【】, cut text marked by …."""
    text = "".join(f"【{part}】" if matched else part for part, matched in snippet.parts)
    return (
        (ELLIPSIS if snippet.clipped_start else "")
        + text
        + (ELLIPSIS if snippet.clipped_end else "")
    )


def snippet_html(snippet: Snippet) -> str:
    """The snippet as rich text (its tooltip): the matched words bold on a yellow ground."""
    text = "".join(
        f'<b style="background-color:#ffe58a">{html.escape(part)}</b>'
        if matched
        else html.escape(part)
        for part, matched in snippet.parts
    )
    return (
        (ELLIPSIS if snippet.clipped_start else "")
        + text
        + (ELLIPSIS if snippet.clipped_end else "")
    )


# rows whose deadline is past (red) or within 3 working days (amber): text colour, background tint
OVERDUE_COLORS = (QColor("#a8001c"), QColor("#fde4e7"))
DUE_SOON_COLORS = (QColor("#7a4a00"), QColor("#fff1cc"))
_DEADLINE_ROLES = (
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
)


def days_left_text(overdue: bool, left: int) -> str:
    """``已超期 3 个工作日`` / ``已超期`` / ``今天到期`` / ``还剩 2 个工作日``."""
    if overdue:
        if not left:
            return QCoreApplication.translate("ComplaintTableModel", "已超期")
        return QCoreApplication.translate("ComplaintTableModel", "已超期 %1 个工作日").replace(
            "%1", str(-left)
        )
    if left <= 0:
        return QCoreApplication.translate("ComplaintTableModel", "今天到期")
    return QCoreApplication.translate("ComplaintTableModel", "还剩 %1 个工作日").replace(
        "%1", str(left)
    )


def due_description(item: DueItem) -> str:
    """``2026-12-01（已超期 3 个工作日）`` / ``（今天到期）`` / ``（还剩 2 个工作日）``, + 估算.

    Each text is a literal of ``QCoreApplication.translate`` so that lupdate finds it.
    """
    how = days_left_text(item.overdue, item.working_days_left)
    text = QCoreApplication.translate("ComplaintTableModel", "%1（%2）")
    text = text.replace("%1", item.deadline.isoformat()).replace("%2", how)
    return text + (
        QCoreApplication.translate("ComplaintTableModel", "，估算") if item.estimated else ""
    )


def deadline_text(item: DueItem) -> str:
    """``调解期限 2026-12-01（已超期 3 个工作日）`` for a row's tooltip."""
    return f"{deadline_name(item.deadline_kind)} {due_description(item)}"


class ComplaintTableModel(PagedTableModel):
    """Complaints matching a filter, in the order of a core sort key.

    Rows with a deadline past or near are coloured (``deadlines_for`` on each fetched page, as of
    ``today()``); ``set_due_items`` narrows the list to some of them (the 到期提醒 filter), through
    the core filter's ``ids``, so sorting and paging work as for any filter.
    """

    CONTEXT = "ComplaintTableModel"

    def __init__(
        self,
        flt: ComplaintFilter | None = None,
        page_size: int = PAGE_SIZE,
        parent=None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(COMPLAINT_COLUMNS, page_size, parent)
        self._filter = flt or ComplaintFilter()
        self._sort_key = "received_at"
        self._descending = True
        self._today = today or dt.date.today
        self._deadlines: dict[int, DueItem] = {}
        self._due_ids: tuple[int, ...] | None = None  # the 到期提醒 filter's complaints
        self._snippets: dict[int, Snippet] = {}  # why each fetched row matched the search
        self.reload()

    def _effective_filter(self) -> ComplaintFilter:
        if self._due_ids is None:
            return self._filter
        return replace(self._filter, ids=self._due_ids)

    def fetch_page(self, after: Any, limit: int) -> Page:
        page = list_complaints(
            self._effective_filter(),
            sort=self._sort_key,
            descending=self._descending,
            after=after,
            limit=limit,
        )
        if after is None:
            self._deadlines = {}
        self._deadlines.update(deadlines_for([row.id for row in page.rows], self._today()))
        if after is None:
            self._snippets = {}
        if self._filter.text:
            self._snippets.update(match_snippets([row.id for row in page.rows], self._filter.text))
        return page

    def snippet_of_row(self, row: int) -> Snippet | None:
        complaint_id = self.row_id(row)
        return self._snippets.get(complaint_id) if complaint_id is not None else None

    def count_all(self) -> int:
        return count_complaints(self._effective_filter())

    def set_due_items(self, items: Iterable[DueItem] | None, at_least: int = 0) -> None:
        """Show only these complaints (None: all of the filter) and fetch again (``at_least``:
        as in ``reload``)."""
        self._due_ids = None if items is None else tuple(item.complaint_id for item in items)
        self.reload(at_least)

    def due_filter_active(self) -> bool:
        return self._due_ids is not None

    def deadline_of_row(self, row: int) -> DueItem | None:
        complaint_id = self.row_id(row)
        return self._deadlines.get(complaint_id) if complaint_id is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == MATCH_COLUMN:
            snippet = self.snippet_of_row(index.row())
            if role == Qt.ItemDataRole.DisplayRole:
                return snippet_text(snippet) if snippet else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                item = self.deadline_of_row(index.row())
                parts = [snippet_html(snippet)] if snippet else []
                parts += [html.escape(deadline_text(item))] if item else []
                return "<br>".join(parts) or None
        if index.isValid() and role in _DEADLINE_ROLES:
            item = self.deadline_of_row(index.row())
            if role == Qt.ItemDataRole.ToolTipRole:
                text = super().data(index, role)
                if item is None:
                    return text
                return f"{text}\n{deadline_text(item)}" if text else deadline_text(item)
            if item is None or not (item.overdue or item.due_soon):
                return None
            colors = OVERDUE_COLORS if item.overdue else DUE_SOON_COLORS
            return colors[0] if role == Qt.ItemDataRole.ForegroundRole else colors[1]
        return super().data(index, role)

    def complaint_filter(self) -> ComplaintFilter:
        return self._filter

    def set_filter(self, flt: ComplaintFilter) -> None:
        self._filter = flt
        self.reload()

    def sort_column(self) -> int:
        for number, column in enumerate(self._columns):
            if column.sort_key == self._sort_key:
                return number
        return 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key = self._columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.reload()
