"""The few SQL forms that differ between the embedded SQLite and the county's PostgreSQL.

Everything else in the core's SQL is one text for both engines (``store.postgres``); a statement
that needs one of these asks here instead of testing the engine itself.
"""

from __future__ import annotations

from typing import Any

from station_app.errors import StationError
from station_app.store.models import database_proxy
from station_app.store.postgres import QmarkConnection, is_postgres


def id_list() -> str:
    """A subquery of the integers in one JSON array parameter (any number of ids, one ``?``)."""
    if is_postgres():
        return "SELECT json_array_elements_text(?::json)::bigint"
    return "SELECT value FROM json_each(?)"


def day_of(column: str) -> str:
    """The day (``YYYY-MM-DD`` text) of a datetime column."""
    if is_postgres():
        return f"to_char({column}, 'YYYY-MM-DD')"
    return f"substr({column}, 1, 10)"


def json_array(items: str) -> str:
    """A JSON array (as text) of the comma-separated SQL ``items``, their types kept."""
    if is_postgres():
        return f"json_build_array({items})::text"
    return f"json_array({items})"


def connection() -> Any:
    """The DB-API connection of the calling thread, taking ``?`` SQL on either engine."""
    db = database_proxy.obj
    if is_postgres(db):
        return QmarkConnection(db.connection())
    return database_proxy.connection()


def refuse_on_postgres(reason: str) -> None:
    """Refuse, in one line (``reason``), what only an installation's own SQLite file does (a
    station's work: demo data, exporting bundles) when the database is a county's PostgreSQL."""
    if is_postgres():
        raise StationError(reason)


def for_update() -> str:
    """The clause that locks the rows a SELECT reads until the transaction ends (PostgreSQL;
    SQLite has one writer at a time and no row locks)."""
    return " FOR UPDATE" if is_postgres() else ""
