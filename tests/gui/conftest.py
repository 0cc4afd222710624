"""GUI fixtures: an AppContext over the test installation, and QSettings kept per test."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from station_app.clock import FixedClock
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobRunner
from station_app.gui.widgets import record_form
from station_app.installation import Installation

OFFICER = "王联络员"

# the offscreen platform's default screen is 800 pixels wide; test on the stations' 1366x768
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    _SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}
    _CONFIG = Path(tempfile.gettempdir()) / "station-offscreen-1366x768.json"
    _CONFIG.write_text(json.dumps({"screens": [_SCREEN]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_CONFIG}"


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path: Path, qapp: object) -> Iterator[None]:
    """Every ``QSettings()`` of a test reads and writes an ini file in its own temp folder."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder))
    yield
    QSettings.setDefaultFormat(previous)


@pytest.fixture
def app_context(installation: Installation, clock: FixedClock) -> Iterator[AppContext]:
    """What a screen is given: the test installation, a job runner, the fixed clock, an officer.

    The job runner is shut down at teardown (jobs finished, the writer's connection closed).
    """
    jobs = JobRunner()
    context = AppContext(installation=installation, jobs=jobs, clock=clock, actor=OFFICER)
    yield context
    jobs.shutdown()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Forms and dialogs a test leaves filled in close at teardown (pytest-qt closes them)
    without the modal question "放弃填写？", which would wait for a click nobody makes."""
    asking = record_form.ask_discard
    record_form.ask_discard = lambda parent: True
    try:
        yield
    finally:
        record_form.ask_discard = asking
