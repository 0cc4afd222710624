"""Step 1 of the roster wizard: choose a workbook, a CSV file or a folder of CSV files, and read it
(on a reader thread, with progress; nothing is written)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from threading import Event

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from station_app.errors import StationError
from station_app.gui.app.crash_dialog import error_text
from station_app.gui.roster.page_parts import NOTE_STYLE, RosterPage, note_label
from station_app.gui.roster.wizard_host import WizardHost
from station_app.gui.widgets.note_styles import ERROR_STYLE
from station_app.gui.widgets.progress import JobProgress, watch_job
from station_app.roster.roster_import import RosterPreview, read_roster
from station_app.roster.sheet_reader import ReadCancelled

log = logging.getLogger(__name__)


class ChooseFilePage(RosterPage):
    """Step 1: which file; Next reads it (nothing is written) and moves on to the preview."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.progress: JobProgress | None = None
        self.setTitle(self.tr("第 1 步：选择名册文件"))
        self.setSubTitle(
            self.tr(
                "选择县消协发来的名册：Excel 或 WPS 工作簿（.xlsx、.xls、.et、.ods）、CSV 文件，"
                "或放着几个 CSV 文件的文件夹。读取时不会改动本机数据。"
            )
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("名册文件或文件夹的位置"))
        self.path_edit.textChanged.connect(self._path_changed)
        self.file_button = QPushButton(self.tr("选择文件…"), self)
        self.folder_button = QPushButton(self.tr("选择文件夹…"), self)
        self.file_button.clicked.connect(self._pick_file)
        self.folder_button.clicked.connect(self._pick_folder)
        self.status_label = note_label("", self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("名册文件："), self))
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(
            note_label(
                self.tr(
                    "提示：名册中有的部分以名册为准，没有的部分保持不变；名册中不再列出的服务站、"
                    "联络员、村（社区）和经营者会被停用，不会删除。"
                ),
                self,
            )
        )

    @property
    def reading(self) -> bool:
        return self.handle is not None

    def path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        return Path(text) if text else None

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def _pick_file(self) -> None:
        chosen = self.roster_wizard.choose_file()
        if chosen is not None:
            self.set_path(chosen)

    def _pick_folder(self) -> None:
        chosen = self.roster_wizard.choose_folder()
        if chosen is not None:
            self.set_path(chosen)

    def _path_changed(self) -> None:
        self.show_status("")
        self.completeChanged.emit()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.path() is not None and not self.reading

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Next: move on when this file has been read; otherwise start reading it."""
        preview = self.roster_wizard.preview
        path = self.path()
        if path is None:
            return False
        if preview is not None and preview.path == path:
            return True
        self.start_reading(path)
        return False

    def start_reading(self, path: Path) -> None:
        if self.reading:
            return
        if not path.exists():
            self.show_status(
                self.tr("找不到“%1”，请重新选择。").replace("%1", str(path)), error=True
            )
            return
        self.roster_wizard.preview = None
        self.show_status(self.tr("正在读取“%1”…").replace("%1", path.name))

        def read(progress: Callable[[int, int], None], cancel: Event) -> RosterPreview:
            return read_roster(path, progress=progress, cancel=cancel)

        app = self.roster_wizard.app
        self.handle = app.jobs.run_read(
            read, self._read_done, self._read_failed, title=self.tr("读取名册")
        )
        self.progress = watch_job(
            self.handle, self.roster_wizard, self.tr("正在读取名册“%1”…").replace("%1", path.name)
        )
        self._set_busy(True)

    def cancel_reading(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.path_edit, self.file_button, self.folder_button):
            widget.setEnabled(not busy)
        self.completeChanged.emit()

    def _read_done(self, preview: RosterPreview) -> None:
        self.handle = None
        self._set_busy(False)
        if preview.path != self.path():
            return  # the wizard was closed or the path edited meanwhile
        self.show_status("")
        self.roster_wizard.preview = preview
        self.roster_wizard.next()

    def _read_failed(self, error: Exception) -> None:
        self.handle = None
        self._set_busy(False)
        if isinstance(error, ReadCancelled):
            self.show_status(self.tr("已取消读取，本机数据没有任何改动。"))
        elif isinstance(error, StationError):
            self.show_status(error_text(error), error=True)
        elif isinstance(error, OSError):  # e.g. the file is open in WPS and locked, or gone
            reason = error.strerror or str(error)
            self.show_status(self.tr("无法打开这个文件：%1").replace("%1", reason), error=True)
        else:
            self.show_status(self.tr("读取名册时程序出错。"), error=True)
            log.error("reading a roster failed", exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)
