"""One window per data directory: a second lock on the same directory is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station_app.gui.app import instance_guard
from station_app.gui.app.instance_guard import InstanceGuard, already_running_message
from station_app.paths import DataPaths


def test_second_guard_on_same_dir_refused_other_dir_allowed(tmp_path: Path, qapp: object) -> None:
    first = InstanceGuard(DataPaths(tmp_path / "a").lock_file)
    second = InstanceGuard(DataPaths(tmp_path / "a").lock_file)
    other = InstanceGuard(DataPaths(tmp_path / "b").lock_file)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert other.acquire()
        first.release()
        assert second.acquire()  # free again once the first window closes
    finally:
        for guard in (first, second, other):
            guard.release()


def test_lock_left_by_a_crashed_program_is_taken_over(tmp_path: Path, qapp: object) -> None:
    lock_path = DataPaths(tmp_path).lock_file
    crashed = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)  # dies holding the lock\n"
    )
    subprocess.run([sys.executable, "-c", crashed, str(lock_path)], check=True, timeout=60)
    assert lock_path.exists()
    guard = InstanceGuard(lock_path)
    try:
        assert guard.acquire()
    finally:
        guard.release()


def test_unreadable_lock_file_is_removed(tmp_path: Path, qapp: object) -> None:
    lock_path = DataPaths(tmp_path).lock_file
    lock_path.write_bytes(b"")  # a crash while the lock was being written
    guard = InstanceGuard(lock_path)
    try:
        assert guard.acquire()
    finally:
        guard.release()


def test_refusal_message_names_the_data_directory(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert already_running_message(tmp_path) == (
        f"程序已在运行（数据目录：{tmp_path}），请切换到已打开的窗口。"
    )
    shown: list[str] = []
    monkeypatch.setattr(instance_guard.QMessageBox, "exec", lambda box: shown.append(box.text()))
    instance_guard.refuse_second_instance(tmp_path)
    assert shown == [already_running_message(tmp_path)]


def test_station_app_refuses_to_start_twice_on_one_data_dir(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from station_app import app_log
    from station_app.gui.app import main as gui_app

    paths = DataPaths(tmp_path / "data").ensure()
    running = InstanceGuard(paths.lock_file)
    assert running.acquire()
    refused: list[Path] = []
    monkeypatch.setattr(
        gui_app, "refuse_second_instance", lambda data_dir: refused.append(data_dir)
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    try:
        assert gui_app.main(["--data-dir", str(paths.root)]) == 1
    finally:
        running.release()
        app_log.close_logging()
    assert refused == [paths.root]
    assert not paths.database.exists()  # refused before the database was touched
