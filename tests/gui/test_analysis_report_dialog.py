"""统计 → 分析报告: the officer writes the text, ticks typical cases, saves the PDF and its figures;
the text and the cases come back when the report is opened again; closing with unsaved text asks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from station_app.gui.app.context import AppContext
from station_app.gui.reports.analysis_dialog import AnalysisReportDialog, last_finished_quarter
from station_app.gui.reports.stats_screen import StatsScreen
from station_app.reports.analysis import saved_note

from ..conftest import use_template
from ..core.test_analysis_report import demo_records


@pytest.fixture
def demo_app(app_context: AppContext, station_template: Callable[..., Path]) -> AppContext:
    use_template(app_context.installation, station_template(app_context.clock, demo_records))
    return app_context


def open_dialog(qtbot, app: AppContext) -> AnalysisReportDialog:  # type: ignore[no-untyped-def]
    dialog = AnalysisReportDialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=10_000)
    return dialog


def test_the_last_finished_quarter_is_offered() -> None:
    assert last_finished_quarter(dt.date(2026, 11, 20)) == (2026, 3)
    assert last_finished_quarter(dt.date(2026, 2, 1)) == (2025, 4)


def test_saving_writes_the_pdf_and_figures_and_keeps_the_text(
    qtbot, demo_app: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, demo_app)
    assert dialog.quarter_combo.currentData() == 3 and dialog.year_spin.value() == 2026
    assert dialog.cases_list.count() > 2
    dialog.note_edit.setPlainText("三季度农资投诉集中，已开展专项宣传。")
    for row in (0, 1):
        dialog.cases_list.item(row).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.chosen_numbers()
    assert len(chosen) == 2
    target = tmp_path / "报告"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF 文件 (*.pdf)")
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "报告.pdf" in dialog.status_label.text(), timeout=20_000)
    assert (tmp_path / "报告.pdf").stat().st_size > 10_000
    figures = load_workbook(tmp_path / "报告.xlsx")
    assert figures.sheetnames[0] == "总体情况"
    assert saved_note("2026-Q3", demo_app.installation.identity().code) == (  # type: ignore[union-attr]
        "三季度农资投诉集中，已开展专项宣传。",
        chosen,
    )
    assert not dialog.has_unsaved_text()
    dialog.accept()

    again = open_dialog(qtbot, demo_app)
    assert again.note_edit.toPlainText() == "三季度农资投诉集中，已开展专项宣传。"
    assert again.chosen_numbers() == chosen


def test_closing_with_unsaved_text_asks(
    qtbot, demo_app: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, demo_app)
    dialog.note_edit.setPlainText("写了一半的说明")
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    assert dialog.note_edit.toPlainText() == "写了一半的说明"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_stats_screen_opens_the_report(
    qtbot, demo_app: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    screen = StatsScreen(demo_app)
    qtbot.addWidget(screen)
    opened: list[AnalysisReportDialog] = []
    monkeypatch.setattr(AnalysisReportDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.mouseClick(screen.analysis_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].windowTitle() == "投诉分析报告"


def test_the_stats_screen_lists_hot_respondents(qtbot, demo_app: AppContext) -> None:  # type: ignore[no-untyped-def]
    from station_app.gui.reports.hot_respondents_tab import months_before
    from station_app.reports.hot_respondents import hot_respondents

    screen = StatsScreen(demo_app)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentWidget(screen.hot_tab)
    model = screen.hot_tab.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    current, previous = months_before(demo_app.clock.today(), 6)
    expected = hot_respondents(current, screen.hot_tab.origin(), previous=previous, limit=200)
    assert [r.name for r in model.rows()] == [h.name for h in expected]
    assert screen.hot_tab.view.isColumnHidden(5)  # a station's own view: no stations column
    top = screen.hot_tab.proxy.index(0, 2)
    assert int(top.data().replace(",", "")) == max(h.complaints for h in expected)


def test_months_before_counts_whole_months() -> None:
    from station_app.gui.reports.hot_respondents_tab import months_before

    current, previous = months_before(dt.date(2026, 11, 20), 3)
    assert (current.start, current.end) == (dt.date(2026, 9, 1), dt.date(2026, 12, 1))
    assert (previous.start, previous.end) == (dt.date(2026, 6, 1), dt.date(2026, 9, 1))
    current, _ = months_before(dt.date(2026, 1, 5), 12)
    assert (current.start, current.end) == (dt.date(2025, 2, 1), dt.date(2026, 2, 1))
