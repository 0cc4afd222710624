"""Withdrawal after acceptance and the parties' own settlement (自行和解) end mediation on a
termination ground: the termination notice to both parties is due, as after 终止调解."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from station_app.cli import main
from station_app.clock import FixedClock
from station_app.documents.content import TERMINATION_NOTICE, printable_documents
from station_app.installation import init_station, open_installation
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.store.models import Complaint
from station_app.workflow import consent, states, transitions
from station_app.workflow.deadlines import deadline_of, due_items
from station_app.workflow.rule_sets import rule_set_for
from station_app.workflow.transitions import ClosingDraft, FollowUpDraft
from station_app.workflow.working_days import WorkingDayCalendar

from ..conftest import complaint_draft

D = dt.date


def in_mediation(ctx: Context, **overrides: Any) -> Complaint:
    complaint = register_complaint(ctx, complaint_draft(**overrides))
    transitions.accept(ctx, complaint.id, on=D(2026, 11, 18))
    consent.record_consent(ctx, complaint.id, consent.ConsentDraft(recipients=["respondent"]))
    return transitions.start_mediation(ctx, complaint.id, on=D(2026, 11, 19))


def seventh_working_day_after(day: dt.date) -> dt.date:
    notice = rule_set_for(D(2026, 11, 18)).limit("termination_notice")
    assert (notice.days, notice.day_kind) == (7, "working")
    deadline = WorkingDayCalendar.from_package().add_working_days(day, 7).date
    assert deadline is not None
    return deadline


def test_withdrawal_after_acceptance_makes_the_termination_notice_due(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    transitions.withdraw(ctx, complaint.id, on=D(2026, 11, 20), reason="商家已退款")
    withdrawn = get_complaint(complaint.id)
    assert (withdrawn.status, withdrawn.outcome) == ("withdrawn", "withdrawn")
    assert withdrawn.termination_ground == "withdrawn_or_settled"
    assert withdrawn.mediation_ended_on == D(2026, 11, 20)
    move = transitions.transitions_of(complaint.id)[-1]
    assert (move.action, move.rule_set) == ("withdraw", "samr_2026")
    rules = rule_set_for(withdrawn.received_at.date())
    assert rules.termination_ground("withdrawn_or_settled").item == "第二十三条第一款第（一）项"

    pending = deadline_of(withdrawn)
    assert pending is not None and pending.kind == "termination_notice"
    # Fri 20 Nov: 23, 24, 25, 26, 27, 30 Nov, 1 Dec
    assert pending.deadline.date == D(2026, 12, 1) == seventh_working_day_after(D(2026, 11, 20))
    due = {item.number: item for item in due_items(D(2026, 11, 27))}
    assert due[withdrawn.number].deadline_kind == "termination_notice"
    assert due[withdrawn.number].deadline == D(2026, 12, 1)
    assert TERMINATION_NOTICE in [kind for kind, _ in printable_documents(complaint.id)]

    assert "record_termination_notice" in states.allowed_actions("withdrawn", mediation_ended=True)
    transitions.record_termination_notice(ctx, complaint.id, D(2026, 11, 20))
    assert deadline_of(get_complaint(complaint.id)) is None
    assert withdrawn.number not in {item.number for item in due_items(D(2026, 11, 27))}


def test_withdrawal_before_acceptance_owes_no_notice(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    transitions.withdraw(ctx, complaint.id, on=D(2026, 11, 19))
    withdrawn = get_complaint(complaint.id)
    assert withdrawn.termination_ground is None and withdrawn.mediation_ended_on is None
    assert deadline_of(withdrawn) is None
    assert states.allowed_actions("withdrawn", mediation_ended=False) == []
    with pytest.raises(states.WorkflowRefused, match="没有终止调解"):
        transitions.record_termination_notice(ctx, complaint.id, D(2026, 11, 20))


def test_settlement_during_mediation_makes_the_notice_due_before_the_follow_up(
    ctx: Context, clock: FixedClock
) -> None:
    complaint = in_mediation(ctx)
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="settled", closed_on=D(2026, 11, 20)))
    closed = get_complaint(complaint.id)
    assert (closed.status, closed.termination_ground) == ("closed", "withdrawn_or_settled")
    pending = deadline_of(closed)
    assert pending is not None and pending.kind == "termination_notice"
    assert pending.deadline.date == seventh_working_day_after(D(2026, 11, 20))
    transitions.record_termination_notice(ctx, complaint.id, D(2026, 11, 20))
    follow = deadline_of(get_complaint(complaint.id))
    assert follow is not None and follow.kind == "follow_up"


def test_mediated_closing_owes_no_notice(ctx: Context) -> None:
    complaint = in_mediation(ctx)
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="mediated"))
    closed = get_complaint(complaint.id)
    assert closed.termination_ground is None and closed.mediation_ended_on is None
    pending = deadline_of(closed)
    assert pending is not None and pending.kind == "follow_up"
    assert states.allowed_actions("closed", mediation_ended=False) == [
        "follow_up",
        "reopen",
        "record_carried_out",
    ]


def test_reopening_a_settled_case_undoes_the_termination(ctx: Context, clock: FixedClock) -> None:
    complaint = in_mediation(ctx)
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="settled"))
    clock.advance(days=3)
    transitions.follow_up(
        ctx,
        complaint.id,
        FollowUpDraft(
            method="phone",
            satisfaction="dissatisfied",
            reopen=True,
            reopen_reason="商家反悔，未按和解退款",
        ),
    )
    reopened = get_complaint(complaint.id)
    assert reopened.status == "in_mediation"
    assert reopened.termination_ground is None and reopened.mediation_ended_on is None
    pending = deadline_of(reopened)
    assert pending is not None and pending.kind == "mediation"


def test_station_due_lists_the_notice_of_a_withdrawn_complaint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    clock = FixedClock(local=dt.datetime(2026, 11, 20, 17, 0))
    inst = open_installation(data)
    init_station(inst, code="TJ001", name="诺江镇服务站", clock=clock)
    ctx = inst.context(actor="王联络员", clock=clock)
    complaint = in_mediation(ctx)
    transitions.withdraw(ctx, complaint.id, on=D(2026, 11, 20))
    number = complaint.number
    inst.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "due", "--on", "2026-11-27", "--json"]) == 0
    items = {item["number"]: item for item in json.loads(capsys.readouterr().out)}
    assert items[number]["status"] == "withdrawn"
    assert items[number]["deadline_kind"] == "termination_notice"
    assert items[number]["deadline"] == "2026-12-01"
    assert items[number]["overdue"] is False
