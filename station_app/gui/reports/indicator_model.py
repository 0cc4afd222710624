"""The 月度统计 table: one row per indicator of the core's ``compute_indicators``, with this month,
the year so far, last year and the change (translation context ``IndicatorTableModel``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
)

from station_app import codes
from station_app.gui.widgets.rows_model import RAW_VALUE_ROLE, read_only_flags
from station_app.messages import translate
from station_app.reports.figures import change_percent_text, change_text, figure_text
from station_app.reports.indicators import IndicatorRow, MonthlyIndicators

INDENT = "    "  # a sub-indicator's label is indented under its parent

INDICATOR_HEADERS = (
    QT_TRANSLATE_NOOP("IndicatorTableModel", "指标"),
    QT_TRANSLATE_NOOP("IndicatorTableModel", "单位"),
    QT_TRANSLATE_NOOP("IndicatorTableModel", "本月"),
    QT_TRANSLATE_NOOP("IndicatorTableModel", "本年累计"),
    QT_TRANSLATE_NOOP("IndicatorTableModel", "去年同期"),
    QT_TRANSLATE_NOOP("IndicatorTableModel", "增减数"),
    QT_TRANSLATE_NOOP("IndicatorTableModel", "增减%"),
)
LABEL_COLUMN, UNIT_COLUMN, MONTH_COLUMN = 0, 1, 2
RATE_POINTS = QT_TRANSLATE_NOOP("IndicatorTableModel", "%1个百分点")  # a rate's 增减数


# indicator rows keyed ``prefix:code`` name a code-list entry: shown in the window's language
CODE_LISTS: dict[str, Callable[[], codes.CodeList]] = {
    "category": codes.category_list,
    "nature": lambda: codes.code_list("nature"),
    "target": lambda: codes.code_list("referral_target"),
    "event_type": lambda: codes.code_list("education_event_type"),
}


AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str, context: str = "IndicatorTableModel") -> str:
    return QCoreApplication.translate(context, text)


def code_label(prefix: str, code: str) -> str:
    """The shown name of a code of the ``prefix`` list (category, nature …), else the code."""
    getter = CODE_LISTS.get(prefix)
    if getter is None:
        return code
    try:
        return getter().label(code)
    except codes.CodeListError:
        return code


def indicator_label(row: IndicatorRow) -> str:
    """The row's name in the window's language: a row named after a code-list entry (a category,
    a nature …) shows that entry's label, any other the core's name (marked ``N_``) translated."""
    prefix, _, code = row.key.partition(":")
    getter = CODE_LISTS.get(prefix)
    if code and getter is not None and codes.display_language() == "en":
        try:
            entries = getter()
            if entries.name(code) == row.label:
                return entries.label(code)
        except codes.CodeListError:
            pass
    return translate(row.label)


def format_value(kind: str, value: int | float | None) -> str:
    """本月 / 本年累计 / 去年同期 (see ``reports.figures``)."""
    return figure_text(kind, value)


def format_change(kind: str, value: int | float | None) -> str:
    """增减数 with its sign; a rate's change in (translated) percentage points; no sign on 0."""
    return change_text(
        kind, value, points=lambda number: _tr(RATE_POINTS).replace("%1", number), plain_zero=True
    )


def format_change_percent(kind: str, value: float | None) -> str:
    return change_percent_text(kind, value)


class IndicatorTableModel(QAbstractTableModel):
    """The rows of ``compute_indicators``: name (indented by level), unit and the five figures."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stats: MonthlyIndicators | None = None
        self._rows: list[IndicatorRow] = []
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    def set_indicators(self, stats: MonthlyIndicators | None) -> None:
        self.beginResetModel()
        self._stats = stats
        self._rows = list(stats.rows) if stats is not None else []
        self.endResetModel()

    def indicators(self) -> MonthlyIndicators | None:
        return self._stats

    def row_of_key(self, key: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.key == key), -1)

    def indicator(self, row: int) -> IndicatorRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(INDICATOR_HEADERS)

    def _raw(self, row: IndicatorRow, column: int) -> Any:
        return (
            indicator_label(row),
            row.unit,
            row.month,
            row.year_to_date,
            row.last_year,
            row.change,
            row.change_percent,
        )[column]

    def _text(self, row: IndicatorRow, column: int) -> str:
        if column == LABEL_COLUMN:
            return INDENT * row.level + indicator_label(row)
        if column == UNIT_COLUMN:
            return translate(row.unit)  # the core's unit (marked N_), in the window's language
        if column == 5:
            return format_change(row.kind, row.change)
        if column == 6:
            return format_change_percent(row.kind, row.change_percent)
        return format_value(row.kind, self._raw(row, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(INDICATOR_HEADERS):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == LABEL_COLUMN:
            return indicator_label(row)
        if role == RAW_VALUE_ROLE:
            return self._raw(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft if column <= UNIT_COLUMN else Qt.AlignmentFlag.AlignRight
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (row.level == 0 or row.kind == "heading"):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == "heading":
            return QColor("#eef2f7")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(INDICATOR_HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(INDICATOR_HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section > UNIT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)
