"""Deadlines of real complaints: the official calendar, the rule set of the day received, pauses."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from station_app.clock import FixedClock
from station_app.registry.complaints import get_complaint
from station_app.registry.context import Context
from station_app.workflow import mediation, transitions
from station_app.workflow.deadlines import (
    ComplaintClock,
    deadline_of,
    deadlines_for,
    due_horizon,
    due_items,
    official_calendar,
    pending_deadline,
)
from station_app.workflow.rule_sets import load_rule_sets
from station_app.workflow.transitions import ClosingDraft
from station_app.workflow.working_days import WorkingDayCalendar

from .test_workflow_transitions import agree, new_complaint

D = dt.date


@pytest.fixture
def calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.from_package()


def working_days_after(start: dt.date, end: dt.date, calendar: WorkingDayCalendar) -> int:
    """Recount day by day: working days d with start < d <= end."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


def received(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0))


def test_national_day_acceptance_deadline(calendar: WorkingDayCalendar) -> None:
    clock = ComplaintClock(status="registered", received_on=D(2026, 9, 25))
    pending = pending_deadline(clock, calendar=calendar)
    assert pending is not None and pending.kind == "accept"
    assert pending.deadline.date == D(2026, 10, 12)  # 1–7 Oct off, Sat 10 Oct worked
    assert not pending.deadline.estimated
    assert pending.rule_set.code == "samr_2026"


def test_spring_festival_deadline_falls_on_a_make_up_saturday(calendar: WorkingDayCalendar) -> None:
    pending = pending_deadline(
        ComplaintClock(status="registered", received_on=D(2026, 2, 12)), calendar=calendar
    )
    assert pending is not None and pending.deadline.date == D(2026, 2, 28)
    assert pending.rule_set.code == "samr_2019"


def test_rule_switch_on_real_complaints(ctx: Context, calendar: WorkingDayCalendar) -> None:
    before = new_complaint(ctx, received_at=received(D(2026, 4, 14), 17))
    after = new_complaint(ctx, received_at=received(D(2026, 4, 15), 8))
    for complaint in (before, after):
        transitions.accept(ctx, complaint.id, on=D(2026, 4, 16))
    old = deadline_of(get_complaint(before.id))
    new = deadline_of(get_complaint(after.id))
    assert old is not None and new is not None
    assert (old.kind, old.rule_set.code, new.kind, new.rule_set.code) == (
        "mediation",
        "samr_2019",
        "mediation",
        "samr_2026",
    )
    # 2019: 45 working days from acceptance; 2026: 60 days (calendar days in the shipped data)
    assert old.deadline.date is not None
    assert working_days_after(D(2026, 4, 16), old.deadline.date, calendar) == 45
    assert calendar.is_working_day(old.deadline.date)
    assert new.deadline.date == D(2026, 4, 16) + dt.timedelta(days=60)


def test_testing_pauses_the_mediation_clock(ctx: Context, calendar: WorkingDayCalendar) -> None:
    complaint = new_complaint(ctx, received_at=received(D(2026, 4, 10)))
    transitions.accept(ctx, complaint.id, on=D(2026, 4, 13))
    agree(ctx, complaint)
    transitions.start_mediation(ctx, complaint.id, on=D(2026, 4, 14))
    unpaused = deadline_of(get_complaint(complaint.id))
    assert unpaused is not None and unpaused.deadline.date is not None

    mediation.start_pause(ctx, complaint.id, "testing", started_on=D(2026, 5, 11))
    open_pause = deadline_of(get_complaint(complaint.id))
    assert open_pause is not None and open_pause.deadline.paused
    assert open_pause.deadline.paused_since == D(2026, 5, 11)
    # the clock stands: not overdue and not listed, long after the unpaused deadline
    assert complaint.id not in {i.complaint_id for i in due_items(D(2026, 11, 20))}

    mediation.end_pause(ctx, complaint.id, ended_on=D(2026, 5, 22))
    paused = deadline_of(get_complaint(complaint.id))
    assert paused is not None and paused.deadline.date is not None
    pause_working_days = working_days_after(D(2026, 5, 10), D(2026, 5, 22), calendar)
    assert pause_working_days == 10
    assert working_days_after(unpaused.deadline.date, paused.deadline.date, calendar) == 10
    # independently: 45 working days counted, none of them inside the pause
    counted = working_days_after(D(2026, 4, 13), paused.deadline.date, calendar)
    assert counted - pause_working_days == 45


