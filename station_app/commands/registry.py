"""Commands of the station registry itself: init, demo, search, list, show, check, backup,
restore."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any, NoReturn

from station_app.actors import COMMAND_LINE, DEMO_DATA
from station_app.commands.base import (
    CommandAdder,
    command_actor,
    date_option,
    iso_date,
    out,
    problem,
)
from station_app.errors import StationError
from station_app.installation import Installation, init_station
from station_app.messages import msg
from station_app.store.postgres import ServerSettings, check_url, is_postgres_url


def cmd_init(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access.permissions import check_may_manage_installation

    check_may_manage_installation(inst.signed_in)  # the station's details: not an officer's
    identity = init_station(
        inst,
        code=args.station_code,
        name=args.name,
        county_code=args.county_code,
        role=args.role,
    )
    role = "县消协" if identity.is_county else "服务站"
    out(f"已设置{role} {identity.code}（{identity.name}），数据目录：{inst.paths.root}")
    if inst.server is not None:
        out(f"数据库：{inst.server.url}（PostgreSQL）")
    if identity.is_county:
        from station_app.messages import msg
        from station_app.sync.bundle_crypto import county_recipient, recipient_fingerprint

        recipient = county_recipient()
        if recipient:
            out(
                msg(
                    "县消协加密公钥：{recipient}（指纹 {fingerprint}），随名册下发给各服务站。",
                    recipient=recipient,
                    fingerprint=recipient_fingerprint(recipient),
                )
            )
    return 0


def init_server(args: argparse.Namespace) -> ServerSettings | None:
    """The county's PostgreSQL database that ``init --database`` names (opened instead of the
    data directory's SQLite file, and kept in its settings), or None."""
    if not args.database:
        if args.database_password_file:
            raise StationError(msg("--database-password-file 只与 --database 一起使用。"))
        return None
    if args.role != "county":
        raise StationError(msg("只有县消协（--role county）可以使用 PostgreSQL 数据库。"))
    if not is_postgres_url(args.database):
        raise StationError(
            msg(
                "--database 应为 postgresql://用户@主机:端口/数据库名，而不是 {url}",
                url=args.database,
            )
        )
    chosen = args.database_password_file
    password_file = str(Path(chosen).resolve()) if chosen else None
    return ServerSettings(check_url(args.database), password_file)


def cmd_demo(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access.permissions import ManagingAct, check_may_manage_installation
    from station_app.demo import generate_demo

    check_may_manage_installation(inst.signed_in, ManagingAct.DEMO_DATA)  # invented records
    ctx = inst.context(actor=DEMO_DATA)
    options = ("complaints", "visits", "events", "date_from", "date_to", "seed")
    summary = generate_demo(ctx, **{name: getattr(args, name) for name in options})
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

    problems = check_database(inst.sqlite())
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
        inst.sqlite(),
        Path(args.out) if args.out else inst.paths.backups,
        station_code=identity.code if identity else None,
        attachments_dir=inst.paths.attachments,
    )
    out(str(target))
    return 0


