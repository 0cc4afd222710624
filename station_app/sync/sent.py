"""What this station has sent: changes not yet in a bundle, and the bundles it wrote.

Kept apart from ``export`` (which needs the signing key, hence ``cryptography``) so that the
工作台 card can say "N 条变更尚未发送" without loading what exporting needs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from station_app.store.models import database_proxy
from station_app.sync.tables import q, synced_tables


def pending_changes(connection: sqlite3.Connection | None = None) -> int:
    """How many synced rows changed since the last export ("N 条变更尚未发送")."""
    connection = connection or database_proxy.connection()
    last = last_exported(connection)
    return sum(
        connection.execute(
            f"SELECT count(*) FROM {q(t.name)} WHERE change_seq > ?", (last,)
        ).fetchone()[0]
        for t in synced_tables()
    )


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
