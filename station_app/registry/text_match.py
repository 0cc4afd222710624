"""Matching Chinese text fragments against an FTS5 trigram index, fast at any frequency.

The trigram tokenizer indexes every run of three characters (newlines included). A query word
of three or more characters is a phrase query. A word of one or two characters cannot be
matched directly, but every place it occurs starts some trigram, because indexed texts end with
two newlines (see ``INDEXED_TEXT_END``): the index's vocabulary table lists those trigrams, and
matching any of them finds exactly the records that contain the word.

How the query runs depends on how many records match, which the index tells cheaply:

* few hits: start from the hit list, then sort it (a rare word: well under a millisecond);
* many hits: walk the list in its own order and keep rows that are in the hit list, so the
  first page comes after a few dozen rows, not after sorting tens of thousands;
* a one- or two-character word that starts too many different trigrams (a common character), or
  is in more than ``SHORT_WORD_HIT_LIMIT`` records, falls back to LIKE on the base text, which
  also stops as soon as a page is full (soon, as the word is common).

A query of several words separated by spaces matches records that contain every word.

On the county's PostgreSQL (``store.postgres``) the same words are matched through that
engine's two indexes (migration 1's PostgreSQL form): a word of three or more characters by
ILIKE, which pg_trgm's GIN index answers; a word of one or two characters either by containment
in ``station_grams(text)`` (the distinct characters and character pairs of the lower-cased text,
whose GIN index answers it exactly), or, when it is common, by a substring test while the list
is walked in its own order. The same rule as on SQLite, for the same reason: the index costs
about 8 microseconds a hit (every hit read, then sorted for the page), so a word in 150 000 of a
million complaints took 200-400 ms through it, while walking the newest complaints finds a page
of them after a few hundred (4-20 ms); a rare word is the other way round. How common a word is
comes from a bounded probe (how many of the 2 000 newest complaints hold it) and from ANALYZE's
statistics of the grams index (the share of its most common elements); see ``_postgres_word``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from station_app.store.postgres import is_postgres

TRIGRAM = 3
INDEXED_TEXT_END = "\n\n"
HIT_LIMIT = 2_000  # up to this many hits, start from the hit list
MAX_VOCABULARY_TERMS = 400  # a short word starting more trigrams than this is matched by LIKE
# A short word in more records than this is matched by LIKE: a scan of the newest records finds
# a page of them soon. Below it, LIKE would read tens of thousands of a county's million rows
# (a word in 2 500 of them, mostly old ones: 80 ms), while the hit list costs a few ms.
SHORT_WORD_HIT_LIMIT = 10_000
# PostgreSQL: a 1-2 character word in at least POSTGRES_PROBE_HITS of the POSTGRES_PROBE_ROWS newest
# records (0.5 %: a page of 50 within 10 000 records walked, 20-50 ms at a million complaints), or
# in more than POSTGRES_INDEX_HIT_LIMIT records by the statistics, is matched by a substring test
# while the list is walked in its own order; any other through the grams index (8 us a hit)
POSTGRES_PROBE_ROWS = 2_000
POSTGRES_PROBE_HITS = 10
POSTGRES_INDEX_HIT_LIMIT = 10_000
_LAST_CHARACTER = chr(0x10FFFF)

Execute = Callable[[str, Sequence[Any]], Any]  # returns a cursor (peewee's execute_sql)


@dataclass(frozen=True)
class TextCondition:
    sql: str
    params: tuple[Any, ...]


@dataclass(frozen=True)
class TrigramIndex:
    """An external-content FTS5 trigram table, its fts5vocab 'row' table and the id it indexes."""

    fts_table: str
    vocabulary_table: str
    id_column: str
    text_column: str = ""  # PostgreSQL: the indexed text (pg_trgm and station_grams)
    newest_first: str = ""  # PostgreSQL: the list's own order (an index walks it), for the probe


def like_pattern(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(fragment: str) -> str:
    return '"' + fragment.replace('"', '""') + '"'


def _like(expression: str, word: str) -> tuple[str, list[Any]]:
    return f"{expression} LIKE ? ESCAPE '\\'", [like_pattern(word)]


def _match(index: TrigramIndex, query: str, execute: Execute) -> tuple[str, list[Any]]:
    hits = execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {index.fts_table} WHERE {index.fts_table} MATCH ?"
        " LIMIT ?)",
        [query, HIT_LIMIT + 1],
    ).fetchone()[0]
    if hits == 0:
        return "1 = 0", []
    # "+" keeps SQLite from driving the query from the hit list when it is long
    column = index.id_column if hits <= HIT_LIMIT else f"+{index.id_column}"
    subquery = f"SELECT rowid FROM {index.fts_table} WHERE {index.fts_table} MATCH ?"
    return f"{column} IN ({subquery})", [query]


def _short_word(
    index: TrigramIndex, word: str, like_expression: str, execute: Execute
) -> tuple[str, list[Any]]:
    folded = word.lower()  # the trigram tokenizer folds case
    rows = execute(
        f"SELECT term, doc FROM {index.vocabulary_table} WHERE term >= ? AND term < ? LIMIT ?",
        [folded, folded + _LAST_CHARACTER, MAX_VOCABULARY_TERMS + 1],
    ).fetchall()
    if not rows:
        return "1 = 0", []
    if len(rows) > MAX_VOCABULARY_TERMS or sum(doc for _, doc in rows) > SHORT_WORD_HIT_LIMIT:
        return _like(like_expression, word)
    return _match(index, " OR ".join(fts_phrase(term) for term, _ in rows), execute)


def _postgres_word(
    index: TrigramIndex, word: str, execute: Execute | None
) -> tuple[str, list[Any]]:
    """PostgreSQL's condition for one word (measured at a million complaints: docs/county-server.md).

    * 3+ characters: ILIKE, answered by pg_trgm's index (exact after its recheck).
    * 1-2 characters, common (``_common_on_postgres``): ``strpos(lower(text), word) > 0``, a cheap
      test the planner applies while it walks the list's own index and stops at a full page.
    * 1-2 characters, rare: the ids the grams index holds for the word, as an array computed
      once (``id = ANY(ARRAY(…))``): the page is made from the hits and nothing else. Written
      as a plain ``station_grams(text) @> …`` condition the planner may instead walk the list
      and compute ``station_grams`` for every row it meets (0.2 ms each: 2.5 s for a word in 3 %
      of a million complaints).
    """
    column = index.text_column
    if len(word) >= TRIGRAM:
        return f"{column} ILIKE ? ESCAPE '\\'", [like_pattern(word)]
    folded = word.lower()
    # the same rows either way: a word holds no white space (split off), and a row holds a
    # fragment of one or two folded characters exactly when it is one of the row's grams
    if (
        len(folded) < TRIGRAM
        and execute is not None
        and _common_on_postgres(index, folded, execute)
    ):
        return f"strpos(lower({column}), ?) > 0", [folded]
    hits = (
        f"SELECT {index.id_column} FROM {_table(index)}"
        f" WHERE station_grams({column}) @> ARRAY[?]::text[]"
    )
    return f"{index.id_column} = ANY(ARRAY({hits}))", [folded]


def _table(index: TrigramIndex) -> str:
    return index.text_column.split(".")[0]


def _common_on_postgres(index: TrigramIndex, folded: str, execute: Execute) -> bool:
    """Whether a page of records holding ``folded`` is found sooner by walking the list in its
    own order than through the grams index: it is in at least ``POSTGRES_PROBE_HITS`` of the
    ``POSTGRES_PROBE_ROWS`` newest records, or ANALYZE's statistics of the grams index (the share
    of records holding its most common elements) put it in more than
    ``POSTGRES_INDEX_HIT_LIMIT`` records."""
    table, column = _table(index), index.text_column.split(".")[1]
    order = index.newest_first or f"{index.id_column} DESC"
    probe, counted = execute(
        f"SELECT (SELECT count(*) FROM (SELECT {column} FROM {table} ORDER BY {order} LIMIT ?)"
        f" AS newest WHERE strpos(lower({column}), ?) > 0),"
        " (SELECT max(x.share * c.reltuples) FROM pg_stats s"
        " JOIN pg_index i ON i.indexrelid::regclass::text = s.tablename"
        " JOIN pg_class c ON c.oid = i.indrelid,"
        " unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(gram, share)"
        " WHERE s.schemaname = current_schema() AND s.attname = 'station_grams'"
        " AND i.indrelid = ?::regclass AND x.gram = ?)",
        [POSTGRES_PROBE_ROWS, folded, table, folded],
    ).fetchone()
    return int(probe) >= POSTGRES_PROBE_HITS or (counted or 0) > POSTGRES_INDEX_HIT_LIMIT


def text_condition(
    text: str,
    *,
    like_expression: str,
    index: TrigramIndex | None = None,
    execute: Execute | None = None,
) -> TextCondition:
    """A WHERE fragment matching records that contain every word of ``text``.

    ``like_expression`` is the SQL text scanned by LIKE. With an ``index`` (and ``execute`` to
    ask it how common each word is) words are matched through the trigram index.
    """
    words = list(dict.fromkeys(word for word in text.split() if word))
    clauses: list[str] = []
    params: list[Any] = []
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if index is not None and index.text_column and is_postgres():
        for word in words:
            sql, values = _postgres_word(index, word, execute)
            clauses.append(sql)
            params.extend(values)
    elif index is not None and execute is not None:
        if long_words:
            sql, values = _match(index, " AND ".join(fts_phrase(w) for w in long_words), execute)
            clauses.append(sql)
            params.extend(values)
        for word in words:
            if len(word) < TRIGRAM:
                sql, values = _short_word(index, word, like_expression, execute)
                clauses.append(sql)
                params.extend(values)
    else:
        for word in words:
            sql, values = _like(like_expression, word)
            clauses.append(sql)
            params.extend(values)
    if not clauses:
        return TextCondition("1 = 1", ())
    return TextCondition(" AND ".join(clauses), tuple(params))
