"""What this station has sent: changes not yet in a bundle, and the bundles it wrote.

Kept apart from ``export`` (which needs the signing key, hence ``cryptography``) so that the
工作台 card can say "N 条变更尚未发送" without loading what exporting needs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from station_app.changes import Changes
from station_app.messages import msg
from station_app.store import dialect
from station_app.store.models import database_proxy
from station_app.store.sync_columns import CHANGE_SEQ, current_counter
from station_app.sync.tables import q, synced_tables

# the records an officer counts, by table; rows of other tables that refer to one of them (a
# complaint's people, steps, consents, attachments) are changes of that record
RECORD_TABLES = {
    "complaints": "complaint",
    "visits": "visit",
    "events": "education_event",
    "violations": "violation_report",
}


def pending_changes(connection: sqlite3.Connection | None = None) -> int:
    """How many synced rows changed since the last export ("N 条变更尚未发送")."""
    connection = connection or dialect.connection()
    last = last_exported(connection)
    return sum(
        connection.execute(
            f"SELECT count(*) FROM {q(t.name)} WHERE change_seq > ?", (last,)
        ).fetchone()[0]
        for t in synced_tables()
    )


def _changed_ids_sql(table: str) -> str:
    """The ids of ``table``'s records with a row changed after change number ``?`` (one ``?``
    per part of the UNION)."""
    parts = [f"SELECT id FROM {q(table)} WHERE change_seq > ?"]
    for other in synced_tables():
        if other.name in RECORD_TABLES.values():
            continue  # a complaint pointing at its visit is no change of the visit
        for column, target in other.references.items():
            if target == table:
                parts.append(
                    f"SELECT {q(column)} FROM {q(other.name)}"
                    f" WHERE change_seq > ? AND {q(column)} IS NOT NULL"
                )
    return " UNION ".join(parts)


def changed_after(seq: int, connection: sqlite3.Connection | None = None) -> Changes:
    """The complaints, visits and events with a row written after change number ``seq`` (what a
    bundle import wrote: ``changed_after(change number before it)``)."""
    connection = connection or dialect.connection()
    found: dict[str, list[int]] = {}
    for kind, table in RECORD_TABLES.items():
        sql = _changed_ids_sql(table)
        found[kind] = [r[0] for r in connection.execute(sql, (seq,) * sql.count("?"))]
    return Changes.of(
        complaints=found["complaints"],
        visits=found["visits"],
        events=found["events"],
        violations=found["violations"],
    )


def change_number() -> int:
    """The change number of the last write (0: none yet)."""
    return current_counter(CHANGE_SEQ)


@dataclass(frozen=True)
class UnsentRecords:
    """How many records changed since the last bundle, by kind: what the 工作台 card says."""

    complaints: int
    visits: int
    events: int
    violations: int = 0

    def __bool__(self) -> bool:
        return bool(self.complaints or self.visits or self.events or self.violations)

    def sentence(self) -> str:
        """ "12 件投诉、30 次来访有变更，尚未发送给县消协" (empty: nothing to send)."""
        parts = [
            msg("{count} 件投诉", count=self.complaints) if self.complaints else "",
            msg("{count} 次来访", count=self.visits) if self.visits else "",
            msg("{count} 场宣传活动", count=self.events) if self.events else "",
            msg("{count} 件举报", count=self.violations) if self.violations else "",
        ]
        listed = msg("、").join(part for part in parts if part)
        return msg("{records}有变更，尚未发送给县消协", records=listed) if listed else ""


# the kinds of change that move the count: records written, a bundle written (sync)
UNSENT_KINDS = ("complaints", "visits", "events", "violations", "sync")


def unsent_records(connection: sqlite3.Connection | None = None) -> UnsentRecords:
    """The complaints, visits and events changed since the last export (indexed counts)."""
    connection = connection or dialect.connection()
    last = last_exported(connection)
    counts = {}
    for kind, table in RECORD_TABLES.items():
        sql = f"SELECT count(*) FROM ({_changed_ids_sql(table)}) AS changed"
        counts[kind] = int(connection.execute(sql, (last,) * sql.count("?")).fetchone()[0])
    return UnsentRecords(**counts)


def last_exported(connection: sqlite3.Connection) -> int:
    """The last change number the station has put in a bundle (0: none yet)."""
    row = connection.execute("SELECT max(change_seq_to) FROM bundle_export").fetchone()
    return int(row[0] or 0)


@dataclass(frozen=True)
class SentBundle:
    """One line of the station's 同步 history."""

    seq: int
    file_name: str
    full: bool
    records: int
    created_at: str  # UTC
    received_at: str | None  # UTC, from the county's receipt; None: not confirmed yet
    received_by: str | None


def bundle_history(limit: int = 200) -> list[SentBundle]:
    """The bundles this station wrote, newest first, with their receipt state."""
    return [
        SentBundle(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6])
        for r in database_proxy.connection().execute(
            "SELECT seq, file_name, full, records, created_at, received_at, received_by"
            " FROM bundle_export ORDER BY seq DESC LIMIT ?",
            (limit,),
        )
    ]
