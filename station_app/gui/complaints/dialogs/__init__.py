"""One small dialog per workflow action: 受理, 不予受理, 转办, 调解记录, 调解协议, 办结, 回访 …

Each dialog reads what the officer typed, hands one core call to the writer
(``app.jobs.run_write``) with the complaint's version as the screen saw it (the detail window
hands over the version it showed; the core refuses the action when the complaint has changed
since), and on success announces ``app.events.complaints_changed``. A refused input shows its
reasons beside the fields (:class:`FieldErrors`); a refused action (wrong state, consent missing,
changed meanwhile) shows its one plain sentence in a red box at the top, the dialog stays open and
announces ``refused`` (the detail window reads the complaint again).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.combos import combo_value
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.gui.widgets.record_form import add_save_shortcuts
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.context import Context
from station_app.validation import mask_name, parse_yuan_to_fen
from station_app.workflow import consent, group_consent, mediation, states, transitions
from station_app.workflow.action_subject import ActionSubject, action_subject
from station_app.workflow.rule_sets import Ground

log = logging.getLogger(__name__)
CONTEXT = "WorkflowDialogs"
REFUSAL_STYLE = (
    "QLabel#refusal { color: #8c0015; background: #fde8ea; border: 1px solid #e4a1a9;"
    " border-radius: 4px; padding: 8px; }"
)

# what the buttons and dialogs call each action (the core's ``Action.name`` in Chinese)
ACTION_LABELS: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("WorkflowDialogs", "受理"),
    "refuse": QT_TRANSLATE_NOOP("WorkflowDialogs", "不予受理"),
    "refer": QT_TRANSLATE_NOOP("WorkflowDialogs", "转办"),
    "start_mediation": QT_TRANSLATE_NOOP("WorkflowDialogs", "开始调解"),
    "record_agreement": QT_TRANSLATE_NOOP("WorkflowDialogs", "调解协议"),
    "close": QT_TRANSLATE_NOOP("WorkflowDialogs", "办结"),
    "end_mediation": QT_TRANSLATE_NOOP("WorkflowDialogs", "终止调解"),
    "withdraw": QT_TRANSLATE_NOOP("WorkflowDialogs", "撤回"),
    "follow_up": QT_TRANSLATE_NOOP("WorkflowDialogs", "回访"),
    "reopen": QT_TRANSLATE_NOOP("WorkflowDialogs", "重新打开"),
    "record_mediation_step": QT_TRANSLATE_NOOP("WorkflowDialogs", "调解记录"),
    "start_pause": QT_TRANSLATE_NOOP("WorkflowDialogs", "检测鉴定开始"),
    "end_pause": QT_TRANSLATE_NOOP("WorkflowDialogs", "检测鉴定结束"),
    "record_carried_out": QT_TRANSLATE_NOOP("WorkflowDialogs", "协议履行"),
    "record_termination_notice": QT_TRANSLATE_NOOP("WorkflowDialogs", "终止告知"),
}
MODE_LABELS = {
    "on_site": QT_TRANSLATE_NOOP("WorkflowDialogs", "现场调解"),
    "phone": QT_TRANSLATE_NOOP("WorkflowDialogs", "电话调解"),
    "remote": QT_TRANSLATE_NOOP("WorkflowDialogs", "远程调解（视频、微信）"),
}
PAUSE_LABELS = {
    "testing": QT_TRANSLATE_NOOP("WorkflowDialogs", "检定、检验、检测"),
    "appraisal": QT_TRANSLATE_NOOP("WorkflowDialogs", "鉴定"),
}
FOLLOW_UP_LABELS = {
    "phone": QT_TRANSLATE_NOOP("WorkflowDialogs", "电话回访"),
    "visit": QT_TRANSLATE_NOOP("WorkflowDialogs", "上门回访"),
    "wechat": QT_TRANSLATE_NOOP("WorkflowDialogs", "微信回访"),
    "at_station": QT_TRANSLATE_NOOP("WorkflowDialogs", "来站回访"),
}
CONSENT_PREFIX = group_consent.CONSENT_FIELDS  # field names of the represented's consent rows
CONSENT_METHOD_LABELS = {
    "written": QT_TRANSLATE_NOOP("WorkflowDialogs", "书面签字"),
    "oral": QT_TRANSLATE_NOOP("WorkflowDialogs", "当面口头"),
    "phone": QT_TRANSLATE_NOOP("WorkflowDialogs", "电话"),
    "online": QT_TRANSLATE_NOOP("WorkflowDialogs", "微信/网络"),
}
RESPONDENT_LABEL = QT_TRANSLATE_NOOP("WorkflowDialogs", "被投诉方")


def tr(text: str) -> str:
    """A source string of this module (marked with ``QT_TRANSLATE_NOOP``) in the window's language."""
    return QCoreApplication.translate(CONTEXT, text)


