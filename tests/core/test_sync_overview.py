"""The county overview's complaint load per station: open and overdue complaints by origin."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from station_app.clock import FixedClock
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.listing import ComplaintFilter, count_complaints
from station_app.store.models import Complaint
from station_app.sync.overview import ComplaintLoad, complaint_load_by_origin
from station_app.workflow.deadlines import due_items
from station_app.workflow.states import CLOSED


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


def test_deleted_complaints_do_not_count(
    ctx: Context, clock: FixedClock, make_complaint_draft: Callable[..., object]
) -> None:
    made = register_complaint(ctx, make_complaint_draft(received_at=dt.datetime(2026, 9, 1, 9)))
    Complaint.update(deleted=True).where(Complaint.id == made.id).execute()
    assert complaint_load_by_origin(clock.today()) == {}
