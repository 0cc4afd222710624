"""What is due when: each complaint's current legal deadline, and the list of items due soon.

A complaint has at most one deadline running at a time, chosen by its state:

=============================  ==================  =========================================
state                          ``deadline_kind``   counted from
=============================  ==================  =========================================
registered                     accept              the day it was received
accepted, in_mediation         mediation           acceptance (or reopening), minus pauses
mediation ended and not yet     termination_notice  the day mediation ended, until the notice
notified: mediation_ended, or                      is recorded
referred, withdrawn, closed or
followed_up after it
closed                         follow_up           the closing date, until a follow-up
=============================  ==================  =========================================

The limits (days, working or calendar) come from the rule set in force on the day the complaint
was received; working days from one process-wide :func:`official_calendar`, which a roster's 节假日
sheet extends. Mediation ends by 终止调解, and also by withdrawal or the parties' own settlement
while it runs (see ``transitions.withdraw`` and ``transitions.close``). Rows made before the workflow recorded its dates (imports, old data) count the
mediation limit from the date received, the earliest acceptance could have been, so a deadline is
never shown later than it really is; a termination notice then counts from the closing date.

Nothing here reads the system clock: ``on`` is the station's local date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple, TypedDict, TypeVar, Unpack

from station_app.messages import N_, msg, translate_name
from station_app.store.models import Complaint, database_proxy
from station_app.store.workflow_models import MediationPause
from station_app.validation import mask_name
from station_app.workflow import states
from station_app.workflow.rule_sets import LimitKind, RuleSet, rule_set_for, shipped_rule_sets
from station_app.workflow.working_days import Deadline, Pause, WorkingDayCalendar

# the names of the limits, in one place: short, as ``station due`` / ``show`` / ``deadline`` print
# them (the command line speaks Chinese) …
DEADLINE_KIND_NAMES: dict[str, str] = {
    "accept": "受理决定",
    "mediation": "调解期限",
    "termination_notice": "终止调解告知",
    "follow_up": "回访",
}
# … and as the window names the limit running for a complaint, in its language (``deadline_name``)
DEADLINE_NAMES: dict[str, str] = {
    "accept": N_("受理决定期限"),
    "mediation": N_("调解期限"),
    "termination_notice": N_("终止调解告知期限"),
    "follow_up": N_("回访期限"),
}
DUE_SOON_WORKING_DAYS = 3
_T = TypeVar("_T")

# the states in which some deadline may run (see the table above)
_WITH_DEADLINE = (
    states.REGISTERED,
    states.ACCEPTED,
    states.IN_MEDIATION,
    states.MEDIATION_ENDED,
    states.REFERRED,
    states.CLOSED,
)
# states with a deadline only while a termination notice is pending (many rows, rarely due)
_WITH_PENDING_NOTICE = (states.WITHDRAWN, states.FOLLOWED_UP)


def official_calendar() -> WorkingDayCalendar:
    """The working-day calendar: the official schedule, extended by the 节假日 rows of every
    roster imported (the State Council publishes next year's schedule each November)."""
    from station_app.roster.extensions import working_day_calendar  # roster builds on workflow

    return working_day_calendar()


@dataclass(frozen=True)
class ComplaintClock:
    """The facts of a complaint its deadline is computed from."""

    status: str
    received_on: dt.date
    accepted_on: dt.date | None = None
    mediation_clock_from: dt.date | None = None
    mediation_ended_on: dt.date | None = None
    termination_notified_on: dt.date | None = None
    closed_on: dt.date | None = None
    pauses: tuple[Pause, ...] = ()

    @classmethod
    def of(cls, complaint: Complaint) -> ComplaintClock:
        pauses = tuple(
            (p.started_on, p.ended_on)
            for p in MediationPause.select(MediationPause.started_on, MediationPause.ended_on)
            .where(
                (MediationPause.complaint == complaint) & (MediationPause.deleted == False)  # noqa: E712
            )
            .order_by(MediationPause.started_on)
        )
        return cls(
            status=complaint.status,
            received_on=complaint.received_at.date(),
            accepted_on=complaint.accepted_on,
            mediation_clock_from=complaint.mediation_clock_from,
            mediation_ended_on=complaint.mediation_ended_on,
            termination_notified_on=complaint.termination_notified_on,
            closed_on=complaint.closed_on,
            pauses=pauses,
        )


@dataclass(frozen=True)
class PendingDeadline:
    """The deadline running for a complaint: its kind, when it started, its rule set."""

    kind: LimitKind
    start: dt.date
    deadline: Deadline
    rule_set: RuleSet = field(repr=False)

    @property
    def name(self) -> str:
        return DEADLINE_KIND_NAMES[self.kind]


def deadline_name(kind: str) -> str:
    """``调解期限``: which legal time limit runs, as the window names it, in its language."""
    return translate_name(DEADLINE_NAMES, kind)


def _pending_start(
    status: str,
    received: _T,
    accepted: _T | None,
    clock_from: _T | None,
    ended: _T | None,
    notified: _T | None,
    closed: _T | None,
) -> tuple[LimitKind, _T] | None:
    """Which limit runs in ``status`` and the date (a ``date`` or its ISO text) it counts from."""
    if status == states.REGISTERED:
        return "accept", received
    if status in states.MEDIATION_CLOCK_RUNS:
        return "mediation", clock_from or accepted or received
    if status in states.TERMINATION_NOTICE_STATES and notified is None:
        if ended is None and status == states.MEDIATION_ENDED:
            ended = closed
        if ended is not None:
            return "termination_notice", ended
        if status in (states.REFERRED, states.MEDIATION_ENDED):
            return None
    if status == states.CLOSED and closed is not None:
        return "follow_up", closed
    return None


class Counting(TypedDict, total=False):
    """What deadlines are counted with, when not the official ones: the working-day calendar and
    the rule sets (tests and what-if counts pass their own)."""

    calendar: WorkingDayCalendar | None
    rule_sets: Sequence[RuleSet] | None


class _Counter:
    """Computes deadlines for many complaints, reusing the ones that share rule set and start."""

    def __init__(
        self,
        calendar: WorkingDayCalendar | None = None,
        rule_sets: Sequence[RuleSet] | None = None,
    ) -> None:
        self.calendar = calendar or official_calendar()
        chosen = list(shipped_rule_sets() if rule_sets is None else rule_sets)
        self.rule_sets = chosen
        self._newest_first = sorted(chosen, key=lambda r: r.effective_from, reverse=True)
        self._deadlines: dict[tuple[str, str, dt.date], Deadline] = {}

    def rule_set(self, received_on: dt.date) -> tuple[RuleSet, bool]:
        """The rule set in force on ``received_on``; before all of them the earliest, estimated."""
        for rule_set in self._newest_first:
            if rule_set.effective_from <= received_on:
                return rule_set, False
        return self._newest_first[-1], True

    def deadline(
        self,
        rule_set: RuleSet,
        before_rules: bool,
        kind: LimitKind,
        start: dt.date,
        pauses: Sequence[Pause] = (),
    ) -> Deadline:
        limit = rule_set.limit(kind)
        if pauses and limit.pausable:
            deadline = self.calendar.add_days(start, limit.days, limit.day_kind, pauses)
        else:
            key = (rule_set.code, kind, start)
            cached = self._deadlines.get(key)
            if cached is None:
                cached = self._deadlines[key] = self.calendar.add_days(
                    start, limit.days, limit.day_kind
                )
            deadline = cached
        if before_rules and deadline.date is not None and not deadline.estimated:
            deadline = Deadline(deadline.date, estimated=True)
        return deadline

    def pending(self, clock: ComplaintClock) -> PendingDeadline | None:
        started = _pending_start(
            clock.status,
            clock.received_on,
            clock.accepted_on,
            clock.mediation_clock_from,
            clock.mediation_ended_on,
            clock.termination_notified_on,
            clock.closed_on,
        )
        if started is None:
            return None
        kind, start = started
        rule_set, before_rules = self.rule_set(clock.received_on)
        deadline = self.deadline(rule_set, before_rules, kind, start, clock.pauses)
        return PendingDeadline(kind, start, deadline, rule_set)


def pending_deadline(
    clock: ComplaintClock,
    **counting: Unpack[Counting],
) -> PendingDeadline | None:
    """The deadline running for a complaint in ``clock``'s state, or None when nothing is due."""
    return _Counter(**counting).pending(clock)


def deadline_from(
    kind: LimitKind,
    received_on: dt.date,
    start: dt.date,
    **counting: Unpack[Counting],
) -> PendingDeadline:
    """The deadline of limit ``kind`` for a complaint received on ``received_on``, counted from
    ``start`` (the date of the limit's ``from`` event), under the rule set in force on the day
    received (``station deadline``). Before every rule set: :class:`NoRuleSetForDate`."""
    counter = _Counter(**counting)
    rule_set = rule_set_for(received_on, counter.rule_sets)
    return PendingDeadline(kind, start, counter.deadline(rule_set, False, kind, start), rule_set)


def unknown_years_between(
    start: dt.date, end: dt.date, calendar: WorkingDayCalendar | None = None
) -> list[int]:
    """The years from ``start`` to ``end`` whose official holiday schedule is not known (why a
    deadline is estimated)."""
    known = (calendar or official_calendar()).known_years
    return [year for year in range(start.year, end.year + 1) if year not in known]


def deadline_of(complaint: Complaint) -> PendingDeadline | None:
    """The deadline running for one complaint (the detail screen)."""
    return pending_deadline(ComplaintClock.of(complaint))


class DueItem(NamedTuple):
    """One complaint with a deadline that is past or near (a named tuple: cheap by the 100 000)."""

    complaint_id: int
    number: str
    status: str
    received_on: dt.date
    deadline_kind: LimitKind
    deadline: dt.date
    overdue: bool
    due_soon: bool  # not overdue, due within the horizon
    estimated: bool
    working_days_left: int  # negative: working days overdue

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "status": self.status,
            "received_on": self.received_on.isoformat(),
            "deadline_kind": self.deadline_kind,
            "deadline": self.deadline.isoformat(),
            "overdue": self.overdue,
            "due_soon": self.due_soon,
            "estimated": self.estimated,
            "working_days_left": self.working_days_left,
            "complaint_id": self.complaint_id,
        }

    def describe(self) -> str:
        """``已超期 3 个工作日`` / ``今天到期`` / ``还剩 2 个工作日`` (+ ``（估算）``)."""
        if self.overdue:
            text = (
                f"已超期 {-self.working_days_left} 个工作日" if self.working_days_left else "已超期"
            )
        elif self.working_days_left <= 0:
            text = "今天到期"
        else:
            text = f"还剩 {self.working_days_left} 个工作日"
        return text + ("（估算）" if self.estimated else "")


