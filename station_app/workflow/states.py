"""The complaint state machine of DOMAIN.md: which action may be taken in which state.

::

    registered ─┬─ accept ──────────→ accepted ─ start_mediation → in_mediation ─ record_agreement
                ├─ refuse ──────────→ not_accepted                     │           → agreement_pending
                └─ refer ───────────→ referred ─ start_mediation ──────┘
    accepted | in_mediation | agreement_pending | referred ─ close → closed ─ follow_up → followed_up
    accepted | in_mediation ─ end_mediation → mediation_ended          closed | followed_up ─ reopen
    any open state ─ withdraw → withdrawn                                          → in_mediation

Other actions record something without moving the complaint (a mediation step, a pause, the
termination notice …); they too are allowed only in some states. A refused action raises
:class:`TransitionRefused` with one plain sentence saying why and, where there is one, what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app import codes
from station_app.errors import StationError

REGISTERED = "registered"
ACCEPTED = "accepted"
NOT_ACCEPTED = "not_accepted"
REFERRED = "referred"
IN_MEDIATION = "in_mediation"
AGREEMENT_PENDING = "agreement_pending"
CLOSED = "closed"
FOLLOWED_UP = "followed_up"
WITHDRAWN = "withdrawn"
MEDIATION_ENDED = "mediation_ended"

STATUSES: tuple[str, ...] = (
    REGISTERED,
    ACCEPTED,
    NOT_ACCEPTED,
    REFERRED,
    IN_MEDIATION,
    AGREEMENT_PENDING,
    CLOSED,
    FOLLOWED_UP,
    WITHDRAWN,
    MEDIATION_ENDED,
)
# the station has finished with these; nothing more is due except a closed case's follow-up
FINISHED: frozenset[str] = frozenset(
    {NOT_ACCEPTED, CLOSED, FOLLOWED_UP, WITHDRAWN, MEDIATION_ENDED}
)
# the mediation clock runs (and may be paused for testing or appraisal) in these
MEDIATION_CLOCK_RUNS: frozenset[str] = frozenset({ACCEPTED, IN_MEDIATION})
_OPEN = frozenset({REGISTERED, ACCEPTED, REFERRED, IN_MEDIATION, AGREEMENT_PENDING})


class WorkflowRefused(StationError):
    """A workflow action that cannot be taken now (the message says why); nothing was changed."""


class TransitionRefused(WorkflowRefused):
    """An action the complaint's state does not allow; the message says why."""

    def __init__(self, message: str, action: str, status: str) -> None:
        super().__init__(message)
        self.action = action
        self.status = status


@dataclass(frozen=True)
class Action:
    code: str
    name: str  # as on a button: 受理, 转办 …
    verb: str  # as in "不能{verb}": 受理, 进入调解 …
    sources: frozenset[str]
    target: str | None  # None: the complaint stays in its state


