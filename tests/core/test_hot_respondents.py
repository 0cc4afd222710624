"""热点经营者: businesses complained about repeatedly, across stations, grouped by credit code or
normalised name, compared with the period before."""

from __future__ import annotations

import datetime as dt

from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.reports.hot_respondents import hot_respondents
from station_app.reports.indicators import Period
from station_app.settings import StationIdentity
from station_app.workflow import transitions

NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
OCTOBER = Period(dt.date(2026, 10, 1), dt.date(2026, 11, 1))


def at(day: int, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, 9, 0)


def test_repeated_businesses_across_stations(ctx: Context, make_complaint_draft) -> None:
    shop = {"respondent_name": "诺江镇惠民超市", "respondent_credit_code": None}
    for day, name in ((2, "甲"), (5, "乙"), (9, "丙")):
        register_complaint(
            ctx,
            make_complaint_draft(
                received_at=at(day), complainants=[PersonDraft(name=name)], **shop
            ),
        )
    # the same shop written with spaces and brackets, at another station
    other = Context(
        station=StationIdentity(code="TJ002", name="另一站", county_code="511921", role="station"),
        actor="李", clock=ctx.clock,
    )  # fmt: skip
    register_complaint(
        other,
        make_complaint_draft(
            received_at=at(10), respondent_name=" 诺江镇 惠民超市 ", respondent_credit_code=None
        ),
    )
    closed = register_complaint(ctx, make_complaint_draft(received_at=at(3)))  # credit code
    transitions.withdraw(ctx, closed.id, reason="和解")
    register_complaint(ctx, make_complaint_draft(received_at=at(12)))
    register_complaint(ctx, make_complaint_draft(received_at=at(20, 10)))  # October
    register_complaint(
        ctx,
        make_complaint_draft(
            received_at=at(11), respondent_name="只一次", respondent_credit_code=None
        ),
    )

    county = hot_respondents(NOVEMBER, previous=OCTOBER)
    assert [(h.name, h.complaints, h.stations, h.previous) for h in county] == [
        ("诺江镇惠民超市", 4, 2, 0),
        ("通江县诺江镇惠民农资店", 2, 1, 1),
    ]
    assert county[1].credit_code == "91110108551385082Q"
    assert county[1].open_complaints == 1 and county[1].latest == dt.date(2026, 11, 12)
    assert county[1].rise == 1
    station = hot_respondents(NOVEMBER, ctx.origin, at_least=3)
    assert [(h.name, h.complaints, h.stations) for h in station] == [("诺江镇惠民超市", 3, 1)]
