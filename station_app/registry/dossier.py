"""The complaint dossier: everything the detail window shows of one complaint, read in one call.

``complaint_dossier`` reads the complaint, its people and workflow records, its running
deadline, its history, the actions this station may take on it now and the papers it may print,
in one read transaction (one consistent snapshot), and returns them as frozen plain data: no
peewee row leaves this module, so the window can read it off the GUI thread and render from it
without touching the database again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from station_app.access import access_log, ownership
from station_app.access.remarks import RemarkEntry, remarks_of
from station_app.documents import printable_documents
from station_app.errors import StationError
from station_app.registry.attachments import attachments_of
from station_app.registry.audit import history, record_action
from station_app.registry.choices import officer_name, region_name
from station_app.registry.complaints import complainants_of, get_complaint
from station_app.registry.context import Context
from station_app.registry.record_edits import plain_copy
from station_app.registry.station_kinds import may_take, station_kind
from station_app.settings import station_identity
from station_app.store.models import AuditEntry, Complaint, database_proxy
from station_app.workflow import consent, group_consent, mediation, states, transitions
from station_app.workflow.deadlines import deadline_of, deadlines_for
from station_app.workflow.rule_sets import Ground, RuleSet


@dataclass(frozen=True)
class ComplaintRecord:
    """The complaint's own fields (money in fen, times as local China wall-clock time)."""

    id: int
    uid: str
    version: int
    number: str
    received_at: dt.datetime
    channel: str
    officer_id: int | None
    officer_name: str
    status: str
    village_code: str | None
    village_name: str  # the region the code stands for (the code when the roster lacks it)
    is_group: bool
    group_size: int
    respondent_name: str
    respondent_credit_code: str | None
    respondent_address: str | None
    respondent_phone: str | None
    subject: str
    category_code: str
    subcategory: str | None
    natures: str
    primary_nature: str | None
    purchase_date: dt.date | None
    purchase_place: str | None
    purchase_channel: str | None
    amount_paid_fen: int | None
    disputed_amount_fen: int | None
    facts: str
    demands: str | None
    demand_text: str | None
    outcome: str | None
    closed_on: dt.date | None
    recovered_fen: int
    punitive_fen: int
    fraud: bool
    hotline_number: str | None
    remarks: str | None
    accepted_on: dt.date | None
    not_accepted_ground: str | None
    mediation_clock_from: dt.date | None
    mediation_ended_on: dt.date | None
    termination_ground: str | None
    termination_notified_on: dt.date | None


@dataclass(frozen=True)
class ComplainantEntry:
    """One complainant, in the order of registration (unmasked: the window masks)."""

    person_id: int
    name: str
    phone: str | None
    is_representative: bool
    id_number: str | None = None
    address: str | None = None
    village_code: str | None = None


@dataclass(frozen=True)
class RunningDeadline:
    """The deadline running for the complaint, as of ``today`` of the dossier."""

    kind: str  # accept | mediation | termination_notice | follow_up
    date: dt.date | None  # None while a pause stops the clock
    estimated: bool
    paused_since: dt.date | None
    remaining: int  # days left when paused
    overdue: bool
    due_soon: bool
    working_days_left: int  # negative: working days overdue


@dataclass(frozen=True)
class ConsentEntry:
    id: int
    uid: str
    person_id: int
    recipient: str
    granted: bool
    given_at: dt.datetime
    method: str
    withdrawn_at: dt.datetime | None
    note: str | None


@dataclass(frozen=True)
class RepresentedConsentEntry:
    """What a represented complainant of a group complaint said about an act (第十一条)."""

    id: int
    uid: str
    person_id: int
    act: str
    granted: bool
    given_at: dt.datetime
    method: str
    subject: str | None
    note: str | None
    used_at: dt.datetime | None


@dataclass(frozen=True)
class MediationStepEntry:
    id: int
    uid: str
    held_at: dt.datetime
    mode: str
    mediators: str
    attendance: str | None
    offers: str | None
    result: str | None
    next_on: dt.date | None


@dataclass(frozen=True)
class PauseEntry:
    id: int
    uid: str
    kind: str
    started_on: dt.date
    ended_on: dt.date | None
    institution: str | None
    note: str | None


@dataclass(frozen=True)
class AgreementEntry:
    id: int
    uid: str
    number: str
    signed_on: dt.date
    terms: str
    amount_fen: int
    method: str | None
    perform_by: dt.date | None
    carried_out: bool | None
    carried_out_on: dt.date | None


@dataclass(frozen=True)
class ReferralEntry:
    id: int
    uid: str
    target: str
    agency_name: str | None
    referred_on: dt.date
    hands_over: bool
    with_personal_info: bool
    reason: str | None
    reply_on: dt.date | None
    reply: str | None
    external_number: str | None
    fine_fen: int | None


