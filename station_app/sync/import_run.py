"""The county's import run: one transaction over several bundles, each bundle a savepoint in it.

A commit per small bundle cost more than applying the bundle (every commit writes each touched
index page to the WAL again), so a run keeps its transaction open across bundles and commits about
every five seconds, every 250 000 records, and at its end (300 bundles of 286 200 records in
all wrote 1 089 MB to the WAL committing every second, 617 MB every five seconds, 508 MB in a
single commit; a run killed half-way redoes at most those few seconds when imported again).
Each bundle stays all or nothing: it is applied inside ``SAVEPOINT bundle`` and rolled back to it
when refused. A run stopped half-way (power cut, killed process) loses only the bundles since its
last commit, with their ``received_bundle`` rows, so importing the same files again applies them
then, with no record twice.

The complaint search index (FTS5, kept by triggers elsewhere) is filled once per commit with one
``INSERT … SELECT`` of the complaints inserted since the last, instead of the per-row insert
trigger, which costs about three times as much (and instead of once per bundle: FTS5 writes what
it holds at every savepoint's end, so small bundles made many small index segments to merge
later); the trigger is dropped when the transaction begins and created again, from its own stored
SQL, just before each commit (or undone by a rollback). The update and delete triggers stay: a
bundle about to replace complaints first indexes those not yet indexed (``index_pending``), so a
complaint inserted by one bundle and replaced by the next in the same transaction is in the index
when its replacement removes it; a bundle rolled back forgets what it indexed (``rolled_back``).

During a run SQLite checkpoints the WAL only every 100 000 pages and uses a larger page cache; the
usual settings come back, and the WAL is checkpointed, when the run ends.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time

DEFAULT_COMMIT_SECONDS = 5.0
COMMIT_RECORDS = 250_000
RUN_AUTOCHECKPOINT = 100_000  # WAL pages (SQLite's default is 1 000)
RUN_CACHE_KIB = 256_000  # page cache while importing: index pages stay in memory across bundles

SEARCH_TRIGGER = "complaint_fts_insert"
SEARCH_INDEX = "INSERT INTO complaint_fts(rowid, search_text) SELECT id, search_text FROM complaint"
# FTS5 gathers new terms in memory up to its "hashsize" (1 MB unless set) before writing them as
# a segment of the index, which it then merges with others: indexing a commit's 45 000 complaints
# took 2.1 s with 1 MB, 1.0 s with 8 MB (and no less with more). Kept in the index's own
# configuration once set, so every later bulk write (the demo, a restore) profits too.
SEARCH_HASHSIZE = "INSERT INTO complaint_fts(complaint_fts, rank) VALUES ('hashsize', ?)"
SEARCH_HASH_BYTES = 8 * 1024 * 1024


# the schema a part read ahead is loaded into from its database image (``part_rows``), attached
# for the run when the driver can load one (``sqlite3``; not ``sqlcipher3``)
IMAGE_SCHEMA = "sync_image"


class ImportRun:
    """The open transaction of an import run. Use as a context manager around the run."""

    def __init__(self, connection: sqlite3.Connection, commit_seconds: float) -> None:
        self.connection = connection
        self.commit_seconds = commit_seconds
        self.open = False
        self.started = 0.0
        self.records = 0
        self._trigger_sql: str | None = None
        self.indexed_to = 0  # complaints with higher ids are not in the search index yet
        self.scratch_tables: list[str] = []  # temporary tables of the run, dropped at its end
        # read once per run, per table: its code lists (row_checks), its unique columns (merge)
        self.codes: dict[str, list[str]] = {}
        self.unique_columns: dict[str, list[list[str]]] = {}
        # per station counted in this run: its complaints not deleted, (count, recovered fen)
        self.complaint_totals: dict[str, tuple[int, int]] = {}
        self._saved_pragmas: dict[str, int] = {}
        self.loads_images = hasattr(connection, "deserialize")

    def __enter__(self) -> ImportRun:
        for name, value in (
            ("wal_autocheckpoint", RUN_AUTOCHECKPOINT),
            ("cache_size", -RUN_CACHE_KIB),
        ):
            self._saved_pragmas[name] = int(self.connection.execute(f"PRAGMA {name}").fetchone()[0])
            self.connection.execute(f"PRAGMA {name} = {value}")
        if self.loads_images:
            self.connection.execute(f"ATTACH ':memory:' AS {IMAGE_SCHEMA}")
        return self

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        try:
            if kind is None:
                self.commit()
            else:
                self.commit_or_rollback()
        finally:
            for table in self.scratch_tables:
                with contextlib.suppress(sqlite3.Error):
                    self.connection.execute(f"DROP TABLE IF EXISTS {table}")
            if self.loads_images:
                with contextlib.suppress(sqlite3.Error):
                    self.connection.execute(f"DETACH {IMAGE_SCHEMA}")
            for name, value in self._saved_pragmas.items():
                self.connection.execute(f"PRAGMA {name} = {value}")
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def begin(self) -> None:
        """Open the run's transaction if it is not open (before a bundle's savepoint)."""
        if self.open:
            return
        self.connection.execute("BEGIN IMMEDIATE")
        self.open, self.started, self.records = True, time.monotonic(), 0
        row = self.connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (SEARCH_TRIGGER,)
        ).fetchone()
        self._trigger_sql = row[0] if row else None
        if self._trigger_sql:
            self.connection.execute(f"DROP TRIGGER {SEARCH_TRIGGER}")
            self.indexed_to = self._last_complaint()

    def _last_complaint(self) -> int:
        return int(
            self.connection.execute("SELECT coalesce(max(id), 0) FROM complaint").fetchone()[0]
        )

    def index_pending(self) -> None:
        """Put the complaints inserted since the last call into the search index (before a commit,
        and before complaints are replaced: the update trigger removes the old text from it)."""
        if self._trigger_sql:
            last = self._last_complaint()
            if last == self.indexed_to:  # nothing new (a run of refusals writes nothing)
                return
            self.connection.execute(SEARCH_HASHSIZE, (SEARCH_HASH_BYTES,))
            self.connection.execute(f"{SEARCH_INDEX} WHERE id > ?", (self.indexed_to,))
            self.indexed_to = last

    def rolled_back(self, indexed_to: int) -> None:
        """A bundle's savepoint was rolled back: what it indexed (above ``indexed_to``, the mark
        taken when it began) is no longer in the index."""
        self.indexed_to = min(self.indexed_to, indexed_to)

    def applied(self, records: int) -> None:
        """A bundle of ``records`` was applied; commit if a second or enough records went by."""
        self.records += records
        if self.open and (
            self.records >= COMMIT_RECORDS or time.monotonic() - self.started >= self.commit_seconds
        ):
            self.commit()

    def commit(self) -> None:
        if not self.open:
            return
        self.open = False
        try:
            if self._trigger_sql:
                self.index_pending()
                self.connection.execute(self._trigger_sql)
            self.connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")
            raise

    def commit_or_rollback(self) -> None:
        """After an error: keep the bundles already applied, if the database still can."""
        with contextlib.suppress(sqlite3.Error):
            self.commit()
