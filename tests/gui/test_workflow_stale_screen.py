"""A workflow dialog acts on the complaint as the detail window showed it when the dialog opened.
When the complaint changes meanwhile (another window, a bundle, a second officer), 确定 is refused
with the core's sentence in the red box, nothing is written, and the detail window reads the
complaint again; a dialog opened on the fresh window then goes through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QDate, Qt, QTranslator
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.detail.window import ComplaintDetail
from station_app.gui.complaints.dialogs.base import ActionDialog
from station_app.gui.complaints.dialogs.consent import ConsentDialog
from station_app.gui.complaints.dialogs.referral import ReferralReplyDialog
from station_app.registry.complaints import (
    draft_of,
    get_complaint,
    register_complaint,
    update_complaint,
)
from station_app.registry.context import Context
from station_app.store.workflow_models import Agreement, MediationPause, Referral
from station_app.workflow import consent, mediation, states, transitions
from station_app.workflow.mediation import AgreementDraft
from station_app.workflow.transitions import ReferralDraft

from ..conftest import complaint_draft
from ..core.test_workflow_transitions import snapshot
from .dialog_answers import leave
from .test_complaint_detail import choose, click, ok, open_detail, run, type_text
from .test_translations import CHINESE, english  # noqa: F401

D = dt.date
STALE = "投诉 {number} 已被他人修改，请关闭后重新打开再改。"


def edited_meanwhile(ctx: Context, complaint_id: int, note: str = "（补充：有发票）") -> None:
    """Another officer saves the complaint's record: version + 1, same state."""
    draft = draft_of(get_complaint(complaint_id))
    update_complaint(ctx, complaint_id, replace(draft, facts=draft.facts + note))


def refused(qtbot: QtBot, dialog: ActionDialog) -> str:
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.refusal_text() != "", timeout=5000)
    return dialog.refusal_text()


# --- one case per dialog: the complaint ready for it, opening it, what it writes ---------------


def accepted(ctx: Context) -> int:
    cid = register_complaint(ctx, complaint_draft()).id
    transitions.accept(ctx, cid, on=D(2026, 11, 18))
    return cid


def mediating(ctx: Context) -> int:
    cid = accepted(ctx)
    consent.record_consent(ctx, cid, consent.ConsentDraft(recipients=[consent.RESPONDENT]))
    transitions.start_mediation(ctx, cid, on=D(2026, 11, 19))
    return cid


def pausing(ctx: Context) -> int:
    cid = mediating(ctx)
    mediation.start_pause(ctx, cid, "testing", started_on=D(2026, 11, 19))
    return cid


def agreed(ctx: Context) -> int:
    cid = mediating(ctx)
    mediation.record_agreement(ctx, cid, AgreementDraft(terms="店主退还货款 360 元。"))
    return cid


def referred(ctx: Context) -> int:
    cid = accepted(ctx)
    draft = ReferralDraft(
        target="county_association", referred_on=D(2026, 11, 19), with_personal_info=False
    )
    transitions.refer(ctx, cid, draft)
    return cid


def action(code: str) -> Callable[[QtBot, ComplaintDetail], ActionDialog]:
    return lambda qtbot, detail: click(qtbot, detail, f"action_{code}")


def consent_form(qtbot: QtBot, detail: ComplaintDetail) -> ActionDialog:
    qtbot.waitUntil(lambda: not detail.reading, timeout=5000)  # shows the latest write
    qtbot.mouseClick(detail.consent_button, Qt.MouseButton.LeftButton)
    assert isinstance(detail.dialog, ConsentDialog)
    return detail.dialog


