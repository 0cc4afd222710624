"""Date (and date-and-time) fields that take a date as officers type it, with a calendar that
opens at today.

``2026-11-20``, ``2026/11/20``, ``2026.11.20``, ``20261120``, ``2026年11月20日`` and a month and
day alone (``11-20``, ``11/20``: this year, from the app's clock) are all read by the core's
:func:`~station_app.roster.cell_text.parse_typed_date`. Text that is no date (or outside the
field's range) is refused when the officer leaves the field or presses Enter: the field keeps its
previous date and emits :attr:`DateField.refused` with the reason, which the form shows beside the
field like any other error (:func:`show_refusals_in`). :class:`DateTimeField` takes the same
dates followed by a time of day (``2026-11-20 9:30``), read by
:func:`~station_app.roster.cell_text.parse_typed_moment`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from station_app.clock import SYSTEM_CLOCK
from station_app.errors import FieldError
from station_app.gui.widgets.field_errors import FieldErrors
from station_app.roster.cell_text import parse_typed_date, parse_typed_moment

DISPLAY_FORMAT = "yyyy-MM-dd"
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


class _TypedEntry:
    """What :class:`DateField` and :class:`DateTimeField` share (mixed in before their Qt class):
    typed text read by the core, refused text kept refused until the officer types again, and a
    calendar that opens at today when the field is empty.

    A subclass gives :meth:`_moment` (the typed text as a ``QDateTime``, ``None`` for an empty
    field, ``ValueError`` with a sentence for anything else), ``_format`` and ``_example``.
    """

    _format = DISPLAY_FORMAT

    def _setup(self, widget: QDateTimeEdit) -> None:
        self._field = widget
        self._today: Callable[[], dt.date] = SYSTEM_CLOCK.today
        widget.setDisplayFormat(self._format)
        widget.setCalendarPopup(True)
        widget.setCorrectionMode(QDateTimeEdit.CorrectionMode.CorrectToPreviousValue)
        widget.setKeyboardTracking(False)
        # The reason the last typed text was refused, until the officer types or picks again.
        self._refusal: str | None = None
        widget.lineEdit().textEdited.connect(self._forget_refusal)
        widget.dateTimeChanged.connect(self._forget_refusal)
        widget.calendarWidget().installEventFilter(widget)

    def set_today(self, today: Callable[[], dt.date]) -> None:
        """Where "this year" and the calendar's today come from (the app's clock)."""
        self._today = today

    def _moment(self, text: str) -> QDateTime | None:
        raise NotImplementedError

    def _example(self) -> str:
        raise NotImplementedError

    # --- typing -------------------------------------------------------------------------------

    def _is_special(self, text: str) -> bool:
        """The text standing for "not filled" (the minimum shown as ``specialValueText``)."""
        special = self._field.specialValueText()
        return bool(special) and text.strip() in ("", special)

    def _parsed(self, text: str) -> QDateTime | None:
        """The value ``text`` stands for, or None when it is no value within the range."""
        field = self._field
        if self._is_special(text):
            return field.minimumDateTime()
        try:
            moment = self._moment(text)
        except ValueError:
            return None
        if moment is None or not field.minimumDateTime() <= moment <= field.maximumDateTime():
            return None
        return moment

    def validate(self, text: str, pos: int) -> object:
        if self._parsed(text) is not None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        moment = self._parsed(text)
        return moment.toString(self._format) if moment is not None else text

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 (Qt's name)
        moment = self._parsed(text)
        return moment if moment is not None else self._field.dateTime()

    def typed_error(self) -> str | None:
        """The sentence for text in the field that is no date (or outside the allowed range);
        ``None`` when the field holds one. A refused text stays refused (the field shows its
        previous value) until the officer types or picks again."""
        if self._refusal is not None:
            return self._refusal
        field = self._field
        text = field.lineEdit().text()
        if self._is_special(text):
            return None
        try:
            moment = self._moment(text)
        except ValueError as error:
            return str(error)
        if moment is None:
            return self._example()
        if moment > field.maximumDateTime():
            latest = field.maximumDateTime().toString(self._format)
            return QCoreApplication.translate("DateField", "日期不能晚于 {date}").format(
                date=latest
            )
        if moment < field.minimumDateTime():
            earliest = field.minimumDateTime().toString(self._format)
            return QCoreApplication.translate("DateField", "日期不能早于 {date}").format(
                date=earliest
            )
        return None

    def _checked(self, field: str) -> QDateTime:
        problem = self.typed_error()
        if problem is not None:
            raise FieldError(field, problem)
        moment = self._parsed(self._field.lineEdit().text())
        return moment if moment is not None else self._field.dateTime()

    def _forget_refusal(self, *_args: object) -> None:
        self._refusal = None

    def _problem_before_leaving(self) -> str | None:
        """The reason the text now in the field is no value; read before Qt puts the previous
        value back (on leaving the field or Enter)."""
        return None if self._refusal is not None else self.typed_error()

    def _refuse(self, problem: str | None) -> None:
        """Emitted after Qt's own handling, which ends with ``editingFinished`` (forms clear a
        field's error on it)."""
        if problem is not None:
            self._refusal = problem
            self._field.refused.emit(problem)  # type: ignore[attr-defined]

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        problem = self._problem_before_leaving()
        super().focusOutEvent(event)  # type: ignore[misc]
        self._refuse(problem)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        entered = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        problem = self._problem_before_leaving() if entered else None
        super().keyPressEvent(event)  # type: ignore[misc]
        self._refuse(problem)

    # --- the calendar -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """An empty field's calendar opens at today's month, not at the minimum date."""
        field = self._field
        calendar = field.calendarWidget()
        shown = watched is calendar and event.type() == QEvent.Type.Show
        if shown and self._is_special(field.lineEdit().text()):
            today = self._today()
            calendar.setCurrentPage(today.year, today.month)
        return super().eventFilter(watched, event)  # type: ignore[misc, no-any-return]


