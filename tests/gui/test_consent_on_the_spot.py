"""Consent asked where it is needed: the acceptance dialog asks whether the respondent may have
the complainants' details, and mediation is then offered and started without a refusal; a
dialog that needs the consent records it on the spot. 取消 or Esc on a filled dialog asks first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs.acceptance import AcceptDialog
from station_app.gui.complaints.dialogs.mediation import StartMediationDialog
from station_app.gui.complaints.dialogs.referral import ReferDialog
from station_app.gui.complaints.screen import ReasonDialog
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.store.workflow_models import ConsentRecord
from station_app.workflow import consent, transitions

from .dialog_answers import ASKED, answer_discard
from .test_complaint_detail import click, offered, open_detail, reload, run
from .test_group_consent_dialogs import open_dialog

GROUP = [("张大山", True), ("李二河", True), ("王三田", False)]


def group_complaint(ctx: Context, make_complaint_draft) -> int:
    people = [
        PersonDraft(name=name, phone=f"1388123456{i}", is_representative=representative)
        for i, (name, representative) in enumerate(GROUP)
    ]
    draft = make_complaint_draft(is_group=True, group_size=3, complainants=people)
    return register_complaint(ctx, draft).id


def tick(qtbot, check) -> None:
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def test_consent_at_acceptance_then_mediation_without_a_refusal(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = group_complaint(ctx, make_complaint_draft)
    detail = open_detail(qtbot, app_context, cid)
    dialog = click(qtbot, detail, "action_accept")
    assert isinstance(dialog, AcceptDialog)
    # the representatives speak for the group: they are asked, nobody ticked beforehand
    assert sorted(c.text() for c in dialog.consent_checks.values()) == [
        "张**（尾号4560）",
        "李**（尾号4561）",
    ]
    assert not any(c.isChecked() for c in dialog.consent_checks.values())
    dialog.grab().save("/tmp/group-form-accept-consent.png")
    for check in dialog.consent_checks.values():
        tick(qtbot, check)
    run(qtbot, dialog, lambda: get_complaint(cid).status == "accepted")
    rows = list(ConsentRecord.select())
    assert sorted(r.person.name for r in rows) == ["张大山", "李二河"]
    assert {(r.recipient, r.granted) for r in rows} == {(consent.RESPONDENT, True)}
    # mediation is offered and goes through: no refusal, no consent asked again
    reload(qtbot, detail)
    assert offered(detail, "start_mediation")
    dialog = click(qtbot, detail, "action_start_mediation")
    assert dialog.consent_checks == {}
    run(qtbot, dialog, lambda: get_complaint(cid).status == "in_mediation")


def test_the_mediation_dialog_records_a_missing_consent_on_the_spot(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id
    transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
    dialog = open_dialog(qtbot, StartMediationDialog, app_context, cid)
    [check] = dialog.consent_checks.values()
    assert check.text() == "李**（尾号4567）" and not check.isChecked()
    # not ticked: refused as before, naming what is missing, nothing written
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.refusal_text()), timeout=5000)
    assert "尚未同意向被投诉方提供其个人信息" in dialog.refusal_text()
    assert ConsentRecord.select().count() == 0 and get_complaint(cid).status == "accepted"
    # a consent dated before the complaint was received is refused beside its own field
    tick(qtbot, check)
    dialog.consent_given_at.setDate(QDate(2026, 11, 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.errors.messages()), timeout=5000)
    assert dialog.errors.message("consent.given_at") == "同意时间不能早于收到投诉的日期。"
    assert ConsentRecord.select().count() == 0 and get_complaint(cid).status == "accepted"
    dialog.consent_given_at.setDate(QDate(2026, 11, 20))
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert get_complaint(cid).status == "in_mediation"
    [row] = ConsentRecord.select()
    assert row.person.name == "李桂兰" and row.granted and row.recipient == consent.RESPONDENT


def test_cancel_on_a_filled_dialog_asks(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id
    # untouched: Esc closes at once
    dialog = open_dialog(qtbot, AcceptDialog, app_context, cid)
    asked = len(ASKED)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(ASKED) == asked
    # typed into: Esc asks, and 继续填写 keeps the dialog and the text
    dialog = open_dialog(qtbot, AcceptDialog, app_context, cid)
    qtbot.keyClicks(dialog.note, "receipt lost")
    answer_discard(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert ASKED[-1] == "已填写的内容还没有保存。要放弃这些内容吗？" and len(ASKED) == asked + 1
    assert dialog.isVisible() and dialog.note.toPlainText() == "receipt lost"
    # 取消 asks too; 放弃 closes it and nothing is written
    answer_discard(True)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(ASKED) == asked + 2 and not dialog.isVisible()
    assert get_complaint(cid).status == "registered"
    # a ticked consent is typed text as well
    dialog = open_dialog(qtbot, StartMediationDialog, app_context, cid)
    assert dialog.is_dirty() is False
    tick(qtbot, next(iter(dialog.consent_checks.values())))
    assert dialog.is_dirty()


def test_a_referral_with_personal_details_asks_for_the_consent_to_that_body(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id
    dialog = open_dialog(qtbot, ReferDialog, app_context, cid)
    dialog.target.setCurrentIndex(dialog.target.findData("county_association"))
    [check] = dialog.consent_checks.values()
    tick(qtbot, check)
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert get_complaint(cid).status == "referred"
    [row] = ConsentRecord.select()
    assert (row.recipient, row.granted, row.person.name) == ("county_association", True, "李桂兰")


def test_esc_on_a_typed_deletion_reason_asks(qtbot) -> None:
    dialog = ReasonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    asked = len(ASKED)
    dialog.setTextValue("重复登记")
    answer_discard(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(ASKED) == asked + 1 and dialog.isVisible() and dialog.textValue() == "重复登记"
    answer_discard(True)
    dialog.reject()
    assert not dialog.isVisible()
