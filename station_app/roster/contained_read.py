"""Read an untrusted spreadsheet in a contained child process, so no workbook can take the
program down.

Why a child process: calamine is Rust code running inside our process. The checks of
``file_limits`` refuse every oversized or absurd package we know how to recognise, but a workbook
may still make the reader fail in ways Python cannot catch: a Rust allocation failure aborts the
whole process (a cell at XFD1048576 once made it ask for 512 GB), a panic or a crash in a native
library kills it, and a runaway allocation takes all the laptop's memory before failing. In a
child those end only the child: the parent sees it die (or kills it at the time limit) and
reports one line, “<file> could not be read safely”, and the window and the command go on.

How:

* ``multiprocessing`` with the ``spawn`` context (the same on Linux and Windows, and the one that
  works in the PyInstaller build, whose entry point calls ``multiprocessing.freeze_support()``):
  a fresh interpreter that imports only the reader, never Qt or the database.
* On Linux (and other POSIX systems) the child lowers its own ``RLIMIT_AS`` to
  :data:`MEMORY_LIMIT_BYTES` before reading, so a runaway allocation fails there (``MemoryError``
  or an abort) instead of exhausting the machine, and ``RLIMIT_CPU`` as a second guard. Windows
  has no ``setrlimit``; a Job Object would need pywin32, which the program does not ship, so there
  the pre-checks and the wall-clock limit are the protection (documented in docs/roster-format.md).
* The parent waits at most :data:`TIME_LIMIT_SECONDS`, polling every 50 ms so that the cancel token
  still works; progress reports and the finished ``Workbook`` come back through a pipe (pickled).
* Sentences the child says must be in the window's language: when the parent has a translator
  (the GUI), the child asks the parent to translate each template over the same pipe.
* The child's stderr goes to the null device: a Rust abort message must not add a line to the
  command's one-line refusal; unexpected errors come back as text and are logged by the parent.

Cost, measured on the 2-core test machine while it was shared (load 6-8): a small workbook
0.001 s in process, 0.17-0.19 s contained (the spawn and the reader's imports); the roster of
benchmarks/bench_roster.py (10 000 businesses, a 6 MB sheet) 0.8 s in process, 1.1-1.3 s
contained. The checks run in the parent while the child starts, so they mostly hide behind its
start-up; the child never re-runs the parent's main script. Paid once per roster file; CSV files
are parsed in the parent, within the same limits, in Python (no native code to crash).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import sys
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from station_app import messages
from station_app.child_process import start_child
from station_app.messages import msg
from station_app.roster.sheet_reader import (
    CancelFlag,
    Progress,
    ReadCancelled,
    Workbook,
    WorkbookUnreadable,
    check_spreadsheet,
)

log = logging.getLogger(__name__)

MEMORY_LIMIT_BYTES = 2 * 1024**3
TIME_LIMIT_SECONDS = 120.0
_POLL_SECONDS = 0.05


def _unsafe(name: str, reason: str) -> WorkbookUnreadable:
    return WorkbookUnreadable(
        msg(
            "“{name}”无法安全读取（{reason}），已停止读取，其他工作不受影响。",
            name=name,
            reason=reason,
        )
    )


def _memory_reason() -> str:
    return msg("超过内存上限 {limit} MB", limit=MEMORY_LIMIT_BYTES // (1024 * 1024))


def read_contained(
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    memory_limit: int | None = None,
    time_limit: float | None = None,
    pre_checks: bool = True,
) -> Workbook:
    """``read_workbook(path)`` done by a child process; raises ``WorkbookUnreadable`` (its
    refusals, or “cannot be read safely” when it dies, runs out of memory or time) or
    ``ReadCancelled``. The limits and ``pre_checks=False`` (see ``read_spreadsheet_here``) are
    for tests."""
    name = path.name.replace("\n", " ")
    limit = MEMORY_LIMIT_BYTES if memory_limit is None else memory_limit
    seconds = TIME_LIMIT_SECONDS if time_limit is None else time_limit
    translating = getattr(messages, "_translator", None) is not None
    try:
        process, ours = start_child(
            child_main, (str(path), limit, int(seconds) + 5, translating), "station-roster-reader"
        )
    except OSError as error:
        raise _unsafe(name, msg("无法启动读取进程：{reason}", reason=error.strerror)) from None
    try:
        # The checks run here while the child starts (spawning takes longer than most checks).
        natural = check_spreadsheet(path, pre_checks=pre_checks)
        ours.send(("go", natural))
        return _wait(process, ours, name, progress, cancel, time.monotonic() + seconds, seconds)
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        ours.close()


def _wait(
    process: Any,
    pipe: Connection,
    name: str,
    progress: Progress | None,
    cancel: CancelFlag | None,
    deadline: float,
    seconds: float,
) -> Workbook:
    while True:
        if cancel is not None and cancel.is_set():
            raise ReadCancelled(name)
        if time.monotonic() > deadline:
            raise _unsafe(name, msg("超过时间上限 {limit} 秒", limit=int(seconds)))
        try:
            ready = pipe.poll(_POLL_SECONDS)
            message = pipe.recv() if ready else None
        except (EOFError, OSError):
            message, ready = None, False
            process.join(1)
        if message is None:
            if ready or not process.is_alive():
                raise _died(process, name)
            continue
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "translate":
            pipe.send(messages.translate(message[1], message[2]))
        elif kind == "ok":
            return message[1]  # type: ignore[no-any-return]
        elif kind == "refused":
            raise WorkbookUnreadable(message[1])
        elif kind == "memory":
            raise _unsafe(name, _memory_reason())
        else:  # "error": an unexpected exception in the child, with its traceback
            log.warning("reading %s failed in the child process:\n%s", name, message[1])
            raise _unsafe(name, msg("读取出错：{reason}", reason=message[2]))


def _died(process: Any, name: str) -> WorkbookUnreadable:
    process.join(1)
    code = process.exitcode
    log.warning("the reader of %s ended with exit code %s", name, code)
    aborted = {getattr(signal, n, None) for n in ("SIGABRT", "SIGKILL")} - {None}  # POSIX
    if code is not None and code < 0 and -code in aborted:
        # a failed allocation aborts (SIGABRT); the kernel's out-of-memory killer sends SIGKILL
        return _unsafe(name, _memory_reason())
    return _unsafe(name, msg("读取进程意外退出，代码 {code}", code=code))


# --- the child ---------------------------------------------------------------------------------


def _limit_resources(memory_limit: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no setrlimit (see the module's docstring)
        return
    for kind, wanted in ((resource.RLIMIT_AS, memory_limit), (resource.RLIMIT_CPU, cpu_seconds)):
        _soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(kind, (wanted, hard))


def _silence_stderr() -> None:
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        pass


def child_main(
    pipe: Connection, path: str, memory_limit: int, cpu_seconds: int, translating: bool
) -> None:
    """The child: once the parent's checks passed (``("go", natural)``), read ``path`` and send
    ``("ok", workbook)`` or why not; never raises. Ends quietly if the parent goes away."""
    gc.disable()  # a short-lived process making ~100 000 acyclic cells (see roster_import)
    _silence_stderr()
    _limit_resources(memory_limit, cpu_seconds)
    if translating:
        cache: dict[tuple[str, str | None], str] = {}

        def translator(text: str, disambiguation: str | None) -> str:
            key = (text, disambiguation)
            if key not in cache:
                pipe.send(("translate", text, disambiguation))
                cache[key] = pipe.recv()
            return cache[key]

        messages.set_translator(translator)
    try:
        from station_app.errors import StationError
        from station_app.roster.sheet_reader import read_checked_spreadsheet

        def report(done: int, total: int) -> None:
            pipe.send(("progress", done, total))

        try:
            order = pipe.recv()
        except (EOFError, OSError):  # the parent refused the file, or went away
            return
        try:
            book = read_checked_spreadsheet(Path(path), order[1], progress=report)
        except StationError as error:
            pipe.send(("refused", str(error)))
        else:
            pipe.send(("ok", book))
    except MemoryError:
        with contextlib.suppress(BaseException):  # nothing is left to report with
            pipe.send(("memory",))
    except BaseException as error:  # noqa: BLE001 - a Rust panic is a BaseException
        reason = " ".join(str(error).split())[:80] or type(error).__name__
        with contextlib.suppress(BaseException):
            pipe.send(("error", traceback.format_exc(), reason))
    finally:
        pipe.close()
        sys.stdout.flush()
