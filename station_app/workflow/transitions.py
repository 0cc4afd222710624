"""Moving a complaint through its workflow: one function per action, each one transaction.

Every function has the same skeleton (:func:`acting`, :func:`acting_at` for a dated step, both
over :func:`acting_on`): it opens the transaction, checks the station's kind and the
state first (:class:`~station_app.workflow.states.TransitionRefused`), then the input
(:class:`~station_app.errors.ValidationFailed`, one reason per field), and only then writes: the
complaint (status and workflow columns, version + 1), a :class:`ComplaintTransition` row, and
audit entries (the move itself with its reason code, and each changed column). A refused action
changes nothing.

Dates (``on``) are the dates that count for the legal limits and the ledger; they default to today
and may be earlier (an officer catching up), but never before the complaint was received, before
its previous step, or after today.

``expected_version`` (every action takes it) is the complaint's version as the screen showed it when
the officer began the action: when the complaint has changed since (another window, a bundle, a
second officer) the action is refused with :class:`VersionConflict` and nothing is written. ``None``
skips the check. The check comes after the refusals that say why the action is impossible now (the
state, a missing step), which tell the officer more, and before the input is checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypedDict, Unpack

from station_app import codes
from station_app.access.ownership import check_may_write
from station_app.errors import FieldError, refuse_if_invalid
from station_app.messages import N_, msg, translate
from station_app.registry.audit import record_action, record_changes
from station_app.registry.complaint_records import check_version, get_complaint
from station_app.registry.context import Context
from station_app.registry.record_edits import (
    apply_values,
    carrying,
    insert_new,
    live_row,
    live_rows_of,
    save_changes,
)
from station_app.registry.station_kinds import check_station_may
from station_app.store.models import Complaint, database_proxy
from station_app.store.sync_columns import stamp_edit, stamp_new
from station_app.store.workflow_models import (
    ComplaintTransition,
    FollowUp,
    MediationPause,
    Referral,
)
from station_app.workflow import states
from station_app.workflow.consent import RESPONDENT, require_consent
from station_app.workflow.group_consent import (
    WITHDRAW,
    RepresentedConsentDraft,
    give_represented_consent,
)
from station_app.workflow.rule_sets import Ground, RuleSet, RuleSetError, rule_set_for

# outcomes ``close`` takes; the others belong to their own actions (withdraw, refuse, end_mediation)
CLOSING_OUTCOMES = ("mediated", "settled", "referral_closed", "unreachable", "other")
ENDING_OUTCOMES = ("no_agreement", "unreachable", "other")
# the termination ground of withdrawing, or settling by the parties themselves, while mediation runs
WITHDRAWN_OR_SETTLED = "withdrawn_or_settled"
FOLLOW_UP_METHODS: dict[str, str] = {
    "phone": N_("电话回访"),
    "visit": N_("上门回访"),
    "wechat": N_("微信回访"),
    "at_station": N_("来站回访"),
}


# -- shared steps --------------------------------------------------------------------------------


class Versioned(TypedDict, total=False):
    """What every action takes: the complaint's version as the screen showed it (see the
    module's docstring)."""

    expected_version: int | None


class Dated(Versioned, total=False):
    """What every dated step takes besides its own fields: the day it happened (``on``, default
    today), and the complaint's version."""

    on: dt.date | None


class Noted(Dated, total=False):
    """A dated step with the officer's note."""

    note: str | None


def load(complaint_id: int, expected_version: int | None = None) -> Complaint:
    complaint = get_complaint(complaint_id)
    check_version(complaint, expected_version)
    return complaint


def acting_on(
    complaint_id: int,
    action: str,
    expected_version: int | None = None,
    *,
    station: bool = True,
    state: bool = True,
) -> Complaint:
    """The checks every action starts with, in this order, inside the action's transaction:

    1. may a station of this kind take ``action`` at all (``station=False``: the action checks it
       later itself);
    2. the complaint (refused when missing or deleted);
    3. may ``action`` be taken in the complaint's state (``state=False``: not a move here);
    4. is the complaint still at ``expected_version`` (pass ``None`` and call ``check_version``
       yourself when an action has more reasons to refuse first, see the module's docstring).

    Then the action checks its input (``refuse_if_invalid``) and writes: ``move`` for a transition,
    ``insert_new`` / ``save_changes`` for its own rows, each with its audit entries.

    The complaint returned carries the action's change set (``complaint.changes``): every action
    changes this complaint, whatever rows of its own it writes besides.
    """
    if station:
        check_station_may(action)
    complaint = load(complaint_id)
    check_may_write(complaint)  # the county never rewrites a station's complaint
    if state:
        states.check(action, complaint.status)
    check_version(complaint, expected_version)
    return carrying(complaint)


