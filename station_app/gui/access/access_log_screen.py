"""访问日志: who signed in, saw personal information in full, printed, exported (PIPL).

Filtered by a date range, a person and a kind (and at the county, a station); read off the GUI
thread by the core (``station_app.access.access_log``), newest first, at most ``SHOWN`` rows; the
rows shown can be saved as CSV or xlsx through the core's formula-safe writers.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station_app.access import access_log
from station_app.access.access_log import AccessFilter, AccessRow
from station_app.actors import actor_label
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import show_refusal
from station_app.gui.widgets.date_field import DateField
from station_app.gui.widgets.dialog_parts import push_button
from station_app.gui.widgets.rows_model import RowColumn, RowsModel, sorted_view
from station_app.gui.widgets.save_paths import WORKBOOK_OR_CSV, choose_save_path
from station_app.messages import translate

SHOWN = 2000
EXPORT_FOLDER_KEY = "access/log_export_folder"


class AccessLogModel(RowsModel):
    CONTEXT = "AccessLogModel"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                RowColumn(
                    QT_TRANSLATE_NOOP("AccessLogModel", "时间"),
                    lambda r: r.at.isoformat(sep=" ", timespec="minutes"),
                    raw=lambda r: r.at,
                ),
                RowColumn(QT_TRANSLATE_NOOP("AccessLogModel", "服务站"), lambda r: r.station),
                RowColumn(
                    QT_TRANSLATE_NOOP("AccessLogModel", "操作人"), lambda r: actor_label(r.actor)
                ),
                RowColumn(QT_TRANSLATE_NOOP("AccessLogModel", "类别"), lambda r: r.kind_name),
                RowColumn(QT_TRANSLATE_NOOP("AccessLogModel", "对象"), lambda r: r.subject),
                RowColumn(QT_TRANSLATE_NOOP("AccessLogModel", "说明"), lambda r: r.detail),
            ],
            parent,
        )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AccessLogScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.rows: list[AccessRow] = []
        today = app.clock.today()
        title = QLabel(self.tr("访问日志"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(
            self.tr(
                "谁在何时登录、查看完整个人信息、打印文书、导出未遮蔽台账、数据包或本人信息。"
                "县消协能看到各服务站随数据包送来的记录。"
            )
        )
        hint.setWordWrap(True)

        self.start = DateField(self)
        self.start.setObjectName("accessFrom")
        self.start.setDate(_qdate(today - dt.timedelta(days=30)))
        self.end = DateField(self)
        self.end.setObjectName("accessTo")
        self.end.setDate(_qdate(today))
        self.person = QComboBox(self)
        self.person.setObjectName("accessPerson")
        self.person.setMinimumContentsLength(8)
        self.kind = QComboBox(self)
        self.kind.setObjectName("accessKind")
        self.kind.addItem(self.tr("全部类别"), None)
        for code, name in access_log.KINDS.items():
            self.kind.addItem(translate(name), code)
        self.station = QComboBox(self)
        self.station.setObjectName("accessStation")
        self.station.hide()  # shown at the county, once the first read says where this is
        self.search_button = push_button(self, self.tr("查询"), self.reload, name="accessSearch")
        self.export_button = push_button(self, self.tr("导出…"), self.export, name="accessExport")

        for combo, letters in ((self.person, 6), (self.kind, 7), (self.station, 7)):
            # long names (a station's, an English kind) elide instead of widening the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("从")))
        filters.addWidget(self.start)
        filters.addWidget(QLabel(self.tr("到")))
        filters.addWidget(self.end)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("操作人")))
        filters.addWidget(self.person)
        filters.addWidget(QLabel(self.tr("类别")))
        filters.addWidget(self.kind)
        filters.addWidget(self.station)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.model = AccessLogModel(self)
        self.view, self.proxy = sorted_view(self.model, self)
        self.view.setObjectName("accessTable")
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first, as read
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("accessCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.reload()

    def current_filter(self) -> AccessFilter:
        def day(field: DateField) -> dt.date:
            value = field.date()
            return dt.date(value.year(), value.month(), value.day())

        return AccessFilter(
            start=day(self.start),
            end=day(self.end),
            actor=self.person.currentData(),
            kind=self.kind.currentData(),
            station=self.station.currentData() if not self.station.isHidden() else None,
        )

    def reload(self) -> None:
        """Read the entries the filter selects (and the people and stations to choose from)."""
        found = self.current_filter()
        self.search_button.setEnabled(False)
        self.app.jobs.run_query(
            lambda: (
                access_log.entries(found, limit=SHOWN),
                access_log.actors(),
                access_log.stations(),
                access_log.at_county(),
            ),
            self._arrived,
            self._refused,
        )

    def _refill(self, box: QComboBox, everyone: str, values: list[str]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everyone, None)
        for value in values:
            box.addItem(value, value)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    def _arrived(self, result: tuple[list[AccessRow], list[str], list[str], bool]) -> None:
        rows, actors, stations, at_county = result
        self.station.setVisible(at_county)
        self.search_button.setEnabled(True)
        self.rows = rows
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self._refill(self.person, self.tr("全部人员"), actors)
        self._refill(self.station, self.tr("全部服务站"), stations)
        text = self.tr("共 %1 条。").replace("%1", str(len(rows)))
        if len(rows) >= SHOWN:
            text = self.tr("只显示最新的 %1 条，请缩小日期范围。").replace("%1", str(SHOWN))
        self.count_label.setText(text)

    def _refused(self, error: Exception) -> None:
        self.search_button.setEnabled(True)
        if isinstance(error, StationError):
            self.rows = []
            self.model.set_rows([])
            self.count_label.setText(str(error))
            return
        raise error

    def export(self) -> Path | None:
        chosen = choose_save_path(
            self,
            self.tr("导出访问日志"),
            f"访问日志_{self.app.clock.today():%Y%m%d}.xlsx",
            WORKBOOK_OR_CSV,
            EXPORT_FOLDER_KEY,
        )
        return None if chosen is None else self.export_to(chosen)

    def export_to(self, path: Path) -> Path | None:
        path = WORKBOOK_OR_CSV.path_for(path)
        try:
            return access_log.export_entries(self.rows, path)
        except StationError as error:
            show_refusal(error, self)
            return None
