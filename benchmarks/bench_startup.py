"""Benchmark: cold start of the window, from launch to the first painted main window.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_startup.py [--runs R] [--dist DIR]
                                                               [--platform xvfb|offscreen]

Each start is a new process over an initialised, encrypted station (no first-run dialog) with its
own settings folder, launched with ``STATION_REPORT_FIRST_PAINT=quit``: the program prints
``station-first-paint <time.time()>`` once its first screen (the sign-in; from sign-in to the
main window see ``bench_sign_in.py``) has been painted, then
quits (``station_app.gui.app.selftest.watch_first_paint``). Measured: from just before the process is
spawned to that timestamp, the median of ``--runs`` starts after one untimed warm-up start (so
the operating system's file cache is warm and Python's bytecode caches are written, into the work
folder: the program's own start-up work is what is measured).

* source: ``python packaging/station_app_main.py`` (the same ``main()`` as ``station-app``);
* frozen: ``DIR/station/station`` of ``--dist DIR``; without it the bundle is built first with
  ``pyinstaller build.spec`` into a temporary folder (the build time is reported too);
* baseline: ``python -c "import PySide6.QtWidgets"``, spawn to exit: the floor any Qt window
  program in Python pays before doing anything of its own;
* note: ``python -c "import station_app.gui.app.main"``, the share of the start spent importing.

By default the windows open on a virtual X screen (Xvfb, started here, 1366x768 like the
stations' laptops) through Qt's xcb plugin, as on a desktop; ``--platform offscreen`` uses Qt's
offscreen plugin instead. Prints name / measured / target / baseline / PASS|FAIL and exits 1
when a target is missed. Target (issue 7): first window painted within 1 s of launch, from source
and frozen.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from station_app.gui.app.selftest import FIRST_PAINT_ENV, FIRST_PAINT_PREFIX
from station_app.installation import NewHead, init_station, open_installation

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 1.0
START_TIMEOUT_S = 30.0


@dataclass
class Result:
    name: str
    measured: str
    target: str
    baseline: str
    passed: bool | None  # None: informational


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A virtual X screen for the duration; yields its DISPLAY."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise SystemExit(
            "Xvfb is not installed (apt-get install xvfb), or use --platform offscreen"
        )
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], 10)
            chunk = os.read(read_fd, 16) if ready else b""
            if not chunk:
                raise SystemExit("Xvfb did not start")
            number += chunk
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_fd)
        server.terminate()
        server.wait(10)


def child_env(work: Path, platform: str, display: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("STATION_DATA_DIR", None)
    env[FIRST_PAINT_ENV] = "quit"
    # bytecode caches as any installed copy has them: written by the warm-up start, in the work
    # folder (PYTHONDONTWRITEBYTECODE would have every start compile the program anew)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["XDG_CONFIG_HOME"] = str(work / "config")  # window settings, not the user's
    env["PYTHONPATH"] = str(ROOT)
    if display is not None:
        env["DISPLAY"] = display
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = platform
    return env


def time_first_paint(command: Sequence[str], env: dict[str, str], logs: Path) -> float:
    """Seconds from spawning ``command`` to the first-paint timestamp it prints.

    A start that does not paint within ``START_TIMEOUT_S`` (a crash dialog waiting for a click,
    say) is killed and ends the benchmark, pointing to the program's log.
    """
    started = time.time()
    process = subprocess.Popen(
        list(command),
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    errors: list[str] = []

    def read(stream: IO[str], put: Callable[[str], object]) -> None:
        for line in stream:
            put(line)

    assert process.stdout is not None and process.stderr is not None
    for stream, put in ((process.stdout, lines.put), (process.stderr, errors.append)):
        threading.Thread(target=read, args=(stream, put), daemon=True).start()
    painted: float | None = None
    deadline = time.monotonic() + START_TIMEOUT_S
    while painted is None and time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            if process.poll() is not None and lines.empty():
                break
            continue
        if line.startswith(FIRST_PAINT_PREFIX):
            painted = float(line.split()[1])
    try:
        process.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if painted is None:
        time.sleep(0.2)  # the rest of stderr
        raise SystemExit(
            f"{command[0]} never reported its first paint (exit {process.returncode}); "
            f"see {logs / 'station.log'}\n{''.join(errors)[-2000:]}"
        )
    return painted - started


def time_exit(command: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` to its exit (it must succeed)."""
    started = time.perf_counter()
    done = subprocess.run(list(command), env=env, cwd=ROOT, capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return took


def median_of(runs: int, measure: Callable[..., float], *args: object) -> tuple[float, list[float]]:
    measure(*args)  # warm-up, untimed
    times = [measure(*args) for _ in range(runs)]
    return statistics.median(times), times


def build_frozen(work: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        raise SystemExit(f"pyinstaller build.spec failed:\n{build.stdout}{build.stderr}")
    return work / "dist", time.perf_counter() - started


def prepare_station(data_dir: Path) -> None:
    """An initialised, encrypted station: its first screen is the sign-in."""
    installation = open_installation(data_dir, NewHead("head", "站长", "bench-password-1"))
    init_station(
        installation, code="TJ001", name="通江县诺江镇消费维权服务站", county_code="511921"
    )
    installation.close()


def print_table(results: list[Result]) -> None:
    headers = ("benchmark", "measured", "target", "baseline / note", "result")
    rows = [
        (r.name, r.measured, r.target, r.baseline,
         "-" if r.passed is None else ("PASS" if r.passed else "FAIL"))
        for r in results
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))

    print(line(headers))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def spread(times: list[float]) -> str:
    return f"{min(times):.2f}–{max(times):.2f} s"


def run(args: argparse.Namespace, work: Path, display: str | None) -> list[Result]:
    data_dir = work / "data"
    prepare_station(data_dir)
    env = child_env(work, args.platform, display)
    python = sys.executable

    baseline, _ = median_of(args.runs, time_exit, [python, "-c", "import PySide6.QtWidgets"], env)
    base_note = f"import PySide6.QtWidgets {baseline:.2f} s"
    imports, _ = median_of(
        args.runs, time_exit, [python, "-c", "import station_app.gui.app.main"], env
    )
    main_script = str(ROOT / "packaging" / "station_app_main.py")
    logs = data_dir / "logs"
    source, source_times = median_of(
        args.runs, time_first_paint, [python, main_script, "--data-dir", str(data_dir)], env, logs
    )

    if args.dist is not None:
        dist, build_note = args.dist, "bundle given with --dist"
    else:
        print("building the frozen bundle (pyinstaller build.spec) ...", file=sys.stderr)
        dist, took = build_frozen(work)
        build_note = f"bundle built in {took:.0f} s"
    executable = dist / "station" / ("station.exe" if os.name == "nt" else "station")
    if not executable.exists():
        raise SystemExit(f"no frozen program at {executable}")
    frozen, frozen_times = median_of(
        args.runs, time_first_paint, [str(executable), "--data-dir", str(data_dir)], env, logs
    )
    target = f"< {TARGET_S:.0f} s"
    return [
        Result("first paint, source", f"{source:.2f} s", target, base_note, source < TARGET_S),
        Result("first paint, frozen", f"{frozen:.2f} s", target, base_note, frozen < TARGET_S),
        Result(
            "  source: runs",
            spread(source_times),
            "-",
            f"importing station_app.gui.app.main alone {imports:.2f} s",
            None,
        ),
        Result("  frozen: runs", spread(frozen_times), "-", build_note, None),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed starts each (default 5)")
    parser.add_argument("--dist", type=Path, help="an existing PyInstaller dist folder")
    parser.add_argument("--platform", choices=["xvfb", "offscreen"], default="xvfb")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_startup_") as temporary:
        work = Path(temporary)
        if args.platform == "xvfb":
            with xvfb() as display:
                print(f"virtual screen {display} (Xvfb, 1366x768)", file=sys.stderr, flush=True)
                results = run(args, work, display)
        else:
            results = run(args, work, None)
    print_table(results)
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
