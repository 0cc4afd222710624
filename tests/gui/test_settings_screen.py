"""设置: station details, officers and the one at the keyboard, language and text size,
a backup now, and restoring from a backup after a plain-words confirmation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from station_app.backup import BackupInfo, backup_database
from station_app.backup_schedule import configured_backup_folder
from station_app.gui.app.context import AppContext
from station_app.gui.app.main_window import MainWindow
from station_app.gui.settings.officers import AddOfficerDialog
from station_app.gui.settings.preferences import (
    LANGUAGE_KEY,
    LARGE_TEXT_KEY,
    resolve_language,
    stored_officer,
)
from station_app.gui.settings.screen import SettingsScreen
from station_app.registry.complaints import register_complaint
from station_app.registry.officers import add_officer, list_officers
from station_app.store.models import Complaint, Officer, database_proxy
from station_app.store.sync_columns import stamp_new

from ..conftest import complaint_draft


def open_screen(qtbot: QtBot, app_context: AppContext) -> SettingsScreen:
    screen = SettingsScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1100, 650)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def roster_officer(app_context: AppContext, name: str) -> None:
    ctx = app_context.context()
    with database_proxy.atomic():
        officer = Officer(name=name, station_code=ctx.origin, role="联络员")
        stamp_new(officer, "county", ctx.clock.utcnow())
        officer.save(force_insert=True)


def test_models_pass_the_model_tester(qtbot: QtBot, app_context: AppContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    roster_officer(app_context, "赵名册")
    screen = open_screen(qtbot, app_context)
    qtmodeltester.check(screen.officer_model)
    assert screen.officer_model.rowCount() == 1


def test_station_details_are_saved_and_the_code_is_read_only(
    qtbot: QtBot, app_context: AppContext
) -> None:
    screen = open_screen(qtbot, app_context)
    assert screen.code_label.text() == "TJ001"
    changed = []
    app_context.jobs.changes_committed.connect(
        lambda changes: changed.append(True) if changes.touches("settings") else None
    )
    screen.name_edit.setText("诺江镇消费维权服务站（新址）")
    screen.county_edit.setText("12")
    screen.save_station()
    qtbot.waitUntil(lambda: bool(screen.station_errors.message("county_code")))
    assert "6 位或 12 位" in (screen.station_errors.message("county_code") or "")
    screen.county_edit.setText("511921")
    screen.save_station()
    qtbot.waitUntil(lambda: screen.station_note.text() == "已保存。")
    identity = app_context.installation.identity()
    assert identity is not None and identity.name == "诺江镇消费维权服务站（新址）"
    assert identity.code == "TJ001" and changed


def test_add_and_deactivate_officers(qtbot: QtBot, app_context: AppContext) -> None:
    roster_officer(app_context, "赵名册")
    screen = open_screen(qtbot, app_context)
    dialog = screen.open_add_officer()
    assert isinstance(dialog, AddOfficerDialog)
    qtbot.waitExposed(dialog)
    dialog.name_edit.setText("钱本站")
    dialog.phone_edit.setText("12")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.errors.message("phone")))
    assert dialog.isVisible()
    dialog.phone_edit.setText("13881234567")
    dialog.save()
    qtbot.waitUntil(lambda: screen.officer_model.rowCount() == 2)
    # the screen's list may refresh (changes_committed) an event before the dialog closes
    qtbot.waitUntil(lambda: not dialog.isVisible())
    names = [screen.officer_model.officer_at(row).name for row in range(2)]  # type: ignore[union-attr]
    assert names == ["赵名册", "钱本站"]
    combo = [screen.officer_combo.itemText(i) for i in range(screen.officer_combo.count())]
    assert combo == ["（未指定）", "赵名册", "钱本站"]

    screen.officer_table.selectRow(0)  # from the roster: only the county deactivates it
    assert not screen.toggle_officer_button.isEnabled()
    assert "县消协" in screen.toggle_officer_button.toolTip()
    screen.officer_table.selectRow(1)
    assert screen.toggle_officer_button.isEnabled()
    assert screen.toggle_officer_button.text() == "停用"
    screen.toggle_officer_button.click()
    qtbot.waitUntil(lambda: not list_officers("TJ001")[-1].active)
    qtbot.waitUntil(lambda: screen.officer_combo.count() == 2)
    row = [o for o in screen.officer_model.rows if o.name == "钱本站"][0]
    assert not row.active
    assert screen.officer_model.index(1, 4).data() == "已停用"


def test_current_officer_changes_the_status_bar_and_is_remembered(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    app_context.actor = AppContext.actor  # nobody chosen yet
    add_officer(app_context.context(), "孙联络员")
    window = MainWindow(
        app_context, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "未指定" in window.officer_label.text()
    screen = window.show_screen("settings")
    assert isinstance(screen, SettingsScreen)
    screen.officer_combo.setCurrentIndex(screen.officer_combo.findText("孙联络员"))
    assert app_context.actor == "孙联络员"
    assert window.officer_label.text() == "当前联络员：孙联络员"
    remembered = stored_officer(QSettings(), "TJ001")
    assert remembered is not None and remembered.name == "孙联络员"
    # what is registered now is registered by that officer
    assert app_context.context().actor == "孙联络员"

    screen.officer_combo.setCurrentIndex(0)
    assert app_context.actor == AppContext.actor
    assert "未指定" in window.officer_label.text()


def test_language_and_larger_text_are_stored_for_the_next_start(
    qtbot: QtBot, app_context: AppContext
) -> None:
    screen = open_screen(qtbot, app_context)
    assert screen.language_combo.currentData() == "system"
    assert not screen.restart_note.isVisible()
    screen.language_combo.setCurrentIndex(screen.language_combo.findData("en"))
    screen.large_text_check.setChecked(True)
    assert screen.restart_note.isVisible() and "重新启动" in screen.restart_note.text()
    settings = QSettings()
    assert settings.value(LANGUAGE_KEY) == "en"
    assert str(settings.value(LARGE_TEXT_KEY)).lower() == "true"
    assert resolve_language("en") == "en" and resolve_language("zh_CN") == "zh_CN"


def test_backup_now_writes_a_verified_file(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_complaint(app_context.context(), complaint_draft())
    screen = open_screen(qtbot, app_context)
    usb = tmp_path / "U盘"
    usb.mkdir()
    monkeypatch.setattr(screen, "choose_folder", lambda _title, _start: usb)
    screen.change_backup_folder()
    qtbot.waitUntil(lambda: screen.folder_edit.text() == str(usb.resolve()))
    assert configured_backup_folder() == usb.resolve()

    screen.backup_button.click()
    qtbot.waitUntil(lambda: "已备份到" in screen.backup_note.text(), timeout=10_000)
    backups = list(usb.glob("station-TJ001-*.sqlite3"))
    assert len(backups) == 1 and str(backups[0]) in screen.backup_note.text()
    assert screen.backup_button.isEnabled() and screen.progress is None

    elsewhere = tmp_path / "另一个"
    elsewhere.mkdir()
    monkeypatch.setattr(screen, "choose_folder", lambda _title, _start: elsewhere)
    screen.backup_note.clear()
    app_context.clock.advance(minutes=1)  # type: ignore[attr-defined]
    screen.backup_elsewhere_button.click()
    qtbot.waitUntil(lambda: "已备份到" in screen.backup_note.text(), timeout=10_000)
    assert len(list(elsewhere.glob("*.sqlite3"))) == 1


def test_restore_asks_in_plain_words_then_replaces_and_keeps_the_current_aside(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_complaint(app_context.context(), complaint_draft())
    backup = backup_database(
        app_context.installation.db,
        tmp_path / "usb",
        station_code="TJ001",
        clock=app_context.clock,
    )
    register_complaint(app_context.context(), complaint_draft(subject="备份之后登记的"))
    screen = open_screen(qtbot, app_context)
    refreshed = []
    app_context.jobs.changes_committed.connect(
        lambda changes: refreshed.append(True) if changes.touches("complaints") else None
    )
    monkeypatch.setattr(screen, "choose_backup_file", lambda _start: backup)
    asked: list[str] = []

    def decline(info: BackupInfo, taken_at: dt.datetime) -> bool:
        asked.append(screen.restore_question(info, taken_at))
        return False

    monkeypatch.setattr(screen, "confirm_restore", decline)
    screen.restore_button.click()
    qtbot.waitUntil(lambda: bool(asked))
    assert "1 件投诉" in asked[0] and "0 条来访" in asked[0]
    assert "2026" in asked[0] and "另存" in asked[0]
    assert Complaint.select().count() == 2  # declined: nothing changed

    monkeypatch.setattr(screen, "confirm_restore", lambda _info, _taken: True)
    screen.restore_button.click()
    qtbot.waitUntil(lambda: "已从" in screen.backup_note.text(), timeout=10_000)
    assert Complaint.select().count() == 1
    assert refreshed
    aside = list(app_context.installation.paths.backups.glob("replaced-*.sqlite3"))
    assert len(aside) == 1 and str(aside[0]) in screen.backup_note.text()
    # the program goes on working on the restored database, on every thread
    register_complaint(app_context.context(), complaint_draft(subject="恢复之后登记的"))
    done = []
    app_context.jobs.run_write(lambda: Complaint.select().count(), done.append)
    qtbot.waitUntil(lambda: done == [2])


def test_restore_refuses_another_stations_backup(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = backup_database(
        app_context.installation.db,
        tmp_path / "usb",
        station_code="TJ001",
        clock=app_context.clock,
    )
    screen = open_screen(qtbot, app_context)
    screen.station_code = "TJ009"  # as if this laptop belonged to another station
    problems: list[str] = []
    monkeypatch.setattr(screen, "show_problem", lambda error: problems.append(str(error)))
    monkeypatch.setattr(screen, "choose_backup_file", lambda _start: backup)
    monkeypatch.setattr(screen, "confirm_restore", lambda *_: pytest.fail("must not ask"))
    screen.restore_button.click()
    qtbot.waitUntil(lambda: bool(problems))
    assert "TJ001" in problems[0] and "不能恢复" in problems[0]