def received_on(complaint: Complaint) -> dt.date:
    received = complaint.received_at
    return (
        received.date()
        if isinstance(received, dt.datetime)
        else dt.date.fromisoformat(str(received)[:10])
    )


def rule_set_of(complaint: Complaint) -> RuleSet:
    """The rule set the complaint is handled under: the one in force on the day it was received."""
    return rule_set_for(received_on(complaint))


def last_step_on(complaint: Complaint) -> dt.date | None:
    last = (
        ComplaintTransition.select(ComplaintTransition.happened_on)
        .where(
            (ComplaintTransition.complaint == complaint) & (ComplaintTransition.deleted == False)  # noqa: E712
        )
        .order_by(ComplaintTransition.happened_on.desc())
        .first()
    )
    return last.happened_on if last else None


def step_date(
    ctx: Context,
    complaint: Complaint,
    value: dt.date | None,
    problems: list[FieldError],
    name: str = "on",
    label: str = N_("日期"),
) -> dt.date:
    """The date of a step: today when not given; never in the future or before earlier steps.

    ``label`` names the date in the reasons: a template marked with ``N_``."""
    today = ctx.clock.today()
    day = value or today
    if isinstance(day, dt.datetime):
        day = day.date()
    previous = last_step_on(complaint)
    shown = translate(label)
    if day > today:
        problems.append(FieldError(name, msg("{label}不能晚于今天。", label=shown)))
    elif day < received_on(complaint):
        problems.append(
            FieldError(
                name,
                msg(
                    "{label}不能早于收到投诉的日期（{date}）。",
                    label=shown,
                    date=received_on(complaint).isoformat(),
                ),
            )
        )
    elif previous is not None and day < previous:
        problems.append(
            FieldError(
                name,
                msg(
                    "{label}不能早于上一步办理的日期（{date}）。",
                    label=shown,
                    date=previous.isoformat(),
                ),
            )
        )
    return day


def note_text(value: str | None, limit: int = 2000) -> str | None:
    return (value or "").strip()[:limit] or None


def move(
    ctx: Context,
    complaint: Complaint,
    action: str,
    on: dt.date,
    *,
    reason_code: str | None = None,
    rule_set: str | None = None,
    reason: str | None = None,
    changes: Mapping[str, object] | None = None,
) -> ComplaintTransition:
    """Write one transition (the caller has validated): complaint, transition row, audit entries.

    Must run inside the caller's transaction.
    """
    target = states.check(action, complaint.status).target
    assert target is not None, f"{action} is not a transition"
    old_status = complaint.status
    changed = apply_values(complaint, changes or {}, foreign_keys=())
    complaint.status = target
    now = ctx.clock.utcnow()
    stamp_edit(complaint, now)
    complaint.save()
    recorded_at = ctx.clock.local_now().replace(microsecond=0)
    transition = ComplaintTransition(
        action=action, reason_code=reason_code, rule_set=rule_set, reason=reason
    )
    insert_transition(ctx, transition, complaint, (old_status, target), on, recorded_at, now)
    code = reason_code or action
    record_action(
        ctx,
        "complaint",
        complaint.uid,
        "transition",
        f"{code}：{reason}" if reason else code,
        field="status",
        old_value=old_status,
        new_value=target,
    )
    if changed:
        record_changes(ctx, complaint, changed)
    if old_status in states.MEDIATION_CLOCK_RUNS and target not in states.MEDIATION_CLOCK_RUNS:
        _end_open_pauses(ctx, complaint, on)
    return transition


