"""Commands of sync bundles and receipts: bundle export/import, receipt export/import."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from station_app.commands.base import CommandAdder, out, problem
from station_app.installation import Installation
from station_app.messages import msg
from station_app.sync.import_run import DEFAULT_COMMIT_SECONDS

if TYPE_CHECKING:
    from station_app.sync.merge import ImportReport


def cmd_bundle(args: argparse.Namespace, inst: Installation) -> int:
    if args.action == "upload":
        return _upload(args, inst)
    if args.action == "export":
        from station_app.sync.export import export_bundle

        path = export_bundle(
            inst.context(), inst.paths, Path(args.out), full=args.full, masked=args.masked
        )
        out(str(path))
        return 0
    if args.action in ("confirm-key", "reject-key", "inbox"):
        return _key_action(args, inst)
    from station_app.sync.importing import import_bundles

    reports = import_bundles(
        inst.context(),
        inst.paths,
        [Path(f) for f in args.files],
        commit_seconds=args.commit_seconds,
    )
    return _print_reports(reports)


def _key_action(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.messages import msg
    from station_app.sync import key_confirm, key_inbox

    ctx = inst.context()
    if args.action == "inbox":
        for item in key_inbox.waiting_bundles():
            out(
                msg(
                    "待核对：{station} 第 {seq} 号数据包（{file}），密钥指纹 {fingerprint}",
                    station=item.label,
                    seq=item.seq,
                    file=item.file_name,
                    fingerprint=item.fingerprint,
                )
            )
        return 0
    if args.action == "reject-key":
        count = key_inbox.reject_station_key(ctx, inst.paths, args.station, args.fingerprint)
        out(msg("已拒绝该密钥，删除了 {count} 个待核对的数据包。", count=count))
        return 0
    reports = key_confirm.confirm_station_key(ctx, inst.paths, args.station, args.fingerprint)
    out(msg("已确认 {code} 的签名密钥。", code=args.station.strip().upper()))
    return _print_reports(reports)


def _print_reports(reports: list[ImportReport]) -> int:
    for report in reports:
        if report.refused:
            problem(report.message)
        else:
            for line in report.lines():
                out(line)
    return 1 if any(r.refused for r in reports) else 0


def _upload(args: argparse.Namespace, inst: Installation) -> int:
    """Station: export what changed into the outbox, then send every bundle not yet received."""
    from station_app.sync.upload_queue import (
        QUEUED,
        REJECTED,
        county_endpoint,
        export_for_upload,
        upload_due,
    )

    ctx = inst.context()
    if ctx.station.is_county:
        problem(msg("数据包由服务站上传；本机是县消协。"))
        return 1
    endpoint = county_endpoint(args.url, args.certificate_fingerprint)
    written = export_for_upload(ctx, inst.paths, full=args.full)
    if written is not None:
        out(msg("已导出 {file}，放入待上传队列。", file=written))
    items = upload_due(ctx, inst.paths, endpoint, everything=True)
    if not items:
        out(msg("没有待上传的数据包。"))
    failed = False
    for item in items:
        line = msg("第 {seq} 号数据包：{state}", seq=item.seq, state=item.state_name)
        if item.last_error and item.state in (QUEUED, REJECTED):
            line += msg("（{reason}）", reason=item.last_error)
            failed = True
        (problem if item.state in (QUEUED, REJECTED) else out)(line)
    return 1 if failed else 0


def cmd_receipt(args: argparse.Namespace, inst: Installation) -> int:
    if args.action == "export":
        from station_app.sync.receipts import export_receipt

        out(str(export_receipt(inst.context(), inst.paths, Path(args.out))))
        return 0
    from station_app.sync.receipts import import_receipt

    for line in import_receipt(inst.context(), Path(args.file)).lines():
        out(line)
    return 0


def _add_key_action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    fingerprint_help: str,
) -> None:
    """A county action on a station's signing key (``confirm-key``, ``reject-key``): it names
    the station by its code, then the key by its fingerprint."""
    parser = actions.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("station", metavar="STATION_CODE", help="服务站编码，如 TJ001")
    parser.add_argument("fingerprint", metavar="FINGERPRINT", help=fingerprint_help)


def add_commands(add: CommandAdder) -> None:
    sub = add("bundle", cmd_bundle, "同步数据包：服务站导出，县消协导入")
    actions = sub.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="导出自上次以来的变更（--full 导出全部）")
    export.add_argument("--out", required=True, help="写到哪个文件夹（如 U 盘）")
    export.add_argument("--full", action="store_true", help="导出全部记录而不只是新变更")
    export.add_argument(
        "--masked",
        action="store_true",
        help="导出脱敏数据包（姓名、电话、证件号和文字内容已遮蔽；本站还没有县消协公钥时可用）",
    )
    imported = actions.add_parser("import", help="县消协导入一个或多个数据包")
    imported.add_argument("files", nargs="+", metavar="FILE", help="数据包文件（.stbundle）")
    imported.add_argument(
        "--commit-seconds",
        type=float,
        default=DEFAULT_COMMIT_SECONDS,
        metavar="SECONDS",
        help="已应用的数据包每隔多少秒提交一次（默认 %(default)s；0 即每个包各自提交）",
    )

    _add_key_action(
        actions,
        "confirm-key",
        "县消协：电话核对指纹后确认服务站的签名密钥，并合并其待核对的数据包",
        "服务站同步页显示的密钥指纹（32 位十六进制，可按 4 位一组加空格，整体加引号）",
    )
    _add_key_action(
        actions,
        "reject-key",
        "县消协：拒绝未核对上的密钥，删除由它签名的待核对数据包",
        "待核对数据包显示的密钥指纹（32 位十六进制）",
    )
    actions.add_parser("inbox", help="县消协：列出等待核对密钥的数据包")
    upload = actions.add_parser(
        "upload", help="服务站：导出新变更并上传到县消协（联网时），已排队的数据包一并重试"
    )
    upload.add_argument("--url", help="县消协上传地址（默认用名册中的“县消协上传地址”）")
    upload.add_argument(
        "--certificate-fingerprint",
        metavar="SHA256",
        help="县消协服务器证书的 SHA-256 指纹（HTTPS；默认用名册中的）",
    )
    upload.add_argument("--full", action="store_true", help="导出并上传全部记录而不只是新变更")

    sub = add("receipt", cmd_receipt, "回执：县消协导出已收到的数据包，服务站导入")
    actions = sub.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="县消协导出回执")
    export.add_argument("--out", required=True, help="写到哪个文件夹（如 U 盘）")
    imported = actions.add_parser("import", help="服务站导入回执")
    imported.add_argument("file", metavar="FILE", help="县消协给的回执文件")
