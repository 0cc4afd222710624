"""The complainant's separate consent (个人信息保护法) to pass their details to each recipient.

A recipient is the respondent (被投诉方, needed before mediation) or a referral target (县消协,
12315 …). Each answer is one row with its time; the latest answer of a person for a recipient
counts, and a consent can be withdrawn later. On a group complaint the representatives speak for
the group; otherwise every complainant must agree. ``expected_version`` refuses an answer recorded
on a stale screen (see :mod:`station_app.workflow.transitions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from station_app import codes
from station_app.errors import FieldError, ValidationFailed
from station_app.messages import N_, msg
from station_app.registry.complaint_records import check_version, complainants_of, get_complaint
from station_app.registry.context import Context
from station_app.registry.record_edits import insert_new, live_row, live_rows_of, save_changes
from station_app.store.models import Complaint, Person, database_proxy
from station_app.store.workflow_models import ConsentRecord
from station_app.validation import mask_name
from station_app.workflow.states import ACTIONS, WorkflowRefused, action_verb

RESPONDENT = "respondent"
FORM_NOTE = "登记投诉时当面询问"  # the note of a consent ticked on the complaint form
ON_THE_SPOT = "consent."  # the field names of a consent asked in an action's dialog
T = TypeVar("T")
CONSENT_METHODS: dict[str, str] = {
    "written": N_("书面签字"),
    "oral": N_("当面口头"),
    "phone": N_("电话"),
    "online": N_("微信/网络"),
}


class ConsentMissing(WorkflowRefused):
    """Personal information would go to a recipient some complainant has not agreed to."""


def recipient_names() -> dict[str, str]:
    """Every recipient code with its Chinese name: the respondent, then the referral targets."""
    names = {RESPONDENT: "被投诉方"}
    names.update((e.code, e.name) for e in codes.code_list("referral_target").entries())
    return names


def recipient_name(code: str) -> str:
    return recipient_names().get(code, code)


def recipient_label(code: str) -> str:
    """A referral target's name as the window shows it (Chinese, or English in an English
    window); the respondent has its own sentences."""
    targets = codes.code_list("referral_target")
    return targets.label(code) if targets.contains(code) else code


@dataclass
class ConsentDraft:
    """What a complainant said about passing on their details (from the consent form)."""

    recipients: list[str]
    granted: bool = True
    given_at: dt.datetime | None = None  # local time; default now
    method: str = "written"
    person_ids: list[int] | None = None  # None: every complainant who must consent
    note: str | None = None


def consenting_people(complaint: Complaint) -> list[Person]:
    """Whose consent counts: the representatives of a group complaint, else every complainant."""
    links = complainants_of(complaint)
    representatives = [link for link in links if link.is_representative]
    return [link.person for link in (representatives or links)]


def record_consent(
    ctx: Context, complaint_id: int, draft: ConsentDraft, expected_version: int | None = None
) -> list[ConsentRecord]:
    """One row per person and recipient, in one transaction; refused input writes nothing."""
    with database_proxy.atomic():
        complaint = get_complaint(complaint_id)
        check_version(complaint, expected_version)
        problems: list[FieldError] = []
        known = recipient_names()
        recipients = list(dict.fromkeys(r for r in draft.recipients if r))
        if not recipients:
            problems.append(FieldError("recipients", msg("请选择同意提供个人信息的对象。")))
        elif any(r not in known for r in recipients):
            problems.append(FieldError("recipients", msg("同意对象中有不认识的代码。")))
        if draft.method not in CONSENT_METHODS:
            problems.append(
                FieldError("method", msg("请选择同意的方式（书面、口头、电话或网络）。"))
            )
        given_at = (draft.given_at or ctx.clock.local_now()).replace(microsecond=0)
        if given_at > ctx.clock.local_now() + dt.timedelta(minutes=10):
            problems.append(FieldError("given_at", msg("同意时间不能晚于现在。")))
        elif given_at.date() < complaint.received_at.date():
            problems.append(FieldError("given_at", msg("同意时间不能早于收到投诉的日期。")))
        people = {link.person_id: link.person for link in complainants_of(complaint)}
        if draft.person_ids is None:
            chosen = consenting_people(complaint)
        else:
            chosen = [people[i] for i in dict.fromkeys(draft.person_ids) if i in people]
            if len(chosen) != len(set(draft.person_ids)) or not chosen:
                problems.append(FieldError("person_ids", msg("请选择这条投诉的投诉人。")))
        if problems:
            raise ValidationFailed(problems)
        note = (draft.note or "").strip() or None
        answer = {"granted": draft.granted, "given_at": given_at, "method": draft.method}
        return [
            _save_answer(ctx, complaint, person, recipient, note=note, **answer)
            for person in chosen
            for recipient in recipients
        ]


def _save_answer(
    ctx: Context, complaint: Complaint, person: Person, recipient: str, **answer: object
) -> ConsentRecord:
    """One person's answer for one recipient; ``answer``: granted, given_at, method, note."""
    row = ConsentRecord(complaint=complaint, person=person, recipient=recipient, **answer)
    verb = "同意" if answer["granted"] else "不同意"
    return insert_new(ctx, row, f"{verb}向{recipient_names()[recipient]}提供个人信息")