@dataclass(frozen=True)
class FollowUpEntry:
    id: int
    uid: str
    followed_up_on: dt.date
    method: str
    carried_out: bool | None
    satisfaction: str
    note: str | None
    reopened: bool


@dataclass(frozen=True)
class AttachmentEntry:
    id: int
    uid: str
    filename: str
    size: int
    description: str | None
    updated_at: dt.datetime  # UTC


@dataclass(frozen=True)
class TransitionEntry:
    """One move of the complaint's state; ``ground`` is the rule set's ground of a refusal or
    an ended mediation (None otherwise, or when the rule set does not know the code)."""

    id: int
    uid: str
    happened_on: dt.date
    action: str
    from_status: str
    to_status: str
    reason_code: str | None
    reason: str | None
    actor: str
    ground: Ground | None


@dataclass(frozen=True)
class HistoryEntry:
    """One audit entry (``at`` in UTC)."""

    at: dt.datetime
    actor: str
    action: str
    table: str
    record_uid: str
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None
    # the officer or the region an ``officer`` or ``…village_code`` value stands for
    old_name: str | None = None
    new_name: str | None = None


@dataclass(frozen=True)
class Paper:
    """A document the complaint may be printed on now, titled as this station issues it."""

    kind: str
    title: str


@dataclass(frozen=True)
class ComplaintDossier:
    complaint: ComplaintRecord
    today: dt.date
    complainants: tuple[ComplainantEntry, ...]
    represented_person_ids: tuple[int, ...]  # whom the representatives act for (group)
    deadline: RunningDeadline | None
    not_accepted_ground: Ground | None
    termination_ground: Ground | None
    consents: tuple[ConsentEntry, ...]
    represented_consents: tuple[RepresentedConsentEntry, ...]
    mediation_steps: tuple[MediationStepEntry, ...]
    pauses: tuple[PauseEntry, ...]
    agreements: tuple[AgreementEntry, ...]
    referrals: tuple[ReferralEntry, ...]
    follow_ups: tuple[FollowUpEntry, ...]
    attachments: tuple[AttachmentEntry, ...]
    transitions: tuple[TransitionEntry, ...]
    history: tuple[HistoryEntry, ...]
    station_kind: str
    allowed_actions: tuple[str, ...]  # in the order of ``states.ACTIONS``
    papers: tuple[Paper, ...]
    papers_refusal: str | None  # why no paper can be printed (then ``papers`` is empty)
    # at the county, on a station's complaint: why nothing may be changed (no action is allowed)
    read_only_reason: str | None = None
    county_remarks: tuple[RemarkEntry, ...] = ()  # 县消协备注, oldest first
    at_county: bool = False  # read at the county (it writes remarks; a station only reads them)


def _value_name(
    field: str | None, value: str | None, known: dict[tuple[str, str], str]
) -> str | None:
    """The name behind an officer's id or a region's code logged in ``value`` (else None)."""
    if not field or not value:
        return None
    if field == "officer":
        kind = "officer"
    elif field.rsplit(".", 1)[-1] == "village_code":
        kind = "region"
    else:
        return None
    if (kind, value) not in known:
        if kind == "region":
            known[kind, value] = region_name(value)
        else:
            known[kind, value] = officer_name(int(value)) if value.isdigit() else value
    return known[kind, value]


def history_entries(entries: list[AuditEntry]) -> tuple[HistoryEntry, ...]:
    """Audit entries as plain data, with the names their officer and region values stand for."""
    known: dict[tuple[str, str], str] = {}
    return tuple(
        plain_copy(
            HistoryEntry,
            entry,
            old_name=_value_name(entry.field, entry.old_value, known),
            new_name=_value_name(entry.field, entry.new_value, known),
        )
        for entry in entries
    )


def complaint_history(complaint_id: int) -> tuple[str, tuple[HistoryEntry, ...]]:
    """The complaint's number and its own audit entries, oldest first (the history dialog)."""
    with database_proxy.atomic():
        complaint = get_complaint(complaint_id)
        return complaint.number, history_entries(history([complaint.uid]))


FULL_VIEW_REASON = "经办人在详情窗口查看完整姓名和电话"


def record_full_view(ctx: Context, complaint_uid: str, number: str) -> None:
    """Log that the handling officer saw the complainants' names and phones unmasked in the
    detail window (PIPL): a ``reveal`` entry, as ``station show --unmasked`` leaves. A write: the
    GUI runs it on the writer, once per opening of the window."""
    with database_proxy.atomic():
        record_action(
            ctx,
            "complaint",
            complaint_uid,
            "reveal",
            FULL_VIEW_REASON,
            field="unmasked",
            new_value=number,
        )
        access_log.record(ctx, access_log.REVEAL, number, FULL_VIEW_REASON)


