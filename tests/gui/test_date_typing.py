"""Dates take typing (issue #14, item 4): every date field of the forms and workflow dialogs reads
2026-11-20, 2026/11/20, 2026.11.20, 20261120, 2026年11月20日 and 11-20 / 11/20 (this year by the
app's clock); text that is no date is refused beside the field; the next mediation date defaults
to the next working day; the window opens maximised on a small screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import QWidget

from station_app.clock import FixedClock
from station_app.gui.app.context import AppContext
from station_app.gui.app.main_window import MainWindow
from station_app.gui.complaints.dialogs.mediation import MediationStepDialog
from station_app.gui.records.event_form import EventForm
from station_app.gui.widgets.date_field import DateField
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.events import count_events, get_event
from station_app.workflow import consent, transitions

from .test_visits_screen import VILLAGE, seed_roster, type_text

# The app's clock in these tests (tests/conftest.py): Friday 20 November 2026.
TYPED = [
    ("2026-11-15", dt.date(2026, 11, 15)),
    ("2026/11/15", dt.date(2026, 11, 15)),
    ("2026.11.15", dt.date(2026, 11, 15)),
    ("20261115", dt.date(2026, 11, 15)),
    ("2026年11月15日", dt.date(2026, 11, 15)),
    ("11-15", dt.date(2026, 11, 15)),
    ("11/15", dt.date(2026, 11, 15)),
    ("3/1", dt.date(2026, 3, 1)),
]


def retype(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


@pytest.fixture
def event_form(qtbot, app_context: AppContext, ctx: Context) -> EventForm:
    seed_roster(ctx)
    form = EventForm(app_context)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    ui = form.ui
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findData("market_advice"))
    ui.villageCombo.setCurrentIndex(ui.villageCombo.findData(VILLAGE))
    ui.topic.setText("赶场天设点：买化肥要开票")
    return form


@pytest.mark.parametrize(("typed", "expected"), TYPED)
def test_each_typed_format_is_saved_as_its_date(qtbot, event_form: EventForm, typed, expected):
    retype(qtbot, event_form.ui.heldOn, typed)
    assert event_form.ui.heldOn.lineEdit().text() == typed  # the text stays as typed meanwhile
    with qtbot.waitSignal(event_form.saved, timeout=5000) as saved:
        qtbot.mouseClick(event_form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert get_event(saved.args[0]).held_on == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("abc", "无法识别日期“abc”"),
        ("2026-02-30", "日期“2026-02-30”不存在"),
        ("1115", "无法识别日期“1115”"),
        ("2026-12-01", "日期不能晚于 2026-11-20"),  # an event held after today
    ],
)
def test_a_bad_date_is_refused_beside_the_field_and_nothing_saved(
    qtbot, event_form: EventForm, typed: str, reason: str
) -> None:
    before = event_form.ui.heldOn.date()
    retype(qtbot, event_form.ui.heldOn, typed)
    qtbot.keyClick(event_form.ui.heldOn, Qt.Key.Key_Return)  # Enter in the field: refused at once
    assert reason in (event_form.errors.message("held_on") or "")
    assert event_form.ui.heldOn.date() == before  # the previous date is kept, nothing invented
    qtbot.mouseClick(event_form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert reason in (event_form.errors.message("held_on") or "")
    assert event_form.isVisible() and count_events() == 0
    retype(qtbot, event_form.ui.heldOn, "11/18")  # typing again clears the refusal
    with qtbot.waitSignal(event_form.saved, timeout=5000) as saved:
        qtbot.mouseClick(event_form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert get_event(saved.args[0]).held_on == dt.date(2026, 11, 18)


def test_the_month_and_day_alone_take_the_year_of_the_apps_clock(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.set_today(FixedClock(local=dt.datetime(2031, 5, 6, 9, 0)).today)
    field.show()
    retype(qtbot, field, "11/20")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == QDate(2031, 11, 20) and field.typed_error() is None


def test_the_complaint_forms_purchase_date_reads_typing(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    from station_app.gui.complaints.form import ComplaintForm

    form = ComplaintForm(app_context)
    qtbot.addWidget(form)
    form.show()
    field = form.ui.purchaseDate
    retype(qtbot, field, "2026年10月3日")
    draft, problems = form.build_draft()
    assert draft.purchase_date == dt.date(2026, 10, 3) and "purchase_date" not in problems
    retype(qtbot, field, "10月33日")
    _draft, problems = form.build_draft()
    assert "日期“10月33日”不存在" in problems["purchase_date"]


def mediating(ctx: Context, make_complaint_draft) -> int:
    cid = register_complaint(ctx, make_complaint_draft()).id
    transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
    consent.record_consent(ctx, cid, consent.ConsentDraft(recipients=["respondent"]))
    return cid


@pytest.mark.parametrize(
    ("today", "proposed"),
    [
        (dt.datetime(2026, 11, 20, 10, 0), dt.date(2026, 11, 23)),  # Friday → Monday
        (dt.datetime(2026, 4, 3, 10, 0), dt.date(2026, 4, 7)),  # Friday before 清明 (4–6 April)
        (dt.datetime(2026, 9, 30, 10, 0), dt.date(2026, 10, 8)),  # before 国庆 and 中秋
    ],
)
def test_the_next_mediation_defaults_to_the_next_working_day(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft, clock, today, proposed
) -> None:
    cid = mediating(ctx, make_complaint_draft)
    clock.local = today
    dialog = MediationStepDialog(app_context, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.next_on.edit.date().toPython() == proposed
    assert not dialog.next_on.check.isChecked()  # only a default: nothing agreed yet
    dialog.grab().save("/tmp/mediation_step_dates.png")


def test_a_dialog_date_reads_typing_and_refuses_bad_text(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = mediating(ctx, make_complaint_draft)
    dialog = MediationStepDialog(app_context, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.mediators.setText("王联络员")
    dialog.next_on.check.setChecked(True)
    retype(qtbot, dialog.next_on.edit, "12/1x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("next_on") is not None, timeout=5000)
    assert "无法识别日期“12/1x”" in (dialog.errors.message("next_on") or "")
    assert get_complaint(cid).status == "accepted"  # nothing recorded
    retype(qtbot, dialog.next_on.edit, "2026.12.1")
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value.next_on == dt.date(2026, 12, 1)


class FakeScreen:
    def __init__(self, width: int, height: int) -> None:
        self.rect = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:  # noqa: N802 (Qt's name)
        return self.rect


@pytest.mark.parametrize(("width", "maximised"), [(1366, True), (1440, True), (1920, False)])
def test_the_window_opens_maximised_on_a_small_screen(
    qtbot, app_context: AppContext, monkeypatch, width: int, maximised: bool
) -> None:
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "screen", lambda: FakeScreen(width, width * 9 // 16 - 40))
    window.show_on_screen()
    qtbot.waitExposed(window)
    assert window.isMaximized() is maximised
    assert isinstance(window, QWidget)
