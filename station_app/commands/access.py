"""Commands of personal data (PIPL): ``access-log`` (who looked at what), ``retention`` (anonymise
complaints closed longer ago than the retention period), ``personal-export`` (a person's own
records as a PDF) and ``remark`` (the county's remarks on a station's complaint)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from station_app.actors import COMMAND_LINE
from station_app.commands.base import (
    CommandAdder,
    add_actor_option,
    command_actor,
    iso_date,
    out,
    problem,
)
from station_app.installation import Installation
from station_app.messages import msg


def cmd_access_log(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access import access_log
    from station_app.access.permissions import check_may_read_access_log

    check_may_read_access_log(inst.signed_in)  # NotPermitted: one line, exit 1
    found = access_log.AccessFilter(
        start=args.start, end=args.end, actor=args.person, kind=args.kind, station=args.station
    )
    rows = access_log.entries(found)  # AccessLogError: one line, exit 1
    if args.json:
        out(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        at = row.at.isoformat(sep=" ", timespec="minutes")
        detail = f"  {row.detail}" if row.detail else ""
        out(f"{at}  {row.station}  {row.actor}  {row.kind_name}  {row.subject}{detail}")
    out(msg("共 {count} 条。", count=len(rows)))
    return 0


def cmd_retention(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access import retention
    from station_app.access.permissions import check_may_manage_personal_data

    check_may_manage_personal_data(inst.signed_in)
    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    if args.years is not None and args.set_years:
        retention.set_retention_years(args.years)
        out(msg("个人信息保存期限已设为 {years} 年。", years=args.years))
    if args.apply:
        done = retention.anonymise(ctx, args.years)
        out(
            msg(
                "已匿名化 {complaints} 条投诉的 {people} 位当事人。",
                complaints=done.complaints,
                people=done.people,
            )
        )
        return 0
    for line in retention.preview(ctx, args.years).lines():
        out(line)
    out(msg("这是预览，没有改动任何记录；确认后加 --apply 执行。"))
    return 0


def cmd_personal_export(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access.permissions import check_may_manage_personal_data
    from station_app.access.personal_export import personal_records, record_personal_export
    from station_app.commands.documents import write_pdf_offscreen

    check_may_manage_personal_data(inst.signed_in)
    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    records = personal_records(ctx, id_number=args.id_number, phone=args.phone)
    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        written = write_pdf_offscreen(records.content, target)
    except OSError as error:
        problem(msg("无法写入文件 {path}：{error}", path=target, error=error))
        return 1
    record_personal_export(ctx, records, str(written))
    out(str(written))
    return 0


def cmd_remark(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access.remarks import add_remark, remarks_of
    from station_app.registry.complaint_records import complaint_by_number

    complaint = complaint_by_number(args.number)  # RecordNotFound: one line, exit 1
    if args.text is not None:
        add_remark(
            inst.context(actor=command_actor(args, inst, COMMAND_LINE)), complaint.id, args.text
        )
    for remark in remarks_of(complaint.uid):
        at = remark.written_at.isoformat(sep=" ", timespec="minutes")
        out(f"{at}  {remark.author}（{remark.county_code}）  {remark.text}")
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add("access-log", cmd_access_log, "访问日志：谁在何时登录、查看、打印或导出了个人信息")
    sub.add_argument(
        "--from", dest="start", type=iso_date, metavar="DATE", help="起始日期 YYYY-MM-DD（含）"
    )
    sub.add_argument(
        "--to", dest="end", type=iso_date, metavar="DATE", help="截止日期 YYYY-MM-DD（含）"
    )
    sub.add_argument("--person", help="只看此操作人")
    sub.add_argument(
        "--kind",
        help="只看此类：sign_in 登录｜reveal 查看｜print 打印｜ledger_unmasked 未遮蔽台账｜"
        "bundle_export 数据包｜personal_export 本人信息",
    )
    sub.add_argument("--station", help="只看此服务站（县消协）")
    sub.add_argument("--json", action="store_true", help="以 JSON 列表输出")

    sub = add(
        "remark", cmd_remark, "县消协备注：列出一条投诉的备注；县消协可加一条（随回执发回服务站）"
    )
    sub.add_argument("number", help="投诉编号")
    sub.add_argument("text", nargs="?", help="要加的备注（县消协）；不填则只列出")
    add_actor_option(sub, "备注人姓名")

    sub = add(
        "retention",
        cmd_retention,
        "个人信息保存期限：预览（默认）或执行（--apply）对办结满 N 年投诉的匿名化",
    )
    sub.add_argument("--preview", action="store_true", help="只预览将改动什么（默认）")
    sub.add_argument("--apply", action="store_true", help="执行匿名化（一次完成，记入操作日志）")
    sub.add_argument("--years", type=int, help="保存年限（默认：设置中的年限，初始 3 年）")
    sub.add_argument("--set-years", action="store_true", help="把 --years 保存为本站设置")
    add_actor_option(sub)

    sub = add(
        "personal-export",
        cmd_personal_export,
        "按身份证号或电话导出本人的个人信息和记录（个人信息保护法第四十五条），保存为 PDF",
    )
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--id-number", help="本人的身份证号")
    who.add_argument("--phone", help="本人的电话")
    sub.add_argument("--out", required=True, help="PDF 文件")
    add_actor_option(sub, "操作人姓名（记入访问日志）")
