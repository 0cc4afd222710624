"""The 图表 tab of the statistics screen: the month's complaints by category and by nature, and the
last 12 months' registered, closed and recovered money.

Its sentences keep the translation context ``StatsScreen`` of the screen they were written in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPen
from PySide6.QtWidgets import QGridLayout, QToolTip, QWidget

from station_app.gui.reports.charts import (
    ChartView,
    labels_fit,
    new_chart,
    side_label,
    style_axis,
    top_categories,
    value_axis,
    wrap_label,
)
from station_app.gui.reports.indicator_model import code_label
from station_app.gui.widgets.months import month_label
from station_app.reports.indicators import MonthlyIndicators
from station_app.reports.trend import TrendPoint

RECEIVED_COLOR, CLOSED_COLOR, MONEY_COLOR = "#0b5cad", "#6aa84f", "#d9822b"
MONEY_SCALE = 10_000  # the trend shows money in 万元: six-digit yuan figures crowd an axis


class StatsCharts(QWidget):
    """Three charts in a grid: categories (upright, or on its side when the names do not fit),
    natures, and the 12-month trend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category_view = ChartView(self)
        self.category_view.resized.connect(self._show_categories)
        self._categories: list[tuple[str, int]] = []
        self._category_upright: bool | None = None
        self.nature_view = ChartView(self)
        self.trend_view = ChartView(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.category_view, 0, 0)
        grid.addWidget(self.nature_view, 0, 1)
        grid.addWidget(self.trend_view, 1, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)

    def show_month(self, stats: MonthlyIndicators | None) -> None:
        breakdown = stats.breakdown("category") if stats else {}
        shown = top_categories(breakdown, QCoreApplication.translate("StatsScreen", "其余大类"))
        self._categories = shown
        self._category_upright = None  # build it afresh
        self._show_categories()

        natures = sorted(
            (
                (code_label("nature", code), count)
                for code, count in (stats.breakdown("nature") if stats else {}).items()
            ),
            key=lambda item: item[1],
        )  # a horizontal chart draws its first bar at the bottom: the largest ends on top
        title = QCoreApplication.translate("StatsScreen", "登记投诉：按主要投诉性质（件）")
        self.nature_view.setChart(self._bar_chart(title, natures, horizontal=True))

    def _show_categories(self) -> None:
        """Upright bars with the names wrapped under them; where the names do not fit under the
        bars (English words do not break, a narrow window) the chart lies on its side."""
        shown = self._categories
        upright = labels_fit([name for name, _count in shown], self.category_view.width())
        if upright == self._category_upright:
            return
        self._category_upright = upright
        title = QCoreApplication.translate("StatsScreen", "受理投诉：按商品和服务大类（件）")
        bars = shown if upright else shown[::-1]  # on its side the first bar is at the bottom
        self.category_view.setChart(self._bar_chart(title, bars, horizontal=not upright))

    def _bar_chart(
        self, title: str, bars: Sequence[tuple[str, int]], *, horizontal: bool
    ) -> QChart:
        chart = new_chart(title)
        bar_set = QBarSet(QCoreApplication.translate("StatsScreen", "件数"))
        bar_set.setColor(QColor(RECEIVED_COLOR))
        bar_set.setLabelColor(QColor("#24292f"))
        for _name, count in bars:
            bar_set.append(count)
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.6)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        full_names = [name for name, _count in bars]

        def hovered(status: bool, index: int, _bar_set: QBarSet) -> None:
            if status and 0 <= index < len(bars):  # the whole name, where the axis cut it short
                QToolTip.showText(QCursor.pos(), f"{full_names[index]}：{bars[index][1]}")
            else:
                QToolTip.hideText()

        series.hovered.connect(hovered)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([side_label(n) if horizontal else wrap_label(n) for n, _count in bars])
        values = value_axis(max((count for _name, count in bars), default=0), room=1.15)
        style_axis(names)
        style_axis(values)
        names.setGridLineVisible(False)
        names.setTruncateLabels(False)  # whole names (wrapped), never "农…"
        if horizontal:
            chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(values)
        if not bars:
            chart.setTitle(
                title + "\n" + QCoreApplication.translate("StatsScreen", "本月没有受理投诉")
            )
        return chart

    def show_trend(self, points: Sequence[TrendPoint]) -> None:
        chart = new_chart(
            QCoreApplication.translate("StatsScreen", "近12个月：登记、办结与挽回经济损失（%1—%2）")
            .replace("%1", month_label(points[0].month) if points else "")
            .replace("%2", month_label(points[-1].month) if points else "")
        )
        received = QBarSet(QCoreApplication.translate("StatsScreen", "登记投诉（件）"))
        received.setColor(QColor(RECEIVED_COLOR))
        closed = QBarSet(QCoreApplication.translate("StatsScreen", "办结（件）"))
        closed.setColor(QColor(CLOSED_COLOR))
        money = QLineSeries()
        money.setName(QCoreApplication.translate("StatsScreen", "挽回经济损失（万元）"))
        money.setPen(QPen(QColor(MONEY_COLOR), 3))
        money.setPointsVisible(True)
        for number, point in enumerate(points):
            received.append(point.received)
            closed.append(point.closed)
            money.append(number, point.recovered_fen / 100 / MONEY_SCALE)
        bars = QBarSeries()
        bars.append(received)
        bars.append(closed)
        bars.setBarWidth(0.75)
        chart.addSeries(bars)
        chart.addSeries(money)

        months = QBarCategoryAxis()
        months.append([self._axis_month(point.month) for point in points])
        months.setGridLineVisible(False)
        months.setTruncateLabels(False)
        count_axis = value_axis(max((max(p.received, p.closed) for p in points), default=0))
        count_axis.setTitleText(QCoreApplication.translate("StatsScreen", "件"))
        money_axis = value_axis(
            max((point.recovered_fen for point in points), default=0) / 100 / MONEY_SCALE,
            whole=False,
        )
        money_axis.setTitleText(QCoreApplication.translate("StatsScreen", "万元"))
        money_axis.setLinePenColor(QColor(MONEY_COLOR))
        money_axis.setLabelsColor(QColor("#8a4b0f"))
        money_axis.setGridLineVisible(False)
        for axis in (months, count_axis, money_axis):
            style_axis(axis)
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(count_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(money_axis, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(months)
        bars.attachAxis(count_axis)
        money.attachAxis(months)
        money.attachAxis(money_axis)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(QFont())
        self.trend_view.setChart(chart)

    def _axis_month(self, month: str) -> str:
        return QCoreApplication.translate("StatsScreen", "%1月").replace("%1", str(int(month[5:])))
