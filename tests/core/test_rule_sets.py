"""The legal rule sets: chosen by the date received, read from data, correctable by an update."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from station_app.paths import resource_path
from station_app.workflow.rule_sets import (
    CITATION_PURPOSES,
    LIMIT_KINDS,
    Citation,
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


def test_2026_limits_and_what_awaits_verification() -> None:
    rules = rule_set_for(D(2026, 5, 1))
    mediation = rules.limit("mediation")
    assert (mediation.days, mediation.day_kind, mediation.start_event) == (
        60,
        "calendar",
        "accepted",
    )
    assert mediation.basis == "第二十三条第一款第（五）项" and not mediation.verify
    # the measures do not name the article of the acceptance decision in what was checked
    assert rules.limit("accept").verify and rules.citation("accept_decision").verify
    raw = shipped_file("samr_2026.json")
    assert any("自然日" in note for note in raw["notes"])
    assert any("民法典第二百零三条" in note for note in raw["notes"])
    assert not any("不顺延" in note for note in raw["notes"])


def test_titles_and_orders() -> None:
    old, new = rule_set_for(D(2025, 1, 1)), rule_set_for(D(2026, 5, 1))
    assert new.measure_name == "市场监督管理投诉举报处理办法"
    assert "暂行" not in new.title and new.title.startswith(new.measure_name)
    assert new.order.startswith("国家市场监督管理总局令第121号")
    assert "2026年4月15日" in new.order
    assert old.measure_name == "市场监督管理投诉举报处理暂行办法"
    assert old.order.startswith("国家市场监督管理总局令第20号")
    assert "第55号" in old.order and "第61号" in old.order


def test_citations() -> None:
    old, new = rule_set_for(D(2025, 1, 1)), rule_set_for(D(2026, 5, 1))
    assert new.citation("not_accepted") == Citation("第十六条", verify=False)
    assert new.citation("termination") == Citation("第二十三条第一款", verify=False)
    assert new.citation("mediation_notice") == Citation("第十八条第二款", verify=False)
    assert new.citation("entrusted") == Citation("第十七条", verify=False)
    assert new.citation("representatives") == Citation("第十一条", verify=False)
    assert new.citation("termination_notice").verify
    assert new.citation("pause") == Citation("", verify=True)  # not known: nothing invented
    assert old.citation("accept_decision") == Citation("第十四条", verify=False)
    assert old.citation("not_accepted") == Citation("第十五条", verify=False)
    assert old.citation("termination") == Citation("第二十一条第一款", verify=False)
    assert old.citation("termination_notice") == Citation("第二十一条第二款", verify=False)
    assert old.citation("pause") == Citation("第二十条第三款", verify=False)
    for rules in (old, new):
        for purpose in CITATION_PURPOSES:
            assert isinstance(rules.citation(purpose), Citation)
    with pytest.raises(RuleSetError):
        new.citation("appeal")


def test_citations_missing_from_an_update_await_verification(tmp_path: Path) -> None:
    data = shipped_file("samr_2026.json")
    del data["citations"], data["measure_name"], data["order"]
    data["version"] = 9
    (tmp_path / "old_style.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    rules = rule_set_for(D(2026, 5, 1), load_rule_sets(extra_dirs=[tmp_path]))
    assert rules.citation("termination") == Citation("", verify=True)
    assert rules.measure_name == "市场监督管理投诉举报处理办法"
    assert rules.order == "国家市场监督管理总局令第121号"


def test_grounds() -> None:
    old, new = rule_set_for(D(2025, 1, 1)), rule_set_for(D(2026, 5, 1))
    assert [g.item for g in old.not_accepted_grounds] == [
        f"第十五条第（{n}）项" for n in "一二三四五六"
    ]
    assert [g.item for g in new.not_accepted_grounds] == [
        f"第十六条第（{n}）项" for n in "一二三四五六七"
    ]
    assert [g.item for g in old.termination_grounds] == [
        f"第二十一条第一款第（{n}）项" for n in "一二三四五六七"
    ]
    assert [g.item for g in new.termination_grounds] == [
        f"第二十三条第一款第（{n}）项" for n in "一二三四五六七八"
    ]
    new_refusals = {g.code: g for g in new.not_accepted_grounds}
    assert "其他调解组织" not in new_refusals["already_handled"].name_zh
    assert "消费者协会" in new_refusals["already_handled"].name_zh
    assert new_refusals["materials_missing"].name_zh == "未提供规定材料，或者提供虚假材料的"
    assert new_refusals["identity_misuse"].name_zh == "冒用他人名义，或者拒不配合核验身份的"
    assert new_refusals["other_by_law"].item == "第十六条第（七）项"
    # the code an earlier file used for false materials still finds the ground
    assert new.not_accepted_ground("materials_false") is new_refusals["materials_missing"]
    new_endings = {g.code: g for g in new.termination_grounds}
    assert "abusive_claims" not in new_endings
    assert new_endings["withdrawn_or_settled"].item == "第二十三条第一款第（一）项"
    assert new_endings["party_ceased"].item == "第二十三条第一款第（七）项"
    assert "第四十二条" in new_endings["not_acceptable_found"].name_zh
    first = old.not_accepted_ground("outside_remit")
    assert first.item == "第十五条第（一）项" and first.name_zh and first.name_en
    assert not any(g.verify for g in old.not_accepted_grounds + old.termination_grounds)
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
    shipped_version = data["version"]
    data["version"] = shipped_version + 1
    (tmp_path / "fix.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rule_sets = load_rule_sets(extra_dirs=[tmp_path])
    rules = rule_set_for(D(2026, 9, 25), rule_sets)
    assert rules.version == shipped_version + 1
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
