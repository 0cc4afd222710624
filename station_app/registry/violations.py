"""Reports of violations (举报): registration, passing to the market-regulation office, its reply.

Someone — named or anonymous — tells the station that a business breaks the law. Unlike a
complaint, nobody asks for a remedy, there is no mediation and no legal time limit of the
station's own: the station registers the report, passes it to the market-regulation office
(转交), and records the office's reply (and whether it opened a case, 立案). An anonymous report
keeps no name, phone or address. Reports are counted apart from complaints (``reports.indicators``:
``violations_*``) and sync to the county like every record.

Same patterns as the other records: a refused draft writes nothing and raises ``ValidationFailed``
with one reason per field; each write stamps the sync columns and leaves audit entries; lists page
by keyset (``received_at, id``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from station_app import codes
from station_app.errors import FieldError, ValidationFailed
from station_app.messages import N_, msg
from station_app.registry.context import Context
from station_app.registry.listing import Conditions, KeysetList
from station_app.registry.record_edits import (
    LiveRecords,
    apply_values,
    insert_new,
    place_and_officer,
    plain_copy,
    save_changes,
)
from station_app.store.models import database_proxy
from station_app.store.sync_columns import take_counter
from station_app.store.violation_models import ViolationReport
from station_app.validation import mask_name, normalize_credit_code, normalize_phone

TEXT_LIMITS = {
    "reporter_name": 50,
    "reporter_address": 200,
    "respondent_name": 200,
    "respondent_address": 200,
    "subject": 200,
    "referred_to": 100,
}
DEFAULT_OFFICE = "县市场监督管理局"


def violation_number(station_code: str, year: int) -> str:
    """The next number of the year's series, ``<station>-JB<YYYY>-<NNNN>`` (in the saving
    transaction; never reused)."""
    return f"{station_code}-JB{year:04d}-{take_counter(f'violation:{year}'):04d}"


@dataclass
class ViolationDraft:
    """A report of a violation as typed on the form."""

    received_at: dt.datetime
    channel: str
    respondent_name: str
    subject: str
    facts: str
    anonymous: bool = False
    reporter_name: str | None = None
    reporter_phone: str | None = None
    reporter_address: str | None = None
    village_code: str | None = None
    respondent_credit_code: str | None = None
    respondent_address: str | None = None
    evidence: str | None = None
    officer_id: int | None = None
    remarks: str | None = None


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


def validate_violation(draft: ViolationDraft, ctx: Context) -> ViolationDraft:
    """A clean copy of ``draft``, or ``ValidationFailed`` listing every bad field."""
    problems: list[FieldError] = []
    if draft.received_at is None:
        problems.append(FieldError("received_at", msg("请填写收到举报的时间。")))
    elif draft.received_at > ctx.clock.local_now():
        problems.append(FieldError("received_at", msg("收到举报的时间不能晚于现在。")))
    if not codes.code_list("channel").contains(draft.channel or ""):
        problems.append(FieldError("channel", msg("请选择举报渠道。")))
    for column, missing in (
        ("respondent_name", msg("请填写被举报的经营者。")),
        ("subject", msg("请填写举报的商品、服务或行为。")),
        ("facts", msg("请填写举报的事实。")),
    ):
        if not _text(getattr(draft, column)):
            problems.append(FieldError(column, missing))
    for column, limit in TEXT_LIMITS.items():
        value = _text(getattr(draft, column, None))
        if value and len(value) > limit:
            problems.append(FieldError(column, msg("不能超过 {limit} 个字。", limit=limit)))
    anonymous = bool(draft.anonymous)
    name = None if anonymous else _text(draft.reporter_name)
    if not anonymous and not name:
        problems.append(FieldError("reporter_name", msg("请填写举报人姓名，或选择匿名举报。")))
    phone = None
    if not anonymous and _text(draft.reporter_phone):
        try:
            phone = normalize_phone(draft.reporter_phone or "", field="reporter_phone")
        except FieldError as error:
            problems.append(error)
    credit_code = None
    if _text(draft.respondent_credit_code):
        try:
            credit_code = normalize_credit_code(
                draft.respondent_credit_code or "", field="respondent_credit_code"
            )
        except FieldError as error:
            problems.append(error)
    village = place_and_officer(draft.village_code, draft.officer_id, problems)
    if problems:
        raise ValidationFailed(problems)
    return ViolationDraft(
        received_at=draft.received_at.replace(microsecond=0),
        channel=draft.channel,
        respondent_name=_text(draft.respondent_name) or "",
        subject=_text(draft.subject) or "",
        facts=_text(draft.facts) or "",
        anonymous=anonymous,
        reporter_name=name,
        reporter_phone=phone,
        reporter_address=None if anonymous else _text(draft.reporter_address),
        village_code=village,
        respondent_credit_code=credit_code,
        respondent_address=_text(draft.respondent_address),
        evidence=_text(draft.evidence),
        officer_id=draft.officer_id,
        remarks=_text(draft.remarks),
    )


REPORTS = LiveRecords(
    ViolationReport,
    N_("这条举报记录不存在或已删除。"),
    N_("删除举报记录须写明原因。"),
    validate_violation,
)
get_violation = REPORTS.get
delete_violation = REPORTS.delete  # a tombstone that syncs; the reason goes to the audit log


def register_violation(ctx: Context, draft: ViolationDraft) -> ViolationReport:
    """Validate and save a new report; returns it with its number."""
    with database_proxy.atomic():
        report, clean = REPORTS.new(ctx, draft)
        report.number = violation_number(ctx.origin, clean.received_at.year)
        return insert_new(ctx, report, report.number)


def update_violation(ctx: Context, report_id: int, draft: ViolationDraft) -> ViolationReport:
    """Save an edited report: one audit entry per changed field."""
    with database_proxy.atomic():
        report, _, changes = REPORTS.edited(ctx, report_id, draft)
        save_changes(ctx, report, changes)
        return report


def draft_of(report: ViolationReport) -> ViolationDraft:
    """The draft a form shows when editing ``report``."""
    return plain_copy(ViolationDraft, report, anonymous=bool(report.anonymous))


def refer_violation(
    ctx: Context, report_id: int, on: dt.date, office: str | None = None
) -> ViolationReport:
    """Record that the report went to the market-regulation office ``office`` on ``on``."""
    office = _text(office) or DEFAULT_OFFICE
    with database_proxy.atomic():
        report = get_violation(report_id)
        problems = []
        if on > ctx.clock.today():
            problems.append(FieldError("referred_on", msg("转交日期不能晚于今天。")))
        if on < report.received_at.date():
            problems.append(FieldError("referred_on", msg("转交日期不能早于收到举报的日期。")))
        if len(office) > TEXT_LIMITS["referred_to"]:
            problems.append(FieldError("referred_to", msg("不能超过 {limit} 个字。", limit=100)))
        if problems:
            raise ValidationFailed(problems)
        save_changes(ctx, report, apply_values(report, {"referred_on": on, "referred_to": office}))
        return report


def record_reply(
    ctx: Context, report_id: int, on: dt.date, reply: str, case_filed: bool | None
) -> ViolationReport:
    """Record the office's reply (on ``on``) and whether it opened a case (None: not said)."""
    with database_proxy.atomic():
        report = get_violation(report_id)
        problems = []
        if report.referred_on is None:
            problems.append(FieldError("reply_on", msg("这条举报还没有转交市场监管部门。")))
        elif on < report.referred_on:
            problems.append(FieldError("reply_on", msg("答复日期不能早于转交日期。")))
        if on > ctx.clock.today():
            problems.append(FieldError("reply_on", msg("答复日期不能晚于今天。")))
        if not _text(reply):
            problems.append(FieldError("reply", msg("请填写答复的内容。")))
        if problems:
            raise ValidationFailed(problems)
        values = {"reply_on": on, "reply": _text(reply), "case_filed": case_filed}
        save_changes(ctx, report, apply_values(report, values))
        return report


