"""同步 (station): send the changes to the county on a USB stick, and see what arrived there.

The officer picks a folder once (usually the USB stick; it is remembered), presses 导出数据包 and
carries the file to the county. The county's receipt, imported here, marks which bundles arrived.
Bundles are sealed to the county's public key from the roster (its fingerprint shown); without it
only a masked bundle can be written. The station's key fingerprint is shown large, to be read aloud over the phone when the county
confirms a new key.

Also here, used by the county's sync screens too: a few helpers for laying out their tables
(``RowsModel`` from ``rows_model``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSettings,
    Qt,
)
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.changes import Changed, Changes
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.sync.screen_parts import (
    fit_columns,
    heading_label,
    local_time_text,
    notice,
)
from station_app.gui.sync.upload_panel import UploadPanel
from station_app.gui.widgets.progress import SHOW_AFTER_MS, JobProgress, watch_job
from station_app.gui.widgets.rows_model import (
    DeclaredRowsModel,
    RowColumn,
    count_column,
    sorted_view,
)
from station_app.gui.widgets.save_paths import open_folder
from station_app.sync.bundle_crypto import county_recipient, recipient_fingerprint
from station_app.sync.bundle_format import SyncCancelled, SyncError
from station_app.sync.changed import export_bundle_changes
from station_app.sync.keys import existing_fingerprint
from station_app.sync.receipts import import_receipt
from station_app.sync.sent import UNSENT_KINDS, SentBundle, bundle_history, pending_changes

SHOW_PROGRESS_AFTER_MS = SHOW_AFTER_MS  # read at each job (tests show the dialog at once)


def watch_sync_job(handle: JobHandle, widget: QWidget, busy: str) -> JobProgress:
    """The progress dialog (saying ``busy``) over ``widget`` of a sync job (export, import,
    merging after a key's confirmation) lasting longer than ``SHOW_PROGRESS_AFTER_MS``."""
    return watch_job(handle, widget, busy, show_after_ms=SHOW_PROGRESS_AFTER_MS)


EXPORT_FOLDER_KEY = "sync/export_folder"
RECEIPT_FOLDER_KEY = "sync/receipt_folder"
RECEIVED_COLOR = "#1a7f37"
UNCONFIRMED_COLOR = "#9a6700"


# --- the station's history of bundles ----------------------------------------------------------


def _received_text(bundle: SentBundle) -> str:
    if bundle.received_at:
        return QCoreApplication.translate("SentBundleModel", "县消协已收到（%1）").replace(
            "%1", local_time_text(bundle.received_at)
        )
    return QCoreApplication.translate("SentBundleModel", "未确认")


BUNDLE_COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("SentBundleModel", "编号"), lambda b: str(b.seq), lambda b: b.seq),
    RowColumn(QT_TRANSLATE_NOOP("SentBundleModel", "文件"), lambda b: b.file_name),
    RowColumn(
        QT_TRANSLATE_NOOP("SentBundleModel", "内容"),
        lambda b: (
            QCoreApplication.translate("SentBundleModel", "全量")
            if b.full
            else QCoreApplication.translate("SentBundleModel", "增量")
        ),
    ),
    count_column(QT_TRANSLATE_NOOP("SentBundleModel", "记录数"), lambda b: b.records),
    RowColumn(
        QT_TRANSLATE_NOOP("SentBundleModel", "导出时间"),
        lambda b: local_time_text(b.created_at),
        lambda b: b.created_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("SentBundleModel", "县消协回执"),
        _received_text,
        lambda b: b.received_at or "",
        color=lambda b: RECEIVED_COLOR if b.received_at else UNCONFIRMED_COLOR,
    ),
]


class SentBundleModel(DeclaredRowsModel):
    CONTEXT = "SentBundleModel"
    COLUMNS = BUNDLE_COLUMNS


# --- the screen --------------------------------------------------------------------------------


