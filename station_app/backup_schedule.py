"""Automatic daily backups: at most one a day, the newest 14 kept, in the chosen backup folder.

The folder is a domain setting of the installation (``backup.folder``); by default, and whenever
the chosen folder is not there (a USB stick left at home), the data directory's ``backups``.
"""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path

from station_app.backup import (
    AUTOMATIC_PREFIX,
    BACKUP_SUFFIX,
    backup_database,
    list_backups,
    rotate_backups,
)
from station_app.changes import Changes
from station_app.clock import Clock
from station_app.installation import Installation
from station_app.paths import DataPaths
from station_app.settings import get_setting, set_setting
from station_app.store.database import current_key
from station_app.store.driver import database_errors, open_raw

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backup.folder"
KEEP_AUTOMATIC = 14


def configured_backup_folder() -> Path | None:
    """The folder the officer chose for backups, or None when none was chosen."""
    value = (get_setting(BACKUP_FOLDER) or "").strip()
    return Path(value) if value else None


def backup_folder(paths: DataPaths) -> Path:
    """Where backups go now: the chosen folder when it exists, else the data directory's."""
    chosen = configured_backup_folder()
    if chosen is not None and chosen.is_dir():
        return chosen
    if chosen is not None:
        log.warning("backup folder %s is not available; using %s", chosen, paths.backups)
    return paths.backups


def set_backup_folder(folder: Path | None) -> Changes:
    """Choose the backup folder (None: back to the data directory's ``backups``)."""
    set_setting(BACKUP_FOLDER, str(Path(folder).resolve()) if folder is not None else "")
    return Changes.of(settings=["backup"])


def backup_folders(paths: DataPaths) -> list[Path]:
    """Every folder backups may be in, for offering them to restore from."""
    folders = [paths.backups]
    chosen = configured_backup_folder()
    if chosen is not None and chosen not in folders:
        folders.append(chosen)
    return folders


def recorded_backup_folders(paths: DataPaths) -> list[Path]:
    """The folders backups may be in, read without opening the database the usual way: at
    start-up the database may be damaged, and the chosen folder is read from it only if it can."""
    folders = [paths.backups]
    with (
        contextlib.suppress(*database_errors(), TypeError),
        contextlib.closing(open_raw(paths.database, current_key(), mode="ro")) as connection,
    ):
        row = connection.execute(
            "SELECT value FROM setting WHERE key = ?", (BACKUP_FOLDER,)
        ).fetchone()
        if row and str(row[0]).strip() and Path(row[0]) not in folders:
            folders.append(Path(row[0]))
    return folders


def todays_automatic_backup(folder: Path, clock: Clock) -> Path | None:
    """Today's automatic backup in ``folder``, if one was taken."""
    day = f"{clock.today():%Y%m%d}"
    pattern = re.compile(rf"-{day}-\d{{6}}{re.escape(BACKUP_SUFFIX)}$")
    for path in sorted(folder.glob(f"{AUTOMATIC_PREFIX}*{BACKUP_SUFFIX}")):
        if pattern.search(path.name):
            return path
    return None


def run_automatic_backup(
    installation: Installation, *, clock: Clock, keep: int = KEEP_AUTOMATIC
) -> Path | None:
    """Take today's automatic backup unless one exists; keep the newest ``keep``.

    Returns the new backup's path, or None when today's was already taken. A failure (a full
    disk) raises ``BackupError`` and deletes no older backup.
    """
    if installation.server is not None:  # a county on PostgreSQL: pg_dump on the server backs up
        return None
    folder = backup_folder(installation.paths)
    if todays_automatic_backup(folder, clock) is not None:
        return None
    identity = installation.identity()
    path = backup_database(
        installation.sqlite(),
        folder,
        station_code=identity.code if identity else None,
        attachments_dir=installation.paths.attachments,
        clock=clock,
        prefix=AUTOMATIC_PREFIX,
    )
    removed = rotate_backups(folder, keep, prefix=AUTOMATIC_PREFIX)
    log.info("automatic backup %s; %d old ones removed", path, len(removed))
    return path


def newest_backup(paths: DataPaths) -> Path | None:
    backups = list_backups(backup_folders(paths))
    return backups[0].path if backups else None
