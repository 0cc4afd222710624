"""举报 screen: register a report (anonymous), pass it on, enter the reply; the list follows each
write. The event form records a warning's channel and reach and the instruments checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from station_app.gui.app.context import AppContext
from station_app.gui.records.event_form import EventForm
from station_app.gui.records.violations_screen import ViolationsScreen
from station_app.gui.widgets.combos import select_data
from station_app.reports.indicators import compute_indicators
from station_app.store.event_models import EducationEvent
from station_app.store.violation_models import ViolationReport

from .dialog_answers import leave


def test_a_report_is_registered_passed_on_and_answered(
    qtbot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    screen = ViolationsScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.stack.currentWidget() is screen.empty_label
    form = screen.new_report()
    select_data(form.channel_combo, "phone")
    form.anonymous.setChecked(True)
    assert not form.reporter_name.isEnabled()
    form.respondent_name.setText("诺江镇好又多超市")
    form.subject.setText("短斤少两")
    form.facts.setPlainText("电子秤每斤少二两。")
    with qtbot.waitSignal(app_context.jobs.changes_committed, timeout=10_000) as announced:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert announced.args[0].violations
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    report = ViolationReport.get()
    assert report.anonymous and report.reporter_name is None

    screen.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    assert screen.reply_selected() is None  # not passed on yet: it says so
    refer = screen.refer_selected()
    assert refer is not None
    refer.office.setText("通江县市场监督管理局")
    with qtbot.waitSignal(app_context.jobs.changes_committed, timeout=10_000):
        refer.save()
    qtbot.waitUntil(lambda: ViolationReport.get().referred_on is not None, timeout=10_000)
    screen.table.selectRow(0)
    reply = screen.reply_selected()
    assert reply is not None
    reply.reply.setPlainText("已立案调查。")
    select_data(reply.case_filed, True)
    with qtbot.waitSignal(app_context.jobs.changes_committed, timeout=10_000):
        reply.save()
    qtbot.waitUntil(lambda: ViolationReport.get().case_filed is True, timeout=10_000)
    qtbot.waitUntil(lambda: screen.model.row_data(0).state == "replied", timeout=10_000)
    month = app_context.clock.today().strftime("%Y-%m")
    figures = compute_indicators(month).figures
    assert figures["violations_registered"] == 1 and figures["violations_case_filed"] == 1


def test_a_filled_report_form_asks_before_closing(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    screen = ViolationsScreen(app_context)
    qtbot.addWidget(screen)
    form = screen.new_report()
    form.facts.setPlainText("写了一半")
    assert leave(form, discard=False)  # 继续填写: the text stays
    assert form.isVisible() and form.facts.toPlainText() == "写了一半"
    assert leave(form, discard=True)
    assert not form.isVisible()


def test_the_event_form_records_reach_and_instrument_checks(qtbot, app_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    form = EventForm(app_context)
    qtbot.addWidget(form)
    form.show()
    select_data(form.ui.typeCombo, "consumer_warning")
    assert form.channel_combo.isVisible() and not form.instruments_box.isVisible()
    select_data(form.channel_combo, "wechat_group")
    form.reach.setValue(650)
    form.ui.topic.setText("预付卡消费风险警示")
    with qtbot.waitSignal(app_context.jobs.changes_committed, timeout=10_000):
        form.save()
    warning = EducationEvent.get(EducationEvent.topic == "预付卡消费风险警示")
    assert (warning.channel, warning.reach) == ("wechat_group", 650)

    fair = EventForm(app_context)
    qtbot.addWidget(fair)
    fair.show()
    select_data(fair.ui.typeCombo, "market_advice")
    assert fair.instruments_box.isVisible() and not fair.channel_combo.isVisible()
    fair.ui.topic.setText("集市咨询")
    checked, failed = fair.instrument_spins["scale"]
    checked.setValue(40)
    failed.setValue(3)
    with qtbot.waitSignal(app_context.jobs.changes_committed, timeout=10_000):
        fair.save()
    month = app_context.clock.today().strftime("%Y-%m")
    figures = compute_indicators(month).figures
    assert (figures["instruments_checked"], figures["instruments_failed"]) == (40, 3)
    assert figures["notice_reach"] == 650
