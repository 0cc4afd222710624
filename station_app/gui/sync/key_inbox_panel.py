"""待核对 (county): bundles signed by station keys no clerk has confirmed yet, with 确认 and 拒绝.

The clerk phones the station, the officer opens 同步 and reads 本站密钥指纹 group by group; when it
is the fingerprint shown here, 确认 registers the key and merges the waiting bundles (a write job
with progress); 拒绝 deletes them unread. Hidden while nothing waits.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from station_app.changes import Changed
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.sync import sync_screen
from station_app.gui.sync.import_report_dialog import ImportReportDialog
from station_app.gui.sync.screen_parts import fit_columns, local_time_text
from station_app.gui.sync.station_table_model import WARNING_COLOR
from station_app.gui.widgets.dialog_parts import push_button, status_label
from station_app.gui.widgets.progress import JobProgress
from station_app.gui.widgets.rows_model import (
    DeclaredRowsModel,
    RowColumn,
    selected_row,
    sorted_view,
)
from station_app.sync.changed import confirm_station_key_changes
from station_app.sync.key_inbox import WaitingBundle, reject_station_key, waiting_bundles
from station_app.sync.merge import ImportReport

INBOX_COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("KeyInboxModel", "服务站"), lambda w: w.label),
    RowColumn(QT_TRANSLATE_NOOP("KeyInboxModel", "数据包"), lambda w: str(w.seq), lambda w: w.seq),
    RowColumn(QT_TRANSLATE_NOOP("KeyInboxModel", "文件"), lambda w: w.file_name),
    RowColumn(
        QT_TRANSLATE_NOOP("KeyInboxModel", "收到时间"),
        lambda w: local_time_text(w.received_at),
        lambda w: w.received_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("KeyInboxModel", "密钥指纹（待核对）"),
        lambda w: w.fingerprint,
        color=lambda _w: WARNING_COLOR,
    ),
]

INBOX_COLUMN_SAMPLES = {
    0: "诺江镇消费维权服务站（TJ001）",
    1: "00000",
    2: "TJ001_00001.stbundle",  # takes what is left
    3: "2026-11-20 10:00",
    4: "62d1 4015 27be 5d4e e58a 7a7b a14e 8b92",
}


class KeyInboxModel(DeclaredRowsModel):
    CONTEXT = "KeyInboxModel"
    COLUMNS = INBOX_COLUMNS


class KeyInboxPanel(QWidget):
    """The waiting bundles and the two decisions on their key."""

    merged = Signal()  # bundles were merged: lists and counts change

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.question: QMessageBox | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.progress: JobProgress | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
        explanation = QLabel(
            self.tr(
                "下列数据包由本县尚未核对过的密钥签名，暂未合并。请打电话给该服务站，"
                "请对方打开“同步”，逐组念出“本站密钥指纹”：与这里显示的一致才点“确认”；"
                "不一致或对方没有发过，点“拒绝”。"
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.model = KeyInboxModel(self)
        self.table, self.proxy = sorted_view(self.model, self)
        self.table.setMaximumHeight(150)
        fit_columns(self.table, INBOX_COLUMN_SAMPLES, stretch=2)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.fingerprint_label = status_label(self, wrap=False)
        self.fingerprint_label.setFont(mono)
        self.confirm_button = push_button(
            self,
            self.tr("确认该密钥…"),
            self.ask_confirm,
            tooltip=self.tr("电话核对指纹一致后，登记该密钥并合并它签名的数据包"),
        )
        self.reject_button = push_button(
            self,
            self.tr("拒绝…"),
            self.ask_reject,
            tooltip=self.tr("指纹不一致：删除由该密钥签名、待核对的数据包"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.fingerprint_label, 1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(explanation)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.hide()

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> JobHandle:
        return self.app.jobs.run_read(waiting_bundles, self._loaded, lambda _error: None)

    def _loaded(self, waiting: list[WaitingBundle]) -> None:
        self.model.set_rows(waiting)
        self.heading.setText(self.tr("待核对密钥的数据包：%1 个").replace("%1", str(len(waiting))))
        self.setVisible(bool(waiting))
        if waiting and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> WaitingBundle | None:
        item: WaitingBundle | None = selected_row(self.table)
        return item

    def _update_buttons(self) -> None:
        item = self.selected()
        self.confirm_button.setEnabled(item is not None)
        self.reject_button.setEnabled(item is not None)
        self.fingerprint_label.setText(
            self.tr("%1 的指纹：%2").replace("%1", item.label).replace("%2", item.fingerprint)
            if item
            else ""
        )

    # --- decisions ----------------------------------------------------------------------------

    def _ask(self, title: str, text: str, yes: str, then: Any) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: then() if button is accept else None)
        self.question = box
        box.open()
        return box

    def ask_confirm(self) -> QMessageBox | None:
        item = self.selected()
        if item is None:
            return None
        text = (
            self.tr(
                "请与 %1 电话核对：对方“同步”页上的本站密钥指纹，是否与下面逐组一致？\n\n%2\n\n"
                "确认后，该密钥签名的待核对数据包将按编号合并。"
            )
            .replace("%1", item.label)
            .replace("%2", item.fingerprint)
        )
        return self._ask(
            self.tr("确认服务站密钥"), text, self.tr("一致，确认"), lambda: self.confirm(item)
        )

    def ask_reject(self) -> QMessageBox | None:
        item = self.selected()
        if item is None:
            return None
        text = (
            self.tr("拒绝 %1 的密钥 %2？由它签名、待核对的数据包将被删除，不会合并。")
            .replace("%1", item.label)
            .replace("%2", item.fingerprint)
        )
        return self._ask(
            self.tr("拒绝服务站密钥"), text, self.tr("拒绝并删除"), lambda: self.reject(item)
        )

    def confirm(self, item: WaitingBundle) -> JobHandle:
        ctx = self.app.context()
        paths = self.app.installation.paths

        def run(progress: Any, cancel: Any) -> Changed[list[ImportReport]]:
            return confirm_station_key_changes(
                ctx, paths, item.station_code, item.fingerprint, progress=progress, cancel=cancel
            )

        self.confirm_button.setEnabled(False)
        handle = self.app.jobs.run_write(
            run, self._confirmed, self._failed, title=self.tr("确认服务站密钥")
        )
        self.progress = sync_screen.watch_sync_job(handle, self, self.tr("正在合并待核对的数据包…"))
        return handle

    def _confirmed(self, merged: Changed[list[ImportReport]]) -> None:
        self.report_dialog = ImportReportDialog(merged.value, self)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog.open()
        self.merged.emit()
        self.refresh()

    def reject(self, item: WaitingBundle) -> JobHandle:
        ctx = self.app.context()
        paths = self.app.installation.paths
        return self.app.jobs.run_write(
            lambda: reject_station_key(ctx, paths, item.station_code, item.fingerprint),
            lambda _count: self.refresh(),
            self._failed,
            title=self.tr("拒绝服务站密钥"),
        )

    def _failed(self, error: Exception) -> None:
        self.heading.setText(str(error))
        self.refresh()
