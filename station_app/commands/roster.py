"""Commands of the roster (名册): import a county roster, export the roster in force, write a template."""

from __future__ import annotations

import argparse
from pathlib import Path

from station_app.actors import ROSTER_IMPORT
from station_app.commands.base import CommandAdder, command_actor, out, problem
from station_app.installation import Installation


def cmd_import(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.roster.roster_import import RosterRefused, apply_roster, read_roster

    ctx = inst.context(actor=command_actor(args, inst, ROSTER_IMPORT))
    preview = read_roster(Path(args.file))
    for line in preview.summary_lines():
        out(line)
    for note in preview.notes:
        out(f"提示：{note}")
    for error in preview.errors:
        problem(str(error))
    try:
        warnings = preview.check(force=args.force, skip_bad_rows=args.skip_bad_rows)
    except RosterRefused as refused:
        problem(str(refused))
        return 1
    for warning in warnings:
        out(f"提示：{warning}")
    if args.dry_run:
        out("试运行：未做任何改动。")
        return 0
    result = apply_roster(preview, force=args.force, skip_bad_rows=args.skip_bad_rows, ctx=ctx)
    skipped = f"，跳过有错误的 {result.skipped_rows} 行" if result.skipped_rows else ""
    out(f"已导入名册（导入记录 {result.import_id}）{skipped}。")
    return 0


def cmd_export(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.roster.export import export_roster

    ctx = inst.context()  # refuses an uninitialised installation with a clear message
    if ctx.station.is_county:  # a county set up before bundles were sealed gets its key now
        from station_app.sync.bundle_crypto import ensure_county_identity

        ensure_county_identity(inst.paths)
    out(str(export_roster(Path(args.file))))
    return 0


def cmd_template(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.roster.template import write_template

    out(str(write_template(Path(args.file))))
    return 0


def add_commands(add: CommandAdder) -> None:
    roster = add("roster", _need_subcommand, "县级名册：导入、导出、空白模板")
    commands = roster.add_subparsers(dest="roster_command", required=True, metavar="COMMAND")

    sub = commands.add_parser("import", help="导入县里发来的名册", description="导入县里发来的名册")
    sub.set_defaults(handler=cmd_import)
    sub.add_argument("file", help="名册文件（.xlsx .xls .et .ods .csv，或放 CSV 文件的文件夹）")
    sub.add_argument("--dry-run", action="store_true", help="只显示将要发生的变化，不做改动")
    sub.add_argument("--force", action="store_true", help="允许导入比正在使用的更旧的版本")
    sub.add_argument("--skip-bad-rows", action="store_true", help="跳过有错误的行，导入其余的行")

    sub = commands.add_parser("export", help="导出正在使用的名册", description="导出正在使用的名册")
    sub.set_defaults(handler=cmd_export)
    sub.add_argument("file", help="要写入的 .xlsx 文件")

    sub = commands.add_parser("template", help="写出空白名册模板", description="写出空白名册模板")
    sub.set_defaults(handler=cmd_template)
    sub.add_argument("file", help="要写入的 .xlsx 文件")


def _need_subcommand(args: argparse.Namespace, inst: Installation) -> int:  # pragma: no cover
    problem("请指定 import、export 或 template。")
    return 1
