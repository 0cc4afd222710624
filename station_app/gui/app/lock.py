"""Locking the window: on 锁定 (Ctrl+L) and after the idle minutes the station set (default 10).

The lock is a full-screen dialog over everything the program shows; the window, its open
dialogs and whatever is typed in them stay as they are underneath, and come back when the
signed-in person (or a station head) types the password again. "Idle" means no key press, mouse
button, mouse move or wheel in any of the program's windows.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from station_app.access import access_log
from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.app.sign_in_dialog import SignInDialog
from station_app.security.idle_lock import lock_minutes

log = logging.getLogger(__name__)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_EVERY_MS = 15_000


class WindowLock(QObject):
    """Watches the program for activity and locks ``window`` when asked or when idle."""

    person_changed = Signal()  # another person unlocked (a station head over an officer)

    def __init__(self, window: QMainWindow, app: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        self.idle_seconds = float(lock_minutes() * 60)
        self.last_activity = time.monotonic()
        self.dialog: SignInDialog | None = None
        self.action = QAction(window.tr("锁定"), window)
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda _checked=False: self.lock())
        window.addAction(self.action)
        menus = window.menuBar().actions()
        if menus and menus[0].menu() is not None:
            first = menus[0].menu()
            first.insertAction(first.actions()[0] if first.actions() else None, self.action)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self._check_idle)
        self.timer.start()
        instance = QApplication.instance()
        if instance is not None:
            instance.installEventFilter(self)
        app.jobs.changes_committed.connect(self._settings_changed)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and not self.locked:
            self.last_activity = time.monotonic()
        return False

    def _settings_changed(self, changes: Changes) -> None:
        if changes.touches("settings"):
            self.idle_seconds = float(lock_minutes() * 60)

    def _check_idle(self) -> None:
        if not self.locked and time.monotonic() - self.last_activity >= self.idle_seconds:
            log.info("locking the window after %.0f idle seconds", self.idle_seconds)
            self.lock()

    def lock(self) -> None:
        installation = self.app.installation
        if self.locked or installation.signed_in is None:
            return
        dialog = SignInDialog(
            installation.paths, self.app.clock, self.window, signed_in=installation.signed_in
        )
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        dialog.finished.connect(self._finished)
        self.dialog = dialog
        dialog.showFullScreen()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        self.last_activity = time.monotonic()
        if result != QDialog.DialogCode.Accepted or dialog is None:
            return
        if dialog.signed_in is not None and dialog.signed_in != self.app.installation.signed_in:
            # a station head unlocked: from now on the log names them
            self.app.installation.signed_in = dialog.signed_in
            self.app.actor = dialog.signed_in.name
            self.person_changed.emit()
        if dialog.signed_in is not None:  # unlocking is signing in again (the access log)
            ctx, login = self.app.context(), dialog.signed_in.login
            self.app.jobs.run_write(lambda: access_log.record(ctx, access_log.SIGN_IN, login))
        dialog.deleteLater()
