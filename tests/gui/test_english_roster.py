"""The roster import in an English window: the core's sentences (refused rows, notes, refusals,
warnings, unreadable files, the saved error list) reach the officer in English.

The roster file itself stays Chinese (its sheet names, headers and cells are data the county
wrote); what the program says about it does not.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QPlainTextEdit, QWizard
from pytestqt.qtbot import QtBot

from station_app.gui.roster.screen import RosterScreen
from station_app.gui.roster.wizard import RosterWizard
from station_app.roster.roster_import import RosterRefused, read_roster

from .test_roster_wizard import open_wizard, roster_book, screen  # noqa: F401 - fixture
from .test_translations import assert_english, english, shown_texts  # noqa: F401

CHINESE = re.compile(r"[\u4e00-\u9fff]")

# A roster with one of nearly every kind of mistake a county makes, in Chinese as counties write.
BAD_ROSTER: dict[str, list[list[object]]] = {
    "说明": [["名册版本", "2026.3"], ["发布日期", "2026年11月1日"], ["县级区划代码", "511921"]],
    "服务站": [
        ["*服务站编码", "*服务站名称", "联系电话"],
        ["TJ001", "通江县诺江镇消费维权服务站", None],
        ["T", "坏编码服务站", None],  # a station code of one letter
        ["TJ003", None, None],  # no name
        ["TJ001", "重复的服务站", None],  # the same code again
    ],
    "联络员": [
        ["*姓名", "*所属服务站编码"],
        ["王秀英", "TJ001"],
        ["李建国", "TJ009"],  # a station the roster does not have
    ],
    "节假日": [
        ["*日期", "*类型", "节日"],
        ["2027-02-30", "放假", "春节"],  # no such day
        ["2027-01-01", "歇着", "元旦"],  # neither 放假 nor 上班
    ],
    "经营者": [["统一社会信用代码", "经营者类型", "经营场所"], ["", "个体工商户", "诺江镇"]],
    "代码表": [["*代码表名", "*代码", "*名称"]],  # a header and nothing else
    "备忘": [["随手记"], ["开会"]],  # not a part of a roster
}

# what the county typed: sheet names and cell texts, shown as they are
BAD_DATA = [
    *BAD_ROSTER,
    "通江县诺江镇消费维权服务站",
    "坏编码服务站",
    "重复的服务站",
    "王秀英",
    "李建国",
    "春节",
    "元旦",
    "歇着",
    "放假",
]


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    for number, (title, rows) in enumerate(sheets.items()):
        sheet = book.active if number == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def click(qtbot: QtBot, wizard: RosterWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_preview(qtbot: QtBot, wizard: RosterWizard) -> None:
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.PREVIEW_PAGE, timeout=20_000)


def error_reasons(wizard: RosterWizard) -> list[str]:
    view = wizard.preview_page.error_view
    assert view is not None
    model = view.model()
    return [str(model.index(row, 3).data()) for row in range(model.rowCount())]


def test_refused_rows_notes_and_the_refusal_are_english(
    qtbot: QtBot,
    tmp_path: Path,
    english: QTranslator,  # noqa: F811
    screen: RosterScreen,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_book(tmp_path / "bad.xlsx", BAD_ROSTER)
    wizard = open_wizard(qtbot, screen, monkeypatch, path)
    to_preview(qtbot, wizard)
    page = wizard.preview_page

    reasons = error_reasons(wizard)
    assert_english([("reason", r) for r in reasons], BAD_DATA)
    joined = "\n".join(reasons)
    for words in (
        "The station code must be 2 to 32 letters, digits or underscores",
        "Fill in “Station name”.",
        "Repeats row 2 (station code TJ001)",
        "Station TJ009 is not in this roster's Stations sheet.",
        "date “2027-02-30” does not exist",
        "Type “歇着” not recognised: write “holiday” or “workday”.",
        "(cannot be skipped) Required columns missing: “Business name”.",
    ):
        assert words in joined, (words, reasons)

    notes = page.findChild(QPlainTextEdit, "notes")
    assert notes is not None
    note_text = notes.toPlainText()
    assert "Sheet “备忘” ignored: it is not part of a roster." in note_text
    assert "Sheet “代码表” has only a header and no data rows: Code lists stay" in note_text
    assert_english([("notes", note_text)], BAD_DATA)

    # a missing column cannot be skipped: the core's refusal, in English, says why 导入 is off
    assert not page.skip_check.isEnabled()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert "structural errors (1) and cannot be imported" in page.state_label.text()
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert_english(shown_texts(wizard), BAD_DATA)

    # the error list the officer saves is in the window's language too
    report = tmp_path / "errors.xlsx"
    suggested: list[Path] = []

    def choose(self: RosterWizard, proposed: Path) -> Path:
        suggested.append(proposed)
        return report

    monkeypatch.setattr(RosterWizard, "choose_report_path", choose)
    qtbot.mouseClick(page.save_errors_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report.exists() and "saved" in page.report_label.text(), timeout=10_000)
    assert suggested == [path.with_name("bad_errors.xlsx")]
    book = openpyxl.load_workbook(report)
    sheet = book.active
    assert sheet is not None
    assert sheet.title == "Errors"
    assert [c.value for c in sheet[2]] == ["No.", "Sheet", "Row", "Column", "Reason"]
    cells = [str(c.value) for row in book.worksheets for line in row.iter_rows() for c in line]
    assert_english([("report", text) for text in cells if text != "None"], BAD_DATA)
    wizard.reject()


def test_warning_summary_and_screen_in_english_for_a_roster_without_version(
    qtbot: QtBot,
    tmp_path: Path,
    english: QTranslator,  # noqa: F811
    screen: RosterScreen,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No version: a warning (not a refusal) from the core, then applied."""
    path = roster_book(tmp_path / "roster.xlsx", bad_row=False)
    book = openpyxl.load_workbook(path)
    del book["说明"]
    book.save(path)
    wizard = open_wizard(qtbot, screen, monkeypatch, path)
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    state = page.state_label.text()
    assert "The roster has no version number" in state
    assert not CHINESE.search(state)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.SUMMARY_PAGE, timeout=20_000)
    preview = wizard.preview
    assert preview is not None
    data = [str(v) for p in preview.diff.parts.values() for r in p.new for v in r.values.values()]
    data += [r.label for p in preview.diff.parts.values() for r in p.new]
    assert_english(shown_texts(wizard), data)
    wizard.accept()