def insert_transition(
    ctx: Context,
    transition: ComplaintTransition,
    complaint: Complaint,
    statuses: tuple[str, str],
    on: dt.date,
    recorded_at: dt.datetime,
    now: dt.datetime,
) -> None:
    """Insert ``transition`` (its action and reasons set) as the complaint's move from the first
    of ``statuses`` to the second on ``on``, recorded by ``ctx.actor``, stamped at ``now``."""
    transition.complaint = complaint
    transition.from_status, transition.to_status = statuses
    transition.happened_on = on
    transition.recorded_at = recorded_at
    transition.actor = ctx.actor
    stamp_new(transition, ctx.origin, now)
    transition.save(force_insert=True)


def _end_open_pauses(ctx: Context, complaint: Complaint, on: dt.date) -> None:
    """Mediation is over: a testing or appraisal step still open ends with it."""
    for pause in MediationPause.select().where(
        (MediationPause.complaint == complaint)
        & (MediationPause.ended_on.is_null())
        & (MediationPause.deleted == False)  # noqa: E712
    ):
        pause.ended_on = max(on, pause.started_on)
        save_changes(ctx, pause, {"ended_on": (None, pause.ended_on)})


def _ground(
    rules: RuleSet,
    grounds: tuple[Ground, ...],
    code: str | None,
    problems: list[FieldError],
    what: str,
) -> Ground | None:
    """The ground of ``grounds`` chosen by ``code``; a problem when there is none.

    ``what``: ``"refuse"`` (不予受理) or ``"end_mediation"`` (终止调解)."""
    ground = next((ground for ground in grounds if ground.code == code), None)
    if ground is None:
        title = rules.shown_title()
        reason = (
            msg("请选择《{title}》规定的不予受理情形。", title=title)
            if what == "refuse"
            else msg("请选择《{title}》规定的终止调解情形。", title=title)
        )
        problems.append(FieldError("ground_code", reason))
    return ground


@contextmanager
def acting(
    complaint_id: int, action: str, expected_version: int | None = None, **checks: bool
) -> Iterator[tuple[Complaint, list[FieldError]]]:
    """An action's transaction, opened with the checks of :func:`acting_on` (``checks``: its
    ``station`` and ``state``): the complaint, and the list the problems of the action's input go
    to (``refuse_if_invalid`` before writing)."""
    with database_proxy.atomic():
        yield acting_on(complaint_id, action, expected_version, **checks), []


# the date a step taken with :func:`acting_at` asks for, as its refusals name it
DATE_LABELS = {
    "accept": N_("受理日期"),
    "refuse": N_("决定日期"),
    "end_mediation": N_("终止日期"),
    "withdraw": N_("撤回日期"),
    "reopen": N_("重新打开日期"),
}


@contextmanager
def acting_at(
    ctx: Context, complaint_id: int, action: str, step: Dated
) -> Iterator[tuple[Complaint, dt.date, list[FieldError]]]:
    """:func:`acting` at the date of ``step``: the complaint, the date, the problems so far (with
    the date's, named by ``DATE_LABELS``)."""
    with acting(complaint_id, action, step.get("expected_version")) as (complaint, problems):
        day = step_date(ctx, complaint, step.get("on"), problems, label=DATE_LABELS[action])
        yield complaint, day, problems


def _move_citing(
    ctx: Context,
    complaint: Complaint,
    action: str,
    day: dt.date,
    ground_code: str,
    step: Noted,
    changes: Mapping[str, object],
) -> None:
    """A decision on a ground of the complaint's rule set (不予受理, 终止调解), its input checked:
    the move cites the ground and the rule set."""
    rule_set = rule_set_of(complaint).code
    reason = note_text(step.get("note"))
    move(
        ctx,
        complaint,
        action,
        day,
        reason_code=ground_code,
        rule_set=rule_set,
        reason=reason,
        changes=changes,
    )


def not_accepted_grounds(complaint_id: int) -> tuple[RuleSet, tuple[Ground, ...]]:
    """The rule set a complaint falls under and its grounds for not accepting (for the dialog)."""
    rules = rule_set_of(get_complaint(complaint_id))
    return rules, rules.not_accepted_grounds


def termination_grounds(complaint_id: int) -> tuple[RuleSet, tuple[Ground, ...]]:
    """The rule set a complaint falls under and its grounds for ending mediation."""
    rules = rule_set_of(get_complaint(complaint_id))
    return rules, rules.termination_grounds


