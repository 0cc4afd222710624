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
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.changes import Changes
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.reports.analysis_dialog import AnalysisReportDialog
from station_app.gui.reports.charts_tab import StatsCharts
from station_app.gui.reports.hot_respondents_tab import HotRespondentsTab
from station_app.gui.reports.indicator_model import (
    INDICATOR_HEADERS,
    LABEL_COLUMN,
    UNIT_COLUMN,
    IndicatorTableModel,
    _tr,
)
from station_app.gui.widgets.combos import combo_value, fill_combo
from station_app.gui.widgets.dialog_parts import push_button, status_label
from station_app.gui.widgets.months import month_choices, month_label
from station_app.gui.widgets.progress import JobProgress, watch_job
from station_app.gui.widgets.rows_model import make_read_only
from station_app.gui.widgets.save_paths import choose_workbook_path, open_folder
from station_app.registry.choices import recent_months, station_choices
from station_app.reports.indicators import (
    MonthlyIndicators,
    compute_indicators,
)
from station_app.reports.ledger import (
    LedgerCancelled,
    LedgerSummary,
    LedgerWriteFailed,
    default_file_name,
    write_ledger,
)
from station_app.reports.trend import TrendPoint, compute_trend

log = logging.getLogger(__name__)

LEDGER_FOLDER_KEY = "stats/ledger_folder"
ERROR_COLOR = "#b00020"
OK_COLOR = "#1b5e20"


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
        app.jobs.changes_committed.connect(self._changes_committed)

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
        self.status_label = status_label(self)
        self.export_button = push_button(
            self,
            self.tr("导出台账…"),
            self.export_ledger,
            tooltip=self.tr(
                "把本月的月度台账（投诉、来访、宣传活动和月度统计）保存为 Excel 工作簿"
            ),
        )
        self.analysis_button = push_button(
            self,
            self.tr("分析报告…"),
            self.open_analysis_report,
            tooltip=self.tr("写季度或年度的投诉分析报告（PDF，附图表和数据表）"),
        )

        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month_combo)
        top.addSpacing(8)
        top.addWidget(self.station_label)
        top.addWidget(self.station_combo)
        top.addSpacing(12)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.analysis_button)
        top.addWidget(self.export_button)

        self.model = IndicatorTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._setup_table()

        charts = StatsCharts(self)
        self.charts = charts
        self.category_view = charts.category_view
        self.nature_view = charts.nature_view
        self.trend_view = charts.trend_view
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("月度统计表"))
        self.tabs.addTab(charts, self.tr("图表"))
        self.hot_tab = HotRespondentsTab(self.app, self)
        self.tabs.addTab(self.hot_tab, self.tr("热点经营者"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.charts_page = charts

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.reload_choices()
        self.month_combo.currentIndexChanged.connect(self.reload)
        self.station_combo.currentIndexChanged.connect(self.reload)
        self.charts.show_month(None)

    def open_analysis_report(self) -> None:
        AnalysisReportDialog(self.app, self).exec()

    def _setup_table(self) -> None:
        table = self.table
        make_read_only(table, row_padding=8)
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
        fill_combo(self.month_combo, month_choices(self.app.clock.today()))
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

    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches("roster", "settings"):
            self.reload_choices()
        if changes.touches("complaints", "visits", "events", "roster"):
            self.records_changed()

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

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.hot_tab:
            self.hot_tab.reload()

    def reload(self) -> None:
        """Compute the indicators, then the trend, on the readers; older requests are dropped."""
        if self.tabs.currentWidget() is self.hot_tab:
            self.hot_tab.reload()
        self._generation += 1
        generation = self._generation
        month, origin = self.current_key()
        self._loaded_key = (month, origin)
        self._show_status(self.tr("正在计算 %1 的统计…").replace("%1", month_label(month)))

        def stats_done(stats: MonthlyIndicators) -> None:
            if generation == self._generation:
                self.model.set_indicators(stats)
                self._fit_table()
                self.charts.show_month(stats)

        def trend_done(points: list[TrendPoint]) -> None:
            if generation == self._generation:
                self.trend = points
                self.charts.show_trend(points)
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

    # --- the ledger ---------------------------------------------------------------------------

    def choose_ledger_path(self, suggested: str) -> Path | None:
        """Where to save the ledger; None when the officer cancels (tests replace this)."""
        return choose_workbook_path(
            self,
            self.tr("导出月度台账"),
            LEDGER_FOLDER_KEY,
            suggested,
        )

    def open_folder(self, folder: Path) -> None:
        """Show the folder the ledger went to (tests replace this)."""
        open_folder(folder)

    def export_ledger(self) -> JobHandle | None:
        """Ask where, write the ledger on a reader with progress, then open its folder."""
        if self.export_job is not None and not self.export_job.done:
            return None
        month, origin = self.current_key()
        ctx = self.app.context()
        # the county files ledgers by station code and month: the name stays Chinese in English
        path = self.choose_ledger_path(default_file_name(ctx, month, origin))
        if path is None:
            return None

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
