"""The history of one complaint: every audit entry, oldest first, in plain words."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.app.context import AppContext
from station_app.registry.dossier import complaint_history

from .history_model import HistoryModel, WorkflowHistoryModel


class HistoryDialog(QDialog):
    """Who did what to a complaint and when; read-only."""

    def __init__(self, app: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        number, entries = complaint_history(complaint_id)
        self.setWindowTitle(self.tr("历史记录 %1").replace("%1", number))
        # the detail window's model: workflow moves, printing … in the window's language too
        self.model: HistoryModel = WorkflowHistoryModel(entries, self)

        heading = QLabel(
            self.tr("投诉 %1 的全部登记和修改记录（共 %2 条），时间为北京时间。")
            .replace("%1", number)
            .replace("%2", str(len(entries))),
            self,
        )
        heading.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        for column, sample in enumerate(
            ["2026-11-20 10:00", "王联络员", "办理状态变更", "被投诉方名称"]
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(5, metrics.horizontalAdvance("原因原因原因原因") + 24)
        # rows grow to fit wrapped changes once the columns have their final widths
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_args: self._fit_rows.start())

        close = QPushButton(self.tr("关闭"), self)
        close.setDefault(True)
        close.setFocus()
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(960, 480)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows.start()