# the workflow dates a complaint's running deadline is computed from, after status and received_at
DEADLINE_DATES = (
    "accepted_on, mediation_clock_from, mediation_ended_on, termination_notified_on, closed_on"
)


_COLUMNS = "id, number, status, received_at, " + DEADLINE_DATES


def with_deadline_condition() -> tuple[str, list[object]]:
    """The condition on a ``complaint`` row that may carry a running deadline, and its parameters:
    an open state, or mediation ended (by withdrawal or settlement) with the notice still owed."""
    status_marks = ",".join("?" * len(_WITH_DEADLINE))
    notice_marks = ",".join("?" * len(_WITH_PENDING_NOTICE))
    sql = (
        f"complaint.deleted = 0 AND (complaint.status IN ({status_marks})"
        f" OR (complaint.status IN ({notice_marks}) AND complaint.mediation_ended_on IS NOT NULL"
        " AND complaint.termination_notified_on IS NULL))"
    )
    return sql, [*_WITH_DEADLINE, *_WITH_PENDING_NOTICE]


def _rows(where: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
    condition, condition_params = with_deadline_condition()
    sql = f"SELECT {_COLUMNS} FROM complaint WHERE {condition} AND {where}"
    return list(database_proxy.execute_sql(sql, [*condition_params, *params]).fetchall())


class OverdueCheck:
    """Whether a complaint without testing pauses is overdue on ``on``, from its deadline inputs
    ``(status, received day, *DEADLINE_DATES)``, by the same rules as :func:`due_items`; each
    distinct set of inputs is computed once (a county's stations screen: few distinct sets among
    a million complaints)."""

    def __init__(
        self,
        on: dt.date,
        **counting: Unpack[Counting],
    ) -> None:
        self.on = on
        self._counter = _Counter(**counting)
        self._horizon = due_horizon(on, calendar=self._counter.calendar)
        self._known: dict[tuple[Any, ...], bool] = {}

    def __call__(self, inputs: Sequence[Any]) -> bool:
        key = tuple(inputs)
        overdue = self._known.get(key)
        if overdue is None:
            items = _items([(0, "", *key)], {}, self.on, self._horizon, self._counter, True)
            overdue = self._known[key] = bool(items) and items[0].overdue
        return overdue


def _pauses_by_complaint(where: str, params: Sequence[object]) -> dict[int, list[Pause]]:
    """Testing/appraisal pauses of the complaints whose mediation clock runs."""
    clock_statuses = sorted(states.MEDIATION_CLOCK_RUNS)
    sql = (
        "SELECT p.complaint_id, p.started_on, p.ended_on FROM mediation_pause AS p"
        " JOIN complaint ON complaint.id = p.complaint_id"
        f" WHERE p.deleted = 0 AND complaint.deleted = 0"
        f" AND complaint.status IN ({','.join('?' * len(clock_statuses))}) AND {where}"
    )
    found: dict[int, list[Pause]] = {}
    for complaint_id, started, ended in database_proxy.execute_sql(
        sql, [*clock_statuses, *params]
    ).fetchall():
        found.setdefault(int(complaint_id), []).append(
            (_as_date(started), None if ended is None else _as_date(ended))
        )
    return found


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _items(
    rows: Iterable[tuple[Any, ...]],
    pauses: dict[int, list[Pause]],
    on: dt.date,
    horizon: dt.date,
    counter: _Counter,
    only_near: bool,
) -> list[DueItem]:
    """Due items of raw complaint rows (``_COLUMNS``). Dates stay ISO text until needed, and
    everything shared by many complaints (rule set of a day, deadline of a start, days left) is
    computed once: 100 000 open complaints take well under a second."""
    dates: dict[str, dt.date] = {}
    rules: dict[str, tuple[RuleSet, bool]] = {}
    deadlines: dict[tuple[str, bool, str, str], Deadline] = {}
    days_left: dict[dt.date, int] = {}
    calendar = counter.calendar

    def day(text: str) -> dt.date:
        parsed = dates.get(text)
        if parsed is None:
            parsed = dates[text] = dt.date.fromisoformat(text[:10])
        return parsed

    items: list[DueItem] = []
    for complaint_id, number, status, received_at, *workflow_dates in rows:
        received_text = str(received_at)[:10]
        started = _pending_start(status, received_text, *workflow_dates)
        if started is None:
            continue
        kind, start_text = started
        found = rules.get(received_text)
        if found is None:
            found = rules[received_text] = counter.rule_set(day(received_text))
        rule_set, before_rules = found
        paused = pauses.get(complaint_id) if kind == "mediation" else None
        if paused:
            deadline = counter.deadline(rule_set, before_rules, kind, day(start_text), paused)
        else:
            key = (rule_set.code, before_rules, kind, start_text)
            cached = deadlines.get(key)
            if cached is None:
                cached = deadlines[key] = counter.deadline(
                    rule_set, before_rules, kind, day(start_text)
                )
            deadline = cached
        date = deadline.date
        if date is None or (only_near and date > horizon):  # the clock stands, or not near yet
            continue
        left = days_left.get(date)
        if left is None:
            left = days_left[date] = calendar.working_days_between(on, date)
        overdue = on > date
        items.append(
            DueItem(
                complaint_id=int(complaint_id),
                number=str(number),
                status=str(status),
                received_on=day(received_text),
                deadline_kind=kind,
                deadline=date,
                overdue=overdue,
                due_soon=not overdue and date <= horizon,
                estimated=deadline.estimated,
                working_days_left=left,
            )
        )
    items.sort(key=attrgetter("deadline", "number"))
    return items


def due_horizon(
    on: dt.date,
    within_working_days: int = DUE_SOON_WORKING_DAYS,
    calendar: WorkingDayCalendar | None = None,
) -> dt.date:
    """The last day counted as "due soon" on ``on``: ``within_working_days`` working days on."""
    if within_working_days <= 0:
        return on
    date = (calendar or official_calendar()).add_working_days(on, within_working_days).date
    assert date is not None
    return date


def due_items(
    on: dt.date,
    within_working_days: int = DUE_SOON_WORKING_DAYS,
    **counting: Unpack[Counting],
) -> list[DueItem]:
    """Complaints overdue on ``on`` or due within ``within_working_days`` working days after it,
    earliest deadline first (工作台 and ``station due``)."""
    counter = _Counter(**counting)
    horizon = due_horizon(on, within_working_days, counter.calendar)
    return _items(_rows("1 = 1", ()), _pauses_by_complaint("1 = 1", ()), on, horizon, counter, True)


def deadlines_for(
    complaint_ids: Iterable[int],
    on: dt.date,
    within_working_days: int = DUE_SOON_WORKING_DAYS,
    **counting: Unpack[Counting],
) -> dict[int, DueItem]:
    """The running deadline of each listed complaint that has one (a page of the complaint list,
    to mark overdue and due-soon rows), whether near or not."""
    ids = [int(i) for i in complaint_ids]
    if not ids:
        return {}
    counter = _Counter(**counting)
    horizon = due_horizon(on, within_working_days, counter.calendar)
    found: dict[int, DueItem] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        where = f"complaint.id IN ({','.join('?' * len(chunk))})"
        rows = _rows(where, chunk)
        pauses = _pauses_by_complaint(where, chunk)
        for item in _items(rows, pauses, on, horizon, counter, False):
            found[item.complaint_id] = item
    return found


# the order of the groups on 工作台: the urgent legal limits first, follow-ups after them
DUE_GROUP_ORDER: tuple[LimitKind, ...] = ("accept", "mediation", "termination_notice", "follow_up")


class DueReminder(NamedTuple):
    """A due item as 工作台 lists it: who complains (masked) and against which business."""

    item: DueItem
    complainant: str  # ``张**``, or ``张** 等15人`` for a group complaint
    business: str  # the respondent as recorded


@dataclass(frozen=True)
class DueGroup:
    """The due reminders of one kind of limit, overdue first, then by deadline."""

    kind: LimitKind
    reminders: tuple[DueReminder, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for reminder in self.reminders if reminder.item.overdue)


def complainant_text(name: str | None, is_group: bool, group_size: int) -> str:
    """``张**`` (the first complainant, masked), ``张** 等15人`` for a group complaint."""
    masked = mask_name(name) if name else ""
    if is_group and group_size > 1:
        return msg("{name} 等{count}人", name=masked, count=group_size)
    return masked


def _parties(complaint_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """complaint id → (complainant text, respondent name), 500 complaints a query."""
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(complaint_ids), 500):
        chunk = list(complaint_ids[start : start + 500])
        sql = (
            "SELECT complaint.id, complaint.is_group, complaint.group_size,"
            " complaint.respondent_name,"
            " (SELECT person.name FROM complainant JOIN person ON person.id = complainant.person_id"
            "   WHERE complainant.complaint_id = complaint.id AND complainant.deleted = 0"
            "   ORDER BY complainant.position LIMIT 1)"
            f" FROM complaint WHERE complaint.id IN ({','.join('?' * len(chunk))})"
        )
        for complaint_id, is_group, size, respondent, name in database_proxy.execute_sql(
            sql, chunk
        ).fetchall():
            found[int(complaint_id)] = (
                complainant_text(name, bool(is_group), int(size or 1)),
                str(respondent or ""),
            )
    return found


def group_due_items(
    items: Iterable[DueItem], parties: dict[int, tuple[str, str]] | None = None
) -> list[DueGroup]:
    """``items`` grouped by kind in :data:`DUE_GROUP_ORDER` (kinds with no item left out), within
    a group overdue first, then earliest deadline; ``parties`` gives each complaint's
    (complainant, business) texts, empty when missing."""
    by_kind: dict[str, list[DueReminder]] = {}
    known = parties or {}
    for item in items:
        complainant, business = known.get(item.complaint_id, ("", ""))
        by_kind.setdefault(item.deadline_kind, []).append(DueReminder(item, complainant, business))
    groups = []
    for kind in DUE_GROUP_ORDER:
        reminders = by_kind.get(kind)
        if reminders:
            reminders.sort(key=lambda r: (not r.item.overdue, r.item.deadline, r.item.number))
            groups.append(DueGroup(kind, tuple(reminders)))
    return groups


def due_reminders(
    on: dt.date,
    within_working_days: int = DUE_SOON_WORKING_DAYS,
    **counting: Unpack[Counting],
) -> list[DueGroup]:
    """工作台's 到期提醒: :func:`due_items` grouped by kind (acceptance decisions, mediation limits,
    termination notices, then follow-ups), overdue first within a group, each with its masked
    complainant and its business."""
    items = due_items(on, within_working_days, **counting)
    return group_due_items(items, _parties([item.complaint_id for item in items]))
