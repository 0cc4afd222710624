"""County server benchmarks (issue 16): the county database on PostgreSQL and the upload service.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_county_server.py              # the issue's run
    PYTHONPATH=. .venv/bin/python benchmarks/bench_county_server.py --complaints 100000 \
        --bundles 30                                                               # quicker

Starts its own PostgreSQL (Debian's binaries, as the tests do: tests/postgres_server.py) in a
temporary directory on 127.0.0.1, then, in one run:

(a) the county of ``bench_county.py`` (built once and cached there: ``--complaints`` complaints
    of 300 stations with their people, visits and workflow) is copied into a migrated PostgreSQL
    database (indexes dropped during the copy and built again after it; the time of the search
    indexes is shown). Measured, each query once to warm up then the median of ``--runs``:
    ``list_complaints`` pages (``bench_county.bench_lists``: target < 20 ms) and
    ``search_complaints`` of 1-, 2- and 3-character fragments, common and rare (target
    < 100 ms). Beside each 1-2 character search: the same fragment through pg_trgm alone
    (ILIKE), the index this design adds to (why: docs/county-server.md);
(b) ``--bundles`` stations (bench_sync's rows, default 300) export their first bundle, their keys
    confirmed at the county beforehand; ``station serve`` of a county on PostgreSQL (uvicorn, one
    process, on 127.0.0.1) and ``--clients`` (default 10) client threads post them with httpx,
    each taking the next bundle when its answer came: timed from the first request to the last
    answer, each upload merged (one INSERT … SELECT FROM jsonb_array_elements … ON CONFLICT per
    table, with every check: docs/county-server.md says why not COPY into staging) and
    committed before its answer. Baseline: PostgreSQL's own COPY of the very rows the merge
    stored, table by table, into another fresh county (same schema and indexes), one
    transaction. Target: within 3 x that COPY;
(c) the same bundle files on the embedded SQLite county: ``import_bundles`` of every file in one
    call (as ``station bundle import``: the baseline), and uploaded to ``station serve`` of a copy
    of that county by the same clients. Target: the upload at most ``UPLOAD_RATIO_TARGET`` x the
    file import (HTTP, a commit per bundle and a receipt per answer are what the network adds);
    both SQLite copies must end with the same records, and the PostgreSQL county with as many
    rows per table.

The server runs with fsync off (a benchmark, not a deployment). Prints one table
(benchmarks/report_table.py) and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pyrage
from pyrage import x25519

from benchmarks import bench_county, bench_sync
from benchmarks.report_table import Result, print_table
from station_app.clock import FixedClock
from station_app.installation import Installation, NewHead, init_station, open_installation
from station_app.registry.search import search_complaints
from station_app.settings import set_setting
from station_app.store.models import database_proxy
from station_app.store.postgres import ServerSettings
from station_app.sync.bundle_crypto import COUNTY_RECIPIENT_SETTING, IDENTITY_FILE
from station_app.sync.county import repin_station_key
from station_app.sync.export import export_bundle
from station_app.sync.importing import import_bundles
from station_app.sync.tables import q, snapshot_sql, synced_tables
from station_app.sync.upload_protocol import (
    BUNDLES_PATH,
    NAME_HEADER,
    SHA256_HEADER,
    STATION_HEADER,
    file_sha256,
)
from tests.postgres_server import PostgresServer, running_server

CLOCK = FixedClock(local=bench_county.CLOCK.local)
SEARCH_TARGET_MS = 100.0
PAGE_TARGET_MS = 20.0
MERGE_RATIO_TARGET = 3.0
UPLOAD_RATIO_TARGET = 2.0
# the county head's account of the benchmark's counties (``station serve`` signs in with it)
HEAD = NewHead("head", "站长", "bench-county-password")
# the benchmark's county age identity: the stations seal their bundles to it (as their roster says)
COUNTY_AGE = x25519.Identity.generate()
# tables the county's lists, search, overview and ledger read (copied from the SQLite county)
COPIED_TABLES = ("region", "officer", "business", "person", "visit", "complaint", "complainant",
                 "complaint_transition", "mediation_step", "agreement", "referral", "follow_up",
                 "mediation_pause", "consent_record", "represented_consent", "education_event",
                 "station", "setting", "counter")  # fmt: skip


def server_county(server: PostgresServer, root: Path, name: str) -> Installation:
    url = server.create_database(name)
    return _county(open_installation(root, HEAD, server=ServerSettings(url)))


def lite_county(root: Path) -> Installation:
    return _county(open_installation(root, HEAD))


def _county(inst: Installation) -> Installation:
    init_station(inst, code=bench_county.COUNTY_CODE, name="县消协", county_code="511921",
                 role="county", clock=CLOCK)  # fmt: skip
    (inst.paths.keys / IDENTITY_FILE).write_text(f"{COUNTY_AGE}\n", "ascii")
    return inst


def manifest_of(bundle: Path) -> dict[str, Any]:
    """The manifest of a bundle sealed to ``COUNTY_AGE``."""
    plain = pyrage.decrypt(bundle.read_bytes(), [COUNTY_AGE])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return dict(json.loads(archive.read("manifest.json")))


def confirm_keys(inst: Installation, files: list[Path]) -> None:
    """The clerk confirmed every station's key by phone before (else their bundles wait)."""
    ctx = inst.context(clock=CLOCK)
    for path in files:
        manifest = manifest_of(path)
        repin_station_key(ctx, manifest["station"]["code"], manifest["key"]["fingerprint"])


