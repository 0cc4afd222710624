"""A child process reads the bundles to come while the county merges the current one.

Why: importing hundreds of bundles, about a third of the county's time went to reading them
(unzipping, hashing, parsing the JSON lines, building rows) and to the row checks, all on the
thread that also drives SQLite. Another thread cannot take that work: Python's lock would make
every SQLite call of the merge wait for the parser (``executemany`` takes the lock back for each
row). A child process can, on a second core: for each bundle it is sent, it opens the bundle
with every check of ``open_bundle``, reads each part into rows (``part_rows``, the same code as
the merge), stages them into a table of its own (in memory, same SQLite driver as the county's
database) and runs the same row checks with the code lists the county read for this run. It
answers for a bundle whose every part passed with each part's staging table as a database image
(``serialize``: the county loads it, ``deserialize``, and copies its rows into its own staging
table in one statement, instead of reading a Python value per field back and binding each one
again, which cost about as much as the child saved), or with nothing. The SQLCipher driver of an
encrypted county cannot load an image: its child answers with the rows (``marshal``).

What the county trusts: nothing the child says about a bundle's validity beyond "these parts are
clean". The county still opens every bundle itself (file, manifest, signature) and uses the
child's rows only when the child read the same manifest (same hash: the same parts, since each
part's hash is in it and the child checked the parts against it). A bundle the child found
anything wrong with, could not read, or did not answer for in time is read by the county itself,
exactly as without the read-ahead, so every refusal is made and worded as before (and in the
window's language). Ownership, parents and the merge itself stay the county's.

Cost and when: a child takes about 0.3 s to start (spawn and imports), so a run uses it only
for at least :data:`MIN_BUNDLES` bundles of :data:`MIN_RECORDS` records in all, and only on a
machine of two cores or more (on one, the child only takes turns with the merge). It keeps
:data:`DEPTH` bundles asked for ahead, and leaves a bundle of more than :data:`MOST_RECORDS`
records (a full export) to the county, which reads it in batches instead of holding all its rows
at once. If the child dies, answers late (:data:`ANSWER_SECONDS`) or answers out of turn, it is
stopped and the run goes on reading in process. Measured (benchmarks/README.md, bench_sync): 300 bundles of 955 records,
on 2 cores otherwise idle, import ÷ floor from 2.4–2.5 × to 1.6–2.2 × with rows, together with
the search index's larger ``hashsize`` (``import_run``); with images 1.68–1.81 × (medians of
three pairs; 1.90 × for a county under SQLCipher, which is sent rows). On the same machine busy
with other work (an earlier attempt, load 4–5) a read-ahead made the run slower: it needs the
second core free.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import itertools
import logging
import marshal
import os
import queue
import sqlite3
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from station_app.child_process import start_child
from station_app.sync.part_rows import layout_for
from station_app.sync.reader import PreparedPart, open_bundle
from station_app.sync.tables import synced_tables, table_by_name

log = logging.getLogger(__name__)

MIN_BUNDLES = 8
MIN_RECORDS = 20_000
# a bigger bundle (a station's full export) is left to the county, which reads a part in batches;
# the child would hold all of its rows at once, and the county up to DEPTH such answers
MOST_RECORDS = 20_000
DEPTH = 4  # bundles asked for ahead of the one being merged
ANSWER_SECONDS = 120.0  # the longest the county waits for one bundle's rows
_COLLECT_EVERY = 32  # bundles read between two garbage collections in the child
DRIVERS = ("sqlite3", "sqlcipher3.dbapi2")  # the modules the child may stage with

# what the child answers for one bundle: the manifest's hash and, for each part by name, its
# staging table's database image (``PreparedPart.image``), or its rows with a driver that cannot
# make one (sent with ``marshal``: plain values, read back in a fraction of pickle's time)
Answer = tuple[str, dict[str, bytes | list[list[object]]]] | None


def code_params() -> dict[str, list[str]]:
    """Each synced table's code lists as read now (``RowChecker.code_params``)."""
    return {t.name: layout_for(t).checker.code_params() for t in synced_tables()}