def answer_on_the_form(
    ctx: Context, complaint: Complaint, answers: Sequence[tuple[Person, bool | None]]
) -> None:
    """What each complainant said on the complaint form about the respondent having their
    details: a consent is recorded (asked in person, now) for a True not yet on record, and
    taken back from now on for a False where one stands; None (not asked) changes nothing.
    Call inside the registration's or the edit's transaction."""
    now = ctx.clock.local_now().replace(microsecond=0)
    for person, agreed in answers:
        if agreed is None:
            continue
        standing = _standing_consent(complaint, person.id, RESPONDENT)
        if agreed and standing is None:
            answer = {"granted": True, "given_at": now, "method": "oral", "note": FORM_NOTE}
            _save_answer(ctx, complaint, person, RESPONDENT, **answer)
        elif not agreed and standing is not None:
            standing.withdrawn_at = now
            save_changes(ctx, standing, {"withdrawn_at": (None, now)})


def consent_then(
    ctx: Context,
    complaint_id: int,
    draft: ConsentDraft | None,
    act: Callable[[], T],
    expected_version: int | None = None,
) -> T:
    """Record the consent given on the spot (``draft``, if any), then do ``act``, in one
    transaction: refused either way, nothing is written. Refusals about the consent's own fields
    are named ``consent.<field>`` (the dialog that asked has fields of its own)."""
    with database_proxy.atomic():
        if draft is not None:
            try:
                record_consent(ctx, complaint_id, draft, expected_version)
            except ValidationFailed as refused:
                raise ValidationFailed(
                    [FieldError(ON_THE_SPOT + p.field, p.message) for p in refused.problems]
                ) from refused
        return act()


def withdraw_consent(
    ctx: Context,
    consent_id: int,
    at: dt.datetime | None = None,
    expected_version: int | None = None,
) -> ConsentRecord:
    """The complainant takes a consent back from now on (what was already passed on stays).

    ``expected_version`` is the version of the consent's complaint."""
    with database_proxy.atomic():
        row = live_row(ConsentRecord, consent_id, msg("这条同意记录不存在或已删除。"))
        if not row.granted or row.withdrawn_at is not None:
            raise WorkflowRefused(msg("这条记录不是有效的同意，无需撤回。"))
        if expected_version is not None:
            check_version(get_complaint(row.complaint_id), expected_version)
        when = (at or ctx.clock.local_now()).replace(microsecond=0)
        if when < row.given_at:
            raise ValidationFailed([FieldError("at", msg("撤回时间不能早于同意时间。"))])
        row.withdrawn_at = when
        save_changes(ctx, row, {"withdrawn_at": (None, when)})
        return row


def consents_of(complaint_id: int) -> list[ConsentRecord]:
    """Every answer recorded on a complaint, oldest first."""
    return live_rows_of(ConsentRecord, complaint_id, ConsentRecord.given_at)


def has_consent(complaint: Complaint, person_id: int, recipient: str) -> bool:
    """True when the person's latest answer for ``recipient`` is a consent not withdrawn."""
    return _standing_consent(complaint, person_id, recipient) is not None


def _standing_consent(complaint: Complaint, person_id: int, recipient: str) -> ConsentRecord | None:
    """The person's latest answer for ``recipient`` when it is a consent not withdrawn."""
    latest = (
        ConsentRecord.select()
        .where(
            (ConsentRecord.complaint == complaint)
            & (ConsentRecord.person == person_id)
            & (ConsentRecord.recipient == recipient)
            & (ConsentRecord.deleted == False)  # noqa: E712
        )
        .order_by(ConsentRecord.given_at.desc(), ConsentRecord.id.desc())
        .first()
    )
    if latest is not None and latest.granted and latest.withdrawn_at is None:
        return latest
    return None


def missing_consent(complaint: Complaint, recipient: str) -> list[Person]:
    """The people whose consent for ``recipient`` is still needed."""
    return [p for p in consenting_people(complaint) if not has_consent(complaint, p.id, recipient)]


def require_consent(complaint: Complaint, recipient: str, action: str) -> None:
    """Raise :class:`ConsentMissing` unless everyone who must agree has agreed.

    ``action`` is the workflow action that needs the consent (``refer``, ``start_mediation``)."""
    missing = missing_consent(complaint, recipient)
    if not missing:
        return
    names = msg("、").join(mask_name(p.name) for p in missing[:3])
    more = msg("等 {count} 人", count=len(missing)) if len(missing) > 3 else ""
    doing = action_verb(ACTIONS[action]) if action in ACTIONS else action
    if recipient == RESPONDENT:
        reason = msg(
            "投诉人{names}{more}尚未同意向被投诉方提供其个人信息：请先登记同意，再{doing}。",
            names=names,
            more=more,
            doing=doing,
        )
    else:
        reason = msg(
            "投诉人{names}{more}尚未同意向{recipient}提供其个人信息：请先登记同意，再{doing}。",
            names=names,
            more=more,
            recipient=recipient_label(recipient),
            doing=doing,
        )
    raise ConsentMissing(reason)
