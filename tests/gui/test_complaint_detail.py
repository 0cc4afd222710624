"""The complaint detail window, driven by its buttons: from registration to follow-up, a refusal
of acceptance, actions not offered or refused, and deadlines coloured in the list and workbench."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from shiboken6 import isValid

from station_app.gui.app.context import AppContext
from station_app.gui.app.dashboard import DashboardScreen
from station_app.gui.complaints.detail.window import ComplaintDetail
from station_app.gui.complaints.dialogs.base import ActionDialog
from station_app.gui.complaints.screen import ComplaintsScreen
from station_app.gui.complaints.table_model import OVERDUE_COLORS, ComplaintTableModel
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.workflow import consent, mediation, states, transitions

from .dialog_answers import leave
from .test_complaints_screen import type_text


def status(complaint_id: int) -> str:
    return get_complaint(complaint_id).status


def open_detail(qtbot, app: AppContext, complaint_id: int) -> ComplaintDetail:
    detail = ComplaintDetail(app, complaint_id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)  # read off the GUI thread
    return detail


def reload(qtbot, detail: ComplaintDetail) -> None:
    """Read the complaint again and wait until the window shows it."""
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        detail.reload()


def offered(detail: ComplaintDetail, action: str) -> bool:
    button = detail.findChild(QPushButton, f"action_{action}")
    return button is not None and button.isVisible() and button.isEnabled()


def click(qtbot, detail: ComplaintDetail, object_name: str) -> ActionDialog:
    qtbot.waitUntil(lambda: not detail.reading, timeout=5000)  # shows the latest write
    button = detail.findChild(QPushButton, object_name)
    assert button is not None and button.isVisible(), object_name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = detail.dialog
    assert isinstance(dialog, ActionDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def ok(qtbot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)


def gone(dialog: ActionDialog) -> bool:
    return not isValid(dialog) or not dialog.isVisible()


def run(qtbot, dialog: ActionDialog, done: Callable[[], bool]) -> None:
    """Click 确定, wait for the dialog to close (not refused), then for the core to show it."""
    ok(qtbot, dialog)
    qtbot.waitUntil(
        lambda: gone(dialog) or dialog.refusal_text() != "" or bool(dialog.errors.messages()),
        timeout=5000,
    )
    assert gone(dialog), dialog.refusal_text() or dialog.errors.messages()
    qtbot.waitUntil(done, timeout=5000)


def test_one_complaint_from_registration_to_follow_up_by_the_buttons(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    cid = complaint.id
    detail = open_detail(qtbot, app_context, cid)
    assert detail.number_label.text().endswith(complaint.number)
    assert detail.status_label.text() == "已登记"
    assert "李**" in detail.parties_label.text() and "李桂兰" not in detail.parties_label.text()
    assert detail.banner.text().startswith("受理决定期限：2026-11-27 前")
    # registered: decide acceptance; mediation, agreement and closing are not offered
    assert offered(detail, "accept") and offered(detail, "refuse")
    for action in ("record_agreement", "close", "follow_up", "record_mediation_step"):
        assert not offered(detail, action), action

    dialog = click(qtbot, detail, "action_accept")
    type_text(qtbot, dialog.fields["note"], "材料齐全")
    run(qtbot, dialog, lambda: status(cid) == states.ACCEPTED)
    qtbot.waitUntil(lambda: detail.status_label.text() == "已受理", timeout=5000)
    assert not offered(detail, "accept") and offered(detail, "record_mediation_step")
    assert detail.banner.text().startswith("调解期限")

    # mediation needs the complainant's consent first: refused, with the reason, nothing written
    dialog = click(qtbot, detail, "action_record_mediation_step")
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.refusal_text() != "", timeout=5000)
    assert "尚未同意向被投诉方提供" in dialog.refusal_text() and dialog.isVisible()
    assert status(cid) == states.ACCEPTED and mediation.mediation_steps_of(cid) == []
    leave(dialog)

    dialog = click(qtbot, detail, "consentButton")
    assert dialog.fields["recipients"].findChild(QPushButton) is None
    assert detail.dialog.recipient_checks[consent.RESPONDENT].isChecked()  # type: ignore[union-attr]
    run(qtbot, dialog, lambda: consent.missing_consent(get_complaint(cid), "respondent") == [])

    for number, (offer, result) in enumerate(
        [
            ("投诉人要求退款 360 元；店主只同意换货", "未达成一致"),
            ("店主同意退款 360 元", "达成一致"),
        ]
    ):
        dialog = click(qtbot, detail, "action_record_mediation_step")
        held = dialog.fields["held_at"]
        held.setDateTime(held.dateTime().addSecs(-3600 * (2 - number)))
        choose(dialog.fields["mode"], "on_site" if number else "phone")
        type_text(qtbot, dialog.fields["offers"], offer)
        type_text(qtbot, dialog.fields["result"], result)
        if number == 0:
            next_on = dialog.fields["next_on"]
            next_on.check.setChecked(True)  # type: ignore[attr-defined]
            next_on.edit.setDate(QDate(2026, 11, 24))  # type: ignore[attr-defined]
        run(qtbot, dialog, lambda n=number: len(mediation.mediation_steps_of(cid)) == n + 1)
    assert status(cid) == states.IN_MEDIATION
    steps = mediation.mediation_steps_of(cid)
    assert [s.mode for s in steps] == ["phone", "on_site"] and steps[0].next_on == dt.date(
        2026, 11, 24
    )
    qtbot.waitUntil(lambda: detail.mediation_tab.step_model.rowCount() == 2, timeout=5000)

    dialog = click(qtbot, detail, "action_record_agreement")
    type_text(qtbot, dialog.fields["terms"], "被投诉方于11月25日前退还货款")
    type_text(qtbot, dialog.fields["amount_fen"], "360元x")
    ok(qtbot, dialog)  # an amount that is not a number: the reason beside the field
    assert "金额格式不对" in (dialog.errors.message("amount_fen") or "")
    dialog.fields["amount_fen"].clear()
    type_text(qtbot, dialog.fields["amount_fen"], "360")
    run(qtbot, dialog, lambda: status(cid) == states.AGREEMENT_PENDING)
    agreement = mediation.agreements_of(cid)[0]
    assert agreement.amount_fen == 36000

    dialog = click(qtbot, detail, "action_record_carried_out")
    run(qtbot, dialog, lambda: mediation.agreements_of(cid)[0].carried_out is True)
    qtbot.waitUntil(
        lambda: detail.mediation_tab.agreement_model.row_texts()[0][5].startswith("已履行"),
        timeout=5000,
    )

    dialog = click(qtbot, detail, "action_close")
    assert dialog.fields["outcome"].currentData() == "mediated"
    type_text(qtbot, dialog.fields["recovered_fen"], "360")
    run(qtbot, dialog, lambda: status(cid) == states.CLOSED)
    closed = get_complaint(cid)
    assert closed.outcome == "mediated" and closed.recovered_fen == 36000
    qtbot.waitUntil(lambda: offered(detail, "follow_up"), timeout=5000)
    assert detail.banner.text().startswith("回访期限")

    dialog = click(qtbot, detail, "action_follow_up")
    ok(qtbot, dialog)  # satisfaction not chosen: the core's reason beside the field
    qtbot.waitUntil(lambda: dialog.errors.message("satisfaction") is not None, timeout=5000)
    choose(dialog.fields["satisfaction"], "satisfied")
    dialog.fields["carried_out"].set_value(True)  # type: ignore[attr-defined]
    run(qtbot, dialog, lambda: status(cid) == states.FOLLOWED_UP)
    qtbot.waitUntil(lambda: detail.status_label.text() == "已回访", timeout=5000)
    assert transitions.follow_ups_of(cid)[0].carried_out is True
    assert not detail.banner.isVisible()

    moves = [row[1] for row in detail.history_tab.transition_model.row_texts()]
    assert moves == ["受理", "开始调解", "调解协议", "办结", "回访"]
    print_kinds = [a.objectName() for a in _print_actions(detail)]
    assert "print_mediation_agreement" in print_kinds and "print_follow_up_record" in print_kinds


def _print_actions(detail: ComplaintDetail):  # type: ignore[no-untyped-def]
    detail._fill_print_menu()
    return detail.print_menu.actions()


def test_a_complaint_not_accepted_by_the_buttons(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id
    detail = open_detail(qtbot, app_context, cid)
    dialog = click(qtbot, detail, "action_refuse")
    ok(qtbot, dialog)  # no ground chosen
    qtbot.waitUntil(lambda: dialog.errors.message("ground_code") is not None, timeout=5000)
    ground = dialog.fields["ground_code"]
    choose(ground, "outside_remit")
    assert ground.currentText().startswith("第")  # cited by its item of the measures
    type_text(qtbot, dialog.fields["note"], "属于劳动争议")
    run(qtbot, dialog, lambda: status(cid) == states.NOT_ACCEPTED)
    refused = get_complaint(cid)
    assert refused.not_accepted_ground == "outside_remit" and refused.outcome == "not_accepted"
    qtbot.waitUntil(lambda: detail.status_label.text() == "不予受理", timeout=5000)
    # nothing more can be done with it: no action offered
    assert not any(offered(detail, action) for action in states.ACTIONS)
    assert "print_not_accepted_notice" in [a.objectName() for a in _print_actions(detail)]


def test_a_refused_action_shows_why(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id
    transitions.accept(ctx, cid)
    detail = open_detail(qtbot, app_context, cid)
    assert offered(detail, "start_pause")
    dialog = click(qtbot, detail, "action_start_pause")
    transitions.withdraw(ctx, cid, reason="已和解")  # meanwhile, at another desk
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.refusal_text() != "", timeout=5000)
    assert "撤回的投诉已经结束办理，不能开始检测鉴定" in dialog.refusal_text()
    assert dialog.isVisible() and mediation.pauses_of(cid) == []
    leave(dialog)

    # a stale screen: another action on an old version is refused, not applied
    reload(qtbot, detail)
    assert not offered(detail, "start_pause") and not offered(detail, "accept")


def test_overdue_and_due_soon_complaints_are_coloured_and_filtered(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    overdue = register_complaint(
        ctx, make_complaint_draft(received_at=dt.datetime(2026, 11, 2, 9, 0))
    ).id  # acceptance due 2026-11-11
    soon = register_complaint(
        ctx, make_complaint_draft(received_at=dt.datetime(2026, 11, 13, 9, 0))
    ).id  # acceptance due 2026-11-24: within 3 working days of Fri 20 Nov
    calm = register_complaint(ctx, make_complaint_draft()).id  # due 2026-11-27

    model = ComplaintTableModel(today=app_context.clock.today)
    rows = {model.row_id(r): r for r in range(model.rowCount())}
    red = model.index(rows[overdue], 0)
    assert red.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLORS[0]
    assert red.data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_COLORS[1]
    assert "受理决定期限 2026-11-11（已超期 7 个工作日）" in red.data(Qt.ItemDataRole.ToolTipRole)
    amber = model.index(rows[soon], 2)
    assert amber.data(Qt.ItemDataRole.BackgroundRole) not in (None, OVERDUE_COLORS[1])
    assert model.index(rows[calm], 0).data(Qt.ItemDataRole.BackgroundRole) is None

    screen = ComplaintsScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    choose(screen.due_combo, "overdue")
    assert [screen.model.row_id(r) for r in range(screen.model.rowCount())] == [overdue]
    assert screen.model.total() == 1
    choose(screen.due_combo, "due_soon")
    assert [screen.model.row_id(r) for r in range(screen.model.rowCount())] == [soon]
    screen.clear_filters()
    assert screen.model.total() == 3

    # Enter on a row opens the detail window, with the deadline in red
    screen.select_id(overdue)
    screen.table.setCurrentIndex(screen.model.index(screen.model.row_of_id(overdue), 0))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    detail = screen.detail
    assert detail is not None and detail.complaint_id == overdue
    qtbot.waitUntil(detail.isVisible, timeout=5000)  # shown once its dossier is read
    assert detail.deadline_state == "overdue" and "已超期 7 个工作日" in detail.banner.text()
    detail.close()

    dashboard = DashboardScreen(app_context)
    qtbot.addWidget(dashboard)
    items = [dashboard.due_model.item(r) for r in range(dashboard.due_model.rowCount())]
    assert [item.complaint_id if item else None for item in items] == [None, overdue, soon]
    dashboard.due_table.activated.emit(dashboard.due_model.index(1, 0))  # 0: the group's title
    assert dashboard.detail is not None and dashboard.detail.complaint_id == overdue
    dashboard.detail.close()
