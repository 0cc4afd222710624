"""The months a list screen offers as a filter, shown as "2026年11月" (translation context
``ComplaintsScreen``, where they were first written)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

MONTHS_OFFERED = 36


def month_label(month: str) -> str:
    year, mon = month.split("-")
    text = QCoreApplication.translate("ComplaintsScreen", "%1年%2月")
    return text.replace("%1", year).replace("%2", str(int(mon)))
