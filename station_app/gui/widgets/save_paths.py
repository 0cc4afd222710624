"""Where a file the officer saves (a workbook, a PDF) goes, and showing the folder it went to.

Every such question starts in the folder used last for that kind of file (a QSettings key per
kind; the documents folder at first) and gives back a path that ends in the kind's suffix, added
when the officer typed a name without it (``名册_v1.2`` becomes ``名册_v1.2.xlsx``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget


@dataclass(frozen=True)
class SavedFileKind:
    """A kind of file the program saves: the dialog's filter, and the suffixes it may end in (the
    first is added when the name ends in none of them)."""

    file_filter: str  # a source string of the context ``SavePaths``
    suffixes: tuple[str, ...]

    def path_for(self, name: str | Path) -> Path:
        """``name``, ending in one of the kind's suffixes."""
        path = Path(name)
        if path.suffix.lower() in self.suffixes:
            return path
        return path.with_name(path.name + self.suffixes[0])


WORKBOOK = SavedFileKind(QT_TRANSLATE_NOOP("SavePaths", "Excel 工作簿 (*.xlsx)"), (".xlsx",))
WORKBOOK_OR_CSV = SavedFileKind(
    QT_TRANSLATE_NOOP("SavePaths", "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"), (".xlsx", ".csv")
)
PDF = SavedFileKind(QT_TRANSLATE_NOOP("SavePaths", "PDF 文件 (*.pdf)"), (".pdf",))


def choose_save_path(
    parent: QWidget | None,
    title: str,
    suggested: str,
    kind: SavedFileKind,
    folder_key: str,
    *,
    folder: Path | None = None,
) -> Path | None:
    """Ask where to save a file of ``kind`` (``suggested`` its name), starting in ``folder`` if
    given, else in the folder used last for ``folder_key``; the path, or None when the officer
    cancels. The folder chosen is remembered for ``folder_key``."""
    settings = QSettings()
    start = folder or Path(
        str(
            settings.value(folder_key, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
    )
    name, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(start / suggested),
        QCoreApplication.translate("SavePaths", kind.file_filter),
    )
    if not name:
        return None
    path = kind.path_for(name)
    settings.setValue(folder_key, str(path.parent))
    return path


def choose_workbook_path(
    parent: QWidget, title: str, folder_key: str, suggested: str
) -> Path | None:
    """Ask where to save a workbook (``suggested`` its file name): :func:`choose_save_path`."""
    return choose_save_path(parent, title, suggested, WORKBOOK, folder_key)


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
