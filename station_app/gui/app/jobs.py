"""The one background-job API of the window.

* ``run_write``: database writes, serialised on one writer thread (SQLite has one writer; a
  single queue avoids "database is locked" and the deadlocks of ad-hoc locks).
* ``run_read``: long reads and file work (exports, imports' reading phase) on a small pool.
* ``run_query``: the short reads a screen shows (a complaint's dossier), on a pool of their own,
  so that a screen never waits behind a backup, an export or a statistics run.

A job is a plain callable from the core. It may take ``progress`` and ``cancel`` keyword
arguments (a ``Callable[[int, int], None]`` and a ``threading.Event``); results, errors and
progress come back to the GUI thread by queued signals, so no widget is touched off that thread.

After a write committed, the runner announces what it changed, once, with
``changes_committed(Changes)`` (the change set the job's result is or carries, see
``station_app.changes``); each screen looks at it and refreshes what it shows (as Anki's
``op_executed``). The announcement comes before the job's own ``on_success``.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from station_app.changes import Changes, changes_in
from station_app.installation import close_thread_connection

log = logging.getLogger(__name__)

Job = Callable[..., Any]  # a core callable, perhaps taking ``progress`` and ``cancel``
OnSuccess = Callable[[Any], None] | None  # gets the job's result
OnError = Callable[[Exception], None] | None  # gets the exception (none given: it is logged)


class JobHandle(QObject):
    """Signals of one job, delivered on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    progressed = Signal(int, int)  # done, total
    finished = Signal()

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self.title = title
        self.cancel_event = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self.cancel_event.set()


class _Job(QRunnable):
    def __init__(self, fn: Job, handle: JobHandle) -> None:
        super().__init__()
        self.fn = fn
        self.handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        handle = self.handle
        kwargs: dict[str, Any] = {}
        try:
            parameters = inspect.signature(self.fn).parameters
        except (TypeError, ValueError):
            parameters = {}  # type: ignore[assignment]
        if "progress" in parameters:
            kwargs["progress"] = lambda done, total: handle.progressed.emit(int(done), int(total))
        if "cancel" in parameters:
            kwargs["cancel"] = handle.cancel_event
        try:
            result = self.fn(**kwargs)
        except BaseException as error:  # noqa: BLE001 - reported to the GUI thread
            if not isinstance(error, Exception):
                raise
            handle.failed.emit(error)
        else:
            handle.succeeded.emit(result)
        finally:
            # PySide drops the pool thread's Python state when run() returns, and with it the
            # thread's database connection; an SQLCipher connection freed there aborts the
            # program (sqlcipher3 frees it without the interpreter lock), so close it here
            close_thread_connection()
            handle.finished.emit()


class JobRunner(QObject):
    """Runs core callables off the GUI thread: one writer, a few readers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._writer.setExpiryTimeout(-1)  # keep the writer thread (and its connection) alive
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        self._queries = QThreadPool(self)
        self._queries.setMaxThreadCount(2)
        self._handles: set[JobHandle] = set()

    changes_committed = Signal(object)  # Changes, after a write job committed

    def run_write(
        self, fn: Job, on_success: OnSuccess = None, on_error: OnError = None, title: str = ""
    ) -> JobHandle:
        """A database write; what it changed is announced (``changes_committed``) when it ends."""
        handle = JobHandle(title)
        handle.succeeded.connect(self._committed)  # first: screens refresh, then the caller
        return self._start(self._writer, fn, on_success, on_error, handle)

    def run_read(
        self, fn: Job, on_success: OnSuccess = None, on_error: OnError = None, title: str = ""
    ) -> JobHandle:
        return self._start(self._readers, fn, on_success, on_error, JobHandle(title))

    def run_query(
        self, fn: Job, on_success: OnSuccess = None, on_error: OnError = None, title: str = ""
    ) -> JobHandle:
        """A short read a screen waits to show, never queued behind long work."""
        return self._start(self._queries, fn, on_success, on_error, JobHandle(title))

    def announce(self, changes: Changes) -> None:
        """Say what a write made outside the writer changed (a restore: ``Changes.all()``)."""
        if changes:
            self.changes_committed.emit(changes)

    @Slot(object)
    def _committed(self, result: object) -> None:
        self.announce(changes_in(result))

    def _start(
        self,
        pool: QThreadPool,
        fn: Job,
        on_success: OnSuccess,
        on_error: OnError,
        handle: JobHandle,
    ) -> JobHandle:
        self._handles.add(handle)  # keep it alive until finished
        if on_success is not None:
            handle.succeeded.connect(on_success)
        if on_error is not None:
            handle.failed.connect(on_error)
        else:
            handle.failed.connect(self._unhandled)
        handle.finished.connect(lambda: self._release(handle))
        pool.start(_Job(fn, handle))
        return handle

    @Slot(object)
    def _unhandled(self, error: Exception) -> None:
        log.error("background job failed", exc_info=error)

    def _release(self, handle: JobHandle) -> None:
        handle.done = True
        self._handles.discard(handle)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return (
            self._writer.waitForDone(msecs)
            and self._readers.waitForDone(msecs)
            and self._queries.waitForDone(msecs)
        )

    def shutdown(self) -> None:
        """Wait for running jobs and close the worker threads' database connections."""
        for handle in list(self._handles):
            handle.cancel()
        self.wait_idle()
        self._writer.start(_Job(close_thread_connection, JobHandle()))
        self._writer.waitForDone(10_000)
        self._writer.setExpiryTimeout(0)
        self._readers.clear()
        self._queries.clear()
