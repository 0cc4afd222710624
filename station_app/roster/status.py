"""What the roster in force holds, and the history of roster imports (for the 名册 screen)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from station_app.clock import utc_to_local
from station_app.store.models import Business, Officer, Region, Station
from station_app.store.roster_models import RosterImport

HISTORY_LIMIT = 500


@dataclass(frozen=True)
class RosterCounts:
    stations: int
    officers: int
    villages: int
    businesses: int


@dataclass(frozen=True)
class ImportRow:
    id: int
    imported_at: dt.datetime  # local China time
    file_name: str
    version: str | None
    issued_on: dt.date | None
    actor: str
    counts: dict[str, dict[str, int]]
    skipped_rows: int
    forced: bool


def roster_counts() -> RosterCounts:
    """How many active stations, officers, villages and businesses the roster in force holds."""

    def active(model: Any) -> int:
        return int(model.select().where(model.deleted == False, model.active == True).count())  # noqa: E712

    villages = Region.select().where(Region.level == "village", Region.active == True).count()  # noqa: E712
    return RosterCounts(active(Station), active(Officer), int(villages), active(Business))


def import_history(limit: int = HISTORY_LIMIT) -> list[ImportRow]:
    """The applied rosters, newest first."""
    rows = []
    for row in RosterImport.select().order_by(RosterImport.id.desc()).limit(limit):
        try:
            counts = json.loads(row.summary or "{}")
        except ValueError:
            counts = {}
        rows.append(
            ImportRow(
                id=int(row.id),
                imported_at=utc_to_local(row.imported_at),
                file_name=row.file_name,
                version=row.version,
                issued_on=row.issued_on,
                actor=row.actor,
                counts=counts if isinstance(counts, dict) else {},
                skipped_rows=int(row.skipped_rows or 0),
                forced=bool(row.forced),
            )
        )
    return rows
