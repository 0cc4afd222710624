"""The visits list as a lazily paged table model (newest first, as the core pages them)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from station_app import codes
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.paged_table_model import ROW_ID_ROLE, FilteredTableModel
from station_app.gui.widgets.rows_model import RAW_VALUE_ROLE, RowColumn
from station_app.registry.listing import VisitFilter, count_visits, list_visits
from station_app.validation import mask_name

__all__ = ["RAW_VALUE_ROLE", "ROW_ID_ROLE", "VisitTableModel"]

_channel_name = code_name(lambda: codes.code_list("channel"))
_category_name = code_name(codes.category_list)
QUESTION_PREVIEW = 60


def _one_line(text: str | None, limit: int = QUESTION_PREVIEW) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


VISIT_COLUMNS = [
    RowColumn(
        QT_TRANSLATE_NOOP("VisitTableModel", "时间"),
        lambda r: r.visited_at.strftime("%Y-%m-%d %H:%M"),
        raw=lambda r: r.visited_at,
    ),
    RowColumn(QT_TRANSLATE_NOOP("VisitTableModel", "渠道"), lambda r: _channel_name(r.channel)),
    RowColumn(
        QT_TRANSLATE_NOOP("VisitTableModel", "来访人"),
        lambda r: mask_name(r.person_name) if r.person_name else "",
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("VisitTableModel", "人数"),
        lambda r: str(r.headcount),
        raw=lambda r: r.headcount,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("VisitTableModel", "类别"), lambda r: _category_name(r.topic_category)
    ),
    RowColumn(QT_TRANSLATE_NOOP("VisitTableModel", "所在村"), lambda r: r.village_name or ""),
    RowColumn(
        QT_TRANSLATE_NOOP("VisitTableModel", "问题"),
        lambda r: _one_line(r.question),
        tooltip=lambda r: r.question,
    ),
    RowColumn(QT_TRANSLATE_NOOP("VisitTableModel", "经办人"), lambda r: r.officer_name or ""),
]
QUESTION_COLUMN = 6


class VisitTableModel(FilteredTableModel[VisitFilter]):
    """Visits matching a filter, newest first; the core pages them by (time, id)."""

    CONTEXT = "VisitTableModel"
    COLUMNS = VISIT_COLUMNS
    SOURCE = (VisitFilter, list_visits, count_visits)
