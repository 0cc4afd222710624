"""The statistics screen's charts (Qt Charts): axes with round steps, category labels that fit or
wrap, and a chart view that keeps its axes readable on a small screen."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import (
    QMargins,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QWidget,
)

from station_app.gui.reports.indicator_model import (
    code_label,
)

TOP_CATEGORIES = 6  # the category chart shows the largest ones and puts the rest together
CHART_MIN_WIDTH = 300
SIDE_LABEL_WIDTH = 190  # pixels: Qt gives a side axis little more, and clips


def nice_step(maximum: float, ticks: int = 5, *, whole: bool = True) -> float:
    """A round tick interval (1, 2, 5 × 10ⁿ) giving about ``ticks`` intervals up to ``maximum``;
    at least 1 when the values are counts (``whole``)."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 5, 10) if raw <= f * power)
    return max(step, 1) if whole else step


def value_axis(maximum: float, *, whole: bool = True, room: float = 1.0) -> QValueAxis:
    """A value axis from 0 with round ticks (whole numbers for counts); ``room`` leaves space
    above the highest value for the bar labels."""
    step = nice_step(maximum * room, whole=whole)
    decimals = 0 if whole or step >= 1 else -math.floor(math.log10(step) + 1e-9)
    axis = QValueAxis()
    axis.setRange(0, step * max(1, math.ceil(maximum * room / step - 1e-9)))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat(f"%.{decimals}f")
    axis.setMinorTickCount(0)
    return axis


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(QFont().pointSizeF() * 1.1)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(False)
    return chart


def style_axis(axis: Any) -> None:
    font = QFont()
    axis.setLabelsFont(font)
    title_font = QFont()
    title_font.setPointSizeF(font.pointSizeF() * 0.95)
    axis.setTitleFont(title_font)


def top_categories(breakdown: dict[str, int], rest_label: str) -> list[tuple[str, int]]:
    """(shown name, count) of the largest categories, the others summed into ``rest_label``."""
    ordered = sorted(breakdown.items(), key=lambda item: (-item[1], item[0]))
    shown = [(code_label("category", code), count) for code, count in ordered[:TOP_CATEGORIES]]
    rest = sum(count for _code, count in ordered[TOP_CATEGORIES:])
    if rest:
        shown.append((rest_label, rest))
    return shown


def wrap_label(text: str, width: int = 4) -> str:
    """A long name on several short lines: each bar of the category axis has little room, and
    the axis shows rich text, so lines are joined with ``<br>``. Chinese breaks anywhere (about
    ``width`` characters a line); other text between words (about ``3 × width`` letters)."""
    if not text.isascii():
        if len(text) <= width:
            return text
        lines = math.ceil(len(text) / width)
        size = math.ceil(len(text) / lines)
        return "<br>".join(text[i : i + size] for i in range(0, len(text), size))
    return "<br>".join(textwrap.wrap(text, 3 * width, break_long_words=False)) or text


def labels_fit(names: Sequence[str], chart_width: int) -> bool:
    """Whether the wrapped ``names`` fit side by side under upright bars in a chart this wide."""
    if not names:
        return True
    metrics = QFontMetrics(QFont())
    slot = max(chart_width, CHART_MIN_WIDTH) * 0.85 / len(names)
    widest = max(
        metrics.horizontalAdvance(line) for name in names for line in wrap_label(name).split("<br>")
    )
    return widest <= slot - 8


def side_label(text: str) -> str:
    """A name beside a horizontal bar, on one line (two would not fit the bar's height):
    Chinese names fit; a long English one is cut short with "…"."""
    metrics = QFontMetrics(QFont())
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, SIDE_LABEL_WIDTH)


class ChartView(QChartView):
    """A chart view that draws smoothly and says when its width changed."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(CHART_MIN_WIDTH, 200)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resized.emit()
