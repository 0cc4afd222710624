"""工作台: today's and this month's work at a glance, and the two most common actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.table_model import DUE_SOON_COLORS, OVERDUE_COLORS, due_description
from station_app.gui.sync.status_card import SyncStatusCard
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.rows_model import AnyIndex, DeclaredRowsModel, RowColumn
from station_app.registry.counts import WorkbenchCounts, workbench_counts
from station_app.workflow.deadlines import (
    DueGroup,
    DueItem,
    DueReminder,
    deadline_name,
    due_reminders,
)

if TYPE_CHECKING:  # the detail window loads when first opened (start-up time)
    from station_app.gui.complaints.detail.window import ComplaintDetail

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


# six cards share one row at 1366 pixels, the larger text and five-digit figures included
CARD_VALUE_SCALE = 2.0
CARD_MARGINS = (14, 12, 14, 12)


DUE_TEXT_MAX_WIDTH = 420  # px: the due date and how far past it, at most


class CountCard(QFrame):
    """One number with its title and unit, e.g. 今日登记投诉 3 件."""

    def __init__(self, title: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        title_label = QLabel(title)
        title_label.setObjectName("cardTitle")
        title_label.setWordWrap(True)  # longer English titles wrap instead of widening the row
        self.value_label = QLabel("–")
        self.value_label.setObjectName("cardValue")
        value_font = QFont(self.font())
        value_font.setPointSizeF(value_font.pointSizeF() * CARD_VALUE_SCALE)
        value_font.setBold(True)
        self.value_label.setFont(value_font)
        unit_label = QLabel(unit)
        unit_label.setObjectName("cardUnit")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("cardDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.hide()

        number_row = QHBoxLayout()
        number_row.setSpacing(6)
        number_row.addWidget(self.value_label, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addWidget(unit_label, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*CARD_MARGINS)
        layout.setSpacing(4)
        layout.addWidget(title_label)
        layout.addLayout(number_row)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)  # cards of a row keep their titles level

    def set_value(self, value: int, detail: str = "") -> None:
        self.value_label.setText(str(value))
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))


_status_name = code_name(lambda: codes.code_list("complaint_status"))


def _due_colors(reminder: DueReminder) -> tuple[QColor, QColor]:
    return OVERDUE_COLORS if reminder.item.overdue else DUE_SOON_COLORS


def _due_column(header: str, text: Callable[[DueReminder], str]) -> RowColumn:
    return RowColumn(
        header,
        text,
        color=lambda reminder: _due_colors(reminder)[0],
        background=lambda reminder: _due_colors(reminder)[1],
    )


DUE_COLUMNS = [
    _due_column(QT_TRANSLATE_NOOP("DueItemsModel", "登记编号"), lambda r: r.item.number),
    _due_column(QT_TRANSLATE_NOOP("DueItemsModel", "状态"), lambda r: _status_name(r.item.status)),
    _due_column(
        QT_TRANSLATE_NOOP("DueItemsModel", "期限"), lambda r: deadline_name(r.item.deadline_kind)
    ),
    _due_column(QT_TRANSLATE_NOOP("DueItemsModel", "截止日期"), lambda r: due_description(r.item)),
    # the parties' headers read as in the complaint list (its context, its translations)
    _due_column(QT_TRANSLATE_NOOP("ComplaintTableModel", "投诉人"), lambda r: r.complainant),
    _due_column(QT_TRANSLATE_NOOP("ComplaintTableModel", "被投诉方"), lambda r: r.business),
]
_PARTY_COLUMNS = (4, 5)
GROUP_BACKGROUND = QColor("#eef2f6")


class DueItemsModel(DeclaredRowsModel):
    """到期提醒: complaints overdue or due within 3 working days, grouped by kind as the core
    orders them (``due_reminders``); each group opens with a title row spanning the table."""

    CONTEXT = "DueItemsModel"
    COLUMNS = DUE_COLUMNS

    def set_groups(self, groups: list[DueGroup]) -> None:
        rows: list[DueGroup | DueReminder] = []
        for group in groups:
            rows.append(group)
            rows.extend(group.reminders)
        self.set_rows(rows)

    def group_rows(self) -> list[int]:
        """The rows that are group titles (the view spans them over every column)."""
        return [row for row, data in enumerate(self.rows()) if isinstance(data, DueGroup)]

    def item(self, row: int) -> DueItem | None:
        """The due item on ``row``; None on a group title."""
        data = self.row_data(row)
        return data.item if isinstance(data, DueReminder) else None

    def group_title(self, group: DueGroup) -> str:
        return (
            QCoreApplication.translate("DueItemsModel", "%1（%2 件，其中已超期 %3 件）")
            .replace("%1", deadline_name(group.kind))
            .replace("%2", str(len(group.reminders)))
            .replace("%3", str(group.overdue))
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.row_data(index.row()) if index.isValid() else None
        if not isinstance(group, DueGroup):
            return super().data(index, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.group_title(group) if index.column() == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return GROUP_BACKGROUND
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            section in _PARTY_COLUMNS
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return QCoreApplication.translate("ComplaintTableModel", DUE_COLUMNS[section].header)
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self.row_data(index.row()), DueGroup):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return super().flags(index)


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
        # the figures in one row (their titles say 投诉 or 来访), leaving the height of the page to
        # the due list: at 1366x768 with the larger text it keeps 8 rows in sight
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, key in enumerate(self.cards):
            grid.addWidget(self.cards[key], 0, column)
        # station only: what has not been sent yet, one sentence across the page under the figures
        self.sync_card = SyncStatusCard(app, self)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.sync_card, 1, 0, 1, len(self.cards))
        for column in range(len(self.cards)):
            grid.setColumnStretch(column, 1)

        self.new_complaint_button = QPushButton(self.tr("新建投诉"))
        self.new_complaint_button.setToolTip(self.tr("登记一件新的投诉（Ctrl+N）"))
        self.new_complaint_button.clicked.connect(self.new_complaint_requested)
        self.new_visit_button = QPushButton(self.tr("登记来访"))
        self.new_visit_button.setToolTip(self.tr("登记一次来访或咨询（Ctrl+Shift+N）"))
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        # the quick actions sit beside the title, leaving the rest of the page to the figures and
        # the due list (the page must fit a 1366x768 laptop screen without scrolling)
        title_row = QHBoxLayout()
        title_row.setSpacing(16)
        title_column = QVBoxLayout()
        title_column.setSpacing(2)
        title_column.addWidget(heading)
        title_column.addWidget(self.date_label)
        title_row.addLayout(title_column)
        title_row.addStretch(1)
        for button in (self.new_complaint_button, self.new_visit_button):
            button.setObjectName("quickAction")
            button.setMinimumSize(160, 44)
            button_font = QFont(button.font())
            button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
            button_font.setBold(True)
            button.setFont(button_font)
            title_row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(14)
        layout.addLayout(title_row)
        layout.addLayout(grid)
        layout.addWidget(self._due_section(), 1)

        app.jobs.changes_committed.connect(self._changes_committed)
        self.refresh()

    def _due_section(self) -> QWidget:
        """到期提醒: what is overdue or due within 3 working days; double-click opens it."""
        self.detail: ComplaintDetail | None = None
        self.due_model = DueItemsModel(self)
        self.due_table = QTableView()
        self.due_table.setObjectName("dueTable")
        self.due_table.setModel(self.due_model)
        self.due_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.due_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_table.verticalHeader().setVisible(False)
        self.due_table.setWordWrap(False)
        metrics = self.fontMetrics()
        self.due_table.setColumnWidth(0, metrics.horizontalAdvance("TJ001-2026-00001") + 24)
        self.due_table.setColumnWidth(1, metrics.horizontalAdvance("协议待履行协议") + 24)
        self.due_table.setColumnWidth(2, metrics.horizontalAdvance("终止调解告知期限") + 24)
        self.due_table.setColumnWidth(
            3, metrics.horizontalAdvance("2026-11-02（已超期 14 个工作日）") + 24
        )
        self.due_table.setColumnWidth(4, metrics.horizontalAdvance("张** 等150人") + 24)
        self.due_table.horizontalHeader().setStretchLastSection(True)  # 被投诉方
        self.due_table.setColumnHidden(2, True)  # the limit: its group's title names it
        # rows as tall as the text needs: the list keeps 8 rows in sight at 1366x768, large text
        self.due_table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        self.due_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.due_table.activated.connect(self._open_due)
        self.due_table.setToolTip(self.tr("双击打开投诉"))
        self.due_empty = QLabel(self.tr("没有超期或3个工作日内到期的投诉。"))
        self.due_empty.setObjectName("cardUnit")
        self.due_title = self._section(self.tr("到期提醒"))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.due_title)
        column.addWidget(self.due_empty)
        column.addWidget(self.due_table, 1)
        return box

    def _open_due(self, index: QModelIndex) -> None:
        item = self.due_model.item(index.row())
        if item is not None:
            from station_app.gui.complaints.detail.window import (  # first use: later
                open_complaint_detail,
            )

            self.detail = open_complaint_detail(self.app, item.complaint_id, self)

    def _refresh_due(self) -> None:
        groups = due_reminders(self.app.clock.today())
        self.due_model.set_groups(groups)
        self.due_table.clearSpans()
        titles = set(self.due_model.group_rows())
        for row in titles:
            self.due_table.setSpan(row, 0, 1, len(DUE_COLUMNS))
        # the due text as the window's language writes it (English runs longer than the sample)
        metrics = self.due_table.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(self.due_model.index(row, 3).data() or ""))
                for row in range(self.due_model.rowCount())
                if row not in titles
            ),
            default=0,
        )
        if widest + 24 > self.due_table.columnWidth(3):
            self.due_table.setColumnWidth(3, min(widest + 24, DUE_TEXT_MAX_WIDTH))
        total = sum(len(group.reminders) for group in groups)
        overdue = sum(group.overdue for group in groups)
        self.due_title.setText(
            self.tr("到期提醒（已超期 %1 件，3个工作日内到期 %2 件）")
            .replace("%1", str(overdue))
            .replace("%2", str(total - overdue))
        )
        self.due_table.setVisible(bool(groups))
        self.due_empty.setVisible(not groups)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(self.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def set_actions_available(self, complaints: bool, visits: bool) -> None:
        self.new_complaint_button.setVisible(complaints)
        self.new_visit_button.setVisible(visits)

    def _changes_committed(self, changes: Changes) -> None:
        """The counts and the due reminders (the roster brings holidays) follow the writes."""
        if changes.touches("complaints", "visits", "roster"):
            self.refresh()

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
        self._refresh_due()
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