# -- acceptance ----------------------------------------------------------------------------------


def accept(ctx: Context, complaint_id: int, **step: Unpack[Noted]) -> Complaint:
    """受理: the mediation clock starts the next day."""
    with acting_at(ctx, complaint_id, "accept", step) as (complaint, day, problems):
        refuse_if_invalid(problems)
        move(
            ctx,
            complaint,
            "accept",
            day,
            rule_set=rule_set_of(complaint).code,
            reason=note_text(step.get("note")),
            changes={"accepted_on": day, "mediation_clock_from": day},
        )
        return complaint


def refuse_acceptance(
    ctx: Context, complaint_id: int, ground_code: str, **step: Unpack[Noted]
) -> Complaint:
    """不予受理 on one ground of the complaint's rule set (cited by its item in the notice)."""
    with acting_at(ctx, complaint_id, "refuse", step) as (complaint, day, problems):
        rules = rule_set_of(complaint)
        _ground(rules, rules.not_accepted_grounds, ground_code, problems, "refuse")
        refuse_if_invalid(problems)
        changes = {"not_accepted_ground": ground_code, "outcome": "not_accepted", "closed_on": day}
        _move_citing(ctx, complaint, "refuse", day, ground_code, step, changes)
        return complaint


# -- referral ------------------------------------------------------------------------------------


@dataclass
class ReferralDraft:
    """A referral as typed in its dialog."""

    target: str  # referral_target code
    referred_on: dt.date | None = None
    agency_name: str | None = None
    hands_over: bool = True  # False: a copy or lead (e.g. 诉转案) while the station keeps the case
    with_personal_info: bool = True
    reason: str | None = None


def refer(
    ctx: Context, complaint_id: int, draft: ReferralDraft, expected_version: int | None = None
) -> Referral:
    """转办. Handing the case over moves it to 已转办; passing details needs the consent."""
    with acting(complaint_id, "refer", expected_version, state=draft.hands_over) as (
        complaint,
        problems,
    ):
        targets = codes.code_list("referral_target")
        if not targets.contains(draft.target):
            problems.append(FieldError("target", msg("请选择转办去向。")))
        day = step_date(ctx, complaint, draft.referred_on, problems, "referred_on", N_("转办日期"))
        agency = (draft.agency_name or "").strip()
        if len(agency) > 200:
            problems.append(FieldError("agency_name", msg("接收单位名称不能超过 200 个字。")))
        refuse_if_invalid(problems)
        if draft.with_personal_info:
            require_consent(complaint, draft.target, "refer")
        referral = Referral(
            complaint=complaint,
            target=draft.target,
            agency_name=agency or None,
            referred_on=day,
            hands_over=draft.hands_over,
            with_personal_info=draft.with_personal_info,
            reason=note_text(draft.reason),
        )
        insert_new(ctx, referral, f"转办至{targets.name(draft.target)}")
        if draft.hands_over:
            move(ctx, complaint, "refer", day, reason_code=draft.target, reason=referral.reason)
        return referral


@dataclass
class ReferralReply:
    reply_on: dt.date
    reply: str | None = None
    external_number: str | None = None
    fine_fen: int | None = None


def record_referral_reply(
    ctx: Context, referral_id: int, answer: ReferralReply, expected_version: int | None = None
) -> Referral:
    """What the body a complaint was referred to answered: reply, its case number, any fine.

    ``expected_version`` is the version of the complaint the referral belongs to."""
    with database_proxy.atomic():
        referral = get_referral(referral_id)
        if expected_version is not None:
            load(referral.complaint_id, expected_version)
        problems: list[FieldError] = []
        if answer.reply_on is None or answer.reply_on > ctx.clock.today():
            problems.append(FieldError("reply_on", msg("请填写回复日期，且不能晚于今天。")))
        elif answer.reply_on < referral.referred_on:
            problems.append(FieldError("reply_on", msg("回复日期不能早于转办日期。")))
        if answer.fine_fen is not None and answer.fine_fen < 0:
            problems.append(FieldError("fine_fen", msg("罚没款不能为负数。")))
        number = (answer.external_number or "").strip()
        if len(number) > 64:
            problems.append(FieldError("external_number", msg("对方案件编号不能超过 64 个字符。")))
        refuse_if_invalid(problems)
        values = {
            "reply_on": answer.reply_on,
            "reply": note_text(answer.reply, 20_000),
            "external_number": number or None,
            "fine_fen": answer.fine_fen,
        }
        save_changes(ctx, referral, apply_values(referral, values, foreign_keys=()))
        return referral


