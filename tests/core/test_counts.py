"""The workbench counts agree with the list functions and respect days, months and states."""

from __future__ import annotations

import datetime as dt

from station_app.registry.complaints import ComplaintDraft, register_complaint
from station_app.registry.context import Context
from station_app.registry.counts import (
    count_complaints_on,
    count_open_complaints,
    visit_totals_in_month,
    visit_totals_on,
    workbench_counts,
)
from station_app.registry.listing import (
    ComplaintFilter,
    VisitFilter,
    count_complaints,
    count_visits,
)
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, register_visit
from station_app.store.models import Complaint


def complaint_at(ctx: Context, when: dt.datetime) -> Complaint:
    return register_complaint(
        ctx,
        ComplaintDraft(
            received_at=when,
            channel="visit",
            complainants=[PersonDraft(name="李大爷")],
            respondent_name="诺江镇农资店",
            subject="复合肥",
            category_code="G01",
            natures=["quality"],
            facts="化肥结块，施用后无效。",
        ),
    )


def visit_at(ctx: Context, when: dt.datetime, headcount: int = 1) -> None:
    register_visit(
        ctx,
        VisitDraft(visited_at=when, channel="visit", question="退货怎么办？", headcount=headcount),
    )


def test_counts_by_day_month_and_state(ctx: Context) -> None:
    today = ctx.clock.today()  # 2026-11-20
    now = ctx.clock.local_now()
    complaint_at(ctx, now.replace(hour=8))
    complaint_at(ctx, now - dt.timedelta(days=1))
    complaint_at(ctx, dt.datetime(2026, 10, 31, 23, 59))
    closed = complaint_at(ctx, dt.datetime(2026, 11, 2, 9, 0))
    Complaint.update(status="closed").where(Complaint.id == closed.id).execute()
    visit_at(ctx, now.replace(hour=9), headcount=3)
    visit_at(ctx, now - dt.timedelta(days=2))
    visit_at(ctx, dt.datetime(2026, 10, 15, 10, 0), headcount=5)

    assert count_complaints_on(today) == 1
    assert count_open_complaints() == 3
    assert visit_totals_on(today) == (1, 3)
    assert visit_totals_in_month("2026-11") == (2, 4)
    assert visit_totals_in_month("2026-10") == (1, 5)

    counts = workbench_counts(today)
    assert counts.complaints_today == 1
    assert counts.complaints_month == count_complaints(ComplaintFilter(month="2026-11")) == 3
    assert counts.complaints_open == 3
    assert (counts.visits_today, counts.visitors_today) == (1, 3)
    assert counts.visits_month == count_visits(VisitFilter(month="2026-11")) == 2
    assert counts.visitors_month == 4


def test_december_month_rolls_into_next_year(ctx: Context) -> None:
    visit_at(ctx, dt.datetime(2025, 12, 31, 17, 0), headcount=2)
    assert visit_totals_in_month("2025-12") == (1, 2)
    assert visit_totals_in_month("2026-01") == (0, 0)
