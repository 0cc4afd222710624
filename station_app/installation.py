"""One installation: a data directory, its database, and the station it belongs to."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

import peewee
from peewee import SqliteDatabase

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import DatabaseDamaged
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.roster.extensions import apply_saved_code_rows
from station_app.settings import StationIdentity, check_identity, save_identity, station_identity
from station_app.store.database import open_database
from station_app.store.migrations import LATEST, schema_version
from station_app.store.models import Station, database_proxy
from station_app.store.sync_columns import stamp_edit, stamp_new

LATEST_SCHEMA = LATEST  # the schema version this program migrates to


@dataclass
class Installation:
    paths: DataPaths
    db: SqliteDatabase

    def identity(self) -> StationIdentity | None:
        return station_identity(required=False)

    def context(self, actor: str = "系统", clock: Clock = SYSTEM_CLOCK) -> Context:
        identity = station_identity(required=True)
        assert identity is not None
        return Context(station=identity, actor=actor, clock=clock)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def schema_version(self) -> int:
        """The schema version of the open database (``LATEST_SCHEMA`` once migrated)."""
        return schema_version(self.db.connection())

    def reopen(self) -> None:
        """Open the database file again, e.g. after a restore replaced it under the open window."""
        self.db = open_database(self.paths.database, backup_dir=self.paths.backups)


def close_thread_connection() -> None:
    """Close the calling thread's connection to the open database, if it has one open.

    Connections are per thread: a worker thread closes its own before it ends.
    """
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def open_installation(data_dir: str | os.PathLike[str] | None = None) -> Installation:
    """Open (creating and migrating as needed) the installation in ``data_dir``."""
    paths = DataPaths(data_dir).ensure()
    try:
        db = open_database(paths.database, backup_dir=paths.backups)
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
    return Installation(paths, db)


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
        if identity.is_county:  # its key for bundles sealed to it (published in its rosters)
            from station_app.sync.bundle_crypto import ensure_county_identity

            ensure_county_identity(installation.paths)
    return identity
