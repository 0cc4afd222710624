"""Parts the small dialogs and the screens share: 确定/取消 buttons with the dialog's own words, a
message box with one button, the big icon at a dialog's left, the start-up dialogs' column, a
push button wired to what it does, a row of buttons, a status line the officer can copy from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
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


def confirm(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    yes_text: str,
    no_text: str,
    *,
    destructive: bool = True,
) -> bool:
    """Whether the officer answers ``text`` with ``yes_text`` rather than ``no_text`` (or Esc).
    A ``destructive`` yes (deleting, throwing away, overwriting) is not the default button."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    role = (
        QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    )
    yes = box.addButton(yes_text, role)
    no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    if destructive:
        box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


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


Field = TypeVar("Field", bound=QWidget)


def form_row(form: QFormLayout, label: str, field: Field) -> Field:
    """``field`` in a new row of ``form``, after ``label``."""
    form.addRow(label, field)
    return field


def push_button(
    parent: QWidget | None,
    text: str,
    clicked: Callable[[], object] | SignalInstance,
    *,
    tooltip: str = "",
    name: str = "",
) -> QPushButton:
    """A button reading ``text`` that runs ``clicked``, with its tooltip and object name."""
    button = QPushButton(text, parent)
    if tooltip:
        button.setToolTip(tooltip)
    if name:
        button.setObjectName(name)
    button.clicked.connect(clicked)
    return button


def button_bar(widgets: Iterable[QWidget]) -> QHBoxLayout:
    """``widgets`` side by side at the left of a row, the rest of the row empty."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def status_label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    """A line of status or result text that the officer can select and copy."""
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
