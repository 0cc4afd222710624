"""The 工作台 card of what has changed and not been sent to the county yet, in an officer's words
("12 件投诉、30 次来访有变更，尚未发送给县消协"; nothing on a new installation or once
everything is sent), with a button to the 同步 screen and the receipt state of the last bundle.
Station role only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.sync.sent import UNSENT_KINDS, UnsentRecords, bundle_history, unsent_records

PENDING_COLOR = "#9a6700"


class SyncStatusCard(QFrame):
    """What the county has not been sent yet. Hidden on a county installation."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.unsent = UnsentRecords(0, 0, 0)
        self.setObjectName("card")  # the dashboard's card style
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        identity = app.installation.identity()
        self.active = identity is None or not identity.is_county

        title_label = QLabel(self.tr("发送给县消协"), self)
        title_label.setObjectName("cardTitle")
        self.sentence_label = QLabel(self)
        self.sentence_label.setObjectName("cardValueText")
        self.sentence_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("cardDetail")
        self.go_button = QPushButton(self.tr("去同步"), self)
        self.go_button.setToolTip(self.tr("打开“同步”，导出数据包交给县消协"))
        self.go_button.clicked.connect(self.open_sync)

        # one line across the page (the due list below keeps its 8 rows at 1366x768): title, the
        # sentence, the last bundle's state, the button
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 4, 14, 4)
        layout.setSpacing(16)
        for label, stretch in ((title_label, 0), (self.sentence_label, 1), (self.detail_label, 0)):
            layout.addWidget(label, stretch, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.setVisible(self.active)
        if self.active:
            app.jobs.changes_committed.connect(self._changes_committed)
            self.refresh()

    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches(*UNSENT_KINDS):
            self.refresh()

    def refresh(self) -> None:
        """Count the records changed since the last bundle (indexed counts, fine on the GUI
        thread)."""
        if not self.active:
            return
        self.unsent = unsent_records()
        sentence = self.unsent.sentence()  # the core's sentence, in the window's language
        self.sentence_label.setText(sentence or self.tr("没有需要发送的变更"))
        self.sentence_label.setStyleSheet(f"color: {PENDING_COLOR};" if sentence else "")
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