def driver_of(connection: Any) -> str:
    """The DB-API module of ``connection`` (the child stages with the same SQLite)."""
    return str(type(connection).__module__)


def worth_it(records: Sequence[int]) -> bool:
    """Whether a run of bundles announcing ``records`` each is big enough for a read-ahead."""
    return len(records) >= MIN_BUNDLES and sum(records) >= MIN_RECORDS


_ENDED = b""  # the receiving thread's last word: the child is gone


class ReadAhead:
    """The child and the bundles asked of it, in the order the run takes them.

    The child's answers are taken off the pipe as they come by a thread of their own (a child
    whose answer waited in the pipe would wait with it, instead of reading the next bundle);
    they are read back (``marshal``) only when the run takes them."""

    def __init__(
        self, codes: dict[str, list[str]], driver: str, most_records: int = MOST_RECORDS
    ) -> None:
        self._waiting: deque[Path] = deque()  # not asked for yet
        self._asked: deque[Path] = deque()  # asked for, answers not taken yet, in order
        self._codes = codes
        self._driver = driver
        self._most_records = most_records
        self._process: Any = None
        self._pipe: Connection | None = None
        self._answers: queue.Queue[bytes] = queue.Queue()
        self._receiver: threading.Thread | None = None

    def start(self) -> None:
        """Start the child (it reads nothing before ``read``)."""
        if self._driver not in DRIVERS:
            return
        try:
            process, ours = start_child(
                child_main,
                (self._codes, self._driver, self._most_records),
                "station-bundle-reader",
            )
        except OSError as error:
            log.warning("the bundle read-ahead did not start: %s", error)
            return
        self._process, self._pipe = process, ours
        self._receiver = threading.Thread(
            target=self._receive, args=(ours,), name="station-bundle-answers", daemon=True
        )
        self._receiver.start()

    def read(self, plains: Sequence[Path]) -> None:
        """Have the child read ``plains``, in the order the run will take them."""
        self._waiting.extend(plains)
        self._ask()

    def _receive(self, pipe: Connection) -> None:
        while True:
            try:
                self._answers.put(pipe.recv_bytes())
            except (EOFError, OSError):
                self._answers.put(_ENDED)
                return

    def _ask(self) -> None:
        while self._pipe is not None and self._waiting and len(self._asked) < DEPTH:
            path = self._waiting.popleft()
            try:
                self._pipe.send(str(path))
            except (OSError, ValueError):
                self.stop()
                return
            self._asked.append(path)

    def take(self, plain: Path, manifest_sha256: str) -> dict[str, PreparedPart] | None:
        """The parts of ``plain`` the child found clean, when it read the manifest whose hash is
        ``manifest_sha256``; None: read the bundle in process."""
        if plain not in self._asked and plain not in self._waiting:
            return None
        while self._pipe is not None and self._asked:
            path = self._asked.popleft()
            answer = self._answer()
            self._ask()
            if path != plain:  # a bundle the run passed over (refused, waiting, already here)
                continue
            if answer is None or answer[0] != manifest_sha256:
                return None
            return {
                name: PreparedPart(image=part)
                if isinstance(part, bytes)
                else PreparedPart(rows=part)
                for name, part in answer[1].items()
            }
        return None

    def _answer(self) -> Answer:
        try:
            data = self._answers.get(timeout=ANSWER_SECONDS)
        except queue.Empty:
            log.warning("the bundle read-ahead did not answer; reading in process")
        else:
            if data is _ENDED:
                log.warning("the bundle read-ahead ended; reading in process")
            else:
                try:
                    answer = marshal.loads(data)
                except (EOFError, ValueError, TypeError):
                    answer = False
                if answer is None or _well_formed(answer):
                    return answer  # type: ignore[no-any-return]
                log.warning("the bundle read-ahead answered out of turn; reading in process")
        self.stop()
        return None

    def stop(self) -> None:
        """Stop the child; what it has not answered is read in process."""
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(5)
            self._process = None
        if self._receiver is not None:  # the child gone, its end of the pipe is closed
            self._receiver.join(5)
            self._receiver = None
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        self._asked.clear()
        self._waiting.clear()


