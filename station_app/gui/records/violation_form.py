"""Entry and editing of a report of a violation (举报), and the two steps after it: passing it to
the market-regulation office (转交) and recording the office's reply (答复).

The form saves a ``ViolationDraft`` on the writer thread; a refused draft shows each reason beside
its field and saves nothing; Esc asks before throwing away typed text (``RecordForm``). An
anonymous report keeps no name, phone or address: ticking 匿名举报 clears and disables them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.changes import Changed, changes_in
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.combos import code_choices, combo_value, fill_combo, select_data
from station_app.gui.widgets.date_field import DateField, DateTimeField
from station_app.gui.widgets.dialog_parts import OK, form_row, ok_cancel_buttons
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.gui.widgets.record_form import (
    RecordForm,
    ask_discard,
    save_job,
    show_refusal,
    widget_state,
)
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.violations import (
    DEFAULT_OFFICE,
    ViolationDraft,
    draft_of,
    get_violation,
    record_reply,
    refer_violation,
    register_violation,
    update_violation,
)


class ViolationForm(RecordForm):
    """Register (``report_id=None``) or edit a report of a violation."""

    saved = Signal(int)  # the report's id, after the write committed

    def __init__(
        self, app: AppContext, report_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.record_id = report_id
        self.setStyleSheet(INVALID_STYLE)
        self.setWindowTitle(self.tr("修改举报") if report_id else self.tr("登记举报"))
        report = get_violation(report_id) if report_id is not None else None
        draft = draft_of(report) if report is not None else None
        self._build()
        self._fill_place_and_officer(self.village_combo, self.officer_combo, report)
        fill_combo(
            self.channel_combo,
            code_choices(codes.code_list("channel"), [draft.channel if draft else None]),
        )
        self.received.set_today(app.clock.today)
        self.received.setMaximumDateTime(
            QDateTime(app.clock.local_now().replace(hour=23, minute=59))
        )
        if draft is None:
            self.received.setDateTime(QDateTime(app.clock.local_now().replace(second=0)))
            select_data(self.channel_combo, "phone")  # most reports come by telephone
        else:
            self._show(draft)
        self.errors = FieldErrors(self)
        self.errors.register_many(
            {
                "received_at": self.received,
                "channel": self.channel_combo,
                "reporter_name": self.reporter_name,
                "reporter_phone": self.reporter_phone,
                "reporter_address": self.reporter_address,
                "village_code": self.village_combo,
                "respondent_name": self.respondent_name,
                "respondent_credit_code": self.credit_code,
                "respondent_address": self.respondent_address,
                "subject": self.subject,
                "facts": self.facts,
                "officer_id": self.officer_combo,
            }
        )
        self._initial = self._state()
        fit_to_screen(self, 760, 720)

    def _build(self) -> None:
        form = QFormLayout()
        self.received = form_row(form, self.tr("收到时间 *"), DateTimeField(self))
        self.channel_combo = form_row(form, self.tr("渠道 *"), QComboBox(self))
        self.anonymous = form_row(
            form, "", QCheckBox(self.tr("匿名举报（不记姓名、电话和住址）"), self)
        )
        self.reporter_name = form_row(form, self.tr("举报人 *"), QLineEdit(self))
        self.reporter_phone = form_row(form, self.tr("联系电话"), QLineEdit(self))
        self.reporter_address = form_row(form, self.tr("住址"), QLineEdit(self))
        self.village_combo = form_row(form, self.tr("所在村"), QComboBox(self))
        self.respondent_name = form_row(form, self.tr("被举报的经营者 *"), QLineEdit(self))
        self.credit_code = form_row(form, self.tr("统一社会信用代码"), QLineEdit(self))
        self.credit_code.setMaxLength(18)
        self.respondent_address = form_row(form, self.tr("经营者地址"), QLineEdit(self))
        self.subject = form_row(form, self.tr("举报内容 *"), QLineEdit(self))
        self.subject.setPlaceholderText(self.tr("例如：短斤少两、销售过期食品、无证经营"))
        self.facts = form_row(form, self.tr("举报事实 *"), QPlainTextEdit(self))
        self.facts.setTabChangesFocus(True)
        self.evidence = form_row(form, self.tr("证据材料"), QPlainTextEdit(self))
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText(self.tr("举报人提供的照片、票据、录音等"))
        self.officer_combo = form_row(form, self.tr("经办人"), QComboBox(self))
        self.remarks = form_row(form, self.tr("备注"), QLineEdit(self))
        for combo in (self.village_combo, self.officer_combo, self.channel_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.setPlaceholderText(self.tr("请选择"))
        self.anonymous.toggled.connect(self._anonymous_changed)

        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self._connect_buttons(self.save_button, self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show(self, draft: ViolationDraft) -> None:
        self.received.setDateTime(QDateTime(draft.received_at))
        self.anonymous.setChecked(draft.anonymous)
        self.reporter_name.setText(draft.reporter_name or "")
        self.reporter_phone.setText(draft.reporter_phone or "")
        self.reporter_address.setText(draft.reporter_address or "")
        select_data(self.village_combo, draft.village_code)
        self.respondent_name.setText(draft.respondent_name)
        self.credit_code.setText(draft.respondent_credit_code or "")
        self.respondent_address.setText(draft.respondent_address or "")
        self.subject.setText(draft.subject)
        self.facts.setPlainText(draft.facts)
        self.evidence.setPlainText(draft.evidence or "")
        select_data(self.officer_combo, draft.officer_id)
        self.remarks.setText(draft.remarks or "")

    def _anonymous_changed(self, anonymous: bool) -> None:
        for field in (self.reporter_name, self.reporter_phone, self.reporter_address):
            if anonymous:
                field.clear()
            field.setEnabled(not anonymous)

    def draft(self) -> ViolationDraft:
        return ViolationDraft(
            received_at=self.received.dateTime().toPython().replace(second=0, microsecond=0),
            channel=combo_value(self.channel_combo) or "",
            respondent_name=self.respondent_name.text(),
            subject=self.subject.text(),
            facts=self.facts.toPlainText(),
            anonymous=self.anonymous.isChecked(),
            reporter_name=self.reporter_name.text(),
            reporter_phone=self.reporter_phone.text(),
            reporter_address=self.reporter_address.text(),
            village_code=combo_value(self.village_combo),
            respondent_credit_code=self.credit_code.text(),
            respondent_address=self.respondent_address.text(),
            evidence=self.evidence.toPlainText(),
            officer_id=combo_value(self.officer_combo),
            remarks=self.remarks.text(),
        )

    def save(self) -> None:
        if self._busy:
            return
        self.errors.clear_all()
        job = save_job(
            self.app.context(), self.draft(), self.record_id, register_violation, update_violation
        )
        self._run_save(job, self.tr("保存举报"))

    def _inputs(self) -> list[QWidget]:
        return [
            self.received, self.channel_combo, self.anonymous, self.reporter_name,
            self.reporter_phone, self.reporter_address, self.village_combo, self.respondent_name,
            self.credit_code, self.respondent_address, self.subject, self.facts, self.evidence,
            self.officer_combo, self.remarks,
        ]  # fmt: skip


class _StepDialog(QDialog):
    """转交 or 答复: a date and what goes with it, saved on the writer; asks before discarding."""

    def __init__(self, app: AppContext, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.report_id = app, report_id
        self.report = get_violation(report_id)
        self.on_date = DateField(self)
        self.on_date.set_today(app.clock.today)
        self.on_date.setMaximumDate(QDate(app.clock.today()))
        self.on_date.setDate(QDate(app.clock.today()))
        self.form = QFormLayout()
        self.errors = FieldErrors(self)
        self.setStyleSheet(INVALID_STYLE)
        self.buttons = ok_cancel_buttons(self, self.tr("保存"), self.tr("取消"), self.save)
        self._initial: tuple[Any, ...] = ()
        self._watched: list[QWidget] = []

    def _finish(self, inputs: list[QWidget]) -> None:
        self._watched = inputs
        head = QLabel(f"{self.report.number}  {self.report.respondent_name}：{self.report.subject}")
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self._initial = widget_state(inputs)

    def save(self) -> None:
        self.errors.clear_all()
        ctx = self.app.context()
        job = self.write_job(ctx)
        self.buttons.button(OK).setEnabled(False)

        def run() -> Changed[int]:
            report = job()
            return Changed(int(report.id), changes_in(report))

        self.app.jobs.run_write(run, lambda _done: self.accept(), self._failed)

    def write_job(self, ctx: Any) -> Any:
        raise NotImplementedError

    def _failed(self, error: Exception) -> None:
        self.buttons.button(OK).setEnabled(True)
        show_refusal(self, self.errors, error)

    def reject(self) -> None:
        if widget_state(self._watched) != self._initial and not ask_discard(self):
            return
        super().reject()


class ReferViolationDialog(_StepDialog):
    """转交市场监管部门: the day it went and to which office."""

    def __init__(self, app: AppContext, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(app, report_id, parent)
        self.setWindowTitle(self.tr("转交市场监管部门"))
        self.office = QLineEdit(self.report.referred_to or DEFAULT_OFFICE, self)
        self.form.addRow(self.tr("转交日期"), self.on_date)
        self.form.addRow(self.tr("转交给"), self.office)
        self.errors.register_many({"referred_on": self.on_date, "referred_to": self.office})
        self._finish([self.on_date, self.office])

    def write_job(self, ctx: Any) -> Any:
        on: dt.date = self.on_date.date().toPython()
        office, report_id = self.office.text(), self.report_id
        return lambda: refer_violation(ctx, report_id, on, office)


class ReplyDialog(_StepDialog):
    """录入答复: the office's reply, and whether it opened a case."""

    def __init__(self, app: AppContext, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(app, report_id, parent)
        self.setWindowTitle(self.tr("录入市场监管部门的答复"))
        self.reply = QPlainTextEdit(self.report.reply or "", self)
        self.reply.setTabChangesFocus(True)
        self.case_filed = QComboBox(self)
        for text, value in ((self.tr("未说明"), None), (self.tr("已立案"), True),
                            (self.tr("不予立案"), False)):  # fmt: skip
            self.case_filed.addItem(text, value)
        if self.report.case_filed is not None:
            select_data(self.case_filed, bool(self.report.case_filed))
        self.form.addRow(self.tr("答复日期"), self.on_date)
        self.form.addRow(self.tr("答复内容"), self.reply)
        self.form.addRow(self.tr("是否立案"), self.case_filed)
        self.errors.register_many({"reply_on": self.on_date, "reply": self.reply})
        self._finish([self.on_date, self.reply, self.case_filed])

    def write_job(self, ctx: Any) -> Any:
        on: dt.date = self.on_date.date().toPython()
        reply, filed, report_id = (
            self.reply.toPlainText(),
            self.case_filed.currentData(),
            self.report_id,
        )
        return lambda: record_reply(ctx, report_id, on, reply, filed)