# --- (a) a county of a million complaints ---------------------------------------------------------


def copy_county(source: Path, inst: Installation) -> list[Result]:
    """The SQLite county's rows into the (migrated, empty) PostgreSQL county, ids kept."""
    raw = inst.db.connection()
    tables = list(COPIED_TABLES)
    indexes = raw.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname ="
        " i.indexname JOIN pg_index x ON x.indexrelid = c.oid WHERE i.schemaname = 'public'"
        " AND NOT x.indisprimary AND i.tablename = ANY(%s)",
        (tables,),
    ).fetchall()
    start = time.perf_counter()
    lite = sqlite3.connect(source)
    with raw.transaction():
        # bench_county's copies keep some references to rows it leaves out (its officers are per
        # seed): foreign keys are not checked during this copy (the benchmark's superuser)
        raw.execute("SET LOCAL session_replication_role = replica")
        for name, _ in indexes:
            raw.execute(f"DROP INDEX {q(name)}")
        for table in tables:
            raw.execute(f"DELETE FROM {q(table)}")
            columns = [r[1] for r in lite.execute(f"PRAGMA table_info({q(table)})")]
            names = ", ".join(q(c) for c in columns)
            with raw.cursor().copy(f"COPY {q(table)} ({names}) FROM STDIN") as copy:
                for row in lite.execute(f"SELECT {names} FROM {q(table)}"):
                    copy.write_row(row)
            if "id" in columns:
                raw.execute(
                    f"SELECT setval(pg_get_serial_sequence('{q(table)}', 'id'),"
                    f" coalesce((SELECT max(id) FROM {q(table)}), 1))"
                )
    copied = time.perf_counter() - start
    timings: dict[str, float] = {}
    raw.execute("SET maintenance_work_mem = '512MB'")  # as a county's server would be set up
    for name, definition in indexes:
        begun = time.perf_counter()
        raw.execute(definition)
        timings[name] = time.perf_counter() - begun
    raw.execute("ANALYZE")
    lite.close()
    sizes = dict(
        raw.execute(
            "SELECT relname, pg_size_pretty(pg_relation_size(oid)) FROM pg_class"
            " WHERE relname IN ('complaint_search_trgm', 'complaint_search_grams', 'complaint')"
        ).fetchall()
    )
    return [
        Result("(a) copy the county into PostgreSQL (rows)", f"{copied:.0f} s", "-",
               f"complaint table {sizes.get('complaint')}", None),
        Result("(a) build the pg_trgm index (3+ characters)",
               f"{timings.get('complaint_search_trgm', 0):.0f} s", "-",
               f"size {sizes.get('complaint_search_trgm')}", None),
        Result("(a) build the 1-2 character index (station_grams)",
               f"{timings.get('complaint_search_grams', 0):.0f} s", "-",
               f"size {sizes.get('complaint_search_grams')}", None),
    ]  # fmt: skip


