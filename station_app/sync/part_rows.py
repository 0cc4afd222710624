"""A bundle part's lines read into the rows the county stages for its merge, every row checked.

Each line is one JSON record; it becomes a list of values in the table's column order (a missing
column of an older schema gets its default, a hexadecimal blob its bytes), and is refused naming
its part, line and field when it is not an object, names a column the table does not have, holds
a control character or a value SQLite cannot store. Once a part is staged, the row checks
(``row_checks``: one SQL statement) and a uid sent twice refuse it the same way.

The county's import (``merge``) does this for each part; the read-ahead (``read_ahead``) does the
very same in a child process for the bundles to come, on a staging table of its own, so the
county only stages rows already checked.
"""

from __future__ import annotations

import collections
import functools
import json
import operator
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import overload

import orjson

from station_app.messages import msg
from station_app.store.driver import binding_errors
from station_app.sync.bundle_format import BundleRefused, refused
from station_app.sync.import_run import IMAGE_SCHEMA
from station_app.sync.reader import OpenedBundle, Part, read_part
from station_app.sync.row_checks import RowChecker, checker_for, control_hint
from station_app.sync.tables import SyncTable, q

fast_loads = orjson.loads  # a bundle line (bytes) to a record, in a third of json.loads's time


@dataclass(frozen=True)
class StagedLines:
    """What ``PartLayout.read_into`` staged: the lines as sent, the uids, the rows if kept."""

    texts: list[bytes]
    uids: list[object]
    rows: list[list[object]]


class PartLines(Sequence[bytes]):
    """A part's lines as sent, read from the bundle when first needed: for a part read ahead,
    only rows the county already holds need them (comparisons and conflicts)."""

    def __init__(self, bundle: OpenedBundle, part: Part) -> None:
        self._bundle, self._part = bundle, part
        self._lines: list[bytes] | None = None

    def _read(self) -> list[bytes]:
        if self._lines is None:
            self._lines = [line for batch in read_part(self._bundle, self._part) for line in batch]
        return self._lines

    @overload
    def __getitem__(self, index: int) -> bytes: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[bytes]: ...

    def __getitem__(self, index: int | slice) -> bytes | Sequence[bytes]:
        return self._read()[index]

    def __len__(self) -> int:
        return self._part.records


def refuse(bundle: OpenedBundle, reason: str) -> BundleRefused:
    return refused(bundle.path, reason)


def write_conflict(bundle: OpenedBundle, error: Exception) -> BundleRefused:
    """The refusal of a bundle whose write the county's constraints refused (the database's
    message, its first line)."""
    reason = str(error).strip().splitlines()[0]
    return refuse(bundle, msg("写入时与本库记录冲突（{error}）", error=reason))


def bad_line(bundle: OpenedBundle, part: Part, line: int, problem: str) -> BundleRefused:
    return refuse(
        bundle, msg("“{part}”第 {line} 行{problem}", part=part.name, line=line, problem=problem)
    )


def bad_field(
    bundle: OpenedBundle, part: Part, line: int, field: str, problem: str
) -> BundleRefused:
    return refuse(
        bundle,
        msg(
            "“{part}”第 {line} 行的字段“{field}”无效：{problem}",
            part=part.name,
            line=line,
            field=field,
            problem=problem,
        ),
    )


