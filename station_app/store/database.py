"""Opening the station database: one function, one set of pragmas, migrations on open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from station_app.store.models import database_proxy

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "normal",
    "cache_size": -32_000,  # 32 MB page cache
    "temp_store": "memory",
}
# prepared statements kept per connection (Python's default is 128): a county import runs about
# 100 different statements per bundle of new rows, more when rows are replaced or kept aside, and
# one pushed out of the cache is prepared again
CACHED_STATEMENTS = 512


def connect(path: str | os.PathLike[str]) -> SqliteDatabase:
    """A peewee database on ``path`` with the project's pragmas, bound to every model.

    Connections are per thread (peewee's default), so the GUI thread reads while the writer
    thread writes; WAL keeps readers and the single writer out of each other's way.
    """
    db = SqliteDatabase(
        str(path), pragmas=PRAGMAS, check_same_thread=False, cached_statements=CACHED_STATEMENTS
    )
    database_proxy.initialize(db)
    return db


def open_database(
    path: str | os.PathLike[str],
    *,
    backup_dir: str | os.PathLike[str] | None = None,
) -> SqliteDatabase:
    """Open (creating if needed) and migrate the database at ``path``.

    A database written by a newer program is refused with ``DatabaseTooNew`` before anything is
    changed. Before migrating an existing database, a copy is taken into ``backup_dir``.
    """
    from station_app.store.migrations import migrate

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    db.connect(reuse_if_open=True)
    migrate(db, backup_dir=Path(backup_dir) if backup_dir else None)
    return db


def raw_connection(db: SqliteDatabase) -> sqlite3.Connection:
    """The DB-API connection of the calling thread (opening one if needed)."""
    return db.connection()
