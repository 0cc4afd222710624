"""The county imports bundles into PostgreSQL: the same checks and merge rules as ``merge``, with
the rows of each table written by one ``INSERT … SELECT … FROM jsonb_array_elements(…) ON
CONFLICT``.

Why it is built this way (docs/county-server.md):

* **One set of rules.** Every check a hostile bundle meets (``row_checks``), the ownership and
  parent checks and the classification of each row (insert, replace, unchanged, superseded,
  kept, conflict) are ``merge``'s own functions, run unchanged on a private in-memory SQLite
  database (the *shadow*): the bundle's rows are staged there exactly as the SQLite county stages
  them, next to copies of the few county rows they can meet (the rows with the same uids or the
  same unique values, their parents, the stations and keys). The shadow is built from the same
  migrations, so its tables are the county's. PostgreSQL does only the bulk work it is best at.
* **Bulk writes.** The rows to insert or replace are sent as one JSON array and written by one
  ``INSERT … SELECT … FROM jsonb_array_elements(…) ON CONFLICT (uid) DO UPDATE … WHERE version
  is higher`` per table (one round trip, no temporary table: see ``_write_rows``), parents' uids
  mapped to the county's ids in the same statement; conflicts go to ``sync_conflict`` with
  ``ON CONFLICT DO NOTHING`` (its unique key is the rule "kept once"). The county rows a bundle
  can meet are read by one index probe per key (``_by_key``).
* **All or nothing, once.** Each bundle is one transaction. It first takes a transaction-scoped
  advisory lock on its station, so two importers (two clerks, the upload service and a clerk)
  never merge bundles of one station at the same time, then looks for the bundle's manifest hash
  in ``received_bundle``: the second importer of the same bundle waits for the first, then finds
  it imported and changes nothing. ``received_bundle``'s unique manifest hash is the last guard.
  Bundles of different stations merge in parallel: a station writes only its own rows
  (ownership), and the county-owned roster copies they share are settled by ``ON CONFLICT``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.store.migrations import MIGRATIONS
from station_app.store.models import database_proxy
from station_app.store.postgres import QmarkConnection
from station_app.sync import merge
from station_app.sync.bundle_format import BundleRefused, CancelFlag, Progress, SyncError
from station_app.sync.part_rows import refuse, write_conflict
from station_app.sync.reader import OpenedBundle
from station_app.sync.row_checks import UTC_COLUMNS
from station_app.sync.tables import SyncTable, q, synced_tables

# the rows of the bookkeeping tables the ownership rules read (merge._roster_origin), copied
# into the shadow for every bundle: that rule asks them only about a region code (6 or 12 digits,
# the county's roster rows), so only rows with such a code are copied (a county of 300 stations
# copied its 900 rows a bundle, 270 000 for 300 bundles)
_REGION_CODE = "'^([0-9]{6}|[0-9]{12})$'"
_ROSTER_KNOWLEDGE = (
    ("station_key", f"SELECT * FROM station_key WHERE station_code ~ {_REGION_CODE}"),
    (
        "received_bundle",
        "SELECT DISTINCT ON (station_code) * FROM received_bundle"
        f" WHERE station_code ~ {_REGION_CODE}",
    ),
    ("station", f"SELECT * FROM station WHERE code ~ {_REGION_CODE}"),
)


@dataclass
class _Shadow:
    """The run's in-memory SQLite database: the county's schema, holding one bundle's staged rows
    and the county rows they can meet. Has what ``merge``'s functions read from a run."""

    connection: sqlite3.Connection
    scratch_tables: list[str] = field(default_factory=list)
    codes: dict[str, list[str]] = field(default_factory=dict)
    unique_columns: dict[str, list[list[str]]] = field(default_factory=dict)
    column_types: dict[str, dict[str, str]] = field(default_factory=dict)

    @staticmethod
    def create() -> _Shadow:
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        for migration in MIGRATIONS:
            migration.apply(connection)
        for (trigger,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall():
            connection.execute(f"DROP TRIGGER {q(trigger)}")
        return _Shadow(connection)

    def clear(self) -> None:
        tables = [t.name for t in synced_tables()] + ["station_key", "received_bundle"]
        tables += ["sync_conflict"]
        for name in dict.fromkeys(tables):
            self.connection.execute(f"DELETE FROM main.{q(name)}")

    def put(self, table: str, cursor: Any) -> None:
        """Copy the rows ``cursor`` (a PostgreSQL SELECT * of ``table``) holds. UTC columns get
        back the ``+00:00`` the stations write (PostgreSQL keeps the instant, not that text), so
        lines compare with the station's byte for byte."""
        result = cursor.pgresult  # its column names (``description`` builds objects each time)
        names = [result.fname(i).decode() for i in range(result.nfields)]
        utc = [
            i for i, n in enumerate(names) if ("*", n) in UTC_COLUMNS or (table, n) in UTC_COLUMNS
        ]
        rows = cursor.fetchall()
        if rows and utc:
            rows = [list(row) for row in rows]
            for values in rows:
                for i in utc:
                    if values[i] is not None:
                        values[i] += "+00:00"
        if rows:
            self.connection.executemany(
                f"INSERT OR REPLACE INTO main.{q(table)} ({', '.join(q(n) for n in names)})"
                f" VALUES ({', '.join('?' for _ in names)})",
                rows,
            )


def import_bundles_postgres(
    ctx: Context,
    paths: DataPaths,
    files: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> list[merge.ImportReport]:
    """``merge.import_bundles`` on the county's PostgreSQL: each file on its own, each bundle in
    its own transaction (several importers and clerks work at once)."""
    if not ctx.station.is_county:
        raise SyncError(msg("只有县消协（county 角色）的安装可以导入数据包；本机是服务站。"))
    shadow = _Shadow.create()

    def apply(bundle: OpenedBundle, report: merge.ImportReport, step: Progress) -> None:
        _tried_until_it_wins(
            lambda: _apply(ctx, paths, bundle, report, step, cancel, shadow), report
        )

    try:
        # each bundle commits on its own: nothing to settle between bundles
        return merge.import_files(ctx, paths, files, apply, progress, cancel, lambda: None)
    finally:
        shadow.connection.close()


# how often a bundle is tried when another importer's transaction got in its way (see _apply)
_ATTEMPTS = 3


class _RaceLost(Exception):
    """Another importer's transaction made this one fail; trying again will see its rows.
    ``refusal``: the bundle's, should it lose every time."""

    def __init__(self, refusal: BundleRefused) -> None:
        super().__init__(str(refusal))
        self.refusal = refusal


@contextlib.contextmanager
def _bundle_transaction(raw: Any, bundle: OpenedBundle) -> Iterator[None]:
    """The bundle's transaction; a write the county's constraints refuse refuses the bundle, and
    one that lost a race with another importer (``_RaceLost``) leaves nothing to try again."""
    import psycopg

    try:
        with raw.transaction():
            yield
    except (
        psycopg.errors.UniqueViolation,
        psycopg.errors.DeadlockDetected,
        psycopg.errors.SerializationFailure,
    ) as error:
        raise _RaceLost(write_conflict(bundle, error)) from error
    except (psycopg.errors.IntegrityError, psycopg.errors.DataError) as error:
        raise write_conflict(bundle, error) from error


def _tried_until_it_wins(merge_once: Callable[[], None], report: merge.ImportReport) -> None:
    """``merge_once`` (the bundle's transaction), tried again when it lost a race.

    Bundles of two stations merge at once (the lock is per station), and both may bring rows the
    county holds once (a station's row): when one inserts such a row while the other's insert
    of it is not yet committed, PostgreSQL settles the uid (``ON CONFLICT``) but refuses the
    second on any other unique column (the station's code), and two transactions can deadlock
    on the rows and the change counter. That is no fault of the bundle: it is tried again, and
    then reads the rows the other committed. A bundle refused that way every time is refused.
    What a lost try wrote into ``report`` (its tables' outcomes, the complaints' change) goes.
    """
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            merge_once()
            return
        except _RaceLost as lost:
            if attempt == _ATTEMPTS:
                raise lost.refusal from lost
            report.tables.clear()
            report.complaint_change = (0, 0)


def _apply(
    ctx: Context,
    paths: DataPaths,
    bundle: OpenedBundle,
    report: merge.ImportReport,
    progress: Progress,
    cancel: CancelFlag | None,
    shadow: _Shadow,
) -> None:
    if bundle.station_code == ctx.origin:
        raise refuse(bundle, msg("这是本机自己导出的数据包"))
    merge.check_tables(bundle)
    raw = database_proxy.connection()
    connection = QmarkConnection(raw)
    parts = {p.table: p for p in bundle.parts}
    with _bundle_transaction(raw, bundle):
        # one bundle of a station at a time; the second importer of this bundle waits here
        connection.execute(
            "SELECT pg_advisory_xact_lock(hashtext(?))", ("bundle:" + bundle.station_code,)
        )
        if merge.already_imported(connection, bundle, report):  # type: ignore[arg-type]
            return
        pin_now = merge._check_key(connection, bundle)  # type: ignore[arg-type]
        merge._store_attachments(bundle, paths, cancel)
        reused = connection.execute(
            "SELECT 1 FROM received_bundle WHERE station_code = ? AND seq = ?",
            (bundle.station_code, bundle.seq),
        ).fetchone()
        shadow.clear()
        for name, sql in _ROSTER_KNOWLEDGE:
            shadow.put(name, raw.execute(sql))
        done = 0
        for table in synced_tables():
            part = parts.get(table.name)
            if part is None:
                continue
            try:
                report.tables[table.name] = _merge_table(
                    raw, shadow, ctx, bundle, table, part, done, progress, cancel, report
                )
            except ValueError as error:  # JSON, text or hex that does not parse
                raise refuse(bundle, msg("记录格式无效（{error}）", error=error)) from error
            done += part.records
        if pin_now:
            merge.pin_key(connection, ctx, bundle)  # type: ignore[arg-type]
        merge.record_received(connection, ctx, bundle, report)  # type: ignore[arg-type]
    merge.imported(report, bundle, pin_now)
    merge._add_notes(connection, bundle, report, reused is not None, {})  # type: ignore[arg-type]


def _column_types(raw: Any, shadow: _Shadow, table: str) -> dict[str, str]:
    """The county's type of each column of ``table`` (read once per run)."""
    if table not in shadow.column_types:
        shadow.column_types[table] = dict(
            raw.execute(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                (q(table),),
            ).fetchall()
        )
    return shadow.column_types[table]


def _load_meeting_rows(raw: Any, shadow: _Shadow, table: SyncTable, staging: str) -> None:
    """Copy into the shadow the county rows the staged rows can meet: the same uids, the same
    unique values, the parents they name, and the parents of the rows found."""
    lite = shadow.connection

    def distinct(column: str, source: str) -> list[Any]:
        return [
            r[0]
            for r in lite.execute(
                f"SELECT DISTINCT {q(column)} FROM {source} WHERE {q(column)} IS NOT NULL"
            )
        ]

    def fetch(table_name: str, column: str, values: list[Any]) -> None:
        if values:  # (a query for nothing is a round trip for nothing)
            key_type = _column_types(raw, shadow, table_name)[column]
            keys = json.dumps(values, ensure_ascii=False)
            shadow.put(table_name, raw.execute(_by_key(table_name, column, key_type), (keys,)))

    fetch(table.name, "uid", distinct("uid", staging))
    if table.name not in shadow.unique_columns:
        shadow.unique_columns[table.name] = merge._unique_columns(lite, table)
    for columns in shadow.unique_columns[table.name]:
        if len(columns) == 1 and columns[0] not in table.references:
            fetch(table.name, columns[0], distinct(columns[0], staging))
    for column, parent in table.references.items():
        fetch(parent, "uid", distinct(column, staging))
        fetch(parent, "id", distinct(column, f"main.{q(table.name)}"))


def _take_change_seq(raw: Any, count: int) -> int:
    """``county._take_change_seq`` in one statement instead of two or three: takes ``count``
    values of the change counter, returns the last one."""
    return int(
        raw.execute(
            "INSERT INTO counter (name, value) VALUES ('change_seq', %s) ON CONFLICT (name)"
            " DO UPDATE SET value = counter.value + excluded.value RETURNING value",
            (count,),
        ).fetchone()[0]
    )


@functools.cache
def _by_key(table: str, column: str, type_name: str) -> str:
    """The rows of ``table`` whose ``column`` is one of a list: one probe of the column's index
    per value. Not ``column = ANY(list)``: while a county's first bundles fill its tables, the
    planner's statistics still describe the empty tables, and it scanned the whole table three
    times a bundle (a seq scan of 60 000 persons per lookup after 300 stations); ``OFFSET 0``
    keeps the lookup per value, which is what a list of keys wants at any table size. The keys
    travel as one JSON array (psycopg builds an array parameter element by element in Python)."""
    return (
        f"SELECT t.* FROM jsonb_array_elements_text(%s::jsonb) AS k(v), LATERAL (SELECT *"
        f" FROM {q(table)} t WHERE t.{q(column)} = k.v::{type_name} OFFSET 0) AS t"
    )


def _merge_table(
    raw: Any,
    shadow: _Shadow,
    ctx: Context,
    bundle: OpenedBundle,
    table: SyncTable,
    part: Any,
    done_before: int,
    progress: Progress,
    cancel: CancelFlag | None,
    report: merge.ImportReport,
) -> merge.TableOutcome:
    lite = shadow.connection
    staging = merge._staging(shadow, table)  # type: ignore[arg-type]
    lite.execute(f"DELETE FROM {staging}")
    texts = merge._stage(
        lite, bundle, table, part, staging, shadow.codes, done_before, progress, cancel
    )
    _load_meeting_rows(raw, shadow, table, staging)
    known = merge._classify(lite, ctx, bundle, table, staging, texts, shadow.unique_columns)
    merge._check_ownership(lite, bundle, table, staging, known)
    merge._check_parents(lite, bundle, table, staging)
    if table.name == "complaint":
        report.complaint_change = merge._complaint_change(lite, staging, known)
    staged = lite.execute(f"SELECT max(rowid) FROM {staging}").fetchone()[0] or 0
    base = _take_change_seq(raw, staged) - staged
    _write_rows(raw, shadow, table, staging, base)
    merge._keep_conflicts(lite, ctx, bundle, table, staging)
    _write_conflicts(raw, lite)
    counts = dict(
        lite.execute(f"SELECT _action, count(*) FROM {staging} GROUP BY _action").fetchall()
    )
    return merge.TableOutcome.of_actions(counts)


def _write_rows(raw: Any, shadow: _Shadow, table: SyncTable, staging: str, base: int) -> None:
    """One ``INSERT … SELECT … FROM jsonb_array_elements(…) ON CONFLICT`` of the rows to insert
    or replace, all sent as one JSON array of rows: a new uid is inserted, a known one replaced
    when the staged version is higher.

    Why one JSON parameter (docs/county-server.md, measured): COPY into a temporary staging table
    costs a temporary table per session that every commit empties (``ON COMMIT DELETE ROWS``
    truncates it and its TOAST table) or that grows dead rows nobody vacuums, and two round trips
    (COPY, then INSERT) where this is one; one array per column (``unnest``) is one round trip
    too, but psycopg turns each array into text element by element in Python, which took longer
    than PostgreSQL's writing of the rows. ``json.dumps`` of the rows is C, and PostgreSQL reads
    each value from the JSON as the text it would read from COPY. Values cannot be lost on the
    way: a NUL or a lone surrogate never reaches here (``row_checks`` refuses them) and the
    synced tables hold no floating-point column (JSON has no NaN)."""
    names = table.column_names
    rows = shadow.connection.execute(
        f"SELECT {', '.join(q(n) for n in names)}, rowid FROM {staging}"
        " WHERE _action IN ('insert', 'replace') ORDER BY rowid"
    ).fetchall()
    if not rows:
        return
    types = _column_types(raw, shadow, table.name)
    values = ", ".join(_mapped(table, n, i, types[n]) for i, n in enumerate(names))
    updates = ", ".join(f"{q(n)} = excluded.{q(n)}" for n in names if n != "uid")
    columns = ", ".join(q(n) for n in names)
    raw.execute(
        f"INSERT INTO {q(table.name)} AS t ({columns}, change_seq)"
        f" SELECT {values}, %s + (r ->> {len(names)})::bigint"
        " FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS s(r, n) ORDER BY s.n"
        f" ON CONFLICT (uid) DO UPDATE SET {updates}, change_seq = excluded.change_seq"
        " WHERE t.version < excluded.version AND t.origin = excluded.origin",
        (base, json.dumps(rows, ensure_ascii=False, default=_hex_bytes)),
    )


def _hex_bytes(value: object) -> str:
    """A BLOB value in JSON: the text PostgreSQL's ``bytea`` reads (hex)."""
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    raise TypeError(f"{type(value).__name__} is not a column value")


def _mapped(table: SyncTable, name: str, position: int, type_name: str) -> str:
    """The staged row's value of column ``name`` (``r``'s element ``position``) as the county
    stores it: a parent's uid becomes the parent's id."""
    parent = table.references.get(name)
    if parent:
        return f"(SELECT p.id FROM {q(parent)} p WHERE p.uid = r ->> {position})"
    return f"(r ->> {position})::{type_name}"


_CONFLICT_COLUMNS = (
    "table_name, record_uid, station_code, bundle_seq, kind, mine, theirs, theirs_sha256,"
    " detected_at"
)


def _write_conflicts(raw: Any, lite: sqlite3.Connection) -> None:
    """The conflicts ``merge._keep_conflicts`` kept in the shadow, into the county's table (each
    one once: its unique key decides, as on SQLite)."""
    rows = lite.execute(f"SELECT {_CONFLICT_COLUMNS} FROM main.sync_conflict").fetchall()
    if not rows:
        return
    with raw.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO sync_conflict ({_CONFLICT_COLUMNS})"
            f" VALUES ({', '.join(['%s'] * 9)}) ON CONFLICT DO NOTHING",
            rows,
        )
    lite.execute("DELETE FROM main.sync_conflict")
