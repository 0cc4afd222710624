"""The ``station`` command: every headless operation (the contract is in DESIGN.md).

Exit status: 0 on success; 1 when input is refused, with one line per problem on stderr;
2 on an internal error, with one line on stderr and the traceback in the log file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from station_app import __version__
from station_app.errors import StationError, ValidationFailed
from station_app.installation import Installation, init_station, open_installation
from station_app.paths import DataPaths

log = logging.getLogger("station.cli")

Handler = Callable[[argparse.Namespace, Installation], int]


def _print(text: str = "") -> None:
    print(text, flush=True)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from error


# --- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, inst: Installation) -> int:
    identity = init_station(
        inst,
        code=args.station_code,
        name=args.name,
        county_code=args.county_code,
        role=args.role,
    )
    role = "县消协" if identity.is_county else "服务站"
    _print(f"已设置{role} {identity.code}（{identity.name}），数据目录：{inst.paths.root}")
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
    _print(str(summary))
    return 0


def cmd_search(args: argparse.Namespace, inst: Installation) -> int:
    from station_app import codes
    from station_app.registry.search import search_complaints
    from station_app.validation import mask_name

    inst.context()  # refuses an uninitialised installation with a clear message
    statuses = codes.code_list("complaint_status")
    for row in search_complaints(args.text, limit=args.limit):
        status = statuses.name(row.status) if statuses.contains(row.status) else row.status
        _print(
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
        for problem in problems:
            print(f"数据库检查发现问题：{problem}", file=sys.stderr)
        return 1
    _print(f"数据库完好：{inst.paths.database}")
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
    _print(str(target))
    return 0


def cmd_restore(args: argparse.Namespace, inst: Installation) -> int:
    from station_app.backup import restore_backup, verify_backup

    info = verify_backup(Path(args.file))
    inst.close()
    aside = restore_backup(inst.paths, info.path)
    _print(
        f"已从 {info.path.name} 恢复（{info.complaints} 条投诉，{info.visits} 条来访）；"
        f"原数据库已另存为 {aside}"
    )
    return 0


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station", description="消费维权服务站登记系统（命令行）")
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认：STATION_DATA_DIR 或系统用户数据目录）")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    sub = add("init", cmd_init, "设置本服务站（或县消协）")
    sub.add_argument("--station-code", required=True)
    sub.add_argument("--name", required=True)
    sub.add_argument("--county-code")
    sub.add_argument("--role", choices=["station", "county"], default="station")

    sub = add("demo", cmd_demo, "生成演示数据")
    sub.add_argument("--complaints", type=int, default=500)
    sub.add_argument("--visits", type=int, default=800)
    sub.add_argument("--events", type=int, default=0)
    sub.add_argument("--from", dest="date_from", type=_date)
    sub.add_argument("--to", dest="date_to", type=_date)
    sub.add_argument("--seed", type=int, default=1)

    sub = add("search", cmd_search, "按任意文字片段查找投诉")
    sub.add_argument("text")
    sub.add_argument("--limit", type=int, default=50)

    add("check", cmd_check, "检查数据库完整性")

    sub = add("backup", cmd_backup, "备份数据库")
    sub.add_argument("--out", help="备份到此文件夹（默认：数据目录下的 backups）")

    sub = add("restore", cmd_restore, "从备份恢复数据库")
    sub.add_argument("file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = DataPaths(args.data_dir)
    from station_app.app_log import setup_logging

    try:
        setup_logging(paths.ensure().logs)
    except OSError as error:
        print(f"无法使用数据目录 {paths.root}：{error.strerror}", file=sys.stderr)
        return 1
    inst: Installation | None = None
    try:
        inst = open_installation(paths.root)
        return int(args.handler(args, inst))
    except ValidationFailed as error:
        for problem in error.problems:
            print(problem.message, file=sys.stderr)
        return 1
    except StationError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug: one line here, the traceback in the log
        log.exception("internal error in %s", args.command)
        print(
            f"内部错误：{error.__class__.__name__}: {error}（详见日志 {paths.logs}）",
            file=sys.stderr,
        )
        return 2
    finally:
        if inst is not None:
            inst.close()


if __name__ == "__main__":
    sys.exit(main())
