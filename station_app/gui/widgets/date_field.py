"""A date field that takes a date as officers type it, with a calendar that opens at today.

``2026-11-20``, ``2026/11/20``, ``2026.11.20``, ``20261120``, ``2026年11月20日`` and a month and
day alone (``11-20``, ``11/20``: this year, from the app's clock) are all read by the core's
:func:`~station_app.roster.cell_text.parse_typed_date`. Text that is no date (or outside the
field's range) is refused when the officer leaves the field or presses Enter: the field keeps its
previous date and emits :attr:`DateField.refused` with the reason, which the form shows beside the
field like any other error (:func:`show_refusals_in`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from station_app.clock import SYSTEM_CLOCK
from station_app.errors import FieldError
from station_app.gui.widgets.field_errors import FieldErrors
from station_app.roster.cell_text import parse_typed_date

DISPLAY_FORMAT = "yyyy-MM-dd"


class DateField(QDateEdit):
    """A ``QDateEdit`` whose text may be typed in any usual way (see the module's text)."""

    refused = Signal(str)  # the reason typed text was not taken as a date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today: Callable[[], dt.date] = SYSTEM_CLOCK.today
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setCorrectionMode(QDateEdit.CorrectionMode.CorrectToPreviousValue)
        self.setKeyboardTracking(False)
        # The reason the last typed text was refused, until the officer types or picks again.
        self._refusal: str | None = None
        self.lineEdit().textEdited.connect(self._forget_refusal)
        self.dateChanged.connect(self._forget_refusal)

    def set_today(self, today: Callable[[], dt.date]) -> None:
        """Where "this year" and the calendar's today come from (the app's clock)."""
        self._today = today

    # --- typing -------------------------------------------------------------------------------

    def _is_special(self, text: str) -> bool:
        """The text standing for "not filled" (the minimum date shown as ``specialValueText``)."""
        special = self.specialValueText()
        return bool(special) and text.strip() in ("", special)

    def _parsed(self, text: str) -> dt.date | None:
        if self._is_special(text):
            return self.minimumDate().toPython()  # type: ignore[return-value]
        try:
            day = parse_typed_date(text, self._today())
        except ValueError:
            return None
        if day is None:
            return None
        qday = QDate(day)
        if not self.minimumDate() <= qday <= self.maximumDate():
            return None
        return day

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        if self._parsed(text) is not None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:  # type: ignore[override]
        day = self._parsed(text)
        return QDate(day).toString(DISPLAY_FORMAT) if day is not None else text

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 (Qt's name)
        day = self._parsed(text)
        if day is None:
            return self.dateTime()
        return QDateTime(QDate(day), self.time())

    def typed_error(self) -> str | None:
        """The sentence for text in the field that is no date (or outside the allowed range);
        ``None`` when the field holds a date. A refused text stays refused (the field shows its
        previous date) until the officer types or picks a date again."""
        if self._refusal is not None:
            return self._refusal
        text = self.lineEdit().text()
        if self._is_special(text):
            return None
        try:
            day = parse_typed_date(text, self._today())
        except ValueError as error:
            return str(error)
        if day is None:
            return self.tr("请填写日期，例如 2026-11-20")
        qday = QDate(day)
        if qday > self.maximumDate():
            latest = self.maximumDate().toString(DISPLAY_FORMAT)
            return self.tr("日期不能晚于 {date}").format(date=latest)
        if qday < self.minimumDate():
            earliest = self.minimumDate().toString(DISPLAY_FORMAT)
            return self.tr("日期不能早于 {date}").format(date=earliest)
        return None

    def checked_date(self, field: str) -> dt.date:
        """The date in the field; raises :class:`FieldError` naming ``field`` for bad text."""
        problem = self.typed_error()
        if problem is not None:
            raise FieldError(field, problem)
        day = self._parsed(self.lineEdit().text())
        return day if day is not None else self.date().toPython()  # type: ignore[return-value]

    def _forget_refusal(self, *_args: object) -> None:
        self._refusal = None

    def _problem_before_leaving(self) -> str | None:
        """The reason the text now in the field is no date; read before Qt puts the previous
        date back (on leaving the field or Enter)."""
        return None if self._refusal is not None else self.typed_error()

    def _refuse(self, problem: str | None) -> None:
        """Emitted after Qt's own handling, which ends with ``editingFinished`` (forms clear a
        field's error on it)."""
        if problem is not None:
            self._refusal = problem
            self.refused.emit(problem)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        problem = self._problem_before_leaving()
        super().focusOutEvent(event)
        self._refuse(problem)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        entered = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        problem = self._problem_before_leaving() if entered else None
        super().keyPressEvent(event)
        self._refuse(problem)


def show_refusals_in(errors: FieldErrors, fields: Mapping[str, QWidget]) -> None:
    """Show each :class:`DateField`'s refusal beside it through ``errors`` (the form's usual
    inline errors); other widgets in ``fields`` are left alone."""
    for field, widget in fields.items():
        if isinstance(widget, DateField):
            widget.refused.connect(lambda reason, field=field: errors.show({field: reason}))
