"""Reading the next bundles in a helper process while the county writes the current one.

An import run spends about half its time in Python reading bundles: unzipping, hashing, parsing
every JSON line and staging its values (``merge._stage``). The other half is SQLite merging the
staged rows, which only the writing connection can do. With more than one processor the two
halves overlap: a helper process (one, started with ``spawn``) stages later bundles, each table
into its own table of a scratch database file, while the run merges earlier ones; the run then
copies a staged table into its ``temp.sync_in`` with one ``INSERT … SELECT``.

The helper runs the very code of an import (``open_bundle`` and ``merge._stage``, checks
included), so a staged table holds exactly what staging in the run would have made; the run does
not repeat those checks, so ``_stage`` must judge the bundle alone, not the county's database
(which the helper does not open: a check that reads it fails there, and the run stages itself). It is only a
head start, never a second judge: a bundle or table the helper could not stage (refused, broken,
not finished, file changed since: its manifest's hash differs) is read by the run itself, which
then refuses it with its usual reason. A run that loses its helper goes on reading by itself.

Scratch files live in a hidden directory of the data directory (they hold the same personal data
as the database), are attached to the run's connection and deleted after the commit that used them;
a run killed half-way leaves its directory, removed by a later run after a day.

Bundles are staged in groups, one scratch file each (SQLite attaches at most ten databases, and
a file can only be detached after the commit that read it). The first group is read by the run
itself while the helper starts; the next ones grow from small (only a finished group is used)
to ``GROUP_RECORDS``; at most ``AHEAD`` groups are staged before the run needs them. The run never
waits for the helper: what is not staged when the run gets to it, the run reads itself.
Small runs (under ``MIN_RECORDS`` records, or one bundle) do without a helper: starting one costs
about half a second.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import types
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

MIN_RECORDS = 20_000  # a run with fewer records imports without a helper process
FIRST_GROUP_RECORDS = 5_000  # read by the run itself while the helper starts
GROUP_RECORDS = (2_500, 25_000)  # records per scratch file: the first, then 1.5 x each, up to
AHEAD = 3  # groups staged ahead of the one being merged
MAX_ATTACHED = 8  # scratch files attached at once (SQLite's limit is 10)
WAIT_FOR_HELPER = False  # True: wait for every group (tests, to know what the helper staged)
SCRATCH_PREFIX = ".import-staging-"
STALE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class StagedBundle:
    """What the helper staged of one file: tables by name, in the group's scratch file."""

    manifest_sha256: str
    tables: dict[str, str]  # table name -> table in the scratch database


def staged_name(position: int, table: str) -> str:
    return f"b{position}_{table}"


def stage_group(scratch: str, files: list[str]) -> list[StagedBundle | None]:
    """In the helper process: stage ``files`` into the new database ``scratch``.

    Returns, per file, what was staged (None: nothing, e.g. the file is refused). A table is
    listed only when its part was read to the end and passed every check of ``merge._stage``.
    """
    from station_app.sync import merge
    from station_app.sync.bundle_format import BundleRefused
    from station_app.sync.reader import open_bundle
    from station_app.sync.tables import q, table_by_name

    connection = sqlite3.connect(scratch, isolation_level=None)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA temp_store = memory")
    tables = table_by_name()
    result: list[StagedBundle | None] = []
    try:
        for position, name in enumerate(files):
            try:
                bundle = open_bundle(Path(name))
            except (BundleRefused, OSError, ValueError):
                result.append(None)
                continue
            staged: dict[str, str] = {}
            try:
                connection.execute("BEGIN")
                for part in bundle.parts:
                    table = tables.get(part.table)
                    if table is None:
                        break
                    connection.execute(merge.sync_in_sql(table))
                    merge._stage(connection, bundle, table, part, 0, lambda done, total: None, None)
                    target = staged_name(position, table.name)
                    connection.execute(
                        f"CREATE TABLE main.{q(target)} AS SELECT * FROM temp.sync_in"
                        " ORDER BY rowid"
                    )
                    connection.execute("DROP TABLE temp.sync_in")
                    staged[table.name] = target
            except Exception:  # the run reads this part itself and says what is wrong with it
                connection.execute("DROP TABLE IF EXISTS temp.sync_in")
            finally:
                connection.execute("COMMIT")
                bundle.close()
            result.append(StagedBundle(bundle.manifest_sha256, staged))
    finally:
        connection.close()
    return result


