"""Finding complaints again by any fragment of their text, and saying why each one matched."""

from __future__ import annotations

import json
from dataclasses import dataclass

from station_app.registry.listing import ComplaintFilter, ComplaintRow, list_complaints
from station_app.store import dialect
from station_app.store.models import database_proxy

DEFAULT_LIMIT = 50
SNIPPET_WIDTH = 36  # characters of text shown around the first match
# the fields a snippet may come from, in order of preference on a tie: never the complainants'
# names or phones (the list masks them)
SNIPPET_FIELDS = ("facts", "subject", "respondent_name", "demand_text")


@dataclass(frozen=True)
class Snippet:
    """Where a complaint matched: the field and its text around the first match, cut into
    ``(text, matched)`` parts; ``clipped_start``/``clipped_end`` say text was left out."""

    field: str
    parts: tuple[tuple[str, bool], ...]
    clipped_start: bool
    clipped_end: bool

    @property
    def text(self) -> str:
        return "".join(part for part, _ in self.parts)


def search_complaints(text: str, limit: int = DEFAULT_LIMIT) -> list[ComplaintRow]:
    """Complaints whose text contains every word of ``text``, newest first."""
    if not text.strip():
        return []
    return list_complaints(ComplaintFilter(text=text), limit=limit).rows


def query_words(text: str) -> list[str]:
    """The distinct words of a search, as the search matches them (split on spaces)."""
    return list(dict.fromkeys(word for word in text.split() if word))


def text_snippet(
    field: str, text: str, words: list[str], width: int = SNIPPET_WIDTH
) -> Snippet | None:
    """``text`` around the first place any of ``words`` occurs (case folded), every word marked;
    None when no word occurs in it."""
    folded = text.lower()
    found = [(folded.find(w.lower()), w) for w in words if w and w.lower() in folded]
    if not found:
        return None
    first = min(at for at, _ in found)
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    start = max(0, min(start, end - width))
    # every occurrence of every word inside the window (the longest first where they overlap)
    marked = [False] * (end - start)
    window = folded[start:end]
    for word in sorted((w.lower() for _, w in found), key=len, reverse=True):
        at = window.find(word)
        while at >= 0:
            for n in range(at, at + len(word)):
                marked[n] = True
            at = window.find(word, at + len(word))
    parts: list[tuple[str, bool]] = []
    for n, flag in enumerate(marked):
        char = text[start + n]
        if char in "\r\n":
            char = " "
        if parts and parts[-1][1] == flag:
            parts[-1] = (parts[-1][0] + char, flag)
        else:
            parts.append((char, flag))
    return Snippet(field, tuple(parts), start > 0, end < len(text))


def match_snippets(complaint_ids: list[int], text: str) -> dict[int, Snippet]:
    """Why each complaint matched ``text``: the snippet of the field holding the most of its
    words (facts first on a tie), from the facts, subject, respondent and demand only. A
    complaint found by its number or a complainant's name or phone alone has no snippet."""
    words = query_words(text)
    if not complaint_ids or not words:
        return {}
    rows = database_proxy.execute_sql(
        f"SELECT id, {', '.join(SNIPPET_FIELDS)} FROM complaint WHERE id IN ({dialect.id_list()})",
        [json.dumps(complaint_ids)],
    ).fetchall()
    found: dict[int, Snippet] = {}
    for complaint_id, *values in rows:
        best: tuple[int, Snippet] | None = None
        for field, value in zip(SNIPPET_FIELDS, values, strict=True):
            snippet = text_snippet(field, value or "", words)
            if snippet is None:
                continue
            count = sum(1 for w in words if w.lower() in (value or "").lower())
            if best is None or count > best[0]:
                best = (count, snippet)
        if best is not None:
            found[complaint_id] = best[1]
    return found
