"""The 工作台 card of changes not yet sent to the county ("尚未发送的变更 N 条"), with a button
to the 同步 screen and the receipt state of the last bundle. Station role only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.app.context import AppContext
from station_app.sync.sent import bundle_history, pending_changes

PENDING_COLOR = "#9a6700"


class SyncStatusCard(QFrame):
    """How many changes the county has not been sent yet. Hidden on a county installation."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pending = 0
        self.setObjectName("card")  # the dashboard's card style
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        identity = app.installation.identity()
        self.active = identity is None or not identity.is_county

        title_label = QLabel(self.tr("尚未发送的变更"), self)
        title_label.setObjectName("cardTitle")
        title_label.setWordWrap(True)  # as the count cards: the row keeps to the screen's width
        self.value_label = QLabel("–", self)
        self.value_label.setObjectName("cardValue")
        value_font = QFont(self.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 2.0)  # as the count cards
        value_font.setBold(True)
        self.value_label.setFont(value_font)
        unit_label = QLabel(self.tr("条"), self)
        unit_label.setObjectName("cardUnit")
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("cardDetail")
        self.detail_label.setWordWrap(True)
        self.go_button = QPushButton(self.tr("去同步"), self)
        self.go_button.setToolTip(self.tr("打开“同步”，导出数据包交给县消协"))
        self.go_button.clicked.connect(self.open_sync)

        number_row = QHBoxLayout()
        number_row.setSpacing(6)
        number_row.addWidget(self.value_label, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addWidget(unit_label, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addStretch(1)
        number_row.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)  # as the dashboard's count cards
        layout.setSpacing(4)
        layout.addWidget(title_label)
        layout.addLayout(number_row)
        layout.addWidget(self.detail_label)

        self.setVisible(self.active)
        if self.active:
            app.events.complaints_changed.connect(self.refresh)
            app.events.visits_changed.connect(self.refresh)
            self.refresh()

    def refresh(self) -> None:
        """Count the unsent changes (indexed counts, fine on the GUI thread)."""
        if not self.active:
            return
        self.pending = pending_changes()
        self.value_label.setText(f"{self.pending:,}")
        self.value_label.setStyleSheet(f"color: {PENDING_COLOR};" if self.pending else "")
        history = bundle_history(limit=1)
        if not history:
            self.detail_label.setText(self.tr("还没有导出过数据包"))
        elif history[0].received_at:
            self.detail_label.setText(
                self.tr("第 %1 号数据包县消协已收到").replace("%1", str(history[0].seq))
            )
        else:
            self.detail_label.setText(
                self.tr("第 %1 号数据包尚未确认送到").replace("%1", str(history[0].seq))
            )

    def open_sync(self) -> None:
        """Switch the main window to 同步 (the window's ``show_screen``)."""
        show_screen = getattr(self.window(), "show_screen", None)
        if callable(show_screen):
            show_screen("sync")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()
