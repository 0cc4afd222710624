"""A database damaged while the laptop was off is found at start, and restoring a backup is
offered in plain words; the damaged file is kept aside and the program goes on starting."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station_app.backup import backup_database, quick_check
from station_app.backup_schedule import run_automatic_backup
from station_app.clock import FixedClock
from station_app.gui.app import main as gui_app
from station_app.gui.app.recovery_dialog import RecoveryDialog
from station_app.installation import Installation, open_installation
from station_app.paths import DataPaths
from station_app.registry.complaints import register_complaint

from ..conftest import complaint_draft, connect_raw


def count(path: Path) -> int:
    with contextlib.closing(connect_raw(path)) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM complaint").fetchone()[0])


@pytest.fixture
def damaged(installation: Installation, clock: FixedClock) -> tuple[DataPaths, list[Path]]:
    """40 complaints, an automatic backup, then a manual one a day later with 41; then the
    database file gets bytes overwritten from page 2 on. Returns the paths and the backups."""
    ctx = installation.context(clock=clock)
    for number in range(40):
        register_complaint(ctx, complaint_draft(subject=f"第 {number} 件"))
    automatic = run_automatic_backup(installation, clock=clock)
    clock.advance(days=1)
    register_complaint(ctx, complaint_draft(subject="第二天登记的"))
    manual = backup_database(
        installation.db, installation.paths.backups, station_code="TJ001", clock=clock
    )
    assert automatic is not None
    installation.close()
    database = installation.paths.database
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * ((size - 4096) // 8))
    return installation.paths, [manual, automatic]


def test_the_dialog_lists_the_newest_backups_first_in_plain_words(
    qtbot: QtBot, damaged: tuple[DataPaths, list[Path]]
) -> None:
    paths, backups = damaged
    problems = quick_check(paths.database)
    assert problems
    from station_app.backup import list_backups

    dialog = RecoveryDialog(paths, problems, list_backups([paths.backups]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "数据库文件已损坏"
    assert dialog.listed_backups() == backups  # newest (the manual one) first
    items = [dialog.backup_list.item(row).text() for row in range(2)]
    assert "手动备份" in items[0] and "自动备份" in items[1]
    assert "2026" in items[0] and "21" in items[0] and "10:00" in items[0]
    assert dialog.backup_list.currentRow() == 0 and dialog.restore_button.isVisible()
    dialog.restore_button.click()
    assert dialog.chosen == backups[0]


def test_start_restores_the_chosen_backup_and_keeps_the_damaged_file(
    qtbot: QtBot, damaged: tuple[DataPaths, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, backups = damaged
    offered: list[list[Path]] = []

    def choose(dialog: RecoveryDialog) -> Path:
        offered.append(dialog.listed_backups())
        return dialog.listed_backups()[0]

    monkeypatch.setattr(RecoveryDialog, "choose_backup", choose)
    installation = gui_app.open_checked_installation(paths)
    assert installation is not None
    try:
        assert offered == [backups]
        identity = installation.identity()
        assert identity is not None and identity.code == "TJ001"
        assert count(paths.database) == 41
        assert quick_check(paths.database) == []
    finally:
        installation.close()
    aside = list(paths.backups.glob("replaced-*.sqlite3"))
    assert len(aside) == 1 and quick_check(aside[0]) != []  # the damaged file, kept


def test_a_bad_backup_is_refused_and_another_can_be_chosen(
    qtbot: QtBot, damaged: tuple[DataPaths, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, backups = damaged
    backups[0].write_bytes(b"\x00" * 8192)  # the newest backup was on a bad USB stick too
    choices = iter([backups[0], backups[1]])
    refusals: list[str] = []
    monkeypatch.setattr(RecoveryDialog, "choose_backup", lambda _dialog: next(choices))
    monkeypatch.setattr(gui_app, "show_refusal", lambda error, *_: refusals.append(str(error)))
    assert gui_app.recover_damaged_database(paths)
    assert len(refusals) == 1 and backups[0].name in refusals[0]
    assert count(paths.database) == 40
    reopened = open_installation(paths.root)
    reopened.close()


def test_quitting_leaves_everything_as_it_was(
    qtbot: QtBot, damaged: tuple[DataPaths, list[Path]], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, _backups = damaged
    before = paths.database.read_bytes()
    monkeypatch.setattr(RecoveryDialog, "choose_backup", lambda _dialog: None)
    assert gui_app.open_checked_installation(paths) is None
    assert paths.database.read_bytes() == before
    assert not list(paths.backups.glob("replaced-*"))


def test_a_sound_database_opens_without_asking(
    qtbot: QtBot, installation: Installation, monkeypatch: pytest.MonkeyPatch
) -> None:
    installation.close()
    monkeypatch.setattr(RecoveryDialog, "choose_backup", lambda _d: pytest.fail("asked"))
    reopened = gui_app.open_checked_installation(installation.paths)
    assert reopened is not None
    reopened.close()
