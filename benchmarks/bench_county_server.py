"""County server benchmarks: the county database on PostgreSQL (issue 16).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_county_server.py                  # 1 000 000
    PYTHONPATH=. .venv/bin/python benchmarks/bench_county_server.py --complaints 100000 \
        --bundles 30                                                                   # quicker

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
(b) ``--bundles`` stations (bench_sync's rows) export their first bundle; ``import_bundles``
    merges them into a fresh county on PostgreSQL (timed: COPY into staging + INSERT … ON
    CONFLICT, with every check). Baseline: PostgreSQL's own COPY of the very rows the merge
    stored, table by table, into another fresh county (same schema and indexes), one
    transaction. Target: the merge within 3 x that COPY.

The server runs with fsync off (a benchmark, not a deployment): both sides of (b) alike.
Prints a table (benchmarks/report_table.py; further rows, e.g. uploads, go in the same table)
and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import bench_county, bench_sync
from benchmarks.report_table import Result, print_table
from station_app.clock import FixedClock
from station_app.installation import Installation, init_station, open_installation
from station_app.registry.search import search_complaints
from station_app.store.models import database_proxy
from station_app.store.postgres import ServerSettings
from station_app.sync.export import export_bundle
from station_app.sync.importing import import_bundles
from station_app.sync.tables import q, synced_tables
from tests.postgres_server import PostgresServer, running_server

CLOCK = FixedClock(local=bench_county.CLOCK.local)
SEARCH_TARGET_MS = 100.0
PAGE_TARGET_MS = 20.0
MERGE_RATIO_TARGET = 3.0
# tables the county's lists, search, overview and ledger read (copied from the SQLite county)
COPIED_TABLES = ("region", "officer", "business", "person", "visit", "complaint", "complainant",
                 "complaint_transition", "mediation_step", "agreement", "referral", "follow_up",
                 "mediation_pause", "consent_record", "represented_consent", "education_event",
                 "station", "setting", "counter")  # fmt: skip


def server_county(server: PostgresServer, root: Path, name: str) -> Installation:
    url = server.create_database(name)
    inst = open_installation(root, server=ServerSettings(url))
    init_station(inst, code=bench_county.COUNTY_CODE, name="县消协", county_code="511921",
                 role="county", clock=CLOCK)  # fmt: skip
    return inst


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


def bench_merge(server: PostgresServer, root: Path, bundles: int, seed: int) -> list[Result]:
    files = make_bundles(root, bundles, seed)
    county = server_county(server, root / "county", "merge_county")
    ctx = county.context(clock=CLOCK)
    start = time.perf_counter()
    reports = import_bundles(ctx, county.paths, files)
    took = time.perf_counter() - start
    refused = [r.message for r in reports if r.refused]
    records = sum(r.total("inserted") for r in reports)
    baseline_county = server_county(server, root / "baseline", "copy_county")
    copied = copy_baseline(county, baseline_county)
    county.close()
    baseline_county.close()
    return [
        Result(f"(b) merge {bundles} bundles, {records:,} records into PostgreSQL",
               f"{took:.2f} s = {records / took:,.0f} rec/s", "-",
               f"refused: {len(refused)}", None if not refused else False),
        Result("(b) merge ÷ PostgreSQL's COPY of the same rows", f"{took / copied:.2f} x",
               f"<= {MERGE_RATIO_TARGET:g} x", f"COPY {copied:.2f} s",
               took <= MERGE_RATIO_TARGET * copied and not refused),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--bundles", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query (median)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "station_bench_county",
        help="where bench_county.py keeps its SQLite county (built once)",
    )
    parser.add_argument("--skip-merge", action="store_true")
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
            results += bench_merge(server, root / "merge", args.bundles, args.seed)
    print_table(results)
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
