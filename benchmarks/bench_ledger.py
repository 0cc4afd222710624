"""Benchmark: the monthly ledger of a 10 000-complaint month.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_ledger.py [--complaints N] [--runs R] [--dir DIR]

Builds one station whose October 2026 holds N complaints (``generate_demo`` over that month, with
visits, events and workflow history), then, in this process:

* ledger: ``write_ledger`` (openpyxl, write-only), from the database to the finished file;
* baseline: the same cells written by xlsxwriter in ``constant_memory`` mode: the same indicator
  queries and row readers (``station_app.reports.ledger_rows``), the same five sheets, titles,
  formats, column widths, row heights, merges and print settings, so the difference is the writer;
* read only: the indicator queries and row readers alone (no workbook), for reading the two above;
* peak memory: the resident set (``ru_maxrss``) of a fresh process that opens the database and
  writes the ledger, against one that only opens the database;
* county: a county installation whose October 2026 holds M complaints (default 30 000, a big
  month for a county of 300 stations; ``--county-complaints 0`` skips it) spread over 60 stations'
  codes; the county's ledger of the month (``write_ledger(origin=None)``, every station) against
  the same xlsxwriter baseline over the same rows.

Prints name / measured / target / baseline / PASS|FAIL and exits 1 when a target is missed.
Targets (issue 4): ledger ≤ 1.5 × baseline; peak memory < 150 MB. Issue 18: the month's county
ledger < 3 × xlsxwriter writing the same cells.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from station_app.clock import FixedClock
from station_app.demo import generate_demo
from station_app.installation import Installation, init_station, open_installation
from station_app.registry.context import Context
from station_app.reports import ledger as L
from station_app.reports import ledger_rows as R
from station_app.reports.indicators import compute_indicators
from station_app.store.models import database_proxy

MONTH = "2026-10"
CLOCK = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))


def build(root: Path, complaints: int) -> None:
    inst = open_installation(root)
    init_station(inst, code="TJ001", name="通江县诺江镇消费维权服务站", clock=CLOCK)
    ctx = inst.context(actor="基准测试", clock=CLOCK)
    generate_demo(
        ctx,
        complaints=complaints,
        visits=complaints // 4,
        events=20,
        date_from=dt.date(2026, 10, 1),
        date_to=dt.date(2026, 10, 31),
        seed=1,
    )
    inst.close()


COUNTY_STATIONS = 60


def build_county(root: Path, complaints: int) -> None:
    """A county database whose month holds ``complaints`` complaints of many stations (the demo
    generator's records, their origins spread over COUNTY_STATIONS station codes as the bundles
    of as many stations would leave them)."""
    inst = open_installation(root)
    init_station(
        inst, code="XIAN", name="通江县消费者协会", county_code="511921", role="county",
        clock=CLOCK,
    )  # fmt: skip
    ctx = inst.context(actor="基准测试", clock=CLOCK)
    generate_demo(
        ctx,
        complaints=complaints,
        visits=complaints // 4,
        events=COUNTY_STATIONS * 2,
        date_from=dt.date(2026, 10, 1),
        date_to=dt.date(2026, 10, 31),
        seed=2,
    )
    spread = f"printf('TJ%03d', id % {COUNTY_STATIONS} + 1)"
    with database_proxy.atomic():
        for table in ("complaint", "visit", "education_event"):
            database_proxy.execute_sql(f"UPDATE {table} SET origin = {spread}")
    inst.close()


def _context(root: Path) -> tuple[Installation, Context]:
    inst = open_installation(root)
    return inst, inst.context(actor="基准测试", clock=CLOCK)


# -- the baseline: xlsxwriter writing the same cells ----------------------------------------------


def _xlsx_sheet(
    wb: Any,
    name: str,
    columns: Sequence[L.Column],
    title: str,
    rows: Iterable[list[Any]],
    totals: list[Any],
    notes: Sequence[str],
) -> int:
    ws = wb.add_worksheet(name)
    base = {"font_name": L.FONT_NAME, "font_size": L.FONT_SIZE, "border": 1, "valign": "vcenter"}
    formats = []
    for column in columns:
        spec = dict(base, text_wrap=True)
        if column.fmt in ("center", "int", "date", "datetime"):
            spec["align"] = "center"
        if column.fmt in L.NUMBER_FORMATS:
            spec["num_format"] = L.NUMBER_FORMATS[column.fmt]
        formats.append(wb.add_format(spec))
    header = wb.add_format(
        dict(base, bold=True, text_wrap=True, align="center", bg_color="#D9D9D9")
    )
    total = wb.add_format(dict(base, bold=True, bg_color="#F2F2F2"))
    band = wb.add_format({"font_name": L.FONT_NAME, "font_size": L.FONT_SIZE, "text_wrap": True})
    big = wb.add_format(
        {"font_name": L.FONT_NAME, "font_size": 16, "bold": True, "align": "center"}
    )
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, 2)
    ws.freeze_panes(3, 2 if len(columns) > 12 else 0)
    ws.set_footer("&C第 &P 页，共 &N 页")
    last = len(columns) - 1
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, last, title, big)
    ws.merge_range(1, 0, 1, last, "填报单位", band)
    for index, column in enumerate(columns):
        ws.write_string(2, index, column.header, header)
    r = 3
    wrapping = [c.fmt in ("wrap", "center") for c in columns]
    for count, values in enumerate(rows, 1):
        values[0] = count
        lines = 1.0
        for value, wraps, column in zip(values, wrapping, columns, strict=True):
            if wraps and value.__class__ is str and len(value) * 2 > column.width:
                need = -(-L._display_width(value) // max(column.width - 0.5, 1))
                lines = max(lines, need)
        if lines > 1:
            ws.set_row(r, lines * L.LINE_HEIGHT + 3)
        for c, (value, fmt) in enumerate(zip(values, formats, strict=True)):
            if value is None:
                ws.write_blank(r, c, None, fmt)
            elif isinstance(value, dt.datetime | dt.date):
                ws.write_datetime(r, c, value, fmt)
            elif isinstance(value, int | float):
                ws.write_number(r, c, value, fmt)
            else:
                ws.write_string(r, c, str(value), fmt)
        r += 1
    for c, value in enumerate(totals):
        ws.write(r, c, value, total)
    r += 2
    for note in [*notes, "填表人：        审核人：        日期："]:
        ws.merge_range(r, 0, r, last, note, band)
        r += 1
    return r


def baseline(root: Path, out: Path, origin: str | None = "TJ001") -> None:
    inst, _ = _context(root)
    stats = compute_indicators(MONTH, origin=origin)
    period, origin = stats.periods[0], stats.origin
    labels = R._Labels()
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})

    def complaints() -> Iterable[list[Any]]:
        yield from R.registered_rows(period, origin, unmasked=False, labels=labels)
        yield from R.carried_over_rows(period, origin, unmasked=False, labels=labels)

    # the printed sheet (14 columns) and the hidden detail sheet (all 30) of the same rows
    rows = list(complaints())
    printed = [[row[i] for i in L.PRINTED_COMPLAINT_FIELDS] for row in rows]
    blank = [None] * len(L.PRINTED_COMPLAINT_COLUMNS)
    _xlsx_sheet(
        wb, L.COMPLAINT_SHEET, L.PRINTED_COMPLAINT_COLUMNS, "台账", printed, blank, ["说明"]
    )
    blank = [None] * len(L.COMPLAINT_COLUMNS)
    _xlsx_sheet(wb, L.COMPLAINT_DETAIL_SHEET, L.COMPLAINT_COLUMNS, "明细", rows, blank, ["说明"])
    _xlsx_sheet(wb, "来访咨询登记", L.VISIT_COLUMNS, "来访",
                R.visit_rows(period, origin, unmasked=False), [None] * 12, ["说明"])  # fmt: skip
    _xlsx_sheet(wb, "宣传活动", L.EVENT_COLUMNS, "宣传", R.event_rows(period, origin),
                [None] * 10, ["说明"])  # fmt: skip
    stats_rows = [
        [r.label, r.unit, r.month, r.year_to_date, r.last_year, r.change, r.change_percent]
        for r in stats.rows
    ]
    _xlsx_sheet(wb, "月度统计", L.STATS_COLUMNS, "统计", stats_rows, [None] * 7, L._STATS_NOTES)
    wb.close()
    inst.close()


def read_only(root: Path, origin: str | None = "TJ001") -> None:
    inst, _ = _context(root)
    stats = compute_indicators(MONTH, origin=origin)
    period = stats.periods[0]
    for rows in (
        R.registered_rows(period, origin, unmasked=False),
        R.carried_over_rows(period, origin, unmasked=False),
        R.visit_rows(period, origin, unmasked=False),
        R.event_rows(period, origin),
    ):
        for _ in rows:
            pass
    inst.close()


def ledger(root: Path, out: Path, origin: str | None = "TJ001") -> None:
    inst, ctx = _context(root)
    L.write_ledger(MONTH, out, origin=origin, ctx=ctx)
    inst.close()


def timed(fn: Callable[[], None], runs: int) -> float:
    fn()  # warm the page cache and imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(root: Path, *args: str) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def child(root: Path, out: str | None) -> None:
    inst, ctx = _context(root)
    if out:
        L.write_ledger(MONTH, out, origin="TJ001", ctx=ctx)
    inst.close()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--county-complaints", type=int, default=30_000)
    parser.add_argument("--dir")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1] if len(args.child) > 1 else None)
        return 0
    with tempfile.TemporaryDirectory() as temp:
        root = Path(args.dir or temp)
        print(f"building a month of {args.complaints:,} complaints in {root} ...")
        build(root / "station", args.complaints)
        station = root / "station"
        inst, _ = _context(station)
        stats = compute_indicators(MONTH, origin="TJ001")
        inst.close()
        rows = stats.figures["complaints_registered"] + stats.figures["complaints_carried_over"]
        t_ledger = timed(lambda: ledger(station, root / "ledger.xlsx"), args.runs)
        t_base = timed(lambda: baseline(station, root / "baseline.xlsx"), args.runs)
        t_read = timed(lambda: read_only(station), args.runs)
        mem_ledger = peak_mb(station, str(root / "child.xlsx"))
        mem_open = peak_mb(station)
        county_times = None
        if args.county_complaints:
            print(f"building a county month of {args.county_complaints:,} complaints ...")
            county = root / "county"
            build_county(county, args.county_complaints)
            inst, _ = _context(county)
            figures = compute_indicators(MONTH, origin=None).figures
            inst.close()
            county_rows = figures["complaints_registered"] + figures["complaints_carried_over"]
            county_times = (
                county_rows,
                timed(lambda: ledger(county, root / "county.xlsx", None), args.runs),
                timed(lambda: baseline(county, root / "county_base.xlsx", None), args.runs),
            )
    ratio = t_ledger / t_base
    writer_ratio = (t_ledger - t_read) / max(t_base - t_read, 1e-9)
    results = [
        (f"ledger, {rows:,} complaint rows", f"{t_ledger:.2f} s", "≤ 1.5 × baseline",
         f"xlsxwriter {t_base:.2f} s", ratio <= 1.5),
        ("ledger ÷ baseline", f"{ratio:.2f} ×", "≤ 1.50 ×", "-", ratio <= 1.5),
        ("read only (queries + rows)", f"{t_read:.2f} s", "-", "-", None),
        ("writer only: openpyxl ÷ xlsxwriter", f"{writer_ratio:.2f} ×", "-",
         f"{t_ledger - t_read:.2f} s ÷ {t_base - t_read:.2f} s", None),
        ("peak memory (process RSS)", f"{mem_ledger:.0f} MB", "< 150 MB",
         f"open only {mem_open:.0f} MB", mem_ledger < 150),
    ]  # fmt: skip
    if county_times is not None:
        county_rows, t_county, t_county_base = county_times
        county_ratio = t_county / t_county_base
        results += [
            (f"county ledger (全县), {county_rows:,} rows", f"{t_county:.2f} s",
             "< 3 × baseline", f"xlsxwriter {t_county_base:.2f} s", None),
            ("county ledger ÷ xlsxwriter", f"{county_ratio:.2f} ×", "< 3.00 ×", "-",
             county_ratio < 3.0),
        ]  # fmt: skip
    print(f"{'name':<38} {'measured':>10}  {'target':<18} {'baseline':<28} result")
    for name, measured, target, base, ok in results:
        verdict = "-" if ok is None else ("PASS" if ok else "FAIL")
        print(f"{name:<38} {measured:>10}  {target:<18} {base:<28} {verdict}")
    return 0 if all(ok is not False for *_, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
