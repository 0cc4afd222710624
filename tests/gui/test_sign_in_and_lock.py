"""Signing in, the lock (idle and Ctrl+L), unlocking, and the audit log naming who signed in."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from station_app.backup_schedule import configured_backup_folder
from station_app.clock import FixedClock
from station_app.gui.app import main as gui_main
from station_app.gui.app import sign_in_dialog
from station_app.gui.app.lock import WindowLock
from station_app.gui.app.main_window import MainWindow
from station_app.gui.app.sign_in_dialog import SignInDialog
from station_app.gui.settings.accounts_section import AccountsGroup
from station_app.gui.settings.screen import SettingsScreen
from station_app.installation import Credentials, init_station, open_installation
from station_app.paths import DataPaths
from station_app.registry.officers import add_officer, list_officers
from station_app.security import accounts
from station_app.security.accounts import OFFICER, add_account
from station_app.store.access_models import AccessEntry
from station_app.store.models import AuditEntry

from ..conftest import STATION_CODE, TEST_HEAD, TEST_PASSWORD
from .save_complaint_then_hang import fill_complaint_form

OFFICER_NAME = "李联络员"
OFFICER_PASSWORD = "officer-pass"


@pytest.fixture
def paths(tmp_path: Path, clock: FixedClock) -> DataPaths:
    """An encrypted station with the head's account and an officer's; no key held in memory."""
    inst = open_installation(tmp_path / "data", TEST_HEAD)
    init_station(inst, code=STATION_CODE, name="诺江镇服务站", clock=clock)
    assert inst.keys is not None and inst.data_key is not None
    add_account(inst.keys, inst.data_key, login="li", name=OFFICER_NAME, role=OFFICER,
                password=OFFICER_PASSWORD)  # fmt: skip
    inst.close()
    accounts.forget_keys()
    return inst.paths


def sign_in_as(qtbot: QtBot, dialog: SignInDialog, login: str, password: str) -> None:
    """Choose ``login``, type ``password``, click the button, and wait for the check."""
    dialog.account_combo.setCurrentIndex(dialog.account_combo.findData(login))
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.checking, timeout=10_000)


def test_sign_in_lock_on_idle_unlock_and_the_audit_names_the_officer(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock
) -> None:
    dialog = SignInDialog(paths, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "登录"
    sign_in_as(qtbot, dialog, "li", "wrong-password")
    assert dialog.error_label.isVisible() and "不正确" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    sign_in_as(qtbot, dialog, "li", OFFICER_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed_in is not None and dialog.signed_in.name == OFFICER_NAME

    installation = gui_main.open_checked_installation(paths, dialog)
    assert installation is not None and installation.encrypted
    window = gui_main.start_window(installation, QSettings())
    qtbot.addWidget(window)
    window.app.clock = clock
    window.show()
    qtbot.waitExposed(window)
    lock: WindowLock = window.lock  # type: ignore[attr-defined]
    assert window.app.actor == OFFICER_NAME
    assert "settings" in window.screens and window.screens["settings"].accounts_group is None

    # typing in a form, not saved yet
    form = window.screens["complaints"].new_complaint()
    ui = form.ui
    fill_complaint_form(form)

    # nobody touches the keyboard: the window locks by itself
    lock.idle_seconds = 0.3
    lock.timer.setInterval(50)
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert lock.dialog is not None and lock.dialog.isVisible()
    assert lock.dialog.isFullScreen() and lock.dialog.windowTitle() == "已锁定"
    lock.dialog.reject()  # Esc does not get round the lock
    assert lock.locked
    lock.timer.stop()
    sign_in_as(qtbot, lock.dialog, "li", "wrong-password")
    assert lock.locked and lock.dialog.error_label.isVisible()
    sign_in_as(qtbot, lock.dialog, "li", OFFICER_PASSWORD)
    assert not lock.locked
    # what was typed survived the lock
    assert form.isVisible() and ui.complainantName.text() == "杜秀芳"
    assert ui.facts.toPlainText().startswith("电饭煲")

    saved: list[int] = []
    form.saved.connect(saved.append)
    ui.saveButton.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    actors = {entry.actor for entry in AuditEntry.select()}
    assert OFFICER_NAME in actors and "联络员" not in actors
    # the respondent is not in the business register: the form offers to add it; not now
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5000)
    offer = QApplication.activeModalWidget()
    assert offer is not None and offer.objectName() == "businessOffer"
    offer.reject()

    # 锁定 (Ctrl+L) locks at once
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.locked
    sign_in_as(qtbot, lock.dialog, "li", OFFICER_PASSWORD)
    assert not lock.locked
    # the sign-in and both unlocks are in the access log, each naming the officer
    signed = AccessEntry.select().where(AccessEntry.kind == "sign_in")
    qtbot.waitUntil(lambda: signed.count() == 3, timeout=10_000)
    assert {entry.actor for entry in signed} == {OFFICER_NAME}
    window.app.jobs.shutdown()
    installation.close()


def test_the_password_is_checked_off_the_gui_thread_and_the_dialog_says_so(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """argon2id takes a second or more on an old laptop: meanwhile the window keeps painting and
    the dialog says it is checking, with nothing to click twice."""
    release = threading.Event()
    checked_on: list[threading.Thread] = []

    def slow_sign_in(*args: object) -> object:
        checked_on.append(threading.current_thread())
        release.wait(10)
        return accounts.sign_in(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sign_in_dialog, "sign_in", slow_sign_in)
    dialog = SignInDialog(paths, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.account_combo.setCurrentIndex(dialog.account_combo.findData("li"))
    dialog.password_edit.setText(OFFICER_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(checked_on))
    assert checked_on[0] is not threading.main_thread()
    assert dialog.checking and dialog.checking_label.isVisible()
    assert dialog.checking_label.text() == "正在核对密码…"
    assert not dialog.ok_button.isEnabled() and not dialog.password_edit.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # a second click: nothing
    qtbot.wait(50)  # the GUI thread runs its events meanwhile
    assert len(checked_on) == 1 and dialog.result() != QDialog.DialogCode.Accepted
    release.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert not dialog.checking and not dialog.checking_label.isVisible()
    assert dialog.signed_in is not None and dialog.signed_in.name == OFFICER_NAME
    assert dialog.key is not None and len(checked_on) == 1


def test_the_station_head_sees_accounts_and_adds_an_officer(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock
) -> None:
    dialog = SignInDialog(paths, clock)
    qtbot.addWidget(dialog)
    sign_in_as(qtbot, dialog, TEST_HEAD.login, TEST_PASSWORD)
    installation = gui_main.open_checked_installation(paths, dialog)
    assert installation is not None
    window = gui_main.start_window(installation, QSettings())
    qtbot.addWidget(window)
    group = window.screens["settings"].accounts_group
    assert isinstance(group, AccountsGroup)
    assert group.model.rowCount() == 2 and group.minutes_spin.value() == 10
    window.app.jobs.shutdown()
    installation.close()


def window_signed_in(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock, login: str, password: str
) -> MainWindow:
    """The main window as ``login`` sees it after signing in."""
    dialog = SignInDialog(paths, clock)
    qtbot.addWidget(dialog)
    sign_in_as(qtbot, dialog, login, password)
    installation = gui_main.open_checked_installation(paths, dialog)
    assert installation is not None
    window = gui_main.start_window(installation, QSettings())
    qtbot.addWidget(window)
    return window


def test_an_officer_sees_neither_the_access_log_nor_the_personal_data_tools(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock
) -> None:
    def window_of(login: str, password: str) -> MainWindow:
        return window_signed_in(qtbot, paths, clock, login, password)

    window = window_of("li", OFFICER_PASSWORD)
    assert "access_log" not in window.screens and "complaints" in window.screens
    settings = window.screens["settings"]
    assert isinstance(settings, SettingsScreen)
    assert settings.personal_data_group is None and settings.accounts_group is None
    window.app.jobs.shutdown()
    window.app.installation.close()
    accounts.forget_keys()

    window = window_of(TEST_HEAD.login, TEST_PASSWORD)
    assert "access_log" in window.screens
    settings = window.screens["settings"]
    assert isinstance(settings, SettingsScreen) and settings.personal_data_group is not None
    window.app.jobs.shutdown()
    window.app.installation.close()


def settings_signed_in(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock, login: str, password: str
) -> tuple[MainWindow, SettingsScreen]:
    """The main window as ``login`` sees it after signing in, showing its 设置 screen."""
    window = window_signed_in(qtbot, paths, clock, login, password)
    settings = window.screens["settings"]
    assert isinstance(settings, SettingsScreen)
    window.show()
    window.show_screen("settings")
    qtbot.waitExposed(window)
    return window, settings


def test_an_officer_may_back_up_but_neither_restore_nor_change_the_station_the_head_may(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, settings = settings_signed_in(qtbot, paths, clock, "li", OFFICER_PASSWORD)
    # backing up stays; restoring is not offered, and a note says who may
    assert settings.backup_button.isVisible() and settings.backup_button.isEnabled()
    assert settings.backup_elsewhere_button.isVisible()
    assert not settings.restore_button.isVisible()
    assert settings.restore_locked_note.isVisible()
    assert "站长" in settings.restore_locked_note.text()
    # the station's details are shown, not editable, with no save buttons and a note why
    assert settings.name_edit.text() == "诺江镇服务站"
    for field in (settings.name_edit, settings.county_edit, settings.kind_combo):
        assert field.isVisible() and not field.isEnabled()
    assert not settings.office_edit.isEnabled()
    assert not settings.save_station_button.isVisible()
    assert not settings.save_kind_button.isVisible()
    assert settings.station_locked_note.isVisible()
    assert settings.station_locked_note.text() == "只有站长（县消协负责人）可以修改本站信息。"
    assert "请站长按本站实际选择后保存" in settings.kind_note.text()
    qtbot.keyClicks(settings.name_edit, "new name")
    assert settings.name_edit.text() == "诺江镇服务站"
    # reached all the same (the buttons are hidden): refused, naming the role, nothing asked
    refusals: list[str] = []
    monkeypatch.setattr(settings, "show_problem", lambda error: refusals.append(str(error)))
    monkeypatch.setattr(settings, "choose_backup_file", lambda _start: pytest.fail("not asked"))
    settings.restore_from_backup()
    settings.save_station()
    settings.save_kind()
    assert (
        refusals
        == ["只有站长（县消协负责人）可以从备份恢复或修改本站信息；李联络员的角色是联络员。"] * 3
    )
    identity = window.app.installation.identity()
    assert identity is not None and identity.name == "诺江镇服务站"
    window.app.jobs.shutdown()
    window.app.installation.close()
    accounts.forget_keys()

    window, settings = settings_signed_in(qtbot, paths, clock, TEST_HEAD.login, TEST_PASSWORD)
    assert settings.restore_button.isVisible() and settings.restore_button.isEnabled()
    assert not settings.restore_locked_note.isVisible()
    for field in (settings.name_edit, settings.county_edit, settings.kind_combo):
        assert field.isEnabled()
    assert settings.save_station_button.isVisible() and settings.save_kind_button.isVisible()
    assert not settings.station_locked_note.isVisible()
    settings.name_edit.setText("诺江镇消费维权服务站")
    settings.save_station()
    qtbot.waitUntil(lambda: settings.station_note.text() == "已保存。")
    identity = window.app.installation.identity()
    assert identity is not None and identity.name == "诺江镇消费维权服务站"
    window.app.jobs.shutdown()
    window.app.installation.close()


def test_an_officer_neither_changes_the_officers_nor_the_backup_folder_the_head_may(
    qtbot: QtBot,
    paths: DataPaths,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The officers' names go on every record and paper, and the backup folder decides where
    copies of every record go: an officer sees both, changes neither."""
    inst = open_installation(paths.root, Credentials(TEST_HEAD.login, TEST_PASSWORD))
    add_officer(inst.context(), "赵联络员")
    inst.close()
    accounts.forget_keys()

    window, settings = settings_signed_in(qtbot, paths, clock, "li", OFFICER_PASSWORD)
    assert [row.name for row in settings.officer_model.rows] == ["赵联络员"]
    assert not settings.add_officer_button.isVisible()
    assert not settings.toggle_officer_button.isVisible()
    assert settings.officers_locked_note.isVisible()
    assert "站长" in settings.officers_locked_note.text()
    assert settings.folder_edit.isVisible() and not settings.change_folder_button.isVisible()
    assert "更改备份文件夹" in settings.restore_locked_note.text()
    # reached all the same (the buttons are hidden): refused, naming the role, nothing asked
    refusals: list[str] = []
    monkeypatch.setattr(settings, "show_problem", lambda error: refusals.append(str(error)))
    monkeypatch.setattr(settings, "choose_folder", lambda *_args: pytest.fail("not asked"))
    settings.officer_table.selectRow(0)
    settings.toggle_selected_officer()
    assert settings.open_add_officer() is None
    settings.change_backup_folder()
    assert refusals == [
        "只有站长（县消协负责人）可以添加或停用联络员；李联络员的角色是联络员。",
        "只有站长（县消协负责人）可以添加或停用联络员；李联络员的角色是联络员。",
        "只有站长（县消协负责人）可以更改备份文件夹；李联络员的角色是联络员。",
    ]
    assert window.app.jobs.wait_idle()
    assert [(o.name, o.active) for o in list_officers(STATION_CODE)] == [("赵联络员", True)]
    assert configured_backup_folder() is None
    window.app.jobs.shutdown()
    window.app.installation.close()
    accounts.forget_keys()

    window, settings = settings_signed_in(qtbot, paths, clock, TEST_HEAD.login, TEST_PASSWORD)
    assert settings.add_officer_button.isVisible() and settings.toggle_officer_button.isVisible()
    assert settings.change_folder_button.isVisible()
    assert not settings.officers_locked_note.isVisible()
    settings.officer_table.selectRow(0)
    settings.toggle_selected_officer()
    qtbot.waitUntil(lambda: not list_officers(STATION_CODE)[0].active)
    folder = tmp_path / "U盘"
    folder.mkdir()
    monkeypatch.setattr(settings, "choose_folder", lambda *_args: folder)
    settings.change_backup_folder()
    assert window.app.jobs.wait_idle()
    assert configured_backup_folder() == folder.resolve()
    window.app.jobs.shutdown()
    window.app.installation.close()


