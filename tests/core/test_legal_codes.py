"""Code-list changes of issue #12: the 消法第五十五条第二款 demand, the renamed service category."""

from __future__ import annotations

import json

import pytest

from station_app import codes
from station_app.paths import resource_path


@pytest.fixture(autouse=True)
def fresh_code_lists():
    codes.reload_code_lists()
    yield
    codes.reload_code_lists()


def test_the_double_punitive_demand_is_a_new_code() -> None:
    demands = codes.code_list("demand")
    assert demands.name("double_punitive") == "二倍以下惩罚性赔偿"
    assert demands.code_for("二倍以下惩罚性赔偿") == "double_punitive"
    assert "double_punitive" in {e.code for e in demands.active_entries()}
    # a new code, not a renamed old one: the other punitive demands keep their codes and names
    assert demands.name("triple_compensation") == "三倍赔偿"
    assert demands.name("tenfold_compensation") == "十倍赔偿"
    raw = json.loads(resource_path("codes", "demand.json").read_text(encoding="utf-8"))
    listed = [entry["code"] for entry in raw["codes"]]
    assert len(listed) == len(set(listed))


def test_a_complaint_may_ask_for_it(ctx, make_complaint_draft) -> None:
    from station_app.registry.complaints import draft_of, register_complaint

    complaint = register_complaint(
        ctx, make_complaint_draft(demands=["compensation", "double_punitive"])
    )
    assert draft_of(complaint).demands == ["compensation", "double_punitive"]


@pytest.mark.parametrize("typed", ["生活及社会服务类", "生活、社会服务类", "生活，社会服务类"])
def test_both_names_of_the_service_category_find_it(typed: str) -> None:
    assert codes.category_list().code_for(typed) == "S01"
    assert codes.code_list("service_category").code_for(typed) == "S01"


def test_the_current_name_is_shown() -> None:
    assert codes.category_list().name("S01") == "生活及社会服务类"
    assert codes.category_list().label("S01") == "生活及社会服务类"
    assert "生活、社会服务类" in codes.category_list().entry("S01").former_names


def test_a_roster_with_the_old_name_changes_nothing() -> None:
    extended = codes.extend("service_category", [{"code": "S01", "name": "生活、社会服务类"}])
    assert extended.name("S01") == "生活及社会服务类"
    assert codes.category_list().name("S01") == "生活及社会服务类"
