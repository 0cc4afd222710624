"""Every way a text fragment can be matched (hit list, walk with the hit list, LIKE) finds the
same complaints in the same order, for one-, two- and three-character fragments."""

from __future__ import annotations

import pytest

from station_app.demo import generate_demo
from station_app.registry import text_match
from station_app.registry.context import Context
from station_app.registry.listing import ComplaintFilter, list_complaints
from station_app.store.models import database_proxy


def _all_ids(text: str) -> list[int]:
    ids, after = [], None
    while True:
        page = list_complaints(ComplaintFilter(text=text), after=after, limit=50)
        ids += [row.id for row in page.rows]
        if page.cursor is None:
            return ids
        after = page.cursor


def test_short_and_long_fragments_match_alike_on_every_path(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_demo(ctx, complaints=400, visits=0, seed=3)
    # fragments from the complaints' own text: common, middling and rare ones, 1 to 3 characters
    texts = [r[0] for r in database_proxy.execute_sql("SELECT search_text FROM complaint")]
    counts: dict[str, int] = {}
    for text in texts:
        for size in (1, 2, 3):
            for start in range(0, len(text) - size, 7):
                fragment = text[start : start + size]
                if all(ord(c) > 0x2E80 for c in fragment):  # Chinese only
                    counts[fragment] = counts.get(fragment, 0) + 1
    ranked = sorted(counts, key=lambda f: (-counts[f], f))
    by_size = [[f for f in ranked if len(f) == size] for size in (1, 2, 3)]
    fragments = [f for same in by_size for f in same[:2] + same[len(same) // 4 :: len(same) // 4]]
    fragments += ["无此内容", "鼋", "2026"]
    expected = {
        f: [i for (i,) in database_proxy.execute_sql(
            "SELECT id FROM complaint WHERE deleted = 0 AND instr(search_text, ?) > 0"
            " ORDER BY received_at DESC, id DESC", (f,))]
        for f in fragments
    }  # fmt: skip
    assert any(len(ids) > 40 for ids in expected.values())
    for hit_limit in (0, 10**9):
        for short_limit in (0, 20, 10**9):
            monkeypatch.setattr(text_match, "HIT_LIMIT", hit_limit)
            monkeypatch.setattr(text_match, "SHORT_WORD_HIT_LIMIT", short_limit)
            for fragment in fragments:
                assert _all_ids(fragment) == expected[fragment], (fragment, hit_limit, short_limit)