def _action(code: str, name: str, verb: str, sources: set[str], target: str | None) -> Action:
    return Action(code, name, verb, frozenset(sources), target)


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in (
        _action("accept", "受理", "受理", {REGISTERED}, ACCEPTED),
        _action("refuse", "不予受理", "作出不予受理决定", {REGISTERED}, NOT_ACCEPTED),
        _action(
            "refer",
            "转办",
            "转办",
            {REGISTERED, ACCEPTED, REFERRED, IN_MEDIATION, MEDIATION_ENDED},
            REFERRED,
        ),
        _action(
            "start_mediation",
            "开始调解",
            "进入调解",
            {ACCEPTED, REFERRED, AGREEMENT_PENDING},
            IN_MEDIATION,
        ),
        _action("record_agreement", "达成协议", "达成调解协议", {IN_MEDIATION}, AGREEMENT_PENDING),
        _action(
            "close", "办结", "办结", {ACCEPTED, IN_MEDIATION, AGREEMENT_PENDING, REFERRED}, CLOSED
        ),
        _action("end_mediation", "终止调解", "终止调解", {ACCEPTED, IN_MEDIATION}, MEDIATION_ENDED),
        _action("withdraw", "撤回", "撤回", set(_OPEN), WITHDRAWN),
        _action("follow_up", "回访", "回访", {CLOSED, FOLLOWED_UP}, FOLLOWED_UP),
        _action("reopen", "重新打开", "重新打开", {CLOSED, FOLLOWED_UP}, IN_MEDIATION),
        # recorded without a change of state
        _action("record_mediation_step", "调解记录", "记录调解", {ACCEPTED, IN_MEDIATION}, None),
        _action("start_pause", "检测鉴定", "开始检测鉴定", {ACCEPTED, IN_MEDIATION}, None),
        _action("end_pause", "检测鉴定结束", "结束检测鉴定", {ACCEPTED, IN_MEDIATION}, None),
        _action(
            "record_carried_out",
            "协议履行",
            "登记协议履行情况",
            {AGREEMENT_PENDING, CLOSED, FOLLOWED_UP},
            None,
        ),
        _action(
            "record_termination_notice",
            "终止告知",
            "登记终止调解告知",
            {MEDIATION_ENDED, REFERRED},
            None,
        ),
    )
}
TRANSITIONS: tuple[str, ...] = tuple(code for code, a in ACTIONS.items() if a.target is not None)


def status_name(status: str) -> str:
    statuses = codes.code_list("complaint_status")
    return statuses.name(status) if statuses.contains(status) else status


def allowed_actions(status: str) -> list[str]:
    """The actions a complaint in ``status`` offers, in the order of the workflow."""
    return [code for code, action in ACTIONS.items() if status in action.sources]


def target_of(action: str) -> str | None:
    return _known(action).target


def check(action: str, status: str) -> Action:
    """The action, if ``status`` allows it; else :class:`TransitionRefused` saying why."""
    known = _known(action)
    if status in known.sources:
        return known
    raise TransitionRefused(refusal_reason(known, status), action, status)


def _known(action: str) -> Action:
    try:
        return ACTIONS[action]
    except KeyError:
        raise ValueError(f"unknown workflow action: {action!r}") from None


def refusal_reason(action: Action, status: str) -> str:
    """Why ``action`` cannot be taken on a complaint in ``status``, in one plain sentence."""
    here = status_name(status)
    verb = action.verb
    if action.target == status and action.code not in ("follow_up", "reopen"):
        return f"这条投诉已经是“{here}”，不必再{verb}。"
    if status in (CLOSED, FOLLOWED_UP):
        return f"{here}的投诉不能直接{verb}，请先重新打开。"
    if action.code in ("accept", "refuse"):
        return f"这条投诉已经作出过处理决定（当前为“{here}”），不能再{verb}。"
    if action.code == "reopen":
        return f"只有已办结的投诉才能重新打开，这条投诉当前为“{here}”。"
    if action.code == "follow_up":
        return f"只有已办结的投诉才能回访，这条投诉当前为“{here}”。"
    if status == REGISTERED:
        return f"尚未受理的投诉不能{verb}，请先作出受理决定。"
    if status in (NOT_ACCEPTED, WITHDRAWN):
        return f"{here}的投诉已经结束办理，不能{verb}。"
    if status == MEDIATION_ENDED:
        return f"已终止调解的投诉不能{verb}；需要继续处理的，可以转办（如支持诉讼、诉调对接）。"
    if action.code == "record_agreement":
        return f"请先开始调解，再{verb}；这条投诉当前为“{here}”。"
    if action.code in ("start_pause", "end_pause", "record_mediation_step"):
        return f"只有受理后、调解中的投诉才能{verb}，这条投诉当前为“{here}”。"
    if action.code == "record_carried_out":
        return f"这条投诉还没有调解协议，不能{verb}。"
    if action.code == "record_termination_notice":
        return f"这条投诉没有终止调解，不需要{verb}。"
    return f"投诉当前为“{here}”，不能{verb}。"
