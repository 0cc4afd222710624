"""Registering, editing, deleting and finding complaints (core, no Qt)."""

from __future__ import annotations

import dataclasses

import pytest

from station_app.errors import ValidationFailed
from station_app.registry.audit import history
from station_app.registry.complaints import (
    VersionConflict,
    complainants_of,
    delete_complaint,
    draft_of,
    get_complaint,
    register_complaint,
    update_complaint,
)
from station_app.registry.listing import ComplaintFilter, count_complaints, list_complaints
from station_app.registry.people import PersonDraft
from station_app.registry.search import search_complaints
from station_app.store.models import AuditEntry, Complaint, Person


def test_registration_sets_number_status_sync_columns_and_audit(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    assert complaint.number == "TJ001-2026-0001"
    assert complaint.status == "registered"
    assert complaint.origin == "TJ001"
    assert complaint.version == 1
    assert len(complaint.uid) == 32
    assert complaint.change_seq > 0
    (link,) = complainants_of(complaint)
    assert link.person.name == "李桂兰"
    assert link.person.phone == "13881234567"
    entries = history([complaint.uid])
    assert [(e.action, e.actor) for e in entries] == [("create", "王联络员")]


def test_numbers_run_per_year_and_are_never_reused(ctx, make_complaint_draft) -> None:
    import datetime as dt

    first = register_complaint(ctx, make_complaint_draft())
    second = register_complaint(ctx, make_complaint_draft())
    delete_complaint(ctx, second.id, "重复登记")
    third = register_complaint(ctx, make_complaint_draft())
    older = register_complaint(ctx, make_complaint_draft(received_at=dt.datetime(2025, 12, 30, 9)))
    assert [first.number, second.number, third.number] == [
        "TJ001-2026-0001",
        "TJ001-2026-0002",
        "TJ001-2026-0003",
    ]
    assert older.number == "TJ001-2025-0001"


def test_invalid_fields_are_refused_with_reasons_and_nothing_saved(
    ctx, make_complaint_draft
) -> None:
    draft = make_complaint_draft(
        complainants=[PersonDraft(name="李桂兰", phone="12345", id_number="360426199101010072")],
        respondent_credit_code="91110108551385082A",
        natures=[],
    )
    with pytest.raises(ValidationFailed) as refused:
        register_complaint(ctx, draft)
    reasons = refused.value.by_field()
    assert set(reasons) >= {
        "complainants.0.phone",
        "complainants.0.id_number",
        "respondent_credit_code",
        "natures",
    }
    assert all(reasons.values())
    assert Complaint.select().count() == 0
    assert Person.select().count() == 0
    assert AuditEntry.select().count() == 0


def test_future_received_time_is_refused(ctx, make_complaint_draft, clock) -> None:
    import datetime as dt

    with pytest.raises(ValidationFailed) as refused:
        register_complaint(
            ctx, make_complaint_draft(received_at=clock.local + dt.timedelta(days=1))
        )
    assert "received_at" in refused.value.by_field()


def test_edit_writes_one_audit_entry_per_changed_field(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    draft = draft_of(complaint)
    draft.subject = "复合肥（50公斤装）"
    draft.complainants[0].phone = "13990001111"
    edited = update_complaint(ctx, complaint.id, draft, expected_version=1)
    assert edited.version == 2
    changes = {
        e.field: (e.old_value, e.new_value)
        for e in history([complaint.uid])
        if e.action == "update"
    }
    assert changes == {
        "subject": ("复合肥", "复合肥（50公斤装）"),
        "complainants.0.phone": ("13881234567", "13990001111"),
    }
    assert get_complaint(complaint.id).subject == "复合肥（50公斤装）"


def test_unchanged_edit_changes_nothing(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    update_complaint(ctx, complaint.id, draft_of(complaint))
    assert get_complaint(complaint.id).version == 1
    assert AuditEntry.select().where(AuditEntry.action == "update").count() == 0


def test_stale_edit_is_refused(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    draft = draft_of(complaint)
    draft.subject = "有机肥"
    update_complaint(ctx, complaint.id, draft, expected_version=1)
    draft.subject = "尿素"
    with pytest.raises(VersionConflict):
        update_complaint(ctx, complaint.id, draft, expected_version=1)
    assert get_complaint(complaint.id).subject == "有机肥"


def test_soft_delete_keeps_a_tombstone(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    with pytest.raises(ValidationFailed):
        delete_complaint(ctx, complaint.id, " ")
    delete_complaint(ctx, complaint.id, "误登记")
    row = Complaint.get_by_id(complaint.id)
    assert row.deleted and row.version == 2
    assert count_complaints() == 0
    assert search_complaints("复合肥") == []
    (deletion,) = [e for e in history([complaint.uid]) if e.action == "delete"]
    assert deletion.reason == "误登记"


@pytest.mark.both_engines
def test_search_by_one_two_and_three_or_more_characters(ctx, make_complaint_draft) -> None:
    register_complaint(ctx, make_complaint_draft())
    register_complaint(
        ctx,
        make_complaint_draft(
            subject="电动三轮车",
            respondent_name="瓦室镇鑫源车行",
            facts="电动三轮车买回两个月电池鼓包，车行只肯修不肯换。",
            complainants=[PersonDraft(name="赵德明", phone="13700001234")],
        ),
    )
    assert [r.subject for r in search_complaints("结块")] == ["复合肥"]  # 2 characters: LIKE
    assert [r.subject for r in search_complaints("玉米苗")] == ["复合肥"]  # 3: FTS trigram
    assert [r.subject for r in search_complaints("电池鼓包")] == ["电动三轮车"]
    assert [r.subject for r in search_complaints("德")] == ["电动三轮车"]  # 1 character
    assert [r.subject for r in search_complaints("赵德明 鼓包")] == ["电动三轮车"]
    assert search_complaints("不存在的内容") == []
    assert {r.number for r in search_complaints("TJ001-2026")} == {
        "TJ001-2026-0001",
        "TJ001-2026-0002",
    }
    assert [r.subject for r in search_complaints('100%"')] == []  # quotes and wildcards are text


@pytest.mark.both_engines
def test_search_follows_edits(ctx, make_complaint_draft) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    draft = draft_of(complaint)
    draft.facts = "种子发芽率不到三成。"
    update_complaint(ctx, complaint.id, draft)
    assert search_complaints("玉米苗") == []
    assert len(search_complaints("发芽率")) == 1
    assert len(search_complaints("三成")) == 1


@pytest.mark.both_engines
def test_list_filters_and_keyset_pages(ctx, make_complaint_draft) -> None:
    import datetime as dt

    for day in range(1, 26):
        register_complaint(
            ctx,
            make_complaint_draft(
                received_at=dt.datetime(2026, 10, day, 9, 0),
                category_code="G03" if day % 2 else "G10",
            ),
        )
    register_complaint(ctx, make_complaint_draft(received_at=dt.datetime(2026, 11, 2, 9, 0)))
    seen: list[int] = []
    page = list_complaints(ComplaintFilter(month="2026-10"), limit=10)
    while True:
        seen.extend(r.id for r in page.rows)
        if page.cursor is None:
            break
        page = list_complaints(ComplaintFilter(month="2026-10"), after=page.cursor, limit=10)
    assert len(seen) == len(set(seen)) == 25
    received = [Complaint.get_by_id(i).received_at for i in seen]
    assert received == sorted(received, reverse=True)
    assert count_complaints(ComplaintFilter(month="2026-10", category_code="G03")) == 13
    assert count_complaints(ComplaintFilter(village_code="511921100201")) == 26
    assert count_complaints(ComplaintFilter(village_code="511921100000")) == 26  # the town
    assert count_complaints(ComplaintFilter(village_code="511921100")) == 26
    assert count_complaints(ComplaintFilter(village_code="511921")) == 26
    assert count_complaints(ComplaintFilter(village_code="511921101000")) == 0
    assert count_complaints(ComplaintFilter(status="registered")) == 26
    by_number = list_complaints(sort="number", descending=False, limit=3)
    assert [r.number for r in by_number.rows] == [
        "TJ001-2026-0001",
        "TJ001-2026-0002",
        "TJ001-2026-0003",
    ]
    second = list_complaints(sort="number", descending=False, after=by_number.cursor, limit=3)
    assert second.rows[0].number == "TJ001-2026-0004"
    assert by_number.rows[0].complainant == "李桂兰"


def test_group_complaint_keeps_every_complainant(ctx, make_complaint_draft) -> None:
    people = [
        PersonDraft(name=name, phone=f"1388123456{i}", is_representative=i < 2)
        for i, name in enumerate(["张三", "李四", "王五"])
    ]
    complaint = register_complaint(
        ctx, make_complaint_draft(complainants=people, is_group=True, group_size=40)
    )
    links = complainants_of(complaint)
    assert [link.person.name for link in links] == ["张三", "李四", "王五"]
    assert [link.is_representative for link in links] == [True, True, False]
    assert complaint.group_size == 40
    draft = draft_of(complaint)
    draft.complainants = draft.complainants[:2]
    update_complaint(ctx, complaint.id, draft)
    assert [link.person.name for link in complainants_of(complaint)] == ["张三", "李四"]


def test_group_complaint_needs_two_people(ctx, make_complaint_draft) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register_complaint(ctx, make_complaint_draft(is_group=True, group_size=1))
    assert "group_size" in refused.value.by_field()


def test_same_consumer_is_one_person(ctx, make_complaint_draft) -> None:
    register_complaint(ctx, make_complaint_draft())
    register_complaint(ctx, make_complaint_draft())
    assert Person.select().count() == 1


def test_drafts_round_trip(ctx, make_complaint_draft) -> None:
    draft = make_complaint_draft()
    complaint = register_complaint(ctx, draft)
    again = draft_of(complaint)
    assert dataclasses.replace(again, complainants=[]) == dataclasses.replace(
        draft,
        complainants=[],
        village_code="511921100201",
        group_size=1,
        primary_nature="quality",  # the only nature is the primary one
    )


@pytest.mark.both_engines
def test_list_filter_on_a_set_of_ids(ctx, make_complaint_draft) -> None:
    ids = [register_complaint(ctx, make_complaint_draft()).id for _ in range(5)]
    chosen = (ids[0], ids[3])
    page = list_complaints(ComplaintFilter(ids=chosen), sort="number", descending=False)
    assert [row.id for row in page.rows] == list(chosen)
    assert count_complaints(ComplaintFilter(ids=chosen, status="registered")) == 2
    assert count_complaints(ComplaintFilter(ids=())) == 0  # an empty set: nothing, not all
    assert count_complaints(ComplaintFilter(ids=tuple(range(100_000, 140_000)))) == 0
