"""工作台: today's and this month's work at a glance, and the two most common actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.app_context import AppContext
from station_app.registry.counts import WorkbenchCounts, workbench_counts

CARD_STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; }
QLabel#cardTitle { color: #444c56; }
QLabel#cardValue { color: #0b5cad; }
QLabel#cardUnit, QLabel#cardDetail { color: #57606a; }
QPushButton#quickAction { background: #0b5cad; color: #ffffff; border: none; border-radius: 6px;
                          padding: 10px 28px; }
QPushButton#quickAction:hover { background: #0a4f94; }
QPushButton#quickAction:pressed { background: #083f77; }
QPushButton#quickAction:focus { outline: none; border: 2px solid #f0b429; }
"""


class CountCard(QFrame):
    """One number with its title and unit, e.g. 今日登记投诉 3 件."""

    def __init__(self, title: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        title_label = QLabel(title)
        title_label.setObjectName("cardTitle")
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        value_font = QFont(self.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 2.4)
        value_font.setBold(True)
        self.value_label.setFont(value_font)
        unit_label = QLabel(unit)
        unit_label.setObjectName("cardUnit")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("cardDetail")
        self.detail_label.hide()

        number_row = QHBoxLayout()
        number_row.setSpacing(6)
        number_row.addWidget(self.value_label, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addWidget(unit_label, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(4)
        layout.addWidget(title_label)
        layout.addLayout(number_row)
        layout.addWidget(self.detail_label)

    def set_value(self, value: int, detail: str = "") -> None:
        self.value_label.setText(str(value))
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))


class DashboardScreen(QWidget):
    """The workbench (工作台). Counts come from ``registry.counts`` and refresh after writes."""

    new_complaint_requested = Signal()
    new_visit_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.counts: WorkbenchCounts | None = None
        self.setStyleSheet(CARD_STYLE)

        heading = QLabel(self.tr("工作台"))
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        heading.setFont(heading_font)
        self.date_label = QLabel()
        self.date_label.setObjectName("cardUnit")

        self.cards = {
            "complaints_today": CountCard(self.tr("今日登记投诉"), self.tr("件")),
            "complaints_month": CountCard(self.tr("本月登记投诉"), self.tr("件")),
            "complaints_open": CountCard(self.tr("尚未办结的投诉"), self.tr("件")),
            "visits_today": CountCard(self.tr("今日来访咨询"), self.tr("次")),
            "visits_month": CountCard(self.tr("本月来访咨询"), self.tr("次")),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        grid.addWidget(self._section(self.tr("投诉")), 0, 0, 1, 3)
        grid.addWidget(self.cards["complaints_today"], 1, 0)
        grid.addWidget(self.cards["complaints_month"], 1, 1)
        grid.addWidget(self.cards["complaints_open"], 1, 2)
        grid.addWidget(self._section(self.tr("来访咨询")), 2, 0, 1, 3)
        grid.addWidget(self.cards["visits_today"], 3, 0)
        grid.addWidget(self.cards["visits_month"], 3, 1)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.new_complaint_button = QPushButton(self.tr("新建投诉"))
        self.new_complaint_button.setToolTip(self.tr("登记一件新的投诉（Ctrl+N）"))
        self.new_complaint_button.clicked.connect(self.new_complaint_requested)
        self.new_visit_button = QPushButton(self.tr("登记来访"))
        self.new_visit_button.setToolTip(self.tr("登记一次来访或咨询（Ctrl+Shift+N）"))
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        for button in (self.new_complaint_button, self.new_visit_button):
            button.setObjectName("quickAction")
            button.setMinimumSize(180, 52)
            button_font = QFont(button.font())
            button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
            button_font.setBold(True)
            button.setFont(button_font)
            actions.addWidget(button)
        actions.addStretch(1)

        title_row = QHBoxLayout()
        title_row.addWidget(heading)
        title_row.addStretch(1)
        title_row.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(18)
        layout.addLayout(title_row)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self._section(self.tr("常用操作")))
        layout.addLayout(actions)
        layout.addStretch(1)

        app.events.complaints_changed.connect(self.refresh)
        app.events.visits_changed.connect(self.refresh)
        self.refresh()

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(self.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def set_actions_available(self, complaints: bool, visits: bool) -> None:
        self.new_complaint_button.setVisible(complaints)
        self.new_visit_button.setVisible(visits)

    def refresh(self) -> None:
        """Recount: a handful of indexed COUNT queries, fast enough for the GUI thread."""
        today = self.app.clock.today()
        weekday = [
            self.tr("星期一"),
            self.tr("星期二"),
            self.tr("星期三"),
            self.tr("星期四"),
            self.tr("星期五"),
            self.tr("星期六"),
            self.tr("星期日"),
        ][today.weekday()]
        self.date_label.setText(
            self.tr("{year}年{month}月{day}日 {weekday}").format(
                year=today.year, month=today.month, day=today.day, weekday=weekday
            )
        )
        counts = workbench_counts(today)
        self.counts = counts
        self.cards["complaints_today"].set_value(counts.complaints_today)
        self.cards["complaints_month"].set_value(counts.complaints_month)
        self.cards["complaints_open"].set_value(counts.complaints_open)
        people = self.tr("共 {people} 人")
        self.cards["visits_today"].set_value(
            counts.visits_today, people.format(people=counts.visitors_today)
        )
        self.cards["visits_month"].set_value(
            counts.visits_month, people.format(people=counts.visitors_month)
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.counts is not None:
            self.refresh()  # the day may have turned since the last look
