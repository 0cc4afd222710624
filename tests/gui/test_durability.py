"""A complaint saved in the window survives the process being killed right after the save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.backup import integrity_problems
from station_app.installation import init_station, open_installation

from ..conftest import connect_raw

SCRIPT = Path(__file__).with_name("save_complaint_then_hang.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_saved_complaint_survives_sigkill(tmp_path: Path) -> None:
    data = tmp_path / "data"
    installation = open_installation(data)
    init_station(installation, code="TJ001", name="诺江镇服务站")
    installation.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the window reports the save
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        _, stderr = process.communicate(timeout=30)
    word, _, number = line.strip().partition(" ")
    assert word == "SAVED", stderr
    assert process.returncode == -signal.SIGKILL

    with connect_raw(data / "station.sqlite3") as connection:
        assert integrity_problems(connection) == []
        rows = connection.execute(
            "SELECT number, respondent_name, facts FROM complaint WHERE deleted = 0"
        ).fetchall()
    assert rows == [(number, "通江县诺江镇鑫源家电城", "电饭煲用了三天就不加热，商家拒绝更换。")]
