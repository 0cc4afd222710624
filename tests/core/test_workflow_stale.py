"""Every workflow action refuses a stale screen: ``expected_version`` is the complaint's version as
the window showed it; when the complaint changed since, the action is refused with the sentence of
:class:`VersionConflict` and nothing is written. The current version goes through, and ``None``
(the CLI, the demo, older call sites) skips the check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest

from station_app.registry.complaints import (
    VersionConflict,
    draft_of,
    get_complaint,
    register_complaint,
    update_complaint,
)
from station_app.registry.context import Context
from station_app.store.models import AuditEntry
from station_app.store.workflow_models import (
    Agreement,
    ComplaintTransition,
    ConsentRecord,
    FollowUp,
    MediationPause,
    MediationStep,
    Referral,
)
from station_app.workflow import consent, mediation, states, transitions
from station_app.workflow.consent import ConsentDraft
from station_app.workflow.mediation import AgreementDraft
from station_app.workflow.transitions import (
    ClosingDraft,
    FollowUpDraft,
    ReferralDraft,
    ReferralReply,
)

from ..conftest import complaint_draft
from .test_workflow_transitions import agree, in_mediation, snapshot, step

D = dt.date


@dataclass
class Case:
    """A complaint ready for one action (``ready``: its id and what the action needs, e.g. the
    referral's id) and the action, called with an expected version."""

    ready: Callable[[Context], tuple[int, Any]]
    act: Callable[[Context, int, Any, int | None], Any]
    written: Callable[[int, Any], bool]  # the action's own trace, once it went through


def registered(ctx: Context) -> tuple[int, Any]:
    return register_complaint(ctx, complaint_draft()).id, None


def accepted(ctx: Context) -> tuple[int, Any]:
    cid = register_complaint(ctx, complaint_draft()).id
    transitions.accept(ctx, cid, on=D(2026, 11, 18))
    return cid, None


def accepted_with_consent(ctx: Context) -> tuple[int, Any]:
    cid, _ = accepted(ctx)
    agree(ctx, get_complaint(cid))
    return cid, None


def mediating(ctx: Context) -> tuple[int, Any]:
    return in_mediation(ctx).id, None


def referred(ctx: Context) -> tuple[int, Any]:
    cid, _ = accepted(ctx)
    referral = transitions.refer(
        ctx,
        cid,
        ReferralDraft(
            target="county_association", referred_on=D(2026, 11, 19), with_personal_info=False
        ),
    )
    return cid, referral.id


def pausing(ctx: Context) -> tuple[int, Any]:
    cid, _ = mediating(ctx)
    mediation.start_pause(ctx, cid, "testing", started_on=D(2026, 11, 19))
    return cid, None


def agreed(ctx: Context) -> tuple[int, Any]:
    cid, _ = mediating(ctx)
    agreement = mediation.record_agreement(ctx, cid, AgreementDraft(terms="店主退还货款 360 元。"))
    return cid, agreement.id


def ended(ctx: Context) -> tuple[int, Any]:
    cid, _ = mediating(ctx)
    transitions.end_mediation(ctx, cid, "party_absent_or_refuses", on=D(2026, 11, 20))
    return cid, None


def closed(ctx: Context) -> tuple[int, Any]:
    cid, _ = mediating(ctx)
    transitions.close(ctx, cid, ClosingDraft(outcome="settled", closed_on=D(2026, 11, 20)))
    return cid, None


def consented(ctx: Context) -> tuple[int, Any]:
    cid, _ = registered(ctx)
    (given,) = consent.record_consent(ctx, cid, ConsentDraft(recipients=["respondent"]))
    return cid, given.id


def status_is(status: str) -> Callable[[int, Any], bool]:
    return lambda cid, _extra: get_complaint(cid).status == status


def rows_of(model: Any, count: int) -> Callable[[int, Any], bool]:
    return lambda cid, _extra: len(transitions.live_rows_of(model, cid, model.id)) == count


CASES: dict[str, Case] = {
    "accept": Case(
        registered,
        lambda ctx, cid, _, v: transitions.accept(ctx, cid, expected_version=v),
        status_is(states.ACCEPTED),
    ),
    "refuse": Case(
        registered,
        lambda ctx, cid, _, v: transitions.refuse_acceptance(
            ctx, cid, "outside_remit", expected_version=v
        ),
        status_is(states.NOT_ACCEPTED),
    ),
    "refer": Case(
        accepted,
        lambda ctx, cid, _, v: transitions.refer(
            ctx,
            cid,
            ReferralDraft(target="county_association", with_personal_info=False),
            expected_version=v,
        ),
        status_is(states.REFERRED),
    ),
    "record_referral_reply": Case(
        referred,
        lambda ctx, _cid, referral_id, v: transitions.record_referral_reply(
            ctx, referral_id, ReferralReply(reply_on=D(2026, 11, 20), reply="已立案"), v
        ),
        lambda _cid, referral_id: Referral.get_by_id(referral_id).reply == "已立案",
    ),
    "start_mediation": Case(
        accepted_with_consent,
        lambda ctx, cid, _, v: transitions.start_mediation(ctx, cid, expected_version=v),
        status_is(states.IN_MEDIATION),
    ),
    "record_mediation_step": Case(
        mediating,
        lambda ctx, cid, _, v: mediation.record_mediation_step(
            ctx, cid, step(20, 9), expected_version=v
        ),
        rows_of(MediationStep, 1),
    ),
    "start_pause": Case(
        mediating,
        lambda ctx, cid, _, v: mediation.start_pause(ctx, cid, "testing", expected_version=v),
        rows_of(MediationPause, 1),
    ),
    "end_pause": Case(
        pausing,
        lambda ctx, cid, _, v: mediation.end_pause(ctx, cid, expected_version=v),
        lambda cid, _: mediation.pauses_of(cid)[0].ended_on == D(2026, 11, 20),
    ),
    "record_agreement": Case(
        mediating,
        lambda ctx, cid, _, v: mediation.record_agreement(
            ctx, cid, AgreementDraft(terms="店主退还货款 360 元。"), expected_version=v
        ),
        status_is(states.AGREEMENT_PENDING),
    ),
    "record_carried_out": Case(
        agreed,
        lambda ctx, _cid, agreement_id, v: mediation.mark_agreement_carried_out(
            ctx, agreement_id, expected_version=v
        ),
        lambda _cid, agreement_id: bool(Agreement.get_by_id(agreement_id).carried_out),
    ),
    "close": Case(
        mediating,
        lambda ctx, cid, _, v: transitions.close(
            ctx, cid, ClosingDraft(outcome="settled"), expected_version=v
        ),
        status_is(states.CLOSED),
    ),
    "end_mediation": Case(
        mediating,
        lambda ctx, cid, _, v: transitions.end_mediation(
            ctx, cid, "party_absent_or_refuses", expected_version=v
        ),
        lambda cid, _: get_complaint(cid).mediation_ended_on == D(2026, 11, 20),
    ),
    "record_termination_notice": Case(
        ended,
        lambda ctx, cid, _, v: transitions.record_termination_notice(ctx, cid, expected_version=v),
        lambda cid, _: get_complaint(cid).termination_notified_on == D(2026, 11, 20),
    ),
    "withdraw": Case(
        accepted,
        lambda ctx, cid, _, v: transitions.withdraw(ctx, cid, reason="已和解", expected_version=v),
        status_is(states.WITHDRAWN),
    ),
    "follow_up": Case(
        closed,
        lambda ctx, cid, _, v: transitions.follow_up(
            ctx, cid, FollowUpDraft(method="phone", satisfaction="satisfied"), expected_version=v
        ),
        rows_of(FollowUp, 1),
    ),
    "reopen": Case(
        closed,
        lambda ctx, cid, _, v: transitions.reopen(ctx, cid, "店主未退款", expected_version=v),
        status_is(states.IN_MEDIATION),
    ),
    "record_consent": Case(
        registered,
        lambda ctx, cid, _, v: consent.record_consent(
            ctx, cid, ConsentDraft(recipients=["respondent"]), expected_version=v
        ),
        rows_of(ConsentRecord, 1),
    ),
    "withdraw_consent": Case(
        consented,
        lambda ctx, _cid, consent_id, v: consent.withdraw_consent(
            ctx, consent_id, expected_version=v
        ),
        lambda _cid, consent_id: ConsentRecord.get_by_id(consent_id).withdrawn_at is not None,
    ),
}


def test_every_workflow_action_is_covered() -> None:
    assert set(states.ACTIONS) <= set(CASES)


def edited_meanwhile(ctx: Context, complaint_id: int) -> None:
    """Another window (or officer) saves the complaint's record: its version goes up, its state
    stays, so the action itself would still be allowed."""
    draft = draft_of(get_complaint(complaint_id))
    update_complaint(ctx, complaint_id, replace(draft, facts=draft.facts + "（补充：有发票）"))


def audit_count() -> int:
    return AuditEntry.select().count()


def state_of(complaint_id: int) -> tuple[str, int, int]:
    complaint = get_complaint(complaint_id)
    moves = ComplaintTransition.select().where(ComplaintTransition.complaint == complaint_id)
    return complaint.status, complaint.version, moves.count()


@pytest.mark.parametrize("action", sorted(CASES))
def test_a_stale_screen_is_refused_and_changes_nothing(ctx: Context, action: str) -> None:
    case = CASES[action]
    cid, extra = case.ready(ctx)
    shown = get_complaint(cid).version
    edited_meanwhile(ctx, cid)
    current = get_complaint(cid)
    assert current.version == shown + 1

    before, audit_before, state_before = snapshot(), audit_count(), state_of(cid)
    with pytest.raises(VersionConflict) as refused:
        case.act(ctx, cid, extra, shown)
    assert str(refused.value) == f"投诉 {current.number} 已被他人修改，请关闭后重新打开再改。"
    assert state_of(cid) == state_before  # status, version, transitions
    assert audit_count() == audit_before
    assert snapshot() == before  # every row of every table, the counters included
    assert not case.written(cid, extra)

    # the window read the complaint again: the same action now goes through
    case.act(ctx, cid, extra, current.version)
    assert case.written(cid, extra)
    assert audit_count() > audit_before


@pytest.mark.parametrize("action", sorted(CASES))
def test_without_an_expected_version_nothing_is_checked(ctx: Context, action: str) -> None:
    case = CASES[action]
    cid, extra = case.ready(ctx)
    edited_meanwhile(ctx, cid)
    case.act(ctx, cid, extra, None)
    assert case.written(cid, extra)


def test_a_state_that_no_longer_allows_the_action_says_so_first(ctx: Context) -> None:
    """Stale and no longer possible: the reason that says why (the state) is the one shown."""
    cid, _ = mediating(ctx)
    shown = get_complaint(cid).version
    transitions.withdraw(ctx, cid, reason="已和解")
    before = snapshot()
    with pytest.raises(states.TransitionRefused, match="不能开始检测鉴定"):
        mediation.start_pause(ctx, cid, "testing", expected_version=shown)
    with pytest.raises(states.TransitionRefused):
        transitions.close(ctx, cid, ClosingDraft(outcome="settled"), expected_version=shown)
    assert snapshot() == before


def test_a_stale_screen_is_refused_before_its_input_is_checked(ctx: Context) -> None:
    cid, _ = mediating(ctx)
    shown = get_complaint(cid).version
    edited_meanwhile(ctx, cid)
    with pytest.raises(VersionConflict):
        mediation.record_agreement(ctx, cid, AgreementDraft(terms="  "), expected_version=shown)
    with pytest.raises(VersionConflict):
        transitions.close(ctx, cid, ClosingDraft(outcome="nonsense"), expected_version=shown)


def test_a_referral_reply_checks_its_own_complaint(ctx: Context) -> None:
    cid, referral_id = referred(ctx)
    other = register_complaint(ctx, complaint_draft(subject="化肥")).id
    for _ in range(3):
        edited_meanwhile(ctx, other)
    shown, elsewhere = get_complaint(cid).version, get_complaint(other).version
    assert shown != elsewhere
    reply = ReferralReply(reply_on=D(2026, 11, 20), reply="已立案")
    with pytest.raises(VersionConflict, match=get_complaint(cid).number):
        transitions.record_referral_reply(ctx, referral_id, reply, expected_version=elsewhere)
    edited_meanwhile(ctx, other)  # another complaint changing does not matter
    transitions.record_referral_reply(ctx, referral_id, reply, expected_version=shown)
    assert Referral.get_by_id(referral_id).reply == "已立案"