def action_label(action: str) -> str:
    return tr(ACTION_LABELS[action]) if action in ACTION_LABELS else action


def labelled(
    labels: dict[str, str], code: str | None, fallback: dict[str, str] | None = None
) -> str:
    """The shown name of a code of one of the small dicts above."""
    if not code:
        return ""
    if code in labels:
        return tr(labels[code])
    return (fallback or {}).get(code, code)


def code_label(list_name: str, code: str | None) -> str:
    """A code list entry as shown (Chinese, or English in an English window)."""
    if not code:
        return ""
    found = codes.code_list(list_name)
    return found.label(code) if found.contains(code) else code


def recipient_label(code: str) -> str:
    return (
        tr(RESPONDENT_LABEL) if code == consent.RESPONDENT else code_label("referral_target", code)
    )


def ground_label(ground: Ground) -> str:
    """A ground as the officer picks it: its item in the measures and its words."""
    if codes.display_language() == "en":
        return ground.name_en
    return f"{ground.item}　{ground.name_zh}"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


# --- widgets ------------------------------------------------------------------------------------


def date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box switching a date field on."""

    def __init__(self, text: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.edit = date_edit(self, day)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(qdate(day))

    def value(self) -> dt.date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None  # type: ignore[return-value]


class ChoiceButtons(QWidget):
    """Two or three radio buttons in a row (同意 / 不同意); ``value()`` is the chosen one's data."""

    def __init__(self, choices: Iterable[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self._values: list[Any] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for value, text in choices:
            button = QRadioButton(text, self)
            self.group.addButton(button, len(self._values))
            self._values.append(value)
            row.addWidget(button)
        row.addStretch(1)

    def set_value(self, value: Any) -> None:
        if value in self._values:
            self.group.button(self._values.index(value)).setChecked(True)

    def value(self) -> Any:
        chosen = self.group.checkedId()
        return self._values[chosen] if chosen >= 0 else None


# --- the common dialog --------------------------------------------------------------------------


class ActionDialog(QDialog):
    """A form for one action: rows of fields, the refusal box, 确定 and 取消.

    Subclasses add their rows in :meth:`build` and return the core call in :meth:`job`.
    """

    ACTION = ""  # the workflow action (names the dialog), or "" for the others
    recorded = Signal(object)  # what the core returned, after the write committed
    refused = Signal()  # the core refused the action (the complaint may have changed meanwhile)

    def __init__(
        self,
        app: AppContext,
        complaint_id: int,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        """``version``: the complaint's version as the screen the officer acted on showed it
        (default: as read now); the core refuses the action if the complaint is no longer there."""
        super().__init__(parent)
        self.app = app
        self.complaint_id = complaint_id
        complaint = action_subject(complaint_id)
        self.version: int = complaint.version if version is None else version
        self.number: str = complaint.number
        self.today = app.clock.today()
        self.fields: dict[str, QWidget] = {}
        self.result_value: Any = None
        self._busy = False
        self.setObjectName(f"dialog_{self.ACTION or type(self).__name__}")
        self.setStyleSheet(INVALID_STYLE + REFUSAL_STYLE)
        self.errors = FieldErrors(self)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.refusal = QLabel(self)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            QCoreApplication.translate("ActionDialog", "确定"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            QCoreApplication.translate("ActionDialog", "取消"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.cancel_button.setObjectName("cancelButton")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.refusal)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if self.ACTION:
            _title(self, self.ACTION, self.number)
        self.build(complaint)
        add_save_shortcuts(self, self.submit)
        self.setMinimumWidth(560)
        self.adjustSize()
        fit_to_screen(self, max(self.width(), 600), self.sizeHint().height())

    # --- for subclasses -----------------------------------------------------------------------

    def build(self, complaint: ActionSubject) -> None:
        raise NotImplementedError

    def job(self, ctx: Context) -> Callable[[], Any]:
        """The core call to run on the writer, built from the widgets (on the GUI thread).

        May raise :class:`FieldError` or :class:`ValidationFailed` for what the form itself
        can tell is wrong (an amount that is not a number).
        """
        raise NotImplementedError

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, label: str, field: str, widget: QWidget) -> QWidget:
        widget.setObjectName(field)
        self.form.addRow(label, widget)
        self.fields[field] = widget
        self.errors.register(field, widget)
        return widget

    def add_date(self, label: str, field: str, day: dt.date | None = None) -> QDateEdit:
        edit = date_edit(self, day or self.today)
        self.add_field(label, field, edit)
        return edit

    def add_optional_date(self, label: str, field: str, check_text: str) -> OptionalDate:
        widget = OptionalDate(check_text, self.today, self)
        self.add_field(label, field, widget)
        return widget

    def add_datetime(self, label: str, field: str, moment: dt.datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(
            QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute)), self
        )
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        self.add_field(label, field, edit)
        return edit

    def add_line(self, label: str, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.add_field(label, field, edit)
        return edit

    def add_text(
        self, label: str, field: str, placeholder: str = "", lines: int = 3
    ) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        self.add_field(label, field, edit)
        return edit

    def add_combo(
        self, label: str, field: str, choices: Iterable[tuple[Any, str]], placeholder: str = ""
    ) -> QComboBox:
        combo = QComboBox(self)
        for value, text in choices:
            combo.addItem(text, value)
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1 if placeholder else 0)
        self.add_field(label, field, combo)
        return combo

    def add_represented_consent(
        self, complaint: ActionSubject, act: str, subject: str = ""
    ) -> None:
        """On a group complaint whose representatives act for others (2026 第十一条): rows to
        record, with the act, the consent of the represented complainants still needed."""
        self.represented_checks: dict[int, QCheckBox] = {}
        self.represented_act = act
        if not complaint.represented:
            return
        missing = complaint.missing_represented[act]
        if not missing:
            self.add_field(
                self.tr("被代表人"), CONSENT_PREFIX + "note", QLabel(self.tr("均已同意。"), self)
            )
            return
        heading = QLabel(
            self.tr(
                "这是群体性投诉：代表人%1须经被代表的投诉人同意"
                "（《市场监督管理投诉举报处理办法》第十一条）。请勾选已同意的人。"
            ).replace("%1", group_consent.act_name(act)),
            self,
        )
        heading.setWordWrap(True)
        self.form.addRow(heading)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, person in enumerate(missing):
            check = QCheckBox(mask_name(person.name), box)
            check.setObjectName(f"represented_{person.id}")
            check.setChecked(True)
            self.represented_checks[person.id] = check
            grid.addWidget(check, number // 4, number % 4)
        self.add_field(self.tr("同意的投诉人"), CONSENT_PREFIX + "person_ids", box)
        self.represented_method = self.add_combo(
            self.tr("同意方式"),
            CONSENT_PREFIX + "method",
            [(code, labelled(CONSENT_METHOD_LABELS, code)) for code in consent.CONSENT_METHODS],
        )
        self.represented_given_at = self.add_datetime(
            self.tr("同意时间"), CONSENT_PREFIX + "given_at", self.app.clock.local_now()
        )
        self.represented_subject = self.add_line(
            self.tr("同意的内容"), CONSENT_PREFIX + "subject", self.tr("例如：同意按协议退款了结")
        )
        self.represented_subject.setText(subject)

    def represented_consent(self) -> group_consent.RepresentedConsentDraft | None:
        """The consent ticked in the rows of :meth:`add_represented_consent` (None: none)."""
        chosen = [pid for pid, check in self.represented_checks.items() if check.isChecked()]
        if not chosen:
            return None
        return group_consent.RepresentedConsentDraft(
            act=self.represented_act,
            subject=self.text_of(self.represented_subject),
            given_at=self.datetime_of(self.represented_given_at),
            method=combo_value(self.represented_method) or "",
            person_ids=chosen,
        )

    def add_check(self, text: str, field: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setChecked(checked)
        self.add_field("", field, box)
        return box

    @staticmethod
    def text_of(widget: QWidget) -> str:
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        raise TypeError(widget)

    @staticmethod
    def date_of(edit: QDateEdit) -> dt.date:
        return edit.date().toPython()  # type: ignore[return-value]

    @staticmethod
    def datetime_of(edit: QDateTimeEdit) -> dt.datetime:
        moment = edit.dateTime()
        return dt.datetime.combine(moment.date().toPython(), moment.time().toPython())  # type: ignore[arg-type]

    def as_typed(self, day: QDateEdit, text: QWidget) -> tuple[dt.date, str, int, int]:
        """A date row and a text row as typed, with the complaint's id and version."""
        return self.date_of(day), self.text_of(text), self.complaint_id, self.version

    @staticmethod
    def fen_of(edit: QLineEdit, field: str) -> int:
        """Yuan as typed → fen; empty is 0. Raises :class:`FieldError` naming ``field``."""
        return parse_yuan_to_fen(edit.text(), field) or 0

    # --- running ------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._busy

    def refusal_text(self) -> str:
        return self.refusal.text() if self.refusal.isVisible() else ""

    def show_refusal(self, text: str) -> None:
        self.refusal.setText(text)
        self.refusal.setVisible(bool(text))
        layout = self.layout()
        if text and layout is not None and layout.hasHeightForWidth():
            # grow so the box does not squeeze the wrapped rows below it into each other
            layout.invalidate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def submit(self) -> None:
        if self._busy:
            return
        self.errors.clear_all()
        self.show_refusal("")
        try:
            call = self.job(self.app.context())
        except FieldError as error:
            self._show_problems({error.field: error.message})
            return
        except ValidationFailed as error:
            self._show_problems(error.by_field())
            return
        except StationError as error:
            self.show_refusal(str(error))
            return
        self._set_busy(True)
        self.app.jobs.run_write(call, self._succeeded, self._failed, title=self.windowTitle())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)

    def _show_problems(self, reasons: dict[str, str]) -> None:
        unplaced = self.errors.show(reasons)
        if unplaced:
            self.show_refusal("\n".join(unplaced.values()))

    def _succeeded(self, result: Any) -> None:
        self._set_busy(False)
        self.result_value = result
        self.app.events.complaints_changed.emit()
        self.recorded.emit(result)
        QDialog.accept(self)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            self._show_problems(error.by_field())
        elif isinstance(error, FieldError):
            self._show_problems({error.field: error.message})
        elif isinstance(error, StationError):
            self.show_refusal(str(error))
            self.refused.emit()
        else:
            log.error("workflow action failed", exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)

    def accept(self) -> None:  # Enter on the default button, Ctrl+Enter
        self.submit()


def _title(dialog: QDialog, action: str, number: str) -> None:
    dialog.setWindowTitle(
        QCoreApplication.translate("ActionDialog", "%1 - 投诉 %2")
        .replace("%1", action_label(action))
        .replace("%2", number)
    )


# --- acceptance ---------------------------------------------------------------------------------


class AcceptDialog(ActionDialog):
    ACTION = "accept"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("受理后开始计算调解期限。受理告知书可在“打印”中打印。"))
        self.day = self.add_date(self.tr("受理日期"), "on")
        self.note = self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: transitions.accept(ctx, cid, on=day, note=note, expected_version=version)


class RefuseDialog(ActionDialog):
    ACTION = "refuse"

    def build(self, complaint: ActionSubject) -> None:
        rules, grounds = transitions.not_accepted_grounds(self.complaint_id)
        title = rules.shown_title()
        self.set_intro(
            self.tr("按《%1》选择不予受理的情形，告知书将引用该项。").replace("%1", title)
        )
        self.ground = self.add_combo(
            self.tr("不予受理情形"),
            "ground_code",
            [(g.code, ground_label(g)) for g in grounds],
            self.tr("请选择"),
        )
        self.ground.setMinimumContentsLength(24)
        self.day = self.add_date(self.tr("决定日期"), "on")
        self.note = self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        ground = combo_value(self.ground) or ""
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: transitions.refuse_acceptance(
            ctx, cid, ground, on=day, note=note, expected_version=version
        )


# --- referral -----------------------------------------------------------------------------------


class ReferDialog(ActionDialog):
    ACTION = "refer"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("连同投诉人个人信息一起转办的，须先登记投诉人对该去向的同意。"))
        targets = codes.code_list("referral_target").active_entries()
        self.target = self.add_combo(
            self.tr("转办去向"),
            "target",
            [(e.code, codes.label_of(e)) for e in targets],
            self.tr("请选择"),
        )
        self.agency = self.add_line(
            self.tr("接收单位"), "agency_name", self.tr("例如：通江县市场监督管理局诺江所")
        )
        self.day = self.add_date(self.tr("转办日期"), "referred_on")
        self.hands_over = self.add_check(
            self.tr("交对方办理（投诉状态改为“已转办”）"), "hands_over", True
        )
        self.with_info = self.add_check(
            self.tr("附投诉人姓名、电话等个人信息"), "with_personal_info", True
        )
        self.reason = self.add_text(self.tr("转办原因"), "reason", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = transitions.ReferralDraft(
            target=combo_value(self.target) or "",
            referred_on=self.date_of(self.day),
            agency_name=self.text_of(self.agency),
            hands_over=self.hands_over.isChecked(),
            with_personal_info=self.with_info.isChecked(),
            reason=self.text_of(self.reason),
        )
        cid, version = self.complaint_id, self.version
        return lambda: transitions.refer(ctx, cid, draft, expected_version=version)


class ReferralReplyDialog(ActionDialog):
    """转办答复: what the body a complaint went to answered (no change of state)."""

    def __init__(
        self,
        app: AppContext,
        complaint_id: int,
        referral_id: int,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        self.referral = transitions.get_referral(referral_id)
        super().__init__(app, complaint_id, parent, version)

    def build(self, complaint: ActionSubject) -> None:
        self.setWindowTitle(self.tr("转办答复 - 投诉 %1").replace("%1", self.number))
        referral = self.referral
        self.set_intro(
            self.tr("%1 转至 %2 的答复。")
            .replace("%1", referral.referred_on.isoformat())
            .replace("%2", referral.agency_name or code_label("referral_target", referral.target))
        )
        self.day = self.add_date(self.tr("答复日期"), "reply_on", referral.reply_on)
        self.reply = self.add_text(self.tr("答复内容"), "reply", "", 4)
        self.reply.setPlainText(referral.reply or "")
        self.external = self.add_line(self.tr("对方案件编号"), "external_number")
        self.external.setText(referral.external_number or "")
        self.fine = self.add_line(self.tr("罚没款（元）"), "fine_fen", self.tr("没有可不填"))
        if referral.fine_fen is not None:
            self.fine.setText(f"{referral.fine_fen / 100:.2f}")

    def job(self, ctx: Context) -> Callable[[], Any]:
        fine = parse_yuan_to_fen(self.fine.text(), "fine_fen")
        answer = transitions.ReferralReply(
            reply_on=self.date_of(self.day),
            reply=self.text_of(self.reply),
            external_number=self.text_of(self.external),
            fine_fen=fine,
        )
        referral_id, version = self.referral.id, self.version
        return lambda: transitions.record_referral_reply(
            ctx, referral_id, answer, expected_version=version
        )


# --- consent ------------------------------------------------------------------------------------


class ConsentDialog(ActionDialog):
    """登记同意: the complainant's separate consent to pass their details to each recipient."""

    def build(self, complaint: ActionSubject) -> None:
        self.setWindowTitle(self.tr("登记同意 - 投诉 %1").replace("%1", self.number))
        people = complaint.consenting
        names = QCoreApplication.translate("HistoryDialog", "、", "between names in a list").join(
            mask_name(p.name) for p in people[:5]
        )
        if len(people) > 5:
            names += self.tr(" 等 %1 人").replace("%1", str(len(people)))
        self.set_intro(
            self.tr(
                "依照个人信息保护法，把投诉人的姓名、电话等告诉被投诉方或转给其他单位，"
                "须经投诉人单独同意。由谁同意：%1"
            ).replace("%1", names)
        )
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.recipient_checks: dict[str, QCheckBox] = {}
        for number, code in enumerate(consent.recipient_names()):
            check = QCheckBox(recipient_label(code), box)
            check.setObjectName(f"recipient_{code}")
            self.recipient_checks[code] = check
            grid.addWidget(check, number // 3, number % 3)
        self.recipient_checks[consent.RESPONDENT].setChecked(True)
        self.add_field(self.tr("同意提供给"), "recipients", box)
        self.granted = ChoiceButtons([(True, self.tr("同意")), (False, self.tr("不同意"))], self)
        self.granted.set_value(True)
        self.add_field(self.tr("投诉人的答复"), "granted", self.granted)
        self.method = self.add_combo(
            self.tr("方式"),
            "method",
            [(code, labelled(CONSENT_METHOD_LABELS, code)) for code in consent.CONSENT_METHODS],
        )
        self.given_at = self.add_datetime(self.tr("时间"), "given_at", self.app.clock.local_now())
        self.note = self.add_text(self.tr("备注"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = consent.ConsentDraft(
            recipients=[code for code, check in self.recipient_checks.items() if check.isChecked()],
            granted=bool(self.granted.value()),
            given_at=self.datetime_of(self.given_at),
            method=combo_value(self.method) or "",
            note=self.text_of(self.note),
        )
        cid, version = self.complaint_id, self.version
        return lambda: consent.record_consent(ctx, cid, draft, expected_version=version)


class RepresentedConsentDialog(ActionDialog):
    """被代表人同意: on a group complaint, the represented complainants' answer to an act of their
    representatives (change the request, withdraw, reach an agreement), recorded ahead of it."""

    def build(self, complaint: ActionSubject) -> None:
        self.setWindowTitle(self.tr("被代表人同意 - 投诉 %1").replace("%1", self.number))
        self.set_intro(
            self.tr(
                "群体性投诉的代表人变更投诉请求、撤回投诉或达成调解协议，须经被代表的投诉人同意"
                "（《市场监督管理投诉举报处理办法》第十一条）。同意用于下一次这样的办理。"
            )
        )
        self.act = self.add_combo(
            self.tr("同意的事项"),
            "act",
            [(code, group_consent.act_name(code)) for code in group_consent.GROUP_ACTS],
            self.tr("请选择"),
        )
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.person_checks: dict[int, QCheckBox] = {}
        for number, person in enumerate(complaint.represented):
            check = QCheckBox(mask_name(person.name), box)
            check.setObjectName(f"represented_{person.id}")
            check.setChecked(True)
            self.person_checks[person.id] = check
            grid.addWidget(check, number // 4, number % 4)
        self.add_field(self.tr("被代表的投诉人"), "person_ids", box)
        self.granted = ChoiceButtons([(True, self.tr("同意")), (False, self.tr("不同意"))], self)
        self.granted.set_value(True)
        self.add_field(self.tr("答复"), "granted", self.granted)
        self.method = self.add_combo(
            self.tr("方式"),
            "method",
            [(code, labelled(CONSENT_METHOD_LABELS, code)) for code in consent.CONSENT_METHODS],
        )
        self.given_at = self.add_datetime(self.tr("时间"), "given_at", self.app.clock.local_now())
        self.subject = self.add_line(
            self.tr("同意的内容"), "subject", self.tr("例如：诉求由退货改为退款并赔偿损失")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = group_consent.RepresentedConsentDraft(
            act=combo_value(self.act) or "",
            subject=self.text_of(self.subject),
            granted=bool(self.granted.value()),
            given_at=self.datetime_of(self.given_at),
            method=combo_value(self.method) or "",
            person_ids=[pid for pid, check in self.person_checks.items() if check.isChecked()],
        )
        cid, version = self.complaint_id, self.version
        return lambda: group_consent.record_represented_consent(
            ctx, cid, draft, expected_version=version
        )


# --- mediation ----------------------------------------------------------------------------------


class StartMediationDialog(ActionDialog):
    ACTION = "start_mediation"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("开始调解前须登记投诉人同意向被投诉方提供其个人信息。"))
        self.day = self.add_date(self.tr("开始日期"), "on")
        self.note = self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: transitions.start_mediation(
            ctx, cid, on=day, note=note, expected_version=version
        )


class MediationStepDialog(ActionDialog):
    ACTION = "record_mediation_step"

    def build(self, complaint: ActionSubject) -> None:
        if complaint.status == states.ACCEPTED:
            self.set_intro(self.tr("这是第一次调解：保存后投诉状态改为“调解中”。"))
        now = self.app.clock.local_now().replace(second=0, microsecond=0)
        self.held_at = self.add_datetime(self.tr("调解时间"), "held_at", now)
        self.mode = self.add_combo(
            self.tr("调解方式"),
            "mode",
            [(code, labelled(MODE_LABELS, code)) for code in mediation.MEDIATION_MODES],
        )
        self.mediators = self.add_line(
            self.tr("调解人员"), "mediators", self.tr("例如：王联络员、李调解员")
        )
        self.mediators.setText(self.app.actor)
        self.attendance = self.add_text(
            self.tr("到场人员"), "attendance", self.tr("双方各有谁到场"), 2
        )
        self.offers = self.add_text(self.tr("各方意见"), "offers", self.tr("各方的诉求和让步"), 3)
        self.result = self.add_text(self.tr("调解结果"), "result", "", 2)
        self.next_on = self.add_optional_date(
            self.tr("下次调解"), "next_on", self.tr("已约定下次调解日期")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = mediation.MediationStepDraft(
            held_at=self.datetime_of(self.held_at),
            mode=combo_value(self.mode) or "",
            mediators=self.text_of(self.mediators),
            attendance=self.text_of(self.attendance),
            offers=self.text_of(self.offers),
            result=self.text_of(self.result),
            next_on=self.next_on.value(),
        )
        cid, version = self.complaint_id, self.version
        return lambda: mediation.record_mediation_step(ctx, cid, draft, expected_version=version)


class StartPauseDialog(ActionDialog):
    ACTION = "start_pause"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("检测、鉴定期间调解期限暂停计算，结束后请登记“检测鉴定结束”。"))
        self.kind = self.add_combo(
            self.tr("类别"),
            "kind",
            [(code, labelled(PAUSE_LABELS, code)) for code in mediation.PAUSE_KINDS],
        )
        self.day = self.add_date(self.tr("开始日期"), "started_on")
        self.institution = self.add_line(self.tr("检测鉴定机构"), "institution", self.tr("可不填"))
        self.note = self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        kind = combo_value(self.kind) or ""
        day, institution, note = (
            self.date_of(self.day),
            self.text_of(self.institution),
            self.text_of(self.note),
        )
        cid, version = self.complaint_id, self.version
        return lambda: mediation.start_pause(
            ctx,
            cid,
            kind,
            started_on=day,
            institution=institution,
            note=note,
            expected_version=version,
        )


class EndPauseDialog(ActionDialog):
    ACTION = "end_pause"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("检测、鉴定结束后，调解期限从次日起继续计算。"))
        self.day = self.add_date(self.tr("结束日期"), "ended_on")
        self.note = self.add_text(self.tr("检测鉴定结论"), "note", self.tr("可不填"), 3)

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: mediation.end_pause(
            ctx, cid, ended_on=day, note=note, expected_version=version
        )


class AgreementDialog(ActionDialog):
    ACTION = "record_agreement"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(
            self.tr(
                "签订调解协议书后，投诉状态改为“协议待履行”。协议书一式三份，可在“打印”中打印。"
            )
        )
        self.terms = self.add_text(
            self.tr("协议内容"), "terms", self.tr("例如：被投诉方于 12 月 1 日前退还货款 360 元"), 4
        )
        self.amount = self.add_line(self.tr("协议金额（元）"), "amount_fen", self.tr("例如 360.00"))
        self.method = self.add_line(
            self.tr("履行方式"), "method", self.tr("例如：现金退款、微信转账、更换商品")
        )
        self.signed_on = self.add_date(self.tr("签订日期"), "signed_on")
        self.perform_by = self.add_optional_date(
            self.tr("履行期限"), "perform_by", self.tr("约定了履行期限")
        )
        self.add_represented_consent(
            complaint, group_consent.AGREEMENT, self.tr("同意调解协议内容")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = mediation.AgreementDraft(
            terms=self.text_of(self.terms),
            amount_fen=self.fen_of(self.amount, "amount_fen"),
            signed_on=self.date_of(self.signed_on),
            method=self.text_of(self.method),
            perform_by=self.perform_by.value(),
            represented_consent=self.represented_consent(),
        )
        cid, version = self.complaint_id, self.version
        return lambda: mediation.record_agreement(ctx, cid, draft, expected_version=version)


class CarriedOutDialog(ActionDialog):
    ACTION = "record_carried_out"

    def build(self, complaint: ActionSubject) -> None:
        agreements = mediation.agreements_of(self.complaint_id)
        self.agreement = self.add_combo(
            self.tr("调解协议"),
            "agreement",
            [(a.id, f"{a.number}（{a.signed_on.isoformat()}）") for a in reversed(agreements)],
        )
        self.carried_out = ChoiceButtons(
            [(True, self.tr("已履行")), (False, self.tr("未履行"))], self
        )
        self.carried_out.set_value(True)
        self.add_field(self.tr("履行情况"), "carried_out", self.carried_out)
        self.day = self.add_date(self.tr("履行日期"), "on")
        self.set_intro(
            self.tr("协议履行后，请再按“办结”结束办理。")
            if agreements
            else self.tr("这条投诉还没有调解协议。")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        agreement_id = combo_value(self.agreement)
        if agreement_id is None:
            raise FieldError("agreement", self.tr("请选择调解协议。"))
        done = bool(self.carried_out.value())
        day, version = self.date_of(self.day), self.version
        return lambda: mediation.mark_agreement_carried_out(
            ctx, agreement_id, carried_out=done, on=day, expected_version=version
        )


# --- closing and ending -------------------------------------------------------------------------


class CloseDialog(ActionDialog):
    ACTION = "close"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("撤回、不予受理、终止调解请用各自的按钮。"))
        self.outcome = self.add_combo(
            self.tr("处理结果"),
            "outcome",
            [(code, code_label("outcome", code)) for code in transitions.CLOSING_OUTCOMES],
            self.tr("请选择"),
        )
        if complaint.status == states.AGREEMENT_PENDING:
            self.outcome.setCurrentIndex(self.outcome.findData("mediated"))
        self.recovered = self.add_line(
            self.tr("挽回经济损失（元）"), "recovered_fen", self.tr("没有填 0")
        )
        self.punitive = self.add_line(
            self.tr("加倍赔偿（元）"), "punitive_fen", self.tr("没有填 0")
        )
        self.fraud = self.add_check(self.tr("经营者有欺诈行为"), "fraud", complaint.fraud)
        self.hotline = self.add_line(self.tr("12315 编号"), "hotline_number", self.tr("可不填"))
        self.hotline.setText(complaint.hotline_number)
        self.day = self.add_date(self.tr("办结日期"), "closed_on")
        self.note = self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        problems = []
        amounts = {}
        for field, edit in (("recovered_fen", self.recovered), ("punitive_fen", self.punitive)):
            try:
                amounts[field] = self.fen_of(edit, field)
            except FieldError as error:
                problems.append(error)
        if problems:
            raise ValidationFailed(problems)
        draft = transitions.ClosingDraft(
            outcome=combo_value(self.outcome) or "",
            closed_on=self.date_of(self.day),
            recovered_fen=amounts["recovered_fen"],
            punitive_fen=amounts["punitive_fen"],
            fraud=self.fraud.isChecked(),
            hotline_number=self.text_of(self.hotline),
            note=self.text_of(self.note),
        )
        cid, version = self.complaint_id, self.version
        return lambda: transitions.close(ctx, cid, draft, expected_version=version)


class EndMediationDialog(ActionDialog):
    ACTION = "end_mediation"

    def build(self, complaint: ActionSubject) -> None:
        rules, grounds = transitions.termination_grounds(self.complaint_id)
        title = rules.shown_title()
        self.set_intro(
            self.tr("按《%1》选择终止调解的情形；终止后须在规定期限内告知双方。").replace(
                "%1", title
            )
        )
        self.ground = self.add_combo(
            self.tr("终止情形"),
            "ground_code",
            [(g.code, ground_label(g)) for g in grounds],
            self.tr("请选择"),
        )
        self.ground.setMinimumContentsLength(24)
        self.outcome = self.add_combo(
            self.tr("处理结果"),
            "outcome",
            [(code, code_label("outcome", code)) for code in transitions.ENDING_OUTCOMES],
        )
        self.day = self.add_date(self.tr("终止日期"), "on")
        self.note = self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        ground = combo_value(self.ground) or ""
        outcome = combo_value(self.outcome) or ""
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: transitions.end_mediation(
            ctx, cid, ground, on=day, outcome=outcome, note=note, expected_version=version
        )


class TerminationNoticeDialog(ActionDialog):
    ACTION = "record_termination_notice"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("终止调解告知书已送达或告知双方的日期。"))
        self.day = self.add_date(self.tr("告知日期"), "notified_on")

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, cid, version = self.date_of(self.day), self.complaint_id, self.version
        return lambda: transitions.record_termination_notice(
            ctx, cid, day, expected_version=version
        )


class WithdrawDialog(ActionDialog):
    ACTION = "withdraw"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("投诉人撤回投诉后办理结束，处理结果记为“撤回”。"))
        self.day = self.add_date(self.tr("撤回日期"), "on")
        self.reason = self.add_text(
            self.tr("撤回原因"), "reason", self.tr("例如：双方已自行和解"), 2
        )
        self.add_represented_consent(complaint, group_consent.WITHDRAW, self.tr("同意撤回投诉"))

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, reason, cid, version = self.as_typed(self.day, self.reason)
        given = self.represented_consent()
        return lambda: transitions.withdraw(
            ctx, cid, on=day, reason=reason, expected_version=version, represented_consent=given
        )


# --- after closing ------------------------------------------------------------------------------


class FollowUpDialog(ActionDialog):
    ACTION = "follow_up"

    def build(self, complaint: ActionSubject) -> None:
        self.method = self.add_combo(
            self.tr("回访方式"),
            "method",
            [(code, labelled(FOLLOW_UP_LABELS, code)) for code in transitions.FOLLOW_UP_METHODS],
        )
        self.satisfaction = self.add_combo(
            self.tr("满意度"),
            "satisfaction",
            [(e.code, codes.label_of(e)) for e in codes.code_list("satisfaction").active_entries()],
            self.tr("请选择"),
        )
        self.carried_out = ChoiceButtons(
            [(True, self.tr("已履行")), (False, self.tr("未履行")), (None, self.tr("不涉及"))],
            self,
        )
        self.carried_out.set_value(None)
        self.add_field(self.tr("协议或承诺"), "carried_out", self.carried_out)
        self.day = self.add_date(self.tr("回访日期"), "followed_up_on")
        self.note = self.add_text(self.tr("回访情况"), "note", self.tr("投诉人怎么说"), 3)
        self.reopen = self.add_check(self.tr("问题没有解决，重新打开投诉"), "reopen")
        self.reopen_reason = self.add_line(self.tr("重新打开原因"), "reopen_reason")
        self.reopen_reason.setEnabled(False)
        self.reopen.toggled.connect(self.reopen_reason.setEnabled)

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = transitions.FollowUpDraft(
            method=combo_value(self.method) or "",
            satisfaction=combo_value(self.satisfaction) or "",
            followed_up_on=self.date_of(self.day),
            carried_out=self.carried_out.value(),
            note=self.text_of(self.note),
            reopen=self.reopen.isChecked(),
            reopen_reason=self.text_of(self.reopen_reason) if self.reopen.isChecked() else None,
        )
        cid, version = self.complaint_id, self.version
        return lambda: transitions.follow_up(ctx, cid, draft, expected_version=version)


class ReopenDialog(ActionDialog):
    ACTION = "reopen"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("重新打开后投诉回到“调解中”，调解期限从重新打开之日重新计算。"))
        self.day = self.add_date(self.tr("重新打开日期"), "on")
        self.reason = self.add_text(
            self.tr("原因"), "reason", self.tr("例如：经营者未按协议退款"), 2
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, reason, cid, version = self.as_typed(self.day, self.reason)
        return lambda: transitions.reopen(ctx, cid, reason, on=day, expected_version=version)


ACTION_DIALOGS: dict[str, type[ActionDialog]] = {
    cls.ACTION: cls
    for cls in (
        AcceptDialog,
        RefuseDialog,
        ReferDialog,
        StartMediationDialog,
        AgreementDialog,
        CloseDialog,
        EndMediationDialog,
        WithdrawDialog,
        FollowUpDialog,
        ReopenDialog,
        MediationStepDialog,
        StartPauseDialog,
        EndPauseDialog,
        CarriedOutDialog,
        TerminationNoticeDialog,
    )
}
assert set(ACTION_DIALOGS) == set(states.ACTIONS), "every workflow action needs its dialog"


def action_dialog(
    action: str,
    app: AppContext,
    complaint_id: int,
    parent: QWidget | None = None,
    version: int | None = None,
) -> ActionDialog:
    """The dialog of a workflow action for one complaint (not shown yet); ``version`` as the
    screen showed the complaint (see :class:`ActionDialog`)."""
    return ACTION_DIALOGS[action](app, complaint_id, parent, version)