def test_a_head_unlocking_an_officer_s_window_gets_the_head_s_screens(
    qtbot: QtBot, paths: DataPaths, clock: FixedClock
) -> None:
    """The officer locks the window; the station head unlocks it with their own password: from
    then on the log names the head, and the window offers what the head may do (the access
    log, the personal-data and account sections, restoring, the station's details), with the
    officer's unsaved form still open underneath."""
    window = window_signed_in(qtbot, paths, clock, "li", OFFICER_PASSWORD)
    window.show()
    qtbot.waitExposed(window)
    form = window.screens["complaints"].new_complaint()
    fill_complaint_form(form)
    lock: WindowLock = window.lock  # type: ignore[attr-defined]
    lock.timer.stop()
    lock.lock()
    assert lock.locked and lock.dialog is not None
    sign_in_as(qtbot, lock.dialog, TEST_HEAD.login, TEST_PASSWORD)
    assert not lock.locked
    assert window.app.actor == TEST_HEAD.name
    assert form.isVisible() and form.ui.complainantName.text() == "杜秀芳"

    keys = window.screen_keys()
    assert keys.index("roster") < keys.index("access_log") < keys.index("settings")
    sidebar = [window.sidebar.item(row).data(Qt.ItemDataRole.UserRole) for row in range(len(keys))]
    assert sidebar == keys and window.stack.count() == len(keys)
    for index, key in enumerate(keys):  # each sidebar row shows its own screen
        window.show_screen(key)
        assert window.stack.currentWidget() is window.screens[key]
        if index < 9:
            assert window.screen_actions[index].shortcut().toString() == f"Ctrl+{index + 1}"
            assert window.sidebar.item(index).toolTip().endswith(f"（Ctrl+{index + 1}）")
    settings = window.screens["settings"]
    assert isinstance(settings, SettingsScreen)
    window.show_screen("settings")
    assert settings.personal_data_group is not None and settings.personal_data_group.isVisible()
    assert settings.accounts_group is not None and settings.accounts_group.isVisible()
    assert settings.restore_button.isVisible() and not settings.restore_locked_note.isVisible()
    assert settings.name_edit.isEnabled() and settings.save_station_button.isVisible()
    assert TEST_HEAD.name in window.officer_label.text()
    window.app.jobs.shutdown()
    window.app.installation.close()
