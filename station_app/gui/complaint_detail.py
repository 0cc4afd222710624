"""One complaint from registration to follow-up: its header and deadline, its records in tabs,
and the buttons of the actions its state allows (each opens a dialog of ``workflow_dialogs``).

The window reads the core on the GUI thread (a handful of indexed queries) and writes only
through the action dialogs and the attachment jobs; it reloads on ``complaints_changed`` and when
an action is refused. Each dialog gets the complaint's version as this window showed it, so an
action taken on a stale window is refused by the core.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.documents import (
    OUTPUT_REASONS,
    SAVED_PDF,
    DocumentContent,
    document_content,
    document_output,
    printable_documents,
    record_printed,
)
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs import (
    CONSENT_METHOD_LABELS,
    FOLLOW_UP_LABELS,
    MODE_LABELS,
    PAUSE_LABELS,
    ActionDialog,
    ConsentDialog,
    ReferralReplyDialog,
    RepresentedConsentDialog,
    action_dialog,
    action_label,
    code_label,
    ground_label,
    labelled,
    recipient_label,
)
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.history_dialog import HistoryModel, local_time, value_text
from station_app.gui.widgets.rows_model import RowColumn, RowsModel, read_only_view
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.attachments import (
    attach_to_complaint,
    attachments_of,
    copy_for_opening,
    export_attachment,
    get_attachment,
    safe_file_name,
)
from station_app.registry.audit import history
from station_app.registry.choices import officer_name
from station_app.registry.complaints import complainants_of, get_complaint
from station_app.registry.natures import primary_of, secondary_of, split_natures
from station_app.registry.station_kinds import may_take, station_kind
from station_app.store.models import Attachment, AuditEntry, Complaint
from station_app.store.workflow_models import ComplaintTransition
from station_app.validation import format_fen, mask_name, mask_phone
from station_app.workflow import consent, group_consent, mediation, states, transitions
from station_app.workflow.deadlines import deadline_of, deadlines_for
from station_app.workflow.rule_sets import shipped_rule_sets

log = logging.getLogger(__name__)
CONTEXT = "ComplaintDetail"

DEADLINE_NAMES = {
    "accept": QT_TRANSLATE_NOOP("ComplaintDetail", "受理决定期限"),
    "mediation": QT_TRANSLATE_NOOP("ComplaintDetail", "调解期限"),
    "termination_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解告知期限"),
    "follow_up": QT_TRANSLATE_NOOP("ComplaintDetail", "回访期限"),
}
DOCUMENT_TITLES = {
    "registration": QT_TRANSLATE_NOOP("ComplaintDetail", "投诉登记表"),
    "acceptance_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "受理告知书"),
    "not_accepted_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "不予受理告知书"),
    "mediation_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "投诉调解通知书"),
    "mediation_agreement": QT_TRANSLATE_NOOP("ComplaintDetail", "调解协议书"),
    "termination_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解告知书"),
    "follow_up_record": QT_TRANSLATE_NOOP("ComplaintDetail", "回访记录表"),
}
# what the history calls the workflow's records and their fields
TABLE_LABELS = {
    "mediation_step": QT_TRANSLATE_NOOP("ComplaintDetail", "调解记录"),
    "agreement": QT_TRANSLATE_NOOP("ComplaintDetail", "调解协议"),
    "referral": QT_TRANSLATE_NOOP("ComplaintDetail", "转办"),
    "follow_up": QT_TRANSLATE_NOOP("ComplaintDetail", "回访"),
    "mediation_pause": QT_TRANSLATE_NOOP("ComplaintDetail", "检测鉴定"),
    "consent_record": QT_TRANSLATE_NOOP("ComplaintDetail", "个人信息同意"),
    "attachment": QT_TRANSLATE_NOOP("ComplaintDetail", "附件"),
}
WORKFLOW_FIELDS = {
    "accepted_on": QT_TRANSLATE_NOOP("ComplaintDetail", "受理日期"),
    "not_accepted_ground": QT_TRANSLATE_NOOP("ComplaintDetail", "不予受理情形"),
    "mediation_clock_from": QT_TRANSLATE_NOOP("ComplaintDetail", "调解期限起算日"),
    "mediation_ended_on": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解日期"),
    "termination_ground": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解情形"),
    "termination_notified_on": QT_TRANSLATE_NOOP("ComplaintDetail", "终止告知日期"),
    "ended_on": QT_TRANSLATE_NOOP("ComplaintDetail", "结束日期"),
    "note": QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
    "carried_out": QT_TRANSLATE_NOOP("ComplaintDetail", "履行情况"),
    "carried_out_on": QT_TRANSLATE_NOOP("ComplaintDetail", "履行日期"),
    "reply_on": QT_TRANSLATE_NOOP("ComplaintDetail", "答复日期"),
    "reply": QT_TRANSLATE_NOOP("ComplaintDetail", "答复内容"),
    "external_number": QT_TRANSLATE_NOOP("ComplaintDetail", "对方案件编号"),
    "fine_fen": QT_TRANSLATE_NOOP("ComplaintDetail", "罚没款"),
    "withdrawn_at": QT_TRANSLATE_NOOP("ComplaintDetail", "撤回同意时间"),
}
# what the core stores (in Chinese) as the summary of a new workflow record, shown in the window's
# language: see record_created in workflow.consent, workflow.mediation and workflow.transitions
CREATED_SUMMARIES = {
    "consent_respondent": QT_TRANSLATE_NOOP("ComplaintDetail", "同意向被投诉方提供个人信息"),
    "refusal_respondent": QT_TRANSLATE_NOOP("ComplaintDetail", "不同意向被投诉方提供个人信息"),
    "consent": QT_TRANSLATE_NOOP("ComplaintDetail", "同意向%1提供个人信息"),
    "refusal": QT_TRANSLATE_NOOP("ComplaintDetail", "不同意向%1提供个人信息"),
    "referral": QT_TRANSLATE_NOOP("ComplaintDetail", "转办至%1"),
    "pause": QT_TRANSLATE_NOOP("ComplaintDetail", "%1，调解期限暂停"),
}
PRINTED = QT_TRANSLATE_NOOP("ComplaintDetail", "打印%1")
SAVED_AS_PDF = QT_TRANSLATE_NOOP("ComplaintDetail", "保存为 PDF：%1")
REASON_AND_NOTE = QT_TRANSLATE_NOOP("ComplaintDetail", "%1：%2")  # a move's reason and note
_CONSENT_SUMMARY = re.compile("(不?)同意向(.+)提供个人信息")
BANNER_STYLES = {
    "overdue": "background: #fde8ea; color: #8c0015; border: 1px solid #e4a1a9;",
    "soon": "background: #fff3d6; color: #6b4100; border: 1px solid #e8c77a;",
    "normal": "background: #eef4fb; color: #0b3d6e; border: 1px solid #b9d0ea;",
    "paused": "background: #f1f1f1; color: #333333; border: 1px solid #c8c8c8;",
}
STATUS_STYLE = (
    "QLabel#statusLabel { background: #0b5cad; color: #ffffff; border-radius: 4px;"
    " padding: 3px 10px; }"
)


def tr(text: str, comment: str | None = None) -> str:
    return QCoreApplication.translate(CONTEXT, text, comment)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _yuan(fen: int | None) -> str:
    return (
        ""
        if fen is None
        else format_fen(fen) + " " + QCoreApplication.translate("ComplaintDetail", "元")
    )


def _yes_no(value: bool | None) -> str:
    if value is None:
        return QCoreApplication.translate("ComplaintDetail", "未知")
    return (
        QCoreApplication.translate("ComplaintDetail", "是")
        if value
        else QCoreApplication.translate("ComplaintDetail", "否")
    )


class RecordRowsModel(RowsModel):
    """Read-only rows of text, each with the id of the record it shows."""

    CONTEXT = CONTEXT

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        columns = [RowColumn(h, lambda row, n=n: row[1][n]) for n, h in enumerate(headers)]
        super().__init__(columns, parent)  # headers: source texts of CONTEXT

    def row_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_texts(self) -> list[tuple[str, ...]]:
        return [texts for _id, texts in self._rows]


def _code_named(names: dict[str, str], name: str) -> str | None:
    """The code of one of the core's small dicts of Chinese names (调解方式, 检测鉴定类别)."""
    return next((code for code, known in names.items() if known == name), None)


