"""Commands of the monthly reports: ``stats`` (the indicators) and ``ledger`` (the workbook)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from station_app.actors import COMMAND_LINE
from station_app.commands.base import (
    CommandAdder,
    add_actor_option,
    command_actor,
    iso_month,
    out,
    problem,
)
from station_app.file_limits import read_regular_file
from station_app.installation import Installation
from station_app.messages import msg
from station_app.registry.context import Context
from station_app.reports.figures import change_percent_text, change_text, figure_text

MAX_NOTE_BYTES = 256 * 1024  # a report's text: a few pages at most


def _origin(ctx: Context) -> str | None:
    """A station reports on its own records; the county on every station's."""
    return None if ctx.station.is_county else ctx.origin


def _cell(text: str, width: int, right: bool = False) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    pad = " " * max(0, width - shown)
    return pad + text if right else text + pad


def cmd_stats(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.reports.indicators import compute_indicators
    from station_app.reports.ledger import scope_name

    ctx = inst.context()
    origin = _origin(ctx)
    stats = compute_indicators(args.month, origin=origin)
    if args.json:
        result = stats.as_json()
        scope = "county" if origin is None else "station"
        result = {scope: ctx.origin, "station_name": scope_name(ctx, origin), **result}
        out(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    out(f"{scope_name(ctx, origin)} {args.month} 月度统计")
    widths = (34, 6, 14, 14, 14, 18, 10)
    heads = ("指标", "单位", "本月", "本年累计", "去年同期", "增减数", "增减%")
    out("".join(_cell(h, w, i > 1) for i, (h, w) in enumerate(zip(heads, widths, strict=True))))
    for row in stats.rows:
        label = "  " * row.level + row.label
        if row.kind == "heading":
            out(label)
            continue
        cells = (
            label,
            row.unit,
            figure_text(row.kind, row.month),
            figure_text(row.kind, row.year_to_date),
            figure_text(row.kind, row.last_year),
            change_text(row.kind, row.change),
            change_percent_text(row.kind, row.change_percent),
        )
        out("".join(_cell(c, w, i > 1) for i, (c, w) in enumerate(zip(cells, widths, strict=True))))
    return 0


def cmd_ledger(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.reports.ledger import default_file_name, write_ledger

    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    origin = _origin(ctx)
    target = Path(args.out).expanduser()
    if target.is_dir():  # a folder: the file gets its usual name there
        target = target / default_file_name(ctx, args.month, origin)
    summary = write_ledger(args.month, target, origin=origin, unmasked=args.unmasked, ctx=ctx)
    out(
        f"已写入 {summary.path}（本月登记 {summary.complaints_registered} 件，"
        f"结转办理 {summary.complaints_carried_over} 件，来访 {summary.visits} 次，"
        f"宣传活动 {summary.events} 场{'，含完整个人信息' if summary.unmasked else ''}）"
    )
    return 0


def cmd_report(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.commands.documents import write_pdf_offscreen
    from station_app.reports.analysis import (
        analysis_report,
        report_period,
        save_note,
        saved_note,
    )
    from station_app.reports.analysis_paper import analysis_document, write_analysis_workbook
    from station_app.reports.ledger import scope_name

    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    period = report_period(quarter=args.quarter, year=args.year)
    if args.county and not ctx.station.is_county:
        problem(msg("只有县消协可以写全县的分析报告（--county）。"))
        return 1
    origin = None if args.county else _origin(ctx)
    if args.note_file is not None or args.typical is not None:
        text, numbers = saved_note(period.key, origin)
        if args.note_file is not None:
            raw = read_regular_file(Path(args.note_file), MAX_NOTE_BYTES)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                problem(msg("{path}：不是 UTF-8 文本文件。", path=args.note_file))
                return 1
        save_note(
            ctx, period.key, origin, text, args.typical if args.typical is not None else numbers
        )
    report = analysis_report(
        period,
        origin=origin,
        scope=scope_name(ctx, origin),
        county_code=ctx.origin if origin is None else None,
    )
    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        written = write_pdf_offscreen(analysis_document(report), target)
        figures = write_analysis_workbook(report, written.with_suffix(".xlsx"))
    except OSError as error:
        problem(msg("无法写入文件 {path}：{error}", path=target, error=error))
        return 1
    out(str(written))
    out(str(figures))
    return 0


def cmd_hotline_export(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.reports.hotline_handoff import write_handoff

    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    target = Path(args.out)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    try:
        done = write_handoff(ctx, args.number, target)
    except OSError as error:
        problem(msg("无法写入文件 {path}：{error}", path=target, error=error))
        return 1
    for refusal in done.refused:
        problem(f"{refusal.number}：{refusal.reason}")
    if done.written:
        out(msg("已写入 {path}（{n} 件投诉）", path=done.path, n=len(done.written)))
    return 1 if done.refused else 0


def add_commands(add: CommandAdder) -> None:
    sub = add("stats", cmd_stats, "显示某月的月度统计指标")
    sub.add_argument("--month", required=True, type=iso_month, help="月份，YYYY-MM")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")

    sub = add("ledger", cmd_ledger, "导出某月的月度台账（Excel）")
    sub.add_argument("--month", required=True, type=iso_month, help="月份，YYYY-MM")
    sub.add_argument(
        "--out",
        required=True,
        help="台账文件路径（.xlsx）；给出已有文件夹时，在其中写入 <站点编号>_月度台账_<月份>.xlsx",
    )
    sub.add_argument(
        "--unmasked", action="store_true", help="写出完整的姓名和电话（会记入操作日志）"
    )
    add_actor_option(sub)

    sub = add("report", cmd_report, "写出季度或年度的投诉分析报告（PDF，数据另存为 xlsx）")
    period = sub.add_mutually_exclusive_group(required=True)
    period.add_argument("--quarter", help="季度，例如 2026-Q3")
    period.add_argument("--year", help="年份，例如 2026")
    sub.add_argument("--county", action="store_true", help="全县报告，附各服务站情况（县消协）")
    sub.add_argument("--out", required=True, help="PDF 文件；数据表写在旁边（同名 .xlsx）")
    sub.add_argument(
        "--note-file", help="报告的工作说明（UTF-8 文本文件），与报告一起保存，下次沿用"
    )
    sub.add_argument(
        "--typical",
        nargs="*",
        metavar="NUMBER",
        help="选作典型案例的投诉编号（匿名写入报告），与报告一起保存",
    )
    add_actor_option(sub)

    sub = add(
        "hotline-export",
        cmd_hotline_export,
        "把选定的投诉按 12315 平台录入的字段顺序写成 Excel（需投诉人同意向12315提供个人信息）",
    )
    sub.add_argument("--number", nargs="+", required=True, metavar="NUMBER", help="投诉编号")
    sub.add_argument("--out", required=True, help="Excel 文件（.xlsx）")
    add_actor_option(sub)
