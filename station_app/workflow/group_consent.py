"""The consent of the complainants a group complaint's representatives act for.

《市场监督管理投诉举报处理办法》(2026) 第十一条: what the representatives do binds the complainants
they represent, except changing the complaint's request, withdrawing it and reaching a mediation
agreement: those need the represented complainants' consent. Each answer is one row (who, when,
how, to what); the latest answer of a person for an act counts, and doing the act spends the
consents it rested on (``used_at``), so the next change or a later agreement asks again.

Who must consent: on a group complaint with representatives, every other complainant on it. A
complaint without representatives (a single consumer, or a group whose members all speak for
themselves) needs no such consent: the complainants act themselves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from station_app.errors import FieldError, ValidationFailed
from station_app.messages import N_, msg, translate, translate_name
from station_app.registry.complaint_records import check_version, complainants_of, get_complaint
from station_app.registry.context import Context
from station_app.registry.record_edits import insert_new, live_rows_of, save_changes
from station_app.store.models import Complaint, Person, database_proxy
from station_app.store.workflow_models import RepresentedConsent
from station_app.validation import mask_name
from station_app.workflow.consent import CONSENT_METHODS, ConsentMissing

CHANGE_REQUEST = "change_request"
WITHDRAW = "withdraw"
AGREEMENT = "agreement"
# the acts of 第十一条 that need the represented complainants' consent (as in "同意{act}")
GROUP_ACTS: dict[str, str] = {
    CHANGE_REQUEST: N_("变更投诉请求"),
    WITHDRAW: N_("撤回投诉"),
    AGREEMENT: N_("达成调解协议"),
}
# the field names of refusals about a consent given with an act: "represented_consent.method" …
CONSENT_FIELDS = "represented_consent."
# the complaint's fields whose change is a change of the request (诉求)
REQUEST_FIELDS = ("demands", "demand_text", "disputed_amount_fen")


def act_name(act: str) -> str:
    return translate_name(GROUP_ACTS, act)


def represented_people(complaint: Complaint) -> list[Person]:
    """The complainants the representatives act for (none when nobody represents anyone)."""
    if not complaint.is_group:
        return []
    links = complainants_of(complaint)
    if not any(link.is_representative for link in links):
        return []
    return [link.person for link in links if not link.is_representative]


@dataclass
class RepresentedConsentDraft:
    """What the represented complainants said about one act of their representatives."""

    act: str
    subject: str | None = None  # what exactly: the new demands, the agreement's terms …
    granted: bool = True
    given_at: dt.datetime | None = None  # local time; default now
    method: str = "written"
    person_ids: list[int] | None = None  # None: every represented complainant
    note: str | None = None


def record_represented_consent(
    ctx: Context,
    complaint_id: int,
    draft: RepresentedConsentDraft,
    expected_version: int | None = None,
) -> list[RepresentedConsent]:
    """One row per person, in one transaction; refused input writes nothing."""
    with database_proxy.atomic():
        complaint = get_complaint(complaint_id)
        check_version(complaint, expected_version)
        return _record(ctx, complaint, draft)


def _record(
    ctx: Context, complaint: Complaint, draft: RepresentedConsentDraft, prefix: str = ""
) -> list[RepresentedConsent]:
    """``prefix`` goes before the field names of refusals (a dialog with fields of its own)."""
    problems: list[FieldError] = []
    if draft.act not in GROUP_ACTS:
        problems.append(FieldError(f"{prefix}act", msg("请选择需要同意的事项。")))
    if draft.method not in CONSENT_METHODS:
        problems.append(
            FieldError(f"{prefix}method", msg("请选择同意的方式（书面、口头、电话或网络）。"))
        )
    given_at = (draft.given_at or ctx.clock.local_now()).replace(microsecond=0)
    if given_at > ctx.clock.local_now() + dt.timedelta(minutes=10):
        problems.append(FieldError(f"{prefix}given_at", msg("同意时间不能晚于现在。")))
    elif given_at.date() < complaint.received_at.date():
        problems.append(FieldError(f"{prefix}given_at", msg("同意时间不能早于收到投诉的日期。")))
    represented = {p.id: p for p in represented_people(complaint)}
    if not represented:
        problems.append(
            FieldError(
                f"{prefix}person_ids", msg("这条投诉没有被代表的投诉人，不需要登记他们的同意。")
            )
        )
        chosen: list[Person] = []
    elif draft.person_ids is None:
        chosen = list(represented.values())
    else:
        wanted = list(dict.fromkeys(draft.person_ids))
        chosen = [represented[i] for i in wanted if i in represented]
        if len(chosen) != len(wanted) or not chosen:
            problems.append(
                FieldError(f"{prefix}person_ids", msg("请选择这条投诉中被代表的投诉人。"))
            )
    subject = (draft.subject or "").strip()
    if len(subject) > 2000:
        problems.append(
            FieldError(f"{prefix}subject", msg("同意的内容不能超过 {limit} 个字。", limit=2000))
        )
    if problems:
        raise ValidationFailed(problems)
    rows = []
    for person in chosen:
        row = RepresentedConsent(
            complaint=complaint,
            person=person,
            action=draft.act,
            granted=draft.granted,
            given_at=given_at,
            method=draft.method,
            subject=subject or None,
            note=(draft.note or "").strip() or None,
        )
        verb = "同意" if draft.granted else "不同意"
        rows.append(insert_new(ctx, row, f"被代表的投诉人{verb}{GROUP_ACTS[draft.act]}"))
    return rows


def _latest(complaint: Complaint, act: str) -> dict[int, RepresentedConsent]:
    latest: dict[int, RepresentedConsent] = {}
    for row in (
        RepresentedConsent.select()
        .where(
            (RepresentedConsent.complaint == complaint)
            & (RepresentedConsent.action == act)
            & (RepresentedConsent.deleted == False)  # noqa: E712
        )
        .order_by(RepresentedConsent.given_at, RepresentedConsent.id)
    ):
        latest[row.person_id] = row
    return latest


def missing_represented_consent(complaint: Complaint, act: str) -> list[Person]:
    """The represented complainants whose consent to ``act`` is still needed."""
    latest = _latest(complaint, act)
    missing = []
    for person in represented_people(complaint):
        row = latest.get(person.id)
        if row is None or not row.granted or row.used_at is not None:
            missing.append(person)
    return missing


def consents_of(complaint_id: int) -> list[RepresentedConsent]:
    """Every answer recorded on a complaint, oldest first."""
    return live_rows_of(RepresentedConsent, complaint_id, RepresentedConsent.given_at)


def require_represented_consent(ctx: Context, complaint: Complaint, act: str) -> None:
    """Refuse (:class:`ConsentMissing`) unless every represented complainant agreed to ``act``;
    when they all did, spend their consents on it. Call inside the act's transaction."""
    missing = missing_represented_consent(complaint, act)
    if missing:
        names = msg("、").join(mask_name(p.name) for p in missing[:3])
        more = msg("等 {count} 人", count=len(missing)) if len(missing) > 3 else ""
        raise ConsentMissing(
            msg(
                "这是群体性投诉：代表人{act}须经被代表的投诉人同意（{basis}），"
                "{names}{more}尚未同意。请先登记他们的同意。",
                act=act_name(act),
                basis=translate(N_("《市场监督管理投诉举报处理办法》第十一条")),
                names=names,
                more=more,
            )
        )
    latest = _latest(complaint, act)
    when = ctx.clock.local_now().replace(microsecond=0)
    for person in represented_people(complaint):
        row = latest[person.id]
        row.used_at = when
        save_changes(ctx, row, {"used_at": (None, when)})


def give_represented_consent(
    ctx: Context, complaint: Complaint, act: str, draft: RepresentedConsentDraft | None
) -> None:
    """The check an act makes: record the consent given with it (if any), then require it.
    Nothing to do on a complaint without represented complainants."""
    if not represented_people(complaint):
        return
    if draft is not None:
        _record(ctx, complaint, dataclasses.replace(draft, act=act), CONSENT_FIELDS)
    require_represented_consent(ctx, complaint, act)
