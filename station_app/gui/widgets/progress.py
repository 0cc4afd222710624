"""A progress dialog for a background job, shown only when the job lasts longer than half a second.

Any screen may use it with the one job API (``app.jobs.run_read`` / ``run_write``)::

    handle = self.app.jobs.run_read(export_roster_to_file, on_done, on_failed)
    watch_job(handle, self, self.tr("正在导出名册…"))

``watch_job`` shows nothing for a quick job. After ``SHOW_AFTER_MS`` it opens a window-modal
``QProgressDialog`` that follows the job's ``progressed(done, total)`` signal (a busy bar until the
first report; reports sent before ``watch_job`` was called are not seen) and closes itself when the
job finishes, whether it succeeded, failed or was cancelled. The dialog stays open, saying
正在取消…, until a cancelled job has really stopped.
Its 取消 button (and Esc) calls ``JobHandle.cancel()``: the core function,
given a ``cancel`` token, raises its own "cancelled" error at its next check, and that error
arrives through the job's ``failed`` signal like any other. For a job that cannot stop halfway (a
database write) pass ``cancellable=False``: the dialog then has no button and cannot be closed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from station_app.gui.app.jobs import JobHandle

SHOW_AFTER_MS = 500  # DESIGN.md: progress only for work lasting longer than 0.5 s


class JobProgress(QObject):
    """The delayed progress dialog of one job; ``dialog`` is None until (unless) it is shown."""

    def __init__(
        self,
        handle: JobHandle,
        parent: QWidget,
        label: str,
        *,
        cancellable: bool = True,
        show_after_ms: int = SHOW_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.handle = handle
        self.label = label
        self.cancellable = cancellable
        self.dialog: QProgressDialog | None = None
        self.cancel_button: QPushButton | None = None
        self.cancel_requested = False
        self.shown = False  # whether the dialog ever appeared
        self._done, self._total = 0, 0
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        handle.progressed.connect(self._progressed)
        handle.finished.connect(self._job_finished)
        self._timer.start(show_after_ms)

    @property
    def finished(self) -> bool:
        return self._finished or self.handle.done

    def _parent_widget(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def _show(self) -> None:
        if self.finished:
            return
        dialog = QProgressDialog(self._parent_widget())
        dialog.setWindowTitle(self.tr("请稍候"))
        dialog.setLabelText(self.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        if self.cancellable:
            self.cancel_button = QPushButton(self.tr("取消"), dialog)
            dialog.setCancelButton(self.cancel_button)
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
            dialog.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        dialog.rejected.connect(self._rejected)  # Esc
        self.dialog = dialog
        self.shown = True
        self._update_bar()
        dialog.show()

    def _progressed(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self._update_bar()

    def _update_bar(self) -> None:
        if self.dialog is None:
            return
        if self._total > 0:
            self.dialog.setRange(0, self._total)
            self.dialog.setValue(min(self._done, self._total))
        else:
            self.dialog.setRange(0, 0)  # busy: the job has not said how far it is

    def _rejected(self) -> None:
        if self.cancellable:
            self.cancel()
        elif self.dialog is not None and not self.finished:
            self.dialog.show()  # a job that cannot stop keeps its dialog

    def cancel(self) -> None:
        """Ask the job to stop (the 取消 button); the dialog stays until the job has stopped."""
        if not self.cancellable or self.cancel_requested or self._finished:
            return
        self.cancel_requested = True
        self.handle.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("正在取消…"))
            self.dialog.show()  # QProgressDialog hides itself on cancel; keep it until stopped
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)

    def _job_finished(self) -> None:
        self._finished = True
        self._timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()


# Show a progress dialog over ``parent`` if ``handle``'s job is still running after
# ``show_after_ms``: ``watch_job(handle, parent, label, cancellable=, show_after_ms=)``.
watch_job = JobProgress
