"""The working-day calendar: official holidays, 调休 make-up days, unknown years, pauses."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from station_app.workflow.working_days import (
    Deadline,
    HolidayDataError,
    InvalidPause,
    WorkingDayCalendar,
    statutory_holidays,
)

D = dt.date


@pytest.fixture(scope="module")
def shipped() -> WorkingDayCalendar:
    return WorkingDayCalendar.from_package()


@pytest.fixture
def calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.from_package()


def first_unknown_year(calendar: WorkingDayCalendar) -> int:
    return max(calendar.known_years) + 1


def test_package_years_are_known(shipped: WorkingDayCalendar) -> None:
    assert {2019, 2020, 2025, 2026} <= shipped.known_years


def test_national_day_2026(shipped: WorkingDayCalendar) -> None:
    # Received on Fri 25 Sep (itself a Mid-autumn holiday). Counting from Sat 26 Sep: 26–27 off,
    # 28, 29, 30 Sep (3), 1–7 Oct off, 8, 9 Oct (5), Sat 10 Oct worked (6), Sun 11 off, Mon 12 (7).
    assert shipped.add_working_days(D(2026, 9, 25), 7) == Deadline(D(2026, 10, 12))


def test_national_day_make_up_days(shipped: WorkingDayCalendar) -> None:
    assert shipped.is_working_day(D(2026, 9, 20))  # Sunday, worked
    assert shipped.is_working_day(D(2026, 10, 10))  # Saturday, worked
    assert not shipped.is_working_day(D(2026, 10, 11))  # ordinary Sunday
    assert not any(shipped.is_working_day(D(2026, 10, day)) for day in range(1, 8))
    assert shipped.is_working_day(D(2026, 10, 8))


def test_spring_festival_2026(shipped: WorkingDayCalendar) -> None:
    # Listed from the package: Sat 14 Feb worked, 15–23 Feb off, Sat 28 Feb worked.
    # Received Mon 9 Feb: 10, 11, 12, 13 (4), Sat 14 (5), 15–23 off, Tue 24 (6), Wed 25 (7).
    assert not any(shipped.is_working_day(D(2026, 2, day)) for day in range(15, 24))
    assert shipped.add_working_days(D(2026, 2, 9), 7) == Deadline(D(2026, 2, 25))


def test_make_up_saturday_counts_as_working_day(shipped: WorkingDayCalendar) -> None:
    # Received Thu 12 Feb: Fri 13 (1), Sat 14 (2), 15–23 off, 24–27 (6), Sat 28 Feb (7).
    deadline = shipped.add_working_days(D(2026, 2, 12), 7)
    assert deadline.date == D(2026, 2, 28)
    assert deadline.date.weekday() == 5
    assert not deadline.estimated


def test_counting_starts_the_day_after(shipped: WorkingDayCalendar) -> None:
    assert shipped.add_working_days(D(2026, 3, 2), 1).date == D(2026, 3, 3)
    assert shipped.add_working_days(D(2026, 3, 6), 1).date == D(2026, 3, 9)  # Fri → Mon
    assert shipped.add_working_days(D(2026, 3, 6), 0).date == D(2026, 3, 6)


def test_working_days_between(shipped: WorkingDayCalendar) -> None:
    assert shipped.working_days_between(D(2026, 9, 25), D(2026, 10, 12)) == 7
    assert shipped.working_days_between(D(2026, 10, 12), D(2026, 9, 25)) == -7
    assert shipped.working_days_between(D(2026, 10, 1), D(2026, 10, 7)) == 0
    assert shipped.working_days_between(D(2026, 3, 3), D(2026, 3, 3)) == 0


def test_calendar_days(shipped: WorkingDayCalendar) -> None:
    assert shipped.add_calendar_days(D(2026, 9, 25), 15) == Deadline(D(2026, 10, 10))  # 调休 Sat
    # ends in 2027, whose official schedule the package does not hold: estimated
    assert shipped.add_calendar_days(D(2026, 12, 20), 60) == Deadline(D(2027, 2, 18), True)


def test_calendar_days_ending_on_a_rest_day_move_to_the_next_working_day(
    shipped: WorkingDayCalendar,
) -> None:
    # 民法典第二百零三条: the last day a holiday → the day after the holiday ends
    assert shipped.add_calendar_days(D(2026, 9, 1), 30) == Deadline(D(2026, 10, 8))  # 1–7 Oct off
    assert shipped.add_calendar_days(D(2026, 3, 1), 14) == Deadline(D(2026, 3, 16))  # Sun → Mon
    assert shipped.add_calendar_days(D(2026, 3, 1), 13) == Deadline(
        D(2026, 3, 14) + dt.timedelta(2)
    )
    # in a year not yet published, the statutory 春节 days (除夕 5 Feb – 初三 8 Feb 2027)
    assert shipped.add_calendar_days(D(2027, 1, 6), 30) == Deadline(D(2027, 2, 9), True)


def test_statutory_holidays_of_an_unpublished_year() -> None:
    days = statutory_holidays(2027)
    assert {D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)} <= days  # 除夕 … 初三
    assert D(2027, 2, 4) not in days and D(2027, 2, 9) not in days
    assert {D(2027, 1, 1), D(2027, 5, 1), D(2027, 5, 2)} <= days
    assert {D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)} <= days
    assert D(2027, 4, 5) in days  # 清明, from the solar term
    assert D(2027, 6, 9) in days and D(2027, 9, 15) in days  # 端午, 中秋
    assert len(days) == 13
    # the lunar dates agree with the official schedules the package holds under the 放假办法 as
    # amended in 2024 (除夕 and 2 May added from 2025)
    for year in (2025, 2026):
        official = WorkingDayCalendar.from_package()
        assert not any(official.is_working_day(day) for day in statutory_holidays(year))


def test_spring_festival_2027_before_the_schedule_is_published(shipped: WorkingDayCalendar) -> None:
    if 2027 in shipped.known_years:
        pytest.skip("the installed chinese_calendar already knows 2027")
    # Received Thu 4 Feb 2027: 5–8 Feb off (除夕 to 初三), 9–12 (4), 15, 16, 17 Feb (7)
    assert shipped.add_working_days(D(2027, 2, 4), 7) == Deadline(D(2027, 2, 17), estimated=True)


def test_deadline_in_unknown_year_is_estimated(shipped: WorkingDayCalendar) -> None:
    year = first_unknown_year(shipped)
    assert year - 1 in shipped.known_years
    # Received Mon 28 Dec of the last known year: 29, 30, 31 Dec (3), then in the unknown year
    # Monday to Friday except its statutory holidays (1 January among them).
    start = D(year - 1, 12, 28)
    deadline = shipped.add_working_days(start, 7)
    assert deadline.estimated
    expected, counted = start, 0
    while counted < 7:  # day by day: the package's schedule, then the statutory guess
        expected += dt.timedelta(days=1)
        if expected.year < year:
            counted += shipped.is_working_day(expected)
        else:
            counted += expected.weekday() < 5 and expected not in statutory_holidays(year)
    assert deadline.date == expected
    assert shipped.spans_unknown_years(start, deadline.date)  # type: ignore[arg-type]
    # Calendar days ending on a working day of a known year are exact.
    assert not shipped.add_calendar_days(start - dt.timedelta(days=70), 60).estimated


def test_2027_estimate_then_roster_extension(calendar: WorkingDayCalendar) -> None:
    if 2027 in calendar.known_years:
        pytest.skip("the installed chinese_calendar already knows 2027")
    start = D(2026, 12, 28)
    # Statutory guess: 29, 30, 31 Dec, (Fri 1 Jan off), Mon 4, Tue 5, Wed 6, Thu 7 Jan.
    assert calendar.add_working_days(start, 7) == Deadline(D(2027, 1, 7), estimated=True)
    roster_sheet = [  # as a roster's 节假日 sheet would give it (text dates)
        ("2027-01-01", "holiday"),
        ("2027-01-02", "holiday"),
        ("2027-01-03", "holiday"),
        ("2027-01-04", "holiday"),
    ]
    calendar.extend(roster_sheet)
    assert 2027 not in calendar.known_years  # entries alone do not complete a year
    assert calendar.add_working_days(start, 7) == Deadline(D(2027, 1, 8), estimated=True)
    calendar.extend([], complete_years=[2027])  # the roster declares its 2027 sheet complete
    assert 2027 in calendar.known_years
    assert calendar.add_working_days(start, 7) == Deadline(D(2027, 1, 8), estimated=False)
    # a complete year is the roster's word alone: no statutory guess left in it
    assert calendar.is_working_day(D(2027, 2, 5))


def test_extension_make_up_day_in_unknown_year(calendar: WorkingDayCalendar) -> None:
    year = first_unknown_year(calendar)
    sunday = D(year, 3, 7)
    while sunday.weekday() != 6:
        sunday += dt.timedelta(days=1)
    friday = sunday - dt.timedelta(days=2)
    before = calendar.add_working_days(friday, 1)
    assert before.date == sunday + dt.timedelta(days=1) and before.estimated
    calendar.extend([(sunday, "workday")])
    assert calendar.add_working_days(friday, 1) == Deadline(sunday, estimated=True)
    calendar.extend([], complete_years=[year])
    assert calendar.add_working_days(friday, 1) == Deadline(sunday)


def test_extension_overrides_package_dates(calendar: WorkingDayCalendar) -> None:
    calendar.extend([(D(2026, 10, 12), "holiday")])
    assert calendar.add_working_days(D(2026, 9, 25), 7).date == D(2026, 10, 13)
    assert calendar.is_working_day(D(2026, 10, 10))  # the rest of the year is untouched


def test_extension_rejects_bad_entries(calendar: WorkingDayCalendar) -> None:
    with pytest.raises(HolidayDataError, match="类型"):
        calendar.extend([(D(2027, 1, 1), "festival")])
    with pytest.raises(HolidayDataError, match="日期"):
        calendar.extend([("1/1/2027", "holiday")])
    with pytest.raises(HolidayDataError, match="年份"):
        calendar.extend([], complete_years=["2027"])  # type: ignore[list-item]


def test_empty_calendar_is_weekdays_and_statutory_holidays() -> None:
    bare = WorkingDayCalendar()
    assert bare.known_years == frozenset()
    # 25 Sep 2026 (中秋) received: 28, 29, 30 Sep, (1–3 Oct off, Sun 4), 5, 6, 7, 8 Oct
    assert bare.add_working_days(D(2026, 9, 25), 7) == Deadline(D(2026, 10, 8), estimated=True)


def test_far_years_on_both_sides(shipped: WorkingDayCalendar) -> None:
    assert shipped.add_working_days(D(1999, 12, 31), 1) == Deadline(D(2000, 1, 3), estimated=True)
    far = shipped.add_working_days(D(2026, 1, 1), 3000)
    assert far.estimated and far.date is not None and far.date.year > 2036


def test_closed_pause_moves_deadline_by_its_working_days(shipped: WorkingDayCalendar) -> None:
    accepted = D(2026, 5, 11)
    plain = shipped.add_working_days(accepted, 45)
    assert plain.date == D(2026, 7, 14)  # 19 Jun (Dragon Boat) not counted
    pause = (D(2026, 5, 18), D(2026, 5, 29))  # Mon to Fri two weeks later: 10 working days
    assert shipped.working_days_between(pause[0] - dt.timedelta(days=1), pause[1]) == 10
    paused = shipped.add_working_days(accepted, 45, pauses=[pause])
    assert paused.date == D(2026, 7, 28)
    assert paused.date == shipped.add_working_days(plain.date, 10).date  # type: ignore[arg-type]


def test_pause_edges(shipped: WorkingDayCalendar) -> None:
    accepted = D(2026, 5, 11)
    plain = shipped.add_working_days(accepted, 45)
    # A pause after the deadline, or over the event day itself, changes nothing / only its days.
    assert shipped.add_working_days(accepted, 45, [(D(2026, 8, 3), D(2026, 8, 7))]) == plain
    assert shipped.add_working_days(accepted, 45, [(D(2026, 5, 1), D(2026, 5, 10))]) == plain
    # Overlapping pauses count once.
    both = [(D(2026, 5, 18), D(2026, 5, 22)), (D(2026, 5, 20), D(2026, 5, 29))]
    assert shipped.add_working_days(accepted, 45, both).date == D(2026, 7, 28)
    with pytest.raises(InvalidPause):
        shipped.add_working_days(accepted, 45, [(D(2026, 5, 20), D(2026, 5, 18))])


def test_open_pause_leaves_deadline_undetermined(shipped: WorkingDayCalendar) -> None:
    accepted = D(2026, 5, 11)
    deadline = shipped.add_working_days(accepted, 45, [(D(2026, 5, 18), None)])
    assert deadline.paused and deadline.date is None
    assert deadline.paused_since == D(2026, 5, 18)
    assert deadline.remaining == 41  # 12–15 May counted
    assert not deadline.is_overdue(D(2030, 1, 1))
    # An open pause that starts after the deadline does not matter.
    late = shipped.add_working_days(accepted, 45, [(D(2026, 8, 3), None)])
    assert late == Deadline(D(2026, 7, 14))


def test_calendar_days_with_pause(shipped: WorkingDayCalendar) -> None:
    pause = (D(2026, 10, 1), D(2026, 10, 10))  # 10 calendar days
    assert shipped.add_calendar_days(D(2026, 9, 25), 60).date == D(2026, 11, 24)
    assert shipped.add_calendar_days(D(2026, 9, 25), 60, [pause]).date == D(2026, 12, 4)


def test_is_overdue() -> None:
    deadline = Deadline(D(2026, 10, 12))
    assert not deadline.is_overdue(D(2026, 10, 12))
    assert deadline.is_overdue(D(2026, 10, 13))


def test_matches_package_day_by_day(shipped: WorkingDayCalendar) -> None:
    import chinese_calendar

    day = D(2019, 1, 1)
    while day.year <= max(shipped.known_years):
        assert shipped.is_working_day(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_hundred_thousand_deadlines_are_fast(shipped: WorkingDayCalendar) -> None:
    starts = [D(2020, 1, 1) + dt.timedelta(days=i % 2900) for i in range(100_000)]
    began = time.perf_counter()
    for start in starts:
        shipped.add_working_days(start, 45)
    elapsed = time.perf_counter() - began
    print(f"100 000 deadlines: {elapsed:.3f} s")
    assert elapsed < 2.0
