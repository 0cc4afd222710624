"""Taking complaints through the workflow: each action one transaction, audited, refusable."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from station_app.clock import FixedClock
from station_app.errors import ValidationFailed
from station_app.registry.complaints import VersionConflict, get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.store.models import AuditEntry, Complaint, Counter, database_proxy
from station_app.store.schema import ALL_MODELS
from station_app.store.workflow_models import ComplaintTransition, MediationPause
from station_app.workflow import consent, mediation, states, transitions
from station_app.workflow.consent import ConsentDraft, ConsentMissing
from station_app.workflow.mediation import AgreementDraft, MediationStepDraft
from station_app.workflow.states import TransitionRefused, WorkflowRefused
from station_app.workflow.transitions import ClosingDraft, FollowUpDraft, ReferralDraft

from ..conftest import complaint_draft

D = dt.date


def new_complaint(ctx: Context, **overrides: Any) -> Complaint:
    return register_complaint(ctx, complaint_draft(**overrides))


def agree(ctx: Context, complaint: Complaint, *recipients: str) -> None:
    consent.record_consent(
        ctx, complaint.id, ConsentDraft(recipients=list(recipients or ("respondent",)))
    )


def in_mediation(ctx: Context, **overrides: Any) -> Complaint:
    complaint = new_complaint(ctx, **overrides)
    transitions.accept(ctx, complaint.id, on=D(2026, 11, 18))
    agree(ctx, complaint)
    return transitions.start_mediation(ctx, complaint.id, on=D(2026, 11, 19))


def step(day: int, hour: int = 10, **overrides: Any) -> MediationStepDraft:
    values: dict[str, Any] = {
        "held_at": dt.datetime(2026, 11, day, hour, 0),
        "mode": "phone",
        "mediators": "王联络员",
    }
    values.update(overrides)
    return MediationStepDraft(**values)


def snapshot() -> dict[str, Any]:
    """Everything a refused action must leave as it was."""
    tables = {
        model._meta.table_name: database_proxy.execute_sql(
            f'SELECT * FROM "{model._meta.table_name}" ORDER BY 1'
        ).fetchall()
        for model in ALL_MODELS
    }
    tables["counters"] = list(Counter.select().tuples())
    return tables


def audit_moves(complaint: Complaint) -> list[tuple[str, str, str | None]]:
    return [
        (e.old_value, e.new_value, e.reason)
        for e in AuditEntry.select()
        .where((AuditEntry.record_uid == complaint.uid) & (AuditEntry.action == "transition"))
        .order_by(AuditEntry.id)
    ]


def test_from_registration_to_follow_up(ctx: Context, clock: FixedClock) -> None:
    complaint = new_complaint(ctx)
    version = complaint.version
    transitions.accept(ctx, complaint.id, on=D(2026, 11, 18))
    agree(ctx, complaint)
    first = mediation.record_mediation_step(ctx, complaint.id, step(19, result="商家同意退一半"))
    assert get_complaint(complaint.id).status == "in_mediation"  # the first round starts it
    mediation.record_mediation_step(
        ctx, complaint.id, step(20, 9, mode="on_site", attendance="李桂兰；店主", result="全额退款")
    )
    agreement = mediation.record_agreement(
        ctx,
        complaint.id,
        AgreementDraft(terms="店主退还货款 360 元。", amount_fen=36000, perform_by=D(2026, 11, 25)),
    )
    assert agreement.number == f"{complaint.number}-XY1"
    mediation.mark_agreement_carried_out(ctx, agreement.id, on=D(2026, 11, 20))
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="mediated", recovered_fen=36000))
    clock.advance(days=5)
    follow = transitions.follow_up(
        ctx, complaint.id, FollowUpDraft(method="phone", satisfaction="satisfied", carried_out=True)
    )

    done = get_complaint(complaint.id)
    assert done.status == "followed_up"
    assert (done.accepted_on, done.closed_on, done.outcome) == (
        D(2026, 11, 18),
        D(2026, 11, 20),
        "mediated",
    )
    assert done.recovered_fen == 36000
    assert done.version == version + 5  # accept, start, agreement, close, follow-up
    moves = [(t.action, t.from_status, t.to_status) for t in transitions.transitions_of(done.id)]
    assert moves == [
        ("accept", "registered", "accepted"),
        ("start_mediation", "accepted", "in_mediation"),
        ("record_agreement", "in_mediation", "agreement_pending"),
        ("close", "agreement_pending", "closed"),
        ("follow_up", "closed", "followed_up"),
    ]
    assert [(old, new) for old, new, _ in audit_moves(done)] == [(m[1], m[2]) for m in moves]
    assert all(t.actor == "王联络员" for t in transitions.transitions_of(done.id))
    assert follow.followed_up_on == D(2026, 11, 25)
    assert first.uid and first.origin == "TJ001" and first.change_seq < done.change_seq
    assert len(mediation.mediation_steps_of(done.id)) == 2


def test_version_counts_each_transition(ctx: Context) -> None:
    complaint = new_complaint(ctx)
    before = complaint.version
    transitions.accept(ctx, complaint.id)
    assert get_complaint(complaint.id).version == before + 1


def test_not_accepted_with_a_ground_of_the_rule_set(ctx: Context) -> None:
    complaint = new_complaint(ctx)
    transitions.refuse_acceptance(ctx, complaint.id, "materials_missing", note="未提供购货凭证")
    refused = get_complaint(complaint.id)
    assert refused.status == "not_accepted"
    assert refused.not_accepted_ground == "materials_missing"
    assert (refused.outcome, refused.closed_on) == ("not_accepted", D(2026, 11, 20))
    (move,) = transitions.transitions_of(refused.id)
    assert (move.reason_code, move.rule_set) == ("materials_missing", "samr_2026")
    assert audit_moves(refused) == [
        ("registered", "not_accepted", "materials_missing：未提供购货凭证")
    ]


def test_grounds_follow_the_rule_set_of_the_day_received(ctx: Context) -> None:
    # 冒用他人名义，或者拒不配合核验身份 is a ground only under the 2026 measures (from 2026-04-15)
    old = new_complaint(ctx, received_at=dt.datetime(2026, 4, 14, 16, 0))
    new = new_complaint(ctx, received_at=dt.datetime(2026, 4, 15, 9, 0))
    assert transitions.not_accepted_grounds(old.id)[0].code == "samr_2019"
    before = snapshot()
    with pytest.raises(ValidationFailed) as refused:
        transitions.refuse_acceptance(ctx, old.id, "identity_misuse", on=D(2026, 4, 20))
    assert "ground_code" in refused.value.by_field()
    assert "第20号" in refused.value.by_field()["ground_code"]
    assert snapshot() == before
    transitions.refuse_acceptance(ctx, new.id, "identity_misuse", on=D(2026, 4, 20))
    assert transitions.transitions_of(new.id)[0].rule_set == "samr_2026"
    # and a 2026-only termination ground is refused for a 2019 complaint
    transitions.accept(ctx, old.id, on=D(2026, 4, 16))
    with pytest.raises(ValidationFailed):
        transitions.end_mediation(ctx, old.id, "party_ceased", on=D(2026, 5, 6))
    transitions.end_mediation(ctx, old.id, "party_absent_or_refuses", on=D(2026, 5, 6))
    assert get_complaint(old.id).termination_ground == "party_absent_or_refuses"


def test_illegal_transition_is_refused_and_changes_nothing(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="settled"))
    before = snapshot()
    with pytest.raises(TransitionRefused, match="已办结的投诉不能直接进入调解，请先重新打开。"):
        transitions.start_mediation(ctx, complaint.id)
    with pytest.raises(TransitionRefused, match="已办结"):
        mediation.record_mediation_step(ctx, complaint.id, step(20))
    with pytest.raises(TransitionRefused, match="不必再办结"):
        transitions.close(ctx, complaint.id, ClosingDraft(outcome="settled"))
    assert snapshot() == before


def test_closing_a_registered_complaint_asks_for_acceptance_first(ctx: Context) -> None:
    complaint = new_complaint(ctx)
    before = snapshot()
    with pytest.raises(TransitionRefused, match="请先作出受理决定"):
        transitions.close(ctx, complaint.id, ClosingDraft(outcome="mediated"))
    assert snapshot() == before


def test_bad_input_is_refused_field_by_field_and_changes_nothing(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    before = snapshot()
    with pytest.raises(ValidationFailed) as refused:
        transitions.close(
            ctx,
            complaint.id,
            ClosingDraft(outcome="withdrawn", recovered_fen=-1, closed_on=D(2026, 11, 30)),
        )
    assert set(refused.value.by_field()) == {"outcome", "recovered_fen", "closed_on"}
    assert refused.value.by_field()["closed_on"] == "办结日期不能晚于今天。"
    with pytest.raises(ValidationFailed, match="不能早于上一步"):
        transitions.withdraw(ctx, complaint.id, on=D(2026, 11, 18))
    with pytest.raises(ValidationFailed, match="不能早于收到投诉的日期"):
        transitions.end_mediation(ctx, complaint.id, "no_agreement_possible", on=D(2026, 11, 1))
    with pytest.raises(ValidationFailed, match="请填写协议内容"):
        mediation.record_agreement(ctx, complaint.id, AgreementDraft(terms="  "))
    with pytest.raises(ValidationFailed) as bad_step:
        mediation.record_mediation_step(
            ctx, complaint.id, step(20, mode="carrier_pigeon", mediators="")
        )
    assert set(bad_step.value.by_field()) == {"mode", "mediators"}
    with pytest.raises(ValidationFailed, match="请选择转办去向"):
        transitions.refer(ctx, complaint.id, ReferralDraft(target="nowhere"))
    assert snapshot() == before


def test_stale_screen_is_refused(ctx: Context) -> None:
    complaint = new_complaint(ctx)
    shown = complaint.version
    transitions.accept(ctx, complaint.id, expected_version=shown)
    with pytest.raises(VersionConflict):
        transitions.withdraw(ctx, complaint.id, expected_version=shown)


def test_mediation_needs_the_consent_to_tell_the_respondent(ctx: Context) -> None:
    complaint = new_complaint(ctx)
    transitions.accept(ctx, complaint.id)
    before = snapshot()
    with pytest.raises(ConsentMissing, match="李\\*\\*尚未同意向被投诉方提供其个人信息"):
        transitions.start_mediation(ctx, complaint.id)
    with pytest.raises(ConsentMissing):
        mediation.record_mediation_step(ctx, complaint.id, step(20))
    assert snapshot() == before
    (given,) = consent.record_consent(
        ctx, complaint.id, ConsentDraft(recipients=["respondent"], method="oral")
    )
    consent.withdraw_consent(ctx, given.id)
    with pytest.raises(ConsentMissing):
        transitions.start_mediation(ctx, complaint.id)
    agree(ctx, complaint)
    transitions.start_mediation(ctx, complaint.id)
    assert get_complaint(complaint.id).status == "in_mediation"


def test_group_complaint_representatives_consent_for_the_group(ctx: Context) -> None:
    people = [
        PersonDraft(name=name, phone=f"1388123456{i}", is_representative=i < 2)
        for i, name in enumerate(["张大山", "王秀英", "刘德明", "陈桂芳"])
    ]
    complaint = new_complaint(ctx, complainants=people, is_group=True, group_size=40)
    transitions.accept(ctx, complaint.id)
    rows = consent.record_consent(ctx, complaint.id, ConsentDraft(recipients=["respondent"]))
    assert sorted(r.person.name for r in rows) == ["张大山", "王秀英"]
    transitions.start_mediation(ctx, complaint.id)


def test_referral_hands_over_with_consent(ctx: Context) -> None:
    complaint = new_complaint(ctx)
    with pytest.raises(ConsentMissing, match="县消协"):
        transitions.refer(ctx, complaint.id, ReferralDraft(target="county_association"))
    agree(ctx, complaint, "county_association")
    referral = transitions.refer(
        ctx,
        complaint.id,
        ReferralDraft(target="county_association", agency_name="通江县消费者协会"),
    )
    assert get_complaint(complaint.id).status == "referred"
    replied = transitions.record_referral_reply(
        ctx,
        referral.id,
        transitions.ReferralReply(
            reply_on=D(2026, 11, 20), reply="已调解", external_number="TJXX-88"
        ),
    )
    assert replied.external_number == "TJXX-88" and replied.version == 2
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="referral_closed"))
    assert get_complaint(complaint.id).status == "closed"


def test_enforcement_lead_without_personal_information_keeps_the_case(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    transitions.refer(
        ctx,
        complaint.id,
        ReferralDraft(target="enforcement_lead", hands_over=False, with_personal_info=False),
    )
    assert get_complaint(complaint.id).status == "in_mediation"
    assert [r.target for r in transitions.referrals_of(complaint.id)] == ["enforcement_lead"]


def test_mediation_ended_then_notice_then_litigation_support(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    transitions.end_mediation(ctx, complaint.id, "party_absent_or_refuses", on=D(2026, 11, 20))
    ended = get_complaint(complaint.id)
    assert (ended.status, ended.mediation_ended_on, ended.outcome) == (
        "mediation_ended",
        D(2026, 11, 20),
        "no_agreement",
    )
    with pytest.raises(TransitionRefused, match="已终止调解的投诉不能进入调解"):
        transitions.start_mediation(ctx, complaint.id)
    transitions.record_termination_notice(ctx, complaint.id, D(2026, 11, 20))
    with pytest.raises(WorkflowRefused, match="登记过"):
        transitions.record_termination_notice(ctx, complaint.id, D(2026, 11, 20))
    agree(ctx, complaint, "litigation_support")
    transitions.refer(ctx, complaint.id, ReferralDraft(target="litigation_support"))
    assert get_complaint(complaint.id).status == "referred"


def test_withdrawal_ends_an_open_pause(ctx: Context, clock: FixedClock) -> None:
    complaint = in_mediation(ctx)
    pause = mediation.start_pause(
        ctx, complaint.id, "appraisal", started_on=D(2026, 11, 19), institution="巴中市质检所"
    )
    with pytest.raises(WorkflowRefused, match="尚未结束"):
        mediation.start_pause(ctx, complaint.id, "testing")
    transitions.withdraw(ctx, complaint.id, reason="已与商家私下和解")
    assert MediationPause.get_by_id(pause.id).ended_on == D(2026, 11, 20)
    withdrawn = get_complaint(complaint.id)
    assert (withdrawn.status, withdrawn.outcome) == ("withdrawn", "withdrawn")


def test_pause_start_and_end(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    with pytest.raises(WorkflowRefused, match="没有进行中的检测鉴定"):
        mediation.end_pause(ctx, complaint.id)
    mediation.start_pause(ctx, complaint.id, "testing", started_on=D(2026, 11, 19))
    with pytest.raises(ValidationFailed, match="早于开始日期"):
        mediation.end_pause(ctx, complaint.id, ended_on=D(2026, 11, 18))
    ended = mediation.end_pause(ctx, complaint.id, ended_on=D(2026, 11, 20))
    assert ended.ended_on == D(2026, 11, 20) and ended.version == 2
    assert [p.kind for p in mediation.pauses_of(complaint.id)] == ["testing"]


def test_reopen_after_a_dissatisfied_follow_up(ctx: Context, clock: FixedClock) -> None:
    complaint = in_mediation(ctx)
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="mediated", recovered_fen=10000))
    clock.advance(days=10)
    before = snapshot()
    with pytest.raises(ValidationFailed, match="重新打开投诉须写明原因"):
        transitions.follow_up(
            ctx,
            complaint.id,
            FollowUpDraft(method="phone", satisfaction="dissatisfied", reopen=True),
        )
    assert snapshot() == before
    transitions.follow_up(
        ctx,
        complaint.id,
        FollowUpDraft(
            method="phone",
            satisfaction="dissatisfied",
            carried_out=False,
            reopen=True,
            reopen_reason="商家未按约退款",
        ),
    )
    reopened = get_complaint(complaint.id)
    assert reopened.status == "in_mediation"
    assert (reopened.outcome, reopened.closed_on) == (None, None)
    assert reopened.mediation_clock_from == D(2026, 11, 30)
    assert reopened.accepted_on == D(2026, 11, 18)  # history is kept
    assert [m[:2] for m in audit_moves(reopened)][-2:] == [
        ("closed", "followed_up"),
        ("followed_up", "in_mediation"),
    ]
    changed = {
        e.field
        for e in AuditEntry.select().where(
            (AuditEntry.record_uid == reopened.uid) & (AuditEntry.action == "update")
        )
    }
    assert {"outcome", "closed_on", "mediation_clock_from"} <= changed


def test_every_transition_is_a_row_and_an_audit_entry(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    mediation.record_agreement(ctx, complaint.id, AgreementDraft(terms="更换同型号化肥两袋"))
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="mediated"))
    transitions.reopen(ctx, complaint.id, "协议未履行")
    rows = ComplaintTransition.select().where(ComplaintTransition.complaint == complaint.id)
    assert [(r.from_status, r.to_status) for r in rows] == [m[:2] for m in audit_moves(complaint)]
    assert len(audit_moves(complaint)) == 5


@pytest.mark.parametrize("status", sorted(states.STATUSES))
def test_planned_demo_history_follows_the_state_machine(status: str) -> None:
    import random

    from station_app.demo.history import plan_history

    today = D(2026, 12, 31)
    for seed in range(40):
        rng = random.Random(seed)
        received = D(2026, 1, 1) + dt.timedelta(days=rng.randrange(330))
        finished = status in states.FINISHED
        closed_on = received + dt.timedelta(days=rng.randint(0, 40)) if finished else None
        outcome = rng.choice(["mediated", "settled", "referral_closed", "other"])
        history = plan_history(
            status, received, today, rng, closed_on=closed_on, outcome=outcome, recovered_fen=500
        )
        current, last = "registered", received
        for move in history.moves:
            assert move.from_status == current
            assert states.check(move.action, current).target == move.to_status
            latest = today if move.action == "follow_up" else (closed_on or today)
            assert last <= move.happened_on <= latest
            current, last = move.to_status, move.happened_on
        assert current == status
        for step in history.steps:
            assert received <= step.held_at.date() <= (closed_on or today)
