"""Dates typed into a date field (no Qt): the usual ways, and a month and day alone meaning
that day of the clock's year; anything else is refused with a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from station_app.roster.cell_text import parse_typed_date
from station_app.workflow.mediation import default_next_session_on
from station_app.workflow.working_days import WorkingDayCalendar

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    "text",
    ["2026-11-20", "2026/11/20", "2026.11.20", "20261120", "2026年11月20日", " 2026-11-20 "],
)
def test_a_full_date_in_any_usual_way(text: str) -> None:
    assert parse_typed_date(text, dt.date(2031, 1, 1)) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("text", ["11-20", "11/20", "11.20", "11月20日", "１１／２０"])
def test_a_month_and_day_alone_take_todays_year(text: str) -> None:
    assert parse_typed_date(text, dt.date(2031, 1, 1)) == dt.date(2031, 11, 20)


def test_an_empty_field_is_no_date() -> None:
    assert parse_typed_date("  ", TODAY) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "无法识别日期“abc”"),
        ("1120", "无法识别日期“1120”"),  # no Excel serial numbers from the keyboard
        ("2/30", "日期“2/30”不存在"),
        ("2026-13-01", "日期“2026-13-01”不存在"),
    ],
)
def test_anything_else_is_refused_with_a_sentence(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_typed_date(text, TODAY)


def test_the_next_mediation_is_proposed_for_the_next_working_day() -> None:
    calendar = WorkingDayCalendar.from_package()
    assert default_next_session_on(dt.date(2026, 11, 20), calendar) == dt.date(2026, 11, 23)
    assert default_next_session_on(dt.date(2026, 4, 3), calendar) == dt.date(2026, 4, 7)