class DateField(_TypedEntry, QDateEdit):
    """A ``QDateEdit`` whose text may be typed in any usual way (see the module's text)."""

    refused = Signal(str)  # the reason typed text was not taken as a date

    def __init__(self, parent: QWidget | None = None) -> None:
        QDateEdit.__init__(self, parent)
        self._setup(self)

    def _moment(self, text: str) -> QDateTime | None:
        day = parse_typed_date(text, self._today())
        return None if day is None else QDateTime(QDate(day), self.time())

    def _example(self) -> str:
        return self.tr("请填写日期，例如 2026-11-20")

    def checked_date(self, field: str) -> dt.date:
        """The date in the field; raises :class:`FieldError` naming ``field`` for bad text."""
        return self._checked(field).date().toPython()  # type: ignore[no-any-return]


class DateTimeField(_TypedEntry, QDateTimeEdit):
    """A ``QDateTimeEdit`` that takes a date typed as :class:`DateField` does, then optionally a
    time (``2026-11-20 9:30``, ``11-20 14:00``, ``2026年11月20日9时30分``); a date alone keeps
    the time shown, a time alone (``14:30``) the date shown."""

    refused = Signal(str)  # the reason typed text was not taken as a date and time
    _format = DATETIME_FORMAT

    def __init__(self, parent: QWidget | None = None) -> None:
        QDateTimeEdit.__init__(self, parent)
        self._setup(self)

    def _moment(self, text: str) -> QDateTime | None:
        typed = parse_typed_moment(text, self._today())
        if typed is None:
            return None
        day, moment = typed
        return QDateTime(
            QDate(day) if day is not None else self.date(),
            QTime(moment) if moment is not None else self.time(),
        )

    def _example(self) -> str:
        return self.tr("请填写日期和时间，例如 2026-11-20 09:30")

    def checked_datetime(self, field: str) -> dt.datetime:
        """The date and time in the field; raises :class:`FieldError` naming ``field`` for bad
        text."""
        return self._checked(field).toPython()  # type: ignore[no-any-return]


def show_refusals_in(errors: FieldErrors, fields: Mapping[str, QWidget]) -> None:
    """Show each :class:`DateField`'s (and :class:`DateTimeField`'s) refusal beside it through ``errors`` (the form's usual
    inline errors); other widgets in ``fields`` are left alone."""
    for field, widget in fields.items():
        if isinstance(widget, DateField | DateTimeField):
            widget.refused.connect(lambda reason, field=field: errors.show({field: reason}))