class ReadAhead:
    """The run's side: starts the helper, hands out staged tables, attaches scratch files."""

    def __init__(self, data_dir: Path, files: list[Path], hints: list[int]) -> None:
        self.files = files
        self.groups: list[list[int]] = []  # file positions of each group
        self.group_of: dict[int, int] = {}
        self._plan(hints)
        self.directory: Path | None = None
        self.executor: ProcessPoolExecutor | None = None
        self.futures: dict[int, Future[list[StagedBundle | None]]] = {}
        self.attached: list[str] = []  # schemas of the scratch files attached now
        self.position_of: dict[str, int] = {}
        for position, path in enumerate(files):
            self.position_of.setdefault(str(path), position)
        self.current = 0  # the group the run is at; scratch files before it are deleted
        self.lost = False
        if len(self.groups) < 2:
            return
        _remove_stale(data_dir)
        self.directory = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=data_dir))
        self.executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn")
        )
        for group in range(1, min(1 + AHEAD, len(self.groups))):
            self._submit(group)

    def _plan(self, hints: list[int]) -> None:
        if len(hints) < 2 or sum(hints) < MIN_RECORDS:
            return
        current: list[int] = []
        records = 0
        limit = FIRST_GROUP_RECORDS
        for position, hint in enumerate(hints):
            current.append(position)
            records += hint
            if records >= limit:
                self.groups.append(current)
                current, records = [], 0
                # small groups first: the run waits for a whole group, the first one longest
                low, high = GROUP_RECORDS
                limit = low if len(self.groups) == 1 else min(int(limit * 1.5), high)
        if current:
            self.groups.append(current)
        for group, positions in enumerate(self.groups):
            for position in positions:
                self.group_of[position] = group

    def _scratch(self, group: int) -> Path:
        assert self.directory is not None
        return self.directory / f"group{group}.sqlite3"

    def _submit(self, group: int) -> None:
        if self.executor is None or self.lost or group in self.futures:
            return
        if group >= len(self.groups):
            return
        files = [str(self.files[p]) for p in self.groups[group]]
        # The helper needs nothing of the program's main module: hidden while the helper starts,
        # spawn does not run it again there (a script without a __main__ guard would import
        # its bundles twice). The frozen program lets the helper start (freeze_support).
        program = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            self.futures[group] = self.executor.submit(
                stage_group, str(self._scratch(group)), files
            )
        except RuntimeError:  # the helper is gone (broken pool), or cannot start here
            self.lost = True
        finally:
            sys.modules["__main__"] = program

    @property
    def needs_room(self) -> bool:
        """Whether the run must commit (and so detach) before another scratch file is attached."""
        return len(self.attached) >= MAX_ATTACHED

    def staged(
        self, connection: sqlite3.Connection, path: Path, manifest_sha256: str
    ) -> dict[str, str]:
        """The staged tables of the file ``path`` (table -> qualified name), if any.

        Never waits: a group the helper has not finished is read by the run itself (so a busy
        machine, where the helper gets no processor of its own, costs little). Attaches the
        group's scratch file (the caller makes room first, see ``needs_room``).
        """
        position = self.position_of.get(str(path), -1)
        group = self.group_of.get(position)
        if group is None or group == 0 or self.lost:
            return {}
        if group > self.current:
            for passed in range(self.current, group):  # not started: no longer needed
                future = self.futures.get(passed)
                if future is not None:
                    future.cancel()
            self.current = group
            self._delete_before(group)
        for ahead in range(group + 1, group + 1 + AHEAD):
            self._submit(ahead)
        future = self.futures.get(group)
        if future is None or not (future.done() or WAIT_FOR_HELPER):
            return {}  # not staged yet: the run reads this file itself rather than wait
        try:
            staged = future.result()[self.groups[group].index(position)]
        except Exception:  # the helper died or failed: read by the run itself from now on
            self.lost = True
            return {}
        if staged is None or staged.manifest_sha256 != manifest_sha256 or not staged.tables:
            return {}
        schema = f"read_ahead_{group}"
        if schema not in self.attached:
            connection.execute("ATTACH DATABASE ? AS " + schema, (str(self._scratch(group)),))
            self.attached.append(schema)
        return {t: f'{schema}."{name}"' for t, name in staged.tables.items()}

    def detach(self, connection: sqlite3.Connection) -> None:
        """After a commit or rollback: detach the scratch files (SQLite allows it only then)."""
        while self.attached:
            schema = self.attached.pop()
            with contextlib.suppress(sqlite3.Error):
                connection.execute(f"DETACH DATABASE {schema}")
        self._delete_before(self.current)

    def _delete_before(self, group: int) -> None:
        """Scratch files of groups the run is done with and no longer attached."""
        for done in range(1, group):
            future = self.futures.get(done)
            if future is not None and future.done() and f"read_ahead_{done}" not in self.attached:
                with contextlib.suppress(OSError):
                    self._scratch(done).unlink(missing_ok=True)

    def close(self, connection: sqlite3.Connection) -> None:
        self.detach(connection)
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def _remove_stale(data_dir: Path) -> None:
    """Scratch directories of runs killed more than a day ago."""
    with contextlib.suppress(OSError):
        for entry in data_dir.iterdir():
            if entry.name.startswith(SCRATCH_PREFIX) and entry.is_dir():
                with contextlib.suppress(OSError):
                    if time.time() - os.stat(entry).st_mtime > STALE_SECONDS:
                        shutil.rmtree(entry, ignore_errors=True)
