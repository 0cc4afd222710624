"""The respondent field's business register lookups at county size (50 000 businesses).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_businesses.py [--businesses 50000]

In one run, in a temporary directory: a station database with N businesses (realistic names:
town + a trade word + a shop word; one in three without a credit code), then
``registry.businesses.find_businesses`` for what an officer types (a common first character, a
town, a trade word inside names, a fragment found nowhere, a credit-code start, a phone fragment)
and ``registered_business``: median of several runs each. Baseline in the same run: one full
scan of the table (``SELECT count(*) ... WHERE name LIKE '%…%'``). Targets: a lookup by the
start of a name, code or phone, or by a common fragment, < 5 ms (index ranges, or a scan that
stops after 12 hits); a fragment found in few or no names at most 2x the full scan (it reads
the table once; the completer asks off the GUI thread, after a pause in typing).

Prints a table and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from benchmarks.report_table import Result, print_table
from station_app.clock import FixedClock
from station_app.installation import init_station, open_installation
from station_app.registry.businesses import find_businesses, registered_business
from station_app.store.models import database_proxy
from station_app.validation import credit_code_check_char

CLOCK = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
INDEX_TARGET_MS = 5.0  # a lookup reading an index range
SCAN_RATIO = 2.0  # a fragment found in few or no names reads the table once
TOWNS = ["诺江镇", "民胜镇", "广纳镇", "铁溪镇", "沙溪镇", "至诚镇", "永安镇", "火炬镇", "泥溪镇"]
TRADES = ["农资", "超市", "药店", "五金", "家电", "手机", "副食", "建材", "农家乐", "快修"]
SHOPS = ["店", "经营部", "门市", "有限公司", "批发部"]
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _credit_code(rng: random.Random) -> str:
    first = "91511921" + "".join(rng.choice(CODE_CHARS) for _ in range(9))
    return first + credit_code_check_char(first)


def fill(count: int, seed: int) -> tuple[str, str]:
    """Insert ``count`` businesses; return a credit code and a name that are in the register."""
    rng = random.Random(seed)
    now = CLOCK.utcnow().isoformat(sep=" ")
    rows, some_code = [], ""
    for n in range(count):
        code = _credit_code(rng) if n % 3 else None
        some_code = code or some_code
        name = f"{rng.choice(TOWNS)}{rng.choice(TRADES)}{n}号{rng.choice(SHOPS)}"
        phone = f"138{rng.randrange(10**8):08d}"
        rows.append((str(uuid.uuid4()), "county", 1, now, False, n + 1, name, code, phone, True))
    database_proxy.execute_sql("BEGIN")
    database_proxy.connection().executemany(
        "INSERT INTO business (uid, origin, version, updated_at, deleted, change_seq, name, "
        "credit_code, phone, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    database_proxy.execute_sql("COMMIT")
    return some_code, rows[count // 2][6]


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--businesses", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        inst = open_installation(Path(tmp))
        init_station(inst, code="TJ001", name="通江县诺江镇消费维权服务站", clock=CLOCK)
        code, shop = fill(args.businesses, args.seed)
        scan_ms = _median_ms(
            lambda: database_proxy.execute_sql(
                "SELECT count(*) FROM business WHERE name LIKE '%不存在的字%'"
            ).fetchone(),
            args.runs,
        )
        baseline = f"full scan {scan_ms:.1f} ms"
        scan = SCAN_RATIO * scan_ms
        lookups: list[tuple[str, Callable[[], object], float]] = [
            ("name starts: 诺", lambda: find_businesses("诺"), INDEX_TARGET_MS),
            ("name starts: 民胜镇", lambda: find_businesses("民胜镇"), INDEX_TARGET_MS),
            ("name contains: 农家乐", lambda: find_businesses("农家乐"), INDEX_TARGET_MS),
            ("credit code starts", lambda: find_businesses(code[:10]), INDEX_TARGET_MS),
            ("phone starts: 1380000", lambda: find_businesses("1380000"), INDEX_TARGET_MS),
            ("registered_business(code)", lambda: registered_business("", code), INDEX_TARGET_MS),
            (
                "registered_business(name)",
                lambda: registered_business(shop),
                INDEX_TARGET_MS,
            ),  # fmt: skip
            ("name contains: 4999号 (few)", lambda: find_businesses("4999号"), scan),
            ("found nowhere: 不存在的字", lambda: find_businesses("不存在的字"), scan),
        ]
        results = []
        for name, action, target in lookups:
            ms = _median_ms(action, args.runs)
            answer = action()
            shown = f"{len(answer) if isinstance(answer, list) else int(answer is not None)} found"
            results.append(
                Result(
                    name, f"{ms:.2f} ms", f"< {target:.1f} ms", f"{baseline}; {shown}", ms < target
                )  # fmt: skip
            )
        inst.close()
    print(f"{args.businesses} businesses")
    print_table(results)
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
