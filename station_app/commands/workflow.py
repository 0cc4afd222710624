"""Commands of the complaint workflow: ``due`` (what is overdue or due within 3 working days)."""

from __future__ import annotations

import argparse
import json

from station_app.clock import SYSTEM_CLOCK
from station_app.commands.base import CommandAdder, iso_date, out
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


def add_commands(add: CommandAdder) -> None:
    sub = add("due", cmd_due, "列出已超期或 3 个工作日内到期的投诉")
    sub.add_argument("--on", type=iso_date, help="按这一天计算（YYYY-MM-DD，默认今天）")
    sub.add_argument("--json", action="store_true", help="以 JSON 输出")