def test_older_version_and_unusable_files_are_refused_in_english(
    qtbot: QtBot,
    tmp_path: Path,
    english: QTranslator,  # noqa: F811
    screen: RosterScreen,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a workbook with no roster in it: the core's one sentence, naming the file, in English
    stray = write_book(tmp_path / "stray.xlsx", {"备忘": [["随手记", "日期"], ["开会", "周一"]]})
    wizard = open_wizard(qtbot, screen, monkeypatch, stray)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: not wizard.file_page.reading, timeout=20_000)
    status = wizard.file_page.status_label.text()
    assert "No roster found in “stray.xlsx”" in status
    assert "Stations, Officers, Towns and villages, Businesses" in status
    assert not CHINESE.search(status)

    # not a workbook at all
    fake = tmp_path / "fake.xlsx"
    fake.write_text("名册", encoding="utf-8")
    wizard.file_page.set_path(fake)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: not wizard.file_page.reading, timeout=20_000)
    status = wizard.file_page.status_label.text()
    assert status.startswith("“fake.xlsx” is not an Excel file") and not CHINESE.search(status)
    wizard.reject()

    # a roster older than the one in force: the core's refusal, and its warning once forced
    newer = roster_book(tmp_path / "new.xlsx", version="2026.5", bad_row=False)
    wizard = open_wizard(qtbot, screen, monkeypatch, newer)
    to_preview(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == RosterWizard.SUMMARY_PAGE, timeout=20_000)
    wizard.accept()
    older = roster_book(tmp_path / "old.xlsx", version="2026.2", bad_row=False)
    with pytest.raises(RosterRefused) as refused:
        read_roster(older).check()
    assert str(refused.value).startswith(
        "Roster version 2026.2 is older than the version in use, 2026.5; not imported."
    )
    wizard = open_wizard(qtbot, screen, monkeypatch, older)
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.force_check.isEnabled()
    page.force_check.click()
    state = page.state_label.text()
    assert "Older version 2026.2 imported by force (the version in use was 2026.5)." in state
    assert not CHINESE.search(state)
    wizard.reject()