# -- mediation -----------------------------------------------------------------------------------


def start_mediation(ctx: Context, complaint_id: int, **step: Unpack[Noted]) -> Complaint:
    """开始调解 (also: resume after an agreement fell through, or take a referred case back)."""
    with database_proxy.atomic():
        # begin_mediation asks about the station's kind, once the state has been checked
        version = step.get("expected_version")
        complaint = acting_on(complaint_id, "start_mediation", version, station=False)
        begin_mediation(ctx, complaint, step.get("on"), step.get("note"))
        return complaint


def begin_mediation(
    ctx: Context, complaint: Complaint, on: dt.date | None, note: str | None = None
) -> None:
    """``start_mediation`` inside the caller's transaction (a first mediation step starts it)."""
    check_station_may("start_mediation")
    states.check("start_mediation", complaint.status)
    problems: list[FieldError] = []
    day = step_date(ctx, complaint, on, problems, label=N_("调解开始日期"))
    refuse_if_invalid(problems)
    require_consent(complaint, RESPONDENT, "start_mediation")
    changes: dict[str, object] = {}
    if complaint.accepted_on is None:  # a referred case the station now takes on itself
        changes["accepted_on"] = day
    if complaint.mediation_clock_from is None:
        changes["mediation_clock_from"] = day
    move(ctx, complaint, "start_mediation", day, reason=note_text(note), changes=changes)


@dataclass
class ClosingDraft:
    """办结: the outcome and the money, as on the closing dialog. Money in fen."""

    outcome: str
    closed_on: dt.date | None = None
    recovered_fen: int = 0
    punitive_fen: int = 0
    fraud: bool = False
    hotline_number: str | None = None
    note: str | None = None


def close(
    ctx: Context, complaint_id: int, draft: ClosingDraft, **seen: Unpack[Versioned]
) -> Complaint:
    """办结 with an outcome, the money recovered (挽回经济损失) and punitive compensation.

    Settled by the parties themselves while mediation runs, the case also ends mediation: the
    termination notice becomes due (see ``_mediation_ends_by_parties``)."""
    with acting(complaint_id, "close", seen.get("expected_version")) as (complaint, problems):
        if draft.outcome not in CLOSING_OUTCOMES:
            problems.append(
                FieldError(
                    "outcome", msg("请选择处理结果（撤回、不予受理、终止调解请用各自的按钮）。")
                )
            )
        day = step_date(ctx, complaint, draft.closed_on, problems, "closed_on", N_("办结日期"))
        if draft.recovered_fen is None or draft.recovered_fen < 0:
            problems.append(FieldError("recovered_fen", msg("挽回经济损失不能为负数。")))
        if draft.punitive_fen is None or draft.punitive_fen < 0:
            problems.append(FieldError("punitive_fen", msg("加倍赔偿不能为负数。")))
        hotline = (draft.hotline_number or "").strip()
        if len(hotline) > 40:
            problems.append(FieldError("hotline_number", msg("12315 编号不能超过 40 个字符。")))
        refuse_if_invalid(problems)
        changes: dict[str, object] = {
            "outcome": draft.outcome,
            "closed_on": day,
            "recovered_fen": draft.recovered_fen,
            "punitive_fen": draft.punitive_fen,
            "fraud": bool(draft.fraud),
        }
        if hotline:
            changes["hotline_number"] = hotline
        rule_set = None
        if draft.outcome == "settled" and complaint.status in states.MEDIATION_CLOCK_RUNS:
            rule_set = _mediation_ends_by_parties(complaint, day, changes)
        move(
            ctx,
            complaint,
            "close",
            day,
            reason_code=draft.outcome,
            rule_set=rule_set,
            reason=note_text(draft.note),
            changes=changes,
        )
        return complaint


