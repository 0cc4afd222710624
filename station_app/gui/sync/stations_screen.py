"""服务站总览 (county): every station's bundles, gaps, key and complaint load; bundle import.

The clerk imports the bundles the stations sent (several files at once), reads the result of
each, re-pins a station's key after a phone call, and writes the receipt that goes back to the
stations. One line per station: its last bundle and when it arrived, how many arrived, the numbers
still missing (red), its open and overdue complaints, conflicts waiting for review and its key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.app.context import AppContext
from station_app.gui.app.jobs import JobHandle
from station_app.gui.sync import sync_screen
from station_app.gui.sync.sync_screen import (
    fit_columns,
    heading_label,
    local_time_text,
    notice,
    open_folder,
)
from station_app.gui.widgets.progress import JobProgress, watch_job
from station_app.gui.widgets.rows_model import RowColumn, RowsModel, sorted_view
from station_app.sync.bundle_format import SyncError
from station_app.sync.county import (
    StationSyncState,
    repin_station_key,
    seq_text,
    stations_sync_state,
)
from station_app.sync.keys import normalise_fingerprint
from station_app.sync.merge import ImportReport, import_bundles
from station_app.sync.overview import ComplaintLoad, complaint_load_by_origin
from station_app.sync.receipts import export_receipt

IMPORT_FOLDER_KEY = "sync/import_folder"
RECEIPT_OUT_KEY = "sync/receipt_out_folder"
MISSING_COLOR = "#cf222e"
WARNING_COLOR = "#9a6700"
OK_COLOR = "#1a7f37"
BUNDLE_SUFFIX = ".stbundle"


@dataclass(frozen=True)
class StationLine:
    """One line of the overview: the station's sync state and its complaint load."""

    state: StationSyncState
    load: ComplaintLoad


def overview_lines(on: dt.date) -> list[StationLine]:
    """Every station's line (runs off the GUI thread: the load reads all open complaints)."""
    loads = complaint_load_by_origin(on)
    return [
        StationLine(s, loads.get(s.station_code, ComplaintLoad())) for s in stations_sync_state()
    ]


def _key_text(line: StationLine) -> str:
    """The pinned fingerprint; one re-pinned by a clerk is marked until a bundle confirms it."""
    fingerprint = line.state.fingerprint or ""
    if fingerprint and not line.state.key_confirmed:
        return QCoreApplication.translate("StationTableModel", "%1（待确认）").replace(
            "%1", fingerprint
        )
    return fingerprint


def _key_tooltip(line: StationLine) -> str:
    if not line.state.fingerprint:
        return QCoreApplication.translate("StationTableModel", "尚未登记密钥")
    if line.state.key_confirmed:
        return QCoreApplication.translate("StationTableModel", "密钥已确认：%1").replace(
            "%1", line.state.fingerprint
        )
    return QCoreApplication.translate(
        "StationTableModel", "由县消协重新登记，下一个用它签名的数据包到达时生效：%1"
    ).replace("%1", line.state.fingerprint)


STATION_COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("StationTableModel", "服务站"), lambda r: r.state.label),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "最近数据包"),
        lambda r: str(r.state.last_seq) if r.state.last_seq else "",
        lambda r: r.state.last_seq,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "收到时间"),
        lambda r: local_time_text(r.state.last_imported_at),
        lambda r: r.state.last_imported_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "已收数据包"),
        lambda r: str(r.state.bundles),
        lambda r: r.state.bundles,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "缺失编号"),
        lambda r: seq_text(r.state.missing),
        lambda r: len(r.state.missing),
        color=lambda r: MISSING_COLOR if r.state.missing else None,
        bold=lambda r: bool(r.state.missing),
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "未办结投诉"),
        lambda r: f"{r.load.open:,}",
        lambda r: r.load.open,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "已超期"),
        lambda r: f"{r.load.overdue:,}",
        lambda r: r.load.overdue,
        color=lambda r: MISSING_COLOR if r.load.overdue else None,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "待审冲突"),
        lambda r: str(r.state.open_conflicts),
        lambda r: r.state.open_conflicts,
        color=lambda r: WARNING_COLOR if r.state.open_conflicts else None,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("StationTableModel", "密钥指纹"),
        _key_text,
        color=lambda r: None if r.state.key_confirmed else WARNING_COLOR,
        tooltip=_key_tooltip,
    ),
]
COLUMN_SAMPLES = {
    0: "诺江镇消费维权服务站（TJ001）",
    1: "00000",
    2: "2026-11-20 10:00",
    3: "000",
    4: "7、9–12",
    5: "0,000",
    6: "000",
    7: "000",
    8: "62d1 4015 27be 5d4e e58a 7a7b a14e 8b92",  # takes what is left; full in its tooltip
}


class StationTableModel(RowsModel):
    CONTEXT = "StationTableModel"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(STATION_COLUMNS, parent)


# --- dialogs -----------------------------------------------------------------------------------


STATUS_TEXT = {
    "imported": QT_TRANSLATE_NOOP("ImportReportDialog", "已导入"),
    "already": QT_TRANSLATE_NOOP("ImportReportDialog", "此前已导入，未改动"),
    "refused": QT_TRANSLATE_NOOP("ImportReportDialog", "未导入"),
}
STATUS_COLOR = {"imported": OK_COLOR, "already": "#57606a", "refused": MISSING_COLOR}


