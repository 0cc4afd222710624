"""The numbered migrations on both engines: SQLite and a real PostgreSQL end with the same
tables, columns, types, keys and indexes (the search index aside, which is each engine's own)."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import peewee
import pytest

from station_app.errors import DatabaseTooNew, StationError
from station_app.store import migrations
from station_app.store.database import open_database
from station_app.store.migrations.postgres_ddl import (
    UntranslatableStatement,
    postgres_statements,
    translate,
)
from station_app.store.postgres import check_url, psycopg_sql

# each engine's own search machinery and bookkeeping, compared separately
SQLITE_ONLY_TABLES = re.compile(r"^(sqlite_|complaint_fts)")
POSTGRES_ONLY_TABLES = {"schema_version"}
POSTGRES_SEARCH_INDEXES = {"complaint_search_trgm", "complaint_search_grams"}

# SQLite's declared types and PostgreSQL's for the same column
SQLITE_TYPES = {"INTEGER": "integer", "DATETIME": "timestamp", "DATE": "date", "TEXT": "text"}
POSTGRES_TYPES = {
    "bigint": "integer",
    "timestamp without time zone": "timestamp",
    "date": "date",
    "text": "text",
}


def _type(declared: str, names: dict[str, str]) -> str:
    """The type both engines mean: a VARCHAR's length is the program's rule on both (SQLite does
    not enforce it; PostgreSQL's columns are unbounded, see postgres_ddl)."""
    if re.fullmatch(r"(?i)(VARCHAR\(\d+\)|character varying)", declared):
        return "varchar"
    return names[declared]


def sqlite_schema(connection: sqlite3.Connection) -> dict[str, Any]:
    schema: dict[str, Any] = {}
    tables = [
        r[0]
        for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not SQLITE_ONLY_TABLES.match(r[0])
    ]
    for table in tables:
        columns = [
            (name, _type(declared, SQLITE_TYPES), bool(notnull or pk), bool(pk))
            for _, name, declared, notnull, _, pk in connection.execute(
                f'PRAGMA table_info("{table}")'
            )
        ]
        indexes = {
            name: (
                bool(unique),
                tuple(
                    r[2] or "<expression>"
                    for r in connection.execute(f'PRAGMA index_xinfo("{name}")')
                    if r[5]
                ),
            )
            for _, name, unique, origin, _ in connection.execute(f'PRAGMA index_list("{table}")')
            if origin != "pk"
        }
        keys = sorted(
            (r[3], r[2], r[4]) for r in connection.execute(f'PRAGMA foreign_key_list("{table}")')
        )
        schema[table] = {"columns": columns, "indexes": indexes, "keys": keys}
    return schema


def postgres_schema(db: peewee.Database) -> dict[str, Any]:
    def rows(sql: str, *params: object) -> list[tuple[Any, ...]]:
        return list(db.execute_sql(sql, params).fetchall())

    schema: dict[str, Any] = {}
    tables = [
        r[0]
        for r in rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        if r[0] not in POSTGRES_ONLY_TABLES
    ]
    for table in tables:
        primary = {
            r[0]
            for r in rows(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary",
                f'"{table}"',
            )
        }
        columns = [
            (name, _type(declared, POSTGRES_TYPES), notnull, name in primary)
            for name, declared, notnull in rows(
                "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute"
                " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                f'"{table}"',
            )
        ]
        indexes: dict[str, Any] = {}
        for name, unique, definition in rows(
            "SELECT c.relname, i.indisunique, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ?::regclass"
            " AND NOT i.indisprimary",
            f'"{table}"',
        ):
            if name in POSTGRES_SEARCH_INDEXES:
                continue
            inside = re.search(r"USING btree \((.*?)\)(?: WHERE|$)", definition)
            assert inside, definition
            parts = [p.strip() for p in re.split(r",\s*(?![^()]*\))", inside.group(1))]
            indexes[name] = (
                unique,
                tuple("<expression>" if "(" in p else p.strip('"') for p in parts),
            )
        keys = sorted(
            rows(
                "SELECT a.attname, c2.relname, af.attname FROM pg_constraint k"
                " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
                " JOIN pg_class c2 ON c2.oid = k.confrelid"
                " JOIN pg_attribute af ON af.attrelid = k.confrelid AND af.attnum = k.confkey[1]"
                " WHERE k.conrelid = ?::regclass AND k.contype = 'f'",
                f'"{table}"',
            )
        )
        keys = [(column, parent, parent_column) for column, parent, parent_column in keys]
        schema[table] = {"columns": columns, "indexes": indexes, "keys": keys}
    return schema


def _sqlite_keys(schema: dict[str, Any]) -> dict[str, Any]:
    """SQLite lists a key as (from, table, to); put it in PostgreSQL's order."""
    for table in schema.values():
        table["keys"] = sorted((frm, parent, to) for frm, parent, to in table["keys"])
    return schema


def test_every_migration_has_a_postgres_form() -> None:
    for migration in migrations.MIGRATIONS:
        statements = postgres_statements(migration.statements, migration.postgres_forms)
        assert statements, migration.name


def test_sqlite_only_statements_are_refused_without_a_form() -> None:
    with pytest.raises(UntranslatableStatement):
        translate("CREATE VIRTUAL TABLE x USING fts5(a)")
    with pytest.raises(UntranslatableStatement):
        translate("UPDATE t SET a = instr(b, ',')")
    assert translate('CREATE TABLE "t" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME)') == (
        'CREATE TABLE "t" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,'
        ' "at" TIMESTAMP)'
    )
    assert translate('ALTER TABLE "t" ADD COLUMN "k" VARCHAR(16)') == (
        'ALTER TABLE "t" ADD COLUMN "k" VARCHAR'
    )


def test_placeholders_become_psycopg_ones_outside_quotes() -> None:
    assert psycopg_sql("SELECT '?%', \"a?\" FROM t WHERE x LIKE ? AND y = ?") == (
        "SELECT '?%%', \"a?\" FROM t WHERE x LIKE %s AND y = %s"
    )
    assert psycopg_sql("SELECT 'it''s ?' || ?") == "SELECT 'it''s ?' || %s"


def test_a_password_in_the_url_is_refused() -> None:
    with pytest.raises(StationError, match="不能包含密码"):
        check_url("postgresql://clerk:secret@127.0.0.1:5432/county")


def test_migrations_build_the_same_schema_on_both_engines(
    tmp_path: Path, postgres_url: str
) -> None:
    lite = open_database(tmp_path / "station.sqlite3")
    expected = _sqlite_keys(sqlite_schema(lite.connection()))
    lite.close()
    server = open_database(postgres_url)
    try:
        found = postgres_schema(server)
        assert migrations.database_schema_version(server) == migrations.LATEST
    finally:
        server.close()
    assert sorted(found) == sorted(expected)
    for table in expected:
        assert found[table] == expected[table], table


def test_postgres_search_indexes_exist(postgres_url: str) -> None:
    server = open_database(postgres_url)
    try:
        names = {
            r[0]
            for r in server.execute_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'complaint'"
            )
        }
        assert names >= POSTGRES_SEARCH_INDEXES
        grams = server.execute_sql("SELECT station_grams(?)", ["土地 纠纷"]).fetchone()[0]
        assert sorted(grams) == sorted(["土", "地", "土地", "纠", "纷", "纠纷"])
    finally:
        server.close()


def test_a_newer_postgres_database_is_refused_untouched(postgres_url: str) -> None:
    server = open_database(postgres_url)
    server.execute_sql(
        "INSERT INTO schema_version (version, migrated_at) VALUES (?, now())",
        [migrations.LATEST + 1],
    )
    server.close()
    with pytest.raises(DatabaseTooNew):
        open_database(postgres_url)


def test_programs_opening_a_new_database_at_once_migrate_it_once(postgres_url: str) -> None:
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            from station_app.store.postgres import CountyDatabase

            db = CountyDatabase(postgres_url)
            db.connect()
            migrations.migrate(db)
            db.close()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    server = open_database(postgres_url)
    versions = [r[0] for r in server.execute_sql("SELECT version FROM schema_version")]
    server.close()
    assert versions == list(range(1, migrations.LATEST + 1))
