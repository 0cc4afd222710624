"""Visits and consultations (来访咨询): quick entry, editing, turning one into a complaint."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app import codes
from station_app.errors import FieldError, refuse_if_invalid
from station_app.messages import N_, msg
from station_app.registry.complaints import ComplaintDraft
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft, save_person
from station_app.registry.record_edits import (
    LiveRecords,
    insert_new,
    place_and_officer,
    save_changes,
)
from station_app.store.models import Person, Visit, database_proxy

MAX_HEADCOUNT = 10_000


@dataclass
class VisitDraft:
    visited_at: dt.datetime
    channel: str
    question: str
    answer: str | None = None
    headcount: int = 1
    topic_category: str | None = None
    village_code: str | None = None
    officer_id: int | None = None
    person: PersonDraft | None = None  # optional: many visitors stay anonymous


def validate_visit(draft: VisitDraft, ctx: Context) -> VisitDraft:
    problems: list[FieldError] = []
    if draft.visited_at is None:
        problems.append(FieldError("visited_at", msg("请填写来访时间。")))
    elif draft.visited_at > ctx.clock.local_now() + dt.timedelta(minutes=10):
        problems.append(FieldError("visited_at", msg("来访时间不能晚于现在。")))
    if not codes.code_list("channel").contains(draft.channel):
        problems.append(FieldError("channel", msg("请选择来访渠道。")))
    question = (draft.question or "").strip()
    if not question:
        problems.append(FieldError("question", msg("请填写咨询的问题。")))
    if not 1 <= (draft.headcount or 0) <= MAX_HEADCOUNT:
        problems.append(
            FieldError("headcount", msg("人数应在 1 到 {limit} 之间。", limit=MAX_HEADCOUNT))
        )
    topic = draft.topic_category or None
    if topic and not codes.category_list().contains(topic):
        problems.append(FieldError("topic_category", msg("请从列表中选择咨询类别。")))
    village = place_and_officer(draft.village_code, draft.officer_id, problems)
    person = None
    if draft.person is not None and (draft.person.name or "").strip():
        person, person_problems = draft.person.validated("person.", ctx)
        problems.extend(person_problems)
    refuse_if_invalid(problems)
    return VisitDraft(
        visited_at=draft.visited_at.replace(second=0, microsecond=0),
        channel=draft.channel,
        question=question,
        answer=(draft.answer or "").strip() or None,
        headcount=draft.headcount,
        topic_category=topic,
        village_code=village,
        officer_id=draft.officer_id,
        person=person,
    )


VISIT_RECORDS = LiveRecords(
    Visit,
    N_("这条来访记录不存在或已删除。"),
    N_("删除来访记录须写明原因。"),
    validate_visit,
    ("person",),
)
get_visit = VISIT_RECORDS.get
delete_visit = VISIT_RECORDS.delete  # a tombstone that syncs; the reason goes to the audit log


def register_visit(ctx: Context, draft: VisitDraft) -> Visit:
    with database_proxy.atomic():
        visit, clean = VISIT_RECORDS.new(ctx, draft)
        if clean.person is not None:
            visit.person = save_person(ctx, clean.person)
        insert_new(ctx, visit, clean.question[:40])
        return visit


def update_visit(ctx: Context, visit_id: int, draft: VisitDraft) -> Visit:
    with database_proxy.atomic():
        visit, clean, changes = VISIT_RECORDS.edited(ctx, visit_id, draft)
        if clean.person is not None:
            person = save_person(ctx, clean.person, existing=visit.person)
            if visit.person_id != person.id:
                changes["person"] = (visit.person_id, person.id)
                visit.person = person
        save_changes(ctx, visit, changes)
        return visit


def complaint_draft_from_visit(visit: Visit) -> ComplaintDraft:
    """A complaint draft pre-filled from a visit; the officer completes it on the form."""
    person: Person | None = visit.person
    complainants = (
        [
            PersonDraft(
                name=person.name,
                phone=person.phone,
                id_number=person.id_number,
                address=person.address,
                village_code=person.village_code,
            )
        ]
        if person is not None
        else []
    )
    return ComplaintDraft(
        received_at=visit.visited_at,
        channel=visit.channel,
        complainants=complainants,
        respondent_name="",
        subject="",
        category_code=visit.topic_category or "",
        natures=[],
        facts=visit.question,
        officer_id=visit.officer_id,
        village_code=visit.village_code,
        visit_id=visit.id,
    )