def cmd_restore(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.access.permissions import check_may_manage_installation
    from station_app.backup import restore_backup, verify_backup

    check_may_manage_installation(inst.signed_in)  # NotPermitted: one line, exit 1
    inst.sqlite()  # a county on PostgreSQL restores with its server's tools
    info = verify_backup(Path(args.file))
    inst.close()
    aside = restore_backup(inst.paths, info.path)
    out(
        f"已从 {info.path.name} 恢复（{info.complaints} 条投诉，{info.visits} 条来访）；"
        f"原数据库已另存为 {aside}"
    )
    return 0


def _status_arg(text: str | None) -> str | None:
    from station_app import codes

    if text is None:
        return None
    statuses = codes.code_list("complaint_status")
    code = statuses.code_for(text.strip())
    if code is None:
        names = "、".join(e.name for e in statuses.entries())
        raise StationError(f"没有“{text}”这一办理状态，可填：{names}。")
    return code


def _rule_set_code(received_on: dt.date) -> str:
    from station_app.workflow.rule_sets import NoRuleSetForDate, rule_set_for

    try:
        return rule_set_for(received_on).code
    except NoRuleSetForDate:
        return ""


def _reveal(args: argparse.Namespace, inst: Installation, uid: str, reason: str, what: str) -> None:
    """An unmasked list or show leaves a ``reveal`` entry in the audit log (as ``ledger
    --unmasked`` leaves an ``export`` one)."""
    from station_app.access import access_log
    from station_app.registry.audit import record_action
    from station_app.store.models import database_proxy

    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    with database_proxy.atomic():
        record_action(ctx, "complaint", uid, "reveal", reason, field="unmasked", new_value=what)
        access_log.record(ctx, access_log.REVEAL, what, reason)


def cmd_list(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.registry.listing import ComplaintFilter, list_complaints
    from station_app.validation import mask_name
    from station_app.workflow.states import status_name

    inst.context()  # refuses an uninitialised installation with a clear message
    date_from = date_option(args.date_from, "--from")
    date_to = date_option(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise StationError(f"--from（{date_from}）不能晚于 --to（{date_to}）。")
    flt = ComplaintFilter(
        status=_status_arg(args.status), received_from=date_from, received_to=date_to
    )
    rows = []
    after = None
    while True:
        page = list_complaints(flt, descending=False, after=after, limit=1000)
        rows.extend(page.rows)
        if page.cursor is None:
            break
        after = page.cursor
    if args.unmasked:
        conditions = f"status={flt.status or ''} from={date_from or ''} to={date_to or ''}"
        _reveal(
            args, inst, "list", "命令行列出未遮蔽个人信息的投诉", f"{conditions} {len(rows)} 件"
        )
    items = []
    for row in rows:
        received_on = row.received_at.date()
        name = row.complainant or ""
        items.append(
            {
                "number": row.number,
                "status": row.status,
                "status_name": status_name(row.status),
                "received_on": received_on.isoformat(),
                "rule_set": _rule_set_code(received_on),
                "complainant": name if args.unmasked else mask_name(name),
                "respondent": row.respondent_name,
                "subject": row.subject,
            }
        )
    if args.json:
        out(json.dumps(items, ensure_ascii=False, indent=1))
        return 0
    for item in items:
        out(
            "\t".join(
                str(item[key])
                for key in (
                    "number",
                    "status_name",
                    "received_on",
                    "rule_set",
                    "complainant",
                    "respondent",
                    "subject",
                )
            )
        )
    return 0


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else round(fen / 100, 2)


def complaint_record(number: str, unmasked: bool = False) -> dict[str, Any]:
    """What ``station show`` prints: the complaint's fields, complainants, respondent, status,
    running deadline and history; names, phones, ID numbers and addresses masked unless
    ``unmasked``."""
    from station_app import codes
    from station_app.registry.complaints import complainants_of
    from station_app.registry.natures import primary_of, secondary_of, split_natures
    from station_app.store.models import Complaint
    from station_app.validation import mask_id_number, mask_name, mask_phone
    from station_app.workflow.deadlines import DEADLINE_KIND_NAMES, deadline_of
    from station_app.workflow.states import status_name
    from station_app.workflow.transitions import received_on, transitions_of

    complaint = Complaint.get_or_none(
        (Complaint.number == number.strip()) & (Complaint.deleted == False)  # noqa: E712
    )
    if complaint is None:
        raise StationError(f"没有登记编号为“{number}”的投诉。")

    def name_of(list_name: str, code: str | None) -> str | None:
        if not code:
            return None
        entries = codes.category_list() if list_name == "category" else codes.code_list(list_name)
        return entries.name(code) if entries.contains(code) else code

    natures = split_natures(complaint.natures)
    primary = primary_of(natures, complaint.primary_nature)
    received = received_on(complaint)
    officer = complaint.officer if complaint.officer_id else None
    people = []
    for link in complainants_of(complaint):
        person = link.person
        people.append(
            {
                "name": person.name if unmasked else mask_name(person.name),
                "phone": (person.phone if unmasked else mask_phone(person.phone))
                if person.phone
                else None,
                "id_number": (person.id_number if unmasked else mask_id_number(person.id_number))
                if person.id_number
                else None,
                "address": person.address if unmasked else None,
                "village_code": person.village_code,
                "is_representative": bool(link.is_representative),
            }
        )
    pending = deadline_of(complaint) if complaint.status else None
    deadline = None
    if pending is not None:
        deadline = {
            "kind": pending.kind,
            "name": DEADLINE_KIND_NAMES[pending.kind],
            "start": pending.start.isoformat(),
            "deadline": pending.deadline.date.isoformat() if pending.deadline.date else None,
            "estimated": pending.deadline.estimated,
            "paused_since": pending.deadline.paused_since.isoformat()
            if pending.deadline.paused_since
            else None,
        }
    history = [
        {
            "on": t.happened_on.isoformat(),
            "action": t.action,
            "from": status_name(t.from_status),
            "to": status_name(t.to_status),
            "actor": t.actor,
            "reason": t.reason or t.reason_code,
        }
        for t in transitions_of(complaint.id)
    ]
    return {
        "number": complaint.number,
        "status": complaint.status,
        "status_name": status_name(complaint.status),
        "received_at": complaint.received_at.isoformat(sep=" ", timespec="minutes"),
        "received_on": received.isoformat(),
        "rule_set": _rule_set_code(received),
        "channel": name_of("channel", complaint.channel),
        "officer": officer.name if officer is not None else None,
        "is_group": bool(complaint.is_group),
        "group_size": complaint.group_size,
        "complainants": people,
        "respondent": {
            "name": complaint.respondent_name,
            "credit_code": complaint.respondent_credit_code,
            "address": complaint.respondent_address,
            "phone": complaint.respondent_phone,
        },
        "subject": complaint.subject,
        "category": name_of("category", complaint.category_code),
        "subcategory": complaint.subcategory,
        "primary_nature": name_of("nature", primary),
        "secondary_natures": [name_of("nature", n) for n in secondary_of(natures, primary)],
        "purchase_date": complaint.purchase_date.isoformat() if complaint.purchase_date else None,
        "purchase_place": complaint.purchase_place,
        "amount_paid_yuan": _yuan(complaint.amount_paid_fen),
        "disputed_amount_yuan": _yuan(complaint.disputed_amount_fen),
        "facts": complaint.facts,
        "demands": [name_of("demand", d) for d in split_natures(complaint.demands)],
        "demand_text": complaint.demand_text,
        "hotline_number": complaint.hotline_number,
        "accepted_on": complaint.accepted_on.isoformat() if complaint.accepted_on else None,
        "outcome": name_of("outcome", complaint.outcome),
        "closed_on": complaint.closed_on.isoformat() if complaint.closed_on else None,
        "recovered_yuan": _yuan(complaint.recovered_fen),
        "punitive_yuan": _yuan(complaint.punitive_fen),
        "deadline": deadline,
        "history": history,
        "uid": complaint.uid,
    }


_SHOW_LABELS = {
    "number": "登记编号",
    "status_name": "办理状态",
    "received_at": "登记时间",
    "rule_set": "适用规定",
    "channel": "渠道",
    "officer": "经办人",
    "subject": "商品/服务",
    "category": "大类",
    "subcategory": "小类",
    "primary_nature": "投诉性质（主要）",
    "purchase_date": "购买日期",
    "purchase_place": "购买地点",
    "amount_paid_yuan": "涉及金额(元)",
    "disputed_amount_yuan": "争议金额(元)",
    "facts": "投诉事由",
    "demand_text": "诉求说明",
    "hotline_number": "12315编号",
    "accepted_on": "受理日期",
    "outcome": "处理结果",
    "closed_on": "办结日期",
    "recovered_yuan": "挽回经济损失(元)",
    "punitive_yuan": "加倍赔偿(元)",
}


def cmd_show(args: argparse.Namespace, inst: Installation) -> int:
    inst.context()  # refuses an uninitialised installation with a clear message
    record = complaint_record(args.number, unmasked=args.unmasked)
    if args.unmasked:
        _reveal(args, inst, record["uid"], "命令行查看未遮蔽个人信息的投诉", record["number"])
    if args.json:
        out(json.dumps(record, ensure_ascii=False, indent=1))
        return 0
    for key, label in _SHOW_LABELS.items():
        value = record[key]
        if value not in (None, ""):
            out(f"{label}：{value}")
    if record["secondary_natures"]:
        out(f"其他性质（不计入统计）：{'、'.join(record['secondary_natures'])}")
    if record["demands"]:
        out(f"诉求：{'、'.join(record['demands'])}")
    if record["is_group"]:
        out(f"群体性投诉：{record['group_size']} 人")
    for index, person in enumerate(record["complainants"], start=1):
        parts = [person["name"], person["phone"], person["id_number"], person["address"]]
        mark = "（代表人）" if person["is_representative"] else ""
        out(f"投诉人{index}{mark}：{' '.join(p for p in parts if p)}")
    respondent = record["respondent"]
    parts = [respondent["name"], respondent["credit_code"], respondent["address"]]
    out(f"被投诉方：{' '.join(p for p in parts if p)}")
    deadline = record["deadline"]
    if deadline:
        due = deadline["deadline"] or f"检测鉴定中（自 {deadline['paused_since']} 起暂停计算）"
        out(f"期限：{deadline['name']} {due}{'（估算）' if deadline['estimated'] else ''}")
    for step in record["history"]:
        reason = f"（{step['reason']}）" if step["reason"] else ""
        out(f"办理记录：{step['on']} {step['from']} → {step['to']} {step['actor']}{reason}")
    return 0


def _one_line_refusals(parser: argparse.ArgumentParser) -> None:
    """Bad arguments to ``parser``: one Chinese line on stderr and exit 1 (argparse: usage, 2)."""

    def error(message: str) -> NoReturn:
        required = "the following arguments are required: "
        if message.startswith(required):
            reason = f"缺少参数：{message[len(required) :]}"
        else:
            reason = f"参数有误：{message}"
        parser.exit(1, f"{parser.prog}：{reason}\n")

    parser.error = error  # type: ignore[method-assign]


def add_commands(add: CommandAdder) -> None:
    sub = add("init", cmd_init, "设置本服务站（或县消协）")
    sub.add_argument("--station-code", required=True, help="服务站（或县消协）编号，如 TJ001")
    sub.add_argument("--name", required=True, help="名称，如 通江县诺江镇消费维权服务站")
    sub.add_argument("--county-code", help="所属县的 6 位行政区划代码，如 511921")
    sub.add_argument(
        "--role",
        choices=["station", "county"],
        default="station",
        help="station：服务站（默认）；county：县消协（汇总各服务站的数据包）",
    )
    sub.add_argument(
        "--database",
        metavar="URL",
        help="县消协的 PostgreSQL 数据库 postgresql://用户@主机:端口/数据库名（不含密码；"
        "默认：数据目录中的 SQLite 文件）",
    )
    sub.add_argument(
        "--database-password-file",
        metavar="FILE",
        help="PostgreSQL 数据库密码所在的文件（第一行；只记下文件路径）；不给时用 PGPASSFILE 或"
        " ~/.pgpass。--password-file 仍是本机账户（站长）的密码",
    )
    sub.set_defaults(server_for=init_server)

    sub = add("demo", cmd_demo, "生成演示数据")
    sub.add_argument("--complaints", type=int, default=500, help="投诉件数（默认 %(default)s）")
    sub.add_argument("--visits", type=int, default=800, help="来访咨询次数（默认 %(default)s）")
    sub.add_argument("--events", type=int, default=0, help="宣传活动场数（默认 %(default)s）")
    sub.add_argument(
        "--from", dest="date_from", type=iso_date, help="起始日期 YYYY-MM-DD（默认：12 个月前）"
    )
    sub.add_argument(
        "--to", dest="date_to", type=iso_date, help="截止日期 YYYY-MM-DD（默认：今天）"
    )
    sub.add_argument(
        "--seed", type=int, default=1, help="随机种子：同一种子生成同样的数据（默认 %(default)s）"
    )

    sub = add("search", cmd_search, "按任意文字片段查找投诉")
    sub.add_argument("text", help="要查找的文字（多个词以空格分开，须全部包含）")
    sub.add_argument("--limit", type=int, default=50, help="最多显示几条（默认 %(default)s）")

    add("check", cmd_check, "检查数据库完整性")

    sub = add("backup", cmd_backup, "备份数据库")
    sub.add_argument("--out", help="备份到此文件夹（默认：数据目录下的 backups）")

    sub = add("restore", cmd_restore, "从备份恢复数据库")
    sub.add_argument("file", help="备份文件（由 backup 命令或程序自动备份生成）")

    sub = add("list", cmd_list, "列出投诉（登记编号、状态、登记日期、适用规定）")
    sub.add_argument("--status", help="办理状态（代码或名称，如 已受理）")
    sub.add_argument("--from", dest="date_from", help="登记日期起（YYYY-MM-DD）")
    sub.add_argument("--to", dest="date_to", help="登记日期止（YYYY-MM-DD，含当天）")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.add_argument("--unmasked", action="store_true", help="显示完整姓名（会记入操作日志）")
    sub.add_argument("--actor", help="操作人姓名（仅未加密的旧数据库：加密后操作日志记登录的人）")
    _one_line_refusals(sub)

    sub = add("show", cmd_show, "显示一件投诉的详情")
    sub.add_argument("number", help="登记编号")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.add_argument(
        "--unmasked", action="store_true", help="显示完整的姓名、电话和身份证号（会记入操作日志）"
    )
    sub.add_argument("--actor", help="操作人姓名（仅未加密的旧数据库：加密后操作日志记登录的人）")
    _one_line_refusals(sub)