def created_summary(table: str, text: str) -> str:
    """The summary the core stored in Chinese for a new workflow record, in the window's language
    (a summary it does not recognise is shown as stored)."""
    if table == "mediation_step":
        mode = _code_named(mediation.MEDIATION_MODES, text)
        return labelled(MODE_LABELS, mode) if mode else text
    if table == "mediation_pause":
        name, _, rest = text.partition("，")
        kind = _code_named(mediation.PAUSE_KINDS, name)
        if kind and rest == "调解期限暂停":
            return tr(CREATED_SUMMARIES["pause"]).replace("%1", labelled(PAUSE_LABELS, kind))
        return text
    if table == "follow_up":
        return code_label("satisfaction", codes.code_list("satisfaction").code_for(text) or text)
    targets = codes.code_list("referral_target")
    if table == "referral" and text.startswith("转办至"):
        target = targets.code_for(text.removeprefix("转办至"))
        if target:
            return tr(CREATED_SUMMARIES["referral"]).replace(
                "%1", code_label("referral_target", target)
            )
        return text
    found = _CONSENT_SUMMARY.fullmatch(text) if table == "consent_record" else None
    if found:
        refused, name = bool(found.group(1)), found.group(2)
        if name == consent.recipient_name(consent.RESPONDENT):
            return tr(CREATED_SUMMARIES["refusal_respondent" if refused else "consent_respondent"])
        target = targets.code_for(name)
        if target:
            template = CREATED_SUMMARIES["refusal" if refused else "consent"]
            return tr(template).replace("%1", code_label("referral_target", target))
    return text


def _document_title(kind: str, title: str) -> str:
    """A paper's title as the window shows it: as printed (it depends on who issues it), or the
    kind's translated name in a window in another language."""
    if kind in DOCUMENT_TITLES and tr(DOCUMENT_TITLES[kind]) != DOCUMENT_TITLES[kind]:
        return tr(DOCUMENT_TITLES[kind])
    return title