def _hits(fragment: str, at_most: int = 10**9) -> int:
    """How many complaints hold ``fragment`` (counted through the search indexes: exact), or
    ``at_most`` + 1 when more."""
    # a bitmap of a common fragment's hundreds of thousands of rows must fit in work_mem: a lossy
    # one rechecks station_grams on every row of its pages (34 s for one count of 机)
    database_proxy.execute_sql("SET work_mem = '256MB'")
    if len(fragment) < 3:
        where, value = "station_grams(search_text) @> ARRAY[?]::text[]", fragment.lower()
    else:
        where, value = "search_text ILIKE ?", f"%{fragment}%"
    sql = f"SELECT count(*) FROM (SELECT 1 FROM complaint WHERE {where} LIMIT ?) AS hits"
    row = database_proxy.execute_sql(sql, [value, at_most + 1]).fetchone()
    database_proxy.execute_sql("RESET work_mem")
    return int(row[0])


def _fragment(length: int, low: int, high: int) -> str | None:
    """A fragment of ``length`` Chinese characters in ``low`` to ``high`` complaints, from the
    texts of a few complaints (names, places, products: the subjects alone are a short list of
    common words), trying at most 100 of them."""
    candidates = database_proxy.execute_sql(
        "SELECT f FROM (SELECT DISTINCT substr(search_text, n, ?) AS f FROM (SELECT search_text"
        " FROM complaint WHERE id % 997 = 1 ORDER BY id LIMIT 40) AS sample,"
        " generate_series(1, 400, 3) AS n) AS pieces WHERE f ~ '^[一-龥]+$'"
        " ORDER BY md5(f) LIMIT 100",
        [length],
    ).fetchall()
    for (fragment,) in candidates:
        if len(fragment) == length and low <= _hits(fragment, high) <= high:
            return str(fragment)
    return None


