"""Registering, editing and (softly) deleting complaints.

A complaint is written in one transaction together with its complainants, the sync columns and
its audit entries; a refused draft writes nothing.

Editing an accepted group complaint's request needs the represented complainants' consent, a rule
of ``station_app.workflow.group_consent``; that module builds only on
``station_app.registry.complaint_records`` (finding a complaint, checking its version), never on
this one, so the call runs one way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from peewee import fn

from station_app import codes
from station_app.access.ownership import check_may_write
from station_app.changes import Changes
from station_app.errors import FieldError, RecordNotFound, refuse_if_invalid
from station_app.messages import N_, msg, translate
from station_app.registry.audit import record_action, record_created
from station_app.registry.complaint_records import VersionConflict as VersionConflict
from station_app.registry.complaint_records import check_version, complainants_of, get_complaint
from station_app.registry.context import Context
from station_app.registry.natures import ordered_natures, primary_of, split_natures
from station_app.registry.numbering import next_complaint_number
from station_app.registry.people import PersonDraft, save_person
from station_app.registry.record_edits import (
    apply_values,
    carrying,
    deletion_reason,
    save_changes,
    soft_delete,
)
from station_app.registry.representatives import representative_problems
from station_app.registry.text_match import INDEXED_TEXT_END
from station_app.store.models import (
    Business,
    Complainant,
    Complaint,
    Officer,
    Person,
    Visit,
    database_proxy,
)
from station_app.store.sync_columns import stamp_edit, stamp_new
from station_app.validation import normalize_credit_code, normalize_phone, normalize_region_code
from station_app.workflow import consent, group_consent
from station_app.workflow.group_consent import RepresentedConsentDraft

REGISTERED = "registered"
MAX_COMPLAINANTS = 500
# a complainant's fields whose change is logged as "complainants.<position>.<field>"
PERSON_FIELDS = ("name", "phone", "id_number", "address", "village_code", "is_representative")


@dataclass
class ComplaintDraft:
    """A complaint as typed on the form. Money in fen; codes from the shipped code lists."""

    received_at: dt.datetime
    channel: str
    complainants: list[PersonDraft]
    respondent_name: str
    subject: str
    category_code: str
    natures: list[str]
    facts: str
    officer_id: int | None = None
    village_code: str | None = None
    is_group: bool = False
    group_size: int | None = None
    business_id: int | None = None
    respondent_credit_code: str | None = None
    respondent_address: str | None = None
    respondent_phone: str | None = None
    subcategory: str | None = None
    purchase_date: dt.date | None = None
    purchase_place: str | None = None
    purchase_channel: str | None = None
    amount_paid_fen: int | None = None
    disputed_amount_fen: int | None = None
    demands: list[str] = field(default_factory=list)
    demand_text: str | None = None
    hotline_number: str | None = None
    remarks: str | None = None
    visit_id: int | None = None
    # the nature statistics count; None: the only nature in ``natures``, or 其他 for several
    primary_nature: str | None = None


def _text(value: str | None, limit: int | None = None) -> str | None:
    text = (value or "").strip()
    if limit is not None:
        text = text[:limit]
    return text or None


def validate_complaint(draft: ComplaintDraft, ctx: Context) -> ComplaintDraft:
    """A clean copy of ``draft``, or ``ValidationFailed`` listing every bad field."""
    problems: list[FieldError] = []

    def need(name: str, value: str | None, limit: int, missing: str, too_long: str) -> str:
        """``missing`` and ``too_long`` ({limit}) are templates marked with N_."""
        text = (value or "").strip()
        if not text:
            problems.append(FieldError(name, translate(missing)))
        elif len(text) > limit:
            problems.append(FieldError(name, translate(too_long).format(limit=limit)))
        return text

    now = ctx.clock.local_now()
    if draft.received_at is None:
        problems.append(FieldError("received_at", msg("请填写登记时间。")))
    elif draft.received_at > now + dt.timedelta(minutes=10):
        problems.append(FieldError("received_at", msg("登记时间不能晚于现在。")))
    if not codes.code_list("channel").contains(draft.channel):
        problems.append(FieldError("channel", msg("请选择投诉渠道。")))
    if not codes.category_list().contains(draft.category_code):
        problems.append(FieldError("category_code", msg("请选择商品或服务大类。")))
    natures = [n for n in dict.fromkeys(draft.natures or []) if n]
    primary = primary_of(natures, (draft.primary_nature or "").strip() or None)
    if primary is None:
        problems.append(FieldError("natures", msg("请至少选择一项投诉性质。")))
    elif not codes.code_list("nature").contains(primary):
        problems.append(FieldError("primary_nature", msg("主要投诉性质是不认识的代码。")))
    elif any(not codes.code_list("nature").contains(n) for n in natures):
        problems.append(FieldError("natures", msg("投诉性质中有不认识的代码。")))
    else:
        natures = ordered_natures(natures, primary)
    demands = [d for d in dict.fromkeys(draft.demands or []) if d]
    if any(not codes.code_list("demand").contains(d) for d in demands):
        problems.append(FieldError("demands", msg("诉求中有不认识的代码。")))

    respondent = need(
        "respondent_name",
        draft.respondent_name,
        200,
        N_("请填写被投诉方名称。"),
        N_("被投诉方名称不能超过 {limit} 个字。"),
    )
    subject = need(
        "subject",
        draft.subject,
        200,
        N_("请填写商品或服务名称。"),
        N_("商品或服务名称不能超过 {limit} 个字。"),
    )
    facts = need(
        "facts", draft.facts, 20_000, N_("请填写投诉事由。"), N_("投诉事由不能超过 {limit} 个字。")
    )

    complainants: list[PersonDraft] = []
    if not draft.complainants:
        problems.append(FieldError("complainants.0.name", msg("请填写投诉人姓名。")))
    for index, person in enumerate(draft.complainants[:MAX_COMPLAINANTS]):
        clean, person_problems = person.validated(f"complainants.{index}.", ctx)
        complainants.append(clean)
        problems.extend(person_problems)

    problems.extend(representative_problems(complainants, bool(draft.is_group)))
    if not draft.is_group:
        for person in complainants:
            person.is_representative = False
    group_size = draft.group_size or len(complainants) or 1
    if draft.is_group and group_size < 2:
        problems.append(FieldError("group_size", msg("群体性投诉的人数至少为 2 人。")))
    if group_size < len(complainants):
        group_size = len(complainants)

    credit_code = respondent_phone = village = None
    try:
        credit_code = normalize_credit_code(
            draft.respondent_credit_code, field="respondent_credit_code"
        )
    except FieldError as error:
        problems.append(error)
    try:
        respondent_phone = normalize_phone(draft.respondent_phone, field="respondent_phone")
    except FieldError as error:
        problems.append(error)
    try:
        if (draft.village_code or "").strip():
            village = normalize_region_code(draft.village_code or "", field="village_code")
    except FieldError as error:
        problems.append(error)

    if draft.purchase_date and draft.received_at and draft.purchase_date > draft.received_at.date():
        problems.append(FieldError("purchase_date", msg("购买日期不能晚于登记日期。")))
    for name in ("amount_paid_fen", "disputed_amount_fen"):
        amount = getattr(draft, name)
        if amount is not None and amount < 0:
            problems.append(FieldError(name, msg("金额不能为负数。")))
    if draft.officer_id is not None and not Officer.get_or_none(Officer.id == draft.officer_id):
        problems.append(FieldError("officer_id", msg("经办人不在名册中，请重新选择。")))
    if draft.business_id is not None and not Business.get_or_none(Business.id == draft.business_id):
        problems.append(FieldError("business_id", msg("被投诉经营者不在名册中，请重新选择。")))

    refuse_if_invalid(problems)
    return ComplaintDraft(
        received_at=draft.received_at.replace(second=0, microsecond=0),
        channel=draft.channel,
        complainants=complainants,
        respondent_name=respondent,
        subject=subject,
        category_code=draft.category_code,
        natures=natures,
        facts=facts,
        officer_id=draft.officer_id,
        village_code=village or (complainants[0].village_code if complainants else None),
        is_group=bool(draft.is_group),
        group_size=group_size,
        business_id=draft.business_id,
        respondent_credit_code=credit_code,
        respondent_address=_text(draft.respondent_address, 200),
        respondent_phone=respondent_phone,
        subcategory=_text(draft.subcategory, 50),
        purchase_date=draft.purchase_date,
        purchase_place=_text(draft.purchase_place, 200),
        purchase_channel=_text(draft.purchase_channel, 50),
        amount_paid_fen=draft.amount_paid_fen,
        disputed_amount_fen=draft.disputed_amount_fen,
        demands=demands,
        demand_text=_text(draft.demand_text),
        hotline_number=_text(draft.hotline_number, 40),
        remarks=_text(draft.remarks),
        visit_id=draft.visit_id,
        primary_nature=primary,
    )


# complaint columns a draft sets directly (the rest are derived or belong to the workflow)
_DRAFT_COLUMNS = [
    f.name
    for f in fields(ComplaintDraft)
    if f.name not in {"complainants", "natures", "demands", "officer_id", "business_id", "visit_id"}
]


def _column_values(draft: ComplaintDraft) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(draft, name) for name in _DRAFT_COLUMNS}
    values["natures"] = ",".join(draft.natures)
    values["demands"] = ",".join(draft.demands) or None
    values["officer"] = draft.officer_id
    values["business"] = draft.business_id
    values["visit"] = draft.visit_id
    return values


@dataclass(frozen=True)
class SearchFields:
    """The fields of a complaint that search reads, for a row bulk-built without a model (the
    demonstration data)."""

    number: str
    respondent_name: str
    subject: str
    subcategory: str | None
    purchase_place: str | None
    facts: str
    demand_text: str | None
    hotline_number: str | None
    remarks: str | None


def search_text_of(complaint: Complaint | SearchFields, people: Sequence[PersonDraft]) -> str:
    """What full-text search reads for a complaint: every field an officer may remember.

    The text ends with ``INDEXED_TEXT_END`` so that short fragments can be found through the
    trigram index (see registry.text_match).
    """
    parts = [
        complaint.number,
        *(p.name for p in people),
        *(p.phone or "" for p in people),
        complaint.respondent_name,
        complaint.subject,
        complaint.subcategory or "",
        complaint.purchase_place or "",
        complaint.facts,
        complaint.demand_text or "",
        complaint.hotline_number or "",
        complaint.remarks or "",
    ]
    return "\n".join(part for part in parts if part) + INDEXED_TEXT_END


def register_complaint(
    ctx: Context, draft: ComplaintDraft, *, uid: str | None = None, number: str | None = None
) -> Complaint:
    """Validate and save a new complaint; returns it with its registration number.

    ``uid`` and ``number``: a record that has them already (a row of an old register, whose uid
    is derived from its content and whose number the caller checked is unused)."""
    with database_proxy.atomic():
        clean = validate_complaint(draft, ctx)
        now = ctx.clock.utcnow()
        complaint = Complaint(**_column_values(clean))
        if uid is not None:
            complaint.uid = uid
        complaint.number = number or next_complaint_number(ctx.origin, clean.received_at.year)
        complaint.status = REGISTERED
        complaint.search_text = search_text_of(complaint, clean.complainants)
        stamp_new(complaint, ctx.origin, now)
        complaint.save(force_insert=True)
        people = _save_complainants(ctx, complaint, clean.complainants, [])
        _answer_consents(ctx, complaint, people, clean.complainants)
        if clean.visit_id is not None:
            _link_visit(ctx, clean.visit_id, complaint)
        record_created(ctx, complaint, complaint.number)
        return carrying(complaint)


def _save_complainants(
    ctx: Context, complaint: Complaint, people: list[PersonDraft], existing: list[Complainant]
) -> list[Person]:
    """Store the complainants in the form's order; returns their people, in that order."""
    now = ctx.clock.utcnow()
    by_position = {link.position: link for link in existing if not link.deleted}
    saved = []
    for position, draft in enumerate(people):
        link = by_position.pop(position, None)
        person = save_person(ctx, draft, existing=link.person if link else None)
        saved.append(person)
        if link is None:
            link = Complainant(
                complaint=complaint,
                person=person,
                position=position,
                is_representative=draft.is_representative,
            )
            stamp_new(link, ctx.origin, now)
            link.save(force_insert=True)
        elif link.person_id != person.id or link.is_representative != draft.is_representative:
            link.person = person
            link.is_representative = draft.is_representative
            stamp_edit(link, now)
            link.save()
    for link in by_position.values():  # complainants removed from the form
        link.deleted = True
        stamp_edit(link, now)
        link.save()
    return saved


