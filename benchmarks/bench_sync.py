"""Sync bundle benchmarks: station export and county import, each beside raw executemany.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py                 # full size
    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py --complaints 10000 --visits 30000 \
        --bundles 30                                                         # quick

In one run, in a temporary directory:

(a) a station with N complaints and M visits (plus their complainants, people, officers and
    businesses) is written with raw ``sqlite3.executemany`` into a freshly migrated database:
    that insert is the export's baseline (the same rows, written the cheapest way);
    ``export_bundle(full=True)`` of it is timed: target < 10 s for 100 000 + 300 000.
(b) ``--bundles`` stations (default 300) of about 1 000 records each export their first bundle
    (untimed), sealed to the county's key; the clerk has confirmed their keys (untimed); the
    county imports all of them with ``import_bundles`` (timed, decryption included). Baseline: the very
    rows of those bundles, already parsed, with foreign keys already mapped, inserted with raw
    ``executemany`` into a fresh county database, one transaction per bundle. Targets: at least
    50 000 records/s, and at most 3 x the baseline. Also: the "floor", the same executemany in
    one transaction without the search index, the least time SQLite itself needs to store those
    rows in this schema on this machine; target: the import takes at most 2 x the floor.
    ``--encrypted``: the county and the floor under SQLCipher, as a real installation with
    accounts (the read-ahead then hands over rows: sqlcipher3 cannot load a database image).
    Import and floor run ``--repeat`` times (default 3) in turns, each into a fresh copy, and the
    table gives their medians and the median of each pair's ratio: on a shared machine one
    import's CPU time alone moves by ±15 % from minute to minute, and a floor measured a minute
    after its import moved the ratio by as much.

Rows are made generically from the models (every synced table's columns, so new columns are
covered), with varied Chinese text so compression behaves as with real records. Prints a table
and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)
from pyrage import x25519

from benchmarks.report_table import Result, print_table
from station_app.clock import FixedClock
from station_app.installation import NewHead, init_station, open_installation
from station_app.settings import get_setting, set_setting
from station_app.store.models import SyncedModel, database_proxy
from station_app.sync.bundle_crypto import COUNTY_RECIPIENT_SETTING
from station_app.sync.export import export_bundle
from station_app.sync.key_confirm import confirm_station_key
from station_app.sync.keys import existing_fingerprint
from station_app.sync.merge import import_bundles
from station_app.sync.row_checks import CODED_COLUMNS, MULTI_CODED_COLUMNS, known_codes
from station_app.sync.tables import SyncTable, q, table_by_name

CLOCK = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
FLOOR_RATIO_TARGET = 2.0  # the import against SQLite alone storing the same rows
_HANZI = (
    "消费者投诉商家退货退款质量问题农资化肥种子农药假冒伪劣售后服务维修更换赔偿损失调解协议履行"
    "村民购买电动车手机冰箱洗衣机装修合同价格欺诈虚假宣传快递网购平台直播带货预付卡健身美容培训"
    "保险理财医疗药品食品过期变质餐饮旅游酒店机票燃气供水供电通信宽带话费流量套餐县镇乡街道社区"
)


class RowMaker:
    """Rows for any synced model, made from its fields (so new columns are filled too)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        # words of 2–4 characters, drawn unevenly, as in real text (so it compresses like it)
        words = ["".join(self.rng.choice(_HANZI) for _ in range(self.rng.randint(2, 4)))
                 for _ in range(3_000)]  # fmt: skip
        weights = [1 / (rank + 1) for rank in range(len(words))]
        self.text = "".join(self.rng.choices(words, weights, k=80_000))
        self.seq = 0

    def chinese(self, low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        start = self.rng.randrange(0, len(self.text) - n)
        return self.text[start : start + n]

    def rows(
        self, table: SyncTable, count: int, origin: str, parents: dict[str, int], first_id: int
    ) -> tuple[list[str], list[tuple[object, ...]]]:
        rng = self.rng
        model = table.model
        fields = [f for f in model._meta.sorted_fields]
        columns = [f.column_name for f in fields]
        rows = []
        stamp = "2026-11-20 02:00:00+00:00"
        # coded columns take codes of their lists, as the county's row checks require
        coded = {
            columns.index(column): sorted(known_codes(spec))
            for checks in (CODED_COLUMNS, MULTI_CODED_COLUMNS)
            for (table_name, column), spec in checks.items()
            if table_name == table.name and column in columns
        }
        own = [columns.index(c) for c in ("station_code",) if table.name == "officer"]
        for i in range(count):
            self.seq += 1
            values: list[object] = []
            for f in fields:
                name = f.column_name
                if name == "id":
                    values.append(first_id + i)
                elif name == "uid":
                    values.append(uuid.UUID(int=rng.getrandbits(128)).hex)
                elif name == "origin":
                    values.append(origin)
                elif name == "version":
                    values.append(1)
                elif name == "updated_at":
                    values.append(stamp)
                elif name == "deleted":
                    values.append(0)
                elif name == "change_seq":
                    values.append(self.seq)
                elif isinstance(f, ForeignKeyField):
                    n = parents.get(f.rel_model._meta.table_name, 0)
                    values.append(
                        rng.randint(1, n) if n and (not f.null or rng.random() < 0.8) else None
                    )
                elif f.unique:
                    values.append(f"{origin}-{name}-{first_id + i:07d}")
                elif isinstance(f, BooleanField):
                    values.append(int(rng.random() < 0.2))
                elif isinstance(f, IntegerField | FloatField):
                    values.append(rng.randint(0, 500_000))
                elif isinstance(f, DateTimeField):
                    day = dt.datetime(2025, 1, 1) + dt.timedelta(minutes=rng.randint(0, 900_000))
                    values.append(day.strftime("%Y-%m-%d %H:%M:%S"))
                elif isinstance(f, DateField):
                    values.append(
                        (dt.date(2025, 1, 1) + dt.timedelta(rng.randint(0, 600))).isoformat()
                    )
                elif isinstance(f, TextField):
                    values.append(self.chinese(20, 120))
                elif isinstance(f, CharField):
                    limit = f.max_length or 20
                    values.append(
                        self.chinese(1, min(limit, 12))
                        if limit > 12
                        else str(rng.randint(0, 10 ** min(limit, 9) - 1))
                    )
                else:
                    values.append(None)
            for index, choices in coded.items():
                values[index] = rng.choice(choices)
            for index in own:  # a station's officers are its own
                values[index] = origin
            rows.append(tuple(values))
        return columns, rows

    # fmt: skip


def station_plan(complaints: int, visits: int) -> dict[str, int]:
    return {
        "officer": 8,
        "business": max(complaints // 50, 5),
        "person": max(complaints // 2, 10),
        "visit": visits,
        "complaint": complaints,
        "complainant": complaints,
    }


def fill(
    connection: sqlite3.Connection, maker: RowMaker, origin: str, plan: dict[str, int]
) -> tuple[float, int, dict[str, tuple[list[str], list[tuple[object, ...]]]]]:
    """Insert the planned rows with raw executemany; returns (seconds, records, rows by table)."""
    tables = table_by_name()
    made: dict[str, tuple[list[str], list[tuple[object, ...]]]] = {}
    first_ids = {
        name: (connection.execute(f"SELECT coalesce(max(id), 0) FROM {q(name)}").fetchone()[0] + 1)
        for name in plan
    }
    for name, count in plan.items():
        made[name] = maker.rows(tables[name], count, origin, plan, first_ids[name])
    start = time.perf_counter()
    connection.execute("BEGIN")
    for name, (columns, rows) in made.items():
        marks = ", ".join("?" for _ in columns)
        connection.executemany(
            f"INSERT INTO {q(name)} ({', '.join(q(c) for c in columns)}) VALUES ({marks})", rows
        )
    connection.execute(
        "UPDATE counter SET value = ? WHERE name = 'change_seq'", (maker.seq + 1000,)
    )
    connection.execute("COMMIT")
    return time.perf_counter() - start, sum(len(r) for _, r in made.values()), made


# --encrypted: the county's database under SQLCipher, as a real installation's (accounts)
BENCH_HEAD = NewHead("bench", "测试站长", "bench-password-2026")


def new_installation(  # type: ignore[no-untyped-def]
    root: Path, code: str, role: str = "station", *, encrypted: bool = False
):
    inst = open_installation(root, BENCH_HEAD if encrypted else None)
    init_station(
        inst, code=code, name=f"{code}服务站", county_code="511921", role=role, clock=CLOCK
    )
    return inst


def bench_export(root: Path, complaints: int, visits: int, seed: int) -> list[Result]:
    inst = new_installation(root / "station", "TJ001")
    set_setting(COUNTY_RECIPIENT_SETTING, str(x25519.Identity.generate().to_public()))  # sealed
    maker = RowMaker(seed)
    maker.seq = 10
    seconds, records, _ = fill(
        inst.db.connection(), maker, "TJ001", station_plan(complaints, visits)
    )
    ctx = inst.context(clock=CLOCK)
    start = time.perf_counter()
    path = export_bundle(ctx, inst.paths, root / "out", full=True)
    took = time.perf_counter() - start
    inst.close()
    size = path.stat().st_size / 1024**2
    scale = (complaints + visits) / 400_000
    return [
        Result(
            f"(a) export {records:,} records (full, incl. integrity check)",
            f"{took:.2f} s",
            f"< {10 * scale:.1f} s",
            f"executemany {seconds:.2f} s; bundle {size:.0f} MB",
            took < 10 * scale,
        )
    ]


def bench_import(
    root: Path, bundles: int, seed: int, repeat: int = 3, *, encrypted: bool = False
) -> list[Result]:
    maker = RowMaker(seed + 1)
    files: list[Path] = []
    made_all = []
    plan = {"officer": 3, "business": 50, "person": 200, "visit": 400, "complaint": 150,
            "complainant": 150}  # fmt: skip
    county = new_installation(root / "county", "COUNTY", role="county", encrypted=encrypted)
    recipient = get_setting(COUNTY_RECIPIENT_SETTING)
    county.close()
    fingerprints: dict[str, str] = {}
    records = 0
    for n in range(bundles):
        code = f"S{n:04d}"
        inst = new_installation(root / "stations" / code, code)
        set_setting(COUNTY_RECIPIENT_SETTING, str(recipient))  # from the county's roster
        maker.seq = 10
        _, _, made = fill(inst.db.connection(), maker, code, plan)
        files.append(export_bundle(inst.context(clock=CLOCK), inst.paths, root / "bundles"))
        records += (
            inst.db.connection().execute("SELECT sum(records) FROM bundle_export").fetchone()[0]
        )
        fingerprints[code] = str(existing_fingerprint(inst.paths))
        inst.close()
        made_all.append(made)

    county = open_installation(root / "county")
    ctx = county.context(clock=CLOCK)
    for code, fingerprint in fingerprints.items():  # the clerk's phone calls, not timed
        confirm_station_key(ctx, county.paths, code, fingerprint)
    county.close()

    # import and floor in turns, each time into a fresh copy: the pair's ratio is read from two
    # measurements a few seconds apart (this machine's speed drifts from minute to minute)
    imports, floors, ratios = [], [], []
    refused: list[str] = []
    for turn in range(repeat):
        shutil.copytree(root / "county", root / f"county{turn}")
        county = open_installation(root / f"county{turn}")
        start = time.perf_counter()
        reports = import_bundles(county.context(clock=CLOCK), county.paths, files)
        imports.append(time.perf_counter() - start)
        refused += [r.message for r in reports if r.refused]
        county.close()
        floors.append(
            baseline_import(root / f"floor{turn}", made_all, floor=True, encrypted=encrypted)
        )
        ratios.append(imports[-1] / floors[-1])
        print(f"  turn {turn + 1}: import {imports[-1]:.2f} s, floor {floors[-1]:.2f} s,"
              f" {ratios[-1]:.2f} x")  # fmt: skip
    took, floor, ratio = (statistics.median(v) for v in (imports, floors, ratios))
    baseline = baseline_import(root / "baseline", made_all, encrypted=encrypted)
    rate = records / took
    turns = f"median of {repeat}" if repeat > 1 else "one run"
    return [
        Result(
            f"(b) county import {bundles} bundles, {records:,} records"
            + (", SQLCipher" if encrypted else ""),
            f"{took:.2f} s = {rate:,.0f} rec/s",
            ">= 50,000 rec/s",
            f"{turns}; refused: {len(refused)}",
            rate >= 50_000 and not refused,
        ),
        Result(
            "(b) import ÷ raw executemany",
            f"{took / baseline:.2f} x",
            "<= 3 x",
            f"executemany {baseline:.2f} s",
            took <= 3 * baseline,
        ),
        Result(
            "  floor: executemany, 1 transaction, no search index",
            f"{floor:.2f} s = {records / floor:,.0f} rec/s",  # (the median)
            "-",
            "SQLite alone: no reading, checks or merging",
            None,
        ),
        Result(
            "(b) import ÷ floor",
            f"{ratio:.2f} x",
            f"<= {FLOOR_RATIO_TARGET:g} x",
            f"{turns} of pairs: " + ", ".join(f"{r:.2f}" for r in ratios),
            ratio <= FLOOR_RATIO_TARGET,
        ),
    ]


def baseline_import(
    root: Path,
    made_all: list[dict[str, tuple[list[str], list[tuple]]]],
    *,
    floor: bool = False,
    encrypted: bool = False,
) -> float:
    """The same rows, foreign keys already mapped, inserted one bundle per transaction.

    ``floor``: all of them in one transaction, with a larger page cache, no automatic WAL
    checkpoint and the complaint search trigger dropped: what SQLite itself takes to store the
    rows in this schema on this machine, the least any import could take.
    """
    inst = new_installation(root, "COUNTY", role="county", encrypted=encrypted)
    connection = inst.db.connection()
    if floor:
        connection.execute("PRAGMA cache_size = -256000")
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("DROP TRIGGER complaint_fts_insert")
    offsets: dict[str, int] = {}
    prepared = []
    for made in made_all:  # renumber ids as the county would (ids differ between databases)
        bundle = []
        for name, (columns, rows) in made.items():
            id_at = columns.index("id")
            model = table_by_name()[name].model
            fk_at = {
                columns.index(f.column_name): f.rel_model._meta.table_name
                for f in model._meta.sorted_fields
                if isinstance(f, ForeignKeyField) and issubclass(f.rel_model, SyncedModel)
            }
            shifted = []
            for row in rows:
                values = list(row)
                values[id_at] = int(values[id_at]) + offsets.get(name, 0)
                for at, parent in fk_at.items():
                    if values[at] is not None:
                        values[at] = int(values[at]) + offsets.get(parent, 0)
                shifted.append(tuple(values))
            bundle.append((name, columns, shifted))
        for name, _, rows in bundle:
            offsets[name] = offsets.get(name, 0) + len(rows)
        prepared.append(bundle)
    start = time.perf_counter()
    for at, bundle in enumerate(prepared):
        if not floor or at == 0:
            connection.execute("BEGIN")
        for name, columns, rows in bundle:
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {q(name)} ({', '.join(q(c) for c in columns)}) VALUES ({marks})",
                rows,
            )
        if not floor or at == len(prepared) - 1:
            connection.execute("COMMIT")
    if floor:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    took = time.perf_counter() - start
    inst.close()
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=300_000)
    parser.add_argument("--bundles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat", type=int, default=3, help="import and floor pairs, in turns (median)"
    )
    parser.add_argument("--dir", type=Path, help="work here and keep the files")
    parser.add_argument("--only", choices=["export", "import"])
    parser.add_argument(
        "--encrypted", action="store_true", help="import: county and floor under SQLCipher"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_sync_") as temporary:
        root = args.dir or Path(temporary)
        results: list[Result] = []
        if args.only != "import":
            print(f"export: {args.complaints:,} complaints, {args.visits:,} visits in {root} ...")
            results += bench_export(root / "export", args.complaints, args.visits, args.seed)
        if args.only != "export":
            print(f"import: {args.bundles} station bundles ...")
            results += bench_import(
                root / "import", args.bundles, args.seed, args.repeat, encrypted=args.encrypted
            )
        database_proxy.initialize(None)
    print_table(results)
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
