"""上传到县消协 (part of 同步): the upload queue, each bundle's state, and the button.

With the county's upload address set (from the roster), 上传到县消协 writes the changes not yet
sent into the outbox and queues them; the panel then sends what is due in the background: the
queue is read and the network used on a reader thread, each outcome written by the writer, so the
window never waits for the network. A timer wakes the panel when the next try is due (at least
once a minute), for as long as the window is open; after a restart the queue carries on.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from station_app.changes import Changed, Changes
from station_app.clock import utc_to_local
from station_app.gui.app.context import AppContext
from station_app.gui.sync.screen_parts import fit_columns
from station_app.gui.widgets.dialog_parts import status_label
from station_app.gui.widgets.rows_model import DeclaredRowsModel, RowColumn, sorted_view
from station_app.sync.bundle_format import SyncError
from station_app.sync.upload_queue import (
    QUEUED,
    RECEIVED,
    REJECTED,
    UPLOADED,
    CountyEndpoint,
    QueueItem,
    UploadAttempt,
    county_endpoint,
    county_url_is_set,
    export_for_upload,
    next_try,
    queue_items,
    record_uploads,
    send_due,
)

POLL_MS = 60_000  # the longest the panel sleeps between looks at the queue
SOONEST_MS = 1_000
STATE_COLORS = {QUEUED: "#9a6700", UPLOADED: "#0969da", RECEIVED: "#1a7f37", REJECTED: "#cf222e"}
STATE_TEXT = {
    QUEUED: QT_TRANSLATE_NOOP("UploadQueueModel", "等待网络"),
    UPLOADED: QT_TRANSLATE_NOOP("UploadQueueModel", "已上传"),
    RECEIVED: QT_TRANSLATE_NOOP("UploadQueueModel", "县消协已收到"),
    REJECTED: QT_TRANSLATE_NOOP("UploadQueueModel", "县消协拒收"),
}


def _time(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return utc_to_local(moment.replace(tzinfo=dt.UTC)).strftime("%m-%d %H:%M")


def _state(item: QueueItem) -> str:
    return QCoreApplication.translate("UploadQueueModel", STATE_TEXT[item.state])


def _note(item: QueueItem) -> str:
    if item.state == RECEIVED:
        return _time(item.received_at)
    if item.state == REJECTED:
        return item.last_error or ""
    later = QCoreApplication.translate("UploadQueueModel", "%1 再试").replace(
        "%1", _time(item.next_try_at)
    )
    return f"{later}：{item.last_error}" if item.last_error else later


UPLOAD_COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("UploadQueueModel", "编号"), lambda i: str(i.seq), lambda i: i.seq),
    RowColumn(QT_TRANSLATE_NOOP("UploadQueueModel", "状态"), _state,
              color=lambda i: STATE_COLORS[i.state], bold=lambda i: i.state != RECEIVED),
    RowColumn(QT_TRANSLATE_NOOP("UploadQueueModel", "说明"), _note),
]  # fmt: skip


class UploadQueueModel(DeclaredRowsModel):
    CONTEXT = "UploadQueueModel"
    COLUMNS = UPLOAD_COLUMNS


class UploadPanel(QGroupBox):
    """The queue of bundles for the county's upload service, sent in the background."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("上传到县消协"))
        self.app = app
        self.busy = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.send_due)
        self._build()
        self.refresh()
        app.jobs.changes_committed.connect(self._changes_committed)

    def _build(self) -> None:
        self.address_label = status_label(self)
        self.upload_button = QPushButton(self.tr("上传到县消协"), self)
        self.upload_button.setToolTip(
            self.tr("把尚未发送的变更写成数据包并上传；没有网络时排队，联网后自动上传")
        )
        font = QFont(self.upload_button.font())
        font.setBold(True)
        self.upload_button.setFont(font)
        self.upload_button.setMinimumHeight(40)
        text_width = QFontMetrics(font).horizontalAdvance(self.upload_button.text())
        self.upload_button.setMinimumWidth(text_width + 32)
        self.upload_button.clicked.connect(self.upload)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.model = UploadQueueModel(self)
        self.table, _ = sorted_view(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setMaximumHeight(120)
        fit_columns(self.table, {0: "0000", 1: "县消协已收到"}, stretch=2)

        button_row = QHBoxLayout()
        button_row.addWidget(self.upload_button)
        button_row.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.address_label)
        layout.addLayout(button_row)
        layout.addWidget(self.table)

    # --- state --------------------------------------------------------------------------------

    def endpoint(self) -> CountyEndpoint | None:
        try:
            return county_endpoint() if county_url_is_set() else None
        except SyncError as error:
            self.address_label.setText(str(error))
            return None

    def refresh(self) -> None:
        endpoint = self.endpoint()
        if endpoint is None:
            if not county_url_is_set():
                self.address_label.setText(
                    self.tr(
                        "未设置县消协上传地址：导入带有“县消协上传地址”的名册后，即可联网上传。"
                    )
                )
            self.upload_button.setEnabled(False)
        else:
            self.address_label.setText(self.tr("上传地址：%1").replace("%1", endpoint.url))
            self.upload_button.setEnabled(not self.busy)
        items = queue_items()
        self.model.set_rows(items)
        self.table.setVisible(bool(items))
        self._summarise(items)
        self.schedule()

    def _summarise(self, items: list[QueueItem]) -> None:
        waiting = sum(1 for i in items if i.state == QUEUED)
        if self.busy:
            self.status_label.setText(self.tr("正在上传…"))
        elif waiting:
            self.status_label.setText(
                self.tr("%1 个数据包等待网络，联网后自动上传").replace("%1", str(waiting))
            )
        else:
            self.status_label.setText("")

    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches("sync", "settings", "roster"):
            self.refresh()

    def schedule(self) -> None:
        """Wake up when the next try is due (at the latest in a minute)."""
        due = next_try()
        if due is None or self.endpoint() is None:
            self.timer.stop()
            return
        now = self.app.clock.utcnow().replace(tzinfo=None)
        wait_ms = int((due - now).total_seconds() * 1000)
        self.timer.start(max(SOONEST_MS, min(wait_ms, POLL_MS)))

    # --- work ---------------------------------------------------------------------------------

    def upload(self) -> None:
        """上传到县消协: write the bundle (the writer), then send what waits."""
        ctx = self.app.context()
        paths = self.app.installation.paths

        def export() -> Changed[object]:
            return Changed(export_for_upload(ctx, paths), Changes.of(sync=[ctx.origin]))

        self.upload_button.setEnabled(False)
        self.app.jobs.run_write(
            export,
            lambda _: self.send_due(everything=True),
            self._failed,
            title=self.tr("导出数据包"),
        )

    def send_due(self, everything: bool = False) -> None:
        """Send what is due (everything queued, after the button) off the GUI and writer threads,
        then record the outcomes with the writer."""
        endpoint = self.endpoint()
        if self.busy or endpoint is None:
            return
        ctx = self.app.context()
        paths = self.app.installation.paths
        now = self.app.clock.utcnow().replace(tzinfo=None)
        if everything:
            now = dt.datetime.max
        self.busy = True
        self._summarise(queue_items())

        def send() -> list[UploadAttempt]:
            return send_due(paths, endpoint, ctx.origin, now)

        def record(attempts: list[UploadAttempt]) -> None:
            self.app.jobs.run_write(
                lambda: record_uploads(ctx, attempts), self._done, self._failed,
                title=self.tr("上传到县消协"),
            )  # fmt: skip

        self.app.jobs.run_read(send, record, self._failed, title=self.tr("上传到县消协"))

    def _done(self, _: object) -> None:
        self.busy = False
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.refresh()
        self.status_label.setText(str(error))
