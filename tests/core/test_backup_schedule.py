"""Automatic backups: one a day, the newest 14 kept, in the chosen folder, never losing old ones."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from station_app import backup
from station_app.backup import verify_backup
from station_app.backup_schedule import (
    backup_folder,
    backup_folders,
    run_automatic_backup,
    set_backup_folder,
)
from station_app.clock import FixedClock
from station_app.errors import BackupError
from station_app.installation import Installation


def automatic(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.glob("auto-*.sqlite3"))


def test_one_automatic_backup_a_day(installation: Installation, clock: FixedClock) -> None:
    first = run_automatic_backup(installation, clock=clock)
    assert first is not None and first.parent == installation.paths.backups
    assert first.name == "auto-station-TJ001-20261120-100000.sqlite3"
    assert verify_backup(first).station_code == "TJ001"
    clock.advance(hours=5)
    assert run_automatic_backup(installation, clock=clock) is None  # today's exists
    clock.advance(hours=10)  # the next day
    second = run_automatic_backup(installation, clock=clock)
    assert second is not None and second.name.startswith("auto-station-TJ001-20261121-")
    assert automatic(installation.paths.backups) == sorted([first.name, second.name])


def test_keeps_the_newest_fourteen(installation: Installation, clock: FixedClock) -> None:
    manual = backup.backup_database(
        installation.db, installation.paths.backups, station_code="TJ001", clock=clock
    )
    taken = []
    for _day in range(20):
        path = run_automatic_backup(installation, clock=clock)
        assert path is not None
        taken.append(path.name)
        clock.advance(days=1)
    assert automatic(installation.paths.backups) == taken[-14:]
    assert manual.exists()  # rotation never touches a manual backup


def test_goes_to_the_chosen_folder_and_falls_back_when_it_is_gone(
    installation: Installation, clock: FixedClock, tmp_path: Path
) -> None:
    usb = tmp_path / "usb" / "备份"
    usb.mkdir(parents=True)
    set_backup_folder(usb)
    assert backup_folder(installation.paths) == usb.resolve()
    assert usb.resolve() in backup_folders(installation.paths)
    path = run_automatic_backup(installation, clock=clock)
    assert path is not None and path.parent == usb.resolve()

    shutil.rmtree(usb)  # the USB stick is not plugged in today
    clock.advance(days=1)
    path = run_automatic_backup(installation, clock=clock)
    assert path is not None and path.parent == installation.paths.backups

    set_backup_folder(None)
    assert backup_folder(installation.paths) == installation.paths.backups


def test_a_failed_backup_deletes_no_older_one(
    installation: Installation, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = []
    for _day in range(14):
        path = run_automatic_backup(installation, clock=clock)
        assert path is not None
        kept.append(path.name)
        clock.advance(days=1)

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", disk_full)
    with pytest.raises(BackupError, match="磁盘已满"):
        run_automatic_backup(installation, clock=clock)
    assert automatic(installation.paths.backups) == kept
    assert not list(installation.paths.backups.glob("*.partial"))