def test_deadline_in_2027_is_estimated(ctx: Context, calendar: WorkingDayCalendar) -> None:
    if 2027 in calendar.known_years:
        pytest.skip("the installed chinese_calendar already knows 2027")
    pending = pending_deadline(
        ComplaintClock(status="registered", received_on=D(2026, 12, 28)), calendar=calendar
    )
    assert pending is not None
    assert pending.deadline.date == D(2027, 1, 6) and pending.deadline.estimated
    # a roster's 节假日 sheet for 2027 makes it exact
    calendar.extend([(D(2027, 1, 1), "holiday")])
    pending = pending_deadline(
        ComplaintClock(status="registered", received_on=D(2026, 12, 28)), calendar=calendar
    )
    assert pending is not None and not pending.deadline.estimated


def test_termination_notice_and_follow_up_deadlines(calendar: WorkingDayCalendar) -> None:
    ended = ComplaintClock(
        status="mediation_ended", received_on=D(2026, 9, 1), mediation_ended_on=D(2026, 9, 28)
    )
    pending = pending_deadline(ended, calendar=calendar)
    assert pending is not None and pending.kind == "termination_notice"
    assert pending.deadline.date == D(2026, 10, 13)  # 29, 30 Sep, (1–7 off), 9, 10, 12, 13 Oct
    notified = ComplaintClock(
        status="mediation_ended",
        received_on=D(2026, 9, 1),
        mediation_ended_on=D(2026, 9, 28),
        termination_notified_on=D(2026, 9, 29),
    )
    assert pending_deadline(notified, calendar=calendar) is None
    closed = ComplaintClock(status="closed", received_on=D(2026, 9, 1), closed_on=D(2026, 9, 25))
    follow = pending_deadline(closed, calendar=calendar)
    assert follow is not None and follow.kind == "follow_up"
    assert follow.deadline.date == D(2026, 10, 10)  # 15 calendar days (local practice)
    for status in ("followed_up", "withdrawn", "not_accepted", "agreement_pending"):
        clock = ComplaintClock(status=status, received_on=D(2026, 9, 1), closed_on=D(2026, 9, 2))
        assert pending_deadline(clock, calendar=calendar) is None


def test_before_any_rule_set_counts_on_the_earliest_and_says_estimated(
    calendar: WorkingDayCalendar,
) -> None:
    pending = pending_deadline(
        ComplaintClock(status="registered", received_on=D(2019, 12, 20)), calendar=calendar
    )
    assert pending is not None and pending.rule_set.code == "samr_2019"
    assert pending.deadline.estimated


def test_due_items_overdue_and_due_soon(ctx: Context, clock: FixedClock) -> None:
    # on Fri 2026-11-20; due soon = up to 3 working days on = Wed 2026-11-25
    assert due_horizon(D(2026, 11, 20)) == D(2026, 11, 25)
    overdue = new_complaint(ctx, received_at=received(D(2026, 11, 9)))  # due Wed 18 Nov
    today = new_complaint(ctx, received_at=received(D(2026, 11, 11)))  # due Fri 20 Nov
    soon = new_complaint(ctx, received_at=received(D(2026, 11, 16)))  # due Wed 25 Nov
    later = new_complaint(ctx, received_at=received(D(2026, 11, 17)))  # due Thu 26 Nov
    finished = new_complaint(ctx, received_at=received(D(2026, 11, 2)))
    transitions.refuse_acceptance(ctx, finished.id, "outside_remit", on=D(2026, 11, 3))
    closed = new_complaint(ctx, received_at=received(D(2026, 10, 9)))
    transitions.accept(ctx, closed.id, on=D(2026, 10, 9))
    transitions.close(ctx, closed.id, ClosingDraft(outcome="settled", closed_on=D(2026, 11, 2)))

    items = due_items(D(2026, 11, 20))
    by_number = {item.number: item for item in items}
    assert set(by_number) == {overdue.number, today.number, soon.number, closed.number}
    assert later.number not in by_number and finished.number not in by_number
    assert (by_number[overdue.number].deadline, by_number[overdue.number].overdue) == (
        D(2026, 11, 18),
        True,
    )
    assert by_number[overdue.number].working_days_left == -2
    assert by_number[overdue.number].describe() == "已超期 2 个工作日"
    assert not by_number[today.number].overdue and by_number[today.number].due_soon
    assert by_number[today.number].describe() == "今天到期"
    assert by_number[soon.number].deadline == D(2026, 11, 25)
    assert by_number[soon.number].describe() == "还剩 3 个工作日"
    follow = by_number[closed.number]
    assert (follow.deadline_kind, follow.deadline, follow.overdue) == (
        "follow_up",
        D(2026, 11, 17),
        True,
    )
    assert [i.deadline for i in items] == sorted(i.deadline for i in items)

    marks = deadlines_for([later.id, overdue.id, finished.id], D(2026, 11, 20))
    assert set(marks) == {later.id, overdue.id}
    assert not marks[later.id].due_soon and not marks[later.id].overdue
    assert marks[overdue.id].overdue


