"""The complaint state machine of DOMAIN.md: which action may be taken in which state.

::

    registered ─┬─ accept ──────────→ accepted ─ start_mediation → in_mediation ─ record_agreement
                ├─ refuse ──────────→ not_accepted                     │           → agreement_pending
                └─ refer ───────────→ referred ─ start_mediation ──────┘
    accepted | in_mediation | agreement_pending | referred ─ close → closed ─ follow_up → followed_up
    accepted | in_mediation ─ end_mediation → mediation_ended          closed | followed_up ─ reopen
    any open state ─ withdraw → withdrawn                                          → in_mediation

Other actions record something without moving the complaint (a mediation step, a pause, the
termination notice …); they too are allowed only in some states.

Withdrawing while mediation runs (accepted, in_mediation), and closing it as settled by the
parties themselves (自行和解), end mediation on the termination ground 撤回投诉或者自行和解: the
complaint is withdrawn or closed, and the termination notice is due as after 终止调解. A refused action raises
:class:`TransitionRefused` with one plain sentence saying why and, where there is one, what to do,
in the window's language (the ``station`` command: Chinese).

Where it stands: at the bottom of ``station_app.workflow``, next to the working-day calendar
(``working_days``). It imports only the code lists, errors and messages, never the registry, the
store or another workflow module, so the registry (counts, duplicates, station kinds), the reports
and sync may import the states, the finished states (``FINISHED``) and ``WorkflowRefused`` while
the workflow's actions build on the registry: the arrows run registry → states, workflow → registry,
never back (``tests/core/test_layers.py`` holds it).
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app import codes
from station_app.errors import StationError
from station_app.messages import N_, msg, translate

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
# mediation has ended in these (by 终止调解, or by withdrawal or settlement while it ran): the
# termination notice may be recorded, and is due when it has not been
TERMINATION_NOTICE_STATES: frozenset[str] = frozenset(
    {MEDIATION_ENDED, REFERRED, WITHDRAWN, CLOSED, FOLLOWED_UP}
)
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
    verb: str  # as in "不能{verb}": 受理, 进入调解 … (marked N_(…, "action verb"))
    sources: frozenset[str]
    target: str | None  # None: the complaint stays in its state


def _action(code: str, name: str, verb: str, sources: set[str], target: str | None) -> Action:
    return Action(code, name, verb, frozenset(sources), target)


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in (
        _action("accept", "受理", N_("受理", "action verb"), {REGISTERED}, ACCEPTED),
        _action(
            "refuse", "不予受理", N_("作出不予受理决定", "action verb"), {REGISTERED}, NOT_ACCEPTED
        ),
        _action(
            "refer",
            "转办",
            N_("转办", "action verb"),
            {REGISTERED, ACCEPTED, REFERRED, IN_MEDIATION, MEDIATION_ENDED},
            REFERRED,
        ),
        _action(
            "start_mediation",
            "开始调解",
            N_("进入调解", "action verb"),
            {ACCEPTED, REFERRED, AGREEMENT_PENDING},
            IN_MEDIATION,
        ),
        _action(
            "record_agreement",
            "达成协议",
            N_("达成调解协议", "action verb"),
            {IN_MEDIATION},
            AGREEMENT_PENDING,
        ),
        _action(
            "close",
            "办结",
            N_("办结", "action verb"),
            {ACCEPTED, IN_MEDIATION, AGREEMENT_PENDING, REFERRED},
            CLOSED,
        ),
        _action(
            "end_mediation",
            "终止调解",
            N_("终止调解", "action verb"),
            {ACCEPTED, IN_MEDIATION},
            MEDIATION_ENDED,
        ),
        _action("withdraw", "撤回", N_("撤回", "action verb"), set(_OPEN), WITHDRAWN),
        _action("follow_up", "回访", N_("回访", "action verb"), {CLOSED, FOLLOWED_UP}, FOLLOWED_UP),
        _action(
            "reopen", "重新打开", N_("重新打开", "action verb"), {CLOSED, FOLLOWED_UP}, IN_MEDIATION
        ),
        # recorded without a change of state
        _action(
            "record_mediation_step",
            "调解记录",
            N_("记录调解", "action verb"),
            {ACCEPTED, IN_MEDIATION},
            None,
        ),
        _action(
            "start_pause",
            "检测鉴定",
            N_("开始检测鉴定", "action verb"),
            {ACCEPTED, IN_MEDIATION},
            None,
        ),
        _action(
            "end_pause",
            "检测鉴定结束",
            N_("结束检测鉴定", "action verb"),
            {ACCEPTED, IN_MEDIATION},
            None,
        ),
        _action(
            "record_carried_out",
            "协议履行",
            N_("登记协议履行情况", "action verb"),
            {AGREEMENT_PENDING, CLOSED, FOLLOWED_UP},
            None,
        ),
        _action(
            "record_termination_notice",
            "终止告知",
            N_("登记终止调解告知", "action verb"),
            set(TERMINATION_NOTICE_STATES),
            None,
        ),
    )
}
TRANSITIONS: tuple[str, ...] = tuple(code for code, a in ACTIONS.items() if a.target is not None)


def status_name(status: str) -> str:
    """The status's Chinese name (printed documents, the ``station`` command)."""
    statuses = codes.code_list("complaint_status")
    return statuses.name(status) if statuses.contains(status) else status


