"""Answering the modal question "放弃填写？" that 取消 or Esc asks on a filled-in dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

ASKED: list[str] = []  # the questions answered, newest last


def answer_discard(discard: bool) -> None:
    """Answer the next "放弃填写？" box once it is up: 放弃 or 继续填写."""
    wanted = QCoreApplication.translate("ComplaintForm", "放弃" if discard else "继续填写")

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        ASKED.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == wanted]
        button.click()

    QTimer.singleShot(0, click)


def leave(dialog: QWidget, how: Callable[[], object] | None = None, discard: bool = True) -> bool:
    """Leave ``dialog`` by ``how`` (default: its reject, as 取消 does), answering the question
    if it asks. Returns whether it asked."""
    asks = bool(getattr(dialog, "is_dirty", lambda: False)())
    if asks:
        answer_discard(discard)
    (how or dialog.reject)()
    return asks