class SyncScreen(QWidget):
    """Export bundles, see their receipt state, import the county's receipt."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.settings = QSettings()
        self.last_file: Path | None = None
        self.progress: JobProgress | None = None
        self.message: QMessageBox | None = None
        self._build()
        self.refresh()
        app.jobs.changes_committed.connect(self._changes_committed)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.pending_label = QLabel(self)
        pending_font = QFont(self.pending_label.font())
        pending_font.setPointSizeF(pending_font.pointSizeF() * 1.3)
        pending_font.setBold(True)
        self.pending_label.setFont(pending_font)

        self.folder_label = QLabel(self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件夹…"), self)
        self.choose_button.setToolTip(self.tr("选择U盘或电脑上的一个文件夹；下次会记住"))
        self.choose_button.clicked.connect(self.change_folder)
        self.county_key_label = QLabel(self)
        self.county_key_label.setWordWrap(True)
        self.county_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.masked_check = QCheckBox(self.tr("脱敏导出"), self)
        self.full_check = QCheckBox(self.tr("全量导出"), self)
        self.full_check.setToolTip(
            self.tr("导出本站的全部记录，而不只是上次导出后的变更；县消协要求补发时使用")
        )
        self.export_button = QPushButton(self.tr("导出数据包"), self)
        self.export_button.setToolTip(self.tr("把尚未发送的变更写成一个数据包文件，交给县消协"))
        export_font = QFont(self.export_button.font())
        export_font.setBold(True)
        self.export_button.setFont(export_font)
        self.export_button.setMinimumHeight(40)
        self.export_button.clicked.connect(self.export)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.open_button.clicked.connect(self.open_last_folder)
        self.open_button.hide()
        self.result_label.hide()

        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("保存到："), self))
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.choose_button)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addSpacing(12)
        export_row.addWidget(self.full_check)
        export_row.addWidget(self.masked_check)
        export_row.addStretch(1)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.open_button)
        send_box = QGroupBox(self.tr("发送到县消协"), self)
        send_layout = QVBoxLayout(send_box)
        send_layout.addWidget(self.pending_label)
        send_layout.addWidget(self.county_key_label)
        send_layout.addLayout(folder_row)
        send_layout.addLayout(export_row)
        send_layout.addLayout(result_row)
        send_layout.addStretch(1)  # beside the upload panel: the controls stay together on top

        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setObjectName("fingerprint")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF() * 1.8)
        mono.setBold(True)
        self.fingerprint_label.setFont(mono)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fingerprint_help = QLabel(
            self.tr(
                "县消协确认本站密钥时，请在电话里逐组念出这串字符（只含数字 0–9 和字母 a–f）。"
            ),
            self,
        )
        fingerprint_help.setWordWrap(True)
        fingerprint_help.setStyleSheet("color: #57606a;")
        key_box = QGroupBox(self.tr("本站密钥指纹"), self)
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.fingerprint_label)
        key_layout.addWidget(fingerprint_help)

        self.receipt_button = QPushButton(self.tr("导入回执…"), self)
        self.receipt_button.setToolTip(self.tr("导入县消协发回的回执文件，标出哪些数据包已经送到"))
        self.receipt_button.clicked.connect(self.import_receipt)
        self.receipt_label = QLabel(self)
        self.receipt_label.setWordWrap(True)
        self.receipt_label.hide()
        self.model = SentBundleModel(self)
        self.table, self.proxy = sorted_view(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        fit_columns(
            self.table,
            {0: "0000", 1: "TJ001_00001.stbundle", 2: "增量", 3: "100,000",
             4: "2026-11-20 10:00", 5: "县消协已收到（2026-11-20 10:00）"},
            stretch=5,
        )  # fmt: skip
        self.history_empty = QLabel(self.tr("还没有导出过数据包。"), self)
        self.history_empty.setStyleSheet("color: #57606a;")

        history_row = QHBoxLayout()
        history_row.addWidget(QLabel(self.tr("已导出的数据包"), self))
        history_row.addStretch(1)
        history_row.addWidget(self.receipt_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading_label(self.tr("同步"), self))
        self.upload_panel = UploadPanel(self.app, self)
        send_row = QHBoxLayout()
        send_row.addWidget(send_box, 1)
        send_row.addWidget(self.upload_panel, 1)
        layout.addLayout(send_row)
        layout.addWidget(key_box)
        layout.addLayout(history_row)
        layout.addWidget(self.receipt_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history_empty)

    # --- state --------------------------------------------------------------------------------

    def folder(self) -> str:
        return str(self.settings.value(EXPORT_FOLDER_KEY, "") or "")

    def set_folder(self, folder: str) -> None:
        self.settings.setValue(EXPORT_FOLDER_KEY, folder)
        self.settings.sync()
        self._show_folder()

    def _show_folder(self) -> None:
        folder = self.folder()
        self.folder_label.setText(folder or self.tr("（尚未选择，导出时会询问）"))
        self.folder_label.setToolTip(folder)

    def _show_county_key(self) -> None:
        """The county's public key from the roster (bundles are sealed to it), or why only a
        masked bundle can be written."""
        recipient = county_recipient()
        if recipient:
            self.county_key_label.setText(
                self.tr("数据包加密发给县消协（县消协公钥指纹：%1）").replace(
                    "%1", recipient_fingerprint(recipient)
                )
            )
            self.county_key_label.setStyleSheet(f"color: {RECEIVED_COLOR};")
            self.masked_check.setEnabled(True)
            self.masked_check.setToolTip(
                self.tr("姓名、电话、证件号和文字内容遮蔽后导出，不带证据文件")
            )
            return
        self.county_key_label.setText(
            self.tr(
                "本站还没有县消协的加密公钥（随县消协的名册下发）：只能导出脱敏数据包"
                "（姓名、电话、证件号和文字内容已遮蔽）。请向县消协要最新名册并导入。"
            )
        )
        self.county_key_label.setStyleSheet(f"color: {UNCONFIRMED_COLOR};")
        self.masked_check.setChecked(True)
        self.masked_check.setEnabled(False)
        self.masked_check.setToolTip(self.tr("没有县消协公钥时，个人信息不能明文导出"))

    def refresh(self) -> None:
        self._show_folder()
        self._show_county_key()
        self.refresh_pending()
        self.refresh_history()
        try:
            fingerprint = existing_fingerprint(self.app.installation.paths)
        except SyncError as error:  # a damaged key file: say so, the export will refuse too
            self.fingerprint_label.setText(str(error))
            self.fingerprint_label.setWordWrap(True)
            return
        self.fingerprint_label.setText(fingerprint or self.tr("尚未生成（第一次导出时生成）"))

    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches(*UNSENT_KINDS):
            self.refresh_pending()
        if changes.touches("sync"):  # a bundle written (its key made), or confirmed by upload
            self.refresh()

    def refresh_pending(self) -> None:
        count = pending_changes()
        if count:
            self.pending_label.setText(self.tr("%1 条变更尚未发送").replace("%1", f"{count:,}"))
            self.pending_label.setStyleSheet(f"color: {UNCONFIRMED_COLOR};")
        else:
            self.pending_label.setText(self.tr("所有变更都已导出"))
            self.pending_label.setStyleSheet(f"color: {RECEIVED_COLOR};")

    def refresh_history(self) -> None:
        self.model.set_rows(bundle_history())
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.history_empty.setVisible(not has_rows)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh_pending()

    # --- export -------------------------------------------------------------------------------

    def choose_folder(self) -> str | None:
        """Ask for the folder to write bundles to (tests replace this)."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存数据包的文件夹（U盘）"), self.folder() or str(Path.home())
        )
        return folder or None

    def change_folder(self) -> bool:
        folder = self.choose_folder()
        if not folder:
            return False
        self.set_folder(folder)
        return True

    def export(self) -> JobHandle | None:
        folder = self.folder()
        if folder and not Path(folder).is_dir():
            self._show_result(
                self.tr("找不到文件夹 %1。U盘插好了吗？请插好U盘，或另选一个文件夹。").replace(
                    "%1", folder
                )
            )
            folder = ""
        if not folder:
            if not self.change_folder():
                return None
            folder = self.folder()
        ctx = self.app.context()
        paths = self.app.installation.paths
        full = self.full_check.isChecked()
        masked = self.masked_check.isChecked()
        out = Path(folder)

        def run(progress: Callable[[int, int], None], cancel: Any) -> Changed[Path]:
            return export_bundle_changes(
                ctx, paths, out, full=full, masked=masked, progress=progress, cancel=cancel
            )

        self.export_button.setEnabled(False)
        self._show_result(self.tr("正在导出…"))
        self.open_button.hide()
        handle = self.app.jobs.run_write(
            run, self._exported, self._export_failed, title=self.tr("导出数据包")
        )
        self.progress = watch_sync_job(handle, self, self.tr("正在导出数据包…"))
        return handle

    def _show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))

    def _exported(self, result: Changed[Path]) -> None:
        written = result.value
        self.export_button.setEnabled(True)
        self.last_file = written
        self._show_result(self.tr("已写出数据包：%1").replace("%1", str(written)))
        self.open_button.show()
        self.full_check.setChecked(False)
        self.masked_check.setChecked(False)
        self.refresh()

    def _export_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self._show_result(str(error))
        if not isinstance(error, SyncCancelled):
            self.message = notice(self, QMessageBox.Icon.Warning, self.tr("无法导出"), str(error))

    def open_last_folder(self) -> None:
        if self.last_file is not None:
            open_folder(self.last_file.parent)

    # --- receipts -----------------------------------------------------------------------------

    def choose_receipt_file(self) -> str | None:
        """Ask for the county's receipt file (tests replace this)."""
        start = str(self.settings.value(RECEIPT_FOLDER_KEY, "") or self.folder() or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择县消协的回执文件"), start, self.tr("回执文件 (*.streceipt)")
        )
        return path or None

    def import_receipt(self) -> JobHandle | None:
        path = self.choose_receipt_file()
        if not path:
            return None
        self.settings.setValue(RECEIPT_FOLDER_KEY, str(Path(path).parent))
        ctx = self.app.context()
        self.receipt_button.setEnabled(False)
        handle = self.app.jobs.run_write(
            lambda: import_receipt(ctx, path),
            self._receipt_imported,
            self._receipt_failed,
            title=self.tr("导入回执"),
        )
        return handle

    def _receipt_imported(self, report: Any) -> None:
        self.receipt_button.setEnabled(True)
        text = "\n".join(report.lines())
        self.receipt_label.setText(text)
        self.receipt_label.setStyleSheet("")
        self.receipt_label.show()
        self.refresh_history()
        self.message = notice(self, QMessageBox.Icon.Information, self.tr("回执已导入"), text)

    def _receipt_failed(self, error: Exception) -> None:
        self.receipt_button.setEnabled(True)
        self.receipt_label.setText(str(error))
        self.receipt_label.setStyleSheet("color: #cf222e;")
        self.receipt_label.show()
        self.message = notice(self, QMessageBox.Icon.Warning, self.tr("无法导入回执"), str(error))
