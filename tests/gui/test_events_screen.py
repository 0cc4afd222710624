"""The education events screen: entry through the form, the lazy list and its filters, refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from station_app.gui.app.context import AppContext
from station_app.gui.records.events_screen import EventsScreen, EventTableModel
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, EventFilter, count_events, register_event
from station_app.store.models import Officer

from .test_visits_screen import VILLAGE, seed_roster, type_text


def core_event(number: int = 0, **overrides: object) -> EventDraft:
    values: dict[str, object] = {
        "held_on": dt.date(2026, 11, 10) - dt.timedelta(days=number),
        "event_type": "village_talk",
        "topic": f"进村讲座：农资识假（{number}）",
        "village_code": VILLAGE,
        "attendees": 40 + number,
        "leaflets": 100,
        "consultations": 3,
    }
    values.update(overrides)
    return EventDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def screen(qtbot, app_context: AppContext, ctx: Context) -> EventsScreen:
    seed_roster(ctx)
    widget = EventsScreen(app_context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def test_register_through_the_form_and_find_it_in_the_list(qtbot, screen: EventsScreen) -> None:
    assert "还没有宣传活动记录" in screen.empty_label.text()
    form = screen.new_event()
    qtbot.waitExposed(form)
    ui = form.ui
    assert ui.heldOn.date() == QDate(2026, 11, 20)  # today by the app's clock
    assert ui.heldOn.maximumDate() == QDate(2026, 11, 20)
    assert ui.officerCombo.currentText() == "王联络员"  # the officer at the keyboard
    ui.heldOn.setDate(QDate(2026, 11, 15))
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findData("market_advice"))
    ui.villageCombo.setCurrentIndex(ui.villageCombo.findData(VILLAGE))
    ui.attendees.setValue(120)
    ui.leaflets.setValue(300)
    ui.consultations.setValue(18)
    type_text(qtbot, ui.topic, "赶场天设点：买化肥要开票")
    with qtbot.waitSignal(form.accepted, timeout=5000):  # Enter saves and closes
        qtbot.keyClick(ui.topic, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.total() == 1, timeout=5000)
    assert count_events() == 1
    assert screen.total_label.text() == "共 1 场"
    row = [screen.model.index(0, column).data() for column in range(8)]
    assert row == [
        "2026-11-15",
        "集市咨询",
        "赶场天设点：买化肥要开票",
        "城南社区",
        "120",
        "300",
        "18",
        "王联络员",
    ]
    assert screen.selected_id() == screen.model.row_id(0)  # the new event is selected

    screen.type_combo.setCurrentIndex(screen.type_combo.findData("training"))
    assert screen.model.rowCount() == 0
    assert "没有找到符合条件的宣传活动" in screen.empty_label.text()
    screen.type_combo.setCurrentIndex(screen.type_combo.findData("market_advice"))
    screen.month_combo.setCurrentIndex(screen.month_combo.findData("2026-11"))
    assert screen.model.rowCount() == 1
    screen.month_combo.setCurrentIndex(screen.month_combo.findData("2026-10"))
    assert screen.model.rowCount() == 0


def test_bad_input_is_refused_with_reasons_beside_the_fields(qtbot, screen: EventsScreen) -> None:
    form = screen.new_event()
    qtbot.waitExposed(form)
    qtbot.keyClick(form.ui.topic, Qt.Key.Key_Return)  # nothing chosen, nothing typed
    qtbot.waitUntil(lambda: form.errors.message("topic") is not None, timeout=5000)
    assert form.errors.message("topic") == "请填写活动主题。"
    assert form.errors.message("event_type") == "请选择活动类型。"
    assert form.isVisible() and count_events() == 0

    form.ui.typeCombo.setCurrentIndex(0)
    assert form.errors.message("event_type") is None  # cleared as soon as it is fixed
    type_text(qtbot, form.ui.topic, "老年防骗讲座")
    assert form.errors.message("topic") is None
    Officer.delete().execute()  # the chosen officer left the roster while the form was open
    qtbot.keyClick(form.ui.topic, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors.message("officer_id") is not None, timeout=5000)
    assert "经办人不在名册中" in (form.errors.message("officer_id") or "")
    assert count_events() == 0


def test_edit_then_delete_with_a_reason(
    qtbot, screen: EventsScreen, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    event = register_event(ctx, core_event())
    screen.refresh()
    screen.select_id(event.id)
    form = screen.edit_selected()
    assert form is not None
    qtbot.waitExposed(form)
    assert form.windowTitle() == "修改宣传活动"
    assert form.ui.topic.text() == "进村讲座：农资识假（0）"
    assert form.ui.attendees.value() == 40
    form.ui.attendees.setValue(55)
    with qtbot.waitSignal(form.accepted, timeout=5000):
        qtbot.keyClick(form.ui.attendees, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.index(0, 4).data() == "55", timeout=5000)

    warnings: list[str] = []
    monkeypatch.setattr(
        "station_app.gui.widgets.list_screen.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    screen.select_id(event.id)
    monkeypatch.setattr(screen, "ask_delete_reason", lambda _row: "")
    screen.delete_selected()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert warnings == ["删除宣传活动记录须写明原因。"]
    assert count_events() == 1

    monkeypatch.setattr(screen, "ask_delete_reason", lambda _row: "重复登记")
    screen.delete_selected()
    qtbot.waitUntil(lambda: screen.model.total() == 0, timeout=5000)
    assert count_events() == 0


def test_the_model_pages_lazily(qtbot, qtmodeltester, ctx: Context) -> None:
    seed_roster(ctx)
    for number in range(7):
        register_event(ctx, core_event(number))
    model = EventTableModel(EventFilter(origin=ctx.origin), page_size=3)
    assert model.total() == 7 and model.rowCount() == 3
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 7
    assert model.index(0, 0).data() == "2026-11-10"  # newest first
    assert model.index(6, 0).data() == "2026-11-04"
    assert model.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