def bench_search(runs: int, complaints: int) -> list[Result]:
    scale = complaints / 1_000_000
    fragments = [
        ("1 char, common", "机"),
        ("2 chars, common", "种子"),
        ("2 chars, less common", "手机"),
        ("2 chars, in 1-5 000 (scaled)", _fragment(2, int(1_000 * scale), int(5_000 * scale))),
        ("2 chars, rare", _fragment(2, 1, max(int(200 * scale), 5))),
        ("2 chars, not found", "鼋鼍"),
        ("3 chars, common", "电动车"),
        ("3 chars, in 1-5 000 (scaled)", _fragment(3, int(1_000 * scale), int(5_000 * scale))),
        ("3 chars, rare", _fragment(3, 1, max(int(200 * scale), 5))),
        ("3 chars, not found", "无此字"),
    ]
    results = []
    for label, fragment in fragments:
        if fragment is None:
            results.append(Result(f"search {label}", "-", "-", "no such fragment here", None))
            continue
        hits = _hits(fragment)
        ms = bench_county._median_ms(lambda f=fragment: search_complaints(f), runs)  # type: ignore[misc]
        note = f"{hits:,} matches"
        if len(fragment) < 3:  # the same through pg_trgm alone: why the second index
            trgm = bench_county._median_ms(
                lambda f=fragment: database_proxy.execute_sql(  # type: ignore[misc]
                    "SELECT id FROM complaint WHERE deleted = 0 AND search_text ILIKE ?"
                    " ORDER BY received_at DESC, id DESC LIMIT 51",
                    [f"%{f}%"],
                ).fetchall(),
                max(runs // 3, 1),
            )
            note += f"; pg_trgm alone {trgm:.0f} ms"
        results.append(
            Result(
                f"search {label}: {fragment}",
                f"{ms:8.1f} ms",
                f"< {SEARCH_TARGET_MS:g} ms",
                note,
                ms < SEARCH_TARGET_MS,
            )  # fmt: skip
        )
    return results


# --- (b) merging bundles beside PostgreSQL's own COPY --------------------------------------------


def make_bundles(root: Path, bundles: int, seed: int) -> list[Path]:
    maker = bench_sync.RowMaker(seed)
    plan = {"officer": 3, "business": 50, "person": 200, "visit": 400, "complaint": 150,
            "complainant": 150}  # fmt: skip
    files = []
    for n in range(bundles):
        code = f"S{n:04d}"
        inst = bench_sync.new_installation(root / "stations" / code, code)
        maker.seq = 10
        set_setting(COUNTY_RECIPIENT_SETTING, str(COUNTY_AGE.to_public()))  # from its roster
        bench_sync.fill(inst.db.connection(), maker, code, plan)
        files.append(export_bundle(inst.context(clock=CLOCK), inst.paths, root / "bundles"))
        inst.close()
    return files


def copy_baseline(source: Installation, target: Installation) -> float:
    """PostgreSQL's own COPY of the rows the merge stored, into another fresh county."""
    dumps: list[tuple[str, str, bytes]] = []
    raw = source.db.connection()
    for table in synced_tables():
        columns = ", ".join(q(c) for c in ("id", "change_seq", *table.column_names))
        chunks: list[bytes] = []
        with raw.cursor().copy(
            f"COPY (SELECT {columns} FROM {q(table.name)} WHERE origin != %s) TO STDOUT",
            (bench_county.COUNTY_CODE,),
        ) as copy:
            for chunk in copy:
                chunks.append(bytes(chunk))
        dumps.append((table.name, columns, b"".join(chunks)))
    into = target.db.connection()
    start = time.perf_counter()
    with into.transaction():
        for name, columns, data in dumps:
            with into.cursor().copy(f"COPY {q(name)} ({columns}) FROM STDIN") as copy:
                copy.write(data)
    return time.perf_counter() - start


def bench_upload_postgres(
    server: PostgresServer, root: Path, files: list[Path], clients: int
) -> tuple[list[Result], dict[str, int]]:
    county = server_county(server, root / "county", "merge_county")
    confirm_keys(county, files)
    county.close()
    service = start_service(county.paths.root, port := free_port())
    try:
        took, statuses = upload(f"http://127.0.0.1:{port}", files, clients)
    finally:
        service.terminate()
        service.wait(timeout=60)
    county = open_installation(county.paths.root)
    rows = {
        t.name: int(county.db.execute_sql(
            f"SELECT count(*) FROM {q(t.name)} WHERE origin != ?", [bench_county.COUNTY_CODE]
        ).fetchone()[0])
        for t in synced_tables()
    }  # fmt: skip
    records = sum(rows.values())
    baseline_county = server_county(server, root / "baseline", "copy_county")
    copied = copy_baseline(county, baseline_county)
    county.close()
    baseline_county.close()
    merged = statuses.count(201)
    return [
        Result(f"(b) upload {len(files)} bundles by {clients} clients, merged into PostgreSQL",
               f"{took:.2f} s = {records / took:,.0f} rec/s", "-",
               f"{records:,} records; 201: {merged}/{len(files)}", merged == len(files)),
        Result("(b) upload and merge ÷ PostgreSQL's COPY of the same rows",
               f"{took / copied:.2f} x", f"<= {MERGE_RATIO_TARGET:g} x", f"COPY {copied:.2f} s",
               took <= MERGE_RATIO_TARGET * copied and merged == len(files)),
    ], rows  # fmt: skip


# --- (c) the same bundles on the embedded SQLite county: files beside uploads --------------------


def records_by_table(database: Path) -> dict[str, list[str]]:
    from tests.conftest import connect_raw  # the county's file is encrypted (its key unlocked)

    with contextlib.closing(connect_raw(database)) as connection:
        return {
            t.name: sorted(
                r[0]
                for r in connection.execute(
                    f'SELECT {snapshot_sql(t)} FROM "{t.name}" t WHERE t.origin != ?',
                    (bench_county.COUNTY_CODE,),
                )
            )
            for t in synced_tables()
        }


def import_files(county: Path, files: list[Path]) -> tuple[float, list[str]]:
    inst = open_installation(county)
    try:
        start = time.perf_counter()
        reports = import_bundles(inst.context(clock=CLOCK), inst.paths, files)
        took = time.perf_counter() - start
    finally:
        inst.close()
    return took, [r.message for r in reports if r.status != "imported"]


def free_port() -> int:
    import socket

    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_service(county: Path, port: int) -> subprocess.Popen[bytes]:
    password = county / "head-password.txt"  # the service signs in with the head's account
    password.write_text(HEAD.password + "\n")
    environment = {**os.environ, "STATION_PASSWORD_FILE": str(password)}
    process = subprocess.Popen(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(county), "serve",
         "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("the upload service did not start")


def upload(url: str, files: list[Path], clients: int) -> tuple[float, list[int]]:
    todo: queue.Queue[Path] = queue.Queue()
    for path in files:
        todo.put(path)
    statuses: list[int] = []
    lock = threading.Lock()

    def client() -> None:
        with httpx.Client(timeout=600) as http:
            while True:
                try:
                    path = todo.get_nowait()
                except queue.Empty:
                    return
                answer = http.post(
                    url + BUNDLES_PATH,
                    content=path.read_bytes(),
                    headers={
                        STATION_HEADER: path.name.split("_")[0],
                        SHA256_HEADER: file_sha256(path),
                        NAME_HEADER: path.name,
                    },
                )
                with lock:
                    statuses.append(answer.status_code)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, statuses


def bench_sqlite_upload(
    root: Path, files: list[Path], clients: int, postgres_rows: dict[str, int] | None
) -> list[Result]:
    records = sum(int(manifest_of(f)["records"]) for f in files)
    size = sum(f.stat().st_size for f in files) / 1024**2
    county = lite_county(root / "county")
    confirm_keys(county, files)
    county.close()
    shutil.copytree(root / "county", root / "by-files")
    shutil.copytree(root / "county", root / "by-upload")
    by_files, refused = import_files(root / "by-files", files)
    service = start_service(root / "by-upload", port := free_port())
    try:
        by_upload, statuses = upload(f"http://127.0.0.1:{port}", files, clients)
    finally:
        service.terminate()
        service.wait(timeout=60)
    lite = records_by_table(root / "by-files" / "station.sqlite3")
    same = lite == records_by_table(root / "by-upload" / "station.sqlite3")
    if postgres_rows is not None:
        same = same and postgres_rows == {name: len(rows) for name, rows in lite.items()}
    merged = statuses.count(201)
    return [
        Result(f"(c) SQLite county: import {len(files)} bundle files, {records:,} records",
               f"{by_files:.2f} s = {records / by_files:,.0f} rec/s", "-",
               f"baseline; {size:.0f} MB; not imported: {len(refused)}",
               None if not refused else False),
        Result(f"(c) SQLite county: upload {len(files)} bundles by {clients} clients, merged",
               f"{by_upload:.2f} s = {records / by_upload:,.0f} rec/s",
               f"<= {UPLOAD_RATIO_TARGET:g} x files",
               f"{by_upload / by_files:.2f} x files; 201: {merged}/{len(files)}; "
               f"same records (and on PostgreSQL): {'yes' if same else 'NO'}",
               by_upload <= UPLOAD_RATIO_TARGET * by_files and merged == len(files) and same),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--bundles", type=int, default=300)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "station_bench_county",
        help="where bench_county.py keeps its SQLite county (built once)",
    )
    parser.add_argument("--skip-merge", action="store_true", help="skip (b) and (c)")
    parser.add_argument("--skip-county", action="store_true")
    args = parser.parse_args(argv)
    results: list[Result] = []
    with (
        tempfile.TemporaryDirectory(prefix="bench_county_server_") as folder,
        running_server() as server,
    ):
        root = Path(folder)
        if not args.skip_county:
            lite = bench_county.county_installation(args.cache, args.complaints)
            source = lite.paths.database
            lite.close()
            county = server_county(server, root / "big", "big_county")
            results += copy_county(source, county)
            results += bench_county.bench_lists(args.runs)
            results += bench_search(args.runs, args.complaints)
            county.close()
        if not args.skip_merge:
            print(f"making {args.bundles} station bundles ...", flush=True)
            files = make_bundles(root / "merge", args.bundles, args.seed)
            uploaded, rows = bench_upload_postgres(server, root / "merge", files, args.clients)
            results += uploaded
            results += bench_sqlite_upload(root / "lite", files, args.clients, rows)
    print_table(results)
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
