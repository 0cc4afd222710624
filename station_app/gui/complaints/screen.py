"""The complaints screen: filter bar, search box, the lazily paged list and its actions.

Several complaints may be selected (Ctrl/Shift-click) for 导出12315移交表: the core writes those
whose complainants all agreed to 12315 into an Excel sheet (``reports.hotline_handoff``) on the
writer (it logs the export on each), and a message says how many went and which did not, why.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
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
from station_app.gui.app.crash_dialog import show_refusal
from station_app.gui.app.jobs import JobHandle
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.table_model import MATCH_COLUMN, ComplaintTableModel
from station_app.gui.widgets import record_form
from station_app.gui.widgets.combos import code_choices, combo_value
from station_app.gui.widgets.dialog_parts import confirm, push_button
from station_app.gui.widgets.list_screen import CELL_PADDING, ListScreen
from station_app.gui.widgets.progress import JobProgress, watch_job
from station_app.gui.widgets.save_paths import choose_workbook_path, open_folder
from station_app.registry.complaints import delete_complaint
from station_app.registry.listing import ComplaintFilter, ComplaintRow
from station_app.workflow.deadlines import due_items

if TYPE_CHECKING:  # the detail window and the hand-off (Excel writing) load on first use
    from station_app.gui.complaints.detail.history import HistoryDialog
    from station_app.gui.complaints.detail.window import ComplaintDetail
    from station_app.reports.hotline_handoff import HandoffWritten

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
HANDOFF_FOLDER_KEY = "complaints/handoff_folder"  # where the last 12315 hand-off was saved
REFUSALS_SHOWN = 10  # complaints left out named in the message itself (all: 详细信息)

log = logging.getLogger(__name__)


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
    MULTI_SELECT = True  # for 导出12315移交表
    detail: ComplaintDetail | None = None
    handoff_job: JobHandle | None = None
    handoff_progress: JobProgress | None = None
    handoff_box: QMessageBox | None = None  # the message of the last hand-off

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
        self.handoff_button = push_button(
            self,
            self.tr("导出12315移交表…"),
            self.export_handoff,
            tooltip=self.tr(
                "把选中的投诉按12315平台的填写项写成 Excel 表，供录入12315平台。\n"
                "只写入投诉人都同意向12315提供个人信息的投诉。\n"
                "按住 Ctrl 或 Shift 点击，可以选中多件投诉。"
            ),
            name="handoffButton",
        )
        self._build_search(self.tr("搜索：姓名、电话、商家、商品、事由中的任意几个字"), 200)
        top = self._top_bar(
            self.new_button,
            (self.detail_button, self.edit_button, self.history_button, self.delete_button),
            (self.handoff_button,),
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
        self.due_combo.currentIndexChanged.connect(lambda _index: self.apply_due_filter())

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

    def apply_due_filter(self, at_least: int = 0) -> None:
        """到期提醒: only the complaints overdue, or due within 3 working days, as of today
        (``at_least``: as in ``PagedTableModel.reload``)."""
        wanted = combo_value(self.due_combo)
        if wanted is None:
            self.model.set_due_items(None, at_least)
            return
        items = due_items(self.app.clock.today())
        self.model.set_due_items(
            [item for item in items if (item.overdue if wanted == "overdue" else item.due_soon)],
            at_least,
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
        """Fetch the list again (after a write), keeping the officer's place in it."""
        if self.model.due_filter_active():
            self._keeping_place(self.apply_due_filter)  # what is due changes with the write
        else:
            super().refresh()

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

    # --- 12315 hand-off -----------------------------------------------------------------------

    def choose_handoff_path(self, suggested: str) -> Path | None:
        """Where to save the hand-off; None when the officer cancels (tests replace this)."""
        return choose_workbook_path(
            self,
            self.tr("导出12315移交表"),
            HANDOFF_FOLDER_KEY,
            suggested,
        )

    def open_folder(self, folder: Path) -> None:
        """Show the folder the hand-off went to (tests replace this)."""
        open_folder(folder)

    def export_handoff(self) -> JobHandle | None:
        """Ask where, then write the selected complaints that may go to 12315 on the writer."""
        rows: list[ComplaintRow] = self._selected_rows()
        if not rows or (self.handoff_job is not None and not self.handoff_job.done):
            return None
        today = self.app.clock.today()
        path = self.choose_handoff_path(
            self.tr("12315移交表_%1.xlsx").replace("%1", f"{today:%Y%m%d}")
        )
        if path is None:
            return None
        from station_app.reports.hotline_handoff import write_handoff  # first use: later

        ctx = self.app.context()
        numbers = [row.number for row in rows]
        handle = self.app.jobs.run_write(
            lambda: write_handoff(ctx, numbers, path),
            self._handoff_written,
            lambda error: self._handoff_failed(error, path),
            title=self.tr("导出12315移交表"),
        )
        self.handoff_job = handle
        self.handoff_progress = watch_job(
            handle, self, self.tr("正在导出12315移交表…"), cancellable=False
        )
        return handle

    def handoff_text(self, done: HandoffWritten) -> tuple[str, str]:
        """The message after a hand-off: how many were written where, then those left out with
        the reason (the first ``REFUSALS_SHOWN``); and all those left out (the details)."""
        if done.written:
            text = (
                self.tr("已把 %1 件投诉写入12315移交表：\n%2")
                .replace("%1", str(len(done.written)))
                .replace("%2", str(done.path))
            )
        else:
            text = self.tr("没有一件投诉可以写入，没有生成文件。")
        if not done.refused:
            return text, ""
        lines = [
            self.tr("%1：%2").replace("%1", refusal.number).replace("%2", refusal.reason)
            for refusal in done.refused
        ]
        text += "\n\n" + self.tr("以下 %1 件投诉没有写入：").replace("%1", str(len(lines)))
        text += "\n" + "\n".join(lines[:REFUSALS_SHOWN])
        if len(lines) > REFUSALS_SHOWN:
            more = len(lines) - REFUSALS_SHOWN
            text += "\n" + self.tr("……另有 %1 件，见“详细信息”。").replace("%1", str(more))
            return text, "\n".join(lines)
        return text, ""

    def _handoff_written(self, done: HandoffWritten) -> None:
        text, details = self.handoff_text(done)
        icon = QMessageBox.Icon.Information if not done.refused else QMessageBox.Icon.Warning
        self._handoff_message(icon, text, details, done.path.parent if done.written else None)

    def _handoff_failed(self, error: Exception, path: Path) -> None:
        """A refusal as its sentence; the file not writable (open in Excel/WPS, a read-only
        folder, a full disk) as such; a bug goes to the log."""
        if isinstance(error, StationError):
            show_refusal(error, self)
        elif isinstance(error, OSError):
            text = (
                self.tr("无法写入文件 %1：%2\n如果这个文件正在 Excel 或 WPS 中打开，请先关闭。")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
            self._handoff_message(QMessageBox.Icon.Warning, text)
        else:
            log.error("writing the 12315 hand-off failed", exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)

    def _handoff_message(
        self, icon: QMessageBox.Icon, text: str, details: str = "", folder: Path | None = None
    ) -> None:
        """The message after a hand-off (``handoff_box``), offering to open ``folder``."""
        box = QMessageBox(icon, self.tr("导出12315移交表"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if details:
            box.setDetailedText(details)
        if folder is not None:
            button = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda: self.open_folder(folder))
        box.addButton(self.tr("知道了"), QMessageBox.ButtonRole.AcceptRole)
        self.handoff_box = box
        box.open()