def _mediation_ends_by_parties(
    complaint: Complaint, day: dt.date, changes: dict[str, object]
) -> str:
    """Withdrawal or the parties' own settlement while mediation runs ends mediation on the
    termination ground 投诉人撤回投诉或者双方自行和解: the termination notice becomes due.
    Adds the termination to ``changes``; returns the rule set's code."""
    rules = rule_set_of(complaint)
    try:
        code = rules.termination_ground(WITHDRAWN_OR_SETTLED).code
    except RuleSetError:  # a data update renamed the ground: the notice is owed all the same
        code = WITHDRAWN_OR_SETTLED
    changes.update(
        {
            "termination_ground": code,
            "mediation_ended_on": day,
            "termination_notified_on": None,
        }
    )
    return rules.code


def end_mediation(
    ctx: Context,
    complaint_id: int,
    ground_code: str,
    *,
    outcome: str = "no_agreement",
    **step: Unpack[Noted],
) -> Complaint:
    """终止调解 on a ground of the rule set; the parties must be told within the notice limit."""
    with acting_at(ctx, complaint_id, "end_mediation", step) as (complaint, day, problems):
        rules = rule_set_of(complaint)
        _ground(rules, rules.termination_grounds, ground_code, problems, "end_mediation")
        if outcome not in ENDING_OUTCOMES:
            problems.append(
                FieldError("outcome", msg("终止调解的处理结果应为未达成、联系不上或其他。"))
            )
        refuse_if_invalid(problems)
        changes = {
            "termination_ground": ground_code,
            "mediation_ended_on": day,
            "outcome": outcome,
            "closed_on": day,
        }
        _move_citing(ctx, complaint, "end_mediation", day, ground_code, step, changes)
        return complaint


def record_termination_notice(
    ctx: Context, complaint_id: int, notified_on: dt.date | None = None, **seen: Unpack[Versioned]
) -> Complaint:
    """The parties were told mediation has ended (终止调解告知书 handed over or sent)."""
    with database_proxy.atomic():
        complaint = acting_on(complaint_id, "record_termination_notice")
        if complaint.mediation_ended_on is None:
            raise states.WorkflowRefused(msg("这条投诉没有终止调解，不需要登记终止调解告知。"))
        if complaint.termination_notified_on is not None:
            raise states.WorkflowRefused(
                msg(
                    "终止调解告知已于 {date} 登记过。",
                    date=complaint.termination_notified_on.isoformat(),
                )
            )
        check_version(complaint, seen.get("expected_version"))
        day = notified_on or ctx.clock.today()
        problems: list[FieldError] = []
        if day > ctx.clock.today():
            problems.append(FieldError("notified_on", msg("告知日期不能晚于今天。")))
        elif day < complaint.mediation_ended_on:
            problems.append(FieldError("notified_on", msg("告知日期不能早于终止调解的日期。")))
        refuse_if_invalid(problems)
        complaint.termination_notified_on = day
        save_changes(ctx, complaint, {"termination_notified_on": (None, day)})
        return complaint


class Withdrawal(Dated, total=False):
    """What withdrawing takes: the complainant's reason, and on a group complaint the consent of
    the represented complainants (recorded in the same step)."""

    reason: str | None
    represented_consent: RepresentedConsentDraft | None


def withdraw(ctx: Context, complaint_id: int, **step: Unpack[Withdrawal]) -> Complaint:
    """撤回: the complainant withdraws; handling ends with the outcome 撤回. On a group complaint
    the represented complainants must agree (``represented_consent`` records it in the same step).

    After acceptance, while mediation runs, withdrawing also ends mediation (a termination ground):
    the parties must then be told within the termination notice limit.
    """
    with acting_at(ctx, complaint_id, "withdraw", step) as (complaint, day, problems):
        refuse_if_invalid(problems)
        give_represented_consent(ctx, complaint, WITHDRAW, step.get("represented_consent"))
        changes: dict[str, object] = {"outcome": "withdrawn", "closed_on": day}
        rule_set = None
        if complaint.status in states.MEDIATION_CLOCK_RUNS:
            rule_set = _mediation_ends_by_parties(complaint, day, changes)
        move(
            ctx,
            complaint,
            "withdraw",
            day,
            reason_code="withdrawn",
            rule_set=rule_set,
            reason=note_text(step.get("reason")),
            changes=changes,
        )
        return complaint


