"""Commands of the complaint workflow: ``due`` (what is overdue or due within 3 working days) and
``deadline`` (one legal time limit counted from given dates)."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from station_app.clock import SYSTEM_CLOCK
from station_app.commands.base import CommandAdder, date_option, iso_date, out, problem
from station_app.installation import Installation


def cmd_due(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.workflow.deadlines import DEADLINE_KIND_NAMES, due_items
    from station_app.workflow.states import status_name

    inst.context()  # refuses an uninitialised installation with a clear message
    on = args.on or SYSTEM_CLOCK.today()
    items = due_items(on)
    if args.json:
        out(json.dumps([item.as_json() for item in items], ensure_ascii=False, indent=1))
        return 0
    for item in items:
        out(
            "\t".join(
                [
                    item.number,
                    status_name(item.status),
                    item.received_on.isoformat(),
                    DEADLINE_KIND_NAMES[item.deadline_kind],
                    item.deadline.isoformat(),
                    item.describe(),
                ]
            )
        )
    return 0


# ``station deadline --kind``: the option giving the date it counts from, and what that date is
DEADLINE_KINDS: dict[str, tuple[str, str]] = {
    "accept": ("received", "收到投诉"),
    "mediation": ("accepted", "受理"),
    "termination_notice": ("ended", "终止调解"),
}


def cmd_deadline(args: argparse.Namespace, inst: Installation) -> int:
    """The deadline of one limit under the rule set in force on the day received."""
    from station_app.workflow.deadlines import (
        DEADLINE_KIND_NAMES,
        deadline_from,
        official_calendar,
        unknown_years_between,
    )

    kind = args.kind
    if kind not in DEADLINE_KINDS:
        problem(f"--kind 应为 accept、mediation 或 termination_notice，不能是“{kind}”。")
        return 1
    received = date_option(args.received, "--received")
    if received is None:  # required: argparse has refused the command already
        return 1
    dates = {"received": received}
    for key, option in (("accepted", "--accepted"), ("ended", "--ended")):
        day = date_option(getattr(args, key), option)
        if day is not None:
            dates[key] = day
    start_key, start_name = DEADLINE_KINDS[kind]
    if start_key not in dates:
        problem(
            f"计算“{DEADLINE_KIND_NAMES[kind]}”须给出{start_name}日期：--{start_key} YYYY-MM-DD。"
        )
        return 1
    for key, option in (("accepted", "--accepted"), ("ended", "--ended")):
        if key in dates and dates[key] < received:
            problem(f"{option} 的日期 {dates[key]} 早于收到日期 {received}：请核对。")
            return 1
    if "ended" in dates and "accepted" in dates and dates["ended"] < dates["accepted"]:
        problem(f"--ended 的日期 {dates['ended']} 早于受理日期 {dates['accepted']}：请核对。")
        return 1
    start = dates[start_key]
    calendar = official_calendar()
    pending = deadline_from(kind, received, start, calendar=calendar)
    rules, deadline = pending.rule_set, pending.deadline
    assert deadline.date is not None  # no pauses here
    limit = rules.limit(kind)
    unknown = unknown_years_between(start, deadline.date, calendar) if deadline.estimated else []
    citation = f"《{rules.measure_name}》{limit.basis}" if limit.basis else ""
    last_day = start + dt.timedelta(days=limit.days)  # calendar days: before 民法典第二百零三条
    moved = limit.day_kind == "calendar" and deadline.date != last_day
    if args.json:
        out(
            json.dumps(
                {
                    "received_on": received.isoformat(),
                    "kind": kind,
                    "start_on": start.isoformat(),
                    "deadline": deadline.date.isoformat(),
                    "rule_set": rules.code,
                    "rule_set_title": rules.title,
                    "days": limit.days,
                    "day_kind": limit.day_kind,
                    "basis": limit.basis,
                    "citation": citation,
                    "verify": limit.verify,
                    "estimated": deadline.estimated,
                    "unknown_years": unknown,
                    "moved_from_rest_day": last_day.isoformat() if moved else None,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    unit = "个工作日" if limit.day_kind == "working" else "日"
    estimated = ""
    if deadline.estimated:
        years = "、".join(str(year) for year in unknown)
        estimated = f"（估算：{years}年的放假安排尚未公布，按法定节假日推算）"
    out(f"{DEADLINE_KIND_NAMES[kind]}：{deadline.date.isoformat()}{estimated}")
    out(f"起算：自{start_name}之日（{start.isoformat()}）起 {limit.days} {unit}")
    if moved:
        out(f"顺延：第 {limit.days} 日 {last_day.isoformat()} 是休息日，顺延至其后第一个工作日")
    out(f"规则：{rules.title}")
    if citation:
        out(f"依据：{citation}" + ("（条款待核实）" if limit.verify else ""))
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add("due", cmd_due, "列出已超期或 3 个工作日内到期的投诉")
    sub.add_argument("--on", type=iso_date, help="按这一天计算（YYYY-MM-DD，默认今天）")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")

    sub = add("deadline", cmd_deadline, "按收到日期适用的规则计算一项法定期限")
    sub.add_argument("--received", required=True, help="收到投诉的日期（YYYY-MM-DD）")
    sub.add_argument(
        "--kind",
        default="accept",
        help="期限：accept 受理决定（默认）、mediation 调解期限、termination_notice 终止调解告知",
    )
    sub.add_argument("--accepted", help="受理日期（YYYY-MM-DD），计算调解期限时必填")
    sub.add_argument("--ended", help="终止调解日期（YYYY-MM-DD），计算终止调解告知期限时必填")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
