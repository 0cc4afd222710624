"""Registry benchmarks at station scale: demo generation, search and list pages.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_registry.py [--complaints 100000 --visits 100000]

In one run, in a temporary directory:

(a) ``generate_demo`` of N complaints and M visits into a fresh station database;
(b) baseline: the very rows it wrote, read back with ``SELECT *`` and inserted with raw
    ``sqlite3.executemany`` into a fresh database of the same schema (FTS triggers firing), in
    one transaction. Target: the demo takes at most 3x the baseline;
(c) ``search_complaints`` with 2-, 3- and 4-character fragments (common and rare): median of
    several runs, target < 50 ms each;
(d) ``list_complaints`` first page and a deep page (cursors followed 50 pages in) for the default
    sort, sort by respondent, and each filter; ``list_visits`` likewise. Target < 20 ms each.

With ``--encrypted`` the same measurements run twice in one run, on a plain database and on an
SQLCipher one (the installation's own encryption: a random data key, argon2id-wrapped for the
station head), and three more rows compare them: the encrypted insert (demo generation), search
and list page figures, each summed over its rows, must cost at most 1.3x the plain ones.

Prints a table and exits 1 when a target is missed. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peewee import sort_models

from benchmarks.report_table import Result, report
from station_app.clock import FixedClock
from station_app.demo import generate_demo
from station_app.installation import NewHead, init_station, open_installation
from station_app.registry.listing import (
    ComplaintFilter,
    Page,
    VisitFilter,
    list_complaints,
    list_visits,
)
from station_app.registry.search import search_complaints
from station_app.store.database import open_database, raw_connection
from station_app.store.models import database_proxy
from station_app.store.schema import ALL_MODELS

STATION_CODE = "TJ001"
STATION_NAME = "通江县诺江镇消费维权服务站"
CLOCK = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))


# every table the demo writes, parents first (the station row and settings come from init)
def demo_tables() -> list[str]:
    """Every table of the schema, parents first, so the baseline re-inserts what the demo wrote."""
    return [model._meta.table_name for model in sort_models(ALL_MODELS)]


DEMO_RATIO_TARGET = 3.0
SEARCH_TARGET_MS = 50.0
PAGE_TARGET_MS = 20.0
DEEP_PAGES = 50
ENCRYPTED_RATIO_TARGET = 1.3
BENCH_HEAD = NewHead("head", "站长", "bench-password-1")


# the databases measured side by side, query by query (the plain one first); empty: the one open
_compared: list[Any] = []
ENCRYPTED_PREFIX = "[SQLCipher] "


def _medians_ms(action: Callable[[], object], runs: int) -> list[float]:
    """The median time of ``action`` on each compared database, runs interleaved so both see
    the same load on a shared machine."""
    databases = _compared or [database_proxy.obj]
    times: list[list[float]] = [[] for _ in databases]
    try:
        for database in databases:
            database_proxy.initialize(database)
            action()  # warm the page cache and the statement cache
        for _ in range(runs):
            for measured, database in zip(times, databases, strict=True):
                database_proxy.initialize(database)
                start = time.perf_counter()
                action()
                measured.append(time.perf_counter() - start)
    finally:
        database_proxy.initialize(databases[0])
    return [statistics.median(measured) * 1000 for measured in times]


def _timed_rows(name: str, medians: list[float], target_ms: float, note: str = "") -> list[Result]:
    return [
        Result(
            (ENCRYPTED_PREFIX if n else "") + name,
            f"{ms:8.1f} ms",
            f"< {target_ms:g} ms",
            note,
            ms < target_ms,
            ms / 1000,
        )
        for n, ms in enumerate(medians)
    ]


# --- (a) and (b): generation against raw executemany --------------------------------------------


def bench_generation(
    root: Path, complaints: int, visits: int, seed: int, *, encrypted: bool = False
) -> list[Result]:
    installation = open_installation(root / "demo", BENCH_HEAD if encrypted else None)
    init_station(installation, code=STATION_CODE, name=STATION_NAME, clock=CLOCK)
    ctx = installation.context(clock=CLOCK)
    start = time.perf_counter()
    summary = generate_demo(ctx, complaints=complaints, visits=visits, seed=seed)
    demo_s = time.perf_counter() - start

    captured: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for table in demo_tables():
        cursor = installation.db.execute_sql(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        captured[table] = (columns, cursor.fetchall())
    total_rows = sum(len(rows) for _, rows in captured.values())

    baseline_db = open_database(root / "baseline" / "station.sqlite3", key=installation.data_key)
    connection = raw_connection(baseline_db)
    start = time.perf_counter()
    connection.execute("BEGIN")
    for table, (columns, rows) in captured.items():
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    connection.execute("COMMIT")
    baseline_s = time.perf_counter() - start
    baseline_db.close()
    database_proxy.initialize(installation.db)  # back to the demo database for (c) and (d)

    ratio = demo_s / baseline_s
    scale = f"{summary.complaints:,} complaints, {summary.visits:,} visits, {total_rows:,} rows"
    return [
        Result(f"demo: generate_demo ({scale})", f"{demo_s:8.1f} s", "completes",
               f"{baseline_s:.1f} s executemany", True, seconds=demo_s),
        Result("demo: generate_demo / raw executemany", f"{ratio:8.2f} x",
               f"<= {DEMO_RATIO_TARGET:g} x", f"{baseline_s:.1f} s", ratio <= DEMO_RATIO_TARGET),
    ]  # fmt: skip


# --- (c): search --------------------------------------------------------------------------------


def _rare_name(length: int) -> str:
    """A complainant's name of ``length`` characters held by only a few people."""
    row = database_proxy.execute_sql(
        "SELECT name FROM person WHERE length(name) = ? GROUP BY name"
        " HAVING COUNT(*) BETWEEN 3 AND 20 ORDER BY COUNT(*), name LIMIT 1",
        (length,),
    ).fetchone()
    return str(row[0])


