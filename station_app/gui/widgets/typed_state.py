"""What a person has typed into a form or dialog, to tell whether leaving it would lose anything.

The entry forms and the workflow dialogs take a snapshot when they are filled in and compare it
when the officer presses 取消 or Esc (``record_form.ask_discard`` then asks first).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from station_app.gui.widgets.record_form import widget_state

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox, QCheckBox)
# widgets whose inner line edit is part of them, not an input of its own
COMPOUND = (QComboBox, QDateTimeEdit, QSpinBox)


def typed_state(root: QWidget) -> tuple[Any, ...]:
    """The values of every input under ``root`` (radio buttons included), in creation order."""
    inputs = [
        widget
        for widget in root.findChildren(QWidget)
        if isinstance(widget, (*INPUTS, QRadioButton))
        and not isinstance(widget.parentWidget(), COMPOUND)
    ]
    return widget_state(inputs)
