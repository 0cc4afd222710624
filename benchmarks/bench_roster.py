"""Benchmark: a county roster of 10 000 businesses read, checked, compared and applied, beside
python-calamine reading the same file raw, in the same run; then the roster export of a station
holding 200 000 businesses, beside xlsxwriter writing the same cells.

    .venv/bin/python benchmarks/bench_roster.py [--businesses N] [--repeat R]
        [--export-businesses M] [--export-repeat E]

Targets (issue 5): the whole import under 1 second, and within 4x of the raw read. Each
measurement is the best of R runs; every import run starts from a fresh installation.

Export (issue 18): a roster of M businesses (default 200 000; 0 skips this part) is imported once,
then ``station roster export`` (``export_roster``: read the roster in force, write the workbook) is
timed against the baseline "xlsxwriter, same cells": the same ``roster_rows()`` and cover read
from the database, written by xlsxwriter (constant_memory) with the same sheets, column widths and
text formats, merged instruction rows, headers, frozen panes and dropdowns. Target: export within
3x of the baseline. The two are interleaved E times (best of each); the export file is then read
back by our own importer, which must find no change.

Prints a table name / measured / target / baseline / PASS|FAIL and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import xlsxwriter
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.report_table import Result, print_table  # noqa: E402
from station_app.clock import FixedClock  # noqa: E402
from station_app.installation import init_station, open_installation  # noqa: E402
from station_app.roster import template  # noqa: E402
from station_app.roster.export import export_roster, roster_cover, roster_rows  # noqa: E402
from station_app.roster.format import COVER_TITLE, SHEETS  # noqa: E402
from station_app.roster.roster_import import apply_roster, read_roster  # noqa: E402
from station_app.store.models import Business  # noqa: E402
from station_app.validation import credit_code_check_char  # noqa: E402

REGIONS_CSV = (
    ROOT.parent / "shared" / "data" / "regions" / "sichuan_tongjiang_511921_villages_2021.csv"
)
TYPES = ["个体工商户", "企业", "农民专业合作社", "无照经营", "平台内经营者"]
SHOPS = ["农资店", "超市", "副食店", "药店", "五金店", "手机店", "饭店", "建材店", "家电城", "诊所"]


def villages() -> list[dict[str, str]]:
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def credit_code(n: int) -> str:
    first17 = f"92511921MA{n:07d}"
    return first17 + credit_code_check_char(first17)


def build_roster(path: Path, businesses: int) -> None:
    """A realistic roster: cover, the county's regions, 60 stations, 150 officers, N businesses
    (phones and village codes typed as numbers, as counties do)."""
    regions = villages()
    book = openpyxl.Workbook(write_only=True)
    cover = book.create_sheet("说明")
    for row in (["名册版本", "2026.2"], ["发布日期", "2026-11-01"], ["县级区划代码", "511921"]):
        cover.append(row)
    sheet = book.create_sheet("行政区划")
    sheet.append(["省级代码", "省", "县代码", "县", "乡镇代码", "乡镇", "村代码", "村"])
    for r in regions:
        sheet.append(
            [
                r["province_code"],
                r["province"],
                r["county_code"],
                r["county"],
                r["town_code"],
                r["town"],
                r["village_code"],
                r["village"],
            ]
        )
    sheet = book.create_sheet("服务站")
    sheet.append(["服务站编码", "服务站名称", "所在村代码", "联系电话"])
    for i in range(60):
        village = regions[i * 6]
        sheet.append(
            [
                f"TJ{i + 1:03d}",
                f"{village['village']}消费维权服务站",
                int(village["village_code"]),
                f"0827-72{i:05d}",
            ]
        )
    sheet = book.create_sheet("联络员")
    sheet.append(["姓名", "所属服务站编码", "手机", "职务"])
    for i in range(150):
        sheet.append([f"联络员{i:03d}", f"TJ{i % 60 + 1:03d}", 13900000000 + i, "联络员"])
    sheet = book.create_sheet("经营者")
    sheet.append(
        [
            "经营者名称",
            "统一社会信用代码",
            "经营者类型",
            "经营场所",
            "联系电话",
            "所在村代码",
            "法定代表人",
        ]
    )
    for i in range(businesses):
        village = regions[i % len(regions)]
        sheet.append(
            [
                f"通江县{village['town']}{SHOPS[i % 10]}{i:05d}号",
                credit_code(i + 1),
                TYPES[i % 5],
                f"{village['town']}{village['village']}{i % 90 + 1}号",
                13800000000 + i,
                int(village["village_code"]),
                f"经营者{i % 997}",
            ]
        )
    book.save(path)


def raw_read(path: Path) -> float:
    started = time.perf_counter()
    with CalamineWorkbook.from_path(str(path)) as book:
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    return time.perf_counter() - started


def full_import(path: Path, data_dir: Path) -> tuple[float, int]:
    clock = FixedClock(local=__import__("datetime").datetime(2026, 11, 20, 10, 0))
    inst = open_installation(data_dir)
    init_station(inst, code="TJ001", name="壁州街道服务站", county_code="511921", clock=clock)
    try:
        started = time.perf_counter()
        preview = read_roster(path)
        apply_roster(preview, ctx=inst.context(actor="基准测试", clock=clock))
        elapsed = time.perf_counter() - started
        if preview.errors:
            raise SystemExit(f"generated roster has errors: {preview.errors[:3]}")
        return elapsed, Business.select().count()
    finally:
        inst.close()


# --- export: export_roster against xlsxwriter writing the same cells ----------------------------


def xlsxwriter_same_cells(path: Path) -> None:
    """The baseline: the roster in force read as ``export_roster`` reads it, and written by
    xlsxwriter in the template's layout (every value a string, as the export writes them)."""
    cover, rows = roster_cover(), roster_rows()
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    text = book.add_format({"num_format": "@"})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(COVER_TITLE)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 40)
    sheet.write_string(0, 0, "消费维权服务站名册", book.add_format({"bold": True, "size": 14}))
    for r, label in enumerate(("名册版本", "发布日期", "县级区划代码", "发布单位"), start=1):
        sheet.write_string(r, 0, label, bold)
        sheet.write_string(r, 1, cover.get(label, ""), text)
    instruction = book.add_format(
        {"text_wrap": True, "valign": "top", "bg_color": "#FFF2CC", "pattern": 1}
    )
    required = book.add_format({"bold": True, "font_color": "#C00000", "bg_color": "#DDEBF7"})
    header = book.add_format({"bold": True, "bg_color": "#DDEBF7"})
    for spec in SHEETS:
        sheet = book.add_worksheet(spec.title)
        part_rows = rows.get(spec.part, [])
        formats = [text if c.kind in template._TEXT_KINDS else None for c in spec.columns]
        for j, column in enumerate(spec.columns):
            width = max(12, min(40, len(column.title) * 2 + 6))
            sheet.set_column(j, j, width, formats[j])
        sheet.freeze_panes(2, 0)
        sheet.set_row(0, 48)
        sheet.merge_range(0, 0, 0, len(spec.columns) - 1, spec.instruction, instruction)
        for j, column in enumerate(spec.columns):
            sheet.write_string(1, j, column.header, required if column.required else header)
        for r, values in enumerate(part_rows, start=2):
            for j, value in enumerate(values):
                sheet.write_string(r, j, value, formats[j])
        last_row = max(template._DROPDOWN_ROWS, len(part_rows) + 2)
        for j, column in enumerate(spec.columns):
            choices = template._choices(column.kind)
            if choices and len(",".join(choices)) < 254:
                sheet.data_validation(
                    2, j, last_row - 1, j, {"validate": "list", "source": choices}
                )
    book.close()


