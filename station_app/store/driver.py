"""The two DB-API drivers behind the database: ``sqlite3`` for a plain file, SQLCipher's
``sqlcipher3`` for an encrypted one; connections of their own and the error classes of both (and
of psycopg's, once a county's PostgreSQL database loaded it: ``store.postgres``)."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from station_app.security.keyfile import DataKey


def _sqlcipher() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def quiet(connection: Any) -> None:
    # SQLCipher writes its own error lines to stderr (a wrong key, for one); the program says
    # what went wrong itself, in one line
    connection.execute("PRAGMA cipher_log_level = NONE")


def open_raw(
    path: str | os.PathLike[str],
    key: DataKey | None,
    *,
    mode: str | None = None,
    timeout: float = 5.0,
) -> Any:
    """A DB-API connection of its own on ``path`` (``mode``: ``"ro"``/``"rw"`` to refuse
    creating the file), keyed when ``key`` is given; the first read proves the key."""
    target = str(path)
    uri = False
    if mode is not None:
        target = f"file:{Path(path).as_posix()}?mode={mode}"
        uri = True
    if key is None:
        return sqlite3.connect(target, uri=uri, timeout=timeout)
    connection = _sqlcipher().connect(target, uri=uri, timeout=timeout)
    try:
        quiet(connection)
        connection.execute(f'PRAGMA key = "{key.sqlcipher_key()}"')
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


def _psycopg_errors(*names: str) -> tuple[type[Exception], ...]:
    """psycopg's error classes ``names``, when a PostgreSQL database is in use (psycopg loaded);
    nothing on a station, which never loads it."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return ()
    return tuple(getattr(psycopg, name) for name in names)


def database_errors() -> tuple[type[Exception], ...]:
    """The DB-API error classes of the drivers (plain sqlite3, SQLCipher, psycopg when loaded)."""
    return (sqlite3.Error, _sqlcipher().Error, *_psycopg_errors("Error"))


def integrity_errors() -> tuple[type[Exception], ...]:
    return (
        sqlite3.IntegrityError,
        _sqlcipher().IntegrityError,
        *_psycopg_errors("IntegrityError"),
    )


def binding_errors() -> tuple[type[Exception], ...]:
    """What both drivers raise for a value they cannot bind (too large an integer, a bad type)."""
    sqlcipher = _sqlcipher()
    return (
        sqlite3.InterfaceError,
        sqlite3.ProgrammingError,
        sqlcipher.InterfaceError,
        sqlcipher.ProgrammingError,
        *_psycopg_errors("InterfaceError", "ProgrammingError", "DataError"),
    )
