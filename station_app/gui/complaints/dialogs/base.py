"""The common action dialog: rows of fields, the refusal box, 确定 and 取消; the write runs on the
writer thread with the complaint's version as the screen showed it. 取消 or Esc on a dialog with
something typed asks before throwing it away, as the entry forms do."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs.fields import OptionalDate, date_edit, qdate
from station_app.gui.complaints.dialogs.labels import (
    CONSENT_PREFIX,
    action_label,
    ground_label,
    name_choices,
)
from station_app.gui.widgets import record_form
from station_app.gui.widgets.combos import combo_value
from station_app.gui.widgets.date_field import DateField, DateTimeField, show_refusals_in
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.gui.widgets.record_form import add_save_shortcuts
from station_app.gui.widgets.typed_state import typed_state
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.context import Context
from station_app.validation import mask_name, parse_yuan_to_fen
from station_app.workflow import consent, group_consent
from station_app.workflow.action_subject import ActionSubject, PersonShown, action_subject
from station_app.workflow.rule_sets import Ground, RuleSet

log = logging.getLogger(__name__)


REFUSAL_STYLE = (
    "QLabel#refusal { color: #8c0015; background: #fde8ea; border: 1px solid #e4a1a9;"
    " border-radius: 4px; padding: 8px; }"
)


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
        self.day: DateField  # the date row and the text row of most dialogs (see dated_call)
        self.note: QPlainTextEdit
        self.consent_checks: dict[int, QCheckBox] = {}  # see add_consent

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
        self._initial = typed_state(self)
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

    def add_date(self, label: str, field: str, day: dt.date | None = None) -> DateField:
        edit = date_edit(self, day or self.today, self.app.clock.today)
        self.add_field(label, field, edit)
        show_refusals_in(self.errors, {field: edit})
        return edit

    def add_optional_date(
        self, label: str, field: str, check_text: str, day: dt.date | None = None
    ) -> OptionalDate:
        widget = OptionalDate(check_text, day or self.today, self.app.clock.today, self)
        self.add_field(label, field, widget)
        show_refusals_in(self.errors, {field: widget.edit})
        return widget

    def add_datetime(self, label: str, field: str, moment: dt.datetime) -> DateTimeField:
        """A date and time that takes typing as the forms' do (``2026-11-20 9:30``, ``14:00``)."""
        edit = DateTimeField(self)
        edit.set_today(self.app.clock.today)
        edit.setDateTime(QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute)))
        self.add_field(label, field, edit)
        show_refusals_in(self.errors, {field: edit})
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

    def add_note(self) -> QPlainTextEdit:
        """The optional 说明 most actions take: two lines, field ``note``."""
        return self.add_text(self.tr("说明"), "note", self.tr("可不填"), 2)

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

    def add_people(
        self, label: str, field: str, people: Iterable[PersonShown], checked: bool
    ) -> dict[int, QCheckBox]:
        """A row of check boxes, one a person (names masked), four to a line."""
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        checks: dict[int, QCheckBox] = {}
        for number, person in enumerate(people):
            check = QCheckBox(_who(person), box)
            check.setObjectName(f"{field}_{person.id}")
            check.setChecked(checked)
            checks[person.id] = check
            grid.addWidget(check, number // 4, number % 4)
        self.add_field(label, field, box)
        return checks

    def add_answer_rows(self, prefix: str = "") -> tuple[QComboBox, QDateTimeEdit]:
        """How and when a consent was given: the method and the time rows."""
        method = self.add_combo(
            QCoreApplication.translate("ActionDialog", "同意方式"),
            prefix + "method",
            name_choices(consent.CONSENT_METHODS),
        )
        given_at = self.add_datetime(
            QCoreApplication.translate("ActionDialog", "同意时间"),
            prefix + "given_at",
            self.app.clock.local_now(),
        )
        return method, given_at

    def add_heading(self, text: str) -> None:
        heading = QLabel(text, self)
        heading.setWordWrap(True)
        self.form.addRow(heading)

    def add_consent(
        self,
        people: Iterable[PersonShown],
        question: str = "",
        recipient: Callable[[], str | None] = lambda: consent.RESPONDENT,
    ) -> None:
        """Ask ``people`` now whether their details may go to ``recipient`` (the respondent
        unless said; 个人信息保护法: needed before mediation or a referral with the details), and
        record the answers with the action (:meth:`with_consent`). Nobody is ticked: a consent
        is given, not presumed. Nothing is shown for nobody."""
        people = list(people)
        if not people:
            return
        self.consent_recipient = recipient
        self.add_heading(
            question
            or QCoreApplication.translate(
                "ActionDialog",
                "请问投诉人：是否同意把姓名、电话等个人信息提供给被投诉方（调解需要，"
                "须经本人单独同意）？请勾选已同意的人。",
            )
        )
        self.consent_checks = self.add_people(
            QCoreApplication.translate("ActionDialog", "同意的投诉人"),
            consent.ON_THE_SPOT + "person_ids",
            people,
            checked=False,
        )
        self.consent_method, self.consent_given_at = self.add_answer_rows(consent.ON_THE_SPOT)

    def with_consent(self, ctx: Context, act: Callable[[], Any]) -> Callable[[], Any]:
        """``act`` preceded, in its transaction, by the consent ticked in :meth:`add_consent`."""
        chosen = [pid for pid, check in self.consent_checks.items() if check.isChecked()]
        recipient = self.consent_recipient() if chosen else None
        draft = (
            consent.ConsentDraft(
                recipients=[recipient],
                given_at=self.datetime_of(self.consent_given_at),
                method=combo_value(self.consent_method) or "",
                person_ids=chosen,
            )
            if recipient
            else None
        )
        cid, version = self.complaint_id, self.version
        return lambda: consent.consent_then(ctx, cid, draft, act, expected_version=version)

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
        self.add_heading(
            self.tr(
                "这是群体性投诉：代表人%1须经被代表的投诉人同意"
                "（《市场监督管理投诉举报处理办法》第十一条）。请勾选已同意的人。"
            ).replace("%1", group_consent.act_name(act))
        )
        self.represented_checks = self.add_people(
            self.tr("同意的投诉人"), CONSENT_PREFIX + "person_ids", missing, checked=True
        )
        self.represented_method, self.represented_given_at = self.add_answer_rows(CONSENT_PREFIX)
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

    def add_ground(
        self, label: str, ruled: tuple[RuleSet, Iterable[Ground]], intro: str
    ) -> QComboBox:
        """The legal ground of a decision, chosen from the list of the rule set the complaint
        falls under (每项引用条款); ``intro`` names the rule set (``%1``: its title)."""
        rules, grounds = ruled
        self.set_intro(intro.replace("%1", rules.shown_title()))
        combo = self.add_combo(
            label,
            "ground_code",
            [(g.code, ground_label(g)) for g in grounds],
            self.tr("请选择"),
        )
        combo.setMinimumContentsLength(24)
        return combo

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
    def date_of(edit: DateField) -> dt.date:
        """The date in a field made by :meth:`add_date`; raises :class:`FieldError` naming it
        for typed text that is no date."""
        return edit.checked_date(edit.objectName())

    @staticmethod
    def datetime_of(edit: QDateTimeEdit) -> dt.datetime:
        """The moment in a field made by :meth:`add_datetime`; raises :class:`FieldError` naming
        it for typed text that is no date and time."""
        if isinstance(edit, DateTimeField):
            return edit.checked_datetime(edit.objectName()).replace(second=0, microsecond=0)
        moment = edit.dateTime()
        return dt.datetime.combine(moment.date().toPython(), moment.time().toPython())  # type: ignore[arg-type]

    def dated_call(
        self,
        ctx: Context,
        action: Callable[..., Any],
        day_name: str = "on",
        text_name: str = "note",
        **more: Any,
    ) -> Callable[[], Any]:
        """The core call of a dialog made of a date row (``self.day``) and a text row
        (``self.note``): ``action(ctx, complaint_id, on=…, note=…, expected_version=…)``."""
        day, note, cid, version = self.as_typed(self.day, self.note)
        values = {day_name: day, text_name: note, "expected_version": version, **more}
        return lambda: action(ctx, cid, **values)

    def as_typed(self, day: DateField, text: QWidget) -> tuple[dt.date, str, int, int]:
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

    def is_dirty(self) -> bool:
        """Whether the officer typed or chose anything since the dialog opened."""
        return typed_state(self) != self._initial

    def reject(self) -> None:  # 取消, Esc, closing the window
        """Leave without saving; asks first when something typed would be lost."""
        if self._busy:
            return
        if self.is_dirty() and not record_form.ask_discard(self):
            return
        super().reject()


class DatedActionDialog(ActionDialog):
    """An action told by a date and a text (受理, 开始调解, 撤回, 重新打开, 检测鉴定结束): its
    sentences are class attributes marked with ``QT_TRANSLATE_NOOP`` in the subclass's own
    context (without ``TEXT_LABEL`` the text is the optional 说明, see ``add_note``); ``CALL``
    is the core function, called as
    ``CALL(ctx, complaint_id, <DAY_FIELD>=…, <TEXT_FIELD>=…, expected_version=…)``."""

    INTRO = DAY_LABEL = TEXT_LABEL = TEXT_HINT = ""
    DAY_FIELD = "on"
    TEXT_FIELD = "note"
    TEXT_LINES = 2
    ASKS_CONSENT = False  # asks for the consent the action needs (see add_consent)
    CALL: Callable[..., Any]

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.translated(self.INTRO))
        self.day = self.add_date(self.translated(self.DAY_LABEL), self.DAY_FIELD)
        if self.TEXT_LABEL:
            self.note = self.add_text(
                self.translated(self.TEXT_LABEL),
                self.TEXT_FIELD,
                self.translated(self.TEXT_HINT),
                self.TEXT_LINES,
            )
        else:
            self.note = self.add_note()
        if self.ASKS_CONSENT:
            self.add_consent(complaint.missing_consent)

    def translated(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text) if text else ""

    def job(self, ctx: Context) -> Callable[[], Any]:
        call = self.dated_call(
            ctx, type(self).CALL, self.DAY_FIELD, self.TEXT_FIELD, **self.more_values()
        )
        return self.with_consent(ctx, call)

    def more_values(self) -> dict[str, Any]:
        """Further keyword arguments of ``CALL`` (none by default)."""
        return {}


def _who(person: PersonShown) -> str:
    """A person in a list to tick: the name masked, and the phone's last four digits, which tell
    apart the members of a group whose masked names are alike."""
    name = mask_name(person.name)
    if not person.phone or len(person.phone) < 4:
        return name
    return (
        QCoreApplication.translate("ActionDialog", "%1（尾号%2）")
        .replace("%1", name)
        .replace("%2", person.phone[-4:])
    )


def _title(dialog: QDialog, action: str, number: str) -> None:
    dialog.setWindowTitle(
        QCoreApplication.translate("ActionDialog", "%1 - 投诉 %2")
        .replace("%1", action_label(action))
        .replace("%2", number)
    )
