"""The frozen program: ``station-app --selftest`` from source, and the PyInstaller bundle.

The slow test builds ``build.spec`` into a temporary folder, as a fresh clone would, runs the
bundle's own ``--selftest`` offscreen, and checks the folder stays under 200 MB. Its build time,
size and self-test line are reported as a warning (shown in pytest's summary) and as properties
of the test (``--junitxml``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from station_app.gui.app import selftest

ROOT = Path(__file__).resolve().parents[1]
MAX_DIST_BYTES = 200 * 1000 * 1000  # 200 MB
BUILD_TIMEOUT_S = 15 * 60
SELFTEST_TIMEOUT_S = 120


def offscreen_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("STATION_DATA_DIR", None)
    env.pop(selftest.FIRST_PAINT_ENV, None)
    return env


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (links counted as links, not as their targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def test_selftest_passes_from_source() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "station_app_main.py"), "--selftest"],
        cwd=ROOT,
        env=offscreen_env(),
        capture_output=True,
        text=True,
        timeout=SELFTEST_TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith("station selftest OK (source"), lines[0]
    assert "written, read and found" in lines[0]


def test_selftest_failure_is_one_line_naming_the_step(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing() -> str:
        raise FileNotFoundError("asset not found: resources/codes/channel.json")

    monkeypatch.setattr(selftest, "_check_resources", missing)
    # run_selftest sets QT_QPA_PLATFORM; have it put back afterwards
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    assert selftest.run_selftest() == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "station selftest FAILED at resources: "
        "FileNotFoundError: asset not found: resources/codes/channel.json\n"
    )


def test_selftest_without_a_console_writes_its_line_to_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    selftest._say("station selftest OK (frozen)", None)
    report = tmp_path / selftest.SELFTEST_REPORT
    assert report.read_text(encoding="utf-8") == "station selftest OK (frozen)\n"


def test_first_paint_is_reported_once_for_the_main_window(
    monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    assert isinstance(qapp, QApplication)
    lines: list[str] = []
    monkeypatch.setenv(selftest.FIRST_PAINT_ENV, "1")
    selftest.watch_first_paint(qapp, out=lines.append)
    label = QLabel("not the main window")
    label.show()
    window = QMainWindow()
    window.setCentralWidget(QLabel("工作台"))
    window.show()
    deadline = time.monotonic() + 10
    while not lines and time.monotonic() < deadline:
        window.update()
        QCoreApplication.processEvents()
    window.update()
    QCoreApplication.processEvents()
    window.close()
    label.close()
    assert len(lines) == 1, lines
    prefix, stamp = lines[0].split()
    assert prefix == selftest.FIRST_PAINT_PREFIX
    assert abs(float(stamp) - time.time()) < 60


def run_timed(command: list[str], timeout: float, **kwargs: object) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,  # type: ignore[call-overload]
    )
    took = time.perf_counter() - started
    output = (result.stdout + result.stderr)[-4000:]
    assert result.returncode == 0, f"{' '.join(command)} failed ({result.returncode}):\n{output}"
    return took, result.stdout.strip()


@pytest.mark.slow
def test_frozen_build_passes_its_selftest_and_stays_small(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    dist, work = tmp_path / "dist", tmp_path / "build"
    build_time, _ = run_timed(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        BUILD_TIMEOUT_S,
        cwd=ROOT,
    )
    bundle = dist / "station"
    executable = bundle / ("station.exe" if os.name == "nt" else "station")
    assert executable.exists(), f"no {executable} after the build"

    selftest_time, line = run_timed(
        [str(executable), "--selftest"], SELFTEST_TIMEOUT_S, env=offscreen_env(), cwd=tmp_path
    )
    size = folder_size(bundle)
    report = (
        f"frozen build: {build_time:.0f} s; dist/station {size / 1e6:.0f} MB "
        f"({size / 2**20:.0f} MiB); selftest {selftest_time:.1f} s: {line}"
    )
    record_property("build_seconds", round(build_time, 1))
    record_property("dist_bytes", size)
    record_property("selftest", line)
    warnings.warn(report, stacklevel=1)
    assert line.startswith("station selftest OK (frozen"), report
    assert size < MAX_DIST_BYTES, f"the bundle is too big: {report}"
