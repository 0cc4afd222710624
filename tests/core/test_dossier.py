"""The complaint dossier: one read of everything the detail window shows, as frozen plain data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import peewee
import pytest

from station_app.errors import RecordNotFound
from station_app.installation import Installation
from station_app.registry.complaints import (
    delete_complaint,
    draft_of,
    register_complaint,
    update_complaint,
)
from station_app.registry.context import Context
from station_app.registry.dossier import (
    FULL_VIEW_REASON,
    ComplaintDossier,
    complaint_dossier,
    complaint_history,
    record_full_view,
)
from station_app.registry.people import PersonDraft
from station_app.registry.station_kinds import LIAISON, set_station_kind
from station_app.store.models import Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.workflow import group_consent, mediation, states, transitions

from ..conftest import complaint_draft
from .dossier_scenario import complaint_with_everything

TODAY = dt.date(2026, 11, 20)


def parts(value: object, path: str = "dossier"):  # type: ignore[no-untyped-def]
    """Every value held in the dossier, with where it is, walking dataclasses and tuples."""
    yield path, value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from parts(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for n, item in enumerate(value):
            yield from parts(item, f"{path}[{n}]")


@pytest.fixture
def full(ctx: Context, installation: Installation, tmp_path: Path) -> ComplaintDossier:
    complaint = complaint_with_everything(ctx, installation.paths.attachments, tmp_path)
    return complaint_dossier(complaint.id, TODAY)


def test_the_dossier_holds_no_database_row_and_nothing_mutable(full: ComplaintDossier) -> None:
    seen = list(parts(full))
    assert len(seen) > 200  # the walk went down into every record
    rows = [path for path, value in seen if isinstance(value, peewee.Model)]
    mutable = [path for path, value in seen if isinstance(value, list | dict | set | bytearray)]
    assert rows == [] and mutable == []
    for path, value in seen:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            assert type(value).__dataclass_params__.frozen, path  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        full.complaint.status = states.CLOSED  # type: ignore[misc]


def test_the_record_and_its_people(full: ComplaintDossier) -> None:
    record = full.complaint
    assert record.number == "TJ001-2026-0001" and record.status == states.FOLLOWED_UP
    assert record.received_at == dt.datetime(2026, 11, 18, 9, 30)
    assert record.respondent_name == "通江县诺江镇惠民农资店"
    assert record.accepted_on == dt.date(2026, 11, 18) and record.closed_on == TODAY
    assert record.outcome == "mediated" and record.recovered_fen == 36000
    assert record.natures == "quality" and record.demands == "refund"
    assert record.amount_paid_fen == 36000 and record.is_group and record.group_size == 3
    assert record.version > 1 and full.today == TODAY
    assert [(p.name, p.phone, p.is_representative) for p in full.complainants] == [
        ("李桂兰", "13881234567", True),
        ("王三田", "13881234568", False),
        ("赵四林", "13881234569", False),
    ]
    represented = [p.person_id for p in full.complainants if not p.is_representative]
    assert list(full.represented_person_ids) == represented


def test_consents_mediation_and_agreements(full: ComplaintDossier) -> None:
    # the one representative consents for each recipient (the represented are not asked)
    assert sorted(c.recipient for c in full.consents) == ["market_regulation", "respondent"]
    assert all(c.granted and c.method == "oral" and c.withdrawn_at is None for c in full.consents)
    represented = full.represented_consents
    assert {c.person_id for c in represented} == set(full.represented_person_ids)
    assert all(c.act == group_consent.AGREEMENT and c.granted for c in represented)
    assert all(c.used_at is not None for c in represented)  # spent on the agreement
    assert [(s.mode, s.result, s.next_on) for s in full.mediation_steps] == [
        ("phone", "未达成一致", TODAY),
        ("on_site", "达成一致", None),
    ]
    assert full.mediation_steps[0].held_at == dt.datetime(2026, 11, 19, 9)
    assert [(p.kind, p.started_on, p.ended_on, p.institution) for p in full.pauses] == [
        ("testing", dt.date(2026, 11, 19), dt.date(2026, 11, 19), "县质检所")
    ]
    (agreement,) = full.agreements
    assert agreement.number == "TJ001-2026-0001-XY1" and agreement.amount_fen == 36000
    assert agreement.carried_out is True and agreement.carried_out_on == TODAY


def test_referrals_follow_ups_attachments_and_moves(full: ComplaintDossier) -> None:
    (referral,) = full.referrals
    assert (referral.target, referral.agency_name, referral.hands_over) == (
        "market_regulation",
        "通江县市场监督管理局",
        False,
    )
    assert (referral.reply_on, referral.reply, referral.external_number) == (
        TODAY,
        "已立案调查",
        "TJ-1",
    )
    (follow_up,) = full.follow_ups
    assert (follow_up.method, follow_up.satisfaction, follow_up.carried_out) == (
        "phone",
        "satisfied",
        True,
    )
    assert follow_up.note == "已收到退款" and not follow_up.reopened
    (attachment,) = full.attachments
    assert attachment.filename == "收据.jpg" and attachment.description == "购货收据"
    assert attachment.size == len(b"\xff\xd8receipt" * 200)
    assert [m.action for m in full.transitions] == [
        "accept",
        "start_mediation",
        "record_agreement",
        "close",
        "follow_up",
    ]
    assert [m.to_status for m in full.transitions][-1] == states.FOLLOWED_UP
    assert all(m.ground is None for m in full.transitions)


def test_history_holds_the_complaint_and_its_records_entries(full: ComplaintDossier) -> None:
    entries = full.history
    assert entries == tuple(sorted(entries, key=lambda e: e.at))
    owners = {e.record_uid for e in entries}
    assert full.complaint.uid in owners
    for group in (full.mediation_steps, full.pauses, full.agreements, full.referrals):
        assert {row.uid for row in group} <= owners
    assert {row.uid for row in full.follow_ups + full.consents} <= owners  # type: ignore[operator]
    assert any(e.action == "attach" and e.new_value == "收据.jpg" for e in entries)
    assert any(e.action == "transition" and e.new_value == states.CLOSED for e in entries)
    number, own = complaint_history(full.complaint.id)
    assert number == full.complaint.number
    assert own == tuple(e for e in entries if e.record_uid == full.complaint.uid)


def test_actions_and_papers_follow_the_state(full: ComplaintDossier) -> None:
    allowed = set(states.allowed_actions(states.FOLLOWED_UP, mediation_ended=False))
    assert set(full.allowed_actions) == allowed and full.allowed_actions
    assert full.station_kind == "association"
    assert full.deadline is None  # followed up: nothing running
    assert [p.kind for p in full.papers] == [
        "registration",
        "acceptance_notice",
        "mediation_notice",
        "mediation_agreement",
        "follow_up_record",
    ]
    assert full.papers[0].title == "投诉登记表" and full.papers_refusal is None


def test_a_liaison_point_is_offered_no_decision(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    dossier = complaint_dossier(complaint.id, TODAY)
    assert "accept" in dossier.allowed_actions and "refuse" in dossier.allowed_actions
    set_station_kind(LIAISON)
    dossier = complaint_dossier(complaint.id, TODAY)
    assert dossier.station_kind == LIAISON
    assert "accept" not in dossier.allowed_actions and "refuse" not in dossier.allowed_actions
    assert "refer" in dossier.allowed_actions
    assert [p.kind for p in dossier.papers] == ["registration"]


def test_the_running_deadline_as_of_the_day_asked(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())  # received Wednesday 18 November
    soon = complaint_dossier(complaint.id, TODAY).deadline
    assert soon is not None and soon.kind == "accept" and soon.date == dt.date(2026, 11, 27)
    assert not soon.overdue and soon.working_days_left == 5 and not soon.estimated
    late = complaint_dossier(complaint.id, dt.date(2026, 12, 8)).deadline
    assert late is not None and late.overdue and late.working_days_left == -7
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    mediation.start_pause(ctx, complaint.id, "appraisal", started_on=dt.date(2026, 11, 20))
    paused = complaint_dossier(complaint.id, TODAY).deadline
    assert paused is not None and paused.kind == "mediation" and paused.date is None
    assert paused.paused_since == TODAY and paused.remaining > 0 and not paused.overdue


def test_a_refusal_carries_its_ground(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    transitions.refuse_acceptance(
        ctx, complaint.id, "not_consumption_or_no_dispute", on=dt.date(2026, 11, 19)
    )
    dossier = complaint_dossier(complaint.id, TODAY)
    assert dossier.not_accepted_ground is not None
    assert dossier.not_accepted_ground.code == "not_consumption_or_no_dispute"
    assert dossier.transitions[-1].ground == dossier.not_accepted_ground
    assert dossier.termination_ground is None
    assert "not_accepted_notice" in [p.kind for p in dossier.papers]


def test_a_deleted_complaint_has_no_dossier(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    delete_complaint(ctx, complaint.id, "登记重复")
    with pytest.raises(RecordNotFound):
        complaint_dossier(complaint.id, TODAY)


def test_history_names_the_officers_and_villages_its_values_stand_for(ctx: Context) -> None:
    """The window shows 经办人 and 所在村 changes by name without asking the database itself."""
    Region.insert_many(
        [
            {"code": "511921001", "name": "壁州街道", "level": "town", "parent_code": "511921"},
            {"code": "511921001001", "name": "城南社区", "level": "village"},
            {"code": "511921001002", "name": "南寺社区", "level": "village"},
        ]
    ).execute()
    officers = []
    for name in ("王联络员", "张站长"):
        with database_proxy.atomic():
            officer = Officer(name=name, station_code=ctx.origin)
            stamp_new(officer, ctx.origin, ctx.clock.utcnow())
            officer.save(force_insert=True)
        officers.append(officer.id)
    complaint = register_complaint(
        ctx, complaint_draft(officer_id=officers[0], village_code="511921001001")
    )
    edited = draft_of(complaint)
    edited.officer_id, edited.village_code = officers[1], "511921001002"
    update_complaint(ctx, complaint.id, edited)
    changes = {
        e.field: (e.old_value, e.old_name, e.new_value, e.new_name)
        for e in complaint_dossier(complaint.id, TODAY).history
        if e.action == "update"
    }
    assert changes["officer"] == (str(officers[0]), "王联络员", str(officers[1]), "张站长")
    assert changes["village_code"] == ("511921001001", "城南社区", "511921001002", "南寺社区")
    number, entries = complaint_history(complaint.id)
    assert [e.new_name for e in entries if e.field == "officer"] == ["张站长"]


def test_the_dossier_holds_every_field_of_the_form(ctx: Context) -> None:
    """小类, 争议金额, 购买地点/方式, 所在村 and the complainant's 住址 and 身份证号码 (the detail
    window shows all the form takes)."""
    Region.insert_many(
        [{"code": "511921100201", "name": "白石村", "level": "village", "parent_code": "511921100"}]
    ).execute()
    person = PersonDraft(
        name="李桂兰",
        phone="13881234567",
        id_number="11010519491231002X",
        address="通江县诺江镇白石村三组12号",
        village_code="511921100201",
    )
    complaint = register_complaint(
        ctx,
        complaint_draft(
            complainants=[person],
            village_code="511921100201",
            category_code="G09",
            subcategory="G0901",
            purchase_place="诺江镇汽车城",
            purchase_channel="门店购买",
            disputed_amount_fen=120050,
        ),
    )
    dossier = complaint_dossier(complaint.id, TODAY)
    record = dossier.complaint
    assert (record.subcategory, record.purchase_place, record.purchase_channel) == (
        "G0901",
        "诺江镇汽车城",
        "门店购买",
    )
    assert record.disputed_amount_fen == 120050
    assert (record.village_code, record.village_name) == ("511921100201", "白石村")
    first = dossier.complainants[0]
    assert (first.address, first.id_number, first.village_code) == (
        "通江县诺江镇白石村三组12号",
        "11010519491231002X",
        "511921100201",
    )


def test_a_full_view_leaves_a_reveal_entry_in_the_complaints_history(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    record_full_view(ctx, complaint.uid, complaint.number)
    entries = [e for e in complaint_dossier(complaint.id, TODAY).history if e.action == "reveal"]
    assert [(e.actor, e.field, e.new_value, e.reason) for e in entries] == [
        (ctx.actor, "unmasked", complaint.number, FULL_VIEW_REASON)
    ]
