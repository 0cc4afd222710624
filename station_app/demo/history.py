"""A plausible workflow history for a synthetic complaint (``station demo``).

:func:`plan_history` is pure: given the state a demo complaint should end in and its dates, it
returns what the workflow would have written on the way (complaint columns, transitions, mediation
rounds, an agreement, a referral, a follow-up, consents), each move allowed by the state machine and
dated between the day received and the closing date (or today). The demo generator writes the
rows in bulk with its own sync stamps; nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from station_app.workflow import states
from station_app.workflow.rule_sets import (
    NoRuleSetForDate,
    RuleSet,
    rule_set_for,
    shipped_rule_sets,
)

_RESULTS = ("双方各执一词，约定再谈", "商家同意退还部分货款", "商家同意更换", "消费者接受补偿方案")
_ENDING_GROUNDS = ("party_absent_or_refuses", "no_agreement_possible", "time_limit_passed")
_REFUSAL_GROUNDS = ("outside_remit", "already_handled", "not_consumption_or_no_dispute")
_REFERRAL_TARGETS = ("county_association", "market_regulation", "hotline_12315")
_SATISFACTION = (
    ("satisfied", 70),
    ("fairly_satisfied", 20),
    ("dissatisfied", 6),
    ("unreachable", 4),
)


@dataclass(frozen=True)
class PlannedMove:
    action: str
    from_status: str
    to_status: str
    happened_on: dt.date
    reason_code: str | None = None
    rule_set: str | None = None


@dataclass(frozen=True)
class PlannedStep:
    held_at: dt.datetime
    mode: str
    result: str
    next_on: dt.date | None


@dataclass
class PlannedHistory:
    """What to write for one complaint. ``complaint`` holds workflow columns to set on it."""

    complaint: dict[str, object] = field(default_factory=dict)
    moves: list[PlannedMove] = field(default_factory=list)
    steps: list[PlannedStep] = field(default_factory=list)
    agreement: dict[str, object] | None = None
    referral: dict[str, object] | None = None
    follow_up: dict[str, object] | None = None
    consents: list[tuple[str, dt.datetime]] = field(default_factory=list)  # (recipient, given at)


class _Plan:
    def __init__(self, received: dt.date, last: dt.date, rng: random.Random) -> None:
        self.history = PlannedHistory()
        self.status = states.REGISTERED
        self.day = received
        self.last = max(last, received)
        self.rng = rng
        try:
            self.rules: RuleSet = rule_set_for(received)
        except NoRuleSetForDate:  # a demo range before the earliest measures: their grounds
            self.rules = min(shipped_rule_sets(), key=lambda r: r.effective_from)

    def later(self, most: int) -> dt.date:
        """A day a little after the previous step, never after the last allowed day."""
        self.day = min(self.last, self.day + dt.timedelta(days=self.rng.randint(0, most)))
        return self.day

    def move(
        self, action: str, day: dt.date, reason: str | None = None, rule_set: bool = False
    ) -> None:
        target = states.check(action, self.status).target
        assert target is not None
        self.history.moves.append(
            PlannedMove(
                action,
                self.status,
                target,
                day,
                reason,
                self.rules.code if rule_set else None,
            )
        )
        self.status = target

    def consent(self, recipient: str, day: dt.date) -> None:
        self.history.consents.append((recipient, dt.datetime.combine(day, dt.time(9, 40))))

    def mediate(self, rounds: int) -> None:
        self.consent("respondent", self.day)
        self.move("start_mediation", self.day)
        for index in range(rounds):
            held = self.later(6)
            more = index < rounds - 1
            self.history.steps.append(
                PlannedStep(
                    held_at=dt.datetime.combine(held, dt.time(self.rng.choice((9, 10, 14, 15)))),
                    mode=self.rng.choice(("phone", "phone", "on_site", "remote")),
                    result=self.rng.choice(_RESULTS[:2] if more else _RESULTS[1:]),
                    next_on=min(self.last, held + dt.timedelta(days=3)) if more else None,
                )
            )


def plan_history(
    status: str,
    received_on: dt.date,
    today: dt.date,
    rng: random.Random,
    *,
    closed_on: dt.date | None = None,
    outcome: str | None = None,
    recovered_fen: int = 0,
) -> PlannedHistory:
    """The history of a complaint received on ``received_on`` that is in ``status`` on ``today``.

    ``closed_on`` and ``outcome`` are the demo's own choices for a finished complaint (办结日期,
    处理结果); the history fits them. Unknown statuses give an empty history.
    """
    plan = _Plan(received_on, closed_on or today, rng)
    history = plan.history
    if status == states.REGISTERED or status not in states.STATUSES:
        return history
    if status == states.NOT_ACCEPTED:
        ground = rng.choice(_REFUSAL_GROUNDS)
        # the decision is the closing date (``refuse_acceptance`` sets closed_on to its day)
        plan.move("refuse", closed_on or plan.later(5), ground, rule_set=True)
        history.complaint.update(not_accepted_ground=ground)
        return history
    closing = status in (states.CLOSED, states.FOLLOWED_UP)
    if status == states.REFERRED or (closing and outcome == "referral_closed"):
        target = rng.choice(_REFERRAL_TARGETS)
        day = plan.later(3)
        plan.consent(target, day)
        plan.move("refer", day, target)
        history.referral = {"target": target, "referred_on": day}
        if status == states.REFERRED:
            return history
        history.referral.update(reply_on=plan.later(20), reply="已处理，当事双方达成和解")
        plan.move("close", plan.last, "referral_closed")
        _follow_up(plan, status, today)
        return history
    accepted = plan.later(4)
    plan.move("accept", accepted, rule_set=True)
    history.complaint.update(accepted_on=accepted, mediation_clock_from=accepted)
    if status == states.ACCEPTED:
        return history
    if status == states.WITHDRAWN:
        plan.move("withdraw", plan.last, "withdrawn")
        return history
    plan.mediate(1 if status == states.IN_MEDIATION else rng.randint(1, 3))
    if status == states.IN_MEDIATION:
        return history
    if status == states.MEDIATION_ENDED:
        ground = rng.choice(_ENDING_GROUNDS)
        plan.move("end_mediation", plan.last, ground, rule_set=True)
        history.complaint.update(termination_ground=ground, mediation_ended_on=plan.last)
        notified = plan.last + dt.timedelta(days=rng.randint(1, 6))
        if notified <= today and rng.random() < 0.95:
            history.complaint.update(termination_notified_on=notified)
        return history
    if status == states.AGREEMENT_PENDING or outcome in (None, "mediated"):
        signed = plan.later(5)
        plan.move("record_agreement", signed, "agreement")
        history.agreement = {
            "signed_on": signed,
            "terms": "被投诉方退还货款并赔偿损失，当场或限期履行。",
            "amount_fen": recovered_fen,
            "perform_by": signed + dt.timedelta(days=7),
            "carried_out": None if status == states.AGREEMENT_PENDING else True,
            "carried_out_on": None if status == states.AGREEMENT_PENDING else plan.last,
        }
        if status == states.AGREEMENT_PENDING:
            return history
    plan.move("close", plan.last, outcome or "mediated")
    _follow_up(plan, status, today)
    return history


def _follow_up(plan: _Plan, status: str, today: dt.date) -> None:
    if status != states.FOLLOWED_UP:
        return
    day = min(today, plan.last + dt.timedelta(days=plan.rng.randint(3, 14)))
    codes = [code for code, _ in _SATISFACTION]
    satisfaction = plan.rng.choices(codes, weights=[weight for _, weight in _SATISFACTION])[0]
    plan.move("follow_up", day, satisfaction)
    plan.history.follow_up = {
        "followed_up_on": day,
        "method": "phone",
        "satisfaction": satisfaction,
        "carried_out": satisfaction != "unreachable" or None,
    }