def bench_search(runs: int) -> list[Result]:
    fragments = [
        ("2 chars, common", "种子"),
        ("2 chars, rare (a name)", _rare_name(2)),
        ("3 chars, very common", "诺江镇"),
        ("3 chars, common", "电动车"),
        ("3 chars, rare (a name)", _rare_name(3)),
        ("4 chars", "复合肥料"),
        ("4 chars, not found", "无此内容"),
    ]
    results = []
    for label, fragment in fragments:
        hits = database_proxy.execute_sql(
            "SELECT COUNT(*) FROM complaint WHERE instr(search_text, ?) > 0", (fragment,)
        ).fetchone()[0]
        medians = _medians_ms(lambda f=fragment: search_complaints(f), runs)
        results += _timed_rows(
            f"search {label}: {fragment}", medians, SEARCH_TARGET_MS, f"{hits:,} matches"
        )
    return results


# --- (d): list pages ----------------------------------------------------------------------------


def _deep_cursor(fetch: Callable[[Any], Page]) -> tuple[Any, int]:
    """The cursor of the page ``DEEP_PAGES`` pages in (or the last page there is)."""
    cursor, pages = None, 0
    for _ in range(DEEP_PAGES):
        page = fetch(cursor)
        if page.cursor is None:
            break
        cursor, pages = page.cursor, pages + 1
    return cursor, pages + 1


def _page_rows(name: str, fetch: Callable[[Any], Page], runs: int) -> list[Result]:
    first = _medians_ms(lambda: fetch(None), runs)
    cursor, page_number = _deep_cursor(fetch)
    deep = _medians_ms(lambda: fetch(cursor), runs)
    last = " (last)" if page_number <= DEEP_PAGES else ""
    return [
        *_timed_rows(f"{name}: first page", first, PAGE_TARGET_MS),
        *_timed_rows(f"{name}: page {page_number}{last}", deep, PAGE_TARGET_MS),
    ]