def printed_reason(reason: str) -> str:
    """``打印<title>`` / ``保存为PDF：<title>`` (stored by ``documents.record_printed``) as
    shown."""
    found = document_output(reason)
    if found is None or found[1] not in DOCUMENT_TITLES:
        return reason
    how, kind = found
    template = SAVED_AS_PDF if how == SAVED_PDF else PRINTED
    printed_title = reason.removeprefix(OUTPUT_REASONS[how])
    return tr(template).replace("%1", _document_title(kind, printed_title))


def reason_code_text(code: str) -> str:
    """A transition's reason code (an outcome, a satisfaction, a referral target, a ground of
    the rule sets; else an agreement number …) as shown."""
    for list_name in ("outcome", "satisfaction", "referral_target"):
        if codes.code_list(list_name).contains(code):
            return code_label(list_name, code)
    for rules in shipped_rule_sets():
        for ground in rules.not_accepted_grounds + rules.termination_grounds:
            if ground.code == code:
                return ground_label(ground)
    return code


class WorkflowHistoryModel(HistoryModel):
    """The complaint's audit entries and those of its workflow records, in plain words."""

    @staticmethod
    def _row(entry: AuditEntry) -> tuple[str, ...]:
        row = list(HistoryModel._row(entry))
        if entry.action == "transition" and entry.reason:
            # stored as "<action or reason code>：<the officer's note>" (transitions.move)
            code, _, rest = entry.reason.partition("：")
            shown = action_label(code) if code in states.ACTIONS else reason_code_text(code)
            row[5] = tr(REASON_AND_NOTE).replace("%1", shown).replace("%2", rest) if rest else shown
        if entry.action == "create" and entry.table != "complaint" and entry.new_value:
            row[4] = created_summary(entry.table, entry.new_value)
        if entry.action == "export" and entry.reason:
            row[5] = printed_reason(entry.reason)
        if entry.action == "attach":
            row[2] = QCoreApplication.translate("ComplaintDetail", "添加附件")
            row[4] = entry.new_value or ""
        if entry.table != "complaint":
            item = tr(TABLE_LABELS.get(entry.table, entry.table))
            if entry.field:
                item += " · " + tr(WORKFLOW_FIELDS.get(entry.field, entry.field))
            row[3] = item
        elif entry.field in WORKFLOW_FIELDS:
            row[3] = tr(WORKFLOW_FIELDS[entry.field])
        if entry.action == "update" and entry.field in ("carried_out", "granted"):
            row[4] = f"{_bool_text(entry.old_value)} → {_bool_text(entry.new_value)}"
        return tuple(row)


def _bool_text(value: str | None) -> str:
    return value_text(None, value) if value not in ("是", "否") else _yes_no(value == "是")


