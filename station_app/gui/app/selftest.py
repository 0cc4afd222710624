"""``station-app --selftest``: prove that a build (source, wheel or frozen bundle) works.

In a temporary data directory, and on Qt's offscreen platform whatever the machine has:

1. the shipped resources load (code lists, legal rule sets, the English translation);
2. a new database is created and migrated to the latest schema, and passes SQLite's checks;
3. a complaint is registered, read back, and found again by full-text search;
4. the window starts: the main window, the complaint form (editing that complaint) and a Qt
   Charts chart are rendered to images, which must show more than a blank background.

It prints one line, ``station selftest OK: …`` on stdout with exit status 0, or
``station selftest FAILED at <step>: <reason>`` on stderr with exit status 1. The windowed Windows
build has no console: there the line is written to ``%TEMP%\\station-selftest.txt`` instead. Nothing
else outside the temporary directory is touched (window settings go to a temporary ini file).

Also here, for ``benchmarks/bench_startup.py``: ``watch_first_paint(app)``, which prints a
timestamp when the main window is first painted if ``STATION_REPORT_FIRST_PAINT`` is set.

Part of the window (it tests it); Qt is imported inside functions so that the resource and
database steps run, and fail clearly, before Qt is loaded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

FIRST_PAINT_ENV = "STATION_REPORT_FIRST_PAINT"  # "1": report; "quit": report, then quit
FIRST_PAINT_PREFIX = "station-first-paint"
SELFTEST_REPORT = "station-selftest.txt"  # where the result goes when there is no console
SELFTEST_STATION = ("ST001", "自检服务站")
# a rendered widget must differ from its background colour in at least this share of pixels
MIN_DRAWN_SHARE = 0.005
# what Qt says on the offscreen platform about things it cannot do there: not a problem
OFFSCREEN_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})


class SelftestFailed(Exception):
    """A check that did not hold; the message says what was found."""


class _Steps:
    """The step being run, so a failure names it."""

    def __init__(self) -> None:
        self.current = "start"
        self.done: list[str] = []

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        self.current = name
        yield
        self.done.append(name)


class _WarningCounter(logging.Handler):
    """Counts warnings logged during the self-test (Qt's own included), keeps the first."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.first: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() in OFFSCREEN_NOISE:
            return
        self.count += 1
        if self.first is None:
            self.first = record.getMessage()


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelftestFailed(message)


def drawn_share(widget: QWidget) -> float:
    """The share of pixels of ``widget.grab()`` that differ from the top-left pixel's colour."""
    image = widget.grab().toImage()
    width, height = image.width(), image.height()
    _check(width > 0 and height > 0, "the rendered image is empty")
    background = image.pixel(0, 0)
    step = 2  # every other pixel in each direction is plenty
    total = differing = 0
    for y in range(0, height, step):
        for x in range(0, width, step):
            total += 1
            if image.pixel(x, y) != background:
                differing += 1
    return differing / total


def _check_resources() -> str:
    from station_app import codes
    from station_app.paths import resource_path
    from station_app.workflow.rule_sets import shipped_rule_sets

    channels = codes.code_list("channel").entries()
    _check(len(channels) > 0, "the channel code list is empty")
    rule_sets = shipped_rule_sets()
    _check(len(rule_sets) > 0, "no legal rule set was found")
    qm_path = resource_path("translations", "station_en.qm")
    _check(qm_path.stat().st_size > 0, f"{qm_path} is empty")
    for language in ("zh_CN", "en"):  # the guide F1 opens
        page = resource_path("help", language, "index.md")
        _check(page.stat().st_size > 0, f"{page} is empty")
    return f"{len(rule_sets)} rule sets"


def _check_database(data_dir: Path) -> tuple[Any, int]:
    from station_app.backup import check_database
    from station_app.installation import (
        LATEST_SCHEMA,
        Credentials,
        NewHead,
        init_station,
        open_installation,
    )
    from station_app.security.accounts import forget_keys

    # an encrypted database, as every installation has: SQLCipher, argon2id and age in the build
    password = secrets.token_urlsafe(12)
    open_installation(data_dir, NewHead("selftest", "自检", password)).close()
    _check_recovery_wrap(data_dir)
    forget_keys()
    installation = open_installation(data_dir, Credentials("selftest", password))
    _check(installation.encrypted, "the database was not opened encrypted")
    version = installation.schema_version()
    _check(
        version == LATEST_SCHEMA,
        f"schema version {version} after migration, expected {LATEST_SCHEMA}",
    )
    problems = check_database(installation.db)
    _check(not problems, f"database check: {'; '.join(problems[:3])}")
    code, name = SELFTEST_STATION
    init_station(installation, code=code, name=name, county_code="511921")
    return installation, version


def _check_recovery_wrap(data_dir: Path) -> None:
    """The data key wrapped for an age recipient (the county's recovery key) comes back."""
    import pyrage

    from station_app.paths import DataPaths
    from station_app.security.accounts import unlocked_key
    from station_app.security.keyfile import KeyFile

    keys = KeyFile.load(DataPaths(data_dir).key_file)
    key = unlocked_key(keys.key_id)
    _check(key is not None, "the data key is not held after creating the database")
    assert key is not None
    county = pyrage.x25519.Identity.generate()
    keys.set_recovery(key, str(county.to_public()))
    recovered = keys.unwrap_with_identity(str(county))
    _check(recovered is not None and recovered.raw == key.raw, "age recovery wrap failed")


def _check_complaint(installation: Any) -> tuple[int, str]:
    from station_app.registry.complaints import ComplaintDraft, get_complaint, register_complaint
    from station_app.registry.people import PersonDraft
    from station_app.registry.search import search_complaints

    received = dt.datetime.now().replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    draft = ComplaintDraft(
        received_at=received,
        channel="visit",
        complainants=[PersonDraft(name="李桂兰", phone="13881234567")],
        respondent_name="诺江镇惠民农资店",
        subject="复合肥",
        category_code="G10",
        natures=["quality"],
        facts="购买的复合肥结块严重，施用后玉米苗发黄，店主拒绝退货。",
        demands=["refund"],
        amount_paid_fen=36000,
    )
    saved = register_complaint(installation.context(actor="自检"), draft)
    read = get_complaint(saved.id)
    _check(read.number == saved.number, "the complaint read back has another number")
    for field in ("respondent_name", "subject", "facts", "amount_paid_fen"):
        _check(
            getattr(read, field) == getattr(draft, field),
            f"the complaint read back has another {field}: {getattr(read, field)!r}",
        )
    found = [row.number for row in search_complaints("玉米苗")]
    _check(saved.number in found, f"full-text search did not find {saved.number}: {found}")
    database = installation.paths.database
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            _check("玉米苗".encode() not in path.read_bytes(), f"plain text in {path.name}")
    return saved.id, saved.number


def _check_window(installation: Any, complaint_id: int, lang: str, folder: Path) -> str:
    from PySide6.QtCore import QCoreApplication, QSettings, QTranslator, qInstallMessageHandler

    from station_app.gui.app.application import create_application, log_qt_message
    from station_app.gui.app.context import AppContext
    from station_app.gui.app.jobs import JobRunner
    from station_app.gui.app.main_window import MainWindow
    from station_app.gui.complaints.form import ComplaintForm
    from station_app.paths import resource_path

    app = create_application(lang)
    qInstallMessageHandler(log_qt_message)
    platform = app.platformName()
    _check(platform == "offscreen", f"Qt platform is {platform!r}, not offscreen")

    translator = QTranslator()
    _check(
        translator.load(str(resource_path("translations", "station_en.qm"))),
        "the English translation does not load",
    )
    english = translator.translate("MainWindow", "工作台")
    _check(bool(english) and english != "工作台", "the English translation lacks 工作台")
    if lang == "zh_CN":  # Qt's own dialogs (file chooser, print dialog, buttons) in Chinese
        qt_context = (
            "QPlatformTheme"  # Qt's own message: a variable keeps lupdate from collecting it
        )
        cancel = QCoreApplication.translate(qt_context, "Cancel")
        _check(cancel == "取消", f"Qt's Chinese (qtbase_zh_CN.qm) is not loaded: {cancel!r}")

    settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
    context = AppContext(installation=installation, jobs=JobRunner(), actor="自检")
    try:
        window = MainWindow(context, settings=settings)
        window.resize(1280, 720)
        window.show()
        QCoreApplication.processEvents()
        window_share = drawn_share(window)
        _check(
            window_share >= MIN_DRAWN_SHARE, f"the main window renders blank ({window_share:.2%})"
        )
        screens = len(window.screens)

        form = ComplaintForm(context, complaint_id=complaint_id)
        form.show()
        QCoreApplication.processEvents()
        form_share = drawn_share(form)
        _check(
            form_share >= MIN_DRAWN_SHARE, f"the complaint form renders blank ({form_share:.2%})"
        )
        form.close()
        window.close()

        chart_share = drawn_share(_chart_view())
        _check(chart_share >= MIN_DRAWN_SHARE, f"a chart renders blank ({chart_share:.2%})")
        form.deleteLater()
        window.deleteLater()
        QCoreApplication.processEvents()
    finally:
        context.jobs.shutdown()
    settings.sync()
    return (
        f"{screens} screens, window {window_share:.0%} drawn, form {form_share:.0%} drawn, "
        f"chart {chart_share:.0%} drawn"
    )


def _chart_view() -> QWidget:
    """A small bar chart (Qt Charts, which the statistics screen draws with)."""
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView

    bars = QBarSet("投诉")
    bars.append([3, 5, 2, 8])
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    view = QChartView(chart)
    view.resize(400, 300)
    return view


def run_selftest(lang: str = "zh_CN") -> int:
    """Run every check; print one line; 0 when all pass, 1 otherwise."""
    started = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never needs (or opens on) a display
    steps = _Steps()
    warnings = _WarningCounter()
    root = logging.getLogger()
    root.addHandler(warnings)
    level = root.level
    if level > logging.WARNING or level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    installation: Any = None
    try:
        with tempfile.TemporaryDirectory(prefix="station-selftest-") as tmp:
            folder = Path(tmp)
            try:
                with steps.step("resources"):
                    resources = _check_resources()
                with steps.step("database"):
                    installation, version = _check_database(folder / "data")
                with steps.step("complaint"):
                    complaint_id, number = _check_complaint(installation)
                with steps.step("window"):
                    window = _check_window(installation, complaint_id, lang, folder)
            finally:
                if installation is not None:
                    installation.close()
    except Exception as error:  # every failure becomes the one line, whatever it is
        reason = str(error) or type(error).__name__
        if not isinstance(error, SelftestFailed):
            reason = f"{type(error).__name__}: {reason}"
        _say(f"station selftest FAILED at {steps.current}: {reason}", sys.stderr)
        return 1
    finally:
        root.removeHandler(warnings)
        root.setLevel(level)
    elapsed = time.perf_counter() - started
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    noted = f"; {warnings.count} warnings, first: {warnings.first}" if warnings.count else ""
    _say(
        f"station selftest OK ({frozen}, {elapsed:.1f} s): {resources}; schema v{version}; "
        f"complaint {number} written, read and found; {window}{noted}",
        sys.stdout,
    )
    return 0


def _say(line: str, stream: TextIO | None) -> None:
    """Print ``line``; a windowed Windows build has no console (``sys.stdout`` is None), so
    there the line goes to ``station-selftest.txt`` in the temporary folder instead."""
    if stream is not None:
        print(line, file=stream, flush=True)
        return
    with contextlib.suppress(OSError):
        Path(tempfile.gettempdir(), SELFTEST_REPORT).write_text(line + "\n", encoding="utf-8")


def watch_first_paint(app: QApplication, out: Callable[[str], None] | None = None) -> None:
    """If ``STATION_REPORT_FIRST_PAINT`` is set, print when the first screen is first painted.

    The first screen is the main window, or the sign-in dialog of an encrypted installation. The
    line is ``station-first-paint <time.time()>``, written once its first paint event has been
    handled (all its children paint in the same pass). With the value
    ``quit`` the application then quits, so a benchmark can launch it again and again.
    """
    mode = os.environ.get(FIRST_PAINT_ENV, "")
    if not mode or mode == "0":
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    def report() -> None:
        line = f"{FIRST_PAINT_PREFIX} {time.time():.6f}"
        if out is not None:
            out(line)
        else:
            print(line, flush=True)
        if mode == "quit":
            app.quit()

    from station_app.gui.app.sign_in_dialog import SignInDialog

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            # the first screen: the main window, or the sign-in of an encrypted installation
            first_screen = isinstance(watched, QMainWindow | SignInDialog)
            if event.type() == QEvent.Type.Paint and first_screen:
                app.removeEventFilter(self)
                QTimer.singleShot(0, report)  # after this paint pass has been handled
            return False

    watcher = FirstPaint(app)
    app.installEventFilter(watcher)
