"""The 统计 screen: a month's indicators (月度统计), three charts, and 导出台账.

Everything shown comes from the core's ``compute_indicators`` (the same function the ledger and
``station stats`` use) and, for the 12-month trend, ``period_figures`` of each month; both run on
the job API's readers, so a county's large database never freezes the window. A station sees its
own figures; the county chooses all stations or one. The ledger is written off the GUI thread
with a progress dialog (after half a second, with 取消), then its folder is opened.
"""

from __future__ import annotations

import errno
import logging
import math
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.widgets.combos import combo_value, fill_combo
from station_app.gui.widgets.months import month_label
from station_app.gui.widgets.progress import JobProgress, watch_job
from station_app.gui.widgets.rows_model import RAW_VALUE_ROLE
from station_app.messages import translate
from station_app.registry.choices import Choice, recent_months, station_choices
from station_app.reports.figures import change_percent_text, change_text, figure_text
from station_app.reports.indicators import (
    IndicatorRow,
    MonthlyIndicators,
    compute_indicators,
)
from station_app.reports.ledger import (
    LedgerCancelled,
    LedgerSummary,
    LedgerWriteFailed,
    write_ledger,
)
from station_app.reports.trend import TrendPoint, compute_trend

log = logging.getLogger(__name__)

MONTHS_OFFERED = 36
TOP_CATEGORIES = 6  # the category chart shows the largest ones and puts the rest together
LEDGER_FOLDER_KEY = "stats/ledger_folder"
ERROR_COLOR = "#b00020"
OK_COLOR = "#1b5e20"
RECEIVED_COLOR, CLOSED_COLOR, MONEY_COLOR = "#0b5cad", "#6aa84f", "#d9822b"
INDENT = "    "
CHART_MIN_WIDTH = 300
SIDE_LABEL_WIDTH = 190  # pixels: Qt gives a side axis little more, and clips
MONEY_SCALE = 10_000  # the trend shows money in 万元: six-digit yuan figures crowd an axis

# -- the indicator table ---------------------------------------------------------------------------

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
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


# -- charts ----------------------------------------------------------------------------------------


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


# -- the screen ------------------------------------------------------------------------------------


