"""Lists of complaints and visits: filters, sorting and keyset paging.

Pages are fetched by keyset (``WHERE (sort, id) < (last sort, last id)``), not OFFSET, so the
thousandth page of a county's million complaints costs what the first one does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from station_app.registry.text_match import TrigramIndex, text_condition
from station_app.store import dialect
from station_app.store.models import database_proxy
from station_app.validation import normalize_region_code

PAGE_SIZE = 200
COMPLAINT_INDEX = TrigramIndex(
    "complaint_fts",
    "complaint_fts_vocab",
    "complaint.id",
    "complaint.search_text",
    "complaint.received_at DESC",
)


@dataclass(frozen=True)
class ComplaintFilter:
    status: str | None = None
    statuses: tuple[str, ...] | None = None
    month: str | None = None  # "YYYY-MM", by date received
    category_code: str | None = None
    village_code: str | None = None  # a village, or a town (9 digits) for all its villages
    officer_id: int | None = None
    text: str | None = None
    origin: str | None = None  # county: one station's complaints
    ids: tuple[int, ...] | None = None  # only these complaints (e.g. what is due); () is none
    received_from: dt.date | None = None  # received on or after this day
    received_to: dt.date | None = None  # received on or before this day


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    number: str
    received_at: dt.datetime
    status: str
    complainant: str | None
    respondent_name: str
    subject: str
    category_code: str
    village_code: str | None
    village_name: str | None
    officer_name: str | None
    is_group: bool
    group_size: int
    version: int


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    cursor: tuple[Any, int] | None  # pass as ``after`` for the next page; None: no more


# sort key -> SQL expression (NOT NULL expressions so keyset comparisons are exact)
COMPLAINT_SORTS = {
    "received_at": "complaint.received_at",
    "number": "complaint.number",
    "status": "complaint.status",
    "respondent_name": "complaint.respondent_name",
    "subject": "complaint.subject",
    "category_code": "complaint.category_code",
    "village_code": "COALESCE(complaint.village_code, '')",
}

_COMPLAINT_COLUMNS = """
    complaint.id, complaint.number, complaint.received_at, complaint.status,
    (SELECT person.name FROM complainant JOIN person ON person.id = complainant.person_id
      WHERE complainant.complaint_id = complaint.id AND complainant.deleted = 0
      ORDER BY complainant.position LIMIT 1),
    complaint.respondent_name, complaint.subject, complaint.category_code,
    complaint.village_code, region.name, officer.name, complaint.is_group,
    complaint.group_size, complaint.version
"""


def fetch_page(
    sql: str, params: list[Any], limit: int, make_row: Callable[[Any], Any], key: int = 1
) -> Page:
    """One page of a keyset-paged list: ``sql`` ends with ``LIMIT ?`` (asked for one row more
    than ``limit``, to tell whether more follow); a row's id is its first column and its sort key
    its column ``key``, which make the cursor of the next page."""
    fetched = database_proxy.execute_sql(sql, [*params, limit + 1]).fetchall()
    more = len(fetched) > limit
    fetched = fetched[:limit]
    cursor = (fetched[-1][key], fetched[-1][0]) if more and fetched else None
    return Page([make_row(r) for r in fetched], cursor)


def keyset_query(
    select: str,
    where: str,
    params: list[Any],
    sort: str,
    row_id: str,
    after: tuple[Any, int] | None,
    descending: bool = True,
) -> str:
    """``select`` (SELECT … FROM …) narrowed by ``where``, in ``sort`` order (ties by ``row_id``),
    from the row after the cursor ``after`` on (its values go to ``params``); ends ``LIMIT ?``."""
    direction = "DESC" if descending else "ASC"
    if after is not None:
        where += f" AND ({sort}, {row_id}) {'<' if descending else '>'} (?, ?)"
        params.extend(after)
    return f"{select} WHERE {where} ORDER BY {sort} {direction}, {row_id} {direction} LIMIT ?"


def count_where(table: str, where: str, params: list[Any]) -> int:
    """How many rows of ``table`` match ``where`` (all pages of a list)."""
    sql = f"SELECT COUNT(*) FROM {table} WHERE {where}"
    return int(database_proxy.execute_sql(sql, params).fetchone()[0])


def month_bounds(month: str) -> tuple[str, str]:
    """``"2026-03"`` -> ("2026-03-01", "2026-04-01") as text comparable with stored datetimes."""
    year, mon = (int(part) for part in month.split("-"))
    start = dt.date(year, mon, 1)
    end = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    return start.isoformat(), end.isoformat()


class Conditions:
    """The WHERE of a list of ``table``: its live rows, narrowed by each filter field given."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.clauses = [f"{table}.deleted = 0"]
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def equal(self, column: str, value: object) -> None:
        """``column`` is ``value``; nothing when the filter leaves it empty (None or "")."""
        if value is not None and value != "":
            self.add(f"{self.table}.{column} = ?", value)

    def in_month(self, column: str, month: str | None) -> None:
        """``column`` falls in ``month`` ("YYYY-MM"); nothing when no month is given."""
        if month:
            start, end = month_bounds(month)
            self.add(f"{self.table}.{column} >= ? AND {self.table}.{column} < ?", start, end)

    def sql(self) -> tuple[str, list[Any]]:
        return " AND ".join(self.clauses), list(self.params)


