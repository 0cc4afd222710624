"""Migrations: a database built by migrations equals the models; newer ones are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase
from playhouse.schema_diff import diff_models

from station_app.errors import DatabaseTooNew
from station_app.store import migrations
from station_app.store.database import open_database
from station_app.store.models import database_proxy
from station_app.store.schema import ALL_MODELS


def schema_of(connection: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns, indexes and foreign keys, normalised for comparison."""
    schema: dict[str, object] = {}
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'complaint_fts%' ORDER BY name"
        )
    ]
    for table in tables:
        columns = [tuple(r[1:]) for r in connection.execute(f'PRAGMA table_info("{table}")')]
        indexes = sorted(
            (
                r[1],
                r[2],
                tuple(c[2] for c in connection.execute(f'PRAGMA index_info("{r[1]}")')),
            )
            for r in connection.execute(f'PRAGMA index_list("{table}")')
        )
        foreign_keys = sorted(
            tuple(r[2:]) for r in connection.execute(f'PRAGMA foreign_key_list("{table}")')
        )
        schema[table] = (columns, indexes, foreign_keys)
    return schema


def test_migrated_database_equals_the_models(tmp_path: Path) -> None:
    migrated = open_database(tmp_path / "migrated.sqlite3")
    assert not diff_models(migrated, ALL_MODELS)
    migrated_schema = schema_of(migrated.connection())
    migrated.close()

    fresh = SqliteDatabase(str(tmp_path / "models.sqlite3"))
    database_proxy.initialize(fresh)
    fresh.create_tables(ALL_MODELS)
    assert schema_of(fresh.connection()) == migrated_schema
    fresh.close()


def test_search_index_and_triggers_exist(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    names = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master")}
    assert {"complaint_fts", "complaint_fts_insert", "complaint_fts_update"} <= names
    db.close()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    db.execute_sql(f"PRAGMA user_version = {migrations.LATEST + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as refused:
        open_database(path)
    assert "高于本程序支持" in str(refused.value)
    database_proxy.obj.close()
    assert path.read_bytes() == before


def test_pending_migration_runs_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    db = open_database(path)
    db.execute_sql("INSERT INTO setting (key, value) VALUES ('station.code', 'TJ001')")
    db.close()

    current = migrations.LATEST
    add_column = migrations.Migration(
        current + 1, "note", ["ALTER TABLE setting ADD COLUMN note TEXT"]
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_column])
    monkeypatch.setattr(migrations, "LATEST", current + 1)
    backups = tmp_path / "backups"
    db = open_database(path, backup_dir=backups)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == current + 1
    assert db.execute_sql("SELECT value FROM setting").fetchone()[0] == "TJ001"
    db.close()
    (backup,) = backups.glob(f"before-migration-v{current}-*.sqlite3")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == current
        assert copy.execute("SELECT value FROM setting").fetchone()[0] == "TJ001"


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path).close()

    class Broken(migrations.Migration):
        def apply(self, connection: sqlite3.Connection) -> None:
            connection.execute("ALTER TABLE setting ADD COLUMN half TEXT")
            raise RuntimeError("power cut")

    current = migrations.LATEST
    broken = Broken(current + 1, "broken", [])
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    monkeypatch.setattr(migrations, "LATEST", current + 1)
    with pytest.raises(RuntimeError):
        open_database(path, backup_dir=tmp_path / "backups")
    database_proxy.obj.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == current
        columns = [r[1] for r in connection.execute("PRAGMA table_info(setting)")]
        assert "half" not in columns
