"""统计 → 热点经营者: the businesses complained about again and again in the last months.

The county uses it to decide a consumer warning (消费警示) or a talk with a business: a business
with complaints from several stations stands out (涉及服务站). Read off the GUI thread with
``reports.hot_respondents``; sortable on every column.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from station_app.gui.app.context import AppContext
from station_app.gui.widgets.rows_model import RowColumn, RowsModel, count_column, sorted_view
from station_app.reports.hot_respondents import HotRespondent, hot_respondents
from station_app.reports.indicators import Period

MONTHS_OFFERED = (3, 6, 12)


def months_before(today: dt.date, months: int) -> tuple[Period, Period]:
    """The ``months`` whole months up to ``today``'s month (included), and as many before them."""
    end_index = today.year * 12 + today.month  # the month after today's, counted from year 0
    start_index = end_index - months

    def first_day(index: int) -> dt.date:
        return dt.date(index // 12, index % 12 + 1, 1)

    return (
        Period(first_day(start_index), first_day(end_index)),
        Period(first_day(start_index - months), first_day(start_index)),
    )


class HotRespondentsModel(RowsModel):
    CONTEXT = "HotRespondentsTab"


COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("HotRespondentsTab", "经营者"), lambda h: h.name),
    RowColumn(
        QT_TRANSLATE_NOOP("HotRespondentsTab", "统一社会信用代码"), lambda h: h.credit_code or "—"
    ),
    count_column(
        QT_TRANSLATE_NOOP("HotRespondentsTab", "投诉件数"),
        lambda h: h.complaints,
        bold=lambda h: h.stations > 1,
    ),
    count_column(QT_TRANSLATE_NOOP("HotRespondentsTab", "前期件数"), lambda h: h.previous),
    count_column(
        QT_TRANSLATE_NOOP("HotRespondentsTab", "增减"),
        lambda h: h.rise,
        signed=True,
        color=lambda h: "#b00020" if h.rise > 0 else "",
    ),
    count_column(QT_TRANSLATE_NOOP("HotRespondentsTab", "涉及服务站"), lambda h: h.stations),
    count_column(QT_TRANSLATE_NOOP("HotRespondentsTab", "未办结"), lambda h: h.open_complaints),
    RowColumn(
        QT_TRANSLATE_NOOP("HotRespondentsTab", "最近投诉"),
        lambda h: h.latest.isoformat(),
        raw=lambda h: h.latest,
    ),
]
STATIONS_COLUMN = 5


class HotRespondentsTab(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._generation = 0
        self.months_combo = QComboBox(self)
        for months in MONTHS_OFFERED:
            self.months_combo.addItem(self.tr("近 %1 个月").replace("%1", str(months)), months)
        self.months_combo.setCurrentIndex(1)
        label = QLabel(self.tr("时间"), self)
        label.setBuddy(self.months_combo)
        self.hint = QLabel(
            self.tr("被投诉 2 件以上的经营者，按件数排列；加粗的经营者在不止一个服务站被投诉。"),
            self,
        )
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.months_combo)
        top.addWidget(self.hint, 1)
        self.model = HotRespondentsModel(COLUMNS, self)
        self.view, self.proxy = sorted_view(self.model, self)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.months_combo.currentIndexChanged.connect(self.reload)

    def origin(self) -> str | None:
        identity = self.app.installation.identity()
        if identity is None or identity.is_county:
            return None
        return identity.code

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        current, previous = months_before(self.app.clock.today(), self.months_combo.currentData())
        origin = self.origin()
        self.view.setColumnHidden(STATIONS_COLUMN, origin is not None)

        def shown(rows: list[HotRespondent]) -> None:
            if generation == self._generation:
                self.model.set_rows(rows)
                self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
                self.view.resizeColumnsToContents()

        self.app.jobs.run_query(
            lambda: hot_respondents(current, origin, previous=previous, limit=200), shown
        )
