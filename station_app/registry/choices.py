"""The choices a form or a filter bar offers: villages, officers, recent months.

Read-only lookups over roster data (regions, officers) so screens hold no queries. Labels are
what officers see; values are what records store (region codes, officer ids, ``YYYY-MM``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from collections.abc import Iterable
from dataclasses import dataclass

from station_app.store.models import Officer, Region, Station


@dataclass(frozen=True)
class Choice:
    value: str | int
    label: str


def village_choices(include: Iterable[str | None] = ()) -> list[Choice]:
    """Active villages, in code order. A village name that occurs in two towns carries its
    town's name in brackets. Codes in ``include`` (an old record's village) are offered even
    when retired."""
    wanted = {code for code in include if code}
    villages = list(
        Region.select()
        .where((Region.level == "village") & ((Region.active == True) | Region.code.in_(wanted)))  # noqa: E712
        .order_by(Region.code)
    )
    parents = {v.parent_code for v in villages if v.parent_code}
    towns = (
        {r.code: r.name for r in Region.select().where(Region.code.in_(parents))} if parents else {}
    )
    repeated = Tally(v.name for v in villages)
    choices = []
    for village in villages:
        label = village.name
        if repeated[village.name] > 1 and village.parent_code in towns:
            label = f"{village.name}（{towns[village.parent_code]}）"
        choices.append(Choice(village.code, label))
    return choices


def region_name(code: str | None) -> str:
    """The name of a region code, or the code itself when the roster does not know it."""
    if not code:
        return ""
    region = Region.get_or_none(Region.code == code)
    return region.name if region else code


def officer_choices(
    station_code: str | None = None, include: Iterable[int | None] = ()
) -> list[Choice]:
    """Active officers (of ``station_code`` when given), by name. Ids in ``include`` (the officer
    of an old record) are offered even when no longer active."""
    wanted = {officer_id for officer_id in include if officer_id is not None}
    active = (Officer.active == True) & (Officer.deleted == False)  # noqa: E712
    if station_code:
        active &= Officer.station_code == station_code
    query = (
        Officer.select().where(active | Officer.id.in_(wanted)).order_by(Officer.name, Officer.id)
    )
    return [Choice(officer.id, officer.name) for officer in query]


def officer_name(officer_id: int | None) -> str:
    if officer_id is None:
        return ""
    officer = Officer.get_or_none(Officer.id == officer_id)
    return officer.name if officer else str(officer_id)


def recent_months(today: dt.date, count: int = 24) -> list[str]:
    """``count`` months as ``YYYY-MM``, newest first, starting with the month of ``today``."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def station_choices(exclude_code: str | None = None) -> list[Choice]:
    """Stations for a county's pickers, by code, as "name（code）"."""
    query = Station.select().order_by(Station.code)
    if exclude_code:
        query = query.where(Station.code != exclude_code)
    return [Choice(s.code, f"{s.name}（{s.code}）") for s in query]