def bench_lists(runs: int) -> list[Result]:
    def one(sql: str) -> Any:
        return database_proxy.execute_sql(sql).fetchone()[0]

    month = one("SELECT substr(received_at, 1, 7) FROM complaint GROUP BY 1 ORDER BY COUNT(*) DESC")
    village = one("SELECT village_code FROM complaint GROUP BY 1 ORDER BY COUNT(*) DESC")
    officer = one("SELECT officer_id FROM complaint GROUP BY 1 ORDER BY COUNT(*) DESC")
    cases: list[tuple[str, ComplaintFilter, str]] = [
        ("complaints, newest first", ComplaintFilter(), "received_at"),
        ("complaints by respondent", ComplaintFilter(), "respondent_name"),
        ("complaints status=closed", ComplaintFilter(status="closed"), "received_at"),
        (f"complaints month={month}", ComplaintFilter(month=month), "received_at"),
        ("complaints category=G10", ComplaintFilter(category_code="G10"), "received_at"),
        (f"complaints village={village}", ComplaintFilter(village_code=village), "received_at"),
        ("complaints town=511921104", ComplaintFilter(village_code="511921104"), "received_at"),
        (f"complaints officer={officer}", ComplaintFilter(officer_id=officer), "received_at"),
        ("complaints text=电动车", ComplaintFilter(text="电动车"), "received_at"),
        ("complaints text=种子", ComplaintFilter(text="种子"), "received_at"),
    ]
    results = []
    for name, flt, sort in cases:
        results += _page_rows(
            name, lambda after, f=flt, s=sort: list_complaints(f, sort=s, after=after), runs
        )
    results += _page_rows("visits, newest first", lambda after: list_visits(after=after), runs)
    results += _page_rows(
        "visits text=退货",
        lambda after: list_visits(VisitFilter(text="退货"), after=after),
        runs,
    )
    return results


def _total(results: list[Result], prefix: str) -> float:
    return sum(r.seconds or 0.0 for r in results if r.name.startswith(prefix))


def _split(results: list[Result]) -> tuple[list[Result], list[Result]]:
    encrypted = [r for r in results if r.name.startswith(ENCRYPTED_PREFIX)]
    for row in encrypted:
        row.name = row.name[len(ENCRYPTED_PREFIX) :]
    return [r for r in results if r not in encrypted], encrypted


def compare_encrypted(plain: list[Result], encrypted: list[Result]) -> list[Result]:
    """The encrypted figures against the plain ones of the same run: insert, search, pages."""
    rows = []
    for label, prefix in (
        ("insert (generate_demo)", "demo: generate_demo ("),
        ("search (sum of medians)", "search "),
        ("list pages (sum of medians)", ("complaints", "visits")),
    ):
        prefixes = prefix if isinstance(prefix, tuple) else (prefix,)
        base = sum(_total(plain, p) for p in prefixes)
        cost = sum(_total(encrypted, p) for p in prefixes)
        ratio = cost / base if base else float("inf")
        rows.append(
            Result(
                f"SQLCipher / plain: {label}",
                f"{ratio:8.2f} x",
                f"<= {ENCRYPTED_RATIO_TARGET:g} x",
                f"{cost * 1000:.0f} ms vs {base * 1000:.0f} ms",
                ratio <= ENCRYPTED_RATIO_TARGET,
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query (median)")
    parser.add_argument("--dir", type=Path, help="work here and keep the databases")
    parser.add_argument(
        "--encrypted", action="store_true", help="also on an SQLCipher database, and compare"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_registry_") as temporary:
        root = args.dir or Path(temporary)
        print(f"generating {args.complaints:,} complaints and {args.visits:,} visits in {root} ...")
        plain_root = root / "plain" if args.encrypted else root
        results = bench_generation(plain_root, args.complaints, args.visits, args.seed)
        if args.encrypted:
            plain_db = database_proxy.obj
            print("... and again, encrypted")
            generated = bench_generation(
                root / "encrypted", args.complaints, args.visits, args.seed, encrypted=True
            )
            for row in generated:
                row.name = ENCRYPTED_PREFIX + row.name
            results += generated
            _compared[:] = [plain_db, database_proxy.obj]
            database_proxy.initialize(plain_db)
        results += bench_search(args.runs)
        results += bench_lists(args.runs)
        for database in _compared or [database_proxy.obj]:
            database.close()
        if args.encrypted:
            plain, encrypted = _split(results)  # the prefix taken off, for comparing names
            comparison = compare_encrypted(plain, encrypted)
            for row in encrypted:
                row.name = ENCRYPTED_PREFIX + row.name
            results = plain + encrypted + comparison
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