class StatsScreen(QWidget):
    """A month's indicators with charts; export of the month's ledger."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._generation = 0  # results of an older request (month changed since) are dropped
        self._loaded_key: tuple[str, str | None] | None = None
        self.stats_job: JobHandle | None = None
        self.trend_job: JobHandle | None = None
        self.export_job: JobHandle | None = None
        self.export_progress: JobProgress | None = None
        self.trend: list[TrendPoint] = []
        self.failure_box: QMessageBox | None = None
        self._build()
        app.events.complaints_changed.connect(self.records_changed)
        app.events.visits_changed.connect(self.records_changed)
        app.events.settings_changed.connect(self.reload_choices)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.month_combo = QComboBox(self)
        self.month_combo.setMaxVisibleItems(20)
        self.month_label = QLabel(self.tr("月份"), self)
        self.month_label.setBuddy(self.month_combo)
        self.station_combo = QComboBox(self)
        self.station_combo.setMaxVisibleItems(20)
        self.station_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.station_combo.setMinimumContentsLength(10)
        self.station_label = QLabel(self.tr("服务站"), self)
        self.station_label.setBuddy(self.station_combo)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("导出台账…"), self)
        self.export_button.setToolTip(
            self.tr("把本月的月度台账（投诉、来访、宣传活动和月度统计）保存为 Excel 工作簿")
        )
        self.export_button.clicked.connect(self.export_ledger)

        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month_combo)
        top.addSpacing(8)
        top.addWidget(self.station_label)
        top.addWidget(self.station_combo)
        top.addSpacing(12)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.export_button)

        self.model = IndicatorTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._setup_table()

        self.category_view = ChartView(self)
        self.category_view.resized.connect(self._show_categories)
        self._categories: list[tuple[str, int]] = []
        self._category_upright: bool | None = None
        self.nature_view = ChartView(self)
        self.trend_view = ChartView(self)
        charts = QWidget(self)
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.category_view, 0, 0)
        grid.addWidget(self.nature_view, 0, 1)
        grid.addWidget(self.trend_view, 1, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("月度统计表"))
        self.tabs.addTab(charts, self.tr("图表"))
        self.charts_page = charts

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.reload_choices()
        self.month_combo.currentIndexChanged.connect(self.reload)
        self.station_combo.currentIndexChanged.connect(self.reload)
        self._show_charts(None)

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("人次") + 16)

    def _fit_table(self) -> None:
        """Unit and figure columns as wide as their contents; the name takes the rest."""
        for column in range(UNIT_COLUMN, len(INDICATOR_HEADERS)):
            self.table.resizeColumnToContents(column)

    def reload_choices(self) -> None:
        """The months offered (up to this month by the clock) and, at the county, the stations."""
        kept_month = combo_value(self.month_combo)
        kept_station = combo_value(self.station_combo)
        months = recent_months(self.app.clock.today(), MONTHS_OFFERED)
        fill_combo(self.month_combo, [Choice(m, month_label(m)) for m in months])
        index = self.month_combo.findData(kept_month) if kept_month else 0
        self.month_combo.blockSignals(True)
        self.month_combo.setCurrentIndex(max(index, 0))
        self.month_combo.blockSignals(False)

        identity = self.app.installation.identity()
        county = identity is not None and identity.is_county
        self.station_label.setVisible(county)
        self.station_combo.setVisible(county)
        if county:
            own = identity.code if identity is not None else ""
            stations = station_choices(exclude_code=own)
            fill_combo(self.station_combo, stations, self.tr("全部服务站"))
            index = self.station_combo.findData(kept_station) if kept_station else 0
            self.station_combo.blockSignals(True)
            self.station_combo.setCurrentIndex(max(index, 0))
            self.station_combo.blockSignals(False)
        if self._loaded_key is not None and self._loaded_key != self.current_key():
            self.reload()

    # --- what is shown ------------------------------------------------------------------------

    def current_month(self) -> str:
        return combo_value(self.month_combo) or recent_months(self.app.clock.today(), 1)[0]

    def current_origin(self) -> str | None:
        """A station's own code; at the county the chosen station, None for all of them."""
        identity = self.app.installation.identity()
        if identity is None:
            return None
        if identity.is_county:
            return combo_value(self.station_combo)
        return identity.code

    def current_key(self) -> tuple[str, str | None]:
        return self.current_month(), self.current_origin()

    def set_month(self, month: str) -> None:
        index = self.month_combo.findData(month)
        if index >= 0:
            self.month_combo.setCurrentIndex(index)

    def records_changed(self) -> None:
        """A write committed: compute again now if the screen is shown (else when it is)."""
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Compute afresh each time the screen is opened: events, visits and complaints may
        have changed on other screens meanwhile (the figures arrive in the background)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()

    def is_loading(self) -> bool:
        return any(job is not None and not job.done for job in (self.stats_job, self.trend_job))

    def reload(self) -> None:
        """Compute the indicators, then the trend, on the readers; older requests are dropped."""
        self._generation += 1
        generation = self._generation
        month, origin = self.current_key()
        self._loaded_key = (month, origin)
        self._show_status(self.tr("正在计算 %1 的统计…").replace("%1", month_label(month)))

        def stats_done(stats: MonthlyIndicators) -> None:
            if generation == self._generation:
                self.model.set_indicators(stats)
                self._fit_table()
                self._show_charts(stats)

        def trend_done(points: list[TrendPoint]) -> None:
            if generation == self._generation:
                self.trend = points
                self._show_trend(points)
                self._show_status("")

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._show_status(str(error), error=True)

        self.stats_job = self.app.jobs.run_read(
            lambda: compute_indicators(month, origin=origin),
            stats_done,
            failed,
            title=self.tr("计算月度统计"),
        )
        self.trend_job = self.app.jobs.run_read(
            lambda: compute_trend(month, origin), trend_done, failed, title=self.tr("计算走势")
        )

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        color = ERROR_COLOR if error else OK_COLOR
        self.status_label.setStyleSheet(
            f"color: {color};" + (" font-weight: bold;" if error else "")
        )

    # --- charts -------------------------------------------------------------------------------

    def _show_charts(self, stats: MonthlyIndicators | None) -> None:
        breakdown = stats.breakdown("category") if stats else {}
        shown = top_categories(breakdown, self.tr("其余大类"))
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
        title = self.tr("登记投诉：按主要投诉性质（件）")
        self.nature_view.setChart(self._bar_chart(title, natures, horizontal=True))

    def _show_categories(self) -> None:
        """Upright bars with the names wrapped under them; where the names do not fit under the
        bars (English words do not break, a narrow window) the chart lies on its side."""
        shown = self._categories
        upright = labels_fit([name for name, _count in shown], self.category_view.width())
        if upright == self._category_upright:
            return
        self._category_upright = upright
        title = self.tr("受理投诉：按商品和服务大类（件）")
        bars = shown if upright else shown[::-1]  # on its side the first bar is at the bottom
        self.category_view.setChart(self._bar_chart(title, bars, horizontal=not upright))

    def _bar_chart(
        self, title: str, bars: Sequence[tuple[str, int]], *, horizontal: bool
    ) -> QChart:
        chart = new_chart(title)
        bar_set = QBarSet(self.tr("件数"))
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
            chart.setTitle(title + "\n" + self.tr("本月没有受理投诉"))
        return chart

    def _show_trend(self, points: Sequence[TrendPoint]) -> None:
        chart = new_chart(
            self.tr("近12个月：登记、办结与挽回经济损失（%1—%2）")
            .replace("%1", month_label(points[0].month) if points else "")
            .replace("%2", month_label(points[-1].month) if points else "")
        )
        received = QBarSet(self.tr("登记投诉（件）"))
        received.setColor(QColor(RECEIVED_COLOR))
        closed = QBarSet(self.tr("办结（件）"))
        closed.setColor(QColor(CLOSED_COLOR))
        money = QLineSeries()
        money.setName(self.tr("挽回经济损失（万元）"))
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
        count_axis.setTitleText(self.tr("件"))
        money_axis = value_axis(
            max((point.recovered_fen for point in points), default=0) / 100 / MONEY_SCALE,
            whole=False,
        )
        money_axis.setTitleText(self.tr("万元"))
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
        return self.tr("%1月").replace("%1", str(int(month[5:])))

    # --- the ledger ---------------------------------------------------------------------------

    def choose_ledger_path(self, suggested: str) -> Path | None:
        """Where to save the ledger; None when the officer cancels (tests replace this)."""
        settings = QSettings()
        folder = str(
            settings.value(LEDGER_FOLDER_KEY, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出月度台账"),
            str(Path(folder) / suggested),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        settings.setValue(LEDGER_FOLDER_KEY, str(path.parent))
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def open_folder(self, folder: Path) -> None:
        """Show the folder the ledger went to (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def export_ledger(self) -> JobHandle | None:
        """Ask where, write the ledger on a reader with progress, then open its folder."""
        if self.export_job is not None and not self.export_job.done:
            return None
        month, origin = self.current_key()
        suggested = self.tr("月度台账_%1.xlsx").replace("%1", month)
        path = self.choose_ledger_path(suggested)
        if path is None:
            return None
        ctx = self.app.context()

        def job(progress: Callable[[int, int], None], cancel: Any) -> LedgerSummary:
            return write_ledger(
                month, path, origin=origin, ctx=ctx, progress=progress, cancel=cancel
            )

        busy = self.tr("正在导出 %1 的台账…").replace("%1", month_label(month))
        self._show_status(busy)
        self.export_button.setEnabled(False)
        handle = self.app.jobs.run_read(
            job, self._exported, self._export_failed, title=self.tr("导出台账")
        )
        handle.finished.connect(lambda: self.export_button.setEnabled(True))
        self.export_job = handle
        self.export_progress = watch_job(handle, self, busy)
        return handle

    def _exported(self, summary: LedgerSummary) -> None:
        self.export_button.setEnabled(True)  # before the folder opens: the job is done
        self._show_status(
            self.tr("台账已导出到：%1（投诉 %2 件，来访 %3 次，宣传活动 %4 场）")
            .replace("%1", str(summary.path))
            .replace("%2", str(summary.complaints_registered + summary.complaints_carried_over))
            .replace("%3", str(summary.visits))
            .replace("%4", str(summary.events))
        )
        self.open_folder(summary.path.parent)

    def ledger_error_text(self, error: StationError) -> str:
        """The ledger's refusal in the window's language (``reports.ledger`` writes Chinese)."""
        if isinstance(error, LedgerCancelled):
            return self.tr("已取消导出台账，原有文件未作改动。")
        if isinstance(error, LedgerWriteFailed):
            if error.errno == errno.ENOSPC:
                reason = self.tr("磁盘空间不足，请清理磁盘或换一个位置保存")
            elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                reason = self.tr("没有写入权限（文件夹只读，或文件正被 Excel/WPS 等程序打开）")
            elif error.errno == errno.ENOENT:
                reason = self.tr("文件夹不存在")
            elif error.errno:
                reason = os.strerror(error.errno)
            else:
                return _tr(str(error), "errors")
            return (
                self.tr("无法写入台账 %1：%2。原有文件未作改动。")
                .replace("%1", str(error.path))
                .replace("%2", reason)
            )
        return _tr(str(error), "errors")

    def _export_failed(self, error: Exception) -> None:
        """A refusal (no room, read-only, cancelled) as its sentence; a bug goes to the log."""
        self.export_button.setEnabled(True)
        if not isinstance(error, StationError):
            self._show_status(self.tr("导出台账时出错，详情已记入日志。"), error=True)
            log.error("writing the ledger failed", exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)
            return
        text = self.ledger_error_text(error)
        if isinstance(error, LedgerCancelled):  # the officer asked for it: no alarm
            self._show_status(text)
            return
        self._show_status(text, error=True)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导出台账"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.failure_box = box
        box.open()
