"""The 12-month trend of the statistics screen: received, closed and money recovered per month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app.reports.indicators import Period, parse_month, period_figures
from station_app.store.models import database_proxy

TREND_MONTHS = 12


@dataclass(frozen=True)
class TrendPoint:
    month: str  # YYYY-MM
    received: int  # complaints registered
    closed: int  # complaints closed (办结)
    recovered_fen: int


def trend_months(month: str, count: int = TREND_MONTHS) -> list[str]:
    """The ``count`` months ending with ``month``, oldest first."""
    year, mon = parse_month(month)
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{mon:02d}")
        year, mon = (year - 1, 12) if mon == 1 else (year, mon - 1)
    return months[::-1]


def month_period(month: str) -> Period:
    year, mon = parse_month(month)
    return Period(dt.date(year, mon, 1), dt.date(year + (mon == 12), mon % 12 + 1, 1))


def compute_trend(month: str, origin: str | None) -> list[TrendPoint]:
    """Received, closed and recovered money of each of the 12 months up to ``month``."""
    points = []
    with database_proxy.atomic():  # one snapshot for the twelve months
        for each in trend_months(month):
            f = period_figures(month_period(each), origin)
            points.append(
                TrendPoint(
                    each, f["complaints_registered"], f["complaints_closed"], f["recovered_fen"]
                )
            )
    return points