def _answer_consents(
    ctx: Context, complaint: Complaint, people: list[Person], drafts: list[PersonDraft]
) -> None:
    consent.answer_on_the_form(
        ctx, complaint, [(p, d.consents_to_respondent) for p, d in zip(people, drafts, strict=True)]
    )


def _link_visit(ctx: Context, visit_id: int, complaint: Complaint) -> None:
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise RecordNotFound(msg("要转为投诉的来访记录不存在。"))
    record_action(ctx, "visit", visit.uid, "convert", new_value=complaint.number)


def draft_of(complaint: Complaint) -> ComplaintDraft:
    """The draft a form shows when editing ``complaint``."""
    people = [
        PersonDraft(
            name=link.person.name,
            phone=link.person.phone,
            id_number=link.person.id_number,
            address=link.person.address,
            village_code=link.person.village_code,
            is_representative=link.is_representative,
            consents_to_respondent=consent.has_consent(
                complaint, link.person_id, consent.RESPONDENT
            ),
        )
        for link in complainants_of(complaint)
    ]
    values = {name: getattr(complaint, name) for name in _DRAFT_COLUMNS}
    natures = split_natures(complaint.natures)
    values["primary_nature"] = primary_of(natures, complaint.primary_nature)
    return ComplaintDraft(
        **values,
        complainants=people,
        natures=natures,
        demands=[d for d in (complaint.demands or "").split(",") if d],
        officer_id=complaint.officer_id,
        business_id=complaint.business_id,
        visit_id=complaint.visit_id,
    )


