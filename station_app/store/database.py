"""Opening the station database: one function, one set of pragmas, migrations on open.

The database is the embedded SQLite file, or, for a county that runs a server, PostgreSQL
(``open_database("postgresql://…")``, see ``store.postgres``); the same models and migrations
serve both.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import Database, SqliteDatabase

from station_app.store.driver import quiet
from station_app.store.models import database_proxy

if TYPE_CHECKING:
    from station_app.security.keyfile import DataKey

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


def connect(path: str | os.PathLike[str], key: DataKey | None = None) -> SqliteDatabase:
    """A peewee database on ``path`` with the project's pragmas, bound to every model; with
    ``key``, an SQLCipher database opened with that raw key (no SQLCipher KDF: instant).

    Connections are per thread (peewee's default), so the GUI thread reads while the writer
    thread writes; WAL keeps readers and the single writer out of each other's way.
    """
    db: SqliteDatabase
    if key is None:
        db = SqliteDatabase(
            str(path),
            pragmas=PRAGMAS,
            check_same_thread=False,
            cached_statements=CACHED_STATEMENTS,
        )
    else:
        db = _KeyedDatabase(
            str(path),
            passphrase=key.sqlcipher_key(),
            pragmas=PRAGMAS,
            check_same_thread=False,
            cached_statements=CACHED_STATEMENTS,
        )
    db.data_key = key  # type: ignore[attr-defined]
    database_proxy.initialize(db)
    return db


def _keyed_database_class() -> type[SqliteDatabase]:
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    class KeyedDatabase(SqlCipherDatabase):  # type: ignore[misc]
        def _connect(self) -> Any:
            connection = super()._connect()
            try:
                # a wrong key shows only on the first read: check here, with one clear error
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except BaseException:
                connection.close()
                raise
            return connection

        def _add_conn_hooks(self, conn: Any) -> None:
            quiet(conn)
            super()._add_conn_hooks(conn)

    return KeyedDatabase


def _KeyedDatabase(*args: Any, **kwargs: Any) -> SqliteDatabase:  # noqa: N802
    return _keyed_database_class()(*args, **kwargs)


def key_of(db: Database) -> DataKey | None:
    """The data key ``db`` was opened with (``None``: a plain database)."""
    return getattr(db, "data_key", None)


def open_database(
    path: str | os.PathLike[str],
    *,
    backup_dir: str | os.PathLike[str] | None = None,
    key: DataKey | None = None,
    password_file: str | os.PathLike[str] | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at ``path``: a SQLite file (with
    ``key``, an SQLCipher one), or a PostgreSQL URL (``postgresql://user@host:port/db``, its
    password from ``password_file`` or libpq's PGPASSFILE; ``key`` is then not the database's
    but kept as the installation's data key, which seals the evidence files).

    A database written by a newer program is refused with ``DatabaseTooNew`` before anything is
    changed. Before migrating an existing SQLite database, a copy is taken into ``backup_dir``.
    """
    from station_app.store.migrations import migrate
    from station_app.store.postgres import connect_postgres, is_postgres_url

    if is_postgres_url(path):
        server = connect_postgres(str(path), password_file)
        server.data_key = key  # type: ignore[attr-defined]
        server.connect(reuse_if_open=True)
        migrate(server)
        return server

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = connect(path, key)
    db.connect(reuse_if_open=True)
    migrate(db, backup_dir=Path(backup_dir) if backup_dir else None)
    return db


def raw_connection(db: SqliteDatabase) -> sqlite3.Connection:
    """The DB-API connection of the calling thread (opening one if needed)."""
    return db.connection()


def current_key() -> DataKey | None:
    """The data key of the database this process has open (``None``: plain or none open)."""
    database = database_proxy.obj
    return key_of(database) if database is not None else None
