"""工作台's 到期提醒: groups in the core's order, masked complainant and business columns, and
enough rows in sight on a 1366x768 laptop with the larger text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.gui.app.application import default_font
from station_app.gui.app.context import AppContext
from station_app.gui.app.dashboard import DashboardScreen
from station_app.gui.app.main_window import MainWindow
from station_app.registry.complaints import PersonDraft, register_complaint
from station_app.registry.context import Context
from station_app.workflow import transitions

from ..conftest import complaint_draft


def _fill(ctx: Context) -> dict[str, int]:
    """On Fri 20 Nov 2026: two overdue and one near acceptance, one overdue mediation."""
    mediating = register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 9, 1, 9)))
    transitions.accept(ctx, mediating.id, on=dt.date(2026, 9, 2))
    near = register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 11, 16, 9)))
    group = register_complaint(
        ctx,
        complaint_draft(
            received_at=dt.datetime(2026, 11, 4, 9),
            complainants=[
                PersonDraft(name="王建国", phone="13881234568", village_code="511921100201"),
                PersonDraft(name="赵小红", phone="13881234569", village_code="511921100201"),
            ],
            is_group=True,
            group_size=15,
            respondent_name="通江县某某手机店",
        ),
    )
    late = register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 11, 2, 9)))
    return {"mediating": mediating.id, "near": near.id, "group": group.id, "late": late.id}


def test_groups_in_order_with_their_rows_and_parties(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    ids = _fill(ctx)
    dashboard = DashboardScreen(app_context)
    qtbot.addWidget(dashboard)
    dashboard.show()
    model, table = dashboard.due_model, dashboard.due_table
    rows = [
        tuple(str(model.index(row, column).data() or "") for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(rows[0]))]
    assert headers == ["登记编号", "状态", "期限", "截止日期", "投诉人", "被投诉方"]
    assert table.isColumnHidden(2)  # the limit: the group's title names it
    assert model.group_rows() == [0, 4]
    assert rows[0][0] == "受理决定期限（3 件，其中已超期 2 件）"
    assert rows[4][0] == "调解期限（1 件，其中已超期 1 件）"
    assert all(text == "" for text in rows[0][1:])
    assert table.columnSpan(0, 0) == model.columnCount() == table.columnSpan(4, 0)
    assert table.columnSpan(1, 0) == 1
    # within a group: overdue first, earliest deadline first
    assert [model.item(row).complaint_id for row in (1, 2, 3, 5)] == [  # type: ignore[union-attr]
        ids["late"],
        ids["group"],
        ids["near"],
        ids["mediating"],
    ]
    assert model.item(0) is None and model.item(4) is None
    assert [rows[row][4:] for row in (1, 2, 3, 5)] == [
        ("李**", "通江县诺江镇惠民农资店"),
        ("王** 等15人", "通江县某某手机店"),
        ("李**", "通江县诺江镇惠民农资店"),
        ("李**", "通江县诺江镇惠民农资店"),
    ]
    assert "已超期" in rows[1][3] and "还剩" in rows[3][3]
    assert dashboard.due_title.text() == "到期提醒（已超期 3 件，3个工作日内到期 1 件）"
    # a title row opens nothing; a complaint row opens its complaint
    dashboard.due_table.activated.emit(model.index(0, 0))
    assert dashboard.detail is None
    dashboard.due_table.activated.emit(model.index(2, 1))
    assert dashboard.detail is not None and dashboard.detail.complaint_id == ids["group"]
    dashboard.detail.close()


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    """设置 → 较大字号, as the application applies it at start-up."""
    before = qapp.font()
    qapp.setFont(default_font(large=True))
    yield
    qapp.setFont(before)


@pytest.mark.usefixtures("large_text")
def test_eight_rows_in_sight_at_1366x768_with_large_text(
    qtbot: QtBot, app_context: AppContext, ctx: Context, tmp_path: Path
) -> None:
    _fill(ctx)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(app_context, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_screen_key() == "dashboard"
    assert (window.width(), window.height()) == (1366, 768)
    table = window.dashboard.due_table
    assert table.isVisible()
    row_height = table.verticalHeader().defaultSectionSize()
    assert row_height >= table.fontMetrics().height()  # the larger text fits its rows
    assert table.viewport().height() // row_height >= 8
    assert table.rowHeight(0) == row_height