# -- after closing -------------------------------------------------------------------------------


@dataclass
class FollowUpDraft:
    """回访, as on its dialog; ``reopen`` reopens the case in the same step."""

    method: str
    satisfaction: str
    followed_up_on: dt.date | None = None
    carried_out: bool | None = None
    note: str | None = None
    reopen: bool = False
    reopen_reason: str | None = None


def follow_up(
    ctx: Context, complaint_id: int, draft: FollowUpDraft, **seen: Unpack[Versioned]
) -> FollowUp:
    """Record a follow-up of a closed complaint; it may reopen the case."""
    with acting(complaint_id, "follow_up", seen.get("expected_version")) as (complaint, problems):
        if draft.method not in FOLLOW_UP_METHODS:
            problems.append(FieldError("method", msg("请选择回访方式。")))
        if not codes.code_list("satisfaction").contains(draft.satisfaction):
            problems.append(FieldError("satisfaction", msg("请选择满意度。")))
        day = step_date(
            ctx, complaint, draft.followed_up_on, problems, "followed_up_on", N_("回访日期")
        )
        if complaint.closed_on is not None and day < complaint.closed_on:
            problems.append(FieldError("followed_up_on", msg("回访日期不能早于办结日期。")))
        reopen_reason = note_text(draft.reopen_reason)
        if draft.reopen and not reopen_reason:
            problems.append(FieldError("reopen_reason", msg("重新打开投诉须写明原因。")))
        refuse_if_invalid(problems)
        row = FollowUp(
            complaint=complaint,
            followed_up_on=day,
            method=draft.method,
            carried_out=draft.carried_out,
            satisfaction=draft.satisfaction,
            note=note_text(draft.note),
            reopened=draft.reopen,
        )
        insert_new(ctx, row, codes.code_list("satisfaction").name(draft.satisfaction))
        if complaint.status != states.FOLLOWED_UP:
            move(ctx, complaint, "follow_up", day, reason_code=draft.satisfaction)
        if draft.reopen:
            _reopen(ctx, complaint, day, reopen_reason or "")
        return row


def reopen(ctx: Context, complaint_id: int, reason: str, **step: Unpack[Dated]) -> Complaint:
    """重新打开 a closed case: back to mediation, the mediation limit counted afresh from ``on``.

    The measures do not speak of reopening; counting the limit from the day of reopening is this
    program's reading, so a reopened case is not overdue the moment it is reopened.
    """
    with acting_at(ctx, complaint_id, "reopen", step) as (complaint, day, problems):
        text = note_text(reason)
        if not text:
            problems.append(FieldError("reason", msg("重新打开投诉须写明原因。")))
        refuse_if_invalid(problems)
        _reopen(ctx, complaint, day, text or "")
        return complaint


def _reopen(ctx: Context, complaint: Complaint, day: dt.date, reason: str) -> None:
    move(
        ctx,
        complaint,
        "reopen",
        day,
        reason=reason,
        changes={
            "outcome": None,
            "closed_on": None,
            "mediation_clock_from": day,
            # a settlement that ended mediation is undone: no termination notice is due any more
            **(
                {"termination_ground": None, "mediation_ended_on": None}
                if complaint.termination_notified_on is None
                else {}
            ),
        },
    )


# -- reading -------------------------------------------------------------------------------------


def transitions_of(complaint_id: int) -> list[ComplaintTransition]:
    """The complaint's moves, oldest first (the history tab)."""
    return live_rows_of(ComplaintTransition, complaint_id, ComplaintTransition.happened_on)


def get_referral(referral_id: int) -> Referral:
    return live_row(Referral, referral_id, msg("这条转办记录不存在或已删除。"))


def referrals_of(complaint_id: int) -> list[Referral]:
    return live_rows_of(Referral, complaint_id, Referral.referred_on)


def follow_ups_of(complaint_id: int) -> list[FollowUp]:
    return live_rows_of(FollowUp, complaint_id, FollowUp.followed_up_on)
