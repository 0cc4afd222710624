"""The 统计 screen: the table shows compute_indicators' figures, the charts their breakdowns and
the 12-month trend, and 导出台账 writes the ledger off the GUI thread (or says why it could not)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import threading
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from station_app import file_in_place
from station_app.demo import generate_demo
from station_app.gui.app.context import AppContext
from station_app.gui.reports import stats_screen
from station_app.gui.reports.charts import TOP_CATEGORIES
from station_app.gui.reports.indicator_model import (
    MONTH_COLUMN,
    IndicatorTableModel,
    format_change,
    format_value,
)
from station_app.gui.reports.stats_screen import StatsScreen
from station_app.gui.widgets.rows_model import RAW_VALUE_ROLE
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, register_event
from station_app.registry.visits import VisitDraft, register_visit
from station_app.reports.indicators import compute_indicators
from station_app.reports.ledger import LedgerCancelled
from station_app.settings import StationIdentity, save_identity
from station_app.store.models import Station, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.workflow import consent, transitions
from station_app.workflow.consent import ConsentDraft
from station_app.workflow.transitions import ClosingDraft

from ..conftest import complaint_draft, use_template

MONTH = "2026-11"  # the clock's month: the screen opens on it
D = dt.date


def complaint(ctx: Context, received: D, **overrides: Any) -> int:
    at = dt.datetime.combine(received, dt.time(9, 30))
    return register_complaint(ctx, complaint_draft(received_at=at, **overrides)).id


def fill_month(ctx: Context) -> None:
    """November 2026 through the workflow: five complaints (one carried over from October), a
    visit and an event."""
    c1 = complaint(ctx, D(2026, 11, 2))  # G10, quality
    transitions.accept(ctx, c1, on=D(2026, 11, 3))
    consent.record_consent(ctx, c1, ConsentDraft(recipients=["respondent"]))
    transitions.start_mediation(ctx, c1, on=D(2026, 11, 4))
    transitions.close(
        ctx,
        c1,
        ClosingDraft(outcome="mediated", closed_on=D(2026, 11, 10), recovered_fen=123_456),
    )
    c2 = complaint(ctx, D(2026, 11, 5), category_code="S06", subject="宽带", natures=["contract"])
    transitions.accept(ctx, c2, on=D(2026, 11, 6))
    c3 = complaint(ctx, D(2026, 11, 6), category_code="G01", natures=["quality", "safety"])
    transitions.accept(ctx, c3, on=D(2026, 11, 9))
    c4 = complaint(ctx, D(2026, 11, 8))
    transitions.refuse_acceptance(ctx, c4, "outside_remit", on=D(2026, 11, 9))
    c5 = complaint(ctx, D(2026, 10, 20))  # registered in October, closed in November
    transitions.accept(ctx, c5, on=D(2026, 10, 21))
    transitions.close(
        ctx, c5, ClosingDraft(outcome="settled", closed_on=D(2026, 11, 12), recovered_fen=50_000)
    )
    register_visit(
        ctx,
        VisitDraft(
            visited_at=dt.datetime(2026, 11, 3, 9), channel="visit", question="咨询", headcount=2
        ),
    )
    register_event(
        ctx,
        EventDraft(
            held_on=D(2026, 11, 7), event_type="market_advice", topic="集市咨询", attendees=80
        ),
    )


@pytest.fixture
def month(ctx: Context, app_context: AppContext, station_template: Any) -> Context:
    """The test's own copy of a station holding ``fill_month``'s records (written once)."""
    use_template(app_context.installation, station_template(app_context.clock, fill_month))
    return ctx


def open_screen(qtbot, app: AppContext) -> StatsScreen:
    screen = StatsScreen(app)
    qtbot.addWidget(screen)
    screen.resize(1180, 680)
    screen.show()
    qtbot.waitUntil(lambda: not screen.is_loading() and screen.model.rowCount() > 0, timeout=10000)
    return screen


def bar_counts(screen: StatsScreen) -> tuple[list[float], list[float], list[Any]]:
    category = screen.category_view.chart().series()[0]
    nature = screen.nature_view.chart().series()[0]
    assert isinstance(category, QAbstractBarSeries) and isinstance(nature, QHorizontalBarSeries)
    trend = screen.trend_view.chart().series()
    return (
        [category.barSets()[0].at(i) for i in range(category.barSets()[0].count())],
        [nature.barSets()[0].at(i) for i in range(nature.barSets()[0].count())],
        trend,
    )


def assert_table_matches(screen: StatsScreen, month: str, origin: str | None) -> None:
    expected = compute_indicators(month, origin=origin)
    model = screen.model
    assert model.rowCount() == len(expected.rows)
    for number, row in enumerate(expected.rows):
        values = [model.index(number, c).data(RAW_VALUE_ROLE) for c in range(2, 7)]
        wanted = [row.month, row.year_to_date, row.last_year, row.change, row.change_percent]
        assert values == wanted, row.key
        assert model.index(number, MONTH_COLUMN).data() == format_value(row.kind, row.month)


def test_the_table_and_charts_show_the_months_indicators(
    qtbot, qtmodeltester, app_context: AppContext, month: Context
) -> None:
    screen = open_screen(qtbot, app_context)
    assert screen.current_key() == (MONTH, month.origin)
    assert not screen.station_combo.isVisible()  # a station sees its own figures
    assert_table_matches(screen, MONTH, month.origin)
    qtmodeltester.check(screen.model)

    def text(key: str, column: int = MONTH_COLUMN) -> str:
        return screen.model.index(screen.model.row_of_key(key), column).data()

    assert text("complaints_registered") == "4"
    assert text("complaints_accepted") == "3"
    assert text("complaints_closed") == "2"  # c1 and the carried-over c5
    assert text("recovered_fen") == "1,734.56"
    assert text("closing_rate") == "66.67%"
    assert text("complaints_registered", 5) == "+5"  # 本年累计 5, 去年同期 0
    assert text("complaints_registered", 6) == "—"  # nothing to compare with
    assert text("visits_headcount") == "2" and text("events") == "1"
    label_row = screen.model.row_of_key("kind:goods")
    assert screen.model.index(label_row, 0).data() == "    商品类"  # indented under 受理投诉
    number_alignment = screen.model.index(0, MONTH_COLUMN).data(Qt.ItemDataRole.TextAlignmentRole)
    assert number_alignment & int(Qt.AlignmentFlag.AlignRight)

    categories, natures, trend = bar_counts(screen)
    assert isinstance(screen.category_view.chart().series()[0], QBarSeries)  # upright: names fit
    assert categories == [1, 1, 1]  # G01, G10, S06
    assert sorted(natures) == [
        1,
        1,
        2,
    ]  # registered: contract, 其他 (c3: quality + safety), quality ×2
    bars, money = trend
    assert isinstance(bars, QBarSeries) and isinstance(money, QLineSeries)
    received, closed = bars.barSets()
    assert received.count() == closed.count() == money.count() == 12
    assert [received.at(i) for i in (10, 11)] == [1, 4]  # October, November
    assert [closed.at(i) for i in (10, 11)] == [0, 2]
    assert money.at(11).y() == pytest.approx(1734.56 / 10_000)  # in 万元

    screen.set_month("2026-10")
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10000)
    assert_table_matches(screen, "2026-10", month.origin)
    categories, _natures, (bars, money) = bar_counts(screen)
    assert categories == [1]  # October's one acceptance
    assert bars.barSets()[0].at(11) == 1


def test_a_demo_year_agrees_with_the_core_and_groups_small_categories(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    generate_demo(ctx, complaints=400, visits=60, events=12, seed=7)
    screen = open_screen(qtbot, app_context)
    assert_table_matches(screen, MONTH, ctx.origin)
    stats = compute_indicators(MONTH, origin=ctx.origin)
    categories, natures, (bars, money) = bar_counts(screen)
    by_category = stats.breakdown("category")
    assert sum(categories) == sum(by_category.values())
    assert len(categories) == min(len(by_category), TOP_CATEGORIES + 1)
    assert sorted(natures) == sorted(stats.breakdown("nature").values())
    assert money.count() == 12
    assert bars.barSets()[0].at(11) == stats.figures["complaints_registered"]


def test_the_county_chooses_all_stations_or_one(
    qtbot, app_context: AppContext, month: Context
) -> None:
    with database_proxy.atomic():  # TJ001, the station of the records, is there already
        station = Station(code="TJ002", name="民胜镇服务站")
        stamp_new(station, "XIAN", month.clock.utcnow())
        station.save(force_insert=True)
    save_identity(StationIdentity("XIAN", "通江县消协", "511921", "county"), replace=True)
    screen = open_screen(qtbot, app_context)
    assert screen.station_combo.isVisible()
    assert [screen.station_combo.itemText(i) for i in range(3)] == [
        "全部服务站",
        "通江县诺江镇消费维权服务站（TJ001）",
        "民胜镇服务站（TJ002）",
    ]
    assert screen.current_origin() is None
    assert_table_matches(screen, MONTH, None)
    screen.station_combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not screen.is_loading(), timeout=10000)
    assert screen.current_origin() == "TJ002"
    assert_table_matches(screen, MONTH, "TJ002")
    assert screen.model.index(screen.model.row_of_key("complaints_registered"), 2).data() == "0"


def test_numbers_are_formatted_by_kind() -> None:
    assert format_value("count", 1234567) == "1,234,567"
    assert format_value("money", 123456789) == "1,234,567.89"
    assert format_value("rate", 0.6875) == "68.75%"
    assert format_value("rate", None) == "—"
    assert format_change("count", -3) == "-3" and format_change("count", 12) == "+12"
    assert format_change("money", 150) == "+1.50"
    assert format_change("rate", 0.0125) == "+1.25个百分点"
    assert format_change("count", 0) == "0"
    assert IndicatorTableModel().rowCount() == 0


# --- 导出台账 --------------------------------------------------------------------------------------


def test_export_writes_the_ledger_and_opens_its_folder(
    qtbot, app_context: AppContext, month: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = open_screen(qtbot, app_context)
    target = tmp_path / "out" / "台账.xlsx"
    target.parent.mkdir()
    suggested: list[str] = []
    opened: list[Path] = []

    def choose(name: str) -> Path:
        suggested.append(name)
        return target

    monkeypatch.setattr(screen, "choose_ledger_path", choose)
    monkeypatch.setattr(screen, "open_folder", opened.append)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    assert suggested == [f"{month.origin}_月度台账_2026-11.xlsx"]  # station code and month
    assert opened == [target.parent]
    assert str(target) in screen.status_label.text()
    assert "投诉 5 件" in screen.status_label.text()  # four registered + one carried over
    assert screen.export_button.isEnabled()
    workbook = openpyxl.load_workbook(target, read_only=True)
    assert workbook.sheetnames == [
        "投诉登记台账", "投诉登记明细", "来访咨询登记", "宣传活动", "月度统计"
    ]  # fmt: skip
    workbook.close()


def test_a_read_only_target_says_so_and_keeps_the_old_file(
    qtbot, app_context: AppContext, month: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = open_screen(qtbot, app_context)
    folder = tmp_path / "readonly"
    folder.mkdir()
    old = folder / "台账.xlsx"
    old.write_bytes(b"last month's ledger")
    opened: list[Path] = []
    monkeypatch.setattr(screen, "choose_ledger_path", lambda _name: old)
    monkeypatch.setattr(screen, "open_folder", opened.append)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root ignores the mode: fail as the OS would

            def refuse(*args: Any, **kwargs: Any) -> Any:
                raise PermissionError(errno.EACCES, "Permission denied", str(folder))

            monkeypatch.setattr(file_in_place.tempfile, "mkstemp", refuse)
        screen.export_ledger()
        qtbot.waitUntil(lambda: screen.failure_box is not None, timeout=10000)
    finally:
        folder.chmod(0o755)
    box = screen.failure_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "没有写入权限" in box.text() and "原有文件未作改动" in box.text()
    assert box.text() == screen.status_label.text()  # one sentence, beside the button too
    assert old.read_bytes() == b"last month's ledger" and opened == []
    box.close()


def test_a_slow_export_shows_progress_after_half_a_second_and_can_be_cancelled(
    qtbot, app_context: AppContext, month: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = open_screen(qtbot, app_context)
    started = threading.Event()

    def slow_ledger(*_args: Any, progress: Any, cancel: Any, **_kwargs: Any) -> None:
        started.set()
        for done in range(1000):
            if cancel.is_set():
                raise LedgerCancelled()
            progress(done, 1000)
            time.sleep(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(stats_screen, "write_ledger", slow_ledger)
    monkeypatch.setattr(screen, "choose_ledger_path", lambda _name: tmp_path / "x.xlsx")
    monkeypatch.setattr(screen, "open_folder", lambda _folder: pytest.fail("opened"))
    handle = screen.export_ledger()
    assert handle is not None and not screen.export_button.isEnabled()
    qtbot.waitUntil(started.is_set, timeout=5000)
    progress = screen.export_progress
    assert progress is not None and progress.dialog is None  # nothing for a quick job
    qtbot.waitUntil(lambda: progress.dialog is not None, timeout=3000)
    assert progress.cancel_button is not None
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert screen.status_label.text() == "已取消导出台账，原有文件未作改动。"
    assert screen.failure_box is None  # the officer asked for it: no alarm
    assert screen.export_button.isEnabled()
