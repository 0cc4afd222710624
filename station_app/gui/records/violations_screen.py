"""The reports of violations screen (举报): the paged list, its filters, 新建 / 编辑 / 转交 / 答复 /
删除. Counted apart from complaints (月度统计, 分析报告); synced to the county like every record."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QMessageBox,
)

from station_app.gui.records.violation_form import (
    ReferViolationDialog,
    ReplyDialog,
    ViolationForm,
)
from station_app.gui.widgets.combos import combo_value
from station_app.gui.widgets.dialog_parts import push_button
from station_app.gui.widgets.list_screen import ListScreen
from station_app.gui.widgets.paged_table_model import FilteredTableModel
from station_app.gui.widgets.rows_model import RowColumn
from station_app.registry.choices import Choice
from station_app.registry.violations import (
    ViolationFilter,
    ViolationRow,
    count_violations,
    delete_violation,
    list_violations,
)

CONTEXT = "ViolationTableModel"
STATE_NAMES = {
    "waiting": QT_TRANSLATE_NOOP("ViolationTableModel", "待转交"),
    "referred": QT_TRANSLATE_NOOP("ViolationTableModel", "已转交，待答复"),
    "replied": QT_TRANSLATE_NOOP("ViolationTableModel", "已答复"),
}
CASE_NAMES = {
    True: QT_TRANSLATE_NOOP("ViolationTableModel", "已立案"),
    False: QT_TRANSLATE_NOOP("ViolationTableModel", "不予立案"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("ViolationTableModel", "编号"), lambda r: r.number),
    RowColumn(
        QT_TRANSLATE_NOOP("ViolationTableModel", "收到时间"),
        lambda r: r.received_at.strftime("%Y-%m-%d %H:%M"),
        raw=lambda r: r.received_at,
    ),
    RowColumn(QT_TRANSLATE_NOOP("ViolationTableModel", "举报人"), lambda r: r.reporter),
    RowColumn(
        QT_TRANSLATE_NOOP("ViolationTableModel", "被举报的经营者"), lambda r: r.respondent_name
    ),
    RowColumn(QT_TRANSLATE_NOOP("ViolationTableModel", "举报内容"), lambda r: r.subject),
    RowColumn(
        QT_TRANSLATE_NOOP("ViolationTableModel", "办理情况"), lambda r: _tr(STATE_NAMES[r.state])
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ViolationTableModel", "立案"),
        lambda r: _tr(CASE_NAMES[r.case_filed]) if r.case_filed is not None else "",
    ),
]
SUBJECT_COLUMN = 4
COLUMN_SAMPLES = {
    0: "TJ001-JB2026-0001",
    1: "2026-11-20 09:30",
    2: "张**",
    3: "通江县诺江镇好又多超市",
}
STATE_COLUMN = 5


class ViolationTableModel(FilteredTableModel[ViolationFilter]):
    """Reports matching a filter, newest first; the core pages them by (received, id)."""

    CONTEXT = CONTEXT
    COLUMNS = COLUMNS
    SOURCE = (ViolationFilter, list_violations, count_violations)


class ViolationsScreen(ListScreen[ViolationTableModel]):
    """List, register, pass on, answer and delete the station's reports of violations."""

    LISTS = ("violations",)
    FORM = ViolationForm
    step: QDialog | None = None

    def _new_model(self) -> ViolationTableModel:
        return ViolationTableModel(self._unfiltered(), parent=self)

    def _build(self) -> None:
        self.new_button = push_button(
            self,
            self.tr("新建举报"),
            self.new_report,
            tooltip=self.tr("登记一件举报：有人反映经营者违法（短斤少两、假冒、过期、无照等）"),
        )
        self.edit_button = push_button(self, self.tr("编辑"), self.edit_selected)
        self.refer_button = push_button(
            self,
            self.tr("转交…"),
            self.refer_selected,
            tooltip=self.tr("记下转交市场监管部门的日期和部门"),
        )
        self.reply_button = push_button(self, self.tr("录入答复…"), self.reply_selected)
        self.delete_button = push_button(self, self.tr("删除"), self.delete_selected)
        top = self._top_bar(
            self.new_button,
            (self.edit_button, self.refer_button, self.reply_button, self.delete_button),
        )
        self.month_combo = self._month_filter()
        self.state_combo = self._add_filter(
            self.tr("办理情况"),
            lambda: [Choice(code, _tr(name)) for code, name in STATE_NAMES.items()],
        )
        self._lay_out(top, min_length=6)

    def _setup_table(self) -> None:
        self._setup_list_table(self.edit_selected)
        widest_state = self._widest(_tr(name) for name in STATE_NAMES.values())
        self._size_columns({**COLUMN_SAMPLES, STATE_COLUMN: widest_state}, SUBJECT_COLUMN)

    def current_filter(self) -> ViolationFilter:
        return ViolationFilter(
            month=combo_value(self.month_combo),
            state=combo_value(self.state_combo),
            origin=self._origin(),
        )

    def _unfiltered(self) -> ViolationFilter:
        return ViolationFilter(origin=self._origin())

    def _show_total(self, total: int) -> None:
        self._show_count(self.tr("共 %1 件"), total)

    def _empty_texts(self) -> tuple[str, str]:
        return (
            self.tr(
                "还没有举报记录。\n有人反映经营者违法时，点“新建举报”登记，再转交市场监管部门。"
            ),
            self.tr("没有找到符合条件的举报。\n可以把月份或办理情况改回“全部”。"),
        )

    new_report = ListScreen.new_record

    def _open_step(self, dialog: QDialog) -> QDialog:
        self.step = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def refer_selected(self) -> QDialog | None:
        report_id = self.selected_id()
        return (
            None
            if report_id is None
            else self._open_step(ReferViolationDialog(self.app, report_id, self))
        )

    def reply_selected(self) -> QDialog | None:
        row: ViolationRow | None = self._selected_row()
        if row is None:
            return None
        if row.referred_on is None:
            QMessageBox.information(
                self,
                self.tr("录入答复"),
                self.tr("这件举报还没有转交市场监管部门，请先点“转交…”。"),
            )
            return None
        return self._open_step(ReplyDialog(self.app, row.id, self))

    def delete_selected(self) -> None:
        row: ViolationRow | None = self._selected_row()
        if row is None:
            return
        question = self.tr("为什么要删除举报 %1？（例如：重复登记）").replace("%1", row.number)
        title = self.tr("删除举报")
        reason = self._ask_reason(QInputDialog(self), title, question, self.tr("删除"))
        if reason is not None:
            self._delete_in_background(delete_violation, row.id, reason, title)
