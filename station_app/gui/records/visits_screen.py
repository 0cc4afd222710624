"""The visits screen: quick entry, the lazily paged list, search, and turning a visit into a complaint."""

from __future__ import annotations

from PySide6.QtCore import Qt

from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.records.visit_form import VisitForm
from station_app.gui.records.visit_table_model import QUESTION_COLUMN, VisitTableModel
from station_app.gui.widgets.combos import combo_value
from station_app.gui.widgets.dialog_parts import push_button
from station_app.gui.widgets.list_screen import ListScreen
from station_app.registry.listing import VisitFilter
from station_app.registry.visits import complaint_draft_from_visit, get_visit

COLUMN_SAMPLES = {
    0: "2026-11-20 10:00",
    1: "集市/宣传点",
    2: "张**",
    3: "人数",
    4: "家用电子电器类",
    5: "城南社区居委会",
    7: "王联络员",
}


class VisitsScreen(ListScreen[VisitTableModel]):
    """Register visits quickly, find them again, and convert one into a complaint."""

    LISTS = ("visits",)
    FORM = VisitForm
    complaint_form: ComplaintForm | None = None

    def _new_model(self) -> VisitTableModel:
        return VisitTableModel(parent=self)

    def _build(self) -> None:
        self.new_button = push_button(
            self, self.tr("登记来访"), self.new_visit, tooltip=self.tr("快速登记一次来访或电话咨询")
        )
        self.edit_button = push_button(self, self.tr("编辑"), self.edit_selected)
        self.convert_button = push_button(
            self,
            self.tr("转为投诉"),
            self.convert_selected,
            tooltip=self.tr("把这次来访登记为一件投诉，已填内容自动带入"),
        )
        self._build_search(self.tr("搜索：问题或答复中的任意几个字"), 280)
        top = self._top_bar(self.new_button, (self.edit_button, self.convert_button))

        self.month_combo = self._month_filter()
        self.village_combo = self._village_filter()
        self.officer_combo = self._officer_filter()
        self._lay_out(top, min_length=5)

    def _setup_table(self) -> None:
        self._setup_list_table(self.edit_selected)
        self._size_columns(COLUMN_SAMPLES, QUESTION_COLUMN, fit_headers=False)

    def current_filter(self) -> VisitFilter:
        text = self.search_edit.text().strip()
        return VisitFilter(
            month=combo_value(self.month_combo),
            village_code=combo_value(self.village_combo),
            officer_id=combo_value(self.officer_combo),
            text=text or None,
        )

    def _show_total(self, total: int) -> None:
        self._show_count(self.tr("共 %1 条"), total)

    def _unfiltered(self) -> VisitFilter:
        return VisitFilter()

    def _empty_texts(self) -> tuple[str, str]:
        return (
            self.tr("还没有来访咨询记录。\n有人来问事或打电话咨询时，点“登记来访”记一笔。"),
            self.tr("没有找到符合条件的来访记录。\n可以少输几个字再搜索，或把月份改回“全部”。"),
        )

    # --- actions ------------------------------------------------------------------------------

    new_visit = ListScreen.new_record

    def convert_selected(self) -> ComplaintForm | None:
        """Open the complaint form pre-filled from the selected visit."""
        visit_id = self.selected_id()
        if visit_id is None:
            return None
        draft = complaint_draft_from_visit(get_visit(visit_id))
        form = ComplaintForm(self.app, draft=draft, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.complaint_form = form
        form.open()
        return form
