"""The withdraw and agreement dialogs of a group complaint ask, inline, for the represented
complainants' consent (2026 第十一条); without it the core refuses and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs.closing import WithdrawDialog
from station_app.gui.complaints.dialogs.mediation import AgreementDialog
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.store.workflow_models import RepresentedConsent
from station_app.workflow import consent, transitions

PEOPLE = [("张大山", True), ("李二河", True), ("王三田", False), ("赵四林", False)]


def group(ctx: Context, make_complaint_draft) -> int:
    people = [
        PersonDraft(name=name, phone=f"1388123456{i}", is_representative=rep)
        for i, (name, rep) in enumerate(PEOPLE)
    ]
    draft = make_complaint_draft(is_group=True, group_size=4, complainants=people)
    cid = register_complaint(ctx, draft).id
    transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
    return cid


def open_dialog(qtbot, cls, app_context: AppContext, cid: int):
    dialog = cls(app_context, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_withdraw_asks_for_the_represented_complainants(
    qtbot, app_context, ctx, make_complaint_draft
):
    cid = group(ctx, make_complaint_draft)
    dialog = open_dialog(qtbot, WithdrawDialog, app_context, cid)
    assert sorted(c.text() for c in dialog.represented_checks.values()) == [
        "王**（尾号4562）",
        "赵**（尾号4563）",
    ]
    dialog.grab().save("/tmp/withdraw_group_consent.png")
    # one of them has not agreed: refused, naming them, nothing written
    zhao = [c for c in dialog.represented_checks.values() if c.text().startswith("赵**")][0]
    zhao.setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.refusal_text()), timeout=5000)
    assert "赵**" in dialog.refusal_text() and "第十一条" in dialog.refusal_text()
    assert get_complaint(cid).status == "accepted"
    assert RepresentedConsent.select().count() == 0
    zhao.setChecked(True)
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert get_complaint(cid).status == "withdrawn"
    rows = list(RepresentedConsent.select())
    assert sorted(r.person.name for r in rows) == ["王三田", "赵四林"]
    assert {r.subject for r in rows} == {"同意撤回投诉"} and all(r.used_at for r in rows)


def test_the_agreement_dialog_records_the_consent_with_it(
    qtbot, app_context, ctx, make_complaint_draft
) -> None:
    cid = group(ctx, make_complaint_draft)
    consent.record_consent(ctx, cid, consent.ConsentDraft(recipients=["respondent"]))
    transitions.start_mediation(ctx, cid, on=dt.date(2026, 11, 19))
    dialog = open_dialog(qtbot, AgreementDialog, app_context, cid)
    dialog.terms.setPlainText("被投诉方退还货款 360 元")
    dialog.amount.setText("360")
    dialog.grab().save("/tmp/agreement_group_consent.png")
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert get_complaint(cid).status == "agreement_pending"
    assert RepresentedConsent.select().where(RepresentedConsent.action == "agreement").count() == 2


def test_a_single_complaint_shows_no_such_rows(qtbot, app_context, ctx, make_complaint_draft):
    cid = register_complaint(ctx, make_complaint_draft()).id
    transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
    dialog = open_dialog(qtbot, WithdrawDialog, app_context, cid)
    assert dialog.represented_checks == {}
    assert "represented_consent.person_ids" not in dialog.fields


def test_the_detail_records_consent_to_change_the_request(
    qtbot, app_context, ctx, make_complaint_draft
) -> None:
    from station_app.gui.complaints.detail.summary_tab import summary_rows
    from station_app.registry.complaints import draft_of, update_complaint
    from station_app.workflow.consent import ConsentMissing
    from station_app.workflow.group_consent import missing_represented_consent

    from .test_complaint_detail import open_detail

    cid = group(ctx, make_complaint_draft)
    single = register_complaint(ctx, make_complaint_draft(natures=["quality", "price"])).id
    plain = open_detail(qtbot, app_context, single)
    assert not plain.represented_button.isVisible()
    assert plain.dossier is not None
    summary = dict(summary_rows(plain.dossier))
    assert summary["投诉性质"] == "其他（另有：质量、价格）"

    detail = open_detail(qtbot, app_context, cid)
    assert detail.represented_button.isVisible()
    dialog = detail.open_represented_consent()
    dialog.act.setCurrentIndex(dialog.act.findData("change_request"))
    dialog.subject.setText("诉求增加赔偿损失")
    dialog.grab().save("/tmp/represented_consent_dialog.png")
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    complaint = get_complaint(cid)
    assert missing_represented_consent(complaint, "change_request") == []
    edited = draft_of(complaint)
    edited.demands = ["refund", "compensation"]
    update_complaint(ctx, cid, edited)  # the consent recorded ahead is spent on it
    edited.demand_text = "再改一次"
    with pytest.raises(ConsentMissing):  # a second change needs a new consent
        update_complaint(ctx, cid, edited)
