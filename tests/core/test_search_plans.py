"""Searching 1-2 characters finds the same complaints however the engine answers it.

On PostgreSQL a short word is matched through the grams index or, when it is common, by a
substring test while the list is walked in its own order (``text_match._postgres_word``). Both
forms must give exactly the rows SQLite gives; each test runs on SQLite and, with each form
forced, on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import pytest

from station_app.registry import text_match
from station_app.registry.complaints import delete_complaint, register_complaint
from station_app.registry.listing import COMPLAINT_INDEX, ComplaintFilter, list_complaints
from station_app.registry.search import search_complaints
from station_app.store.models import database_proxy

FACTS = [
    "购买的复合肥结块严重，店主拒绝退货。",
    "电动三轮车买回两个月电池鼓包。\n车行只肯修不肯换。",
    "手机充电器25KG包装破损，鼓包。",
    "老年机　待机时间短，商家不退。",  # an ideographic space inside
    "复合肥每袋少了2kg，店主不认。",
    "种子发芽率不到三成，手机拍了照。",
]


@pytest.fixture(params=["walk", "index"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Force PostgreSQL's form of a 1-2 character word (no effect on SQLite)."""
    if request.param == "walk":
        monkeypatch.setattr(text_match, "POSTGRES_PROBE_HITS", 0)
    else:
        monkeypatch.setattr(text_match, "POSTGRES_PROBE_HITS", 10**9)
        monkeypatch.setattr(text_match, "POSTGRES_INDEX_HIT_LIMIT", 10**9)
    return str(request.param)


@pytest.mark.both_engines
def test_short_words_match_the_same_complaints_in_list_order(
    ctx, make_complaint_draft, plan: str, engine: str
) -> None:
    ids = []
    for n, facts in enumerate(FACTS):
        received = dt.datetime(2026, 11, 1 + n, 9, 30)
        draft = make_complaint_draft(facts=facts, received_at=received)
        ids.append(register_complaint(ctx, draft).id)
    delete_complaint(ctx, ids[4], "重复登记")  # deleted: never found
    newest_first = list(reversed(ids))

    def found(text: str) -> list[int]:
        return [r.id for r in search_complaints(text)]

    def expected(*positions: int) -> list[int]:
        return [i for i in newest_first if ids.index(i) in positions]

    assert found("鼓包") == expected(1, 2)
    assert found("机") == expected(2, 3, 5)
    assert found("手机") == expected(2, 5)
    assert found("kg") == expected(2)  # case folded; the deleted complaint's "2kg" left out
    assert found("Kg 鼓包") == expected(2)
    assert found("待机") == expected(3)  # next to an ideographic space
    assert found("短，") == expected(3)  # punctuation is a character like any other
    assert found("包。") == expected(1, 2)
    assert found("鼋") == []
    assert found("鼋鼍") == []
    assert found("%") == [] and found("_") == []
    # keyset pages walk the same order
    first = list_complaints(ComplaintFilter(text="复合肥 店"), limit=1)  # every subject
    assert [r.id for r in first.rows] == expected(5)
    page = list_complaints(ComplaintFilter(text="机"), limit=2)
    assert [r.id for r in page.rows] == expected(2, 3, 5)[:2]
    rest = list_complaints(ComplaintFilter(text="机"), limit=2, after=page.cursor)
    assert [r.id for r in rest.rows] == expected(2, 3, 5)[2:]
    if engine == "postgresql":  # the form forced is the form used
        sql = text_match.text_condition(
            "机", like_expression="", index=COMPLAINT_INDEX, execute=database_proxy.execute_sql
        ).sql
        assert ("strpos" in sql) == (plan == "walk")
