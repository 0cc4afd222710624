"""Commands of sync bundles and receipts: bundle export/import, receipt export/import."""

from __future__ import annotations

import argparse
from pathlib import Path

from station_app.commands.base import CommandAdder, out, problem
from station_app.installation import Installation
from station_app.sync.import_run import DEFAULT_COMMIT_SECONDS


def cmd_bundle(args: argparse.Namespace, inst: Installation) -> int:
    if args.action == "export":
        from station_app.sync.export import export_bundle

        path = export_bundle(inst.context(), inst.paths, Path(args.out), full=args.full)
        out(str(path))
        return 0
    from station_app.sync.importing import import_bundles

    reports = import_bundles(
        inst.context(),
        inst.paths,
        [Path(f) for f in args.files],
        commit_seconds=args.commit_seconds,
    )
    for report in reports:
        if report.refused:
            problem(report.message)
        else:
            for line in report.lines():
                out(line)
    return 1 if any(r.refused for r in reports) else 0


def cmd_receipt(args: argparse.Namespace, inst: Installation) -> int:
    if args.action == "export":
        from station_app.sync.receipts import export_receipt

        out(str(export_receipt(inst.context(), inst.paths, Path(args.out))))
        return 0
    from station_app.sync.receipts import import_receipt

    for line in import_receipt(inst.context(), Path(args.file)).lines():
        out(line)
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add("bundle", cmd_bundle, "同步数据包：服务站导出，县消协导入")
    actions = sub.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="导出自上次以来的变更（--full 导出全部）")
    export.add_argument("--out", required=True, help="写到哪个文件夹（如 U 盘）")
    export.add_argument("--full", action="store_true", help="导出全部记录而不只是新变更")
    imported = actions.add_parser("import", help="县消协导入一个或多个数据包")
    imported.add_argument("files", nargs="+", metavar="FILE", help="数据包文件（.stbundle）")
    imported.add_argument(
        "--commit-seconds",
        type=float,
        default=DEFAULT_COMMIT_SECONDS,
        metavar="SECONDS",
        help="已应用的数据包每隔多少秒提交一次（默认 %(default)s；0 即每个包各自提交）",
    )

    sub = add("receipt", cmd_receipt, "回执：县消协导出已收到的数据包，服务站导入")
    actions = sub.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="县消协导出回执")
    export.add_argument("--out", required=True, help="写到哪个文件夹（如 U 盘）")
    imported = actions.add_parser("import", help="服务站导入回执")
    imported.add_argument("file", metavar="FILE", help="县消协给的回执文件")