Filter = TypeVar("Filter")


class KeysetList(Generic[Filter]):
    """A list of one table's live rows, newest first by its column ``sort`` (ties by id), paged
    by keyset: ``page`` and ``count`` take the list's filter (``empty`` when none is given)."""

    def __init__(
        self,
        table: str,
        columns: str,
        sort: str,
        where: Callable[[Filter], Conditions],
        make_row: Callable[[Any], Any],
        *,
        joins: str = "",
        empty: Filter,
    ) -> None:
        self.table, self.columns, self.joins = table, columns, joins
        self.sort, self.where, self.make_row, self.empty = sort, where, make_row, empty

    def page(
        self,
        flt: Filter | None = None,
        *,
        after: tuple[Any, int] | None = None,
        limit: int = PAGE_SIZE,
    ) -> Page:
        """One page of rows matching ``flt``; pass the page's ``cursor`` as ``after`` for the
        next. A row's columns are ``columns`` (its id first, its sort key second)."""
        where, params = self.where(self.empty if flt is None else flt).sql()
        select = f"SELECT {self.columns} FROM {self.table}{self.joins}"
        sort, row_id = f"{self.table}.{self.sort}", f"{self.table}.id"
        sql = keyset_query(select, where, params, sort, row_id, after)
        return fetch_page(sql, params, limit, self.make_row)

    def count(self, flt: Filter | None = None) -> int:
        """How many rows match ``flt`` (all pages of the list)."""
        return count_where(self.table, *self.where(self.empty if flt is None else flt).sql())


def place_and_officer_joins(table: str) -> str:
    """The joins that name a row's village (``region.name``) and officer (``officer.name``)."""
    return (
        f" LEFT JOIN region ON region.code = {table}.village_code"
        f" LEFT JOIN officer ON officer.id = {table}.officer_id"
    )


