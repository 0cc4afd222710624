"""What the window offers depends on the station's kind: a liaison point registers and refers,
and is offered no acceptance decision and no mediation; the 设置 screen shows and sets the kind."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from station_app.gui.app.context import AppContext
from station_app.gui.settings.screen import SettingsScreen
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.station_kinds import (
    ASSOCIATION,
    ENTRUSTED,
    LIAISON,
    set_station_kind,
    station_kind,
)
from station_app.store.models import Station

from .test_complaint_detail import offered, open_detail, reload


def test_a_liaison_point_is_offered_no_acceptance_decision_nor_mediation(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id
    detail = open_detail(qtbot, app_context, cid)
    assert offered(detail, "accept") and offered(detail, "refuse")  # a 消协 station decides

    set_station_kind(LIAISON)
    reload(qtbot, detail)
    for action in ("accept", "refuse"):
        button = detail.findChild(QPushButton, f"action_{action}")
        assert button is not None and not button.isVisible(), action
    assert offered(detail, "refer") and offered(detail, "withdraw")
    detail.close()


def test_the_settings_screen_sets_the_kind_when_no_roster_said_it(
    qtbot, app_context: AppContext
) -> None:
    screen = SettingsScreen(app_context)
    qtbot.addWidget(screen)
    assert screen.kind_combo.isEnabled()
    assert screen.kind_combo.currentData() == ASSOCIATION
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData(ENTRUSTED))
    assert screen.office_edit.isEnabled()
    screen.office_edit.setText("通江县市场监督管理局")
    screen.save_kind()
    qtbot.waitUntil(lambda: station_kind().kind == ENTRUSTED, timeout=5000)
    assert station_kind().office == "通江县市场监督管理局"
    assert station_kind().source == "settings"


def test_the_settings_screen_shows_a_kind_the_roster_set_and_does_not_change_it(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    Station.update(kind=LIAISON).where(Station.code == ctx.origin).execute()
    screen = SettingsScreen(app_context)
    qtbot.addWidget(screen)
    assert screen.kind_combo.currentData() == LIAISON
    assert not screen.kind_combo.isEnabled()
    assert "名册" in screen.kind_note.text()
