"""The county database on PostgreSQL (psycopg 3 through peewee): one class, one way to connect.

The core's SQL is written once, for SQLite's dialect, with ``?`` placeholders and flags compared
with 0 and 1. ``CountyDatabase`` makes PostgreSQL accept that SQL as it is:

* peewee generates ``?`` placeholders here too (``param``), and every statement, peewee's or the
  core's raw SQL, has its ``?`` turned into psycopg's ``%s`` (and a literal ``%`` doubled) outside
  quoted strings and names, once per distinct statement (cached);
* flags are INTEGER columns holding 0 or 1, as in SQLite (the DDL comes from the same frozen
  migrations, ``migrations.postgres_ddl``), and Python's ``True``/``False`` are sent as 1/0, so
  ``deleted = 0`` and peewee's ``BooleanField`` mean the same on both engines.

The few statements that cannot be the same on both engines (full-text search, JSON id lists,
``INSERT OR IGNORE``) ask ``is_postgres()`` and take their PostgreSQL form (``store.dialect``).

The password is never part of the URL kept in the data directory nor of any log line: it comes
from a password file named at ``station init --database-password-file`` (its path is kept, not its
content) or from libpq's own ``PGPASSFILE`` / ``~/.pgpass``. (``--password-file`` is, as
everywhere, the password of the person's account in the installation, not the server's.)
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import json
import os
import struct
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from peewee import Database, PostgresqlDatabase

from station_app.errors import StationError
from station_app.file_limits import read_password_file
from station_app.messages import msg
from station_app.store.models import database_proxy

URL_PREFIXES = ("postgresql://", "postgres://")


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(URL_PREFIXES)


def is_postgres(db: Database | None = None) -> bool:
    """Whether ``db`` (by default the database the models are bound to) is PostgreSQL."""
    db = db if db is not None else database_proxy.obj
    return isinstance(db, PostgresqlDatabase)


@functools.lru_cache(maxsize=4096)
def psycopg_sql(sql: str) -> str:
    """``sql`` with ``?`` placeholders as psycopg's ``%s`` and literal ``%`` as ``%%``; quoted
    strings ('…'), quoted names ("…") and ``$$…$$`` bodies are copied as they are, except for
    their ``%``."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":
            end = sql.find(char, i + 1)
            while end != -1 and end + 1 < n and sql[end + 1] == char:  # doubled quote
                end = sql.find(char, end + 2)
            end = n if end == -1 else end + 1
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif sql.startswith("$$", i):
            end = sql.find("$$", i + 2)
            end = n if end == -1 else end + 2
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif char == "?":
            out.append("%s")
            i += 1
        elif char == "%":
            out.append("%%")
            i += 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _flags_as_integers(connection: Any) -> None:
    """Send Python's booleans as the integers 1 and 0 (flag columns are INTEGER, as in SQLite)."""
    from psycopg.adapt import Dumper
    from psycopg.pq import Format

    int2 = connection.adapters.types["int2"].oid

    class FlagDumper(Dumper):
        oid = int2

        def dump(self, obj: Any) -> bytes:
            return b"1" if obj else b"0"

    class FlagBinaryDumper(Dumper):
        format = Format.BINARY
        oid = int2

        def dump(self, obj: Any) -> bytes:
            return struct.pack(">h", 1 if obj else 0)

    connection.adapters.register_dumper(bool, FlagDumper)
    connection.adapters.register_dumper(bool, FlagBinaryDumper)


def _values_as_sqlite_returns_them(connection: Any) -> None:
    """Read dates and timestamps as ISO text and whole numbers as ints, as SQLite returns them to
    raw SQL (peewee's fields turn text into dates, as on SQLite): sums of integer columns come
    back as int, not Decimal, and the core's raw SQL reads the same values on both engines."""
    from psycopg.adapt import Loader
    from psycopg.types.string import TextLoader

    class NumberLoader(Loader):
        def load(self, data: Any) -> Any:
            text = bytes(data).decode()
            if "." in text or "e" in text.lower() or text in ("NaN", "Infinity", "-Infinity"):
                value = float(text)
                return int(value) if value.is_integer() else value
            return int(text)

    class TimestampLoader(Loader):
        """``YYYY-MM-DD HH:MM:SS[.ffffff]``: Python's own text of a datetime, as peewee stores
        it in SQLite (PostgreSQL drops trailing zeros of the fraction)."""

        def load(self, data: Any) -> Any:
            text = bytes(data).decode()
            seconds, dot, fraction = text.partition(".")
            return f"{seconds}.{fraction.ljust(6, '0')}" if dot else seconds

    connection.adapters.register_loader("date", TextLoader)
    connection.adapters.register_loader("timestamp", TimestampLoader)
    connection.adapters.register_loader("numeric", NumberLoader)


class CountyDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database speaking the core's SQLite-flavoured SQL (see the module)."""

    param = "?"

    def __init__(self, url: str, *, password: str | None = None, **kwargs: Any) -> None:
        # timestamps are UTC or naive local times as written, never converted by the server's
        # own time zone (an aware UTC datetime would otherwise be shifted into it)
        params: dict[str, Any] = {
            "prefer_psycopg3": True,
            "application_name": "station",
            "options": "-c TimeZone=UTC -c jit=off",
        }
        if password is not None:
            params["password"] = password
        super().__init__(url, **params, **kwargs)

    def _connect(self) -> Any:
        connection = super()._connect()  # type: ignore[misc]
        _flags_as_integers(connection)
        _values_as_sqlite_returns_them(connection)
        return connection

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        return super().execute_sql(psycopg_sql(sql), params or ())

    def revive(self) -> None:
        """Between units of work (outside a transaction): drop the calling thread's connection
        when the server has closed it (restarted, failed over, a proxy's idle timeout), so the
        next statement connects anew instead of failing until the program restarts. One round
        trip (``SELECT 1``) on a live connection."""
        if self.is_closed() or self.in_transaction():
            return
        connection = self.connection()
        with contextlib.suppress(Exception):  # a dead connection says so below
            connection.execute("SELECT 1")
        if connection.closed:
            self.close()


def check_url(url: str) -> str:
    """A PostgreSQL URL fit to keep in the data directory: no password in it."""
    parts = urlsplit(url)
    if parts.password is not None:
        raise StationError(
            msg(
                "数据库地址中不能包含密码：请去掉地址中的密码，"
                "改用 --database-password-file 或 PGPASSFILE。"
            )
        )
    if not parts.hostname or not parts.path.strip("/"):
        raise StationError(
            msg("数据库地址 {url} 不完整：应为 postgresql://用户@主机:端口/数据库名", url=url)
        )
    return url


def connect_postgres(url: str, password_file: str | os.PathLike[str] | None = None) -> Any:
    """A ``CountyDatabase`` on ``url``, bound to every model (not yet connected)."""
    if importlib.util.find_spec("psycopg") is None:  # the station's frozen build leaves it out
        raise StationError(
            msg("本程序未带 PostgreSQL 驱动（psycopg），无法连接县消协的数据库 {url}。", url=url)
        )
    password = read_password_file(password_file) if password_file else None
    db = CountyDatabase(check_url(url), password=password)
    database_proxy.initialize(db)
    return db


SETTINGS_FILE = "county-database.json"


@dataclass(frozen=True)
class ServerSettings:
    """Where a county's PostgreSQL database is, as kept in the data directory: its URL (never a
    password) and the path of the password file named at ``station init``, if any."""

    url: str
    password_file: str | None = None

    def save(self, data_dir: Path) -> None:
        target = data_dir / SETTINGS_FILE
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n")
        os.replace(temporary, target)

    @staticmethod
    def load(data_dir: Path) -> ServerSettings | None:
        """The settings kept in ``data_dir``, or None: the data directory's own SQLite file."""
        source = data_dir / SETTINGS_FILE
        try:
            kept = json.loads(source.read_text())
            return ServerSettings(check_url(str(kept["url"])), kept.get("password_file"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise StationError(
                msg("数据库设置文件 {path} 无法读取（{error}）。", path=source, error=error)
            ) from None


class QmarkConnection:
    """A psycopg connection taking the core's ``?`` SQL, for code written against the DB-API
    connection of SQLite (``connection.execute(sql, params)``, ``executemany``)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.raw.execute(psycopg_sql(sql), tuple(params) if params else ())

    def executemany(self, sql: str, rows: Any) -> Any:
        with self.raw.cursor() as cursor:
            cursor.executemany(psycopg_sql(sql), [tuple(r) for r in rows])
            return cursor
