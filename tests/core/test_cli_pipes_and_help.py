"""The ``station`` command in a pipeline (``station due | head``) and its help text."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from station_app.cli import build_parser
from station_app.demo import generate_demo
from station_app.installation import Installation
from station_app.registry.context import Context

READERS = {
    "due": ["due", "--on", "2026-11-20"],
    "list": ["list", "--from", "2026-06-01"],
    "search": ["search", "元"],
}


BUSY_MONTHS: dict[str, Any] = {
    "complaints": 400,
    "visits": 0,
    "events": 0,
    "date_from": dt.date(2026, 6, 1),
    "date_to": dt.date(2026, 11, 20),
    "seed": 4,
}


@pytest.fixture
def busy(ctx: Context, installation: Installation) -> list[str]:
    """A station with months of complaints: each reading command prints many lines."""
    generate_demo(ctx, **BUSY_MONTHS)
    return [sys.executable, "-m", "station_app.cli", "--data-dir", str(installation.paths.root)]


@pytest.mark.parametrize("command", list(READERS))
def test_a_reader_that_stops_reading_ends_the_command_quietly(
    busy: list[str], command: str
) -> None:
    line = shlex.join([*busy, *READERS[command]])
    whole = subprocess.run(busy + READERS[command], capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0 and len(whole.stdout.splitlines()) >= 10, whole.stderr

    # as typed at a shell: the status of the command, not of head (pipefail)
    piped = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {line} | head -1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (piped.returncode, piped.stderr) == (0, ""), piped.stderr
    assert piped.stdout == whole.stdout.splitlines(keepends=True)[0]

    # the reader gone before the first line: every write fails, still quiet and 0
    assert to_closed_pipe(busy + READERS[command]) == (0, "")


def to_closed_pipe(command: list[str]) -> tuple[int, str]:
    """Run ``command`` with stdout a pipe nobody reads any more; (exit status, stderr)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            command, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120
        )
    finally:
        os.close(write_end)
    return done.returncode, done.stderr


def test_help_to_a_closed_pipe_is_quiet() -> None:
    assert to_closed_pipe([sys.executable, "-m", "station_app.cli", "ledger", "--help"]) == (0, "")


def every_parser(
    parser: argparse.ArgumentParser, path: str = "station"
) -> Iterator[tuple[str, argparse.ArgumentParser, argparse.Action]]:
    """(command path, its parser, each of its actions), subcommands included, depth first."""
    for action in parser._actions:
        yield path, parser, action
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_parser(sub, f"{path} {name}")


def test_every_option_and_subcommand_has_help() -> None:
    missing = []
    commands = 0
    for path, _parser, action in every_parser(build_parser()):
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest: choice.help for choice in action._choices_actions}
            for name in action.choices:
                commands += 1
                if not helped.get(name):
                    missing.append(f"{path} {name}")
        elif not action.help or action.help == argparse.SUPPRESS:
            missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert commands >= 20  # the walk reached every command and the actions under them
    assert missing == []
    for path, parser, _action in every_parser(build_parser()):  # the help renders (%-formats)
        assert parser.format_help(), path
