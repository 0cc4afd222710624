"""Group complaints: how many representatives, and the represented complainants' consent to
changing or withdrawing the complaint and to a mediation agreement (2026 第十一条)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from station_app.errors import ValidationFailed
from station_app.registry.complaints import draft_of, register_complaint, update_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.registry.representatives import representative_limit
from station_app.registry.station_kinds import STATION_KIND as STATION_KIND_SETTING
from station_app.settings import set_setting
from station_app.store.models import Complaint
from station_app.store.workflow_models import RepresentedConsent
from station_app.workflow import consent, mediation, transitions
from station_app.workflow.consent import ConsentMissing
from station_app.workflow.group_consent import (
    AGREEMENT,
    WITHDRAW,
    RepresentedConsentDraft,
    missing_represented_consent,
    record_represented_consent,
    represented_people,
)

NAMES = ["张大山", "李二河", "王三田", "赵四林", "钱五木", "孙六金", "周七水"]


def people(count: int, representatives: int) -> list[PersonDraft]:
    return [
        PersonDraft(name=NAMES[i], phone=f"1388123456{i}", is_representative=i < representatives)
        for i in range(count)
    ]


def group(ctx: Context, make_complaint_draft, count: int = 4, representatives: int = 2):
    draft = make_complaint_draft(
        is_group=True, group_size=count, complainants=people(count, representatives)
    )
    complaint = register_complaint(ctx, draft)
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    return Complaint.get_by_id(complaint.id)


def test_the_number_of_representatives_depends_on_the_station_kind(ctx, make_complaint_draft):
    assert representative_limit() == 5  # a 消协 station unless it says otherwise
    too_many = make_complaint_draft(is_group=True, group_size=7, complainants=people(7, 6))
    with pytest.raises(ValidationFailed) as refused:
        register_complaint(ctx, too_many)
    [problem] = refused.value.problems
    assert problem.field == "complainants.5.is_representative"
    assert "最多推选 5 名代表人" in problem.message and "第十一条" in problem.message
    register_complaint(ctx, dataclasses.replace(too_many, complainants=people(7, 5)))

    set_setting(STATION_KIND_SETTING, "entrusted")
    assert representative_limit() == 2
    with pytest.raises(ValidationFailed) as refused:
        register_complaint(ctx, dataclasses.replace(too_many, complainants=people(7, 3)))
    assert "最多推选 2 名代表人" in refused.value.problems[0].message
    register_complaint(ctx, dataclasses.replace(too_many, complainants=people(7, 2)))


def test_a_single_complaint_has_no_representatives(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft(complainants=people(1, 1)))
    assert draft_of(complaint).complainants[0].is_representative is False
    assert represented_people(complaint) == []


def test_withdrawing_needs_every_represented_complainants_consent(ctx, make_complaint_draft):
    complaint = group(ctx, make_complaint_draft)
    assert [p.name for p in represented_people(complaint)] == ["王三田", "赵四林"]
    with pytest.raises(ConsentMissing) as refused:
        transitions.withdraw(ctx, complaint.id, reason="代表人要求撤回")
    message = str(refused.value)
    assert "撤回投诉须经被代表的投诉人同意" in message and "第十一条" in message
    assert "王**、赵**" in message and "王三田" not in message
    assert Complaint.get_by_id(complaint.id).status == "accepted"

    # one of the two agrees: still refused, naming the other
    wang = represented_people(complaint)[0]
    record_represented_consent(
        ctx,
        complaint.id,
        RepresentedConsentDraft(act=WITHDRAW, subject="撤回全部投诉", person_ids=[wang.id]),
    )
    with pytest.raises(ConsentMissing, match="赵\\*\\*"):
        transitions.withdraw(ctx, complaint.id)

    # the consent given with the withdrawal: recorded and spent in the same step
    transitions.withdraw(
        ctx,
        complaint.id,
        reason="已与商家和解",
        represented_consent=RepresentedConsentDraft(
            act=WITHDRAW, subject="撤回全部投诉", method="phone"
        ),
    )
    assert Complaint.get_by_id(complaint.id).status == "withdrawn"
    rows = list(RepresentedConsent.select().order_by(RepresentedConsent.id))
    assert [(r.person.name, r.action, r.granted, r.method) for r in rows] == [
        ("王三田", "withdraw", True, "written"),
        ("王三田", "withdraw", True, "phone"),
        ("赵四林", "withdraw", True, "phone"),
    ]
    assert rows[0].used_at is None and rows[1].used_at is not None and rows[2].used_at is not None
    assert rows[1].subject == "撤回全部投诉"


def test_a_later_refusal_counts(ctx, make_complaint_draft) -> None:
    complaint = group(ctx, make_complaint_draft)
    first = dt.datetime(2026, 11, 20, 9, 0)
    record_represented_consent(
        ctx, complaint.id, RepresentedConsentDraft(act=WITHDRAW, given_at=first)
    )
    later = dt.datetime(2026, 11, 20, 9, 30)
    zhao = represented_people(complaint)[1]
    record_represented_consent(
        ctx,
        complaint.id,
        RepresentedConsentDraft(act=WITHDRAW, granted=False, given_at=later, person_ids=[zhao.id]),
    )
    assert [p.name for p in missing_represented_consent(complaint, WITHDRAW)] == ["赵四林"]
    with pytest.raises(ConsentMissing):
        transitions.withdraw(ctx, complaint.id)


def test_an_agreement_needs_consent_each_time(ctx, make_complaint_draft) -> None:
    complaint = group(ctx, make_complaint_draft)
    consent.record_consent(ctx, complaint.id, consent.ConsentDraft(recipients=["respondent"]))
    transitions.start_mediation(ctx, complaint.id, on=dt.date(2026, 11, 19))
    terms = mediation.AgreementDraft(terms="退还货款 360 元", amount_fen=36_000)
    with pytest.raises(ConsentMissing, match="达成调解协议"):
        mediation.record_agreement(ctx, complaint.id, terms)
    assert Complaint.get_by_id(complaint.id).status == "in_mediation"
    agreed = dataclasses.replace(
        terms, represented_consent=RepresentedConsentDraft(act=AGREEMENT, subject=terms.terms)
    )
    mediation.record_agreement(ctx, complaint.id, agreed)
    assert Complaint.get_by_id(complaint.id).status == "agreement_pending"
    # spent: a new agreement (the first fell through) asks again
    assert len(missing_represented_consent(complaint, AGREEMENT)) == 2


def test_changing_the_request_of_an_accepted_group_complaint(ctx, make_complaint_draft) -> None:
    complaint = group(ctx, make_complaint_draft)
    edited = draft_of(complaint)
    edited.facts = edited.facts + "（补充：已保留购物凭证）"
    update_complaint(ctx, complaint.id, edited)  # not a change of the request: no consent
    edited = draft_of(Complaint.get_by_id(complaint.id))
    edited.demands = ["refund", "compensation"]
    with pytest.raises(ConsentMissing, match="变更投诉请求"):
        update_complaint(ctx, complaint.id, edited)
    assert draft_of(Complaint.get_by_id(complaint.id)).demands == ["refund"]
    update_complaint(
        ctx,
        complaint.id,
        edited,
        represented_consent=RepresentedConsentDraft(act="change_request", subject="增加赔偿损失"),
    )
    assert draft_of(Complaint.get_by_id(complaint.id)).demands == ["refund", "compensation"]


def test_before_acceptance_the_request_may_be_corrected(ctx, make_complaint_draft) -> None:
    draft = make_complaint_draft(is_group=True, group_size=4, complainants=people(4, 2))
    complaint = register_complaint(ctx, draft)
    edited = draft_of(complaint)
    edited.demands = ["return"]
    assert update_complaint(ctx, complaint.id, edited).demands == "return"


def test_no_consent_to_record_without_represented_complainants(ctx, make_complaint_draft):
    complaint = group(ctx, make_complaint_draft, count=3, representatives=3)
    with pytest.raises(ValidationFailed):
        record_represented_consent(ctx, complaint.id, RepresentedConsentDraft(act=WITHDRAW))
    transitions.withdraw(ctx, complaint.id)  # everyone on it represents themselves
    assert RepresentedConsent.select().count() == 0
