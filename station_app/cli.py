"""The ``station`` command: every headless operation (the contract is in DESIGN.md).

Exit status: 0 on success; 1 when input is refused, with one line per problem on stderr;
2 on an internal error, with one line on stderr and the traceback in the log file. A reader that
stops reading (``station due | head``) ends the command quietly with 0, as ``cat`` and ``grep`` do.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from station_app import __version__
from station_app.commands.base import Handler, add_command
from station_app.commands.unlock import add_unlock_options, unlock_for
from station_app.errors import StationError, ValidationFailed
from station_app.installation import Installation, open_installation
from station_app.paths import DataPaths

log = logging.getLogger("station.cli")

# each module has add_commands(add); a later part of the program adds its module here
COMMAND_MODULES = [
    "station_app.commands.access",
    "station_app.commands.accounts",
    "station_app.commands.documents",
    "station_app.commands.old_register",
    "station_app.commands.registry",
    "station_app.commands.reports",
    "station_app.commands.roster",
    "station_app.commands.serve",
    "station_app.commands.sync",
    "station_app.commands.workflow",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="station", description="消费维权服务站登记系统（命令行）")
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    parser.add_argument("--data-dir", help="数据目录（默认：STATION_DATA_DIR 或系统用户数据目录）")
    add_unlock_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        return add_command(commands, name, handler, help_text)

    for module in COMMAND_MODULES:
        importlib.import_module(module).add_commands(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:  # the reader stopped reading (also while --help was printing)
        _stdout_closed()
        return 0


def _run(argv: Sequence[str] | None) -> int:
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
        server_for = getattr(args, "server_for", None)  # init --database: the county's server
        inst = open_installation(
            paths.root,
            unlock_for(args, paths),
            server=server_for(args) if server_for else None,
        )
        return int(args.handler(args, inst))
    except BrokenPipeError:
        raise  # not an internal error: main ends quietly
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


def _stdout_closed() -> None:
    """The reader of stdout went away: send what is still buffered, and what Python flushes at
    exit, to the null device instead of failing (and printing an error) on the closed pipe."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


if __name__ == "__main__":
    sys.exit(main())
