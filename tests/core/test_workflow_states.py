"""The complaint state machine: only the moves of DOMAIN.md, and a plain reason for every refusal."""

from __future__ import annotations

import itertools

import pytest

from station_app import codes
from station_app.workflow import states
from station_app.workflow.states import TransitionRefused, allowed_actions, check

# DOMAIN.md, "Workflow and legal time limits", as (from, to) pairs
DOMAIN_MOVES = {
    ("registered", "accepted"),
    ("registered", "not_accepted"),
    ("registered", "referred"),
    ("accepted", "in_mediation"),
    ("referred", "in_mediation"),
    ("in_mediation", "agreement_pending"),
    ("agreement_pending", "closed"),
    ("closed", "followed_up"),
    ("in_mediation", "mediation_ended"),
    ("in_mediation", "withdrawn"),
    ("closed", "in_mediation"),  # reopened
}


def moves() -> set[tuple[str, str]]:
    return {
        (source, action.target)
        for action in states.ACTIONS.values()
        if action.target is not None
        for source in action.sources
    }


def test_statuses_are_the_code_list() -> None:
    assert set(states.STATUSES) == {e.code for e in codes.code_list("complaint_status")}


def test_every_move_of_the_domain_is_allowed() -> None:
    assert moves() >= DOMAIN_MOVES


def test_nothing_leaves_a_finished_state_except_by_reopening_or_follow_up() -> None:
    for source, target in moves():
        if source in ("not_accepted", "withdrawn"):
            pytest.fail(f"{source} is final, yet {target} is reachable")
        if source in ("closed", "followed_up"):
            assert target in ("followed_up", "in_mediation")
        if source == "mediation_ended":
            assert target == "referred"  # e.g. 支持诉讼, 诉调对接 after a failed mediation


def test_a_new_complaint_offers_the_acceptance_decision() -> None:
    assert allowed_actions("registered") == ["accept", "refuse", "refer", "withdraw"]
    assert "close" not in allowed_actions("registered")
    assert allowed_actions("not_accepted") == []
    assert allowed_actions("withdrawn") == []
    # after mediation ended by withdrawal, the termination notice is to be recorded
    assert allowed_actions("withdrawn", mediation_ended=True) == ["record_termination_notice"]
    assert set(allowed_actions("closed")) == {"follow_up", "reopen", "record_carried_out"}


def test_refusal_of_mediation_on_a_closed_complaint() -> None:
    with pytest.raises(TransitionRefused) as refused:
        check("start_mediation", "closed")
    assert str(refused.value) == "已办结的投诉不能直接进入调解，请先重新打开。"
    assert refused.value.action == "start_mediation" and refused.value.status == "closed"


@pytest.mark.parametrize(
    ("action", "status", "expected"),
    [
        ("close", "registered", "尚未受理的投诉不能办结，请先作出受理决定。"),
        ("accept", "in_mediation", "这条投诉已经作出过处理决定（当前为“调解中”），不能再受理。"),
        ("reopen", "in_mediation", "只有已办结的投诉才能重新打开，这条投诉当前为“调解中”。"),
        ("follow_up", "in_mediation", "只有已办结的投诉才能回访，这条投诉当前为“调解中”。"),
        ("start_mediation", "in_mediation", "这条投诉已经是“调解中”，不必再进入调解。"),
        ("record_agreement", "accepted", "请先开始调解，再达成调解协议；这条投诉当前为“已受理”。"),
        ("close", "withdrawn", "撤回的投诉已经结束办理，不能办结。"),
    ],
)
def test_refusal_reasons(action: str, status: str, expected: str) -> None:
    with pytest.raises(TransitionRefused, match=expected):
        check(action, status)


def test_every_refusal_is_one_chinese_sentence() -> None:
    for action, status in itertools.product(states.ACTIONS, states.STATUSES):
        if status in states.ACTIONS[action].sources:
            assert check(action, status).code == action
            continue
        with pytest.raises(TransitionRefused) as refused:
            check(action, status)
        message = str(refused.value)
        assert message.endswith("。") and "{" not in message and message.count("。") == 1
        assert any("\u4e00" <= c <= "\u9fff" for c in message)


def test_unknown_action_is_a_bug_not_a_refusal() -> None:
    with pytest.raises(ValueError):
        check("teleport", "registered")