def _table(
    parent: QWidget, model: QAbstractTableModel, stretch: int, widths: list[int]
) -> QTableView:
    view = read_only_view(model, parent, row_padding=10)
    header = view.horizontalHeader()
    chars = view.fontMetrics().horizontalAdvance("中")
    least = []
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        wide = max(width * chars, view.fontMetrics().horizontalAdvance(title) + 8) + 16
        view.setColumnWidth(column, wide)
        least.append(wide)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit_contents() -> None:
        """Columns as wide as what they hold (English words run longer than the Chinese the
        widths were set for), never narrower than set nor wider than twice that."""
        for column, wide in enumerate(least):
            if column != stretch:
                hint = view.sizeHintForColumn(column) + 8
                view.setColumnWidth(column, min(max(wide, hint), 2 * wide))

    model.modelReset.connect(fit_contents)
    model.rowsInserted.connect(fit_contents)
    return view


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class ComplaintDetail(QDialog):
    """The detail window of one complaint (not modal: the list stays usable beside it)."""

    def __init__(self, app: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.complaint_id = complaint_id
        self.complaint: Complaint = get_complaint(complaint_id)
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setStyleSheet(STATUS_STYLE)
        self._build()
        app.events.complaints_changed.connect(self.reload)
        self.reload()
        fit_to_screen(self, 1200, 720)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.parties_label = QLabel(self)
        self.parties_label.setObjectName("partiesLabel")
        self.parties_label.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("deadlineBanner")
        self.banner.setWordWrap(True)
        banner_font = QFont(self.font())
        banner_font.setBold(True)
        self.banner.setFont(banner_font)

        title_row = QHBoxLayout()
        title_row.addWidget(self.number_label)
        title_row.addSpacing(12)
        title_row.addWidget(self.status_label)
        title_row.addStretch(1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._record_tab(), "")
        self.tabs.addTab(self._mediation_tab(), "")
        self.tabs.addTab(self._referral_tab(), "")
        self.tabs.addTab(self._follow_up_tab(), "")
        self.tabs.addTab(self._attachment_tab(), "")
        self.tabs.addTab(self._history_tab(), "")

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.parties_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._action_bar())

    def _action_bar(self) -> QVBoxLayout:
        self.action_buttons: dict[str, QPushButton] = {}
        moves = QHBoxLayout()
        records = QHBoxLayout()
        self.moves_label = QLabel(self.tr("办理："), self)
        self.records_label = QLabel(self.tr("登记："), self)
        moves.addWidget(self.moves_label)
        records.addWidget(self.records_label)
        for code, action in states.ACTIONS.items():
            button = QPushButton(action_label(code), self)
            button.setObjectName(f"action_{code}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, c=code: self.open_action(c))
            self.action_buttons[code] = button
            (moves if action.target is not None else records).addWidget(button)
        self.consent_button = QPushButton(self.tr("登记同意"), self)
        self.consent_button.setObjectName("consentButton")
        self.consent_button.setToolTip(
            self.tr("投诉人同意把个人信息提供给被投诉方或转办单位（调解、转办前须登记）")
        )
        self.consent_button.setAutoDefault(False)
        self.consent_button.clicked.connect(self.open_consent)
        records.addWidget(self.consent_button)
        self.represented_button = QPushButton(self.tr("被代表人同意"), self)
        self.represented_button.setObjectName("representedConsentButton")
        self.represented_button.setToolTip(
            self.tr("群体性投诉：被代表的投诉人同意变更、撤回投诉或达成调解协议")
        )
        self.represented_button.setAutoDefault(False)
        self.represented_button.clicked.connect(self.open_represented_consent)
        records.addWidget(self.represented_button)
        self.print_button = QPushButton(self.tr("打印"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setAutoDefault(False)
        self.print_menu = QMenu(self.print_button)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.print_button.setMenu(self.print_menu)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        moves.addStretch(1)
        moves.addWidget(self.print_button)
        moves.addWidget(self.close_button)
        records.addStretch(1)
        bar = QVBoxLayout()
        bar.addLayout(moves)
        bar.addLayout(records)
        return bar

    def _record_tab(self) -> QWidget:
        page = QWidget(self)
        self.summary = QFormLayout()
        self.summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.summary.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.summary.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        inner = QWidget()
        inner.setLayout(self.summary)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.edit_button = QPushButton(self.tr("编辑登记信息"), page)
        self.edit_button.setObjectName("editButton")
        self.edit_button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_record)
        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addStretch(1)
        left.addLayout(edit_row)

        self.consent_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "提供给"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "投诉人"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "答复"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "时间"),
            ],
            self,
        )
        self.consent_table = _table(page, self.consent_model, 0, [7, 4, 5, 5, 9])
        right = QVBoxLayout()
        right.addWidget(_heading(self.tr("个人信息提供同意"), page))
        right.addWidget(self.consent_table, 1)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        return page

    def _mediation_tab(self) -> QWidget:
        page = QWidget(self)
        self.step_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "调解时间"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "调解人员"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "到场人员"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "各方意见"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "结果"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "下次调解"),
            ],
            self,
        )
        self.pause_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "类别"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "开始日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "结束日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "机构"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
            ],
            self,
        )
        self.agreement_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议编号"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "签订日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议内容"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "金额"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "履行期限"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "履行情况"),
            ],
            self,
        )
        self.step_table = _table(page, self.step_model, 4, [9, 5, 6, 8, 12, 8, 6])
        self.pause_table = _table(page, self.pause_model, 4, [9, 6, 6, 10, 10])
        self.agreement_table = _table(page, self.agreement_model, 2, [12, 6, 14, 7, 6, 9])
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("调解记录"), page))
        layout.addWidget(self.step_table, 3)
        layout.addWidget(_heading(self.tr("调解协议"), page))
        layout.addWidget(self.agreement_table, 2)
        layout.addWidget(_heading(self.tr("检测鉴定（期间调解期限暂停）"), page))
        layout.addWidget(self.pause_table, 2)
        return page

    def _referral_tab(self) -> QWidget:
        page = QWidget(self)
        self.referral_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "转办日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "去向"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "接收单位"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "交对方办理"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "附个人信息"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "答复日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "答复内容"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "对方编号"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "罚没款"),
            ],
            self,
        )
        self.referral_table = _table(page, self.referral_model, 6, [6, 6, 8, 5, 5, 6, 10, 6, 6])
        self.referral_table.selectionModel().selectionChanged.connect(self._update_tab_buttons)
        self.referral_table.doubleClicked.connect(lambda _index: self.open_reply())
        self.reply_button = QPushButton(self.tr("登记转办答复"), page)
        self.reply_button.setObjectName("replyButton")
        self.reply_button.setAutoDefault(False)
        self.reply_button.clicked.connect(self.open_reply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.referral_table, 1)
        layout.addLayout(buttons)
        return page

    def _follow_up_tab(self) -> QWidget:
        page = QWidget(self)
        self.follow_up_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "回访日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "满意度"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议或承诺已履行"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "回访情况"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "重新打开"),
            ],
            self,
        )
        self.follow_up_table = _table(page, self.follow_up_model, 4, [6, 6, 6, 8, 14, 5])
        layout = QVBoxLayout(page)
        layout.addWidget(self.follow_up_table, 1)
        return page

    def _attachment_tab(self) -> QWidget:
        page = QWidget(self)
        self.attachment_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "文件名"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "大小"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "添加时间"),
            ],
            self,
        )
        self.attachment_table = _table(page, self.attachment_model, 0, [20, 6, 16, 9])
        self.attachment_table.selectionModel().selectionChanged.connect(self._update_tab_buttons)
        self.attachment_table.doubleClicked.connect(lambda _index: self.open_attachment())
        self.add_attachment_button = QPushButton(self.tr("添加附件…"), page)
        self.add_attachment_button.setObjectName("addAttachmentButton")
        self.add_attachment_button.setToolTip(self.tr("收据、照片、扫描件等证据"))
        self.open_attachment_button = QPushButton(self.tr("打开"), page)
        self.open_attachment_button.setObjectName("openAttachmentButton")
        self.save_attachment_button = QPushButton(self.tr("另存为…"), page)
        self.save_attachment_button.setObjectName("saveAttachmentButton")
        self.add_attachment_button.clicked.connect(lambda: self.add_attachment())
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.save_attachment_button.clicked.connect(lambda: self.save_attachment())
        buttons = QHBoxLayout()
        for button in (
            self.add_attachment_button,
            self.open_attachment_button,
            self.save_attachment_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.attachment_table, 1)
        layout.addLayout(buttons)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        self.transition_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "办理"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "状态变化"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "依据或结果"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "经办人"),
            ],
            self,
        )
        self.transition_table = _table(page, self.transition_model, 3, [6, 5, 10, 14, 10, 5])
        self.audit_model = WorkflowHistoryModel([], self)
        self.audit_view = _table(page, self.audit_model, 4, [9, 5, 6, 9, 14, 8])
        layout = QVBoxLayout(page)
        layout.addWidget(_heading(self.tr("办理经过"), page))
        layout.addWidget(self.transition_table, 2)
        layout.addWidget(_heading(self.tr("全部登记和修改记录（北京时间）"), page))
        layout.addWidget(self.audit_view, 3)
        return page

    # --- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the complaint and its records again (after any write)."""
        try:
            self.complaint = get_complaint(self.complaint_id)
        except StationError:  # deleted meanwhile (another window, a bundle import)
            self.setEnabled(False)
            self.banner.setText(self.tr("这条投诉已被删除。"))
            return
        complaint = self.complaint
        self.setWindowTitle(self.tr("投诉 %1").replace("%1", complaint.number))
        self.number_label.setText(self.tr("投诉 %1").replace("%1", complaint.number))
        self.status_label.setText(code_label("complaint_status", complaint.status))
        self._show_parties(complaint)
        self._show_deadline(complaint)
        self._show_summary(complaint)
        self._show_records(complaint)
        kind = station_kind()  # a liaison point neither decides on acceptance nor mediates
        allowed = {
            code
            for code in states.allowed_actions(
                complaint.status, mediation_ended=complaint.mediation_ended_on is not None
            )
            if may_take(code, kind)
        }
        for code, button in self.action_buttons.items():
            button.setVisible(code in allowed)
        self.moves_label.setVisible(any(c in allowed for c in states.TRANSITIONS))
        self.represented_button.setVisible(bool(group_consent.represented_people(complaint)))
        self._update_tab_buttons()

    def _people(self, complaint: Complaint) -> str:
        links = complainants_of(complaint)
        if not links:
            return ""
        first = links[0].person
        text = mask_name(first.name)
        if first.phone:
            text += "（" + mask_phone(first.phone) + "）"
        if complaint.is_group and complaint.group_size > 1:
            text = (
                self.tr("%1 等 %2 人").replace("%1", text).replace("%2", str(complaint.group_size))
            )
        return text

    def _show_parties(self, complaint: Complaint) -> None:
        parts = [
            self.tr("投诉人：%1").replace("%1", self._people(complaint)),
            self.tr("被投诉方：%1").replace("%1", complaint.respondent_name),
            self.tr("收到：%1").replace("%1", complaint.received_at.strftime("%Y-%m-%d %H:%M")),
        ]
        self.parties_label.setText("\u3000\u3000".join(parts))

    def _show_deadline(self, complaint: Complaint) -> None:
        pending = deadline_of(complaint)
        self.deadline_state = "none"
        if pending is None:
            self.banner.hide()
            return
        name = tr(DEADLINE_NAMES.get(pending.kind, pending.kind))
        deadline = pending.deadline
        if deadline.date is None:
            text = (
                self.tr("%1暂停：检测鉴定中，自 %2 起暂停计算，尚余 %3 天")
                .replace("%1", name)
                .replace("%2", _day(deadline.paused_since))
                .replace("%3", str(deadline.remaining))
            )
            state = "paused"
        else:
            today = self.app.clock.today()
            item = deadlines_for([complaint.id], today).get(complaint.id)
            left = item.working_days_left if item is not None else 0
            if deadline.is_overdue(today):
                how = (
                    self.tr("已超期 %1 个工作日").replace("%1", str(-left))
                    if left
                    else self.tr("已超期")
                )
                state = "overdue"
            elif item is not None and item.due_soon:
                how = (
                    self.tr("今天到期")
                    if left <= 0
                    else self.tr("还剩 %1 个工作日").replace("%1", str(left))
                )
                state = "soon"
            else:
                how = self.tr("还剩 %1 个工作日").replace("%1", str(left))
                state = "normal"
            text = (
                self.tr("%1：%2 前（%3）")
                .replace("%1", name)
                .replace("%2", deadline.date.isoformat())
                .replace("%3", how)
            )
        if deadline.estimated:
            text += self.tr("（估算：该年节假日安排尚未公布，按周一至周五计算）")
        self.deadline_state = state
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"QLabel#deadlineBanner {{ {BANNER_STYLES[state]} border-radius: 4px; padding: 6px 10px; }}"
        )
        self.banner.show()

    def _summary_rows(self, complaint: Complaint) -> list[tuple[str, str]]:
        marked = split_natures(complaint.natures)
        primary = primary_of(marked, complaint.primary_nature)
        natures = [code_label("nature", c) for c in [primary, *secondary_of(marked, primary)] if c]
        demands = [code_label("demand", c) for c in (complaint.demands or "").split(",") if c]
        separator = QCoreApplication.translate("HistoryDialog", "、", "between names in a list")
        rows = [
            (self.tr("登记编号"), complaint.number),
            (self.tr("收到时间"), complaint.received_at.strftime("%Y-%m-%d %H:%M")),
            (self.tr("投诉渠道"), code_label("channel", complaint.channel)),
            (
                self.tr("经办人"),
                officer_name(complaint.officer_id) if complaint.officer_id else "",
            ),
            (self.tr("投诉人"), self._people(complaint)),
            (self.tr("被投诉方"), complaint.respondent_name),
            (self.tr("统一社会信用代码"), complaint.respondent_credit_code or ""),
            (self.tr("被投诉方地址"), complaint.respondent_address or ""),
            (self.tr("商品或服务"), complaint.subject),
            (
                self.tr("大类"),
                codes.category_list().label(complaint.category_code)
                if complaint.category_code in codes.category_list()
                else complaint.category_code,
            ),
            (
                self.tr("投诉性质"),
                natures[0] + (self.tr("（另有：%1）").replace("%1", separator.join(natures[1:])))
                if len(natures) > 1
                else separator.join(natures),
            ),
            (self.tr("购买日期"), _day(complaint.purchase_date)),
            (self.tr("实付金额"), _yuan(complaint.amount_paid_fen)),
            (self.tr("投诉事由"), complaint.facts),
            (
                self.tr("诉求"),
                separator.join(part for part in [*demands, complaint.demand_text] if part),
            ),
            (self.tr("受理日期"), _day(complaint.accepted_on)),
        ]
        rules = transitions.rule_set_of(complaint)
        if complaint.not_accepted_ground:
            ground = next(
                (g for g in rules.not_accepted_grounds if g.code == complaint.not_accepted_ground),
                None,
            )
            rows.append(
                (
                    self.tr("不予受理情形"),
                    ground_label(ground) if ground else complaint.not_accepted_ground,
                )
            )
        if complaint.termination_ground:
            ground = next(
                (g for g in rules.termination_grounds if g.code == complaint.termination_ground),
                None,
            )
            rows.append(
                (
                    self.tr("终止调解情形"),
                    ground_label(ground) if ground else complaint.termination_ground,
                )
            )
            rows.append((self.tr("终止告知日期"), _day(complaint.termination_notified_on)))
        if complaint.outcome or complaint.closed_on:
            rows += [
                (self.tr("处理结果"), code_label("outcome", complaint.outcome)),
                (self.tr("办结日期"), _day(complaint.closed_on)),
                (self.tr("挽回经济损失"), _yuan(complaint.recovered_fen)),
                (self.tr("加倍赔偿"), _yuan(complaint.punitive_fen)),
                (self.tr("欺诈"), _yes_no(complaint.fraud)),
            ]
        rows.append((self.tr("12315编号"), complaint.hotline_number or ""))
        return rows

    def _show_summary(self, complaint: Complaint) -> None:
        while self.summary.rowCount():
            self.summary.removeRow(0)
        self.summary_values: dict[str, str] = {}
        for label, value in self._summary_rows(complaint):
            shown = QLabel(value or "—")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary.addRow(label + self.tr("："), shown)
            self.summary_values[label] = value

    def _show_records(self, complaint: Complaint) -> None:
        cid = complaint.id
        people = {
            link.person_id: mask_name(link.person.name) for link in complainants_of(complaint)
        }
        consents = consent.consents_of(cid)
        self.consent_model.set_rows(
            [
                (
                    row.id,
                    (
                        recipient_label(row.recipient),
                        people.get(row.person_id, ""),
                        (self.tr("已撤回") if row.withdrawn_at else self.tr("同意"))
                        if row.granted
                        else self.tr("不同意"),
                        self._consent_method(row.method),
                        row.given_at.strftime("%Y-%m-%d %H:%M"),
                    ),
                )
                for row in consents
            ]
        )
        steps = mediation.mediation_steps_of(cid)
        self.step_model.set_rows(
            [
                (
                    s.id,
                    (
                        s.held_at.strftime("%Y-%m-%d %H:%M"),
                        labelled(MODE_LABELS, s.mode, mediation.MEDIATION_MODES),
                        s.mediators,
                        s.attendance or "",
                        s.offers or "",
                        s.result or "",
                        _day(s.next_on),
                    ),
                )
                for s in steps
            ]
        )
        pauses = mediation.pauses_of(cid)
        self.pause_model.set_rows(
            [
                (
                    p.id,
                    (
                        labelled(PAUSE_LABELS, p.kind, mediation.PAUSE_KINDS),
                        _day(p.started_on),
                        _day(p.ended_on) or self.tr("进行中"),
                        p.institution or "",
                        p.note or "",
                    ),
                )
                for p in pauses
            ]
        )
        agreements = mediation.agreements_of(cid)
        self.agreement_model.set_rows(
            [
                (
                    a.id,
                    (
                        a.number,
                        _day(a.signed_on),
                        a.terms,
                        _yuan(a.amount_fen),
                        _day(a.perform_by),
                        self._carried_out(a.carried_out, a.carried_out_on),
                    ),
                )
                for a in agreements
            ]
        )
        referrals = transitions.referrals_of(cid)
        self.referral_model.set_rows(
            [
                (
                    r.id,
                    (
                        _day(r.referred_on),
                        code_label("referral_target", r.target),
                        r.agency_name or "",
                        _yes_no(r.hands_over),
                        _yes_no(r.with_personal_info),
                        _day(r.reply_on) or self.tr("未答复"),
                        r.reply or "",
                        r.external_number or "",
                        _yuan(r.fine_fen),
                    ),
                )
                for r in referrals
            ]
        )
        follow_ups = transitions.follow_ups_of(cid)
        self.follow_up_model.set_rows(
            [
                (
                    f.id,
                    (
                        _day(f.followed_up_on),
                        labelled(FOLLOW_UP_LABELS, f.method, transitions.FOLLOW_UP_METHODS),
                        code_label("satisfaction", f.satisfaction),
                        _yes_no(f.carried_out),
                        f.note or "",
                        _yes_no(f.reopened),
                    ),
                )
                for f in follow_ups
            ]
        )
        attachments = attachments_of(cid)
        self.attachment_model.set_rows(
            [
                (
                    a.id,
                    (
                        a.filename,
                        _size_text(a.size),
                        a.description or "",
                        local_time(a.updated_at),
                    ),
                )
                for a in attachments
            ]
        )
        moves = transitions.transitions_of(cid)
        self.transition_model.set_rows([(t.id, self._transition_texts(t)) for t in moves])
        uids = [complaint.uid] + [
            row.uid
            for group in (steps, pauses, agreements, referrals, follow_ups, consents, attachments)
            for row in group
        ]
        self.audit_model.set_rows([WorkflowHistoryModel._row(entry) for entry in history(uids)])
        counts = (
            None,
            len(steps) + len(agreements),
            len(referrals),
            len(follow_ups),
            len(attachments),
            None,
        )
        names = (
            self.tr("登记信息"),
            self.tr("调解"),
            self.tr("转办"),
            self.tr("回访"),
            self.tr("附件"),
            self.tr("历史"),
        )
        for index, (name, count) in enumerate(zip(names, counts, strict=True)):
            self.tabs.setTabText(
                index,
                self.tr("%1（%2）").replace("%1", name).replace("%2", str(count))
                if count
                else name,
            )

    def _consent_method(self, method: str) -> str:
        return labelled(CONSENT_METHOD_LABELS, method, consent.CONSENT_METHODS)

    def _carried_out(self, done: bool | None, on: dt.date | None) -> str:
        if done is None:
            return self.tr("待履行")
        if done:
            return self.tr("已履行 %1").replace("%1", _day(on)).strip()
        return self.tr("未履行")

    def _transition_texts(self, move: ComplaintTransition) -> tuple[str, ...]:
        return (
            _day(move.happened_on),
            action_label(move.action),
            f"{code_label('complaint_status', move.from_status)} → "
            f"{code_label('complaint_status', move.to_status)}",
            self._reason_text(move),
            move.reason or "",
            move.actor,
        )

    def _reason_text(self, move: ComplaintTransition) -> str:
        code = move.reason_code
        if not code:
            return ""
        if move.action in ("refuse", "end_mediation"):
            rules = transitions.rule_set_of(self.complaint)
            grounds = rules.not_accepted_grounds + rules.termination_grounds
            ground = next((g for g in grounds if g.code == code), None)
            return ground_label(ground) if ground else code
        for list_name in ("outcome", "satisfaction", "referral_target"):
            if codes.code_list(list_name).contains(code):
                return code_label(list_name, code)
        return code

    def _update_tab_buttons(self) -> None:
        self.reply_button.setEnabled(self._selected(self.referral_table) is not None)
        has_file = self._selected(self.attachment_table) is not None
        self.open_attachment_button.setEnabled(has_file)
        self.save_attachment_button.setEnabled(has_file)

    @staticmethod
    def _selected(view: QTableView) -> int | None:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        model = view.model()
        if not rows or not isinstance(model, RecordRowsModel):
            return None
        return model.row_id(rows[0].row())

    # --- actions ------------------------------------------------------------------------------

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(dialog, ActionDialog):  # refused: show the complaint as it is now
            dialog.refused.connect(self.reload)
        dialog.open()
        return dialog

    def open_action(self, action: str) -> ActionDialog | None:
        """Open the dialog of ``action`` (a button of the action bar)."""
        try:
            dialog = action_dialog(
                action, self.app, self.complaint_id, self, self.complaint.version
            )
        except StationError as error:
            QMessageBox.warning(self, self.tr("无法办理"), str(error))
            return None
        self._show_dialog(dialog)
        return dialog

    def open_consent(self) -> ConsentDialog:
        dialog = ConsentDialog(self.app, self.complaint_id, self, self.complaint.version)
        self._show_dialog(dialog)
        return dialog

    def open_represented_consent(self) -> RepresentedConsentDialog:
        dialog = RepresentedConsentDialog(self.app, self.complaint_id, self, self.complaint.version)
        self._show_dialog(dialog)
        return dialog

    def open_reply(self) -> ReferralReplyDialog | None:
        referral_id = self._selected(self.referral_table)
        if referral_id is None:
            return None
        dialog = ReferralReplyDialog(
            self.app, self.complaint_id, referral_id, self, self.complaint.version
        )
        self._show_dialog(dialog)
        return dialog

    def edit_record(self) -> ComplaintForm:
        form = ComplaintForm(self.app, complaint_id=self.complaint_id, parent=self)
        self._show_dialog(form)
        return form

    # --- attachments --------------------------------------------------------------------------

    def add_attachment(self, path: Path | None = None) -> None:
        """Store a file with the complaint (asks which when ``path`` is None), on the writer."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("添加附件"), str(Path.home()), self.tr("所有文件 (*)")
            )
            if not chosen:
                return
            path = Path(chosen)
        ctx = self.app.context()
        folder = self.app.installation.paths.attachments
        cid = self.complaint_id
        source = path
        self.app.jobs.run_write(
            lambda: attach_to_complaint(ctx, folder, get_complaint(cid), source),
            lambda _result: self.app.events.complaints_changed.emit(),
            self._file_failed,
            title=self.tr("添加附件"),
        )

    def _selected_attachment(self) -> Attachment | None:
        attachment_id = self._selected(self.attachment_table)
        return get_attachment(attachment_id) if attachment_id else None

    def open_attachment(self) -> None:
        """Open a copy of the file (in a temporary folder) with the program Windows chooses."""
        attachment = self._selected_attachment()
        if attachment is None:
            return
        folder = self.app.installation.paths.attachments
        self.app.jobs.run_read(
            lambda: copy_for_opening(folder, attachment), self._open_copy, self._file_failed
        )

    def _open_copy(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                self.tr("附件"),
                self.tr("本机没有可以打开“%1”的程序。").replace("%1", path.name),
            )

    def save_attachment(self, target: Path | None = None) -> None:
        """Save a copy of the file where the officer says (asks when ``target`` is None)."""
        attachment = self._selected_attachment()
        if attachment is None:
            return
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存附件"), str(Path.home() / safe_file_name(attachment.filename))
            )
            if not chosen:
                return
            target = Path(chosen)
        folder = self.app.installation.paths.attachments
        destination = target
        self.app.jobs.run_read(
            lambda: export_attachment(folder, attachment, destination), None, self._file_failed
        )

    def _file_failed(self, error: Exception) -> None:
        if isinstance(error, StationError | OSError):
            QMessageBox.warning(self, self.tr("附件"), str(error))
        else:
            log.error("attachment job failed", exc_info=error)

    # --- printing -----------------------------------------------------------------------------

    def _fill_print_menu(self) -> None:
        self.print_menu.clear()
        try:
            documents = printable_documents(self.complaint_id)
        except StationError as error:
            self.print_menu.addAction(str(error)).setEnabled(False)
            return
        for kind, title in documents:
            action = self.print_menu.addAction(_document_title(kind, title))
            action.setObjectName(f"print_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self.print_document(k))

    def print_document(self, kind: str) -> None:
        """Preview a document; each copy printed or saved as PDF from the preview (PIPL: full
        personal data on paper or in a file) is logged."""
        from station_app.gui.reports.printing import print_preview_dialog

        try:
            content: DocumentContent = document_content(kind, self.complaint_id)
        except StationError as error:
            QMessageBox.warning(self, self.tr("无法打印"), str(error))
            return
        shown = _document_title(kind, content.title)
        ctx = self.app.context()

        def record(how: str, _path: Path | None) -> None:
            self.app.jobs.run_write(
                lambda: record_printed(ctx, content, how), title=self.tr("打印")
            )

        print_preview_dialog(self, content, shown, on_output=record).exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        with contextlib.suppress(RuntimeError, TypeError):
            self.app.events.complaints_changed.disconnect(self.reload)
        super().closeEvent(event)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1024) // 1024} KB"


def open_complaint_detail(
    app: AppContext, complaint_id: int, parent: QWidget
) -> ComplaintDetail | None:
    """Show the detail window of a complaint; a message instead when it no longer exists."""
    try:
        window = ComplaintDetail(app, complaint_id, parent)
    except StationError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ComplaintDetail", "无法打开"), str(error)
        )
        return None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
