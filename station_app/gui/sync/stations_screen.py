"""服务站总览 (county): every station's bundles, gaps, key and complaint load; bundle import.

The clerk imports the bundles the stations sent (several files at once), reads the result of
each, confirms or refuses the keys of bundles waiting in the inbox (``KeyInboxPanel``), re-pins a
station's key after a phone call, and writes the receipt that goes back to the
stations. One line per station: its last bundle and when it arrived, how many arrived, the numbers
still missing (red), its open and overdue complaints, conflicts waiting for review and its key.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.changes import Changed, Changes
from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.sync import sync_screen
from station_app.gui.sync.import_report_dialog import ImportReportDialog
from station_app.gui.sync.key_inbox_panel import KeyInboxPanel
from station_app.gui.sync.repin_key_dialog import RepinKeyDialog
from station_app.gui.sync.screen_parts import fit_columns, heading_label, notice
from station_app.gui.sync.station_table_model import (
    COLUMN_SAMPLES,
    MISSING_COLOR,
    StationLine,
    StationTableModel,
    overview_lines,
)
from station_app.gui.widgets.progress import JobProgress
from station_app.gui.widgets.rows_model import select_row, selected_row, sorted_view
from station_app.gui.widgets.save_paths import open_folder
from station_app.sync.bundle_crypto import (
    county_recipient,
    ensure_county_identity,
    recipient_fingerprint,
)
from station_app.sync.changed import import_bundles_changes
from station_app.sync.county import (
    repin_station_key,
)
from station_app.sync.merge import ImportReport
from station_app.sync.receipts import export_receipt

IMPORT_FOLDER_KEY = "sync/import_folder"
RECEIPT_OUT_KEY = "sync/receipt_out_folder"
BUNDLE_SUFFIX = ".stbundle"


# --- dialogs -----------------------------------------------------------------------------------


# --- the screen --------------------------------------------------------------------------------


class StationsScreen(QWidget):
    """The county's view of its stations, and the bundle import."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.settings = QSettings()
        self.progress: JobProgress | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.repin_dialog: RepinKeyDialog | None = None
        self.message: QMessageBox | None = None
        self.last_receipt: Path | None = None
        self.loading = self.stale = False
        self._build()
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        app.jobs.changes_committed.connect(self._changes_committed)
        self.refresh()

    def _build(self) -> None:
        self.import_button = QPushButton(self.tr("导入数据包…"), self)
        self.import_button.setToolTip(self.tr("导入服务站送来的数据包文件（可一次选多个）"))
        self.import_button.clicked.connect(self.import_files)
        self.receipt_button = QPushButton(self.tr("导出回执…"), self)
        self.receipt_button.setToolTip(
            self.tr("写出回执文件，交回服务站，告诉它们哪些数据包已收到")
        )
        self.receipt_button.clicked.connect(self.export_receipt)
        self.repin_button = QPushButton(self.tr("重新确认密钥…"), self)
        self.repin_button.setToolTip(self.tr("服务站换了电脑后，按电话里念的指纹登记新密钥"))
        self.repin_button.clicked.connect(self.repin_key)
        self.complaints_button = QPushButton(self.tr("查看该站投诉"), self)
        self.complaints_button.clicked.connect(self.show_station_complaints)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.receipt_button, self.repin_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.complaints_button)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()
        self.open_button = QPushButton(self.tr("打开所在文件夹"), self)
        self.open_button.clicked.connect(self.open_receipt_folder)
        self.open_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.open_button)

        self.model = StationTableModel(self)
        self.table, self.proxy = sorted_view(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, COLUMN_SAMPLES, stretch=8)
        self.table.activated.connect(lambda _index: self.show_station_complaints())
        self.empty_label = QLabel(
            self.tr("还没有收到任何服务站的数据包。\n点“导入数据包…”，导入服务站送来的文件。"), self
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555; padding: 40px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading_label(self.tr("服务站总览"), self))
        self.county_key_label = QLabel(self)
        self.county_key_label.setWordWrap(True)
        self.county_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.county_key_label)
        layout.addLayout(buttons)
        layout.addLayout(status_row)
        layout.addWidget(self.summary_label)
        self.inbox = KeyInboxPanel(self.app, self)
        layout.addWidget(self.inbox)
        layout.addWidget(self.stack, 1)

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> JobHandle | None:
        """Reload the overview in the background (the complaint load reads every open case)."""
        if self.loading:
            self.stale = True  # load again once this load is over: something changed meanwhile
            return None
        self.loading, self.stale = True, False
        self.inbox.refresh()
        self._show_county_key()
        today = self.app.clock.today()
        # the callbacks, not ``handle.finished``: a signal connected after the job started
        # may already have been emitted
        return self.app.jobs.run_read(
            lambda: overview_lines(today), self._loaded, self._load_failed
        )

    def _show_county_key(self) -> None:
        """The county's public key stations seal bundles to (made now for a county set up before
        bundles were sealed), with the fingerprint officers compare after importing the roster."""
        recipient = county_recipient()
        if recipient is None:
            paths = self.app.installation.paths
            self.app.jobs.run_write(
                lambda: ensure_county_identity(paths), lambda _r: self._show_county_key()
            )
            return
        self.county_key_label.setText(
            self.tr(
                "本县加密公钥指纹：%1（随名册下发给各服务站，数据包加密后只有本机能打开）"
            ).replace("%1", recipient_fingerprint(recipient))
        )

    def _load_finished(self) -> None:
        self.loading = False
        if self.stale:
            self.refresh()

    def _loaded(self, lines: list[StationLine]) -> None:
        self._show_lines(lines)
        self._load_finished()

    def _show_lines(self, lines: list[StationLine]) -> None:
        selected = self.selected_code()
        self.model.set_rows(lines)
        self.stack.setCurrentWidget(self.table if lines else self.empty_label)
        gaps = sum(1 for line in lines if line.state.missing)
        summary = self.tr("共 %1 个服务站").replace("%1", str(len(lines)))
        if gaps:
            summary += self.tr("；%1 个服务站有缺失的数据包（红色编号），请联系补送").replace(
                "%1", str(gaps)
            )
        self.summary_label.setText(summary)
        self.summary_label.setStyleSheet(f"color: {MISSING_COLOR};" if gaps else "")
        if selected:
            self.select_code(selected)

    def _load_failed(self, error: Exception) -> None:
        self._show_status(str(error), error=True)
        self._load_finished()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def lines(self) -> list[StationLine]:
        return self.model.rows()

    def selected_line(self) -> StationLine | None:
        line: StationLine | None = selected_row(self.table)
        return line

    def selected_code(self) -> str | None:
        line = self.selected_line()
        return line.state.station_code if line else None

    def select_code(self, code: str) -> None:
        select_row(self.table, lambda line: line.state.station_code == code)

    def _update_buttons(self) -> None:
        self.complaints_button.setEnabled(self.selected_line() is not None)

    def _show_status(self, text: str, *, error: bool = False, folder: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {MISSING_COLOR};" if error else "")
        self.status_label.setVisible(bool(text))
        self.open_button.setVisible(folder)

    # --- import -------------------------------------------------------------------------------

    def choose_bundle_files(self) -> list[str]:
        """Ask for the bundle files to import (tests replace this)."""
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择服务站的数据包"),
            str(self.settings.value(IMPORT_FOLDER_KEY, "") or Path.home()),
            self.tr("数据包 (*%1);;所有文件 (*)").replace("%1", BUNDLE_SUFFIX),
        )
        return list(files)

    def import_files(self) -> JobHandle | None:
        files = self.choose_bundle_files()
        if not files:
            return None
        self.settings.setValue(IMPORT_FOLDER_KEY, str(Path(files[0]).parent))
        ctx = self.app.context()
        paths = self.app.installation.paths

        def run(progress: Any, cancel: Any) -> Changed[list[ImportReport]]:
            return import_bundles_changes(ctx, paths, files, progress=progress, cancel=cancel)

        self.import_button.setEnabled(False)
        self._show_status(self.tr("正在导入 %1 个文件…").replace("%1", str(len(files))))
        handle = self.app.jobs.run_write(
            run, self._imported, self._import_failed, title=self.tr("导入数据包")
        )
        self.progress = sync_screen.watch_sync_job(handle, self, self.tr("正在导入数据包…"))
        return handle

    def _changes_committed(self, changes: Changes) -> None:
        """Each station's line counts its complaints and shows its bundles and key."""
        if changes.touches("complaints", "sync", "roster"):
            self.refresh()

    def _imported(self, result: Changed[list[ImportReport]]) -> None:
        reports = result.value
        self.import_button.setEnabled(True)
        imported = sum(1 for r in reports if r.status == "imported")
        refused = sum(1 for r in reports if r.refused)
        waiting = sum(1 for r in reports if r.status == "waiting")
        text = self.tr("导入了 %1 个数据包").replace("%1", str(imported))
        if waiting:
            text += self.tr("；%1 个等待核对服务站密钥（见下方“待核对”）").replace(
                "%1", str(waiting)
            )
        if refused:
            text += self.tr("；%1 个未导入，原因见结果").replace("%1", str(refused))
        self._show_status(text, error=bool(refused))
        self.report_dialog = ImportReportDialog(reports, self)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog.open()
        if not result.changes:
            self.refresh()  # nothing merged: the lines' state may still have changed

    def _import_failed(self, error: Exception) -> None:
        self.import_button.setEnabled(True)
        self._show_status(str(error), error=True)
        self.message = notice(self, QMessageBox.Icon.Warning, self.tr("无法导入"), str(error))

    # --- keys and receipts --------------------------------------------------------------------

    def repin_key(self) -> RepinKeyDialog:
        dialog = RepinKeyDialog(self.lines(), self.selected_code(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._repin(dialog.station_code(), dialog.fingerprint()))
        self.repin_dialog = dialog
        dialog.open()
        return dialog

    def _repin(self, code: str, fingerprint: str) -> None:
        ctx = self.app.context()
        self.app.jobs.run_write(
            lambda: repin_station_key(ctx, code, fingerprint),
            self._repinned,
            self._repin_failed,
            title=self.tr("重新确认密钥"),
        )

    def _repinned(self, pinned: Any) -> None:
        self._show_status(
            self.tr("已登记 %1 的新密钥指纹 %2；下一个用它签名的数据包到达时即可导入。")
            .replace("%1", pinned.station_code)
            .replace("%2", pinned.fingerprint)
        )

    def _repin_failed(self, error: Exception) -> None:
        self._show_status(str(error), error=True)

    def choose_receipt_folder(self) -> str | None:
        """Ask where to write the receipt (tests replace this)."""
        start = str(self.settings.value(RECEIPT_OUT_KEY, "") or Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择保存回执的文件夹（U盘）"), start
        )
        return folder or None

    def export_receipt(self) -> JobHandle | None:
        folder = self.choose_receipt_folder()
        if not folder:
            return None
        self.settings.setValue(RECEIPT_OUT_KEY, folder)
        ctx = self.app.context()
        paths = self.app.installation.paths
        return self.app.jobs.run_read(
            lambda: export_receipt(ctx, paths, folder),
            self._receipt_written,
            self._receipt_failed,
            title=self.tr("导出回执"),
        )

    def _receipt_written(self, written: Path) -> None:
        self.last_receipt = written
        self._show_status(
            self.tr("已写出回执：%1。请交给各服务站在“同步”中导入。").replace("%1", str(written)),
            folder=True,
        )

    def _receipt_failed(self, error: Exception) -> None:
        self._show_status(str(error), error=True)
        self.message = notice(self, QMessageBox.Icon.Warning, self.tr("无法导出回执"), str(error))

    def open_receipt_folder(self) -> None:
        if self.last_receipt is not None:
            open_folder(self.last_receipt.parent)

    # --- the complaint list of one station ----------------------------------------------------

    def show_station_complaints(self) -> None:
        """Open 投诉 showing only the selected station's complaints."""
        code = self.selected_code()
        show_screen = getattr(self.window(), "show_screen", None)
        if code is None or not callable(show_screen):
            return
        screen = show_screen("complaints")
        if screen is None:
            return
        set_origin = getattr(screen, "set_origin_filter", None)
        if callable(set_origin):
            set_origin(code)
            return
        model = getattr(screen, "model", None)  # until the list has a station filter of its own
        if model is not None and hasattr(model, "complaint_filter"):
            model.set_filter(dataclasses.replace(model.complaint_filter(), origin=code))
