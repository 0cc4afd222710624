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
from collections.abc import Iterator
from typing import Any


def spawn_context() -> Any:
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def main_script_hidden() -> Iterator[None]:
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