def update_complaint(
    ctx: Context,
    complaint_id: int,
    draft: ComplaintDraft,
    expected_version: int | None = None,
    represented_consent: RepresentedConsentDraft | None = None,
) -> Complaint:
    """Save an edited complaint: one audit entry per changed field; refuses a stale edit.

    Once a group complaint is accepted, changing its request (诉求, the disputed amount) needs the
    consent of the complainants its representatives act for (2026 第十一条); it may be recorded
    with the edit (``represented_consent``)."""
    with database_proxy.atomic():
        complaint = get_complaint(complaint_id)
        check_may_write(complaint, ctx)
        check_version(complaint, expected_version)
        clean = validate_complaint(draft, ctx)
        before = draft_of(complaint)
        request_changed = complaint.status != REGISTERED and any(
            getattr(before, name) != getattr(clean, name) for name in group_consent.REQUEST_FIELDS
        )
        if request_changed:
            group_consent.give_represented_consent(
                ctx, complaint, group_consent.CHANGE_REQUEST, represented_consent
            )
        changes = apply_values(
            complaint, _column_values(clean), foreign_keys={"officer", "business", "visit"}
        )
        for index, (old_person, new_person) in enumerate(
            _pairs(before.complainants, clean.complainants)
        ):
            for attr in PERSON_FIELDS:
                old_value = getattr(old_person, attr) if old_person else None
                new_value = getattr(new_person, attr) if new_person else None
                if old_value != new_value:
                    changes[f"complainants.{index}.{attr}"] = (old_value, new_value)
        links = complainants_of(complaint)
        if changes:
            people = _save_complainants(ctx, complaint, clean.complainants, links)
            complaint.search_text = search_text_of(complaint, clean.complainants)
            save_changes(ctx, complaint, changes)
        else:
            people = [link.person for link in links]
        _answer_consents(ctx, complaint, people, clean.complainants)
        return complaint


def _pairs(
    old: list[PersonDraft], new: list[PersonDraft]
) -> list[tuple[PersonDraft | None, PersonDraft | None]]:
    length = max(len(old), len(new))
    return [
        (old[i] if i < len(old) else None, new[i] if i < len(new) else None) for i in range(length)
    ]


def delete_complaint(ctx: Context, complaint_id: int, reason: str) -> Changes:
    """Mark a complaint deleted (a tombstone that syncs); its number is never handed out again."""
    reason = deletion_reason(reason, msg("删除投诉须写明原因。"))
    with database_proxy.atomic():
        return soft_delete(ctx, get_complaint(complaint_id), reason)


def count_complaints_received(start: dt.datetime, end: dt.datetime) -> int:
    return (
        Complaint.select(fn.COUNT(Complaint.id))
        .where(
            (Complaint.deleted == False)  # noqa: E712
            & (Complaint.received_at >= start)
            & (Complaint.received_at < end)
        )
        .scalar()
    )
