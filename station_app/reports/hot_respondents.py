"""Hot respondents (热点经营者): the businesses complained about again and again.

A county association decides a consumer warning (消费警示) or a talk with a business when one
business draws repeated complaints, above all from several stations. Complaints registered in the
period are grouped by the business: its unified social credit code when the complaint has one,
else its normalised name (``registry.duplicates.respondent_key``: the same shop typed with and
without spaces or brackets is one business). The analysis report's hot spots and the 统计 screen's
热点经营者 tab both read this one function.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from station_app.registry.duplicates import respondent_key
from station_app.reports.indicators import Period, registered_sql
from station_app.store.models import database_proxy
from station_app.workflow.states import FINISHED


@dataclass(frozen=True)
class HotRespondent:
    name: str  # as most complaints wrote it
    credit_code: str
    complaints: int  # registered in the period
    previous: int  # registered in the period before (0 when none was asked)
    stations: int  # stations that received them
    open_complaints: int  # of them, not finished yet
    latest: dt.date  # the latest received

    @property
    def rise(self) -> int:
        return self.complaints - self.previous


@dataclass
class _Group:
    code: str
    names: dict[str, int] = field(default_factory=dict)
    count: int = 0
    still_open: int = 0
    latest: str = ""
    origins: set[str] = field(default_factory=set)


def _grouped(period: Period, origin: str | None) -> dict[str, _Group]:
    where, params = registered_sql(period, origin)
    finished = ", ".join("?" * len(FINISHED))
    rows = database_proxy.execute_sql(
        "SELECT COALESCE(c.respondent_credit_code, ''), c.respondent_name, COUNT(*),"
        f" SUM(c.status NOT IN ({finished})), MAX(c.received_at),"
        " GROUP_CONCAT(DISTINCT c.origin)"
        f" FROM complaint c WHERE {where}"
        " GROUP BY c.respondent_credit_code, c.respondent_name",
        [*sorted(FINISHED), *params],
    ).fetchall()
    groups: dict[str, _Group] = {}
    for code, name, count, still_open, latest, origins in rows:
        key = code or respondent_key(name)
        if not key:
            continue
        group = groups.setdefault(key, _Group(code))
        group.names[name] = group.names.get(name, 0) + count
        group.count += count
        group.still_open += int(still_open or 0)
        group.latest = max(group.latest, str(latest))
        group.origins.update(o for o in (origins or "").split(",") if o)
    return groups


def hot_respondents(
    period: Period,
    origin: str | None = None,
    *,
    previous: Period | None = None,
    at_least: int = 2,
    limit: int = 20,
) -> list[HotRespondent]:
    """Businesses with ``at_least`` complaints registered in ``period`` (of station ``origin``,
    or every station), most complained about first, then the steepest rise against
    ``previous``."""
    now = _grouped(period, origin)
    before = _grouped(previous, origin) if previous is not None else {}
    hot = []
    for key, group in now.items():
        if group.count < at_least:
            continue
        names = group.names
        previous_group = before.get(key)
        hot.append(
            HotRespondent(
                name=max(names, key=lambda n: (names[n], n)),
                credit_code=group.code,
                complaints=group.count,
                previous=previous_group.count if previous_group else 0,
                stations=len(group.origins),
                open_complaints=group.still_open,
                latest=dt.date.fromisoformat(group.latest[:10]),
            )
        )
    hot.sort(key=lambda h: (-h.complaints, -h.rise, -h.stations, h.name))
    return hot[:limit]
