"""One window per data directory: a second copy of the program on the same data is refused.

Two windows writing the same SQLite file would each believe they own the registration-number
series and the sync counters. A ``QLockFile`` in the data directory prevents it. The lock holds
the owner's process id, so the lock a crashed program left behind is recognised as stale and taken
over; its age alone never makes a lock stale (a window may stay open for days).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

from station_app.gui.widgets.dialog_parts import tell

log = logging.getLogger(__name__)


class InstanceGuard:
    """Holds the lock of one data directory while the window is open."""

    def __init__(self, lock_path: str | os.PathLike[str]) -> None:
        self.lock_path = Path(lock_path)
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its owner process is gone

    def acquire(self) -> bool:
        """Take the lock; False when another running program holds it."""
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            return True
        error = self._lock.error()
        if error == QLockFile.LockError.LockFailedError:
            pid, host, app_name = self._lock.getLockInfo()
            if pid:
                log.warning(
                    "data directory locked by pid %s (%s on %s): %s",
                    pid,
                    app_name,
                    host,
                    self.lock_path,
                )
                return False
            # a lock whose owner died is removed by tryLock itself; one left unreadable (a crash
            # while writing it) names no owner: remove it and try once more
            return self._lock.removeStaleLockFile() and self._lock.tryLock(0)
        log.error("cannot create lock file %s (error %s)", self.lock_path, error)
        return False

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def already_running_message(data_dir: str | os.PathLike[str]) -> str:
    return QCoreApplication.translate(
        "InstanceGuard", "程序已在运行（数据目录：{data_dir}），请切换到已打开的窗口。"
    ).format(data_dir=os.fspath(data_dir))


def refuse_second_instance(data_dir: str | os.PathLike[str], parent: QWidget | None = None) -> None:
    """Tell the officer the program is already open on this data directory."""
    tell(
        parent,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("InstanceGuard", "消费维权服务站登记系统"),
        already_running_message(data_dir),
        QCoreApplication.translate("InstanceGuard", "知道了"),
    )
