"""Backups under stress: taken while another process writes, restored whole, a damaged database
found at start, and a full disk that fails clearly and loses nothing."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from station_app import backup
from station_app.backup import (
    backup_database,
    list_backups,
    quick_check,
    restore_backup,
    verify_backup,
)
from station_app.clock import FixedClock
from station_app.errors import BackupError
from station_app.installation import Installation, open_installation
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context

from ..conftest import complaint_draft, connect_raw

ROOT = Path(__file__).resolve().parents[2]
BATCH = 5  # complaints per transaction of the writer

WRITER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from station_app.installation import open_installation
    from station_app.registry.complaints import register_complaint
    from station_app.store.models import database_proxy
    from tests.conftest import complaint_draft
    from tests.credentials import unlock

    data, stop = Path(sys.argv[1]), Path(sys.argv[2])
    inst = open_installation(data, unlock(data))
    ctx = inst.context(actor="writer")
    written = 0
    while not stop.exists():
        with database_proxy.atomic():
            for _ in range({BATCH}):
                register_complaint(ctx, complaint_draft(subject=f"批次 {{written}}"))
        written += {BATCH}
        print(written, flush=True)
    inst.close()
    """
)


def complaint_uids(path: Path) -> set[str]:
    with contextlib.closing(connect_raw(path)) as connection:
        return {row[0] for row in connection.execute("SELECT uid FROM complaint")}


