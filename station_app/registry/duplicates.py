"""Warn at registration that a dispute may already be handled elsewhere (not a refusal).

A consumer may complain to 12315, to the county association and to the station about the same
purchase; the rule sets refuse a complaint already accepted by another body (2026 第十六条). The
officer is warned, before saving, when:

* the complaint carries a 12315 number (it was lodged on the 12315 platform: it may be accepted
  there) unless it came to the station as a 12315 referral, or another complaint carries the
  same 12315 number;
* one of its complainants (matched by ID number, else phone, else name and village) already has an
  open complaint (not finished: see ``workflow.states.FINISHED``) against the same respondent
  (matched by unified social credit code when both have one, else by the normalised name), or one
  received in the ``RECENT_DAYS`` before this one, even if finished (the same dispute brought
  again).

Each warning names the other complaint's number. The officer may still save: two purchases from
one shop are two disputes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app import codes
from station_app.errors import FieldError
from station_app.messages import msg
from station_app.registry.complaints import ComplaintDraft
from station_app.registry.people import PersonDraft
from station_app.store.models import Complainant, Complaint, Person
from station_app.validation import (
    mask_name,
    normalize_credit_code,
    normalize_id_number,
    normalize_phone,
)
from station_app.workflow.states import FINISHED, status_label

HOTLINE_CHANNEL = "hotline_12315"  # 12315转办: a 12315 number is expected, no warning for it
MAX_WARNINGS = 10
RECENT_DAYS = 30  # a finished complaint of the same parties this recent is still worth a look


@dataclass(frozen=True)
class DuplicateWarning:
    """One reason to think the dispute may already be handled; ``message`` is for the officer."""

    kind: str  # hotline_lodged | same_hotline | same_parties
    message: str
    number: str | None = None  # the other complaint's registration number
    complaint_id: int | None = None


def respondent_key(name: str | None) -> str:
    """A respondent's name folded for comparison (full-width forms, spaces, punctuation)."""
    return codes.lookup_key(name or "")


def _credit_code(value: str | None) -> str | None:
    try:
        return normalize_credit_code(value)
    except FieldError:
        return None


def _phone(value: str | None) -> str | None:
    try:
        return normalize_phone(value)
    except FieldError:
        return None


def _id_number(value: str | None) -> str | None:
    try:
        return normalize_id_number(value or "") if (value or "").strip() else None
    except FieldError:
        return None


def possible_duplicates(
    draft: ComplaintDraft, exclude_id: int | None = None
) -> list[DuplicateWarning]:
    """The warnings for ``draft`` (as typed: values need not be valid yet); ``exclude_id`` is the
    complaint being edited, never a duplicate of itself."""
    warnings: list[DuplicateWarning] = []
    seen: set[int] = set()
    if exclude_id is not None:
        seen.add(exclude_id)

    hotline = (draft.hotline_number or "").strip()
    if hotline:
        others = (
            Complaint.select(Complaint.id, Complaint.number, Complaint.status)
            .where((Complaint.hotline_number == hotline) & (Complaint.deleted == False))  # noqa: E712
            .order_by(Complaint.received_at.desc())
        )
        for other in others:
            if other.id in seen:
                continue
            seen.add(other.id)
            warnings.append(
                DuplicateWarning(
                    "same_hotline",
                    msg(
                        "12315 编号 {hotline} 已登记在投诉 {number}（{status}）中，"
                        "这起纠纷可能已经受理，请核实后再保存。",
                        hotline=hotline,
                        number=other.number,
                        status=status_label(other.status),
                    ),
                    other.number,
                    other.id,
                )
            )
        if draft.channel != HOTLINE_CHANNEL and not warnings:
            warnings.append(
                DuplicateWarning(
                    "hotline_lodged",
                    msg(
                        "这起投诉已有 12315 编号 {hotline}：消费者已在 12315 平台投诉，"
                        "可能已由市场监管部门受理，请先核实处理情况。",
                        hotline=hotline,
                    ),
                )
            )

    credit_code = _credit_code(draft.respondent_credit_code)
    respondent = respondent_key(draft.respondent_name)
    if not respondent and not credit_code:
        return warnings[:MAX_WARNINGS]
    related = Complaint.status.not_in(sorted(FINISHED))
    if draft.received_at is not None:  # as typed: the form may not have a time yet
        related |= Complaint.received_at >= draft.received_at - dt.timedelta(days=RECENT_DAYS)
    for person in draft.complainants or []:
        matches = _matching_people(person)
        if not matches:
            continue
        query = (
            Complaint.select(
                Complaint.id,
                Complaint.number,
                Complaint.status,
                Complaint.respondent_name,
                Complaint.respondent_credit_code,
                Complaint.received_at,
            )
            .join(Complainant, on=Complainant.complaint == Complaint.id)
            .where(
                Complainant.person.in_(matches)
                & (Complainant.deleted == False)  # noqa: E712
                & (Complaint.deleted == False)  # noqa: E712
                & related
            )
            .order_by(Complaint.received_at.desc())
        )
        for other in query:
            if other.id in seen:
                continue
            if credit_code and other.respondent_credit_code:
                same = other.respondent_credit_code == credit_code
            else:
                same = bool(respondent) and respondent_key(other.respondent_name) == respondent
            if not same:
                continue
            seen.add(other.id)
            if other.status in FINISHED:
                warnings.append(
                    DuplicateWarning(
                        "same_parties_recent",
                        msg(
                            "投诉人{name}在 {date} 对{respondent}的投诉 {number} 已经{status}，"
                            "{days} 天内又来投诉，请核实是否为同一纠纷、重复登记。",
                            name=mask_name(person.name),
                            date=other.received_at.date().isoformat(),
                            respondent=other.respondent_name,
                            number=other.number,
                            status=status_label(other.status),
                            days=RECENT_DAYS,
                        ),
                        other.number,
                        other.id,
                    )
                )
                continue
            warnings.append(
                DuplicateWarning(
                    "same_parties",
                    msg(
                        "投诉人{name}对{respondent}的投诉 {number} 尚未办结（{status}），"
                        "这起纠纷可能已在处理，请核实是否重复登记。",
                        name=mask_name(person.name),
                        respondent=other.respondent_name,
                        number=other.number,
                        status=status_label(other.status),
                    ),
                    other.number,
                    other.id,
                )
            )
    return warnings[:MAX_WARNINGS]


def _matching_people(person: PersonDraft) -> list[int]:
    """Ids of earlier consumers who are this complainant: by ID number, else phone, else name and
    village (the first of these the form gives)."""
    live = Person.select(Person.id).where(Person.deleted == False)  # noqa: E712
    id_number = _id_number(person.id_number)
    if id_number:
        return [p.id for p in live.where(Person.id_number == id_number)]
    phone = _phone(person.phone)
    if phone:
        return [p.id for p in live.where(Person.phone == phone)]
    name = (person.name or "").strip()
    village = (person.village_code or "").strip()
    if name and village:
        return [p.id for p in live.where((Person.name == name) & (Person.village_code == village))]
    return []
