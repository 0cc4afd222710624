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
from station_app.gui.app_context import AppContext
from station_app.gui.complaint_form import ComplaintForm
from station_app.gui.main_window import MainWindow
from station_app.gui.visit_form import VisitForm
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.visits import VisitDraft, register_visit
from station_app.store.models import Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new

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
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)
        codes.set_display_language("zh")


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
