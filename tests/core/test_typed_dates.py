"""Dates typed into a date field (no Qt): the usual ways, and a month and day alone meaning
that day of the clock's year; anything else is refused with a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from station_app.roster.cell_text import parse_typed_date, parse_typed_moment
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-15 9:30", (dt.date(2026, 11, 15), dt.time(9, 30))),
        ("2026/11/15 09:30:15", (dt.date(2026, 11, 15), dt.time(9, 30, 15))),
        ("20261115 14:05", (dt.date(2026, 11, 15), dt.time(14, 5))),
        ("2026-11-15T08:05", (dt.date(2026, 11, 15), dt.time(8, 5))),
        ("2026年11月15日9时30分", (dt.date(2026, 11, 15), dt.time(9, 30))),
        ("11-15 14:00", (dt.date(2026, 11, 15), dt.time(14, 0))),
        ("11/15 8点30", (dt.date(2026, 11, 15), dt.time(8, 30))),
        ("１１／１５　１４：００", (dt.date(2026, 11, 15), dt.time(14, 0))),
        ("2026-11-15", (dt.date(2026, 11, 15), None)),  # the time as it was
        ("14:30", (None, dt.time(14, 30))),  # the day as it was
    ],
)
def test_a_date_and_time_typed_in_the_usual_ways(text: str, expected: tuple[object, ...]) -> None:
    assert parse_typed_moment(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2026-11-15 25:00", "时间“25:00”不存在"),
        ("9:61", "时间“9:61”不存在"),
        ("2026-02-30 9:00", "日期“2026-02-30”不存在"),
        ("abc 9:00", "无法识别日期“abc”"),
    ],
)
def test_a_time_that_is_no_time_is_refused_with_a_sentence(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_typed_moment(text, TODAY)
    assert parse_typed_moment("  ", TODAY) is None
