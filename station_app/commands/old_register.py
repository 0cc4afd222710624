"""``station import-register``: a station's old Excel complaint register, as closed history."""

from __future__ import annotations

import argparse

from station_app.actors import COMMAND_LINE
from station_app.commands.base import CommandAdder, add_actor_option, command_actor, out, problem
from station_app.installation import Installation
from station_app.messages import msg

FIELD_HELP = "，".join(
    f"{key}"
    for key in (
        "number", "received_on", "channel", "complainant", "phone", "address", "respondent",
        "credit_code", "respondent_address", "subject", "category", "nature", "purchase_date",
        "amount", "facts", "demands", "outcome", "recovered", "punitive", "closed_on", "hotline",
        "remarks",
    )
)  # fmt: skip


def cmd_import_register(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.registry.old_register import (
        import_register,
        parse_mapping,
        preview_register,
    )

    ctx = inst.context(actor=command_actor(args, inst, COMMAND_LINE))
    preview = preview_register(ctx, args.file, mapping=parse_mapping(args.map or []))
    out(preview.summary())
    for note in preview.notes:
        out(note)
    if preview.errors:
        for error in preview.errors:
            problem(f"{preview.path.name} {error}")
        return 1
    if args.dry_run:
        out(msg("试导入：没有写入任何记录。"))
        return 0
    done = import_register(ctx, preview)
    out(
        msg(
            "已导入 {n} 件历史投诉（已导入过 {already} 件，另编新号 {renumbered} 件）。",
            n=done.imported,
            already=done.already,
            renumbered=done.renumbered,
        )
    )
    return 0


def add_commands(add: CommandAdder) -> None:
    sub = add(
        "import-register",
        cmd_import_register,
        "导入旧的投诉登记台账（Excel/WPS/CSV），作为已办结的历史投诉；全部导入或全部不导入",
    )
    sub.add_argument("file", metavar="FILE", help="旧台账文件（.xlsx .xls .et .ods .csv）")
    sub.add_argument("--dry-run", action="store_true", help="只检查并列出结果，不写入")
    sub.add_argument(
        "--map",
        action="append",
        metavar="FIELD=COLUMN",
        help=f"手工指定某字段对应的列（列名或列字母），可重复。字段：{FIELD_HELP}",
    )
    add_actor_option(sub)