def _complaint_where(flt: ComplaintFilter) -> tuple[str, list[Any]]:
    clauses = ["complaint.deleted = 0"]
    params: list[Any] = []
    if flt.status:
        clauses.append("complaint.status = ?")
        params.append(flt.status)
    if flt.statuses:
        clauses.append(f"complaint.status IN ({','.join('?' * len(flt.statuses))})")
        params.extend(flt.statuses)
    if flt.month:
        start, end = month_bounds(flt.month)
        clauses.append("complaint.received_at >= ? AND complaint.received_at < ?")
        params.extend([start, end])
    if flt.received_from:
        clauses.append("complaint.received_at >= ?")
        params.append(flt.received_from.isoformat())
    if flt.received_to:
        clauses.append("complaint.received_at < ?")
        params.append((flt.received_to + dt.timedelta(days=1)).isoformat())
    if flt.category_code:
        clauses.append("complaint.category_code = ?")
        params.append(flt.category_code)
    if flt.village_code:
        region = normalize_region_code(flt.village_code, levels=("county", "town", "village"))
        if len(region) == 12:
            clauses.append("complaint.village_code = ?")
            params.append(region)
        else:  # a town or county: every village under it
            clauses.append("complaint.village_code >= ? AND complaint.village_code < ?")
            params.extend([region, region + ":"])  # ":" sorts right after "9"
    if flt.officer_id is not None:
        clauses.append("complaint.officer_id = ?")
        params.append(flt.officer_id)
    if flt.origin:
        clauses.append("complaint.origin = ?")
        params.append(flt.origin)
    if flt.ids is not None:  # one JSON parameter, however many ids (no variable limit)
        clauses.append(f"complaint.id IN ({dialect.id_list()})")
        params.append(json.dumps(list(flt.ids)))
    if flt.text and flt.text.strip():
        condition = text_condition(
            flt.text,
            like_expression="complaint.search_text",
            index=COMPLAINT_INDEX,
            execute=database_proxy.execute_sql,
        )
        clauses.append(condition.sql)
        params.extend(condition.params)
    return " AND ".join(clauses), params


def list_complaints(
    flt: ComplaintFilter = ComplaintFilter(),
    *,
    sort: str = "received_at",
    descending: bool = True,
    after: tuple[Any, int] | None = None,
    limit: int = PAGE_SIZE,
) -> Page:
    """One page of complaints matching ``flt``, in ``sort`` order (ties broken by id)."""
    sort_sql = COMPLAINT_SORTS[sort]
    where, params = _complaint_where(flt)
    joins = place_and_officer_joins("complaint")
    select = f"SELECT {_COMPLAINT_COLUMNS}, {sort_sql} FROM complaint{joins}"
    sql = keyset_query(select, where, params, sort_sql, "complaint.id", after, descending)
    return fetch_page(sql, params, limit, _complaint_row, key=-1)


def _complaint_row(r: Any) -> ComplaintRow:
    return ComplaintRow(
        id=r[0],
        number=r[1],
        received_at=_as_datetime(r[2]),
        status=r[3],
        complainant=r[4],
        respondent_name=r[5],
        subject=r[6],
        category_code=r[7],
        village_code=r[8],
        village_name=r[9],
        officer_name=r[10],
        is_group=bool(r[11]),
        group_size=r[12],
        version=r[13],
    )


def count_complaints(flt: ComplaintFilter = ComplaintFilter()) -> int:
    return count_where("complaint", *_complaint_where(flt))


def _as_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


@dataclass(frozen=True)
class VisitFilter:
    month: str | None = None
    village_code: str | None = None
    officer_id: int | None = None
    text: str | None = None
    converted: bool | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_at: dt.datetime
    channel: str
    person_name: str | None
    headcount: int
    topic_category: str | None
    village_name: str | None
    question: str
    answer: str | None
    officer_name: str | None


VISIT_SORTS = {"visited_at": "visit.visited_at"}


def _visit_where(flt: VisitFilter) -> Conditions:
    where = Conditions("visit")
    where.in_month("visited_at", flt.month)
    where.equal("village_code", flt.village_code)
    where.equal("officer_id", flt.officer_id)
    if flt.text and flt.text.strip():
        condition = text_condition(
            flt.text, like_expression="visit.question || ' ' || COALESCE(visit.answer, '')"
        )
        where.add(condition.sql, *condition.params)
    return where


VISITS = KeysetList(
    "visit",
    "visit.id, visit.visited_at, visit.channel, person.name, visit.headcount,"
    " visit.topic_category, region.name, visit.question, visit.answer, officer.name",
    "visited_at",
    _visit_where,
    lambda r: VisitRow(r[0], _as_datetime(r[1]), *r[2:]),
    joins=" LEFT JOIN person ON person.id = visit.person_id" + place_and_officer_joins("visit"),
    empty=VisitFilter(),
)
list_visits = VISITS.page
count_visits = VISITS.count
