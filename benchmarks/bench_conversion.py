"""Benchmark: converting a plain station database to an encrypted one, and killing it half way.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_conversion.py [--complaints 100000]
                                                                  [--visits 0] [--kills 10]

In one run, in a temporary directory: a plain station database of N complaints (the demo
generator) is converted by a child process, as the first start after the upgrade does
(``open_installation`` with the station head's new account), timed; then ``--kills`` more
conversions of fresh copies are killed with SIGKILL at random points in that time, and each is
started again. After every conversion the encrypted database must hold exactly the plain one's
rows: the same tables, row counts and a SHA-256 digest of every row
(``station_app.security.conversion.row_digests``), and no plain file may be left. Prints a table
(including the files found at each kill) and exits 1 when anything was lost.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.report_table import Result, report
from station_app.clock import FixedClock
from station_app.demo import generate_demo
from station_app.installation import Credentials, NewHead, init_station, open_installation
from station_app.security.accounts import forget_keys, unlocked_key
from station_app.security.conversion import digests_of, plain_aside_path, row_digests
from station_app.security.keyfile import KeyFile

ROOT = Path(__file__).resolve().parents[1]
HEAD = NewHead("head", "站长", "bench-password-1")
CLOCK = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
CONVERT = textwrap.dedent(
    """
    import sys
    from station_app.installation import NewHead, open_installation
    print("ready", flush=True)
    open_installation(sys.argv[1], NewHead("head", "站长", "bench-password-1")).close()
    """
)

Digests = dict[str, tuple[int, str]]


def plain_station(root: Path, complaints: int, visits: int) -> Digests:
    installation = open_installation(root)
    init_station(installation, code="TJ001", name="通江县诺江镇消费维权服务站", clock=CLOCK)
    generate_demo(installation.context(clock=CLOCK), complaints=complaints, visits=visits, seed=1)
    installation.close()
    with contextlib.closing(sqlite3.connect(root / "station.sqlite3")) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return row_digests(connection)


def start(root: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", CONVERT, str(root)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        raise SystemExit(f"the conversion process did not start: {process.stderr}")
    return process


def encrypted_digests(root: Path) -> Digests:
    forget_keys()
    installation = open_installation(root, Credentials(HEAD.login, HEAD.password))
    installation.close()
    key = unlocked_key(KeyFile.load(root / "station.keys").key_id)
    return digests_of(root / "station.sqlite3", key)


def finish(root: Path) -> None:
    """The next start: resumes a committed conversion, or converts anew."""
    if (root / "station.keys").exists():
        open_installation(root, Credentials(HEAD.login, HEAD.password)).close()
    else:
        open_installation(root, HEAD).close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=0)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args(argv)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench_conversion_") as temporary:
        work = Path(temporary)
        template = work / "template"
        print(f"generating {args.complaints:,} complaints, {args.visits:,} visits ...", flush=True)
        expected = plain_station(template, args.complaints, args.visits)
        rows = sum(count for count, _ in expected.values())
        size = (template / "station.sqlite3").stat().st_size
        timed = work / "timed"
        shutil.copytree(template, timed)
        process = start(timed)
        began = time.perf_counter()  # from "ready": the kills land in the same span
        if process.wait() != 0:
            raise SystemExit(process.stderr.read() if process.stderr else "conversion failed")
        duration = time.perf_counter() - began
        same = encrypted_digests(timed) == expected
        results.append(
            Result(
                f"convert {rows:,} rows ({size / 1e6:.0f} MB), {len(expected)} tables",
                f"{duration:6.1f} s",
                "every row",
                "counts and row digests equal" if same else "ROWS DIFFER",
                same,
            )
        )
        shutil.rmtree(timed)
        rng = random.Random(args.seed)
        survived = 0
        states = []
        for attempt in range(args.kills):
            target = work / f"kill{attempt}"
            shutil.copytree(template, target)
            process = start(target)
            delay = rng.uniform(0, duration)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            files = sorted(p.name for p in target.iterdir() if p.name.startswith("station."))
            finish(target)
            ok = encrypted_digests(target) == expected
            ok = ok and not plain_aside_path(target / "station.sqlite3").exists()
            survived += ok
            states.append(f"{delay:5.1f} s: {' '.join(files)}")
            print(f"kill {attempt + 1} at {delay:.1f} s: {'ok' if ok else 'LOST'} {files}")
            shutil.rmtree(target)
        results.append(
            Result(
                f"SIGKILL at {args.kills} random points, then start again",
                f"{survived}/{args.kills}",
                f"{args.kills}/{args.kills}",
                "nothing lost" if survived == args.kills else "rows lost",
                survived == args.kills,
            )
        )
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
