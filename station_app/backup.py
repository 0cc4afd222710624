"""Backups, restore and integrity checks of the station database.

Backups use SQLite's online backup API, so a copy taken while the program writes is consistent.
A backup is written to a temporary file, checked with ``PRAGMA integrity_check`` and only then
renamed into place: a full disk or a pulled USB stick leaves no half file that looks like a backup.
Restore verifies the backup before touching anything and keeps the current database aside.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import SqliteDatabase

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import BackupError
from station_app.messages import msg
from station_app.paths import KEY_FILE_NAME, DataPaths
from station_app.store.database import current_key, key_of
from station_app.store.driver import database_errors, open_raw
from station_app.store.migrations import LATEST, schema_version

if TYPE_CHECKING:
    from station_app.security.keyfile import DataKey

BACKUP_SUFFIX = ".sqlite3"
AUTOMATIC_PREFIX = "auto-"
REPLACED_PREFIX = "replaced-"
SQLITE_FULL = 13
_STAMP = re.compile(r"(\d{8}-\d{6})")

Progress = Callable[[int, int], None]


def _reason(error: OSError) -> str:
    """Why writing failed, as the officer reads it: a full disk said plainly."""
    return msg("磁盘已满") if error.errno == errno.ENOSPC else (error.strerror or str(error))


def _disk_message(error: OSError, target: Path) -> str:
    return msg(
        "备份到 {target} 失败（{reason}），原有数据和备份均未改动。",
        target=target,
        reason=_reason(error),
    )


def _discard(partial: Path) -> None:
    """Remove a half-written copy; a folder that cannot be reached (a file in its place, a
    pulled USB stick) holds none, so the failure that brought us here is the one to report."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _sqlite_as_os_error(error: Exception) -> OSError:
    """SQLite's "database or disk is full" is a full disk like any other."""
    # SQLCipher's driver raises the backup API's errors without their code, only SQLite's text
    full = getattr(error, "sqlite_errorcode", None) == SQLITE_FULL
    if full or "database or disk is full" in str(error):
        return OSError(errno.ENOSPC, "磁盘已满")
    return OSError(0, str(error))


def quick_check(path: Path, key: DataKey | None = None) -> list[str]:
    """A fast start-up check of the database file at ``path``: empty when it looks sound.

    An encrypted database is checked with its data ``key`` (after sign-in; by default the key of
    the database this process has open).

    ``PRAGMA quick_check`` reads every page (seconds even for a large file) without the index
    cross-checks of ``integrity_check``. A file SQLite cannot open or read at all is one problem.
    A missing file is no problem: the program creates a new database.
    """
    path = Path(path)
    if not path.exists():
        return []
    key = key if key is not None else current_key()
    try:
        with contextlib.closing(open_raw(path, key, mode="rw", timeout=10)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except database_errors() as error:
        return [msg("数据库文件无法读取（{error}）", error=error)]
    return [str(row[0]) for row in rows if row[0] != "ok"]


def integrity_problems(connection: Any, *, search_index: bool = True) -> list[str]:
    """Every problem SQLite finds in a database: empty when it is sound.

    ``search_index`` also checks the full-text index against the complaints (FTS5's own check,
    which needs a writable connection).
    """
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    problems = [p for p in problems if p != "ok"]
    for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(
            msg(
                "{table} 第 {row} 行引用的 {parent} 记录不存在",
                table=table,
                row=rowid,
                parent=parent,
            )
        )
    has_fts = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'complaint_fts'"
    ).fetchone()
    if has_fts and search_index:
        try:
            connection.execute(
                "INSERT INTO complaint_fts(complaint_fts) VALUES ('integrity-check')"
            )
        except database_errors() as error:
            problems.append(msg("全文检索索引损坏：{error}", error=error))
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


def verify_backup(path: Path, key: DataKey | None = None) -> BackupInfo:
    """Open a backup read-only and check it is a sound station database this program can use.

    Backups of an encrypted installation are encrypted with its data key: ``key``, by default
    the key of the database this process has open.
    """
    if not path.is_file():
        raise BackupError(msg("找不到备份文件 {path}。", path=path))
    key = key if key is not None else current_key()
    try:
        with contextlib.closing(open_raw(path, key, mode="ro")) as connection:
            version = schema_version(connection)
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
            if version == 0 or "setting" not in tables or "complaint" not in tables:
                raise BackupError(msg("{name} 不是本程序的备份文件。", name=path.name))
            if version > LATEST:
                raise BackupError(
                    msg("{name} 由更新版本的程序生成，请先升级程序再恢复。", name=path.name)
                )
            problems = integrity_problems(connection, search_index=False)
            if problems:
                raise BackupError(
                    msg("备份文件 {name} 已损坏：{problem}", name=path.name, problem=problems[0])
                )
            code = connection.execute(
                "SELECT value FROM setting WHERE key = 'station.code'"
            ).fetchone()
            complaints = connection.execute(
                "SELECT COUNT(*) FROM complaint WHERE deleted = 0"
            ).fetchone()[0]
            visits = connection.execute("SELECT COUNT(*) FROM visit WHERE deleted = 0").fetchone()[
                0
            ]
    except database_errors() as error:
        raise BackupError(
            msg("{name} 不是有效的数据库文件（{error}）。", name=path.name, error=error)
        ) from error
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
    progress: Progress | None = None,
) -> Path:
    """Copy the live database into ``target_dir`` consistently; returns the backup's path.

    With ``attachments_dir``, evidence files are copied to ``target_dir/attachments`` too (each
    stored once by its hash, so a repeated backup copies only new files). ``progress(done,
    total)`` counts the database as one step and each evidence file as one more.

    The database is copied in one step of the online backup API: a snapshot of one commit, even
    while another connection keeps writing (WAL lets the writer go on meanwhile).
    """
    target_dir = Path(target_dir)
    target = target_dir / backup_name(station_code, clock.local_now(), prefix)
    partial = target.with_suffix(".partial")
    files = _attachment_files(attachments_dir) if attachments_dir is not None else []
    total = 1 + len(files)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        # an encrypted database is copied encrypted, under the same data key
        with contextlib.closing(open_raw(partial, key_of(db))) as copy:
            db.connection().backup(copy)
            problems = integrity_problems(copy)
        if problems:
            raise BackupError(msg("备份校验失败：{problem}", problem=problems[0]))
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BackupError:
        _discard(partial)
        raise
    except OSError as error:
        _discard(partial)
        raise BackupError(_disk_message(error, target_dir)) from error
    except database_errors() as error:
        _discard(partial)
        raise BackupError(_disk_message(_sqlite_as_os_error(error), target_dir)) from error
    _copy_key_file(db, target_dir)
    if progress is not None:
        progress(1, total)
    if files and attachments_dir is not None:
        try:
            _copy_attachments(attachments_dir, target_dir / "attachments", files, progress, total)
        except OSError as error:
            raise BackupError(
                msg(
                    "数据库已备份为 {name}，但复制证据文件时失败（{reason}），"
                    "请换一个有足够空间的位置再备份一次。",
                    name=target.name,
                    reason=_reason(error),
                )
            ) from error
    return target


