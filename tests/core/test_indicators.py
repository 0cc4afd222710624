"""The monthly indicators: a month built through the workflow, every figure checked by hand.

The month is January 2027, so 本年累计 is January alone and 去年同期 is January 2026; complaints
registered in December 2026 and handled in January are the carried-over cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from station_app.clock import FixedClock
from station_app.installation import Installation
from station_app.registry.complaints import delete_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, register_event
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, register_visit
from station_app.reports.indicators import compute_indicators, month_periods
from station_app.settings import StationIdentity
from station_app.store.models import Complaint
from station_app.workflow import consent, transitions
from station_app.workflow.consent import ConsentDraft
from station_app.workflow.transitions import (
    ClosingDraft,
    FollowUpDraft,
    ReferralDraft,
    ReferralReply,
)

from ..conftest import complaint_draft, use_template

D = dt.date


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(local=dt.datetime(2027, 2, 10, 10, 0))


def complaint(ctx: Context, received: D, **overrides: Any) -> Complaint:
    at = dt.datetime.combine(received, dt.time(9, 30))
    return register_complaint(ctx, complaint_draft(received_at=at, **overrides))


def mediate(ctx: Context, c: Complaint, accepted: D, started: D) -> None:
    transitions.accept(ctx, c.id, on=accepted)
    consent.record_consent(ctx, c.id, ConsentDraft(recipients=["respondent"]))
    transitions.start_mediation(ctx, c.id, on=started)


def close(ctx: Context, c: Complaint, on: D, outcome: str, recovered: int = 0, **kw: Any) -> None:
    transitions.close(
        ctx, c.id, ClosingDraft(outcome=outcome, closed_on=on, recovered_fen=recovered, **kw)
    )


def follow_up(ctx: Context, c: Complaint, on: D, satisfaction: str) -> None:
    transitions.follow_up(
        ctx, c.id, FollowUpDraft(method="phone", satisfaction=satisfaction, followed_up_on=on)
    )


def visit(ctx: Context, at: dt.datetime, headcount: int) -> None:
    register_visit(
        ctx, VisitDraft(visited_at=at, channel="visit", question="咨询退货", headcount=headcount)
    )


def event(
    ctx: Context, on: D, kind: str, attendees: int, leaflets: int, consultations: int
) -> None:
    register_event(
        ctx,
        EventDraft(
            held_on=on,
            event_type=kind,
            topic="宣传",
            attendees=attendees,
            leaflets=leaflets,
            consultations=consultations,
        ),
    )


def fill_month(ctx: Context) -> None:
    """The known records (see each line for what it adds to January 2027)."""
    # -- January 2026 (去年同期) and February 2026 (outside it) -----------------------------------
    l1 = complaint(ctx, D(2026, 1, 5))
    transitions.accept(ctx, l1.id, on=D(2026, 1, 6))
    close(ctx, l1, D(2026, 1, 20), "mediated", 100_000)
    l2 = complaint(ctx, D(2026, 1, 10))
    transitions.refuse_acceptance(ctx, l2.id, "outside_remit", on=D(2026, 1, 12))
    l3 = complaint(ctx, D(2026, 2, 3))
    transitions.accept(ctx, l3.id, on=D(2026, 2, 4))
    visit(ctx, dt.datetime(2026, 1, 15, 10, 0), 3)
    event(ctx, D(2026, 1, 7), "market_advice", 100, 150, 10)

    # -- registered before January 2027, handled in it (结转) -------------------------------------
    c1 = complaint(ctx, D(2026, 12, 20))
    mediate(ctx, c1, D(2026, 12, 21), D(2026, 12, 22))
    close(ctx, c1, D(2027, 1, 15), "mediated", 50_000)  # 办结, 调解成功, 解决, 挽回 500
    c2 = complaint(ctx, D(2026, 12, 28))
    transitions.accept(ctx, c2.id, on=D(2027, 1, 5))  # 受理 in January: G10, quality
    c3 = complaint(ctx, D(2026, 11, 10))
    transitions.accept(ctx, c3.id, on=D(2026, 11, 11))
    close(ctx, c3, D(2026, 12, 1), "settled", 10_000)  # closed in December: not January's
    follow_up(ctx, c3, D(2027, 1, 8), "satisfied")  # 回访 in January

    # -- registered in January 2027 ---------------------------------------------------------------
    j1 = complaint(ctx, D(2027, 1, 4), natures=["quality", "counterfeit"], hotline_number="12315-1")
    mediate(ctx, j1, D(2027, 1, 5), D(2027, 1, 6))
    close(ctx, j1, D(2027, 1, 20), "mediated", 300_000, punitive_fen=100_000, fraud=True)
    follow_up(ctx, j1, D(2027, 1, 25), "dissatisfied")
    follow_up(ctx, j1, D(2027, 1, 28), "fairly_satisfied")  # the latest call counts
    j2 = complaint(
        ctx,
        D(2027, 1, 6),
        category_code="S06",
        subject="宽带",
        natures=["contract"],
        is_group=True,
        group_size=12,
        complainants=[PersonDraft(name="张三"), PersonDraft(name="李四")],
    )
    transitions.accept(ctx, j2.id, on=D(2027, 1, 7))
    close(ctx, j2, D(2027, 1, 22), "settled", 20_000)
    follow_up(ctx, j2, D(2027, 1, 29), "unreachable")
    j3 = complaint(ctx, D(2027, 1, 8), category_code="G01", subject="电视机")
    transitions.refer(  # 直接转办 counts as 受理
        ctx,
        j3.id,
        ReferralDraft(
            target="county_association", referred_on=D(2027, 1, 9), with_personal_info=False
        ),
    )
    close(ctx, j3, D(2027, 1, 26), "referral_closed")
    j4 = complaint(ctx, D(2027, 1, 10), category_code="G03", natures=["safety"])
    transitions.refuse_acceptance(ctx, j4.id, "outside_remit", on=D(2027, 1, 11))
    j5 = complaint(ctx, D(2027, 1, 12), category_code="S01", subject="理发", natures=["price"])
    transitions.accept(ctx, j5.id, on=D(2027, 1, 13))
    transitions.withdraw(ctx, j5.id, on=D(2027, 1, 14))  # 办结 (撤回), not 解决
    j6 = complaint(ctx, D(2027, 1, 14))
    transitions.accept(ctx, j6.id, on=D(2027, 1, 15))
    for target, day in (("enforcement_lead", 16), ("court_mediation", 20)):
        transitions.refer(
            ctx,
            j6.id,
            ReferralDraft(
                target=target,
                referred_on=D(2027, 1, day),
                hands_over=False,
                with_personal_info=False,
            ),
        )
    lead = transitions.referrals_of(j6.id)[0]
    transitions.record_referral_reply(
        ctx, lead.id, ReferralReply(reply_on=D(2027, 1, 25), fine_fen=500_000)
    )
    j7 = complaint(ctx, D(2027, 1, 18), category_code="O01", subject="其他", natures=["other"])
    transitions.accept(ctx, j7.id, on=D(2027, 1, 19))
    transitions.end_mediation(ctx, j7.id, "no_agreement_possible", on=D(2027, 1, 27))
    transitions.refer(
        ctx,
        j7.id,
        ReferralDraft(
            target="litigation_support",
            referred_on=D(2027, 1, 28),
            hands_over=False,
            with_personal_info=False,
        ),
    )
    j8 = complaint(ctx, D(2027, 1, 20))
    transitions.withdraw(ctx, j8.id, on=D(2027, 1, 21))  # withdrawn before any decision
    complaint(ctx, D(2027, 1, 29))  # j9: registered only
    j10 = complaint(ctx, D(2027, 1, 15))
    delete_complaint(ctx, j10.id, "重复登记")  # deleted: counts nowhere
    visit(ctx, dt.datetime(2027, 1, 11, 9, 0), 1)
    visit(ctx, dt.datetime(2027, 1, 21, 15, 0), 5)
    event(ctx, D(2027, 1, 12), "consumer_warning", 0, 200, 0)
    event(ctx, D(2027, 1, 19), "village_talk", 40, 60, 5)

    # -- February 2027 (after the month) and another station ------------------------------------
    f1 = complaint(ctx, D(2027, 2, 2))
    transitions.accept(ctx, f1.id, on=D(2027, 2, 3))
    visit(ctx, dt.datetime(2027, 2, 1, 9, 0), 2)
    other = Context(StationIdentity("TJ002", "涪阳镇服务站", "511921", "station"), clock=ctx.clock)
    complaint(other, D(2027, 1, 7))


@pytest.fixture
def month(
    ctx: Context,
    installation: Installation,
    clock: FixedClock,
    station_template: Callable[..., Path],
) -> Context:
    """The test's own copy of a station holding ``fill_month``'s records (written once)."""
    use_template(installation, station_template(clock, fill_month))
    return ctx


JANUARY = {
    "complaints_registered": 9,
    "hotline_12315": 1,
    "complaints_carried_over": 3,
    "complaints_accepted": 7,
    "kind:goods": 4,
    "kind:service": 2,
    "kind:other": 1,
    "category:G10": 3,
    "category:G01": 1,
    "category:S06": 1,
    "category:S01": 1,
    "category:O01": 1,
    # one nature per complaint: j1 (质量 + 假冒, no primary named) counts under 其他 only
    # natures of the 9 registered: j3 j6 j8 j9 quality, j1 (quality + counterfeit) and j7 其他
    "nature:quality": 4,
    "nature:safety": 1,
    "nature:contract": 1,
    "nature:price": 1,
    "nature:other": 2,
    "group_complaints": 1,
    "group_people": 12,
    "complaints_not_accepted": 1,
    "complaints_closed": 6,
    "mediated": 2,
    "resolved": 4,
    "recovered_fen": 370_000,
    "punitive_count": 1,
    "punitive_fen": 100_000,
    "referred": 3,
    "target:county_association": 1,
    "target:enforcement_lead": 1,
    "target:court_mediation": 1,
    "target:litigation_support": 1,
    "fines_fen": 500_000,
    "followed_up": 3,
    "followed_up_reached": 2,
    "satisfied": 2,
    "visits": 2,
    "visits_headcount": 6,
    "events": 2,
    "event_attendees": 40,
    "event_leaflets": 260,
    "event_consultations": 5,
    "event_type:consumer_warning": 1,
    "event_type:village_talk": 1,
}
JANUARY_2026 = {
    "complaints_registered": 2,
    "complaints_accepted": 1,
    "kind:goods": 1,
    "category:G10": 1,
    "nature:quality": 2,  # the natures of the 2 registered (l1, l2)
    "complaints_not_accepted": 1,
    "complaints_closed": 1,
    "mediated": 1,
    "resolved": 1,
    "recovered_fen": 100_000,
    "visits": 1,
    "visits_headcount": 3,
    "events": 1,
    "event_attendees": 100,
    "event_leaflets": 150,
    "event_consultations": 10,
    "event_type:market_advice": 1,
}


def nonzero(figures: dict[str, int]) -> dict[str, int]:
    return {key: value for key, value in figures.items() if value}


def test_periods_cross_the_year_boundary() -> None:
    this_month, year, last_year = month_periods("2027-01")
    assert (this_month.start, this_month.end) == (D(2027, 1, 1), D(2027, 2, 1))
    assert (year.start, year.end) == (D(2027, 1, 1), D(2027, 2, 1))
    assert (last_year.start, last_year.end) == (D(2026, 1, 1), D(2026, 2, 1))
    december = month_periods("2026-12")
    assert december[0].end == D(2027, 1, 1) and december[2].end == D(2026, 1, 1)


def test_every_figure_of_the_month_by_hand(month: Context) -> None:
    stats = compute_indicators("2027-01", origin="TJ001")
    assert {
        k: v for k, v in nonzero(stats.figures).items() if not k.startswith("outcome:")
    } == JANUARY
    assert nonzero(stats.year_to_date) == nonzero(stats.figures)  # January is the year so far
    last = {k: v for k, v in nonzero(stats.last_year).items() if not k.startswith("outcome:")}
    assert last == JANUARY_2026


def test_rates_and_changes(month: Context) -> None:
    stats = compute_indicators("2027-01", origin="TJ001")
    assert stats.row("closing_rate").month == pytest.approx(6 / 7)
    assert stats.row("mediation_rate").month == pytest.approx(2 / 7)
    assert stats.row("resolution_rate").month == pytest.approx(4 / 7)
    assert stats.row("follow_up_rate").month == pytest.approx(3 / 6)
    assert stats.row("satisfaction_rate").month == pytest.approx(1.0)
    registered = stats.row("complaints_registered")
    assert (registered.year_to_date, registered.last_year, registered.change) == (9, 2, 7)
    assert registered.change_percent == pytest.approx(3.5)
    resolution = stats.row("resolution_rate")
    assert resolution.last_year == pytest.approx(1.0)
    assert resolution.change == pytest.approx(4 / 7 - 1)  # percentage points, as a fraction
    assert resolution.change_percent is None
    fines = stats.row("fines_fen")
    assert (fines.last_year, fines.change, fines.change_percent) == (0, 500_000, None)
    assert stats.row("satisfaction_rate").last_year is None  # nothing to divide by


def test_the_year_so_far_adds_up_the_months(month: Context) -> None:
    stats = compute_indicators("2027-02", origin="TJ001")
    assert stats.figures["complaints_registered"] == 1
    assert stats.year_to_date["complaints_registered"] == 10
    assert stats.year_to_date["complaints_accepted"] == 8
    assert stats.year_to_date["visits_headcount"] == 8
    assert stats.last_year["complaints_registered"] == 3  # January and February 2026
    assert stats.last_year["complaints_accepted"] == 2


def test_county_counts_every_station(month: Context) -> None:
    county = compute_indicators("2027-01")
    assert county.figures["complaints_registered"] == 10
    assert compute_indicators("2027-01", origin="TJ002").figures["complaints_registered"] == 1


def test_json_carries_the_contract_keys(month: Context) -> None:
    data = compute_indicators("2027-01", origin="TJ001").as_json()
    assert data["month"] == "2027-01"
    assert data["complaints_registered"] == 9
    assert data["complaints_accepted"] == 7
    assert data["complaints_closed"] == 6
    assert data["recovered_yuan"] == 3700.0
    assert data["visits_headcount"] == 6
    assert data["by_category"] == {"G10": 3, "G01": 1, "S06": 1, "S01": 1, "O01": 1}
    assert data["by_nature"] == {"quality": 4, "safety": 1, "contract": 1, "price": 1, "other": 2}
    assert sum(data["by_nature"].values()) == data["complaints_registered"]
    rows = {row["key"]: row for row in data["indicators"]}
    assert rows["resolution_rate"]["month"] == pytest.approx(57.14)
    assert rows["recovered_fen"]["month"] == 3700.0


def test_an_empty_month(ctx: Context) -> None:
    stats = compute_indicators("2027-01", origin="TJ001")
    assert nonzero(stats.figures) == {}
    assert stats.row("resolution_rate").month is None
    assert all(row.change in (0, None) for row in stats.rows)
