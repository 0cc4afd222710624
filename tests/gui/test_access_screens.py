"""Personal data in the window: the county's detail window refuses to change a station's
complaint (and takes its remarks), and the access-log screen filters and exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from station_app.access import access_log
from station_app.gui.access.access_log_screen import AccessLogScreen
from station_app.gui.app.context import AppContext
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.settings import save_identity, station_identity
from station_app.store.models import Complaint

from ..conftest import complaint_draft
from .test_complaint_detail import open_detail, reload


def _as_county() -> None:
    identity = station_identity()
    assert identity is not None
    county = dataclasses.replace(identity, code="XIAN", name="通江县消协", role="county")
    save_identity(county, replace=True)


def test_the_county_window_shows_why_a_stations_complaint_cannot_be_changed(
    qtbot, app_context: AppContext, ctx: Context
) -> None:  # type: ignore[no-untyped-def]
    complaint = register_complaint(ctx, complaint_draft())
    _as_county()
    detail = open_detail(qtbot, app_context, complaint.id)
    notice = detail.read_only_label
    assert notice.isVisible()
    assert "县消协只能查看" in notice.text() and complaint.number in notice.text()
    assert "TJ001" in notice.text()
    writing = [b for b in detail.findChildren(QPushButton) if b.objectName().startswith("action_")]
    assert writing and not any(b.isVisible() for b in writing)
    for name in ("editButton", "consentButton", "addAttachmentButton"):
        button = detail.findChild(QPushButton, name)
        assert button is None or not button.isVisible(), name
    # the county writes its remark instead; the complaint itself is unchanged
    version = Complaint.get_by_id(complaint.id).version
    detail.tabs.setCurrentWidget(detail.remarks_tab)
    detail.remarks_tab.editor.setPlainText("请核实经营者是否已退款。")
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        qtbot.mouseClick(detail.remarks_tab.add_button, Qt.MouseButton.LeftButton)
    assert "请核实经营者是否已退款。" in detail.remarks_tab.shown.toPlainText()
    assert detail.tabs.tabText(detail.tabs.indexOf(detail.remarks_tab)) == "县消协备注（1）"
    assert Complaint.get_by_id(complaint.id).version == version
    detail.grab().save("/tmp/access-county-detail.png")
    screen = AccessLogScreen(app_context)  # the county also filters by station
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.station.isVisible(), timeout=5000)


def test_the_station_window_is_unchanged(qtbot, app_context: AppContext, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    complaint = register_complaint(ctx, complaint_draft())
    detail = open_detail(qtbot, app_context, complaint.id)
    reload(qtbot, detail)
    assert not detail.read_only_label.isVisible()
    assert detail.findChild(QPushButton, "editButton").isVisible()
    assert not detail.remarks_tab.add_button.isVisible()  # a station only reads remarks
    screen = AccessLogScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.count_label.text() != "", timeout=5000)
    assert not screen.station.isVisible()


def test_access_log_screen_filters_and_exports(
    qtbot, app_context: AppContext, ctx: Context, clock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    access_log.record(ctx, access_log.SIGN_IN, "王联络员")
    access_log.record(ctx, access_log.REVEAL, "TJ001-2026-0001", "经办人查看")
    head = Context(ctx.station, actor="李站长", clock=clock)
    access_log.record(head, access_log.PRINT, "TJ001-2026-0001-DJ", "打印投诉登记表")
    clock.advance(days=-40)
    access_log.record(head, access_log.SIGN_IN, "李站长")  # before the default range
    clock.advance(days=40)
    screen = AccessLogScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)
    assert screen.count_label.text() == "共 3 条。"

    def search() -> None:
        qtbot.mouseClick(screen.search_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(screen.search_button.isEnabled, timeout=5000)

    screen.kind.setCurrentIndex(screen.kind.findData("sign_in"))
    search()
    assert [r.actor for r in screen.model.rows()] == ["王联络员"]
    screen.start.setDate(QDate(2026, 10, 1))
    search()
    assert sorted(r.actor for r in screen.model.rows()) == ["李站长", "王联络员"]
    screen.kind.setCurrentIndex(0)
    screen.person.setCurrentIndex(screen.person.findData("李站长"))
    search()
    assert {r.kind for r in screen.model.rows()} == {"sign_in", "print"}
    written = screen.export_to(tmp_path / "log.csv")
    assert written is not None and "李站长" in written.read_text(encoding="utf-8-sig")
    screen.end.setDate(QDate(2026, 9, 1))
    search()
    assert (
        screen.model.rowCount() == 0 and screen.count_label.text() == "结束日期不能早于开始日期。"
    )
    assert dt.date(2026, 11, 20) == app_context.clock.today()
    screen.grab().save("/tmp/access-log-screen.png")


def test_settings_previews_then_anonymises_and_exports_a_persons_records(
    qtbot, app_context: AppContext, ctx: Context, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from station_app.gui.settings.personal_data import PersonalDataGroup
    from station_app.gui.settings.screen import SettingsScreen

    from ..core.test_retention import _old_closed

    old = _old_closed(ctx, "张秀英", "13981234567")
    screen = SettingsScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    group = screen.personal_data_group
    assert group is not None  # the fixture's installation: the station head signed in
    assert group.years_spin.value() == 3 and not group.apply_button.isEnabled()

    # the person's own records first, while they still have them
    saved = tmp_path / "本人.pdf"
    monkeypatch.setattr(PersonalDataGroup, "choose_file", lambda self, records: saved)
    group.person_edit.setText("13981234567")
    qtbot.mouseClick(group.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存" in group.export_note.text(), timeout=10000)
    assert saved.read_bytes().startswith(b"%PDF")
    assert [r.kind for r in access_log.entries(access_log.AccessFilter())] == ["personal_export"]
    group.person_edit.setText("13900000000")
    qtbot.mouseClick(group.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "没有" in group.export_note.text(), timeout=5000)

    qtbot.mouseClick(group.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(group.apply_button.isEnabled, timeout=5000)
    assert "1 条投诉的 1 位当事人" in group.retention_note.text()
    screen.grab().save("/tmp/access-settings.png")
    assert Complaint.get_by_id(old.id).complainants[0].person.name == "张秀英"  # preview only
    answers = iter([False, True])
    monkeypatch.setattr(PersonalDataGroup, "confirm_apply", lambda self, shown: next(answers))
    qtbot.mouseClick(group.apply_button, Qt.MouseButton.LeftButton)  # 取消: nothing changes
    assert Complaint.get_by_id(old.id).complainants[0].person.name == "张秀英"
    qtbot.mouseClick(group.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已匿名化" in group.retention_note.text(), timeout=5000)
    assert Complaint.get_by_id(old.id).complainants[0].person.name == "（已匿名）"


def test_the_county_window_lists_the_access_log_and_gives_ctrl_digits_to_nine_screens(
    qtbot, app_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from .test_main_window import open_window

    _as_county()
    window = open_window(qtbot, app_context)
    keys = window.screen_keys()
    assert "access_log" in keys and "stations" in keys and len(keys) == 11  # 举报 too
    shortcuts = [action.shortcut().toString() for action in window.screen_actions]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 10)] + ["", ""]
    window.screen_actions[9].trigger()
    assert window.current_screen_key() == keys[9]