def export_part(businesses: int, repeat: int, work: Path) -> tuple[float, float, float, bool, int]:
    """(export s, baseline s, read-only s, export re-imports as no change, rows exported)."""
    roster = work / "export_source.xlsx"
    build_roster(roster, businesses)
    full_import(roster, work / "export_data")
    inst = open_installation(work / "export_data")
    try:
        exports, baselines, reads = [], [], []
        for _ in range(repeat):  # interleaved, so that both see the same machine load
            started = time.perf_counter()
            export_roster(work / "export.xlsx")
            exports.append(time.perf_counter() - started)
            started = time.perf_counter()
            xlsxwriter_same_cells(work / "baseline.xlsx")
            baselines.append(time.perf_counter() - started)
            started = time.perf_counter()
            rows = roster_rows()
            reads.append(time.perf_counter() - started)
        exported = sum(len(part) for part in rows.values())
        again = read_roster(work / "export.xlsx")
        same = not again.errors and again.diff.no_change
    finally:
        inst.close()
    return min(exports), min(baselines), min(reads), same, exported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--businesses", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--export-businesses", type=int, default=200_000)
    parser.add_argument("--export-repeat", type=int, default=3)
    args = parser.parse_args()
    export = None
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        roster = work / "roster.xlsx"
        build_roster(roster, args.businesses)
        raw_times, runs = [], []
        for i in range(args.repeat):  # interleaved, so that both see the same machine load
            raw_times.append(raw_read(roster))
            runs.append(full_import(roster, work / f"data{i}"))
        raw = min(raw_times)
        imported = min(t for t, _ in runs)
        count = runs[0][1]
        if args.export_businesses:
            export = export_part(args.export_businesses, args.export_repeat, work)
    if count != args.businesses:
        print(f"expected {args.businesses} businesses, found {count}")
        return 1
    ratio = imported / raw
    rows = [
        ("calamine raw read", raw, "-", "-", True),
        (
            f"import {args.businesses} businesses",
            imported,
            "< 1.000 s",
            f"{raw:.3f} s raw",
            imported < 1.0,
        ),
        ("import / raw read", ratio, "<= 4.0x", "1.0x", ratio <= 4.0),
    ]
    results = [
        Result(
            name,
            f"{value:.2f}x" if name.startswith("import /") else f"{value:.3f} s",
            target,
            baseline,
            ok,
        )
        for name, value, target, baseline, ok in rows
    ]
    if export is not None:
        t_export, t_base, t_read, same, exported = export
        ratio = t_export / t_base
        writer_ratio = (t_export - t_read) / max(t_base - t_read, 1e-9)
        results += [
            Result(f"roster export {args.export_businesses:,} businesses", f"{t_export:.2f} s",
                   "≤ 3 × baseline", f"{exported:,} rows in all", None),
            Result("xlsxwriter same cells", f"{t_base:.2f} s", "-",
                   "same roster_rows(), constant_memory", None),
            Result("roster export ÷ xlsxwriter", f"{ratio:.2f} ×", "≤ 3.00 ×", "-", ratio <= 3.0),
            Result("read only (roster_rows)", f"{t_read:.2f} s", "-", "in both", None),
            Result("writer only: openpyxl ÷ xlsxwriter", f"{writer_ratio:.2f} ×", "-",
                   f"{t_export - t_read:.2f} s ÷ {t_base - t_read:.2f} s", None),
            Result("export re-imports as no change", "yes" if same else "no", "yes", "-", same),
        ]  # fmt: skip
    print_table(results)
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
