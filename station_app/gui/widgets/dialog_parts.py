"""Parts the small dialogs share: 确定/取消 buttons with the dialog's own words, a message box
with one button, the big icon at a dialog's left, the start-up dialogs' column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def ok_cancel_buttons(
    dialog: QDialog, ok_text: str, cancel_text: str, on_ok: Callable[[], object]
) -> QDialogButtonBox:
    """OK (``ok_text``, runs ``on_ok``) and Cancel (``cancel_text``, rejects the dialog)."""
    buttons = QDialogButtonBox(OK | CANCEL, dialog)
    buttons.button(OK).setText(ok_text)
    buttons.button(CANCEL).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def tell(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, ok_text: str
) -> None:
    """A message the officer acknowledges with one button (``ok_text``, e.g. 知道了)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(ok_text)
    box.exec()


def dialog_icon(dialog: QWidget, icon: QStyle.StandardPixmap) -> QLabel:
    """The large standard icon at the top left of a dialog that explains a problem."""
    label = QLabel()
    label.setPixmap(dialog.style().standardIcon(icon).pixmap(48, 48))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


def dialog_column(dialog: QDialog) -> QVBoxLayout:
    """The column the start-up dialogs (first run, sign-in, encrypting) lay their parts out in."""
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 18, 20, 16)
    layout.setSpacing(12)
    return layout
