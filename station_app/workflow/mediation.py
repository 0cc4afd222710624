"""Mediation: its rounds (调解记录), testing/appraisal pauses (检测鉴定) and the agreement (调解协议书).

Each function is one transaction and refuses, changing nothing, what the complaint's state or the
input does not allow, or what was asked on a stale screen (``expected_version``, see
:mod:`station_app.workflow.transitions`). A first mediation round on an accepted complaint starts
mediation with it. While a testing or appraisal step is open the mediation clock stands still
(see :mod:`station_app.workflow.deadlines`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from station_app.errors import FieldError, ValidationFailed, refuse_if_invalid
from station_app.messages import N_, msg
from station_app.registry.complaint_records import check_version
from station_app.registry.context import Context
from station_app.registry.record_edits import (
    apply_values,
    insert_new,
    live_row,
    live_rows_of,
    save_changes,
)
from station_app.store.models import Complaint, database_proxy
from station_app.store.workflow_models import Agreement, MediationPause, MediationStep
from station_app.workflow import states
from station_app.workflow.deadlines import official_calendar
from station_app.workflow.group_consent import (
    AGREEMENT,
    RepresentedConsentDraft,
    give_represented_consent,
)
from station_app.workflow.transitions import (
    acting,
    acting_on,
    begin_mediation,
    load,
    move,
    note_text,
    received_on,
    step_date,
)
from station_app.workflow.working_days import WorkingDayCalendar

MEDIATION_MODES: dict[str, str] = {
    "on_site": N_("现场调解"),
    "phone": N_("电话调解"),
    "remote": N_("远程调解（视频、微信）"),
}
PAUSE_KINDS: dict[str, str] = {
    "testing": N_("检定、检验、检测"),
    "appraisal": N_("鉴定"),
}


# -- rounds of mediation -------------------------------------------------------------------------


@dataclass
class MediationStepDraft:
    held_at: dt.datetime  # local time
    mode: str
    mediators: str
    attendance: str | None = None
    offers: str | None = None
    result: str | None = None
    next_on: dt.date | None = None


def default_next_session_on(today: dt.date, calendar: WorkingDayCalendar | None = None) -> dt.date:
    """The date the next mediation session is proposed for: the first working day after
    ``today`` on the official calendar (a Friday before a holiday proposes the day work resumes)."""
    calendar = calendar or official_calendar()
    day = today + dt.timedelta(days=1)
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def record_mediation_step(
    ctx: Context, complaint_id: int, draft: MediationStepDraft, expected_version: int | None = None
) -> MediationStep:
    """One round of mediation; on an accepted complaint it first starts mediation."""
    with acting(complaint_id, "record_mediation_step", expected_version) as (complaint, problems):
        held_at = draft.held_at
        if held_at is None:
            problems.append(FieldError("held_at", msg("请填写调解时间。")))
        elif held_at > ctx.clock.local_now() + dt.timedelta(minutes=10):
            problems.append(FieldError("held_at", msg("调解时间不能晚于现在。")))
        elif held_at.date() < (complaint.accepted_on or received_on(complaint)):
            problems.append(FieldError("held_at", msg("调解时间不能早于受理日期。")))
        if draft.mode not in MEDIATION_MODES:
            problems.append(FieldError("mode", msg("请选择调解方式。")))
        mediators = (draft.mediators or "").strip()
        if not mediators:
            problems.append(FieldError("mediators", msg("请填写调解人员。")))
        elif len(mediators) > 200:
            problems.append(FieldError("mediators", msg("调解人员不能超过 200 个字。")))
        if draft.next_on is not None and held_at is not None and draft.next_on < held_at.date():
            problems.append(FieldError("next_on", msg("下次调解日期不能早于本次。")))
        refuse_if_invalid(problems)
        if complaint.status == states.ACCEPTED:
            begin_mediation(ctx, complaint, held_at.date())
        step = MediationStep(
            complaint=complaint,
            held_at=held_at.replace(second=0, microsecond=0),
            mode=draft.mode,
            mediators=mediators,
            attendance=note_text(draft.attendance),
            offers=note_text(draft.offers, 20_000),
            result=note_text(draft.result, 20_000),
            next_on=draft.next_on,
        )
        return insert_new(ctx, step, MEDIATION_MODES[draft.mode])


def mediation_steps_of(complaint_id: int) -> list[MediationStep]:
    return live_rows_of(MediationStep, complaint_id, MediationStep.held_at)


# -- testing and appraisal -----------------------------------------------------------------------


def _pauses(complaint: Complaint) -> list[MediationPause]:
    return live_rows_of(MediationPause, complaint, MediationPause.started_on)


def pauses_of(complaint_id: int) -> list[MediationPause]:
    return _pauses(load(complaint_id))


def start_pause(
    ctx: Context,
    complaint_id: int,
    kind: str,
    *,
    started_on: dt.date | None = None,
    institution: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> MediationPause:
    """Testing or appraisal begins: the mediation clock stops from ``started_on`` on."""
    with database_proxy.atomic():
        complaint = acting_on(complaint_id, "start_pause")
        existing = _pauses(complaint)
        if any(p.ended_on is None for p in existing):
            raise states.WorkflowRefused(msg("已有一项检测鉴定尚未结束，请先登记它结束。"))
        check_version(complaint, expected_version)
        problems: list[FieldError] = []
        if kind not in PAUSE_KINDS:
            problems.append(FieldError("kind", msg("请选择检测或鉴定。")))
        day = started_on or ctx.clock.today()
        clock_from = complaint.mediation_clock_from or complaint.accepted_on
        if day > ctx.clock.today():
            problems.append(FieldError("started_on", msg("开始日期不能晚于今天。")))
        elif clock_from is not None and day < clock_from:
            problems.append(FieldError("started_on", msg("检测鉴定的开始日期不能早于受理日期。")))
        elif existing and existing[-1].ended_on is not None and day <= existing[-1].ended_on:
            problems.append(
                FieldError("started_on", msg("开始日期应晚于上一项检测鉴定的结束日期。"))
            )
        name = (institution or "").strip()
        if len(name) > 200:
            problems.append(FieldError("institution", msg("检测鉴定机构名称不能超过 200 个字。")))
        refuse_if_invalid(problems)
        pause = MediationPause(
            complaint=complaint,
            kind=kind,
            started_on=day,
            institution=name or None,
            note=note_text(note),
        )
        return insert_new(ctx, pause, f"{PAUSE_KINDS[kind]}，调解期限暂停")


def end_pause(
    ctx: Context,
    complaint_id: int,
    *,
    ended_on: dt.date | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> MediationPause:
    """Testing or appraisal is over: the mediation clock runs again from the next day."""
    with database_proxy.atomic():
        complaint = acting_on(complaint_id, "end_pause")
        open_pause = next((p for p in _pauses(complaint) if p.ended_on is None), None)
        if open_pause is None:
            raise states.WorkflowRefused(msg("这条投诉没有进行中的检测鉴定。"))
        check_version(complaint, expected_version)
        day = ended_on or ctx.clock.today()
        if day > ctx.clock.today():
            raise ValidationFailed([FieldError("ended_on", msg("结束日期不能晚于今天。"))])
        if day < open_pause.started_on:
            raise ValidationFailed([FieldError("ended_on", msg("结束日期不能早于开始日期。"))])
        changes: dict[str, tuple[object, object]] = {"ended_on": (None, day)}
        open_pause.ended_on = day
        text = note_text(note)
        if text:
            changes["note"] = (open_pause.note, text)
            open_pause.note = text
        save_changes(ctx, open_pause, changes)
        return open_pause


# -- the agreement -------------------------------------------------------------------------------


@dataclass
class AgreementDraft:
    terms: str
    amount_fen: int = 0
    signed_on: dt.date | None = None
    method: str | None = None
    perform_by: dt.date | None = None
    # a group complaint: the represented complainants' consent, recorded with the agreement
    represented_consent: RepresentedConsentDraft | None = None


def agreement_number(complaint: Complaint) -> str:
    """``<complaint number>-XY<n>``: the n-th agreement of the complaint (deleted ones count)."""
    count = (
        Agreement.select(fn.COUNT(Agreement.id)).where(Agreement.complaint == complaint).scalar()
    )
    return f"{complaint.number}-XY{int(count or 0) + 1}"


def record_agreement(
    ctx: Context, complaint_id: int, draft: AgreementDraft, expected_version: int | None = None
) -> Agreement:
    """调解协议书 signed: the complaint waits for it to be carried out (协议待履行)."""
    with acting(complaint_id, "record_agreement", expected_version) as (complaint, problems):
        day = step_date(ctx, complaint, draft.signed_on, problems, "signed_on", N_("签订日期"))
        terms = (draft.terms or "").strip()
        if not terms:
            problems.append(FieldError("terms", msg("请填写协议内容。")))
        elif len(terms) > 20_000:
            problems.append(FieldError("terms", msg("协议内容过长。")))
        if draft.amount_fen is None or draft.amount_fen < 0:
            problems.append(FieldError("amount_fen", msg("协议金额不能为负数。")))
        if draft.perform_by is not None and draft.perform_by < day:
            problems.append(FieldError("perform_by", msg("履行期限不能早于签订日期。")))
        method = (draft.method or "").strip()
        if len(method) > 100:
            problems.append(FieldError("method", msg("履行方式不能超过 100 个字。")))
        refuse_if_invalid(problems)
        give_represented_consent(ctx, complaint, AGREEMENT, draft.represented_consent)
        agreement = Agreement(
            complaint=complaint,
            number=agreement_number(complaint),
            signed_on=day,
            terms=terms,
            amount_fen=draft.amount_fen,
            method=method or None,
            perform_by=draft.perform_by,
        )
        insert_new(ctx, agreement, agreement.number)
        move(ctx, complaint, "record_agreement", day, reason_code=agreement.number)
        return agreement


def mark_agreement_carried_out(
    ctx: Context,
    agreement_id: int,
    *,
    carried_out: bool = True,
    on: dt.date | None = None,
    expected_version: int | None = None,
) -> Agreement:
    """Whether the agreement was carried out (履行), and when. Closing the complaint is its own
    step (``transitions.close``), usually right after. ``expected_version`` is the version of the
    agreement's complaint."""
    with database_proxy.atomic():
        agreement = live_row(Agreement, agreement_id, msg("这份调解协议不存在或已删除。"))
        acting_on(agreement.complaint_id, "record_carried_out", expected_version)
        day = on or ctx.clock.today()
        if day > ctx.clock.today():
            raise ValidationFailed([FieldError("on", msg("履行日期不能晚于今天。"))])
        if day < agreement.signed_on:
            raise ValidationFailed([FieldError("on", msg("履行日期不能早于协议签订日期。"))])
        values = {"carried_out": carried_out, "carried_out_on": day if carried_out else None}
        save_changes(ctx, agreement, apply_values(agreement, values, foreign_keys=()))
        return agreement


def agreements_of(complaint_id: int) -> list[Agreement]:
    return live_rows_of(Agreement, complaint_id, Agreement.signed_on)
