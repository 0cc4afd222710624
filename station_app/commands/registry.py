"""Commands of the station registry itself: init, demo, search, check, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from station_app.commands.base import CommandAdder, iso_date, out, problem
from station_app.installation import Installation, init_station


def cmd_init(args: argparse.Namespace, inst: Installation) -> int:
    identity = init_station(
        inst,
        code=args.station_code,
        name=args.name,
        county_code=args.county_code,
        role=args.role,
    )
    role = "县消协" if identity.is_county else "服务站"
    out(f"已设置{role} {identity.code}（{identity.name}），数据目录：{inst.paths.root}")
    return 0


def cmd_demo(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.demo import generate_demo

    ctx = inst.context(actor="演示数据")
    summary = generate_demo(
        ctx,
        complaints=args.complaints,
        visits=args.visits,
        events=args.events,
        date_from=args.date_from,
        date_to=args.date_to,
        seed=args.seed,
    )
    out(
        f"已生成演示数据（{summary.date_from} 至 {summary.date_to}，种子 {summary.seed}）："
        f"投诉 {summary.complaints} 件，来访咨询 {summary.visits} 次，"
        f"宣传活动 {summary.events} 场，经营者 {summary.businesses} 家，"
        f"联络员 {summary.officers} 人，村和社区 {summary.regions} 个"
    )
    return 0


def cmd_search(args: argparse.Namespace, inst: Installation) -> int:
    from station_app import codes
    from station_app.registry.search import search_complaints
    from station_app.validation import mask_name

    inst.context()  # refuses an uninitialised installation with a clear message
    statuses = codes.code_list("complaint_status")
    for row in search_complaints(args.text, limit=args.limit):
        status = statuses.name(row.status) if statuses.contains(row.status) else row.status
        out(
            "\t".join(
                [
                    row.number,
                    f"{row.received_at:%Y-%m-%d}",
                    status,
                    mask_name(row.complainant),
                    row.respondent_name,
                    row.subject,
                ]
            )
        )
    return 0


def cmd_check(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.backup import check_database

    problems = check_database(inst.db)
    if problems:
        for found in problems:
            problem(f"数据库检查发现问题：{found}")
        return 1
    out(f"数据库完好：{inst.paths.database}")
    return 0


def cmd_backup(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.backup import backup_database

    identity = inst.identity()
    target = backup_database(
        inst.db,
        Path(args.out) if args.out else inst.paths.backups,
        station_code=identity.code if identity else None,
        attachments_dir=inst.paths.attachments,
    )
    out(str(target))
    return 0


def cmd_restore(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.backup import restore_backup, verify_backup

    info = verify_backup(Path(args.file))
    inst.close()
    aside = restore_backup(inst.paths, info.path)
    out(
        f"已从 {info.path.name} 恢复（{info.complaints} 条投诉，{info.visits} 条来访）；"
        f"原数据库已另存为 {aside}"
    )
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add("init", cmd_init, "设置本服务站（或县消协）")
    sub.add_argument("--station-code", required=True)
    sub.add_argument("--name", required=True)
    sub.add_argument("--county-code")
    sub.add_argument("--role", choices=["station", "county"], default="station")

    sub = add("demo", cmd_demo, "生成演示数据")
    sub.add_argument("--complaints", type=int, default=500)
    sub.add_argument("--visits", type=int, default=800)
    sub.add_argument("--events", type=int, default=0)
    sub.add_argument("--from", dest="date_from", type=iso_date)
    sub.add_argument("--to", dest="date_to", type=iso_date)
    sub.add_argument("--seed", type=int, default=1)

    sub = add("search", cmd_search, "按任意文字片段查找投诉")
    sub.add_argument("text")
    sub.add_argument("--limit", type=int, default=50)

    add("check", cmd_check, "检查数据库完整性")

    sub = add("backup", cmd_backup, "备份数据库")
    sub.add_argument("--out", help="备份到此文件夹（默认：数据目录下的 backups）")

    sub = add("restore", cmd_restore, "从备份恢复数据库")
    sub.add_argument("file")