def status_label(status: str) -> str:
    """The status's name as the window shows it: Chinese, or English in an English window."""
    statuses = codes.code_list("complaint_status")
    return statuses.label(status) if statuses.contains(status) else status


def action_verb(action: Action) -> str:
    """``action.verb`` in the window's language, as in "cannot {verb}"."""
    return translate(action.verb, "action verb")


def allowed_actions(status: str, *, mediation_ended: bool | None = None) -> list[str]:
    """The actions a complaint in ``status`` offers, in the order of the workflow.

    ``mediation_ended``: whether its mediation has ended (it has a date of ending mediation). The
    termination notice is offered after 终止调解 (and a referral after it); when this is told, also
    after mediation ended by withdrawal or settlement (withdrawn, closed, followed up).
    """
    # unless told, a referral is taken to follow 终止调解 (the notice offered, as it always was)
    notice_offered = status == MEDIATION_ENDED or (
        bool(mediation_ended) if mediation_ended is not None else status == REFERRED
    )
    return [
        code
        for code, action in ACTIONS.items()
        if status in action.sources and (code != "record_termination_notice" or notice_offered)
    ]


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


# why an action that only follows closing is refused (templates: {status})
_AFTER_CLOSING = {
    "reopen": N_("只有已办结的投诉才能重新打开，这条投诉当前为“{status}”。"),
    "follow_up": N_("只有已办结的投诉才能回访，这条投诉当前为“{status}”。"),
}
# why an action that follows a step of mediation is refused, once the state says nothing more
# (templates: {status}, {verb})
_IN_MEDIATION = N_("只有受理后、调解中的投诉才能{verb}，这条投诉当前为“{status}”。")
_AFTER_A_STEP = {
    "record_agreement": N_("请先开始调解，再{verb}；这条投诉当前为“{status}”。"),
    "start_pause": _IN_MEDIATION,
    "end_pause": _IN_MEDIATION,
    "record_mediation_step": _IN_MEDIATION,
    "record_carried_out": N_("这条投诉还没有调解协议，不能{verb}。"),
    "record_termination_notice": N_("这条投诉没有终止调解，不需要{verb}。"),
}


def refusal_reason(action: Action, status: str) -> str:
    """Why ``action`` cannot be taken on a complaint in ``status``, in one plain sentence."""
    here = status_label(status)
    verb = action_verb(action)
    if action.target == status and action.code not in ("follow_up", "reopen"):
        return msg("这条投诉已经是“{status}”，不必再{verb}。", status=here, verb=verb)
    if status in (CLOSED, FOLLOWED_UP):
        return msg("{status}的投诉不能直接{verb}，请先重新打开。", status=here, verb=verb)
    if action.code in ("accept", "refuse"):
        return msg(
            "这条投诉已经作出过处理决定（当前为“{status}”），不能再{verb}。", status=here, verb=verb
        )
    if action.code in _AFTER_CLOSING:
        return translate(_AFTER_CLOSING[action.code]).format(status=here)
    if status == REGISTERED:
        return msg("尚未受理的投诉不能{verb}，请先作出受理决定。", verb=verb)
    if status in (NOT_ACCEPTED, WITHDRAWN):
        return msg("{status}的投诉已经结束办理，不能{verb}。", status=here, verb=verb)
    if status == MEDIATION_ENDED:
        return msg(
            "已终止调解的投诉不能{verb}；需要继续处理的，可以转办（如支持诉讼、诉调对接）。",
            verb=verb,
        )
    if action.code in _AFTER_A_STEP:
        return translate(_AFTER_A_STEP[action.code]).format(status=here, verb=verb)
    return msg("投诉当前为“{status}”，不能{verb}。", status=here, verb=verb)