def _well_formed(answer: object) -> bool:
    return (
        isinstance(answer, tuple)
        and len(answer) == 2
        and isinstance(answer[0], str)
        and isinstance(answer[1], dict)
        and all(isinstance(part, bytes | list) for part in answer[1].values())
    )


@contextlib.contextmanager
def reading_ahead(files: int, driver: str) -> Iterator[ReadAhead | None]:
    """A started read-ahead for a run of ``files`` files when there may be enough of them to be
    worth it (``read`` then, or ``stop`` when their records say it is not), else None; stopped
    when the block ends. Started before the files are decrypted, so the child's start overlaps."""
    if files < MIN_BUNDLES or (os.cpu_count() or 1) < 2:  # one core: the child would only wait
        yield None
        return
    ahead = ReadAhead(code_params(), driver)
    ahead.start()
    try:
        yield ahead
    finally:
        ahead.stop()


# --- the child ---------------------------------------------------------------------------------


def child_main(
    pipe: Connection, codes: dict[str, list[str]], driver: str, most_records: int
) -> None:
    """Answer each bundle path the county sends (``read_clean``) until it closes the pipe."""
    gc.disable()  # rows are acyclic: collected now and then instead (``_COLLECT_EVERY``)
    connection = scratch_database(driver)
    try:
        for read in itertools.count(1):
            try:
                path = pipe.recv()
            except (EOFError, OSError):
                return
            connection.execute("BEGIN")
            try:
                answer = read_clean(connection, Path(path), codes, most_records)
            finally:
                connection.execute("ROLLBACK")
            if read % _COLLECT_EVERY == 0:
                gc.collect()
            try:
                pipe.send_bytes(marshal.dumps(answer))
            except (OSError, ValueError):
                return
    finally:
        connection.close()


def scratch_database(driver: str) -> Any:
    """The child's database: in memory, with ``driver`` (one of :data:`DRIVERS`, else the
    standard library's), a staging table for every synced table (as the merge's)."""
    module = importlib.import_module(driver if driver in DRIVERS else "sqlite3")
    connection = module.connect(":memory:", isolation_level=None)
    for table in synced_tables():
        connection.execute(layout_for(table).create_staging())
    return connection


def read_clean(
    connection: sqlite3.Connection,
    plain: Path,
    codes: dict[str, list[str]],
    most_records: int = MOST_RECORDS,
) -> Answer:
    """The bundle's manifest hash and each part's checked rows, or None when the bundle or any
    part fails a check, it has more than ``most_records`` records, or anything at all goes wrong:
    the county then reads it itself. Runs in a transaction the caller rolls back."""
    try:
        bundle = open_bundle(plain)
    except Exception:  # noqa: BLE001 - the county opens it again and says why
        return None
    try:
        if sum(p.records for p in bundle.parts) > most_records:
            return None
        tables = table_by_name()
        images = hasattr(connection, "serialize")
        prepared: dict[str, bytes | list[list[object]]] = {}
        for part in bundle.parts:
            table = tables.get(part.table)
            if table is None or table.name not in codes:
                return None
            layout = layout_for(table)
            staging = layout.staging
            # each part staged alone (the savepoint empties the tables again): its image holds
            # its rows only, their rowids from 1, the lines
            connection.execute("SAVEPOINT part")
            try:
                staged = layout.read_into(
                    connection, staging, bundle, part, lambda _lines: None, keep_rows=not images
                )
                layout.check_staged(
                    connection, bundle, part, staging, codes[table.name], staged.uids
                )
                prepared[part.name] = connection.serialize(name="temp") if images else staged.rows
            finally:
                connection.execute("ROLLBACK TO part")
                connection.execute("RELEASE part")
        return bundle.manifest_sha256, prepared
    except Exception:  # noqa: BLE001 - the county reads it itself and refuses it in its words
        return None
    finally:
        bundle.close()
