"""The main window: title, sidebar, shortcuts, workbench counts, window state, crash handling."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app import app_log
from station_app.changes import Changes
from station_app.errors import StationError
from station_app.gui.app import main as gui_app
from station_app.gui.app import main_window as main_window_module
from station_app.gui.app.context import AppContext
from station_app.gui.app.main_window import MainWindow, ScreenEntry
from station_app.registry.complaints import ComplaintDraft, register_complaint
from station_app.registry.context import Context
from station_app.registry.counts import workbench_counts
from station_app.registry.listing import (
    ComplaintFilter,
    VisitFilter,
    count_complaints,
    count_visits,
)
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, register_visit
from station_app.store.models import Complaint


def open_window(
    qtbot: QtBot, app_context: AppContext, settings: QSettings | None = None
) -> MainWindow:
    window = MainWindow(app_context, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    return window


def sidebar_texts(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def register(ctx: Context, when: dt.datetime) -> Complaint:
    draft = ComplaintDraft(
        received_at=when,
        channel="phone",
        complainants=[PersonDraft(name="张桂芳", phone="13800138000")],
        respondent_name="诺江镇惠民超市",
        subject="过期牛奶",
        category_code="G03",
        natures=["quality"],
        facts="购买的牛奶已过保质期。",
    )
    return register_complaint(ctx, draft)


def test_title_sidebar_and_status_bar(qtbot: QtBot, app_context: AppContext) -> None:
    window = open_window(qtbot, app_context)
    identity = app_context.installation.identity()
    assert identity is not None
    assert window.windowTitle() == f"消费维权服务站登记系统 — {identity.name}"
    titles = sidebar_texts(window)
    assert titles[0] == "工作台"
    expected = {
        "dashboard": "工作台",
        "complaints": "投诉",
        "visits": "来访咨询",
        "events": "宣传活动",
        "violations": "举报",
        "stats": "统计",
        "sync": "同步",
        "stations": "服务站总览",
        "conflicts": "冲突审核",
        "roster": "名册",
        "access_log": "访问日志",
        "settings": "设置",
    }
    assert titles == [expected[key] for key in window.screen_keys()]
    assert window.screen_keys()[:3] == ["dashboard", "complaints", "visits"]
    # a station shows its own sync screen, never the county's
    assert "stations" not in window.screen_keys() and "conflicts" not in window.screen_keys()
    assert window.current_screen_key() == "dashboard"
    assert window.station_label.text() == f"服务站：{identity.code}  {identity.name}"
    assert window.officer_label.text() == f"当前联络员：{app_context.actor}"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "登记(&R)", "查找(&S)", "帮助(&H)"]


def test_ctrl_digits_switch_screens(qtbot: QtBot, app_context: AppContext) -> None:
    window = open_window(qtbot, app_context)
    for index, key in reversed(list(enumerate(window.screen_keys()))):
        # Ctrl+1 … Ctrl+9 for the first nine screens; the tenth is reached from the sidebar
        wanted = f"Ctrl+{index + 1}" if index < 9 else ""
        assert window.screen_actions[index].shortcut().toString() == wanted
        title = window.screen_titles[key]
        assert window.sidebar.item(index).toolTip() == (f"{title}（{wanted}）" if wanted else title)
        window.screen_actions[index].trigger()
        assert window.current_screen_key() == key
        assert window.stack.currentWidget() is window.screens[key]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)  # arrow keys move through the sidebar too
    assert window.current_screen_key() == window.screen_keys()[min(1, len(window.screens) - 1)]


def test_missing_screen_modules_are_left_out(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        main_window_module,
        "SCREEN_ENTRIES",
        (
            ScreenEntry("dashboard", "", "DashboardScreen"),
            ScreenEntry("complaints", "no_such_screen_module", "ComplaintsScreen"),
        ),
    )
    window = open_window(qtbot, app_context)
    assert sidebar_texts(window) == ["工作台"]
    assert not window.new_complaint_action.isEnabled()
    assert not window.dashboard.new_complaint_button.isVisibleTo(window)
    window.new_complaint()  # harmless without the screen
    assert window.current_screen_key() == "dashboard"


def test_ctrl_n_opens_new_complaint_on_complaints_screen(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen_module = pytest.importorskip("station_app.gui.complaints.screen", exc_type=ImportError)
    calls: list[str] = []
    monkeypatch.setattr(
        screen_module.ComplaintsScreen, "new_complaint", lambda self: calls.append("new")
    )
    monkeypatch.setattr(
        screen_module.ComplaintsScreen, "focus_search", lambda self: calls.append("find")
    )
    window = open_window(qtbot, app_context)
    assert window.new_complaint_action.shortcut().toString() == "Ctrl+N"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen_key() == "complaints"
    assert isinstance(window.screens["complaints"], screen_module.ComplaintsScreen)
    assert calls == ["new"]

    window.show_screen("dashboard")  # Ctrl+F from the workbench searches complaints
    window.find_action.trigger()
    assert window.current_screen_key() == "complaints"
    assert calls == ["new", "find"]

    window.show_screen("dashboard")
    qtbot.mouseClick(window.dashboard.new_complaint_button, Qt.MouseButton.LeftButton)
    assert calls == ["new", "find", "new"]


def test_ctrl_shift_n_opens_new_visit_on_visits_screen(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen_module = pytest.importorskip(
        "station_app.gui.records.visits_screen", exc_type=ImportError
    )
    calls: list[str] = []
    monkeypatch.setattr(screen_module.VisitsScreen, "new_visit", lambda self: calls.append("new"))
    monkeypatch.setattr(
        screen_module.VisitsScreen, "focus_search", lambda self: calls.append("find")
    )
    window = open_window(qtbot, app_context)
    assert window.new_visit_action.shortcut().toString() == "Ctrl+Shift+N"
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_screen_key() == "visits"
    assert calls == ["new"]
    window.find_action.trigger()  # on a list screen, Ctrl+F searches that screen
    assert window.current_screen_key() == "visits"
    assert calls == ["new", "find"]


def card_values(window: MainWindow) -> dict[str, str]:
    return {key: card.value_label.text() for key, card in window.dashboard.cards.items()}


def test_dashboard_counts_follow_the_core(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    window = open_window(qtbot, app_context)
    assert set(card_values(window).values()) == {"0"}

    now = ctx.clock.local_now()  # 2026-11-20 10:00
    register(ctx, now.replace(hour=8))
    register(ctx, now.replace(hour=9))
    register(ctx, dt.datetime(2026, 11, 3, 15, 30))
    old = register(ctx, dt.datetime(2026, 10, 12, 9, 0))
    Complaint.update(status="closed").where(Complaint.id == old.id).execute()
    app_context.jobs.announce(old.changes)  # what the window's writer does after a write
    register_visit(
        ctx,
        VisitDraft(
            visited_at=now.replace(hour=9), channel="visit", question="彩礼纠纷找谁？", headcount=4
        ),
    )
    register_visit(
        ctx,
        VisitDraft(visited_at=dt.datetime(2026, 11, 1, 9), channel="phone", question="网购退货"),
    )
    app_context.jobs.announce(Changes.of(visits=[1]))

    values = card_values(window)
    core = workbench_counts(ctx.clock.today())
    assert values == {
        "complaints_today": "2",
        "complaints_month": str(count_complaints(ComplaintFilter(month="2026-11"))),
        "complaints_open": "3",
        "visits_today": "1",
        "visits_month": str(count_visits(VisitFilter(month="2026-11"))),
    }
    assert values["complaints_month"] == "3" and values["visits_month"] == "2"
    assert values["complaints_open"] == str(core.complaints_open)
    assert window.dashboard.cards["visits_today"].detail_label.text() == "共 4 人"
    assert window.dashboard.cards["visits_month"].detail_label.text() == "共 5 人"
    assert "2026年11月20日" in window.dashboard.date_label.text()


def test_window_state_saved_and_restored(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = open_window(qtbot, app_context, settings)
    available = window.screen().availableGeometry()
    assert (available.width(), available.height()) == (1366, 768)
    assert (window.width(), window.height()) == (1280, 720)  # the default fits the laptop screen
    window.resize(1100, 650)
    window.close()

    again = open_window(
        qtbot, app_context, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    )
    assert (again.width(), again.height()) == (1100, 650)


def test_unexpected_error_is_logged_and_shown_with_log_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    log_path = app_log.setup_logging(tmp_path / "logs")
    shown: list[tuple[Path | None, str]] = []

    def fake_exec(dialog: gui_app.CrashDialog) -> int:
        shown.append((dialog.log_path, dialog.details.toPlainText()))
        assert str(log_path) in dialog.path_label.text()
        return 0

    monkeypatch.setattr(gui_app.CrashDialog, "exec", fake_exec)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError as error:
        gui_app.handle_exception(type(error), error, error.__traceback__)
    try:
        assert len(shown) == 1
        assert "ZeroDivisionError" in shown[0][1]
        assert "division by zero in a slot" in log_path.read_text(encoding="utf-8")
    finally:
        app_log.close_logging()


def test_refusal_reaching_the_hook_is_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object, caplog: pytest.LogCaptureFixture
) -> None:
    refusals: list[str] = []
    monkeypatch.setattr(
        gui_app, "show_refusal", lambda error, parent=None: refusals.append(str(error))
    )
    monkeypatch.setattr(
        gui_app.CrashDialog, "exec", lambda dialog: pytest.fail("crash dialog shown")
    )
    error = StationError("这条投诉不存在或已删除。")
    with caplog.at_level(logging.INFO):
        gui_app.handle_exception(StationError, error, None)
    assert refusals == ["这条投诉不存在或已删除。"]
    assert "Traceback" not in caplog.text
