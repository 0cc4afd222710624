"""Turning a plain database into an encrypted one, at the first start after the upgrade.

The order of work makes every crash (a pulled plug, a killed process) resumable:

1. an encrypted copy ``station.sqlite3.encrypting`` is written with ``sqlcipher_export`` and
   checked against the plain file: the same tables, row counts and a digest of every row;
2. the key file is written (whole, then renamed): this is the commit point. Before it the plain
   database is the database and any copy is thrown away; after it the copy is;
3. the plain file moves aside to ``station.sqlite3.plain``, the copy takes its name;
4. the plain file is overwritten with zeros, flushed to disk, and removed.

:func:`finish_conversion` runs on every open and completes steps 3–4 (or clears a copy that was
never committed), so no step is ever needed twice and nothing is lost whichever one was cut short.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from station_app.errors import StationError
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.security.keyfile import DataKey, KeyFile, sync_folder
from station_app.store.driver import database_errors

_CHUNK = 1024 * 1024
log = logging.getLogger(__name__)


class ConversionFailed(StationError):
    pass


def encrypting_path(database: Path) -> Path:
    return database.with_name(database.name + ".encrypting")


def plain_aside_path(database: Path) -> Path:
    return database.with_name(database.name + ".plain")


def _side_files(path: Path) -> list[Path]:
    return [Path(str(path) + suffix) for suffix in ("-wal", "-shm", "-journal")]


def shred(path: Path) -> None:
    """Overwrite ``path`` with zeros, flush it to disk, then remove it (and its side files)."""
    for target in [path, *_side_files(path)]:
        if not target.exists():
            continue
        size = target.stat().st_size
        with target.open("r+b") as handle:
            zeros = bytes(_CHUNK)
            written = 0
            while written < size:
                step = min(_CHUNK, size - written)
                handle.write(zeros[:step])
                written += step
            handle.flush()
            os.fsync(handle.fileno())
        target.unlink()
    sync_folder(path.parent)


def finish_conversion(paths: DataPaths) -> None:
    """Complete (or clear) a conversion a crash interrupted; nothing to do otherwise."""
    database = paths.database
    copy = encrypting_path(database)
    if not paths.key_file.exists():
        # not committed: the plain database is still the database
        for leftover in [copy, *_side_files(copy)]:
            leftover.unlink(missing_ok=True)
        return
    _swap_in(database, copy)


def _swap_in(database: Path, copy: Path) -> None:
    """After the commit point: the plain ``database`` aside, the verified ``copy`` in its
    place, the plain file overwritten and removed; each step resumable."""
    plain = plain_aside_path(database)
    if copy.exists():
        if database.exists() and not plain.exists():
            os.replace(database, plain)
            sync_folder(database.parent)
        for side in _side_files(database):  # the plain file's, empty after its checkpoint
            if side.exists():
                os.replace(side, Path(str(plain) + side.name[len(database.name) :]))
        os.replace(copy, database)
        sync_folder(database.parent)
    if plain.exists():
        shred(plain)


BACKUPS_MARKER = ".encrypting"  # in the backups folder while its plain backups are encrypted


def _verified_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".encrypted")


def _is_plain_database(path: Path) -> bool:
    with path.open("rb") as reader:
        return reader.read(16) == b"SQLite format 3\x00"


def encrypt_plain_backups(folder: Path, key: DataKey) -> int:
    """Encrypt the plain backups in ``folder`` (taken before the upgrade) under ``key``, each
    as the database was: a verified copy, then the plain file overwritten and removed. Runs
    while the marker is there (set before the database's own commit point); returns how many."""
    marker = folder / BACKUPS_MARKER
    if not marker.exists():
        return 0
    count = 0
    for leftover in folder.glob("*.sqlite3.encrypting*"):
        leftover.unlink()  # cut short: its plain backup is still there
    for verified in folder.glob("*.sqlite3.encrypted"):
        _swap_in(verified.with_name(verified.name[: -len(".encrypted")]), verified)
    for backup in sorted(folder.glob("*.sqlite3")):
        if not _is_plain_database(backup):
            continue
        copy = encrypting_path(backup)
        try:
            _export(backup, copy, key)
            verify_copy(backup, copy, key)
        except database_errors() + (ConversionFailed,) as error:
            copy.unlink(missing_ok=True)
            log.warning("backup %s left as it is: %s", backup, error)
            continue
        os.replace(copy, _verified_path(backup))  # this backup's commit point
        _swap_in(backup, _verified_path(backup))
        count += 1
    marker.unlink()
    return count


def _tables(connection: Any) -> list[str]:
    rows = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [name for name, sql in rows if not str(sql or "").upper().startswith("CREATE VIRTUAL")]


def row_digests(connection: Any) -> dict[str, tuple[int, str]]:
    """Per table (virtual tables' own storage included): the row count and a digest of every
    row's values, independent of row order."""
    result: dict[str, tuple[int, str]] = {}
    for table in _tables(connection):
        quoted = '"' + table.replace('"', '""') + '"'
        hashes = sorted(
            hashlib.sha256(repr(tuple(row)).encode("utf-8")).digest()
            for row in connection.execute(f"SELECT * FROM {quoted}")
        )
        whole = hashlib.sha256(b"".join(hashes)).hexdigest()
        result[table] = (len(hashes), whole)
    return result


def digests_of(database: Path, key: DataKey | None) -> dict[str, tuple[int, str]]:
    """:func:`row_digests` of the database file at ``database`` (encrypted under ``key``)."""
    from station_app.store.driver import open_raw

    with contextlib.closing(open_raw(database, key, mode="ro")) as connection:
        return row_digests(connection)


def _sqlcipher() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def _export(database: Path, copy: Path, key: DataKey) -> None:
    """``database`` (plain) as the encrypted file ``copy``."""
    connection = _sqlcipher().connect(str(database), isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(copy), key.sqlcipher_key()))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute(f"PRAGMA encrypted.user_version = {version}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    with copy.open("rb+") as handle:
        os.fsync(handle.fileno())


def _checkpoint(database: Path) -> None:
    """Fold the plain database's WAL into the file, so the file alone is the whole database."""
    with contextlib.closing(sqlite3.connect(str(database), timeout=30)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")  # no WAL left beside the file


def _user_version(database: Path, key: DataKey | None) -> int:
    from station_app.store.driver import open_raw

    with contextlib.closing(open_raw(database, key, mode="ro")) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def verify_copy(database: Path, copy: Path, key: DataKey) -> None:
    """Refuse unless ``copy`` holds exactly the rows of ``database``."""
    expected, found = digests_of(database, None), digests_of(copy, key)
    if expected != found or _user_version(database, None) != _user_version(copy, key):
        different = sorted(t for t in set(expected) | set(found) if expected.get(t) != found.get(t))
        raise ConversionFailed(
            msg(
                "加密副本与原数据库不一致（{tables}），已放弃加密，原数据库未改动。",
                tables="、".join(different) or "user_version",
            )
        )


def convert_plain_database(paths: DataPaths, keys: KeyFile, key: DataKey) -> None:
    """Encrypt the plain database of ``paths`` under ``key``; ``keys`` (holding at least one
    account's wrap of ``key``) is written as the commit point."""
    finish_conversion(paths)
    database = paths.database
    copy = encrypting_path(database)
    try:
        _checkpoint(database)
        _export(database, copy, key)
        verify_copy(database, copy, key)
    except BaseException:
        for leftover in [copy, *_side_files(copy)]:
            leftover.unlink(missing_ok=True)
        raise
    keys.save(paths.key_file)  # the commit point
    finish_conversion(paths)
