"""Date-and-time fields take typing as the date fields do (issue #14, item 4): the visit's and the
complaint's time received read 2026-11-15 9:30, 11-15 14:00, 2026年11月15日9时30分 …; a time
that is no time is refused beside the field; an empty date's calendar opens at today."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.records.visit_form import VisitForm
from station_app.gui.widgets.date_field import DateTimeField
from station_app.registry.complaints import get_complaint
from station_app.registry.context import Context
from station_app.registry.visits import get_visit
from station_app.store.models import Visit

from .test_complaints_screen import fill_valid
from .test_complaints_screen import seed_roster as seed_complaint_roster
from .test_date_typing import retype
from .test_visits_screen import seed_roster, type_text

WAIT_MS = 5000


@pytest.fixture
def visit_form(qtbot: QtBot, app_context: AppContext, ctx: Context) -> VisitForm:
    seed_roster(ctx)
    form = VisitForm(app_context)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    type_text(qtbot, form.ui.question, "化肥结块了能退吗")
    return form


def save_visit(qtbot: QtBot, form: VisitForm) -> dt.datetime:
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    return get_visit(saved.args[0]).visited_at  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-15 9:30", dt.datetime(2026, 11, 15, 9, 30)),
        ("2026/11/15 14:05", dt.datetime(2026, 11, 15, 14, 5)),
        ("20261115 8:00", dt.datetime(2026, 11, 15, 8, 0)),
        ("2026年11月15日9时30分", dt.datetime(2026, 11, 15, 9, 30)),
        ("11-15 14:00", dt.datetime(2026, 11, 15, 14, 0)),
        ("11/15", dt.datetime(2026, 11, 15, 10, 0)),  # the time shown is kept
        ("8:15", dt.datetime(2026, 11, 20, 8, 15)),  # the day shown is kept
    ],
)
def test_the_visit_time_reads_each_typed_format(
    qtbot: QtBot, visit_form: VisitForm, typed: str, expected: dt.datetime
) -> None:
    retype(qtbot, visit_form.ui.visitedAt, typed)
    assert visit_form.ui.visitedAt.lineEdit().text() == typed  # as typed meanwhile
    assert save_visit(qtbot, visit_form) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2026-11-15 25:00", "时间“25:00”不存在"),
        ("11-15 abc", "无法识别日期“11-15 abc”"),
        ("2026-11-21 9:00", "日期不能晚于 2026-11-20 23:59"),
    ],
)
def test_a_time_that_is_no_time_is_refused_beside_the_field(
    qtbot: QtBot, visit_form: VisitForm, typed: str, reason: str
) -> None:
    field = visit_form.ui.visitedAt
    before = field.dateTime()
    retype(qtbot, field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert reason in (visit_form.errors.message("visited_at") or "")
    assert field.dateTime() == before  # the previous value is kept, nothing invented
    qtbot.mouseClick(visit_form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert reason in (visit_form.errors.message("visited_at") or "")
    assert visit_form.isVisible() and Visit.select().count() == 0
    retype(qtbot, field, "11-19 16:40")  # typing again clears the refusal
    assert save_visit(qtbot, visit_form) == dt.datetime(2026, 11, 19, 16, 40)


def test_the_complaints_time_received_reads_typing(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    seed_complaint_roster(ctx)
    form = ComplaintForm(app_context)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert isinstance(form.ui.receivedAt, DateTimeField)
    fill_valid(qtbot, form)
    retype(qtbot, form.ui.receivedAt, "11/18 9:30")
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:  # Enter takes it and saves
        qtbot.keyClick(form.ui.receivedAt, Qt.Key.Key_Return)
    assert get_complaint(saved.args[0]).received_at == dt.datetime(2026, 11, 18, 9, 30)


def test_an_empty_purchase_dates_calendar_opens_at_today(
    qtbot: QtBot, app_context: AppContext
) -> None:
    form = ComplaintForm(app_context)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    field = form.ui.purchaseDate
    assert field.date() == field.minimumDate()  # 未填写
    arrow = QPoint(field.width() - 6, field.height() // 2)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow)  # opens the calendar
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=WAIT_MS)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 11)  # the app's clock
    assert field.date() == field.minimumDate()  # opening it chose nothing
    calendar.window().close()

    field.setDate(QDate(2025, 3, 10))  # a date given: its month
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible, timeout=WAIT_MS)
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 3)
    calendar.window().close()
    form.done(QDialog.DialogCode.Rejected)  # closing would ask to discard the date
