"""What a bundle row may hold, derived from the peewee models: checked before anything is merged.

Each synced table gets one :class:`RowChecker`, built once from its model's fields (type, ``null``,
``max_length``, ``choices``) plus the code list of each coded column, so a column added to a model
is checked without a change here. The checks run where they are cheapest:

* while a part is read, a record's keys are compared with the table's columns (one set operation,
  only when the record has more keys than the table has columns, or misses one); a line that
  escapes a control character (``\\u00…``, ``\\b``, ``\\f``: JSON cannot write one otherwise)
  is searched for one; a value SQLite cannot even hold (a JSON object or list, an integer beyond
  64 bits, a lone surrogate) makes its batch fail to stage, and only then is that batch searched
  in Python for the line and field (:meth:`RowChecker.unbindable`);
* once a part is staged (``merge``: a temporary table per synced table), one SQL statement finds the first line with a value
  of the wrong type, too long, out of range, not a real date or time, not a known code, or
  contradicting another column of its row (``CONSISTENCY``) (:meth:`RowChecker.first_bad`); the
  two multi-valued code columns (natures, demands) are split in Python.

Ranges: ``version`` 1 … 2**62; money (a column ending in ``_fen``) 0 … 10**12 fen; an attachment's
``size`` 0 … 2**42; every other integer 0 … 10**9. Sums over a county's million rows then stay
far inside SQLite's 64-bit integers, so what passes here cannot overflow a ledger or a statistic.
Dates are ``YYYY-MM-DD``, date-times ``YYYY-MM-DD HH:MM:SS[.ffffff]``, both in the years
1900–2099, with ``+00:00`` only on the UTC columns (``updated_at`` and the audit log's ``at``), as
the station writes them; anything else is what peewee would hand to the program as a string.
A coded column may be longer than its model's ``max_length`` when its code list says so (the
channel ``business_referral`` has 17 characters in a column of 16); its code list bounds it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from station_app import codes
from station_app.messages import N_, msg, translate
from station_app.store.models import SyncedModel
from station_app.sync.tables import SyncTable, q

VERSION_MAX = 2**62
MONEY_MAX = 10**12  # fen: ten thousand million yuan
COUNT_MAX = 10**9
SIZE_MAX = 2**42  # bytes of one attachment
TEXT_MAX = 1_000_000  # characters of a TextField
CODE_MAX = 40  # characters of a code (station_app.codes)
UTC_COLUMNS = {("*", "updated_at"), ("audit_entry", "at"), ("access_entry", "at")}
INT64 = 2**63

# coded columns: (table, column) → the code list its values come from; "|"-joined names mean the
# union of the lists, "+respondent" adds that recipient (consent to pass details to the respondent)
CODED_COLUMNS: dict[tuple[str, str], str] = {
    ("business", "entity_type"): "entity_type",
    ("visit", "channel"): "channel",
    ("visit", "topic_category"): "category",
    ("complaint", "channel"): "channel",
    ("complaint", "status"): "complaint_status",
    ("complaint", "primary_nature"): "nature",
    ("complaint", "category_code"): "category",
    ("complaint", "subcategory"): "subcategory",
    ("complaint", "outcome"): "outcome",
    ("complaint_transition", "from_status"): "complaint_status",
    ("complaint_transition", "to_status"): "complaint_status",
    ("referral", "target"): "referral_target",
    ("follow_up", "satisfaction"): "satisfaction",
    ("education_event", "event_type"): "education_event_type",
    ("education_event", "channel"): "notice_channel",
    ("instrument_check", "instrument"): "instrument",
    ("violation_report", "channel"): "channel",
    ("consent_record", "recipient"): "referral_target+respondent",
}
# multi-valued coded columns: codes joined by ","
MULTI_CODED_COLUMNS: dict[tuple[str, str], str] = {
    ("complaint", "natures"): "nature",
    ("complaint", "demands"): "demand",
}

FIRST_DAY, LAST_DAY = "1900-01-01", "2099-12-31"

# rows whose columns contradict each other in a way the program cannot read back: (table, column
# named in the refusal, SQL condition true when the row is bad, what it must be)
CONSISTENCY: list[tuple[str, str, str, str]] = [
    # a testing/appraisal pause ending before it began breaks every deadline of the complaint
    ("mediation_pause", "ended_on", "ended_on < started_on", N_("不能早于开始日期 started_on")),
    # more instruments failing than were checked would make 不合格率 pass 100 %
    ("instrument_check", "failed", "failed > checked", N_("不能多于检测件数 checked")),
]
_UID_GLOB = "[0-9a-f]" * 32
_MICRO_GLOB = "." + "[0-9]" * 6
# C0 control characters other than tab, line feed and carriage return (never typed by an officer);
# JSON can only write them escaped (\u0000 … \u001f, \b, \f), so only a line (as sent, in bytes)
# holding one of those escapes is searched for them
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r"}
control_hint = re.compile(rb"\\(?:u00|[bf])").search


def _tails(tail: str, utc: bool) -> str:
    """What may follow the seconds of a date-time: fractions, and ``+00:00`` on UTC columns."""
    allowed = [f"{tail} = ''", f"{tail} GLOB '{_MICRO_GLOB}'"]
    if utc:
        allowed += [f"{tail} = '+00:00'", f"{tail} GLOB '{_MICRO_GLOB}+00:00'"]
    return " OR ".join(allowed)


def known_codes(spec: str) -> frozenset[str]:
    """The codes a coded column may hold (read now: rosters may have added codes)."""
    names, _, extra = spec.partition("+")
    result: set[str] = set(extra.split("|")) if extra else set()
    for name in names.split("|"):
        listed = codes.category_list() if name == "category" else codes.code_list(name)
        result.update(entry.code for entry in listed.entries())
    return frozenset(result)


@dataclass(frozen=True)
class ColumnRule:
    name: str
    kind: str  # text | integer | flag | date | datetime | uid | reference | blob
    null: bool
    max_length: int | None = None
    low: int | None = None
    high: int | None = None
    utc: bool = False
    choices: tuple[object, ...] = ()
    codes: str | None = None  # code list spec (CODED_COLUMNS)

    def bad_sql(self, column: str, code_param: int | None) -> str:
        """An SQL condition true when ``column`` (a staged value) breaks the rule."""
        null = "" if self.null else f"{column} IS NULL OR "
        checks = {
            "text": f"typeof({column}) != 'text' OR length({column}) > {self.max_length}",
            "integer": f"typeof({column}) != 'integer'"
            f" OR {column} < {self.low} OR {column} > {self.high}",
            "flag": f"typeof({column}) != 'integer' OR {column} NOT IN (0, 1)",
            # SQLite's date functions read nothing but these forms; '+0 days' normalises a day
            # that does not exist (2026-02-30 → 2026-03-02), so a round trip must give the text
            "date": f"typeof({column}) != 'text'"
            f" OR {column} NOT BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}'"
            f" OR date({column}, '+0 days') IS NOT {column}",
            "datetime": f"typeof({column}) != 'text'"
            f" OR substr({column}, 1, 10) NOT BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}'"
            f" OR datetime(substr({column}, 1, 19), '+0 days') IS NOT substr({column}, 1, 19)"
            f" OR NOT ({_tails(f'substr({column}, 20)', self.utc)})",
            "uid": f"typeof({column}) != 'text' OR {column} NOT GLOB '{_UID_GLOB}'",
            # a parent's uid: that it names a row is checked when the row is written
            "reference": f"typeof({column}) != 'text' OR length({column}) != 32",
            "blob": f"typeof({column}) != 'blob' OR length({column}) > {self.max_length}",
        }
        condition = checks[self.kind]
        if self.choices:
            condition += f" OR {column} NOT IN ({', '.join(_literal(c) for c in self.choices)})"
        if code_param is not None:
            condition += f" OR {column} NOT IN (SELECT value FROM json_each(?{code_param}))"
        if self.null:
            return f"{column} IS NOT NULL AND ({condition})"
        return f"{null}{condition}"

    def problem(self) -> str:
        """What the column must hold, as a phrase for the refusal."""
        if self.kind == "text":
            text = msg("应为不超过 {length} 字的文本", length=self.max_length)
        elif self.kind == "integer" and self.name.endswith("_fen"):
            text = msg("应为以分计的金额（0 至 {high} 的整数）", high=self.high)
        elif self.kind == "integer":
            text = msg("应为 {low} 至 {high} 的整数", low=self.low, high=self.high)
        elif self.kind == "flag":
            text = msg("应为 0 或 1")
        elif self.kind == "date":
            text = msg("应为 1900–2099 年间的日期 YYYY-MM-DD")
        elif self.kind == "datetime":
            text = msg("应为 1900–2099 年间的时间 YYYY-MM-DD HH:MM:SS")
        elif self.kind in ("uid", "reference"):
            text = msg("应为 32 位十六进制的记录标识")
        else:
            text = msg("应为十六进制数据")
        if self.codes:
            text = msg("{what}，且须是代码表中的代码", what=text)
        if not self.null:
            text = msg("{what}，不能为空", what=text)
        return text


def _literal(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _rule(table: str, field: Field) -> ColumnRule:
    name = field.column_name
    null = bool(field.null)
    choices = tuple(c[0] if isinstance(c, tuple) else c for c in (field.choices or ()))
    spec = CODED_COLUMNS.get((table, name))
    utc = ("*", name) in UTC_COLUMNS or (table, name) in UTC_COLUMNS
    if isinstance(field, ForeignKeyField):
        if issubclass(field.rel_model, SyncedModel):  # travels as the parent's uid
            return ColumnRule(name, "reference", null)
        target = _rule(table, field.rel_field)  # a code of a table that does not travel
        return dataclasses.replace(target, name=name, null=null)
    if name == "uid":
        return ColumnRule(name, "uid", null)
    if isinstance(field, BooleanField):
        return ColumnRule(name, "flag", null, choices=choices)
    if isinstance(field, DateTimeField):
        return ColumnRule(name, "datetime", null, utc=utc)
    if isinstance(field, DateField):
        return ColumnRule(name, "date", null)
    if isinstance(field, IntegerField):
        low, high = 0, COUNT_MAX
        if name == "version":
            low, high = 1, VERSION_MAX
        elif name.endswith("_fen"):
            high = MONEY_MAX
        elif name == "size":
            high = SIZE_MAX
        return ColumnRule(name, "integer", null, low=low, high=high, choices=choices)
    if isinstance(field, BlobField):
        return ColumnRule(name, "blob", null, max_length=getattr(field, "max_length", TEXT_MAX))
    if isinstance(field, CharField):
        # a code is checked against its list (codes are at most 40 characters; some are longer
        # than the model's max_length, e.g. the channel "business_referral")
        limit = max(field.max_length, CODE_MAX) if spec else field.max_length
        return ColumnRule(name, "text", null, limit, choices=choices, codes=spec)
    if isinstance(field, TextField):
        return ColumnRule(name, "text", null, TEXT_MAX, choices=choices, codes=spec)
    # a field type this module does not know yet: at least a scalar of bounded size
    return ColumnRule(name, "text", null, TEXT_MAX, choices=choices)


@dataclass(frozen=True)
class BadValue:
    line: int
    column: str
    problem: str


class RowChecker:
    """The checks of one synced table, computed once."""

    def __init__(self, table: SyncTable) -> None:
        self.table = table
        fields = {f.column_name: f for f in table.model._meta.sorted_fields}
        self.rules = [_rule(table.name, fields[name]) for name in table.column_names]
        self.allowed = frozenset(table.column_names)
        self.coded = [r for r in self.rules if r.codes]
        self.multi = [
            (r.name, spec)
            for r in self.rules
            if (spec := MULTI_CODED_COLUMNS.get((table.name, r.name))) is not None
        ]
        params = {r.name: i + 1 for i, r in enumerate(self.coded)}
        self.consistency = [(c, p) for t, c, _, p in CONSISTENCY if t == table.name]
        cases = " ".join(
            [
                f"WHEN {rule.bad_sql(q(rule.name), params.get(rule.name))} THEN {i}"
                for i, rule in enumerate(self.rules)
            ]
            + [
                f"WHEN {condition} THEN {len(self.rules) + i}"
                for i, condition in enumerate(c for t, _, c, _ in CONSISTENCY if t == table.name)
            ]
        )
        self._sql = (
            f"SELECT rowid, bad FROM (SELECT rowid, CASE {cases} END AS bad"
            " FROM {staging}) WHERE bad IS NOT NULL ORDER BY rowid LIMIT 1"
        )

    def unknown_column(self, record: dict[str, object]) -> str | None:
        """A key of ``record`` that is not a column of the table (None: all known)."""
        if self.allowed.issuperset(record):
            return None
        return sorted(set(record) - self.allowed)[0]

    def unbindable(self, rows: Sequence[Sequence[object]], first_line: int) -> BadValue | None:
        """The first value SQLite cannot store, in staged ``rows`` (columns in table order)."""
        for offset, values in enumerate(rows):
            for rule, value in zip(self.rules, values, strict=False):
                problem = _unbindable(value)
                if problem:
                    return BadValue(first_line + offset, rule.name, rule.problem())
        return None

    def control_character(self, values: Sequence[object]) -> str | None:
        """The column of the first text value with a control character (None: there is none)."""
        for rule, value in zip(self.rules, values, strict=False):
            if type(value) is str and not _CONTROL.isdisjoint(value):
                return rule.name
        return None

    def code_params(self) -> list[str]:
        """The known codes of each coded column, as read now: ``first_bad``'s parameters."""
        return [json.dumps(sorted(known_codes(r.codes or ""))) for r in self.coded]

    def first_bad(
        self, connection: sqlite3.Connection, staging: str, code_params: list[str] | None = None
    ) -> BadValue | None:
        """The first staged line (in the table ``staging``) with a value that breaks its column's
        rule; ``code_params``: ``code_params()`` if the caller keeps them (read now if None)."""
        if code_params is None:
            code_params = self.code_params()
        sql = self._sql.replace("{staging}", staging)
        row = connection.execute(sql, code_params).fetchone()
        found = None
        if row and row[1] < len(self.rules):
            rule = self.rules[row[1]]
            found = BadValue(row[0], rule.name, rule.problem())
        elif row:
            column, problem = self.consistency[row[1] - len(self.rules)]
            found = BadValue(row[0], column, translate(problem))
        for name, spec in self.multi:
            allowed = known_codes(spec)
            column = q(name)
            before = found.line if found else None
            for rowid, value in connection.execute(
                f"SELECT rowid, {column} FROM {staging} WHERE typeof({column}) = 'text'"
                f" AND {column} != '' AND rowid < coalesce(?, rowid + 1) ORDER BY rowid",
                (before,),
            ):
                if not allowed.issuperset(value.split(",")):
                    found = BadValue(rowid, name, msg("含有代码表中没有的代码"))
                    break
        return found


def _unbindable(value: object) -> bool:
    kind = type(value)
    if kind is int:
        return not -INT64 <= value < INT64  # type: ignore[operator]
    if kind is str:
        try:
            value.encode()  # type: ignore[attr-defined]
        except UnicodeEncodeError:
            return True
        return False
    return kind not in (float, bool, bytes, type(None))


@functools.cache
def checker_for(table: SyncTable) -> RowChecker:
    return RowChecker(table)