def test_official_calendar_is_one_per_process() -> None:
    assert official_calendar() is official_calendar()


def test_corrected_rule_set_is_used(tmp_path, calendar: WorkingDayCalendar) -> None:  # type: ignore[no-untyped-def]
    import json

    from station_app.paths import resource_path

    data = json.loads(resource_path("rules", "samr_2026.json").read_text(encoding="utf-8"))
    data["version"] += 1
    for limit in data["limits"]:
        if limit["kind"] == "mediation":
            limit["day_kind"] = "working"
    (tmp_path / "samr_2026.json").write_text(json.dumps(data), encoding="utf-8")
    rule_sets = load_rule_sets([tmp_path])
    clock = ComplaintClock(status="accepted", received_on=D(2026, 5, 6), accepted_on=D(2026, 5, 6))
    pending = pending_deadline(clock, calendar=calendar, rule_sets=rule_sets)
    assert pending is not None and pending.deadline.date is not None
    assert working_days_after(D(2026, 5, 6), pending.deadline.date, calendar) == 60


def test_due_items_is_fast_on_many_open_complaints(ctx: Context) -> None:
    """20 000 open complaints, most of them overdue (the worst case), well under a second."""
    from station_app.store.models import database_proxy

    rows = []
    for i in range(20_000):
        day = D(2025, 1, 1) + dt.timedelta(days=i % 690)
        status = ("registered", "accepted", "in_mediation", "closed")[i % 4]
        acc = None if status == "registered" else str(day + dt.timedelta(days=2))
        closed = str(day + dt.timedelta(days=20)) if status == "closed" else None
        rows.append(
            (f"{i:032x}", "TJ001", 1, "2026-11-20 00:00:00", 0, 0, f"X-{i:06d}", f"{day} 09:00:00",
             "visit", status, "店", "化肥", "G10", "quality", "事实", acc, acc, closed)
        )  # fmt: skip
    with database_proxy.atomic():
        database_proxy.cursor().executemany(
            "INSERT INTO complaint (uid, origin, version, updated_at, deleted, change_seq, number,"
            " received_at, channel, status, respondent_name, subject, category_code, natures,"
            " facts, accepted_on, mediation_clock_from, closed_on, is_group, group_size,"
            " recovered_fen, punitive_fen, fraud, search_text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,1,0,0,0,'')",
            rows,
        )
    started = time.perf_counter()
    items = due_items(D(2026, 11, 20))
    elapsed = time.perf_counter() - started
    assert len(items) > 18_000
    assert elapsed < 1.0, f"due_items took {elapsed:.2f}s for 20 000 open complaints"


def test_complaints_of_a_version_1_database_get_deadlines_after_upgrade(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from station_app.store import migrations
    from station_app.store.database import open_database

    path = tmp_path / "v1.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        patch.setattr(migrations, "LATEST", 1)
        db = open_database(path)
        db.execute_sql(
            "INSERT INTO complaint (uid, origin, version, updated_at, deleted, change_seq, number,"
            " received_at, channel, status, is_group, group_size, respondent_name, subject,"
            " category_code, natures, facts, recovered_fen, punitive_fen, fraud, search_text)"
            " VALUES ('a1', 'TJ001', 1, '2026-09-25 01:00:00', 0, 1, 'TJ001-2026-0001',"
            " '2026-09-25 09:00:00', 'visit', 'registered', 0, 1, '店', '化肥', 'G10', 'quality',"
            " '事实', 0, 0, 0, '')"
        )
        db.close()
    db = open_database(path, backup_dir=tmp_path / "backups")
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    (item,) = due_items(D(2026, 10, 9))
    assert (item.number, item.deadline, item.due_soon) == ("TJ001-2026-0001", D(2026, 10, 12), True)
    assert list((tmp_path / "backups").glob("before-migration-v1-*"))
    db.close()
