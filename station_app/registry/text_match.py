"""Matching Chinese text fragments: FTS5 trigram for 3+ characters, LIKE below that.

The trigram tokenizer indexes every run of three characters, so it cannot answer a one- or
two-character query (most Chinese names and many words are two characters). Those fall back to a
LIKE scan of the base column. A query of several words separated by spaces matches records that
contain every word.
"""

from __future__ import annotations

from dataclasses import dataclass

TRIGRAM = 3


@dataclass(frozen=True)
class TextCondition:
    sql: str
    params: tuple[str, ...]


def like_pattern(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(fragment: str) -> str:
    return '"' + fragment.replace('"', '""') + '"'


def text_condition(
    text: str, *, like_expression: str, fts_table: str | None = None, id_column: str = ""
) -> TextCondition:
    """A WHERE fragment matching every word of ``text``.

    ``like_expression`` is the SQL text to scan with LIKE. ``fts_table`` is an external-content
    FTS5 trigram table whose rowid is ``id_column``; without one every word uses LIKE.
    """
    words = [word for word in text.split() if word]
    clauses: list[str] = []
    params: list[str] = []
    long_words = [w for w in words if len(w) >= TRIGRAM] if fts_table else []
    if long_words and fts_table:
        clauses.append(f"{id_column} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(" AND ".join(fts_phrase(w) for w in long_words))
    for word in words:
        if word in long_words:
            continue
        clauses.append(f"{like_expression} LIKE ? ESCAPE '\\'")
        params.append(like_pattern(word))
    if not clauses:
        return TextCondition("1", ())
    return TextCondition(" AND ".join(clauses), tuple(params))
