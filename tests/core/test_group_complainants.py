"""A group complaint's complainants as the form gives them: every one stored in order, their
representatives within the station's limit, and each one's consent to the respondent having their
details (个人信息保护法) recorded per person, changed on editing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from station_app.errors import ValidationFailed
from station_app.registry.complaints import draft_of, register_complaint, update_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft, complainants_text
from station_app.registry.station_kinds import STATION_KIND as STATION_KIND_SETTING
from station_app.settings import set_setting
from station_app.store.models import Complainant, Complaint, Person
from station_app.store.workflow_models import ConsentRecord
from station_app.workflow import consent, transitions
from station_app.workflow.consent import ConsentMissing

SURNAMES = "张王李赵钱孙周吴郑冯陈褚卫蒋沈韩杨"


def villagers(count: int, representatives: int, consenting: int = 0) -> list[PersonDraft]:
    """``count`` people, the first ``representatives`` chosen to represent the rest, the first
    ``consenting`` agreeing that the respondent may have their details."""
    return [
        PersonDraft(
            name=f"{SURNAMES[i]}村民{i + 1}",
            phone=f"139{i:08d}",
            village_code="511921100201",
            is_representative=i < representatives,
            consents_to_respondent=True if i < consenting else None,
        )
        for i in range(count)
    ]


def register_group(ctx: Context, make_complaint_draft, people: list[PersonDraft]) -> Complaint:
    draft = make_complaint_draft(is_group=True, group_size=len(people), complainants=people)
    return register_complaint(ctx, draft)


def test_every_complainant_of_a_group_is_stored_in_order(ctx, make_complaint_draft):
    complaint = register_group(ctx, make_complaint_draft, villagers(15, 2))
    links = list(
        Complainant.select()
        .where(Complainant.complaint == complaint)
        .order_by(Complainant.position)
    )
    assert [link.position for link in links] == list(range(15))
    assert [link.person.name for link in links] == [f"{SURNAMES[i]}村民{i + 1}" for i in range(15)]
    assert [link.is_representative for link in links] == [True, True] + [False] * 13
    assert Person.select().count() == 15
    stored = Complaint.get_by_id(complaint.id)
    assert stored.is_group and stored.group_size == 15
    draft = draft_of(stored)
    assert [p.name for p in draft.complainants] == [p.name for p in villagers(15, 2)]
    assert [p.phone for p in draft.complainants] == [p.phone for p in villagers(15, 2)]


def test_representatives_beyond_the_limit_are_refused_in_plain_chinese(ctx, make_complaint_draft):
    set_setting(STATION_KIND_SETTING, "entrusted")  # the measures' own limit: two
    draft = make_complaint_draft(is_group=True, group_size=15, complainants=villagers(15, 3))
    with pytest.raises(ValidationFailed) as refused:
        register_complaint(ctx, draft)
    [problem] = refused.value.problems
    assert problem.field == "complainants.2.is_representative"
    assert problem.message == (
        "群体性投诉最多推选 2 名代表人（《市场监督管理投诉举报处理办法》第十一条），现在选了 3 名。"
    )
    assert Complaint.select().count() == 0 and Person.select().count() == 0
    register_complaint(ctx, dataclasses.replace(draft, complainants=villagers(15, 2)))


def test_a_bad_field_of_the_fifteenth_complainant_is_named(ctx, make_complaint_draft):
    people = villagers(15, 2)
    people[14] = dataclasses.replace(people[14], phone="12345")
    with pytest.raises(ValidationFailed) as refused:
        register_group(ctx, make_complaint_draft, people)
    assert [p.field for p in refused.value.problems] == ["complainants.14.phone"]


def test_consent_is_recorded_per_person_at_registration(ctx, make_complaint_draft):
    complaint = register_group(ctx, make_complaint_draft, villagers(15, 2, consenting=2))
    rows = list(ConsentRecord.select().order_by(ConsentRecord.id))
    assert [r.person.name for r in rows] == ["张村民1", "王村民2"]
    assert {(r.recipient, r.granted, r.method, r.note) for r in rows} == {
        ("respondent", True, "oral", consent.FORM_NOTE)
    }
    assert {r.given_at for r in rows} == {ctx.clock.local_now().replace(microsecond=0)}
    # the representatives speak for the group: with their consent, mediation may start
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    transitions.start_mediation(ctx, complaint.id, on=dt.date(2026, 11, 19))
    assert Complaint.get_by_id(complaint.id).status == "in_mediation"


def test_a_single_complainant_who_did_not_agree_blocks_mediation(ctx, make_complaint_draft):
    complaint = register_complaint(ctx, make_complaint_draft())
    assert ConsentRecord.select().count() == 0
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    with pytest.raises(ConsentMissing):
        transitions.start_mediation(ctx, complaint.id, on=dt.date(2026, 11, 19))


def test_editing_shows_and_changes_the_complainants_and_their_consent(ctx, make_complaint_draft):
    complaint = register_group(ctx, make_complaint_draft, villagers(15, 2, consenting=1))
    draft = draft_of(Complaint.get_by_id(complaint.id))
    assert [p.consents_to_respondent for p in draft.complainants] == [True] + [False] * 14
    people = draft.complainants
    people[0] = dataclasses.replace(people[0], consents_to_respondent=False)  # takes it back
    people[1] = dataclasses.replace(people[1], consents_to_respondent=True)
    people[2] = dataclasses.replace(people[2], is_representative=True, name="李村民三")
    del people[14]
    version = Complaint.get_by_id(complaint.id).version
    update_complaint(
        ctx,
        complaint.id,
        dataclasses.replace(draft, complainants=people, group_size=14),
        expected_version=version,
    )
    stored = Complaint.get_by_id(complaint.id)
    after = draft_of(stored)
    assert len(after.complainants) == 14 and stored.group_size == 14
    assert after.complainants[2].name == "李村民三" and after.complainants[2].is_representative
    assert [p.consents_to_respondent for p in after.complainants[:3]] == [False, True, False]
    first = ConsentRecord.get(ConsentRecord.person == Person.get(Person.name == "张村民1"))
    assert first.withdrawn_at == ctx.clock.local_now().replace(microsecond=0)
    # the 15th complainant's link is a tombstone, never deleted
    assert Complainant.select().where(Complainant.deleted == True).count() == 1  # noqa: E712


def test_a_consent_alone_is_saved_on_editing(ctx, make_complaint_draft):
    complaint = register_complaint(ctx, make_complaint_draft())
    draft = draft_of(Complaint.get_by_id(complaint.id))
    assert draft.complainants[0].consents_to_respondent is False
    draft.complainants[0].consents_to_respondent = True
    update_complaint(ctx, complaint.id, draft)
    assert consent.missing_consent(Complaint.get_by_id(complaint.id), consent.RESPONDENT) == []
    update_complaint(ctx, complaint.id, draft)  # the same answer again: nothing more written
    assert ConsentRecord.select().count() == 1


def test_a_group_is_shown_as_its_first_complainant_and_how_many():
    assert complainants_text("张**", True, 15) == "张** 等15人"
    assert complainants_text("张三丰", True, 15) == "张三丰 等15人"
    assert complainants_text("张**", False, 1) == "张**"
