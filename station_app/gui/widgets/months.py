"""The months a list screen offers as a filter, shown as "2026年11月" (translation context
``ComplaintsScreen``, where they were first written)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from station_app.registry.choices import Choice, recent_months

MONTHS_OFFERED = 36


def month_label(month: str) -> str:
    year, mon = month.split("-")
    text = QCoreApplication.translate("ComplaintsScreen", "%1年%2月")
    return text.replace("%1", year).replace("%2", str(int(mon)))


def month_choices(today: dt.date) -> list[Choice]:
    """The ``MONTHS_OFFERED`` months up to ``today``'s, newest first, for a month filter."""
    return [Choice(m, month_label(m)) for m in recent_months(today, MONTHS_OFFERED)]
