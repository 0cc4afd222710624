"""The two DB-API drivers behind the database: ``sqlite3`` for a plain file, SQLCipher's
``sqlcipher3`` for an encrypted one; connections of their own and the error classes of both."""

from __future__ import annotations

import os
import sqlite3
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


def database_errors() -> tuple[type[Exception], ...]:
    """The DB-API error classes of both drivers (plain sqlite3 and SQLCipher)."""
    return (sqlite3.Error, _sqlcipher().Error)


def integrity_errors() -> tuple[type[Exception], ...]:
    return (sqlite3.IntegrityError, _sqlcipher().IntegrityError)


def binding_errors() -> tuple[type[Exception], ...]:
    """What both drivers raise for a value they cannot bind (too large an integer, a bad type)."""
    sqlcipher = _sqlcipher()
    return (
        sqlite3.InterfaceError,
        sqlite3.ProgrammingError,
        sqlcipher.InterfaceError,
        sqlcipher.ProgrammingError,
    )
