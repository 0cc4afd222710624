"""The built-in guide (issue #14, item 10): every screen has a page in Chinese and English, shipped
under resources/help and found through the one resource-path function; F1 and 帮助 open the page
of the screen shown, and F1 in a form or dialog opens that window's page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from station_app.gui.app import help_window
from station_app.gui.app.context import AppContext
from station_app.gui.app.help_window import HELP_PAGES, WINDOW_PAGES, help_page
from station_app.gui.app.main_window import SCREEN_ENTRIES, MainWindow
from station_app.paths import resource_path
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context

from .test_translations import CHINESE, english  # noqa: F401 (fixture)

LINK = re.compile(r"\]\(([^)]+)\)")
# Chinese an English page may show: what an officer types (a date format) or sees (a masked name)
ENGLISH_PAGE_DATA = ("2026年11月20日", "张**")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_screen_and_window_has_a_page_in_both_languages(language: str) -> None:
    pages = {entry.key for entry in SCREEN_ENTRIES} | set(WINDOW_PAGES.values()) | {"index"}
    assert pages == set(HELP_PAGES)
    folder = resource_path("help", "zh_CN" if language == "zh" else "en")
    assert {p.stem for p in folder.glob("*.md")} == pages  # no page missing, none left over
    for page in HELP_PAGES:
        path = help_page(page, language)
        assert path.parent == folder
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# ") and len(text) > 150, page
        for link in LINK.findall(text):
            assert (folder / link).is_file(), f"{page}: link to {link}"
        if language == "zh":
            assert CHINESE.search(text.split("\n", 1)[0]), page
        else:
            rest = text
            for data in ENGLISH_PAGE_DATA:
                rest = rest.replace(data, "")
            assert not CHINESE.search(rest), f"{page}: {CHINESE.findall(rest)}"
    index = help_page("index", language).read_text(encoding="utf-8")
    assert {link.removesuffix(".md") for link in LINK.findall(index)} == pages - {"index"}


def open_window(qtbot: QtBot, app: AppContext, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(app, settings=settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):  # shortcuts go to the active window
        window.activateWindow()
    return window


def shown_page(window: MainWindow) -> tuple[str, str]:
    helper = window.help_window
    assert helper is not None and helper.isVisible()
    return helper.page, helper.browser.toPlainText()


def test_f1_opens_the_page_of_the_screen_shown(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, app_context, tmp_path)
    for key in window.screen_keys():
        window.show_screen(key)
        qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_F1)
        page, text = shown_page(window)
        title = help_page(key).read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("# ")
        assert page == key and text.startswith(title), key
        assert title in window.help_window.windowTitle()  # type: ignore[union-attr]
    # 帮助 → 使用说明 does the same; 目录 leads to every page
    window.show_screen("roster")
    window.help_action.trigger()
    assert shown_page(window)[0] == "roster"
    window.help_window.contents_button.click()  # type: ignore[union-attr]
    assert shown_page(window)[0] == "index"
    window.help_window.back_button.click()  # type: ignore[union-attr]
    assert shown_page(window)[0] == "roster"


def test_f1_in_a_form_or_a_dialog_opens_its_own_page(
    qtbot: QtBot,
    app_context: AppContext,
    ctx: Context,
    tmp_path: Path,
    make_complaint_draft,  # type: ignore[no-untyped-def]
) -> None:
    from station_app.gui.complaints.dialogs import action_dialog

    complaint_id = register_complaint(ctx, make_complaint_draft()).id
    window = open_window(qtbot, app_context, tmp_path)
    form = window.screens["complaints"].new_complaint()  # type: ignore[attr-defined]
    qtbot.waitExposed(form)
    form.ui.complainantName.setFocus()
    qtbot.waitUntil(lambda: form.property("station_help") is True, timeout=5000)
    qtbot.keyClick(form.ui.complainantName, Qt.Key.Key_F1)
    assert shown_page(window)[0] == "complaint_form"
    form.done(QDialog.DialogCode.Rejected)

    dialog = action_dialog("accept", app_context, complaint_id, window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.ok_button.setFocus()
    qtbot.waitUntil(lambda: dialog.property("station_help") is True, timeout=5000)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_F1)
    assert shown_page(window)[0] == "complaint_detail"
    dialog.done(QDialog.DialogCode.Rejected)


def test_the_guide_follows_the_window_language(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, app_context, tmp_path)
    window.show_screen("sync")
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_F1)
    page, text = shown_page(window)
    assert page == "sync" and text.startswith("Sync") and not CHINESE.search(text)
    assert help_window.help_page("sync") == resource_path("help", "en", "sync.md")
    assert not CHINESE.search(window.help_window.windowTitle())  # type: ignore[union-attr]
