"""Backups, restore and integrity checks of the station database.

Backups use SQLite's online backup API, so a copy taken while the program writes is consistent.
A backup is written to a temporary file, checked with ``PRAGMA integrity_check`` and only then
renamed into place: a full disk or a pulled USB stick leaves no half file that looks like a backup.
Restore verifies the backup before touching anything and keeps the current database aside.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import BackupError
from station_app.paths import DataPaths
from station_app.store.migrations import LATEST, schema_version

BACKUP_SUFFIX = ".sqlite3"
AUTOMATIC_PREFIX = "auto-"


def _disk_message(error: OSError, target: Path) -> str:
    reason = "磁盘已满" if error.errno == 28 else (error.strerror or str(error))
    return f"备份到 {target} 失败（{reason}），原有数据和备份均未改动。"


def integrity_problems(connection: sqlite3.Connection, *, search_index: bool = True) -> list[str]:
    """Every problem SQLite finds in a database: empty when it is sound.

    ``search_index`` also checks the full-text index against the complaints (FTS5's own check,
    which needs a writable connection).
    """
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    problems = [p for p in problems if p != "ok"]
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} 第 {rowid} 行引用的 {parent} 记录不存在")
    has_fts = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'complaint_fts'"
    ).fetchone()
    if has_fts and search_index:
        try:
            connection.execute(
                "INSERT INTO complaint_fts(complaint_fts) VALUES ('integrity-check')"
            )
        except sqlite3.DatabaseError as error:
            problems.append(f"全文检索索引损坏：{error}")
    return problems


def check_database(db: SqliteDatabase) -> list[str]:
    return integrity_problems(db.connection())


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    schema_version: int
    station_code: str | None
    complaints: int
    visits: int


def verify_backup(path: Path) -> BackupInfo:
    """Open a backup read-only and check it is a sound station database this program can use."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}。")
    try:
        with contextlib.closing(
            sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        ) as connection:
            version = schema_version(connection)
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            if version == 0 or "setting" not in tables or "complaint" not in tables:
                raise BackupError(f"{path.name} 不是本程序的备份文件。")
            if version > LATEST:
                raise BackupError(f"{path.name} 由更新版本的程序生成，请先升级程序再恢复。")
            problems = integrity_problems(connection, search_index=False)
            if problems:
                raise BackupError(f"备份文件 {path.name} 已损坏：{problems[0]}")
            code = connection.execute(
                "SELECT value FROM setting WHERE key = 'station.code'"
            ).fetchone()
            complaints = connection.execute(
                "SELECT COUNT(*) FROM complaint WHERE deleted = 0"
            ).fetchone()[0]
            visits = connection.execute("SELECT COUNT(*) FROM visit WHERE deleted = 0").fetchone()[
                0
            ]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name} 不是有效的数据库文件（{error}）。") from error
    return BackupInfo(path, version, code[0] if code else None, complaints, visits)


def backup_name(station_code: str | None, now: dt.datetime, prefix: str = "") -> str:
    return f"{prefix}station-{station_code or 'new'}-{now:%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"


def backup_database(
    db: SqliteDatabase,
    target_dir: Path,
    *,
    station_code: str | None,
    attachments_dir: Path | None = None,
    clock: Clock = SYSTEM_CLOCK,
    prefix: str = "",
) -> Path:
    """Copy the live database into ``target_dir`` consistently; returns the backup's path.

    With ``attachments_dir``, evidence files are copied to ``target_dir/attachments`` too (each
    stored once by its hash, so a repeated backup copies only new files).
    """
    target_dir = Path(target_dir)
    target = target_dir / backup_name(station_code, clock.local_now(), prefix)
    partial = target.with_suffix(".partial")
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(partial)) as copy:
            db.connection().backup(copy)
            problems = integrity_problems(copy)
        if problems:
            raise BackupError(f"备份校验失败：{problems[0]}")
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        if attachments_dir is not None and attachments_dir.is_dir():
            _copy_attachments(attachments_dir, target_dir / "attachments")
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(_disk_message(error, target_dir)) from error
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(_disk_message(OSError(0, str(error)), target_dir)) from error
    return target


def _copy_attachments(source: Path, target: Path) -> None:
    for file in source.rglob("*"):
        if file.is_file() and len(file.name) == 64:
            destination = target / file.relative_to(source)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, destination)


def rotate_backups(folder: Path, keep: int, prefix: str = AUTOMATIC_PREFIX) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; returns what was removed."""
    backups = sorted(folder.glob(f"{prefix}*{BACKUP_SUFFIX}"))
    removed = backups[:-keep] if keep > 0 else backups
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_backup(paths: DataPaths, source: Path, *, clock: Clock = SYSTEM_CLOCK) -> Path:
    """Replace the installation's database by a verified backup.

    The database must be closed by the caller. The current database (with its WAL) is moved to
    ``backups/replaced-…`` first; that path is returned so the officer can go back.
    """
    info = verify_backup(Path(source))
    database = paths.database
    aside = paths.backups / f"replaced-{clock.local_now():%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"
    paths.backups.mkdir(parents=True, exist_ok=True)
    incoming = database.with_suffix(".restoring")
    try:
        shutil.copyfile(info.path, incoming)
        # the current file moves aside with its WAL, so nothing it committed is lost even when
        # it is damaged and cannot be checkpointed
        for suffix in ("", "-wal", "-shm"):
            current = Path(str(database) + suffix)
            if current.exists():
                os.replace(current, Path(str(aside) + suffix))
        os.replace(incoming, database)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise BackupError(f"恢复失败（{error.strerror}），当前数据未被替换。") from error
    attachments = info.path.parent / "attachments"
    if attachments.is_dir():
        _copy_attachments(attachments, paths.attachments)
    return aside