def complaint_count(path: Path) -> int:
    with contextlib.closing(connect_raw(path)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM complaint").fetchone()[0])


def test_backup_while_another_process_writes_is_consistent_and_restores_every_record(
    installation: Installation, ctx: Context, tmp_path: Path, clock: FixedClock
) -> None:
    register_complaint(ctx, complaint_draft())  # one before the writer starts
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(installation.paths.root), str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    backups = []
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip()  # the writer has committed its first batch
        for number in range(5):
            clock.advance(seconds=1)
            backups.append(
                backup_database(
                    installation.db, tmp_path / "usb", station_code="TJ001", clock=clock
                )
            )
            time.sleep(0.05 * number)
    finally:
        stop.touch()
        output, _ = writer.communicate(timeout=60)
    assert writer.returncode == 0
    final = int(output.split()[-1]) if output.split() else BATCH
    commit_points = {1 + written for written in range(0, final + 1, BATCH)}

    counts = []
    for path in backups:
        info = verify_backup(path)  # integrity_check and foreign keys
        assert info.complaints in commit_points, f"{path.name}: {info.complaints} complaints"
        counts.append(info.complaints)
    assert counts == sorted(counts)
    assert counts[-1] > counts[0], "the writer did not write while the backups were taken"
    assert counts[-1] < 1 + final, "every backup was taken after the writer stopped"

    # restore from the last backup taken while writing: exactly its records come back
    wanted = complaint_uids(backups[-1])
    installation.close()
    aside = restore_backup(installation.paths, backups[-1], clock=clock)
    assert complaint_uids(installation.paths.database) == wanted
    assert complaint_count(aside) == 1 + final  # what the writer wrote since is kept aside
    reopened = open_installation(installation.paths.root)
    try:
        assert backup.check_database(reopened.db) == []
    finally:
        reopened.close()


def test_restore_from_a_backup_gives_back_every_record(
    installation: Installation, ctx: Context, tmp_path: Path, clock: FixedClock
) -> None:
    for number in range(30):
        register_complaint(ctx, complaint_draft(subject=f"第 {number} 件"))
    wanted = complaint_uids(installation.paths.database)
    path = backup_database(installation.db, tmp_path / "usb", station_code="TJ001", clock=clock)
    installation.close()
    installation.paths.database.unlink()  # the laptop's disk was replaced
    restore_backup(installation.paths, path, clock=clock)
    reopened = open_installation(installation.paths.root)
    try:
        assert complaint_uids(reopened.paths.database) == wanted
        identity = reopened.identity()
        assert identity is not None and identity.code == "TJ001"
    finally:
        reopened.close()


def damage(database: Path) -> None:
    """Overwrite pages 2 onwards with garbage, as a bad sector or a torn write would."""
    size = database.stat().st_size
    assert size > 6 * 4096
    with open(database, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * ((size - 4096) // 8))


def test_a_damaged_database_is_found_at_start_and_a_backup_is_offered(
    installation: Installation, ctx: Context, clock: FixedClock
) -> None:
    for number in range(40):
        register_complaint(ctx, complaint_draft(subject=f"第 {number} 件"))
    good = backup_database(
        installation.db, installation.paths.backups, station_code="TJ001", clock=clock
    )
    assert quick_check(installation.paths.database) == []
    installation.close()
    damage(installation.paths.database)

    assert quick_check(installation.paths.database) != []
    offered = list_backups([installation.paths.backups])
    assert [b.path for b in offered] == [good]
    clock.advance(minutes=1)
    aside = restore_backup(installation.paths, offered[0].path, clock=clock)
    assert aside.exists() and quick_check(aside) != []  # the damaged file is kept aside
    assert quick_check(installation.paths.database) == []
    assert complaint_count(installation.paths.database) == 40
    assert not any(b.path == aside for b in list_backups([installation.paths.backups]))


def test_quick_check_of_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    assert quick_check(path) == []  # no file yet: a new installation
    path.write_bytes(b"\x00" * 100 + b"not a database" * 1000)
    assert quick_check(path) != []


@pytest.fixture
def with_records(installation: Installation, ctx: Context) -> Installation:
    for number in range(10):
        register_complaint(ctx, complaint_draft(subject=f"第 {number} 件"))
    return installation


def test_full_disk_while_copying_the_database_fails_clearly_and_loses_nothing(
    with_records: Installation, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    earlier = backup_database(with_records.db, usb, station_code="TJ001", clock=clock)
    earlier_bytes = earlier.read_bytes()
    connect = backup.open_raw

    def small_disk(database: object, *args: Any, **kwargs: Any) -> Any:
        connection = connect(database, *args, **kwargs)  # type: ignore[arg-type]
        if str(database).endswith(".partial"):
            connection.execute("PRAGMA max_page_count = 3")  # SQLite's own SQLITE_FULL
        return connection

    monkeypatch.setattr(backup, "open_raw", small_disk)
    clock.advance(minutes=1)
    with pytest.raises(BackupError) as refused:
        backup_database(with_records.db, usb, station_code="TJ001", clock=clock)
    monkeypatch.undo()
    message = str(refused.value)
    assert "磁盘已满" in message and str(usb) in message and "\n" not in message
    # no partial file left (beside the backup: the encrypted database's key file)
    assert sorted(p.name for p in usb.iterdir()) == [earlier.name, "station.keys"]
    assert earlier.read_bytes() == earlier_bytes
    assert complaint_count(with_records.paths.database) == 10
    assert backup.check_database(with_records.db) == []


def test_full_disk_at_the_rename_or_in_the_evidence_files_leaves_no_half_file(
    with_records: Installation, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    evidence = with_records.paths.attachments / "ab"
    evidence.mkdir(parents=True)
    for name in ("a" * 64, "b" * 64):
        (evidence / name).write_bytes(os.urandom(20_000))

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(backup.os, "replace", disk_full)
        with pytest.raises(BackupError, match="磁盘已满"):
            backup_database(
                with_records.db,
                usb,
                station_code="TJ001",
                clock=clock,
                attachments_dir=with_records.paths.attachments,
            )
    assert not [p for p in usb.rglob("*") if p.is_file()]

    copyfile = backup.shutil.copyfile
    copied = []

    def fills_up(source: Path, target: Path) -> None:
        if copied:  # the second evidence file: half written, then the disk is full
            Path(target).write_bytes(Path(source).read_bytes()[:100])
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(copyfile(source, target))

    with monkeypatch.context() as patch:
        patch.setattr(backup.shutil, "copyfile", fills_up)
        with pytest.raises(BackupError, match="证据文件.*磁盘已满"):
            backup_database(
                with_records.db,
                usb,
                station_code="TJ001",
                clock=clock,
                attachments_dir=with_records.paths.attachments,
            )
    files = [p for p in (usb / "attachments").rglob("*") if p.is_file()]
    assert [len(p.name) for p in files] == [64]  # one whole copy, no truncated or partial one
    assert files[0].read_bytes() == (evidence / files[0].name).read_bytes()
    # the next backup completes the evidence files
    clock.advance(minutes=1)
    backup_database(
        with_records.db,
        usb,
        station_code="TJ001",
        clock=clock,
        attachments_dir=with_records.paths.attachments,
    )
    assert sorted(p.name for p in (usb / "attachments" / "ab").iterdir()) == ["a" * 64, "b" * 64]


def test_full_disk_during_restore_leaves_the_current_database(
    with_records: Installation, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup_database(with_records.db, tmp_path / "usb", station_code="TJ001", clock=clock)
    with_records.close()
    before = with_records.paths.database.read_bytes()

    def fills_up(source: Path, target: Path) -> None:
        Path(target).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.shutil, "copyfile", fills_up)
    with pytest.raises(BackupError, match="当前数据未被替换"):
        restore_backup(with_records.paths, path, clock=clock)
    assert with_records.paths.database.read_bytes() == before
    assert not list(with_records.paths.root.glob("*.restoring"))
    assert not list(with_records.paths.backups.glob("replaced-*"))
