"""The English translation: complete, up to date with the sources, and really shown.

With ``station_en.qm`` installed and code lists in English, no Chinese may be left on the main
window, its screens and the two forms, except data: the station's code and name, villages and
officers from the roster.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from station_app import codes
from station_app.gui.app.application import translate_core_message
from station_app.gui.app.context import AppContext
from station_app.gui.app.main_window import MainWindow
from station_app.gui.complaints.detail.window import ComplaintDetail
from station_app.gui.complaints.dialogs import action_dialog
from station_app.gui.complaints.dialogs.consent import ConsentDialog
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.records.visit_form import VisitForm
from station_app.messages import set_translator as set_core_translator
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.visits import VisitDraft, register_visit
from station_app.store.models import Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.validation import mask_name
from station_app.workflow.states import ACTIONS

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "station_en.ts"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
VILLAGE = "511921100201"


def _translations_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "station_translations", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _translations_script()


def messages(ts_file: Path) -> dict[tuple[str, str, str], str]:
    """(context, source, comment) → translation, for every message of ``ts_file``."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            found[key] = message.findtext("translation", "")
    return found


# --- the .ts file --------------------------------------------------------------------------------


def test_every_message_is_translated() -> None:
    assert translations.untranslated(TS_FILE) == []


def test_translations_keep_placeholders_and_leave_no_chinese() -> None:
    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"%\d|\{\w+\}", text))

    for (context, source, _comment), english in messages(TS_FILE).items():
        where = f"{context}: {source!r} -> {english!r}"
        assert placeholders(english) == placeholders(source), where
        assert not CHINESE.search(english), where
        assert ("&" in source) == ("&" in english), where


def test_core_templates_are_collected_for_lupdate() -> None:
    """Every msg()/N_() template of the core is a literal, so scripts/core_messages.py can hand it
    to lupdate (whether the .ts holds them all: test_ts_file_is_up_to_date_with_the_sources)."""
    script = ROOT / "scripts" / "core_messages.py"
    spec = importlib.util.spec_from_file_location("core_messages_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "run scripts/translations.py update"


def test_ts_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    """Running ``translations.py update`` would neither add nor drop a message."""
    fresh = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, fresh)
    translations.update(fresh)

    def pairs(ts_file: Path) -> set[tuple[str, str]]:
        return {(context, source) for context, source, _ in messages(ts_file)}

    committed, extracted = pairs(TS_FILE), pairs(fresh)
    assert extracted - committed == set(), "new strings: run scripts/translations.py update"
    assert committed - extracted == set(), "stale strings: run scripts/translations.py update"


# --- the window in English -----------------------------------------------------------------------


@pytest.fixture
def english(tmp_path: Path, qapp: QApplication) -> Iterator[QTranslator]:
    """station_en.qm (compiled from the .ts into a temp folder) installed; code lists English."""
    ts_copy = tmp_path / "qm" / TS_FILE.name
    ts_copy.parent.mkdir()
    shutil.copy(TS_FILE, ts_copy)
    translator = QTranslator()
    assert translator.load(str(translations.compile_ts(ts_copy)))
    assert qapp.installTranslator(translator)
    codes.set_display_language("en")
    set_core_translator(translate_core_message)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)
        codes.set_display_language("zh")
        set_core_translator(None)


def test_every_message_translates_at_run_time(english: QTranslator) -> None:
    """Each (context, source) of the .ts reaches its English through the compiled .qm."""
    for (context, source, comment), wanted in messages(TS_FILE).items():
        shown = QCoreApplication.translate(context, source, comment or None)
        assert shown == wanted, f"{context}: {source!r}"


@pytest.fixture
def roster(ctx: Context) -> list[str]:
    """A town, two villages and an officer; returns their names (data, shown as typed)."""
    Region.insert_many(
        [
            {"code": "511921100", "name": "诺江镇", "level": "town", "parent_code": "511921"},
            {"code": VILLAGE, "name": "城南社区", "level": "village", "parent_code": "511921100"},
            {
                "code": "511921100202",
                "name": "南寺村",
                "level": "village",
                "parent_code": "511921100",
            },
        ]
    ).execute()
    with database_proxy.atomic():
        officer = Officer(name="王联络员", station_code=ctx.origin)
        stamp_new(officer, ctx.origin, ctx.clock.utcnow())
        officer.save(force_insert=True)
    return [str(row.name) for row in Region.select()] + [str(o.name) for o in Officer.select()]


