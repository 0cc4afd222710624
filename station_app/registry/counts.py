"""Small counts for the workbench (工作台): today's work, this month's work, what is still open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app import codes
from station_app.registry.complaints import count_complaints_received
from station_app.registry.listing import ComplaintFilter, count_complaints
from station_app.store.models import database_proxy
from station_app.workflow.states import FINISHED


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def count_complaints_on(day: dt.date) -> int:
    """Complaints received (registered) on ``day``, local China time."""
    return count_complaints_received(*_day_bounds(day))


def open_statuses() -> tuple[str, ...]:
    """Every state of the complaint-status code list that still needs work."""
    return tuple(
        entry.code for entry in codes.code_list("complaint_status") if entry.code not in FINISHED
    )


def count_open_complaints() -> int:
    """Complaints not yet finished (not closed, followed up, withdrawn, ended or refused)."""
    return count_complaints(ComplaintFilter(statuses=open_statuses()))  # IN: uses the status index


def visit_totals(start: dt.datetime, end: dt.datetime) -> tuple[int, int]:
    """(visits, people) for visits in ``[start, end)``; a group visit counts its headcount."""
    row = database_proxy.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(headcount), 0) FROM visit"
        " WHERE deleted = 0 AND visited_at >= ? AND visited_at < ?",
        [start.isoformat(" "), end.isoformat(" ")],
    ).fetchone()
    return int(row[0]), int(row[1])


def visit_totals_on(day: dt.date) -> tuple[int, int]:
    return visit_totals(*_day_bounds(day))


def visit_totals_in_month(month: str) -> tuple[int, int]:
    year, mon = (int(part) for part in month.split("-"))
    start = dt.datetime(year, mon, 1)
    end = dt.datetime(year + (mon == 12), mon % 12 + 1, 1)
    return visit_totals(start, end)


@dataclass(frozen=True)
class WorkbenchCounts:
    complaints_today: int
    complaints_month: int
    complaints_open: int
    visits_today: int
    visitors_today: int
    visits_month: int
    visitors_month: int


def workbench_counts(today: dt.date) -> WorkbenchCounts:
    """Every number the workbench shows, for the station's local date ``today``."""
    month = f"{today.year:04d}-{today.month:02d}"
    visits_today, visitors_today = visit_totals_on(today)
    visits_month, visitors_month = visit_totals_in_month(month)
    return WorkbenchCounts(
        complaints_today=count_complaints_on(today),
        complaints_month=count_complaints(ComplaintFilter(month=month)),
        complaints_open=count_open_complaints(),
        visits_today=visits_today,
        visitors_today=visitors_today,
        visits_month=visits_month,
        visitors_month=visitors_month,
    )