# -- the list ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ViolationFilter:
    month: str | None = None  # "YYYY-MM" received
    state: str | None = None  # waiting (not referred) | referred (no reply) | replied
    origin: str | None = None  # county: one station's reports


@dataclass(frozen=True)
class ViolationRow:
    id: int
    number: str
    received_at: dt.datetime
    reporter: str  # masked name, or 匿名
    respondent_name: str
    subject: str
    referred_on: dt.date | None
    reply_on: dt.date | None
    case_filed: bool | None
    version: int

    @property
    def state(self) -> str:
        if self.reply_on is not None:
            return "replied"
        return "referred" if self.referred_on is not None else "waiting"


STATES = {"waiting": "referred_on IS NULL", "referred": "referred_on IS NOT NULL AND reply_on IS NULL",
          "replied": "reply_on IS NOT NULL"}  # fmt: skip


def _where(flt: ViolationFilter) -> Conditions:
    where = Conditions("violation_report")
    where.in_month("received_at", flt.month)
    if flt.state in STATES:
        where.add(STATES[flt.state])
    where.equal("origin", flt.origin)
    return where


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


def _row(r: tuple[Any, ...]) -> ViolationRow:
    anonymous, name = r[3], r[4]
    return ViolationRow(
        id=r[0],
        number=r[1],
        received_at=dt.datetime.fromisoformat(str(r[2])),
        reporter=msg("匿名") if anonymous else mask_name(name),
        respondent_name=r[5],
        subject=r[6],
        referred_on=_date(r[7]),
        reply_on=_date(r[8]),
        case_filed=None if r[9] is None else bool(r[9]),
        version=r[10],
    )


# one page of reports, newest first (pass the page's ``cursor`` as ``after`` for the next); counts
VIOLATIONS = KeysetList(
    "violation_report",
    "id, number, received_at, anonymous, reporter_name, respondent_name, subject,"
    " referred_on, reply_on, case_filed, version",
    "received_at",
    _where,
    _row,
    empty=ViolationFilter(),
)
list_violations = VIOLATIONS.page
count_violations = VIOLATIONS.count
