"""Numbered schema migrations.

The schema version is SQLite's ``PRAGMA user_version``. Each migration is a module
``mNNNN_<name>.py`` holding its frozen SQL as ``STATEMENTS`` (and, where a statement is
SQLite's own, its PostgreSQL form in ``POSTGRES_FORMS``), listed in ``MIGRATIONS`` in order.
Migrations run:

* after a copy of the database is taken (SQLite's online backup API), unless it is new;
* each in its own transaction, with foreign keys off for the duration (SQLite table rebuilds would
  otherwise cascade-delete child rows) and ``PRAGMA foreign_key_check`` before commit;
* never on a database whose version is newer than ``LATEST``: that is refused untouched.

On PostgreSQL (the county server) the same migrations run in their translated form
(``postgres_ddl``), each in one transaction (PostgreSQL's DDL is transactional), under an advisory
lock so that two programs opening the database at once never migrate it twice; the version is the
one row of the ``schema_version`` table. Backups there are the operator's (pg_dump), not ours.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from peewee import Database

from station_app.errors import DatabaseDamaged, DatabaseTooNew

if TYPE_CHECKING:
    from station_app.security.keyfile import DataKey

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One numbered migration: its statements, run in order in one transaction."""

    number: int
    name: str
    statements: Sequence[str]
    postgres_forms: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, module: ModuleType) -> Migration:
        """The migration a module ``mNNNN_<name>`` holds."""
        number, name = module.__name__.rsplit(".", 1)[1][1:].split("_", 1)
        return cls(int(number), name, module.STATEMENTS, getattr(module, "POSTGRES_FORMS", {}))

    def apply(self, connection: sqlite3.Connection) -> None:
        for statement in self.statements:
            connection.execute(statement)


# the migration modules in order, each holding its frozen SQL (``mNNNN_<name>.py``)
MIGRATIONS: list[Migration] = [
    Migration.of(importlib.import_module(f"{__name__}.{module}"))
    for module in (
        "m0001_initial",
        "m0002_workflow",
        "m0003_roster",
        "m0004_sync",
        "m0005_events",
        "m0006_station_kind",
        "m0007_legal_records",
        "m0008_county_indexes",
        "m0009_analysis_notes",
        "m0010_violations",
        "m0011_access",
        "m0012_bundle_inbox",
        "m0013_business_phone_index",
        "m0014_uploads",
    )
]
LATEST = MIGRATIONS[-1].number


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


@contextlib.contextmanager
def migration_context(connection: sqlite3.Connection) -> Iterator[None]:
    """One migration's transaction, with foreign-key enforcement off while it runs."""
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseDamaged(f"迁移后发现 {len(broken)} 处外键不一致，已撤销本次升级。")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    finally:
        connection.execute("PRAGMA foreign_keys = ON")


def backup_before_migration(
    connection: sqlite3.Connection, backup_dir: Path, version: int, key: DataKey | None = None
) -> Path:
    """A copy of the database (encrypted under ``key`` when it is) before migrating it."""
    from station_app.store.driver import open_raw

    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"before-migration-v{version}-{stamp}.sqlite3"
    with contextlib.closing(open_raw(target, key)) as copy:
        connection.backup(copy)
    return target


def database_schema_version(db: Database) -> int:
    """The schema version of ``db`` on either engine."""
    from station_app.store.postgres import is_postgres

    if is_postgres(db):
        return _postgres_version(db.connection())
    return schema_version(db.connection())


def migrate(db: Database, backup_dir: Path | None = None) -> int:
    """Bring the database to ``LATEST``; returns the version it was at before."""
    from station_app.store.postgres import is_postgres

    if is_postgres(db):
        return _migrate_postgres(db)
    connection = db.connection()
    found = schema_version(connection)
    if found > LATEST:
        raise DatabaseTooNew(found, LATEST)
    if found == LATEST:
        return found
    if found > 0 and backup_dir is not None:
        path = backup_before_migration(connection, backup_dir, found, getattr(db, "data_key", None))
        log.info("database v%s backed up to %s before migration", found, path)
    # peewee's connection runs in autocommit mode; migrations manage their own transactions
    for migration in MIGRATIONS:
        if migration.number <= found:
            continue
        log.info("applying migration %04d_%s", migration.number, migration.name)
        with migration_context(connection):
            migration.apply(connection)
            connection.execute(f"PRAGMA user_version = {migration.number}")
    return found


# any constant, the same in every program: the lock two programs migrating at once queue on
_MIGRATION_LOCK = 0x5374_6174_696F_6E


def _postgres_version(connection: Any) -> int:
    exists = connection.execute("SELECT to_regclass('schema_version')").fetchone()[0]
    if exists is None:
        return 0
    row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _migrate_postgres(db: Database) -> int:
    from station_app.store.migrations.postgres_ddl import postgres_statements

    connection = db.connection()
    found = _postgres_version(connection)
    if found > LATEST:
        raise DatabaseTooNew(found, LATEST)
    for migration in MIGRATIONS:
        number, name = migration.number, migration.name
        if number <= found:
            continue
        # before the transaction: a statement with no form stops here
        statements = postgres_statements(migration.statements, migration.postgres_forms)
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            done = _postgres_version(connection)  # another program may have migrated meanwhile
            if done > LATEST:
                raise DatabaseTooNew(done, LATEST)
            if done >= number:
                continue
            log.info("applying migration %04d_%s (PostgreSQL)", number, name)
            for statement in statements:
                connection.execute(statement)
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_version"
                " (version BIGINT NOT NULL PRIMARY KEY, migrated_at TIMESTAMP NOT NULL)"
            )
            connection.execute(
                "INSERT INTO schema_version (version, migrated_at)"
                " VALUES (%s, now() AT TIME ZONE 'UTC')",
                (number,),
            )
    return found