def _ground(grounds: tuple[Ground, ...], code: str | None) -> Ground | None:
    return next((g for g in grounds if g.code == code), None) if code else None


def complaint_dossier(complaint_id: int, today: dt.date) -> ComplaintDossier:
    """Everything the detail window shows of one complaint, as of ``today`` (the station's
    local date, for the deadline). Raises ``RecordNotFound`` when the complaint is gone."""
    with database_proxy.atomic():  # one snapshot: a write meanwhile shows whole or not at all
        return _read(complaint_id, today)


def _read(complaint_id: int, today: dt.date) -> ComplaintDossier:
    row = get_complaint(complaint_id)
    cid = row.id
    rules: RuleSet = transitions.rule_set_of(row)
    grounds = rules.not_accepted_grounds + rules.termination_grounds
    kind = station_kind()  # a liaison point neither decides on acceptance nor mediates
    allowed = states.allowed_actions(row.status, mediation_ended=row.mediation_ended_on is not None)
    identity = station_identity(required=False)
    read_only = ownership.is_stations_record(row, identity)
    try:
        papers = tuple(Paper(kind, title) for kind, title in printable_documents(cid))
        papers_refusal = None
    except StationError as error:
        papers, papers_refusal = (), str(error)
    dossier = ComplaintDossier(
        complaint=plain_copy(
            ComplaintRecord,
            row,
            officer_name=officer_name(row.officer_id) if row.officer_id else "",
            village_name=region_name(row.village_code),
        ),
        today=today,
        complainants=tuple(
            plain_copy(
                ComplainantEntry,
                link.person,
                person_id=link.person_id,
                is_representative=bool(link.is_representative),
            )
            for link in complainants_of(row)
        ),
        represented_person_ids=tuple(p.id for p in group_consent.represented_people(row)),
        deadline=_running_deadline(row, today),
        not_accepted_ground=_ground(rules.not_accepted_grounds, row.not_accepted_ground),
        termination_ground=_ground(rules.termination_grounds, row.termination_ground),
        consents=tuple(plain_copy(ConsentEntry, c) for c in consent.consents_of(cid)),
        represented_consents=tuple(
            plain_copy(RepresentedConsentEntry, c, act=c.action)
            for c in group_consent.consents_of(cid)
        ),
        mediation_steps=tuple(
            plain_copy(MediationStepEntry, s) for s in mediation.mediation_steps_of(cid)
        ),
        pauses=tuple(plain_copy(PauseEntry, p) for p in mediation.pauses_of(cid)),
        agreements=tuple(plain_copy(AgreementEntry, a) for a in mediation.agreements_of(cid)),
        referrals=tuple(plain_copy(ReferralEntry, r) for r in transitions.referrals_of(cid)),
        follow_ups=tuple(plain_copy(FollowUpEntry, f) for f in transitions.follow_ups_of(cid)),
        attachments=tuple(plain_copy(AttachmentEntry, a) for a in attachments_of(cid)),
        transitions=tuple(
            plain_copy(
                TransitionEntry,
                t,
                ground=_ground(grounds, t.reason_code)
                if t.action in ("refuse", "end_mediation")
                else None,
            )
            for t in transitions.transitions_of(cid)
        ),
        history=(),  # below, from the records listed
        station_kind=kind.kind,
        allowed_actions=()
        if read_only
        else tuple(code for code in states.ACTIONS if code in allowed and may_take(code, kind)),
        papers=papers,
        papers_refusal=papers_refusal,
        read_only_reason=ownership.refusal(row) if read_only else None,
        county_remarks=remarks_of(row.uid),
        at_county=identity is not None and identity.is_county,
    )
    return replace(dossier, history=_history(dossier))


def _history(dossier: ComplaintDossier) -> tuple[HistoryEntry, ...]:
    """The audit entries of the complaint and of its workflow records in ``dossier`` (the
    represented consents are logged on the complaint itself)."""
    records = (
        dossier.mediation_steps,
        dossier.pauses,
        dossier.agreements,
        dossier.referrals,
        dossier.follow_ups,
        dossier.consents,
        dossier.attachments,
    )
    uids = [dossier.complaint.uid] + [entry.uid for group in records for entry in group]
    return history_entries(history(uids))


def _running_deadline(row: Complaint, today: dt.date) -> RunningDeadline | None:
    pending = deadline_of(row)
    if pending is None:
        return None
    deadline = pending.deadline
    item = None if deadline.date is None else deadlines_for([row.id], today).get(row.id)
    return plain_copy(
        RunningDeadline,
        deadline,
        kind=pending.kind,
        overdue=deadline.is_overdue(today),
        due_soon=item is not None and item.due_soon,
        working_days_left=item.working_days_left if item is not None else 0,
    )
