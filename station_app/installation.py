"""One installation: a data directory, its database, and the station it belongs to."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

import peewee
from peewee import Database, SqliteDatabase

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import DatabaseDamaged, StationError
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.roster.extensions import apply_saved_code_rows
from station_app.settings import StationIdentity, check_identity, save_identity, station_identity
from station_app.store.database import open_database
from station_app.store.migrations import LATEST, database_schema_version
from station_app.store.models import Station, database_proxy
from station_app.store.postgres import ServerSettings
from station_app.store.sync_columns import stamp_edit, stamp_new

LATEST_SCHEMA = LATEST  # the schema version this program migrates to


@dataclass
class Installation:
    paths: DataPaths
    db: Database
    server: ServerSettings | None = None  # the county's PostgreSQL, when it has one

    def identity(self) -> StationIdentity | None:
        return station_identity(required=False)

    def context(self, actor: str = "系统", clock: Clock = SYSTEM_CLOCK) -> Context:
        identity = station_identity(required=True)
        assert identity is not None
        return Context(station=identity, actor=actor, clock=clock)

    def sqlite(self) -> SqliteDatabase:
        """The installation's SQLite database, for what only a file can do (backup, restore,
        integrity check); a county on PostgreSQL is refused: its server's tools do those."""
        if not isinstance(self.db, SqliteDatabase):
            raise StationError(
                msg(
                    "县消协的数据库在 PostgreSQL 服务器上（{url}）：请用 pg_dump 备份、"
                    "用 PostgreSQL 自己的工具检查和恢复。",
                    url=self.server.url if self.server else "",
                )
            )
        return self.db

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def schema_version(self) -> int:
        """The schema version of the open database (``LATEST_SCHEMA`` once migrated)."""
        return database_schema_version(self.db)

    def reopen(self) -> None:
        """Open the database again, e.g. after a restore replaced it under the open window."""
        self.db = _open(self.paths, self.server)


def close_thread_connection() -> None:
    """Close the calling thread's connection to the open database, if it has one open.

    Connections are per thread: a worker thread closes its own before it ends.
    """
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def uses_server(paths: DataPaths) -> bool:
    """Whether the data directory names a county's PostgreSQL server instead of holding its own
    database file (nothing there to check, back up or restore)."""
    return ServerSettings.load(paths.root) is not None


def _open(paths: DataPaths, server: ServerSettings | None) -> Database:
    if server is None:
        return open_database(paths.database, backup_dir=paths.backups)
    try:
        return open_database(server.url, password_file=server.password_file)
    except peewee.OperationalError as error:
        raise DatabaseDamaged(
            msg(
                "无法连接县消协的数据库 {url}：{error}",
                url=server.url,
                error=str(error).strip().splitlines()[0] if str(error).strip() else error,
            )
        ) from error


def open_installation(
    data_dir: str | os.PathLike[str] | None = None, *, server: ServerSettings | None = None
) -> Installation:
    """Open (creating and migrating as needed) the installation in ``data_dir``: its own SQLite
    file, or the county's PostgreSQL database its settings name. ``server`` (``station init
    --database``) connects to that database instead and, once it opened, keeps its settings in
    the data directory for every later command and the window."""
    paths = DataPaths(data_dir).ensure()
    kept = ServerSettings.load(paths.root)
    try:
        db = _open(paths, server or kept)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as error:
        raise DatabaseDamaged(
            msg(
                "数据库文件 {path} 已损坏或不是本程序的数据库（{error}），"
                "请用 station restore 从备份恢复。",
                path=paths.database,
                error=error,
            )
        ) from error
    # code-list rows that county rosters added take effect in every process that opens the data
    apply_saved_code_rows()
    if server is not None and server != kept:
        server.save(paths.root)
    return Installation(paths, db, server or kept)


def init_station(
    installation: Installation,
    *,
    code: str,
    name: str,
    county_code: str | None = None,
    role: str = "station",
    clock: Clock = SYSTEM_CLOCK,
) -> StationIdentity:
    """Set who this installation is. Re-running with the same code updates the name."""
    identity = check_identity(code, name, county_code, role)
    with database_proxy.atomic():
        save_identity(identity)
        now = clock.utcnow()
        station = Station.get_or_none(Station.code == identity.code)
        if station is None:
            station = Station(
                code=identity.code, name=identity.name, county_code=identity.county_code
            )
            stamp_new(station, identity.code, now)
            station.save(force_insert=True)
        elif (station.name, station.county_code) != (identity.name, identity.county_code):
            station.name = identity.name
            station.county_code = identity.county_code
            stamp_edit(station, now)
            station.save()
    return identity