@pytest.fixture
def records(ctx: Context, roster: list[str], make_complaint_draft: Callable[..., object]) -> None:
    """One complaint and one visit, so both tables show rows with code-list columns."""
    register_complaint(ctx, make_complaint_draft(village_code=VILLAGE))
    register_visit(
        ctx,
        VisitDraft(
            visited_at=dt.datetime(2026, 11, 20, 9, 0),
            channel="phone",
            question="买的化肥结块了，能退吗？",
            answer="可以，先带上发票去店里协商。",
            topic_category="G10",
            village_code=VILLAGE,
        ),
    )


def shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what ``top`` and its visible children show an officer."""
    found: list[tuple[str, str]] = [("window title", top.windowTitle())]

    def add(widget: QWidget, kind: str, text: str | None) -> None:
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName()!r} {kind}", text))

    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        add(widget, "tooltip", widget.toolTip())
        if isinstance(widget, QLabel):
            add(widget, "text", widget.text())
        if isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
        if isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            add(widget, "special value", widget.specialValueText())
            add(widget, "suffix", getattr(widget, "suffix", lambda: "")())
        if isinstance(widget, QComboBox):
            add(widget, "placeholder", widget.placeholderText())
            for index in range(widget.count()):
                add(widget, f"item {index}", widget.itemText(index))
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                add(widget, f"item {row}", widget.item(row).text())
                add(widget, f"item {row} tooltip", widget.item(row).toolTip())
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(widget.horizontalHeader().count()):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                add(widget, f"header {column}", str(header or ""))
    return found


def menu_texts(window: MainWindow) -> list[tuple[str, str]]:
    found = []
    for action in [*window.menuBar().actions(), *window.actions()]:
        found.append(("menu", action.text()))
        menu = action.menu()
        if isinstance(menu, QMenu):
            found += [(f"menu {action.text()}", item.text()) for item in menu.actions()]
    return found


def assert_english(texts: list[tuple[str, str]], data: list[str]) -> None:
    """No Chinese in ``texts`` once the ``data`` strings (names from the roster) are taken out."""
    leftovers = []
    for where, text in texts:
        rest = text
        for name in sorted(data, key=len, reverse=True):
            rest = rest.replace(name, "")
        if CHINESE.search(rest):
            leftovers.append(f"{where}: {text!r}")
    assert leftovers == []


def column_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data() or "") for row in range(model.rowCount())]


def test_main_window_screens_and_forms_show_no_chinese_but_data(
    qtbot: QtBot,
    tmp_path: Path,
    english: QTranslator,
    app_context: AppContext,
    roster: list[str],
    records: None,
) -> None:
    identity = app_context.installation.identity()
    assert identity is not None
    data = [identity.code, identity.name, app_context.actor, *roster]
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(app_context, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.sidebar.item(0).text() == "Dashboard"
    assert_english(menu_texts(window), data)
    for key in window.screen_keys():
        window.show_screen(key)
        assert_english(shown_texts(window), data)

    complaints = window.screens["complaints"]
    statuses = column_texts(complaints.table, 2)  # type: ignore[attr-defined]
    categories = column_texts(complaints.table, 6)  # type: ignore[attr-defined]
    assert statuses == [codes.code_list("complaint_status").name_en("registered")]
    assert categories == [codes.category_list().name_en("G10")]
    visits = window.screens["visits"]
    assert column_texts(visits.table, 1) == [codes.code_list("channel").name_en("phone")]  # type: ignore[attr-defined]
    assert column_texts(visits.table, 4) == [codes.category_list().name_en("G10")]  # type: ignore[attr-defined]

    window.new_complaint()
    complaint_form = complaints.form  # type: ignore[attr-defined]
    assert isinstance(complaint_form, ComplaintForm)
    qtbot.waitExposed(complaint_form)
    complaint_form.ui.categoryCombo.setCurrentIndex(0)  # fills the subcategories
    assert complaint_form.ui.subcategoryCombo.count() > 0
    assert_english(shown_texts(complaint_form), data)
    channel = complaint_form.ui.channelCombo
    assert channel.itemText(0) == codes.code_list("channel").entries()[0].name_en
    complaint_form.done(QDialog.DialogCode.Rejected)  # close() would ask whether to discard

    window.new_visit()
    visit_form = visits.form  # type: ignore[attr-defined]
    assert isinstance(visit_form, VisitForm)
    qtbot.waitExposed(visit_form)
    assert_english(shown_texts(visit_form), data)
    visit_form.done(QDialog.DialogCode.Rejected)

    # the complaint's detail window, each tab, and the dialog of every workflow action
    complaint = complaints.model.row_data(0)  # type: ignore[attr-defined]
    detail = ComplaintDetail(app_context, complaint.id, window)
    detail.show()
    qtbot.waitExposed(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    record = [complaint.number, complaint.respondent_name, complaint.subject]
    record += [detail.complaint.facts, mask_name(complaint.complainant)]
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
        assert_english([*shown_texts(detail), ("tab", detail.tabs.tabText(tab))], data + record)
    for action in ACTIONS:
        dialog = action_dialog(action, app_context, complaint.id, detail)
        assert_english(shown_texts(dialog), data + record)
        dialog.deleteLater()
    assert_english(shown_texts(ConsentDialog(app_context, complaint.id, detail)), data + record)
    detail.close()


def test_roster_screen_and_wizard_pages_show_no_chinese_but_data(
    qtbot: QtBot, tmp_path: Path, english: QTranslator, app_context: AppContext
) -> None:
    from station_app.gui.roster.screen import RosterScreen
    from station_app.gui.roster.wizard import RosterWizard

    from .test_roster_wizard import roster_book

    path = roster_book(tmp_path / "roster.xlsx")
    screen = RosterScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    identity = app_context.installation.identity()
    assert identity is not None
    assert_english(shown_texts(screen), [identity.name])

    wizard = screen.import_roster()
    qtbot.waitExposed(wizard)
    assert_english(shown_texts(wizard), [])
    wizard.file_page.set_path(path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.PREVIEW_PAGE, timeout=20_000)
    preview = wizard.preview
    assert preview is not None
    data = [identity.name]
    for part in preview.diff.parts.values():
        data += [r.label for r in part.new] + [c.label for c in part.changed]
        data += [str(v) for r in part.new for v in r.values.values() if isinstance(v, str)]
    page = wizard.preview_page
    tabs = [("tab", page.tabs.tabText(i)) for i in range(page.tabs.count())]
    assert_english(tabs, data)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert_english(shown_texts(wizard), data)
        for view in page.tabs.widget(index).findChildren(QTableView):
            model = view.model()
            for row in range(model.rowCount()):
                for column in (0, 3):  # the kind of change and its details: words, not data
                    text = str(model.index(row, column).data() or "")
                    assert_english([(f"tab {index} row {row}", text)], data)
    page.skip_check.click()
    assert_english(shown_texts(wizard), data)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.SUMMARY_PAGE, timeout=20_000)
    assert_english(shown_texts(wizard), data)
    wizard.accept()
    assert_english(shown_texts(screen), data)


def test_settings_screen_its_dialog_and_the_recovery_dialog_in_english(
    qtbot: QtBot,
    english: QTranslator,
    app_context: AppContext,
    roster: list[str],
) -> None:
    from station_app.backup import list_backups
    from station_app.backup_schedule import run_automatic_backup
    from station_app.gui.app.recovery_dialog import RecoveryDialog
    from station_app.gui.settings.screen import SettingsScreen

    identity = app_context.installation.identity()
    assert identity is not None
    data = [identity.code, identity.name, app_context.actor, *roster]
    run_automatic_backup(app_context.installation, clock=app_context.clock)
    screen = SettingsScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.restart_note.show()
    screen.officer_table.selectRow(0)  # a roster officer: the button explains why it is off
    assert_english(shown_texts(screen), data)
    table = screen.officer_table
    for row in range(table.model().rowCount()):
        for column in (3, 4):  # source and status: words, not data
            assert_english([("officers", str(table.model().index(row, column).data()))], data)
    dialog = screen.open_add_officer()
    qtbot.waitExposed(dialog)
    assert_english(shown_texts(dialog), data)
    dialog.reject()

    paths = app_context.installation.paths
    recovery = RecoveryDialog(paths, ["database disk image is malformed"], [])
    qtbot.addWidget(recovery)
    recovery.show()
    assert_english(shown_texts(recovery), [*data, str(paths.backups)])
    recovery.close()
    recovery = RecoveryDialog(paths, ["x"], list_backups([paths.backups]))
    qtbot.addWidget(recovery)
    recovery.show()
    assert recovery.backup_list.count() == 1
    assert_english(shown_texts(recovery), [*data, str(paths.backups)])


def test_sync_screen_in_english(
    qtbot: QtBot, tmp_path: Path, english: QTranslator, app_context: AppContext, ctx: Context
) -> None:
    from pyrage import x25519

    from station_app.gui.sync.sync_screen import SyncScreen
    from station_app.settings import set_setting
    from station_app.sync.bundle_crypto import COUNTY_RECIPIENT_SETTING
    from station_app.sync.export import export_bundle

    from ..conftest import complaint_draft

    register_complaint(ctx, complaint_draft())
    recipient = str(x25519.Identity.generate().to_public())
    set_setting(COUNTY_RECIPIENT_SETTING, recipient)  # from the county's roster
    written = export_bundle(ctx, app_context.installation.paths, tmp_path / "usb")
    register_complaint(ctx, complaint_draft())
    identity = app_context.installation.identity()
    assert identity is not None
    screen = SyncScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.model.rowCount() == 1
    assert_english(shown_texts(screen), [identity.code, identity.name])
    for column in (2, 5):  # the kind of bundle and its receipt state: words, not data
        assert_english([("history", column_texts(screen.table, column)[0])], [written.name])


def test_county_sync_screens_in_english(
    qtbot: QtBot, tmp_path: Path, english: QTranslator, clock: object
) -> None:
    """服务站总览, its dialogs and 冲突审核 on a county that imported a station's bundles."""
    import subprocess
    import sys

    from station_app.gui.app.jobs import JobRunner
    from station_app.gui.sync.conflicts_screen import ConflictsScreen
    from station_app.gui.sync.import_report_dialog import ImportReportDialog
    from station_app.gui.sync.stations_screen import StationsScreen
    from station_app.installation import init_station, open_installation
    from station_app.paths import DataPaths
    from station_app.roster.template import write_roster_workbook
    from station_app.store.models import Complaint
    from station_app.sync.bundle_crypto import county_recipient
    from station_app.sync.key_confirm import confirm_station_key
    from station_app.sync.keys import existing_fingerprint
    from station_app.sync.merge import import_bundles

    def station(*args: str) -> str:
        command = [sys.executable, "-m", "station_app.cli", "--data-dir", str(tmp_path / "jia")]
        done = subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    inst = open_installation(tmp_path / "county")
    try:
        init_station(inst, code="XIAN", name="通江县消协", role="county", clock=clock)  # type: ignore[arg-type]
        app = AppContext(installation=inst, jobs=JobRunner(), clock=clock)  # type: ignore[arg-type]
        ctx = app.context()
        roster = write_roster_workbook(  # the county's key reaches the station on its roster
            tmp_path / "roster.xlsx",
            {"县消协加密公钥": str(county_recipient())},
            {"station": [["TJ001", "甲站", "", "", "", "", "", "", ""]]},
            parts=["station"],
        )
        station("init", "--station-code", "TJ001", "--name", "甲站")
        station("roster", "import", str(roster))
        station("demo", "--complaints", "3", "--visits", "1", "--seed", "1")
        first = Path(station("bundle", "export", "--out", str(tmp_path / "usb")))
        full = Path(station("bundle", "export", "--full", "--out", str(tmp_path / "usb")))
        fingerprint = existing_fingerprint(DataPaths(tmp_path / "jia"))
        confirm_station_key(ctx, inst.paths, "TJ001", str(fingerprint))  # by phone
        reports = import_bundles(ctx, inst.paths, [first])
        complaint = Complaint.select().first()
        Complaint.update(remarks="县里改过").where(Complaint.id == complaint.id).execute()
        reports += import_bundles(ctx, inst.paths, [full])
        data = ["甲站", "通江县消协", "县里改过", complaint.number]

        stations = StationsScreen(app)
        qtbot.addWidget(stations)
        stations.show()
        qtbot.waitUntil(lambda: stations.model.rowCount() == 1, timeout=20_000)
        assert_english(shown_texts(stations), data)
        for column in range(stations.model.columnCount()):
            assert_english([("overview", column_texts(stations.table, column)[0])], data)
        report = ImportReportDialog(reports, stations)
        report.show()
        assert_english([*shown_texts(report), ("report", report.text())], data)
        report.close()
        repin = stations.repin_key()
        assert_english(shown_texts(repin), data)
        repin.reject()

        conflicts = ConflictsScreen(app)
        qtbot.addWidget(conflicts)
        conflicts.show()
        assert conflicts.model.rowCount() == 1
        assert_english(shown_texts(conflicts), data)
        for column in range(conflicts.model.columnCount()):
            assert_english([("conflict", column_texts(conflicts.table, column)[0])], data)
        assert column_texts(conflicts.diff_view, 0) == ["Remarks"]
        app.jobs.shutdown()
    finally:
        inst.close()


