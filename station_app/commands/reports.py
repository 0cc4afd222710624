"""Commands of the monthly reports: ``stats`` (the indicators) and ``ledger`` (the workbook)."""

from __future__ import annotations

import argparse
import json

from station_app.commands.base import CommandAdder, command_actor, iso_month, out
from station_app.installation import Installation
from station_app.registry.context import Context
from station_app.reports.figures import change_percent_text, change_text, figure_text


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
    from station_app.reports.ledger import write_ledger

    ctx = inst.context(actor=command_actor(args, inst))
    summary = write_ledger(
        args.month, args.out, origin=_origin(ctx), unmasked=args.unmasked, ctx=ctx
    )
    out(
        f"已写入 {summary.path}（本月登记 {summary.complaints_registered} 件，"
        f"结转办理 {summary.complaints_carried_over} 件，来访 {summary.visits} 次，"
        f"宣传活动 {summary.events} 场{'，含完整个人信息' if summary.unmasked else ''}）"
    )
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add("stats", cmd_stats, "显示某月的月度统计指标")
    sub.add_argument("--month", required=True, type=iso_month, help="月份，YYYY-MM")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")

    sub = add("ledger", cmd_ledger, "导出某月的月度台账（Excel）")
    sub.add_argument("--month", required=True, type=iso_month, help="月份，YYYY-MM")
    sub.add_argument("--out", required=True, help="台账文件路径（.xlsx）")
    sub.add_argument(
        "--unmasked", action="store_true", help="写出完整的姓名和电话（会记入操作日志）"
    )
    sub.add_argument("--actor", help="操作人姓名（仅未加密的旧数据库：加密后操作日志记登录的人）")
