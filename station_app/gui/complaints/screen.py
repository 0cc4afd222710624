"""The complaints screen: filter bar, search box, the lazily paged list and its actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
)

from station_app import codes
from station_app.errors import StationError
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.table_model import MATCH_COLUMN, ComplaintTableModel
from station_app.gui.widgets import record_form
from station_app.gui.widgets.combos import code_choices, combo_value
from station_app.gui.widgets.dialog_parts import confirm, push_button
from station_app.gui.widgets.list_screen import CELL_PADDING, ListScreen
from station_app.registry.complaints import delete_complaint
from station_app.registry.listing import ComplaintFilter
from station_app.workflow.deadlines import due_items

if TYPE_CHECKING:  # the detail window loads when first opened (start-up time)
    from station_app.gui.complaints.detail.history import HistoryDialog
    from station_app.gui.complaints.detail.window import ComplaintDetail

# column -> a sample of its widest usual content, for initial widths
COLUMN_SAMPLES = {
    0: "TJ001-2026-0001",
    1: "2026-11-20 10:00",
    2: "协议待履行",
    3: "张** 等 12 人",
    5: "电动三轮车（二手）",
    6: "家用电子电器类",
    7: "城南社区居委会",
    8: "王联络员",
    MATCH_COLUMN: "…年在镇上买的【复合肥】结块严重，施用后…",
}
STRETCH_COLUMN = 4  # 被投诉方 takes what is left; the rest show the full text in a tooltip
# coded columns are as wide as their longest label in the display language (English names are
# longer than the Chinese samples), up to this many times the sample's width
CODED_COLUMNS = {2: "complaint_status", 6: "category"}
CODED_WIDTH_LIMIT = 1.25


class ReasonDialog(QInputDialog):
    """The reason for a deletion: 取消 or Esc asks before throwing a typed reason away."""

    def reject(self) -> None:
        if self.textValue().strip() and not record_form.ask_discard(self):
            return
        super().reject()


class ComplaintsScreen(ListScreen[ComplaintTableModel]):
    """Find, open, register and delete complaints."""

    LISTS = ("complaints",)
    FORM = ComplaintForm
    detail: ComplaintDetail | None = None

    def _new_model(self) -> ComplaintTableModel:
        return ComplaintTableModel(parent=self, today=self.app.clock.today)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.new_button = push_button(
            self, self.tr("新建投诉"), self.new_complaint, tooltip=self.tr("登记一件新投诉")
        )
        self.detail_button = push_button(
            self,
            self.tr("详情"),
            self.open_detail,
            tooltip=self.tr("查看和办理选中的投诉（双击或按回车也可以）"),
            name="detailButton",
        )
        self.edit_button = push_button(self, self.tr("编辑"), self.edit_selected)
        self.history_button = push_button(self, self.tr("历史记录"), self.show_history)
        self.delete_button = push_button(self, self.tr("删除"), self.delete_selected)
        self._build_search(self.tr("搜索：姓名、电话、商家、商品、事由中的任意几个字"), 200)
        top = self._top_bar(
            self.new_button,
            (self.detail_button, self.edit_button, self.history_button, self.delete_button),
        )

        self.status_combo = self._add_filter(
            self.tr("状态"), lambda: code_choices(codes.code_list("complaint_status"))
        )
        self.month_combo = self._month_filter()
        self.category_combo = self._add_filter(
            self.tr("大类"), lambda: code_choices(codes.category_list())
        )
        self.village_combo = self._village_filter()
        self.officer_combo = self._officer_filter()
        self.due_combo = self._add_filter(self.tr("到期提醒"))
        self.due_combo.setObjectName("dueCombo")
        self.due_combo.addItem(self.tr("全部"), None)
        self.due_combo.addItem(self.tr("已超期"), "overdue")
        self.due_combo.addItem(self.tr("3个工作日内到期"), "due_soon")
        self.due_combo.setToolTip(self.tr("只看已超过办理期限或即将到期的投诉"))
        self.clear_button = push_button(self, self.tr("清空筛选"), self.clear_filters)
        self.total_label = QLabel(self)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        filters = self._filter_bar(min_length=3, spacing=2)
        self.due_combo.setMinimumContentsLength(5)
        filters.addStretch(1)
        # beside the search box: the filter row is full (English in larger text needs every pixel)
        top.addWidget(self.clear_button)
        top.addWidget(self.total_label)
        self.reload_choices()
        for combo in self._filter_combos():
            combo.currentIndexChanged.connect(self.apply_filter)
        self.due_combo.currentIndexChanged.connect(self.apply_due_filter)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self._build_table_stack(), 1)

    def _filter_combos(self) -> list[QComboBox]:
        """The combos of the core filter (到期提醒 filters apart)."""
        return [combo for _text, combo in self.filters if combo is not self.due_combo]

    def _setup_table(self) -> None:
        self._setup_list_table(self.open_detail)
        table = self.table
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            width = metrics.horizontalAdvance(sample)
            if column in CODED_COLUMNS:
                code_list = (
                    codes.category_list()
                    if CODED_COLUMNS[column] == "category"
                    else codes.code_list(CODED_COLUMNS[column])
                )
                longest = max(
                    metrics.horizontalAdvance(codes.label_of(entry)) for entry in code_list
                )
                width = max(width, min(longest, int(width * CODED_WIDTH_LIMIT)))
            table.setColumnWidth(column, width + CELL_PADDING)
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("经办人") + CELL_PADDING)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        table.setColumnHidden(MATCH_COLUMN, not self.model.complaint_filter().text)

    # --- state --------------------------------------------------------------------------------

    def current_filter(self) -> ComplaintFilter:
        text = self.search_edit.text().strip()
        return ComplaintFilter(
            status=combo_value(self.status_combo),
            month=combo_value(self.month_combo),
            category_code=combo_value(self.category_combo),
            village_code=combo_value(self.village_combo),
            officer_id=combo_value(self.officer_combo),
            text=text or None,
        )

    def apply_filter(self) -> None:
        self.search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.complaint_filter():
            self.model.set_filter(flt)
        self.table.setColumnHidden(MATCH_COLUMN, not flt.text)  # why each row matched

    def apply_due_filter(self) -> None:
        """到期提醒: only the complaints overdue, or due within 3 working days, as of today."""
        wanted = combo_value(self.due_combo)
        if wanted is None:
            self.model.set_due_items(None)
            return
        items = due_items(self.app.clock.today())
        self.model.set_due_items(
            [item for item in items if (item.overdue if wanted == "overdue" else item.due_soon)]
        )

    def clear_filters(self) -> None:
        self.due_combo.blockSignals(True)
        self.due_combo.setCurrentIndex(0)
        self.due_combo.blockSignals(False)
        if self.model.due_filter_active():
            self.model.set_due_items(None)
        for combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Fetch the list again (after a write), keeping the selected complaint selected."""
        selected = self.selected_id()
        if self.model.due_filter_active():
            self.apply_due_filter()  # what is due changes with the write
        else:
            self.model.reload()
        if selected is not None:
            self.select_id(selected)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), header.sortIndicatorOrder())
            header.blockSignals(False)
            header.viewport().update()

    def _show_total(self, total: int) -> None:
        self._show_count(self.tr("共 %1 条"), total)

    def _is_unfiltered(self) -> bool:
        return self.current_filter() == ComplaintFilter() and not self.model.due_filter_active()

    def _empty_texts(self) -> tuple[str, str]:
        return (
            self.tr("还没有登记任何投诉。\n点左上角的“新建投诉”，登记第一件投诉。"),
            self.tr("没有找到符合条件的投诉。\n可以少输几个字再搜索，或点“清空筛选”查看全部投诉。"),
        )

    # --- actions (the main window calls the first two) ----------------------------------------

    new_complaint = ListScreen.new_record

    def open_detail(self) -> ComplaintDetail | None:
        """The detail window of the selected complaint: its records and its workflow actions."""
        complaint_id = self.selected_id()
        if complaint_id is None:
            return None
        from station_app.gui.complaints.detail.window import (  # first use: later
            open_complaint_detail,
        )

        self.detail = open_complaint_detail(self.app, complaint_id, self, self.refresh)
        return self.detail

    def edit_selected(self) -> ComplaintForm | None:
        complaint_id = self.selected_id()
        if complaint_id is None:
            return None
        try:
            form = ComplaintForm(self.app, complaint_id=complaint_id, parent=self)
        except StationError as error:  # deleted meanwhile (e.g. by a bundle import)
            QMessageBox.warning(self, self.tr("无法打开"), str(error))
            self.refresh()
            return None
        return self._open_form(form)

    def show_history(self) -> HistoryDialog | None:
        complaint_id = self.selected_id()
        if complaint_id is None:
            return None
        from station_app.gui.complaints.detail.history import HistoryDialog  # first use: later

        try:
            dialog = HistoryDialog(self.app, complaint_id, self)
        except StationError as error:
            QMessageBox.warning(self, self.tr("无法打开"), str(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def ask_delete_reason(self, number: str) -> str | None:
        question = self.tr("为什么要删除投诉 %1？（例如：重复登记）").replace("%1", number)
        reason = self._ask_reason(
            ReasonDialog(self), self.tr("删除投诉"), question, self.tr("下一步")
        )
        return reason or None

    def confirm_delete(self, number: str) -> bool:
        question = self.tr("确定删除投诉 %1 吗？删除后列表中不再显示，登记编号也不会再用。")
        return confirm(
            self,
            QMessageBox.Icon.Warning,
            self.tr("删除投诉"),
            question.replace("%1", number),
            self.tr("删除"),
            self.tr("不删除"),
        )

    def delete_selected(self) -> None:
        row = self._selected_row()
        reason = None if row is None else self.ask_delete_reason(row.number)
        if reason is None or not self.confirm_delete(row.number):
            return
        self._delete_in_background(delete_complaint, row.id, reason, self.tr("删除投诉"))