def chart_texts(view: QWidget) -> list[tuple[str, str]]:
    """Title, axis titles and labels, series and bar-set names of the chart in ``view``."""
    from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChartView

    assert isinstance(view, QChartView)
    chart = view.chart()
    found = [("chart title", chart.title())]
    for axis in chart.axes():
        found.append(("axis title", axis.titleText()))
        if isinstance(axis, QBarCategoryAxis):
            found += [("axis label", label) for label in axis.categories()]
    for series in chart.series():
        found.append(("series", series.name()))
        if isinstance(series, QAbstractBarSeries):
            found += [("bar set", bar_set.label()) for bar_set in series.barSets()]
    return found


def test_events_and_stats_screens_in_english(
    qtbot: QtBot, english: QTranslator, app_context: AppContext, ctx: Context, roster: list[str]
) -> None:
    """Indicator names come from the core (templates marked N_) and code lists: all English."""
    from station_app.gui.records.events_screen import EventsScreen
    from station_app.gui.reports.stats_screen import StatsScreen
    from station_app.registry.events import EventDraft, register_event
    from station_app.workflow import transitions

    from ..conftest import complaint_draft

    topic = "集市咨询：买化肥要开票"
    register_event(
        ctx,
        EventDraft(
            held_on=dt.date(2026, 11, 12),
            event_type="market_advice",
            topic=topic,
            village_code=VILLAGE,
        ),
    )
    complaint = register_complaint(ctx, complaint_draft(village_code=VILLAGE))
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    identity = app_context.installation.identity()
    assert identity is not None
    data = [identity.code, identity.name, app_context.actor, topic, *roster]

    events = EventsScreen(app_context)
    qtbot.addWidget(events)
    events.show()
    qtbot.waitExposed(events)
    assert_english(shown_texts(events), data)
    for column in range(events.model.columnCount()):
        assert_english([("events", column_texts(events.table, column)[0])], data)
    events.select_id(events.model.row_id(0) or 0)
    form = events.edit_selected()
    assert form is not None
    qtbot.waitExposed(form)
    assert_english(shown_texts(form), data)
    form.done(QDialog.DialogCode.Rejected)

    stats = StatsScreen(app_context)
    qtbot.addWidget(stats)
    stats.show()
    qtbot.waitUntil(lambda: not stats.is_loading() and stats.model.rowCount() > 0, timeout=10_000)
    assert_english(shown_texts(stats), data)
    for column in range(1, stats.model.columnCount()):  # units and figures
        assert_english([("stats", text) for text in column_texts(stats.table, column)], data)
    names = column_texts(stats.table, 0)
    assert_english([("stats names", name) for name in names], data)
    assert f"        {codes.category_list().name_en('G10')}" in names
    for view in (stats.category_view, stats.nature_view, stats.trend_view):
        assert_english(chart_texts(view), data)