def reply_form(qtbot: QtBot, detail: ComplaintDetail) -> ActionDialog:
    qtbot.waitUntil(lambda: not detail.reading, timeout=5000)  # shows the latest write
    detail.tabs.setCurrentIndex(2)
    detail.referrals_tab.referral_table.selectRow(0)
    button = detail.findChild(QPushButton, "replyButton")
    qtbot.waitUntil(button.isEnabled, timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert isinstance(detail.dialog, ReferralReplyDialog)
    return detail.dialog


def no_fill(qtbot: QtBot, dialog: ActionDialog) -> None:
    pass


def fill_reply(qtbot: QtBot, dialog: ActionDialog) -> None:
    type_text(qtbot, dialog.fields["reply"], "已立案调查")


def fill_pause(qtbot: QtBot, dialog: ActionDialog) -> None:
    type_text(qtbot, dialog.fields["institution"], "县质检所")


@dataclass
class Case:
    ready: Callable[[Context], int]
    open: Callable[[QtBot, ComplaintDetail], ActionDialog]
    fill: Callable[[QtBot, ActionDialog], None]
    written: Callable[[int], bool]


CASES = {
    "accept": Case(
        lambda ctx: register_complaint(ctx, complaint_draft()).id,
        action("accept"),
        no_fill,
        lambda cid: get_complaint(cid).status == states.ACCEPTED,
    ),
    "start_pause": Case(
        mediating,
        action("start_pause"),
        fill_pause,
        lambda cid: MediationPause.select().where(MediationPause.complaint == cid).count() == 1,
    ),
    "end_pause": Case(
        pausing,
        action("end_pause"),
        no_fill,
        lambda cid: mediation.pauses_of(cid)[0].ended_on is not None,
    ),
    "record_carried_out": Case(
        agreed,
        action("record_carried_out"),
        no_fill,
        lambda cid: bool(Agreement.get(Agreement.complaint == cid).carried_out),
    ),
    "consent": Case(
        accepted,
        consent_form,
        no_fill,
        lambda cid: consent.missing_consent(get_complaint(cid), consent.RESPONDENT) == [],
    ),
    "referral_reply": Case(
        referred,
        reply_form,
        fill_reply,
        lambda cid: Referral.get(Referral.complaint == cid).reply == "已立案调查",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_dialog_open_while_the_complaint_changes_is_refused_and_writes_nothing(
    qtbot: QtBot, app_context: AppContext, ctx: Context, name: str
) -> None:
    case = CASES[name]
    cid = case.ready(ctx)
    number = get_complaint(cid).number
    detail = open_detail(qtbot, app_context, cid)
    dialog = case.open(qtbot, detail)
    case.fill(qtbot, dialog)

    # meanwhile another window of this program saves the complaint's record
    edited_meanwhile(ctx, cid)
    with qtbot.waitSignal(detail.loaded, timeout=5000):  # read again off the GUI thread
        app_context.jobs.announce(Changes.of(complaints=[cid]))
    current = get_complaint(cid).version
    assert detail.complaint.version == current  # the window caught up; the open dialog did not
    before = snapshot()

    assert refused(qtbot, dialog) == STALE.format(number=number)
    assert dialog.isVisible() and dialog.errors.messages() == {}
    assert snapshot() == before and not case.written(cid)
    leave(dialog)

    # the officer opens the dialog again on the current complaint: it goes through
    dialog = case.open(qtbot, detail)
    case.fill(qtbot, dialog)
    run(qtbot, dialog, lambda: case.written(cid))


def test_the_detail_window_hands_over_the_version_it_showed(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    """A second officer accepts the complaint and starts mediating while this window still shows
    it 已登记: the dialog opened from this window carries the version the window showed, so its
    撤回 is refused although the dialog itself read the complaint later; then the window shows
    the current state and a new 撤回 goes through."""
    cid = register_complaint(ctx, complaint_draft()).id
    number = get_complaint(cid).number
    detail = open_detail(qtbot, app_context, cid)
    assert detail.status_label.text() == "已登记"

    # another officer, at another desk (no event reaches this window): accepted and mediating
    transitions.accept(ctx, cid, on=D(2026, 11, 18))
    consent.record_consent(ctx, cid, consent.ConsentDraft(recipients=[consent.RESPONDENT]))
    transitions.start_mediation(ctx, cid, on=D(2026, 11, 19))
    assert detail.status_label.text() == "已登记"  # still the old screen

    # 撤回 is still allowed in mediation, but the officer decided on what the window showed
    dialog = click(qtbot, detail, "action_withdraw")
    assert dialog.version == detail.complaint.version != get_complaint(cid).version
    type_text(qtbot, dialog.fields["reason"], "双方已自行和解")
    before = snapshot()
    assert refused(qtbot, dialog) == STALE.format(number=number)
    assert snapshot() == before
    assert get_complaint(cid).status == states.IN_MEDIATION

    # the refusal made the window read the complaint again: it shows 调解中 now
    qtbot.waitUntil(lambda: detail.status_label.text() == "调解中", timeout=5000)
    assert detail.complaint.version == get_complaint(cid).version
    leave(dialog)

    dialog = click(qtbot, detail, "action_withdraw")
    type_text(qtbot, dialog.fields["reason"], "双方已自行和解")
    run(qtbot, dialog, lambda: get_complaint(cid).status == states.WITHDRAWN)
    qtbot.waitUntil(lambda: detail.status_label.text() == "撤回", timeout=5000)


def test_a_mediation_round_on_a_stale_screen_in_an_english_window(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    ctx: Context,
) -> None:
    cid = mediating(ctx)
    number = get_complaint(cid).number
    detail = open_detail(qtbot, app_context, cid)
    dialog = click(qtbot, detail, "action_record_mediation_step")
    choose(dialog.fields["mode"], "on_site")  # type: ignore[arg-type]
    next_on = dialog.fields["next_on"]
    next_on.check.setChecked(True)  # type: ignore[attr-defined]
    next_on.edit.setDate(QDate(2026, 11, 27))  # type: ignore[attr-defined]
    edited_meanwhile(ctx, cid)
    text = refused(qtbot, dialog)
    assert text == (
        f"Complaint {number} was changed by someone else;"
        " please close it and open it again before editing."
    )
    assert not CHINESE.search(text)
    assert mediation.mediation_steps_of(cid) == []
    leave(dialog)