class ImportReportDialog(QDialog):
    """What happened to each file: one heading per file, the core's sentence and its notes."""

    def __init__(self, reports: Sequence[ImportReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports = list(reports)
        self.setWindowTitle(self.tr("数据包导入结果"))
        counts = {s: sum(1 for r in reports if r.status == s) for s in STATUS_TEXT}
        summary = QLabel(
            self.tr("共 %1 个文件：导入 %2 个，此前已导入 %3 个，未导入 %4 个。")
            .replace("%1", str(len(reports)))
            .replace("%2", str(counts["imported"]))
            .replace("%3", str(counts["already"]))
            .replace("%4", str(counts["refused"])),
            self,
        )
        summary.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(self.report_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def report_html(self) -> str:
        parts = []
        for report in self.reports:
            status = QCoreApplication.translate("ImportReportDialog", STATUS_TEXT[report.status])
            parts.append(
                f"<p><b>{html.escape(report.file.name)}</b> — "
                f"<b style='color:{STATUS_COLOR[report.status]}'>{html.escape(status)}</b><br>"
                f"{html.escape(report.message)}"
            )
            if report.notes:
                items = "".join(f"<li>{html.escape(note)}</li>" for note in report.notes)
                parts.append(f"<ul style='margin-top:0'>{items}</ul>")
            parts.append("</p>")
        return "".join(parts)

    def text(self) -> str:
        return self.browser.toPlainText()


class RepinKeyDialog(QDialog):
    """Trust a station's new key: the clerk types the fingerprint the station reads out."""

    def __init__(
        self, lines: Sequence[StationLine], current: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lines = {line.state.station_code: line for line in lines}
        self.setWindowTitle(self.tr("重新确认服务站密钥"))
        explanation = QLabel(
            self.tr(
                "服务站换了电脑或重装了程序后，它的数据包会因密钥不同被拒收。"
                "请打电话给服务站，请对方打开“同步”，逐组念出“本站密钥指纹”，"
                "在下面输入。下一个用这把密钥签名的数据包到达时即可导入。"
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.station_combo = QComboBox(self)
        for code, line in self.lines.items():
            self.station_combo.addItem(line.state.label, code)
        if current is not None and self.station_combo.findData(current) >= 0:
            self.station_combo.setCurrentIndex(self.station_combo.findData(current))
        self.station_combo.setEditable(True)  # a station that never sent a bundle: type its code
        self.current_label = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.current_label.setFont(mono)
        self.fingerprint_edit = QLineEdit(self)
        self.fingerprint_edit.setFont(mono)
        self.fingerprint_edit.setPlaceholderText("xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx")
        self.fingerprint_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {MISSING_COLOR};")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("服务站"), self.station_combo)
        form.addRow(self.tr("现登记的指纹"), self.current_label)
        form.addRow(self.tr("新密钥指纹"), self.fingerprint_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认新密钥"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.station_combo.currentIndexChanged.connect(self._show_current)
        self._show_current()
        self.setMinimumWidth(620)

    def station_code(self) -> str:
        data = self.station_combo.currentData()
        text = self.station_combo.currentText().strip()
        if data and self.station_combo.itemText(self.station_combo.currentIndex()) == text:
            return str(data)
        return text.upper()

    def fingerprint(self) -> str:
        return normalise_fingerprint(self.fingerprint_edit.text())

    def _show_current(self) -> None:
        line = self.lines.get(self.station_code())
        fingerprint = line.state.fingerprint if line else None
        self.current_label.setText(fingerprint or self.tr("（未登记）"))

    def accept(self) -> None:
        if not self.station_code():
            self._error(self.tr("请选择或输入服务站代码。"))
            return
        try:
            self.fingerprint()
        except SyncError as error:
            self._error(str(error))
            return
        super().accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


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
        app.events.complaints_changed.connect(self.refresh)
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
        layout.addLayout(buttons)
        layout.addLayout(status_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> JobHandle | None:
        """Reload the overview in the background (the complaint load reads every open case)."""
        if self.loading:
            self.stale = True  # load again once this load is over: something changed meanwhile
            return None
        self.loading, self.stale = True, False
        today = self.app.clock.today()
        # the callbacks, not ``handle.finished``: a signal connected after the job started
        # may already have been emitted
        return self.app.jobs.run_read(
            lambda: overview_lines(today), self._loaded, self._load_failed
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
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        line: StationLine | None = self.model.row_data(self.proxy.mapToSource(rows[0]).row())
        return line

    def selected_code(self) -> str | None:
        line = self.selected_line()
        return line.state.station_code if line else None

    def select_code(self, code: str) -> None:
        for row, line in enumerate(self.model.rows()):
            if line.state.station_code == code:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return

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

        def run(progress: Any, cancel: Any) -> list[ImportReport]:
            return import_bundles(ctx, paths, files, progress=progress, cancel=cancel)

        self.import_button.setEnabled(False)
        self._show_status(self.tr("正在导入 %1 个文件…").replace("%1", str(len(files))))
        handle = self.app.jobs.run_write(
            run, self._imported, self._import_failed, title=self.tr("导入数据包")
        )
        self.progress = watch_job(
            handle,
            self,
            self.tr("正在导入数据包…"),
            show_after_ms=sync_screen.SHOW_PROGRESS_AFTER_MS,
        )
        return handle

    def _imported(self, reports: list[ImportReport]) -> None:
        self.import_button.setEnabled(True)
        imported = sum(1 for r in reports if r.status == "imported")
        refused = sum(1 for r in reports if r.refused)
        text = self.tr("导入了 %1 个数据包").replace("%1", str(imported))
        if refused:
            text += self.tr("；%1 个未导入，原因见结果").replace("%1", str(refused))
        self._show_status(text, error=bool(refused))
        self.report_dialog = ImportReportDialog(reports, self)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog.open()
        if imported:
            self.app.events.complaints_changed.emit()  # lists, counts and this overview
        else:
            self.refresh()

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
        self.refresh()

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
