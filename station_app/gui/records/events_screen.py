"""The education events screen (宣传活动): the lazily paged list, its filters, 新建 / 编辑 / 删除."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QInputDialog,
)

from station_app import codes
from station_app.gui.records.event_form import EventForm
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.combos import code_choices, combo_value
from station_app.gui.widgets.dialog_parts import push_button
from station_app.gui.widgets.list_screen import ListScreen
from station_app.gui.widgets.paged_table_model import FilteredTableModel
from station_app.gui.widgets.rows_model import RowColumn, count_column
from station_app.registry.events import (
    EventFilter,
    EventRow,
    count_events,
    delete_event,
    list_events,
)

_type_name = code_name(lambda: codes.code_list("education_event_type"))

EVENT_COLUMNS = [
    RowColumn(
        QT_TRANSLATE_NOOP("EventTableModel", "日期"),
        lambda r: r.held_on.isoformat(),
        raw=lambda r: r.held_on,
    ),
    RowColumn(QT_TRANSLATE_NOOP("EventTableModel", "类型"), lambda r: _type_name(r.event_type)),
    RowColumn(
        QT_TRANSLATE_NOOP("EventTableModel", "主题"),
        lambda r: r.topic,
        tooltip=lambda r: f"{r.topic}\n{r.notes}" if r.notes else r.topic,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("EventTableModel", "所在村"),
        lambda r: r.village_name or r.village_code or "",
    ),
    count_column(QT_TRANSLATE_NOOP("EventTableModel", "参加人数"), lambda r: r.attendees),
    count_column(QT_TRANSLATE_NOOP("EventTableModel", "发放资料"), lambda r: r.leaflets),
    count_column(QT_TRANSLATE_NOOP("EventTableModel", "现场咨询"), lambda r: r.consultations),
    RowColumn(QT_TRANSLATE_NOOP("EventTableModel", "经办人"), lambda r: r.officer_name or ""),
]
TYPE_COLUMN = 1
TOPIC_COLUMN = 2
COLUMN_SAMPLES = {
    0: "2026-11-20",
    3: "景家营村民委员会",
    4: "参加人数",
    5: "发放资料",
    6: "现场咨询",
    7: "王联络员",
}


class EventTableModel(FilteredTableModel[EventFilter]):
    """Events matching a filter, newest first; the core pages them by (date, id)."""

    CONTEXT = "EventTableModel"
    COLUMNS = EVENT_COLUMNS
    SOURCE = (EventFilter, list_events, count_events)


class EventsScreen(ListScreen[EventTableModel]):
    """List, register, edit and delete the station's education events."""

    LISTS = ("events",)
    FORM = EventForm

    def _new_model(self) -> EventTableModel:
        return EventTableModel(EventFilter(origin=self._origin()), parent=self)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.new_button = push_button(
            self,
            self.tr("新建活动"),
            self.new_event,
            tooltip=self.tr("登记一场宣传活动：集市咨询、进村讲座、3·15宣传等"),
        )
        self.edit_button = push_button(self, self.tr("编辑"), self.edit_selected)
        self.delete_button = push_button(self, self.tr("删除"), self.delete_selected)
        top = self._top_bar(self.new_button, (self.edit_button, self.delete_button))

        self.month_combo = self._month_filter()
        self.type_combo = self._add_filter(
            self.tr("活动类型"), lambda: code_choices(codes.code_list("education_event_type"))
        )
        self.village_combo = self._village_filter()
        self._lay_out(top, min_length=6)

    def _setup_table(self) -> None:
        self._setup_list_table(self.edit_selected)
        type_names = [codes.label_of(e) for e in codes.code_list("education_event_type").entries()]
        self._size_columns({**COLUMN_SAMPLES, TYPE_COLUMN: self._widest(type_names)}, TOPIC_COLUMN)

    # --- the list -----------------------------------------------------------------------------

    def current_filter(self) -> EventFilter:
        return EventFilter(
            month=combo_value(self.month_combo),
            event_type=combo_value(self.type_combo),
            village_code=combo_value(self.village_combo),
            origin=self._origin(),
        )

    def _show_total(self, total: int) -> None:
        self._show_count(self.tr("共 %1 场"), total)

    def _unfiltered(self) -> EventFilter:
        return EventFilter(origin=self._origin())

    def _empty_texts(self) -> tuple[str, str]:
        return (
            self.tr("还没有宣传活动记录。\n办了集市咨询、进村讲座等活动后，点“新建活动”记一笔。"),
            self.tr("没有找到符合条件的宣传活动。\n可以把月份、类型或村改回“全部”。"),
        )

    # --- actions ------------------------------------------------------------------------------

    new_event = ListScreen.new_record

    def ask_delete_reason(self, row: EventRow) -> str | None:
        """Why the event is deleted (the audit log keeps it); None when the officer stops.
        An empty reason goes on to the core, which refuses it with its own sentence."""
        question = self.tr("为什么要删除 %1 的“%2”？（例如：重复登记）")
        question = question.replace("%1", row.held_on.isoformat()).replace("%2", row.topic)
        return self._ask_reason(
            QInputDialog(self), self.tr("删除宣传活动"), question, self.tr("删除")
        )

    def delete_selected(self) -> None:
        row: EventRow | None = self._selected_row()
        reason = None if row is None else self.ask_delete_reason(row)
        if row is not None and reason is not None:
            self._delete_in_background(delete_event, row.id, reason, self.tr("删除宣传活动"))
