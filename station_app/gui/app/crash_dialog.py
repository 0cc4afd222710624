"""What the officer sees when something goes wrong.

A refusal the user caused (``StationError``) is one plain sentence in a message box. Anything else
is a bug: it is already in the log file, and the crash dialog says where that file is so it can be
handed to the county's technician, with the details folded away below.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import StationError
from station_app.gui.widgets.dialog_parts import dialog_icon, tell


def error_text(error: StationError) -> str:
    """The sentence of a refusal, translated when a translation exists (context ``errors``)."""
    return QCoreApplication.translate("errors", str(error))


def show_refusal(error: StationError, parent: QWidget | None = None) -> None:
    title = QCoreApplication.translate("CrashDialog", "无法完成")
    understood = QCoreApplication.translate("CrashDialog", "知道了")
    tell(parent, QMessageBox.Icon.Warning, title, error_text(error), understood)


class CrashDialog(QDialog):
    """An unexpected error: where the log is, what to do, and the traceback on request."""

    def __init__(
        self, log_path: Path | None, details: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setWindowTitle(self.tr("程序出错"))
        self.setMinimumWidth(560)

        icon = dialog_icon(self, QStyle.StandardPixmap.SP_MessageBoxCritical)
        if log_path is not None:
            where = self.tr("错误经过已记录在日志文件中：")
        else:
            where = self.tr("日志文件无法写入，错误经过见下方详细信息。")
        message = QLabel(
            self.tr("程序遇到意外错误，刚才的操作可能没有完成。已保存的记录不受影响。")
            + "\n\n"
            + where
        )
        message.setWordWrap(True)
        self.path_label = QLabel(os.fspath(log_path) if log_path else "")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        path_font = QFont(self.path_label.font())
        path_font.setBold(True)
        self.path_label.setFont(path_font)
        self.path_label.setVisible(log_path is not None)
        advice = QLabel(self.tr("请把这个文件交给县消协的技术人员，并说明出错前在做什么。"))
        advice.setWordWrap(True)

        text_column = QVBoxLayout()
        text_column.addWidget(message)
        text_column.addWidget(self.path_label)
        text_column.addWidget(advice)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text_column, 1)

        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(200)

        details_button = QPushButton(self.tr("详细信息"))
        details_button.setCheckable(True)
        details_button.setAutoDefault(False)
        details_button.toggled.connect(self.details.setVisible)
        details_button.setEnabled(bool(details))
        buttons = QHBoxLayout()
        buttons.addWidget(details_button)
        buttons.addStretch(1)
        if log_path is not None:
            copy_button = QPushButton(self.tr("复制路径"))
            copy_button.setAutoDefault(False)
            copy_button.clicked.connect(self._copy_path)
            buttons.addWidget(copy_button)
            open_button = QPushButton(self.tr("打开日志文件夹"))
            open_button.setAutoDefault(False)
            open_button.clicked.connect(self._open_folder)
            buttons.addWidget(open_button)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setDefault(True)
        close_button.clicked.connect(self.accept)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        close_button.setFocus()

    def _copy_path(self) -> None:
        QGuiApplication.clipboard().setText(os.fspath(self.log_path or ""))

    def _open_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(self.log_path.parent)))
