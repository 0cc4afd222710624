"""Where saved files go: the folder used last per kind, and the suffix an officer left off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from station_app.gui.widgets.save_paths import (
    PDF,
    WORKBOOK,
    WORKBOOK_OR_CSV,
    choose_save_path,
    choose_workbook_path,
)

KEY = "test/save_folder"


class Chooser:
    """Stands in for the save dialog: records where it started and answers ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[str] = []
        self.filters: list[str] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self))

    def __call__(self, _parent: QWidget | None, _title: str, start: str, file_filter: str):
        self.started.append(start)
        self.filters.append(file_filter)
        return self.answer, ""


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> Chooser:
    return Chooser(monkeypatch)


def test_first_in_the_documents_folder_then_in_the_folder_used_last(
    qtbot: QtBot, chooser: Chooser, tmp_path: Path
) -> None:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chooser.answer = str(tmp_path / "台账" / "2026年11月台账.xlsx")
    first = choose_workbook_path(QWidget(), "导出", KEY, "台账.xlsx")
    assert chooser.started == [str(Path(documents) / "台账.xlsx")]
    assert first == tmp_path / "台账" / "2026年11月台账.xlsx"

    chooser.answer = ""  # cancelled: nothing chosen, the folder stays as it was
    assert choose_workbook_path(QWidget(), "导出", KEY, "台账.xlsx") is None
    assert chooser.started[1] == str(tmp_path / "台账" / "台账.xlsx")
    assert choose_workbook_path(QWidget(), "导出", KEY, "台账.xlsx") is None
    assert chooser.started[2] == str(tmp_path / "台账" / "台账.xlsx")
    assert chooser.filters == ["Excel 工作簿 (*.xlsx)"] * 3


def test_a_name_without_the_suffix_gets_it_and_keeps_its_dots(
    qtbot: QtBot, chooser: Chooser, tmp_path: Path
) -> None:
    chooser.answer = str(tmp_path / "名册_v1.2")
    assert choose_save_path(None, "导出", "名册.xlsx", WORKBOOK, KEY) == tmp_path / "名册_v1.2.xlsx"
    chooser.answer = str(tmp_path / "报告.PDF")
    assert choose_save_path(None, "保存", "报告.pdf", PDF, KEY) == tmp_path / "报告.PDF"
    chooser.answer = str(tmp_path / "访问日志.csv")
    assert choose_save_path(None, "导出", "日志.xlsx", WORKBOOK_OR_CSV, KEY) == (
        tmp_path / "访问日志.csv"
    )
    chooser.answer = str(tmp_path / "访问日志.txt")
    assert choose_save_path(None, "导出", "日志.xlsx", WORKBOOK_OR_CSV, KEY) == (
        tmp_path / "访问日志.txt.xlsx"
    )


def test_a_given_folder_comes_before_the_remembered_one(
    qtbot: QtBot, chooser: Chooser, tmp_path: Path
) -> None:
    chooser.answer = str(tmp_path / "别处" / "a.xlsx")
    choose_save_path(None, "导出", "a.xlsx", WORKBOOK, KEY)
    roster_folder = tmp_path / "名册在这里"
    chooser.answer = ""
    choose_save_path(None, "保存错误清单", "错误清单.xlsx", WORKBOOK, KEY, folder=roster_folder)
    assert chooser.started[-1] == str(roster_folder / "错误清单.xlsx")
