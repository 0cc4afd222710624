"""The county overview's complaint load per station: open and overdue complaints by origin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from station_app.clock import FixedClock
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.listing import ComplaintFilter, count_complaints
from station_app.store.models import Complaint
from station_app.sync.overview import ComplaintLoad, complaint_load_by_origin
from station_app.workflow import transitions
from station_app.workflow.deadlines import due_items
from station_app.workflow.states import CLOSED


@pytest.mark.both_engines
def test_open_and_overdue_complaints_are_counted_per_origin(
    ctx: Context, clock: FixedClock, make_complaint_draft: Callable[..., object]
) -> None:
    long_ago = dt.datetime(2026, 9, 1, 9, 0)
    recent = dt.datetime(2026, 11, 19, 9, 0)
    made = [
        register_complaint(ctx, make_complaint_draft(received_at=when))
        for when in (long_ago, long_ago, recent, recent, recent)
    ]
    # as if imported from other stations: two for TJ002 (one overdue), one closed for TJ003
    Complaint.update(origin="TJ002").where(Complaint.id.in_([made[1].id, made[2].id])).execute()
    Complaint.update(origin="TJ003", status=CLOSED).where(Complaint.id == made[3].id).execute()
    today = clock.today()

    load = complaint_load_by_origin(today)

    overdue = {item.complaint_id for item in due_items(today) if item.overdue}
    assert overdue == {made[0].id, made[1].id}
    assert load == {"TJ001": ComplaintLoad(2, 1), "TJ002": ComplaintLoad(2, 1)}
    assert load.get("TJ003", ComplaintLoad()) == ComplaintLoad(0, 0)
    # the same numbers as the complaint list's own counting, station by station
    for origin, counted in load.items():
        assert counted.open == count_complaints(
            ComplaintFilter(origin=origin, statuses=("registered",))
        )


@pytest.mark.both_engines
def test_deleted_complaints_do_not_count(
    ctx: Context, clock: FixedClock, make_complaint_draft: Callable[..., object]
) -> None:
    made = register_complaint(ctx, make_complaint_draft(received_at=dt.datetime(2026, 9, 1, 9)))
    Complaint.update(deleted=True).where(Complaint.id == made.id).execute()
    assert complaint_load_by_origin(clock.today()) == {}


@pytest.mark.both_engines
def test_a_termination_notice_owed_after_withdrawal_counts_as_overdue(
    ctx: Context, clock: FixedClock, make_complaint_draft: Callable[..., object]
) -> None:
    """Withdrawn while mediation runs: the complaint is finished (not open) but the notice to both
    parties is still owed, and overdue once its 7 working days have passed."""
    made = register_complaint(ctx, make_complaint_draft(received_at=dt.datetime(2026, 10, 8, 9, 0)))
    transitions.accept(ctx, made.id, on=dt.date(2026, 10, 9))
    transitions.withdraw(ctx, made.id, on=dt.date(2026, 10, 20))
    today = clock.today()

    overdue = [item for item in due_items(today) if item.overdue]
    assert [(item.complaint_id, item.deadline_kind) for item in overdue] == [
        (made.id, "termination_notice")
    ]
    assert complaint_load_by_origin(today) == {"TJ001": ComplaintLoad(0, 1)}


def test_overdue_counts_equal_the_deadline_of_each_complaint(
    ctx: Context, clock: FixedClock
) -> None:
    """Counting by distinct dates gives, station by station, what due_items gives one by one
    (a year of demo complaints in every state, with testing pauses, spread over five origins)."""
    from station_app.demo import generate_demo
    from station_app.store.models import database_proxy
    from station_app.store.workflow_models import MediationPause

    generate_demo(ctx, complaints=1200, visits=0, seed=7)
    for origin in range(5):
        database_proxy.execute_sql(
            "UPDATE complaint SET origin = ? WHERE id % 5 = ?", (f"TJ00{origin + 2}", origin)
        )
    mediating = Complaint.select().where(Complaint.mediation_clock_from.is_null(False))
    for n, complaint in enumerate(mediating.limit(12)):  # testing pauses, some still under way
        start = complaint.mediation_clock_from + dt.timedelta(days=2)
        MediationPause.create(complaint=complaint, kind="testing", started_on=start,
                              ended_on=None if n % 3 == 0 else start + dt.timedelta(days=20),
                              origin=complaint.origin, updated_at=dt.datetime(2026, 1, 1),
                              change_seq=0)  # fmt: skip
    assert MediationPause.select().count() == 12
    # 40 days back few are overdue: the demo's complaints closed by then are followed up by now
    for day, at_least in ((clock.today(), 10), (clock.today() - dt.timedelta(days=40), 3)):
        expected: dict[str, int] = {}
        overdue = [item.complaint_id for item in due_items(day) if item.overdue]
        for complaint in Complaint.select().where(Complaint.id.in_(overdue)):
            expected[complaint.origin] = expected.get(complaint.origin, 0) + 1
        load = complaint_load_by_origin(day)
        assert {o: v.overdue for o, v in load.items() if v.overdue} == expected
        assert sum(expected.values()) >= at_least
