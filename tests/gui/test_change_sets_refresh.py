"""Screens refresh from the one signal the job runner sends after a write committed
(``changes_committed``), each only for what it shows; the 工作台 sync card says in an officer's
words what has not been sent to the county yet."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.app.main_window import MainWindow
from station_app.gui.complaints.dialogs.acceptance import AcceptDialog
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.counts import workbench_counts
from station_app.registry.listing import count_visits

from ..conftest import complaint_draft
from .test_complaints_screen import fill_valid
from .test_visits_screen import VILLAGE, seed_roster, type_text

NOTHING_TO_SEND = "没有需要发送的变更"


def open_window(qtbot, app_context: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def recording(app_context: AppContext) -> list[Changes]:
    announced: list[Changes] = []
    app_context.jobs.changes_committed.connect(announced.append)
    return announced


def test_a_fresh_installation_has_nothing_to_send(qtbot, app_context: AppContext) -> None:
    window = open_window(qtbot, app_context)
    card = window.dashboard.sync_card
    assert card.isVisible()
    assert card.sentence_label.text() == NOTHING_TO_SEND
    assert card.detail_label.text() == "还没有导出过数据包"


def test_saving_a_visit_refreshes_the_list_the_dashboard_and_the_card(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    seed_roster(ctx)
    window = open_window(qtbot, app_context)
    visits = window.screens["visits"]
    complaints = window.screens["complaints"]
    card = window.dashboard.sync_card
    reloads: list[str] = []
    complaints.model.modelReset.connect(lambda: reloads.append("complaints"))
    announced = recording(app_context)

    form = visits.new_visit()
    qtbot.waitExposed(form)
    type_text(qtbot, form.ui.personName, "李大妈")
    form.ui.villageCombo.setCurrentIndex(form.ui.villageCombo.findData(VILLAGE))
    type_text(qtbot, form.ui.question, "化肥包装上的含量和实际不符怎么办")
    with qtbot.waitSignal(form.accepted, timeout=5000):
        qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)

    assert len(announced) == 1  # one announcement for one write
    visit_id = next(iter(announced[0].visits))
    assert announced[0] == Changes.of(visits=[visit_id])
    assert visits.model.total() == 1 == count_visits()
    assert visits.selected_id() == visit_id  # the form's ``saved`` only selects the new row
    assert window.dashboard.cards["visits_today"].value_label.text() == "1"
    assert card.sentence_label.text() == "1 次来访有变更，尚未发送给县消协"
    assert reloads == []  # the complaints list shows no visits: it was left alone


def test_saving_an_event_refreshes_the_events_list_and_the_card(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    seed_roster(ctx)
    window = open_window(qtbot, app_context)
    events = window.screens["events"]
    announced = recording(app_context)
    form = events.new_event()
    qtbot.waitExposed(form)
    ui = form.ui
    ui.heldOn.setDate(QDate(2026, 11, 15))
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findData("market_advice"))
    ui.attendees.setValue(40)
    type_text(qtbot, ui.topic, "赶场天设点")
    with qtbot.waitSignal(form.accepted, timeout=5000):
        qtbot.keyClick(ui.topic, Qt.Key.Key_Return)
    assert [set(c.events) for c in announced] == [{events.model.row_id(0)}]
    assert events.model.total() == 1 and events.total_label.text() == "共 1 场"
    card = window.dashboard.sync_card
    assert card.sentence_label.text() == "1 场宣传活动有变更，尚未发送给县消协"


def test_saving_a_complaint_and_accepting_it_refresh_lists_and_dashboard(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    seed_roster(ctx)
    window = open_window(qtbot, app_context)
    complaints = window.screens["complaints"]
    dashboard = window.dashboard
    announced = recording(app_context)

    form = complaints.new_complaint()
    qtbot.waitExposed(form)
    fill_valid(qtbot, form)
    with qtbot.waitSignal(form.accepted, timeout=5000):
        qtbot.keyClick(form.ui.subject, Qt.Key.Key_Return)
    cid = complaints.selected_id()
    assert cid is not None and announced == [Changes.of(complaints=[cid])]
    assert complaints.model.total() == 1
    counts = workbench_counts(app_context.clock.today())
    assert dashboard.cards["complaints_open"].value_label.text() == str(counts.complaints_open)
    assert dashboard.sync_card.sentence_label.text() == "1 件投诉有变更，尚未发送给县消协"

    row = complaints.model.row_of_id(cid)
    assert complaints.model.index(row, 2).data() == "已登记"
    counted = dashboard.counts
    dialog = AcceptDialog(app_context, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert announced[1:] == [Changes.of(complaints=[cid])]
    row = complaints.model.row_of_id(cid)
    assert complaints.model.index(row, 2).data() == "已受理"  # the list followed the action
    assert dashboard.counts is not counted  # the dashboard counted again (and its reminders)
    # still one complaint changed since the last bundle, however often it changed
    assert dashboard.sync_card.sentence_label.text() == "1 件投诉有变更，尚未发送给县消协"


def test_a_write_made_elsewhere_refreshes_nothing_until_announced(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    window = open_window(qtbot, app_context)
    card = window.dashboard.sync_card
    complaint = register_complaint(ctx, complaint_draft())  # not through the window's writer
    QApplication.processEvents()
    assert card.sentence_label.text() == NOTHING_TO_SEND
    app_context.jobs.announce(Changes.of(settings=["backup"]))  # touches nothing it counts
    assert card.sentence_label.text() == NOTHING_TO_SEND
    app_context.jobs.announce(complaint.changes)
    assert card.sentence_label.text() == "1 件投诉有变更，尚未发送给县消协"