class PartLayout:
    """How the lines of one table's part become staged rows, computed once per table."""

    def __init__(self, table: SyncTable) -> None:
        self.table = table
        self.names = table.column_names
        self.take_all: Callable[[dict[str, object]], object] = operator.itemgetter(*self.names)
        self.defaults = [c.default for c in table.columns]
        self.blobs = [i for i, c in enumerate(table.columns) if c.blob]
        self.uid_at = self.names.index("uid")
        self.checker: RowChecker = checker_for(table)
        # the temporary table a part of this table is staged in (the merge's, the read-ahead's)
        self.staging_name = q("sync_in_" + table.name)
        self.staging = f"temp.{self.staging_name}"

    def create_staging(self) -> str:
        """SQL: create this table's staging table (columns as sent, then the merge's own)."""
        columns = ", ".join(q(n) for n in self.names) + ", _line, _action, _local_id"
        return f"CREATE TABLE {self.staging} ({columns})"

    def insert_sql(self, staging: str) -> str:
        return (
            f"INSERT INTO {staging} VALUES ("
            + ", ".join("?" for _ in self.names)
            + ", NULL, 'insert', NULL)"
        )

    def rows(
        self, bundle: OpenedBundle, part: Part, lines: Sequence[bytes], first_line: int
    ) -> list[list[object]]:
        """The records of ``lines`` (the first is line ``first_line`` of the part) as rows."""
        names, take_all, checker = self.names, self.take_all, self.checker
        single = len(names) == 1
        rows = []
        line = first_line - 1
        for raw in lines:
            line += 1
            try:
                record = fast_loads(raw)
            except ValueError:  # read again as the standard library reads it, errors and all
                record = read_line(bundle, part, line, raw)
            if type(record) is not dict:
                raise bad_line(bundle, part, line, msg("不是 JSON 对象"))
            try:
                values = [take_all(record)] if single else list(take_all(record))  # type: ignore[call-overload]
                extra = len(record) > len(names)
            except KeyError:  # a bundle from an older schema: missing columns get defaults
                values = [record.get(n, d) for n, d in zip(names, self.defaults, strict=True)]
                extra = True
            if extra:
                unknown = checker.unknown_column(record)
                if unknown is not None:
                    raise bad_line(
                        bundle, part, line, msg("有本表没有的字段“{field}”", field=unknown)
                    )
            if control_hint(raw):
                column = checker.control_character(values)
                if column is not None:
                    raise bad_field(bundle, part, line, column, msg("含有控制字符"))
            for i in self.blobs:
                if isinstance(values[i], str):
                    try:
                        values[i] = bytes.fromhex(values[i])  # type: ignore[arg-type]
                    except ValueError:
                        raise bad_field(
                            bundle, part, line, names[i], msg("应为十六进制数据")
                        ) from None
            rows.append(values)
        return rows

    def read_into(
        self,
        connection: sqlite3.Connection,
        staging: str,
        bundle: OpenedBundle,
        part: Part,
        step: Callable[[int], None],
        *,
        keep_rows: bool = False,
    ) -> StagedLines:
        """Read the part's lines, batch by batch, into rows staged in ``staging``; ``step`` is
        told before each batch how many lines went before it (to look at the cancel button and
        move the progress bar); the rows are kept too when ``keep_rows`` says so."""
        insert = self.insert_sql(staging)
        staged = StagedLines([], [], [])
        line = 0  # line number within the part
        for lines in read_part(bundle, part):
            step(line)
            rows = self.rows(bundle, part, lines, line + 1)
            self.stage(connection, insert, bundle, part, rows, line + 1)
            line += len(lines)
            staged.texts.extend(lines)
            staged.uids.extend(values[self.uid_at] for values in rows)
            if keep_rows:
                staged.rows.extend(rows)
        return staged

    def stage(
        self,
        connection: sqlite3.Connection,
        insert: str,
        bundle: OpenedBundle,
        part: Part,
        rows: list[list[object]],
        first_line: int,
    ) -> None:
        """Insert ``rows`` into the staging table (``insert``: ``insert_sql``); a value SQLite
        cannot hold refuses the part naming its line and field."""
        try:
            connection.executemany(insert, rows)
        except binding_errors() + (OverflowError, ValueError):
            found = self.checker.unbindable(rows, first_line)
            if found is None:
                raise
            raise bad_field(bundle, part, found.line, found.column, found.problem) from None

    def stage_image(
        self, connection: sqlite3.Connection, staging: str, image: bytes, records: int
    ) -> bool:
        """Stage a part the read-ahead staged and checked, from its database image (the child's
        staging tables, ``PreparedPart.image``), in one statement; False, with nothing staged,
        when the image does not hold the part's ``records`` rows as lines 1 to ``records``."""
        connection.deserialize(image, name=IMAGE_SCHEMA)
        columns = ", ".join(q(n) for n in self.names)
        copied = connection.execute(
            f"INSERT INTO {staging} (rowid, {columns}, _line, _action, _local_id)"
            f" SELECT rowid, {columns}, NULL, 'insert', NULL"
            f" FROM {IMAGE_SCHEMA}.{self.staging_name} WHERE rowid BETWEEN 1 AND ?",
            (records,),
        ).rowcount
        if copied == records:
            return True
        connection.execute(f"DELETE FROM {staging}")
        return False

    def check_staged(
        self,
        connection: sqlite3.Connection,
        bundle: OpenedBundle,
        part: Part,
        staging: str,
        code_params: list[str],
        uids: list[object],
    ) -> None:
        """The row checks over the staged part, then a uid sent twice (``uids``: the part's)."""
        found = self.checker.first_bad(connection, staging, code_params)
        if found is not None:
            raise bad_field(bundle, part, found.line, found.column, found.problem)
        # every uid is now 32 hexadecimal digits (first_bad): the least one found twice, if any
        if len(set(uids)) != len(uids):
            twice = min(uid for uid, count in collections.Counter(uids).items() if count > 1)  # type: ignore[type-var]
            raise refuse(
                bundle, msg("“{part}”中同一条记录（{uid}）出现了两次", part=part.name, uid=twice)
            )


@functools.cache
def layout_for(table: SyncTable) -> PartLayout:
    return PartLayout(table)


def read_line(bundle: OpenedBundle, part: Part, line: int, raw: bytes) -> object:
    """A line orjson refused, read by the standard library: it takes a few things orjson does not
    (NaN, a lone surrogate), which the row checks then refuse naming their field; what neither
    reads is refused naming the line."""
    try:
        return json.loads(raw.decode())
    except ValueError as error:
        raise bad_line(bundle, part, line, msg("不是有效的 JSON（{error}）", error=error)) from None