def _copy_key_file(db: SqliteDatabase, target_dir: Path) -> None:
    """Beside the backups of an encrypted database, its key file (only wrapped keys: it opens
    nothing without a password or the county's recovery key), so that a backup can be restored
    on another computer."""
    if key_of(db) is None:
        return
    key_file = Path(db.database).parent / KEY_FILE_NAME
    if not key_file.is_file() or key_file.parent == target_dir:
        return
    partial = target_dir / (KEY_FILE_NAME + ".partial")
    try:
        partial.write_bytes(key_file.read_bytes())  # a few kilobytes
        os.replace(partial, target_dir / KEY_FILE_NAME)
    except OSError as error:
        _discard(partial)
        raise BackupError(_disk_message(error, target_dir)) from error


def _attachment_files(source: Path) -> list[Path]:
    if not source.is_dir():
        return []
    return [file for file in source.rglob("*") if file.is_file() and len(file.name) == 64]


def _copy_attachments(
    source: Path,
    target: Path,
    files: Iterable[Path] | None = None,
    progress: Progress | None = None,
    total: int = 0,
) -> None:
    """Copy evidence files not yet in ``target``; each through a temporary name, so a file cut
    short by a full disk is never taken for a complete copy by the next backup."""
    for done, file in enumerate(_attachment_files(source) if files is None else files, start=2):
        destination = target / file.relative_to(source)
        if not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            partial = destination.with_name(destination.name + ".partial")
            try:
                shutil.copyfile(file, partial)
                os.replace(partial, destination)
            finally:
                partial.unlink(missing_ok=True)
        if progress is not None:
            progress(done, total)


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a folder, with when it was taken (from its name, else its file time)."""

    path: Path
    taken_at: dt.datetime
    automatic: bool


def backup_taken_at(path: Path) -> dt.datetime:
    """When a backup was taken (local time): from its name, else from the file's time."""
    match = _STAMP.search(Path(path).name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return dt.datetime.fromtimestamp(Path(path).stat().st_mtime)


def list_backups(folders: Iterable[Path]) -> list[BackupFile]:
    """Every backup in ``folders`` (automatic, manual, before a migration), newest first.

    Databases set aside by a restore (``replaced-…``) are not offered: they may be the damaged one.
    """
    found: dict[Path, BackupFile] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in folder.glob(f"*{BACKUP_SUFFIX}"):
            if path.name.startswith(REPLACED_PREFIX) or not path.is_file():
                continue
            automatic = path.name.startswith(AUTOMATIC_PREFIX)
            found[path.resolve()] = BackupFile(path, backup_taken_at(path), automatic)
    return sorted(found.values(), key=lambda backup: backup.taken_at, reverse=True)


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
    stamp = f"{REPLACED_PREFIX}{clock.local_now():%Y%m%d-%H%M%S}"
    aside = paths.backups / f"{stamp}{BACKUP_SUFFIX}"
    for number in range(2, 1000):  # never overwrite what an earlier restore set aside
        if not aside.exists():
            break
        aside = paths.backups / f"{stamp}-{number}{BACKUP_SUFFIX}"
    paths.backups.mkdir(parents=True, exist_ok=True)
    incoming = database.with_suffix(".restoring")
    try:
        shutil.copyfile(info.path, incoming)
        with open(incoming, "rb+") as handle:
            os.fsync(handle.fileno())  # the copy is on disk before the current file moves
        # the current file moves aside with its WAL, so nothing it committed is lost even when
        # it is damaged and cannot be checkpointed
        for suffix in ("", "-wal", "-shm"):
            current = Path(str(database) + suffix)
            if current.exists():
                os.replace(current, Path(str(aside) + suffix))
        os.replace(incoming, database)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise BackupError(
            msg("恢复失败（{reason}），当前数据未被替换。", reason=_reason(error))
        ) from error
    attachments = info.path.parent / "attachments"
    if attachments.is_dir():
        _copy_attachments(attachments, paths.attachments)
    return aside
