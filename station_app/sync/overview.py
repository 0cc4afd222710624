"""The county's per-station complaint load: open and overdue complaints grouped by origin.

The stations overview shows one line per station; counting each station on its own would run the
deadline computation 300 times over a million complaints. Here the open complaints are counted
with one ``GROUP BY`` over the index ``complaint_deadline`` (migration 8). Overdue ones are
counted without a deadline per complaint: a deadline depends only on the complaint's status, the
day it was received and its workflow dates (and its testing pauses, if any), so each distinct set
of those gets its deadline once, with the very rules ``workflow.deadlines.due_items`` applies (a
county of a million complaints: some 200 000 with a running deadline, 8 000 distinct sets of
dates), and the complaints are counted per station by their set. Complaints with pauses, few,
are computed one by one (``deadlines_for``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from station_app.store import dialect
from station_app.store.models import database_proxy
from station_app.workflow import deadlines
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
    # the states present (a few index seeks), so that the open ones are read from the index
    # complaint_deadline by seeking each state, not by scanning every complaint for "NOT IN"
    present = [
        str(row[0])
        for row in database_proxy.execute_sql(
            "WITH RECURSIVE state(status) AS (SELECT min(status) FROM complaint UNION ALL"
            " SELECT (SELECT min(status) FROM complaint WHERE status > state.status) FROM state"
            " WHERE state.status IS NOT NULL) SELECT status FROM state WHERE status IS NOT NULL"
        ).fetchall()
    ]
    unfinished = [status for status in present if status not in FINISHED]
    open_counts: dict[str, int] = {}
    counted = (  # in the order of complaint_deadline (an empty IN list is SQLite's alone)
        database_proxy.execute_sql(
            "SELECT status, origin, count(*) FROM complaint WHERE deleted = 0"
            f" AND status IN ({','.join('?' * len(unfinished))}) GROUP BY status, origin",
            unfinished,
        ).fetchall()
        if unfinished
        else []
    )
    for _, origin, count in counted:
        open_counts[str(origin)] = open_counts.get(str(origin), 0) + int(count)
    overdue_counts = _overdue_by_origin(on)
    return {
        origin: ComplaintLoad(open_counts.get(origin, 0), overdue_counts.get(origin, 0))
        for origin in sorted(set(open_counts) | set(overdue_counts))
    }


def _overdue_by_origin(on: dt.date) -> dict[str, int]:
    condition, params = deadlines.with_deadline_condition()
    paused = [
        int(row[0])
        for row in database_proxy.execute_sql(
            "SELECT DISTINCT complaint_id FROM mediation_pause WHERE deleted = 0"
        ).fetchall()
    ]
    is_overdue = deadlines.OverdueCheck(on)
    counts: dict[str, int] = {}
    # one row per complaint, its deadline inputs as one JSON array (types kept): a few thousand
    # distinct arrays among a county's 200 000 complaints with a deadline, each computed once;
    # read from the index complaint_deadline alone, with no sort
    inputs = dialect.json_array(
        f"status, {dialect.day_of('received_at')}, {deadlines.DEADLINE_DATES}"
    )
    rows = database_proxy.execute_sql(
        f"SELECT origin, {inputs} FROM complaint WHERE {condition}"
        " AND id NOT IN (SELECT complaint_id FROM mediation_pause WHERE deleted = 0)",
        params,
    ).fetchall()
    verdicts: dict[str, bool] = {}  # by the inputs' JSON text, read once per distinct text
    for origin, dates in rows:
        overdue = verdicts.get(dates)
        if overdue is None:
            overdue = verdicts[dates] = is_overdue(json.loads(dates))
        if overdue:
            counts[origin] = counts.get(origin, 0) + 1
    overdue_ids = [i for i, item in deadlines.deadlines_for(paused, on).items() if item.overdue]
    for start in range(0, len(overdue_ids), _CHUNK):
        chunk = overdue_ids[start : start + _CHUNK]
        for origin, count in database_proxy.execute_sql(
            f"SELECT origin, count(*) FROM complaint WHERE id IN ({','.join('?' * len(chunk))})"
            " GROUP BY origin",
            chunk,
        ).fetchall():
            counts[str(origin)] = counts.get(str(origin), 0) + int(count)
    return counts
