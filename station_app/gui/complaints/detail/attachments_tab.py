"""The 附件 tab: evidence files kept with the complaint (receipts, photos, scans).

Adding a file is a write (on the writer thread); opening or saving a copy reads the stored file
on a reader thread. The list itself comes from the window's dossier.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.registry.attachments import (
    attach_to_complaint,
    copy_for_opening,
    export_attachment,
    get_attachment,
    safe_file_name,
)
from station_app.registry.complaints import get_complaint
from station_app.registry.dossier import AttachmentEntry, ComplaintDossier

from .history_model import local_time
from .record_table import RecordRowsModel, record_table, selected_id

log = logging.getLogger(__name__)


class AttachmentsTab(QWidget):
    def __init__(self, app: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.complaint_id = complaint_id
        self.attachments: dict[int, AttachmentEntry] = {}
        self.attachment_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "文件名"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "大小"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "添加时间"),
            ],
            self,
        )
        self.attachment_table = record_table(self, self.attachment_model, 0, [20, 6, 16, 9])
        self.attachment_table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.attachment_table.doubleClicked.connect(lambda _index: self.open_attachment())
        self.add_attachment_button = QPushButton(
            QCoreApplication.translate("ComplaintDetail", "添加附件…"), self
        )
        self.add_attachment_button.setObjectName("addAttachmentButton")
        self.add_attachment_button.setToolTip(
            QCoreApplication.translate("ComplaintDetail", "收据、照片、扫描件等证据")
        )
        self.open_attachment_button = QPushButton(
            QCoreApplication.translate("ComplaintDetail", "打开"), self
        )
        self.open_attachment_button.setObjectName("openAttachmentButton")
        self.save_attachment_button = QPushButton(
            QCoreApplication.translate("ComplaintDetail", "另存为…"), self
        )
        self.save_attachment_button.setObjectName("saveAttachmentButton")
        self.add_attachment_button.clicked.connect(lambda: self.add_attachment())
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.save_attachment_button.clicked.connect(lambda: self.save_attachment())
        buttons = QHBoxLayout()
        for button in (
            self.add_attachment_button,
            self.open_attachment_button,
            self.save_attachment_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.attachment_table, 1)
        layout.addLayout(buttons)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.attachments = {a.id: a for a in dossier.attachments}
        self.attachment_model.set_rows(
            [
                (
                    a.id,
                    (a.filename, size_text(a.size), a.description or "", local_time(a.updated_at)),
                )
                for a in dossier.attachments
            ]
        )
        self.update_buttons()

    def update_buttons(self) -> None:
        has_file = self._selected() is not None
        self.open_attachment_button.setEnabled(has_file)
        self.save_attachment_button.setEnabled(has_file)

    def _selected(self) -> AttachmentEntry | None:
        attachment_id = selected_id(self.attachment_table)
        return self.attachments.get(attachment_id) if attachment_id else None

    def add_attachment(self, path: Path | None = None) -> None:
        """Store a file with the complaint (asks which when ``path`` is None), on the writer."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("ComplaintDetail", "添加附件"),
                str(Path.home()),
                QCoreApplication.translate("ComplaintDetail", "所有文件 (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        ctx = self.app.context()
        folder = self.app.installation.paths.attachments
        cid = self.complaint_id
        source = path
        self.app.jobs.run_write(
            lambda: attach_to_complaint(ctx, folder, get_complaint(cid), source),
            None,  # the window reloads from the change set
            self._file_failed,
            title=QCoreApplication.translate("ComplaintDetail", "添加附件"),
        )

    def open_attachment(self) -> None:
        """Open a copy of the file (in a temporary folder) with the program Windows chooses."""
        attachment = self._selected()
        if attachment is None:
            return
        folder = self.app.installation.paths.attachments
        attachment_id = attachment.id

        def copy() -> Path | None:
            stored = get_attachment(attachment_id)  # None: deleted meanwhile
            return None if stored is None else copy_for_opening(folder, stored)

        self.app.jobs.run_read(copy, self._open_copy, self._file_failed)

    def _open_copy(self, path: Path | None) -> None:
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                QCoreApplication.translate("ComplaintDetail", "附件"),
                QCoreApplication.translate(
                    "ComplaintDetail", "本机没有可以打开“%1”的程序。"
                ).replace("%1", path.name),
            )

    def save_attachment(self, target: Path | None = None) -> None:
        """Save a copy of the file where the officer says (asks when ``target`` is None)."""
        attachment = self._selected()
        if attachment is None:
            return
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ComplaintDetail", "另存附件"),
                str(Path.home() / safe_file_name(attachment.filename)),
            )
            if not chosen:
                return
            target = Path(chosen)
        folder = self.app.installation.paths.attachments
        destination = target
        attachment_id = attachment.id

        def save() -> Path | None:
            stored = get_attachment(attachment_id)  # None: deleted meanwhile
            return None if stored is None else export_attachment(folder, stored, destination)

        self.app.jobs.run_read(save, None, self._file_failed)

    def _file_failed(self, error: Exception) -> None:
        if isinstance(error, StationError | OSError):
            QMessageBox.warning(
                self, QCoreApplication.translate("ComplaintDetail", "附件"), str(error)
            )
        else:
            log.error("attachment job failed", exc_info=error)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1024) // 1024} KB"
