"""Starting a child process of the program's own: the roster reader (``roster.contained_read``)
and the county's bundle read-ahead (``sync.read_ahead``).

Both use ``multiprocessing`` with the ``spawn`` context: a fresh interpreter, the same on Linux
and Windows, and the one that works in the PyInstaller build, whose entry point calls
``multiprocessing.freeze_support()`` (packaging/station_app_main.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import types
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any


def start_child(
    target: Callable[..., None], args: tuple[object, ...], name: str
) -> tuple[Any, Connection]:
    """``target(pipe, *args)`` started in a spawned child (a daemon: it ends with the program);
    returns the process and this end of the duplex ``pipe``. Raises ``OSError`` when the child
    cannot be started."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=True)
    process = context.Process(target=target, args=(theirs, *args), name=name, daemon=True)
    try:
        with _main_script_hidden():
            process.start()
    except OSError:
        ours.close()
        raise
    finally:
        theirs.close()
    return process, ours


@contextlib.contextmanager
def _main_script_hidden() -> Iterator[None]:
    """``spawn`` runs the parent's main script again in the child, so that functions defined there
    can be found. The children's functions live in the package, and the main script is the window
    (Qt), the ``station`` command or a benchmark: importing it would double the child's start-up.
    Hidden while the child's start-up data is written (synchronously, in ``Process.start``)."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
