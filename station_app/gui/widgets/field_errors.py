"""Inline reasons beside form fields: a red sentence under the widget, cleared on the next edit.

A form registers each core field name (``"respondent_name"``, ``"complainants.0.phone"``) with
the widget that edits it, then hands ``ValidationFailed.by_field()`` to :meth:`FieldErrors.show`.
Reasons for fields the form does not know are returned so the caller can show them elsewhere.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

ERROR_STYLE = "color: #b00020; font-weight: bold;"
INVALID_PROPERTY = "invalid"
# A red frame on the field itself, so the eye finds it even before reading the sentence.
INVALID_STYLE = '*[invalid="true"] { border: 2px solid #b00020; border-radius: 3px; }'


def _contains(layout: QLayout | None, widget: QWidget) -> bool:
    if layout is None:
        return False
    if layout.indexOf(widget) >= 0:
        return True
    return any(_contains(layout.itemAt(i).layout(), widget) for i in range(layout.count()))


def _locate(layout: QLayout | None, widget: QWidget) -> tuple[QLayout | None, int]:
    """Where an error label for ``widget`` goes: the outermost form layout holding it (directly
    or in a nested row layout) and that row; else the box layout holding it and its index."""
    if layout is None:
        return None, -1
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget or _contains(item.layout(), widget):
            if isinstance(layout, QFormLayout):
                row, _role = layout.getItemPosition(index)
                return layout, row
            if item.widget() is widget and isinstance(layout, QBoxLayout):
                return layout, index
            return _locate(item.layout(), widget)
    return None, -1


def _containing_layout(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        found = _containing_layout(layout.itemAt(index).layout(), widget)
        if found is not None:
            return found
    return None


class FieldErrors(QObject):
    """The inline error labels of one form."""

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._form = form
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._disconnects: dict[str, Callable[[], None]] = {}
        self._scroll: QScrollArea | None = None

    def register(self, field: str, widget: QWidget) -> None:
        self._widgets[field] = widget

    def register_many(self, fields: Mapping[str, QWidget]) -> None:
        self._widgets.update(fields)

    def set_scroll_area(self, scroll: QScrollArea) -> None:
        self._scroll = scroll

    def widget_for(self, field: str) -> QWidget | None:
        return self._widgets.get(field)

    def message(self, field: str) -> str | None:
        label = self._labels.get(field)
        return label.text() if label is not None else None

    def messages(self) -> dict[str, str]:
        return {field: label.text() for field, label in self._labels.items()}

    def show(self, reasons: Mapping[str, str]) -> dict[str, str]:
        """Show each reason beside its field; focus the first. Returns reasons with no field."""
        self.clear_all()
        unplaced: dict[str, str] = {}
        first: QWidget | None = None
        for field, message in reasons.items():
            widget = self._widgets.get(field)
            if widget is None:
                unplaced[field] = message
                continue
            self._show_one(field, widget, message)
            first = first or widget
        if first is not None:
            if self._scroll is not None:
                self._scroll.ensureWidgetVisible(first, 50, 80)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced

    def clear(self, field: str) -> None:
        label = self._labels.pop(field, None)
        disconnect = self._disconnects.pop(field, None)
        if disconnect is not None:
            disconnect()
        widget = self._widgets.get(field)
        if widget is not None:
            self._mark(widget, False)
            widget.setToolTip("")
        if label is not None:
            label.hide()
            layout = _containing_layout(label.parentWidget().layout(), label)
            if isinstance(layout, QFormLayout):
                layout.removeRow(label)  # deletes the label
            else:
                if layout is not None:
                    layout.removeWidget(label)
                label.deleteLater()

    def clear_all(self) -> None:
        for field in list(self._labels):
            self.clear(field)

    # --- inner workings ---------------------------------------------------------------------

    def _show_one(self, field: str, widget: QWidget, message: str) -> None:
        parent = widget.parentWidget()
        label = QLabel(message, parent)
        label.setObjectName(f"error_{field}")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.setAccessibleName(message)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout, position = _locate(parent.layout() if parent else None, widget)
        if isinstance(layout, QFormLayout):
            layout.insertRow(position + 1, "", label)
        elif isinstance(layout, QBoxLayout):
            layout.insertWidget(position + 1, label)
        else:  # not in a form or box layout: float the label just under the widget
            label.setParent(widget.window())
            label.move(widget.mapTo(widget.window(), widget.rect().bottomLeft()))
            label.adjustSize()
            label.raise_()
        label.show()
        widget.setToolTip(message)
        self._labels[field] = label
        self._mark(widget, True)
        self._disconnects[field] = self._clear_on_edit(field, widget)

    def _mark(self, widget: QWidget, invalid: bool) -> None:
        widget.setProperty(INVALID_PROPERTY, invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _clear_on_edit(self, field: str, widget: QWidget) -> Callable[[], None]:
        """Connect the widget's 'user changed me' signals; return how to disconnect them."""
        signals = []
        if isinstance(widget, QLineEdit):
            signals.append(widget.textEdited)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            signals.append(widget.textChanged)
        elif isinstance(widget, QComboBox):
            signals.append(widget.currentIndexChanged)
            if widget.isEditable():
                signals.append(widget.editTextChanged)
        elif isinstance(widget, QAbstractSpinBox):
            signals.append(widget.editingFinished)
            for name in ("valueChanged", "dateTimeChanged", "dateChanged"):
                if hasattr(widget, name):
                    signals.append(getattr(widget, name))
                    break
        elif isinstance(widget, QAbstractButton):
            signals.append(widget.toggled)
        else:  # a group of check boxes: any of them
            signals.extend(button.toggled for button in widget.findChildren(QAbstractButton))

        def on_edit(*_args: object) -> None:
            self.clear(field)

        for signal in signals:
            signal.connect(on_edit)

        def disconnect() -> None:
            for signal in signals:
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(on_edit)

        return disconnect
