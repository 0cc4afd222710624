"""A complaint's natures (投诉性质): one primary nature that statistics count, others secondary.

中消协 counts one nature per complaint: a complaint that mixes several natures is counted under
其他 (``other``) unless the officer names the main one. The other natures the officer marked are
kept and shown as secondary natures, never counted. ``complaint.natures`` lists every nature, the
primary first; ``complaint.primary_nature`` is the one counted. Rows written before migration 7 (or
by an older program, through a bundle) may lack ``primary_nature``: the rule of :func:`primary_of`
gives it, in Python and in SQL (:data:`PRIMARY_NATURE_SQL`) alike.
"""

from __future__ import annotations

from collections.abc import Iterable

MIXED = "other"


def split_natures(text: str | None) -> list[str]:
    return [n for n in dict.fromkeys((text or "").split(",")) if n]


def primary_of(natures: Iterable[str], primary: str | None = None) -> str | None:
    """The primary nature: ``primary`` when given; else the only nature, or 其他 for several."""
    if primary:
        return primary
    marked = [n for n in dict.fromkeys(natures) if n]
    if not marked:
        return None
    return marked[0] if len(marked) == 1 else MIXED


def ordered_natures(natures: Iterable[str], primary: str) -> list[str]:
    """Every nature, the primary first, each once."""
    return list(dict.fromkeys([primary, *(n for n in natures if n)]))


def secondary_of(natures: Iterable[str], primary: str | None) -> list[str]:
    return [n for n in dict.fromkeys(natures) if n and n != primary]


def primary_sql(alias: str = "c") -> str:
    """The SQL expression of a complaint row's primary nature (the rule of :func:`primary_of`)."""
    return (
        f"COALESCE(NULLIF({alias}.primary_nature, ''), CASE WHEN instr({alias}.natures, ',') > 0"
        f" THEN '{MIXED}' ELSE {alias}.natures END)"
    )
