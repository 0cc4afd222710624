"""Benchmark: signing in, from Enter in the sign-in dialog to the first painted main window.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_sign_in.py [--complaints N] [--runs R]

Over an encrypted station with demo data, in this process (Qt's offscreen platform): the
sign-in dialog is shown with the password typed; the clock starts when Enter is pressed and
stops once the main window's first paint has been handled. In between: argon2id of the password
(the production parameters of ``station_app.security.kdf.PRODUCTION``), unwrapping the data
key, the start-up check of the database, opening it (SQLCipher, raw key), building and painting
the main window. Each run starts with no key held (as after a fresh start). The median of
``--runs``; target: under 1 s (issue 15). Baseline: the argon2id derivation alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from benchmarks.report_table import Result, report  # noqa: E402
from station_app.clock import FixedClock  # noqa: E402
from station_app.demo import generate_demo  # noqa: E402
from station_app.gui.app import main as gui_main  # noqa: E402
from station_app.gui.app.sign_in_dialog import SignInDialog  # noqa: E402
from station_app.installation import NewHead, init_station, open_installation  # noqa: E402
from station_app.paths import DataPaths  # noqa: E402
from station_app.security import kdf  # noqa: E402
from station_app.security.accounts import forget_keys  # noqa: E402

TARGET_S = 1.0
HEAD = NewHead("head", "站长", "bench-password-1")
CLOCK = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))


def prepare(root: Path, complaints: int) -> DataPaths:
    installation = open_installation(root, HEAD)
    init_station(installation, code="TJ001", name="通江县诺江镇消费维权服务站", clock=CLOCK)
    generate_demo(installation.context(clock=CLOCK), complaints=complaints,
                  visits=complaints, seed=1)  # fmt: skip
    installation.close()
    forget_keys()
    return installation.paths


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        first = self.painted_at is None and isinstance(watched, QMainWindow)
        if first and event.type() == QEvent.Type.Paint:
            self.painted_at = time.perf_counter()
        return False


def one_sign_in(app: QApplication, paths: DataPaths, settings: Path) -> float:
    dialog = SignInDialog(paths)
    dialog.show()
    dialog.password_edit.setText(HEAD.password)
    app.processEvents()
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    started = time.perf_counter()
    QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter
    while dialog.checking:  # the password is checked on a worker
        app.processEvents()
    assert dialog.signed_in is not None, dialog.error_label.text()
    installation = gui_main.open_checked_installation(paths, dialog)
    assert installation is not None
    window = gui_main.start_window(
        installation, QSettings(str(settings), QSettings.Format.IniFormat)
    )
    window.show()
    deadline = time.perf_counter() + 30
    while watcher.painted_at is None and time.perf_counter() < deadline:
        app.processEvents()
    took = (watcher.painted_at or float("inf")) - started
    app.removeEventFilter(watcher)
    window.app.jobs.shutdown()
    window.close()
    window.deleteLater()
    installation.close()
    forget_keys()
    app.processEvents()
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench_sign_in_") as temporary:
        root = Path(temporary)
        paths = prepare(root / "data", args.complaints)
        one_sign_in(app, paths, root / "warm.ini")  # warm-up: imports, file cache
        times = [one_sign_in(app, paths, root / f"run{n}.ini") for n in range(args.runs)]
        params = kdf.PRODUCTION
        started = time.perf_counter()
        kdf.derive(HEAD.password, bytes(16), params)
        derive_s = time.perf_counter() - started
    median = statistics.median(times)
    stated = f"argon2id t={params.time_cost}, m={params.memory_kib // 1024} MiB, p={params.lanes}"
    results = [
        Result(
            f"sign-in: Enter to first painted window ({args.complaints:,} complaints)",
            f"{median:6.2f} s",
            f"< {TARGET_S:g} s",
            f"runs {', '.join(f'{t:.2f}' for t in times)}",
            median < TARGET_S,
        ),
        Result(f"  of which {stated}", f"{derive_s:6.2f} s", "", "one derivation", None),
    ]
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
