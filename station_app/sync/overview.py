"""The county's per-station complaint load: open and overdue complaints grouped by origin.

The stations overview shows one line per station; counting each station on its own would run the
deadline computation 300 times over a million complaints. Here the open complaints are counted
with one ``GROUP BY`` and the deadlines are computed once (``workflow.deadlines.due_items``), the
overdue ones then attributed to their station by id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app.store.models import database_proxy
from station_app.workflow.deadlines import due_items
from station_app.workflow.states import FINISHED

_CHUNK = 500  # ids per "IN (…)" query, well under SQLite's variable limit


@dataclass(frozen=True)
class ComplaintLoad:
    open: int = 0  # not deleted, not in a finished state
    overdue: int = 0  # past a running deadline on the given day


def complaint_load_by_origin(on: dt.date) -> dict[str, ComplaintLoad]:
    """Open and overdue complaints of each station (keyed by origin code) on the day ``on``.

    Stations with no open complaint are absent; read a missing key as ``ComplaintLoad()``.
    """
    finished = sorted(FINISHED)
    open_counts = {
        str(origin): int(count)
        for origin, count in database_proxy.execute_sql(
            "SELECT origin, count(*) FROM complaint WHERE deleted = 0"
            f" AND status NOT IN ({','.join('?' * len(finished))}) GROUP BY origin",
            finished,
        ).fetchall()
    }
    overdue_ids = [item.complaint_id for item in due_items(on) if item.overdue]
    overdue_counts: dict[str, int] = {}
    for start in range(0, len(overdue_ids), _CHUNK):
        chunk = overdue_ids[start : start + _CHUNK]
        for origin, count in database_proxy.execute_sql(
            f"SELECT origin, count(*) FROM complaint WHERE id IN ({','.join('?' * len(chunk))})"
            " GROUP BY origin",
            chunk,
        ).fetchall():
            overdue_counts[str(origin)] = overdue_counts.get(str(origin), 0) + int(count)
    return {
        origin: ComplaintLoad(open_counts.get(origin, 0), overdue_counts.get(origin, 0))
        for origin in sorted(set(open_counts) | set(overdue_counts))
    }
