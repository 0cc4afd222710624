"""Where a workbook the officer exports is saved, and showing the folder it went to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_workbook_path(
    parent: QWidget, title: str, folder_key: str, suggested: str
) -> Path | None:
    """Ask where to save a workbook (``suggested`` its file name), starting in the folder used
    last for this kind of export (``folder_key`` in QSettings; the documents folder at first);
    the path, ending in .xlsx, or None when the officer cancels."""
    settings = QSettings()
    folder = str(
        settings.value(folder_key, "")
        or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    file_filter = QCoreApplication.translate("SavePaths", "Excel 工作簿 (*.xlsx)")
    name, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    settings.setValue(folder_key, str(path.parent))
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
