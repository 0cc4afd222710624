"""The legal rule sets: chosen by the date received, read from data, correctable by an update."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from station_app.paths import resource_path
from station_app.workflow.rule_sets import (
    LIMIT_KINDS,
    NoRuleSetForDate,
    RuleSetError,
    compute_deadline,
    load_rule_sets,
    rule_set_for,
)
from station_app.workflow.working_days import Deadline, WorkingDayCalendar

D = dt.date


@pytest.fixture(scope="module")
def calendar() -> WorkingDayCalendar:
    return WorkingDayCalendar.from_package()


def shipped_file(name: str) -> dict:
    return json.loads(resource_path("rules", name).read_text(encoding="utf-8"))


def test_shipped_rule_sets_load() -> None:
    rule_sets = load_rule_sets()
    assert [r.code for r in rule_sets] == ["samr_2019", "samr_2026"]
    for rule_set in rule_sets:
        assert rule_set.title and rule_set.notes
        assert {limit.kind for limit in rule_set.limits} == set(LIMIT_KINDS)


def test_switch_on_2026_04_15() -> None:
    assert rule_set_for(D(2026, 4, 14)).code == "samr_2019"
    assert rule_set_for(D(2026, 4, 15)).code == "samr_2026"
    assert rule_set_for(D(2020, 1, 1)).code == "samr_2019"
    assert rule_set_for(D(2026, 4, 15)).effective_from == D(2026, 4, 15)


def test_before_any_rule_set() -> None:
    with pytest.raises(NoRuleSetForDate, match="2020-01-01"):
        rule_set_for(D(2019, 6, 1))


def test_2019_limits() -> None:
    rules = rule_set_for(D(2025, 1, 1))
    accept = rules.limit("accept")
    assert (accept.days, accept.day_kind, accept.start_event) == (7, "working", "received")
    mediation = rules.limit("mediation")
    assert (mediation.days, mediation.day_kind, mediation.start_event) == (
        45,
        "working",
        "accepted",
    )
    assert mediation.pausable
    notice = rules.limit("termination_notice")
    assert (notice.days, notice.day_kind, notice.start_event) == (7, "working", "mediation_ended")
    follow_up = rules.limit("follow_up")
    assert (follow_up.day_kind, follow_up.start_event) == ("calendar", "closed")
    assert follow_up.local_practice


def test_2026_limits_marked_for_verification() -> None:
    rules = rule_set_for(D(2026, 5, 1))
    assert rules.verify
    mediation = rules.limit("mediation")
    assert (mediation.days, mediation.day_kind, mediation.start_event) == (
        60,
        "calendar",
        "accepted",
    )
    assert mediation.verify
    raw = shipped_file("samr_2026.json")
    assert raw["verify"] is True
    assert any("自然日" in note for note in raw["notes"])


def test_grounds() -> None:
    old, new = rule_set_for(D(2025, 1, 1)), rule_set_for(D(2026, 5, 1))
    old_refusals = [g.code for g in old.not_accepted_grounds]
    new_refusals = [g.code for g in new.not_accepted_grounds]
    assert set(new_refusals) - set(old_refusals) == {"materials_false", "identity_misuse"}
    assert set(old_refusals) <= set(new_refusals)
    old_endings = [g.code for g in old.termination_grounds]
    new_endings = [g.code for g in new.termination_grounds]
    assert set(new_endings) - set(old_endings) == {"abusive_claims", "party_ceased"}
    assert set(old_endings) <= set(new_endings)
    first = old.not_accepted_ground("outside_remit")
    assert first.item == "第十五条第（一）项" and first.name_zh and first.name_en
    assert all(g.verify for g in new.not_accepted_grounds + new.termination_grounds)
    with pytest.raises(RuleSetError):
        new.termination_ground("no_such_ground")
    with pytest.raises(RuleSetError):
        new.limit("appeal")


def test_national_day_acceptance_deadline(calendar: WorkingDayCalendar) -> None:
    received = D(2026, 9, 25)
    rules = rule_set_for(received)
    assert compute_deadline(rules, "accept", received, calendar) == Deadline(D(2026, 10, 12))


def test_calendar_day_limits(calendar: WorkingDayCalendar) -> None:
    rules = rule_set_for(D(2026, 9, 25))
    assert compute_deadline(rules, "mediation", D(2026, 9, 25), calendar).date == D(2026, 11, 24)
    assert compute_deadline(rules, "follow_up", D(2026, 9, 25), calendar).date == D(2026, 10, 10)


def test_testing_pauses_mediation_only(calendar: WorkingDayCalendar) -> None:
    rules = rule_set_for(D(2026, 4, 1))  # the 2019 measures: 45 working days
    accepted = D(2026, 5, 11)
    pause = [(D(2026, 5, 18), D(2026, 5, 29))]  # 10 working days of testing
    plain = compute_deadline(rules, "mediation", accepted, calendar)
    paused = compute_deadline(rules, "mediation", accepted, calendar, pause)
    assert plain.date == D(2026, 7, 14)
    assert paused.date == D(2026, 7, 28)
    assert calendar.working_days_between(plain.date, paused.date) == 10  # type: ignore[arg-type]
    # The acceptance limit is not stopped by testing.
    assert compute_deadline(rules, "accept", accepted, calendar, pause) == compute_deadline(
        rules, "accept", accepted, calendar
    )


def write_rule_file(folder: Path, name: str, **changes: object) -> None:
    data = shipped_file("samr_2026.json")
    data.update(changes)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_update_with_higher_version_replaces(tmp_path: Path, calendar: WorkingDayCalendar) -> None:
    data = shipped_file("samr_2026.json")
    for limit in data["limits"]:
        if limit["kind"] == "mediation":
            limit["day_kind"] = "working"
    data["version"] = 2
    (tmp_path / "fix.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rule_sets = load_rule_sets(extra_dirs=[tmp_path])
    rules = rule_set_for(D(2026, 9, 25), rule_sets)
    assert rules.version == 2
    assert rules.limit("mediation").day_kind == "working"
    deadline = compute_deadline(rules, "mediation", D(2026, 9, 25), calendar)
    assert deadline.date == calendar.add_working_days(D(2026, 9, 25), 60).date
    # The shipped sets are untouched for everyone else.
    assert rule_set_for(D(2026, 9, 25)).limit("mediation").day_kind == "calendar"


def test_update_with_same_version_is_ignored(tmp_path: Path) -> None:
    write_rule_file(tmp_path, "same.json", title="改过的标题")
    rules = rule_set_for(D(2026, 9, 25), load_rule_sets(extra_dirs=[tmp_path]))
    assert rules.title != "改过的标题"


def test_new_rule_set_from_update(tmp_path: Path) -> None:
    write_rule_file(tmp_path, "future.json", code="future_2030", effective_from="2030-01-01")
    rule_sets = load_rule_sets(extra_dirs=[tmp_path])
    assert rule_set_for(D(2029, 12, 31), rule_sets).code == "samr_2026"
    assert rule_set_for(D(2030, 1, 1), rule_sets).code == "future_2030"


@pytest.mark.parametrize(
    "changes",
    [
        {"format": 99},
        {"limits": [{"kind": "accept", "days": 7, "day_kind": "weekly", "from": "received"}]},
        {"limits": []},
        {"effective_from": "15/04/2026"},
    ],
)
def test_broken_rule_file(tmp_path: Path, changes: dict) -> None:
    write_rule_file(tmp_path, "broken.json", version=9, **changes)
    with pytest.raises(RuleSetError, match="broken.json"):
        load_rule_sets(extra_dirs=[tmp_path])


def test_unreadable_rule_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleSetError, match="bad.json"):
        load_rule_sets(extra_dirs=[tmp_path])
