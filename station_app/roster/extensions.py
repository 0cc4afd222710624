"""What rosters add to process-wide data, applied again whenever the program starts.

``codes.extend`` and ``WorkingDayCalendar.extend`` only change the running process, so the rows a
roster brought are kept in ``roster_code_row`` and ``roster_holiday`` (and the years a roster
declared its 节假日 sheet complete for, in the import history's summary). Call
:func:`apply_saved_code_rows` once after the database is opened (the GUI at start-up, each CLI
command that shows codes), and build the working-day calendar with :func:`working_day_calendar`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from itertools import groupby
from typing import Any, cast

from station_app import codes
from station_app.roster.format import HOLIDAY_YEARS_KEY
from station_app.store.roster_models import RosterCodeRow, RosterHoliday, RosterImport
from station_app.workflow.working_days import WorkingDayCalendar

log = logging.getLogger(__name__)


def apply_saved_code_rows() -> int:
    """Replay every roster's 代码表 rows, import by import, on the code lists of this process.

    Replaying is idempotent. A batch the shipped lists no longer accept is logged and skipped,
    never fatal: the program must start. Returns the number of rows applied."""
    query = RosterCodeRow.select().order_by(RosterCodeRow.roster_import, RosterCodeRow.position)
    rows = cast(list[dict[str, Any]], list(query.dicts()))
    applied = 0
    for (_import_id, list_name), batch in groupby(
        rows, key=lambda r: (r["roster_import"], r["list_name"])
    ):
        entries = [
            {
                "code": r["code"],
                "name": r["name"],
                "name_en": r["name_en"],
                "parent": r["parent"],
                "active": bool(r["active"]),
            }
            for r in batch
        ]
        try:
            codes.extend(list_name, entries)
        except codes.CodeListError:
            log.warning("roster code rows for %s not applied", list_name, exc_info=True)
            continue
        applied += len(entries)
    return applied


def holiday_entries() -> list[tuple[dt.date, str]]:
    """The holiday schedule entries rosters brought: ``(date, "holiday" | "workday")``."""
    return [(row.day, row.kind) for row in RosterHoliday.select().order_by(RosterHoliday.day)]


def complete_holiday_years() -> list[int]:
    """The years some roster declared its 节假日 sheet complete for (说明: 节假日完整年份)."""
    years: set[int] = set()
    for row in RosterImport.select(RosterImport.summary):
        try:
            found = json.loads(row.summary or "{}").get(HOLIDAY_YEARS_KEY, ())
        except (ValueError, AttributeError):
            continue
        if isinstance(found, list):
            years.update(y for y in found if isinstance(y, int) and not isinstance(y, bool))
    return sorted(years)


def working_day_calendar() -> WorkingDayCalendar:
    """The shipped official schedule extended with every roster's 节假日 rows; a year not in
    the package is known (its deadlines exact) once a roster declared its sheet complete.

    Built once per distinct set of roster rows (a calendar takes a while to build and is only
    read afterwards), so each database, and each new roster, gets its own."""
    return _calendar_with(tuple(holiday_entries()), tuple(complete_holiday_years()))


@functools.lru_cache(maxsize=8)
def _calendar_with(
    entries: tuple[tuple[dt.date, str], ...], complete_years: tuple[int, ...] = ()
) -> WorkingDayCalendar:
    calendar = WorkingDayCalendar.from_package()
    calendar.extend(entries, complete_years)
    return calendar
