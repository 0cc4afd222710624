"""Input widgets of the action dialogs: a date, an optional date, a row of exclusive choices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QRadioButton, QWidget

from station_app.gui.widgets.date_field import DateField


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(parent: QWidget, day: dt.date, today: Callable[[], dt.date]) -> DateField:
    """A date field holding ``day`` that takes typed dates; ``today`` is the app's clock."""
    edit = DateField(parent)
    edit.set_today(today)
    edit.setDate(qdate(day))
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box switching a date field on."""

    def __init__(
        self,
        text: str,
        day: dt.date,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.edit = date_edit(self, day, today)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(qdate(day))

    def value(self) -> dt.date | None:
        """The date if switched on; raises :class:`FieldError` (named as this widget) for typed
        text that is no date."""
        return self.edit.checked_date(self.objectName()) if self.check.isChecked() else None


class ChoiceButtons(QWidget):
    """Two or three radio buttons in a row (同意 / 不同意); ``value()`` is the chosen one's data."""

    def __init__(self, choices: Iterable[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self._values: list[Any] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for value, text in choices:
            button = QRadioButton(text, self)
            self.group.addButton(button, len(self._values))
            self._values.append(value)
            row.addWidget(button)
        row.addStretch(1)

    def set_value(self, value: Any) -> None:
        if value in self._values:
            self.group.button(self._values.index(value)).setChecked(True)

    def value(self) -> Any:
        chosen = self.group.checkedId()
        return self._values[chosen] if chosen >= 0 else None
