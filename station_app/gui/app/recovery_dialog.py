"""At start-up, a damaged database: say so in plain words and offer the newest backups.

The officer picks a backup (or one from a USB stick); ``main.py`` restores it with
``backup.restore_backup``, which keeps the damaged file aside, and goes on starting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from station_app.backup import BackupFile
from station_app.gui.settings.backup_section import when_taken
from station_app.gui.widgets.dialog_parts import dialog_icon
from station_app.paths import DataPaths

SHOWN_BACKUPS = 20


class RecoveryDialog(QDialog):
    def __init__(
        self,
        paths: DataPaths,
        problems: list[str],
        backups: list[BackupFile],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("数据库文件已损坏"))
        self.setMinimumWidth(620)

        icon = dialog_icon(self, QStyle.StandardPixmap.SP_MessageBoxWarning)
        message = QLabel(
            self.tr(
                "数据库文件已损坏（可能是电脑突然断电、没有正常关机，或硬盘出了问题），"
                "现在不能安全地打开。"
            )
        )
        message.setWordWrap(True)
        self.instruction = QLabel(
            self.tr(
                "可以从最近的备份恢复：选中一份备份，点“恢复”。"
                "损坏的文件不会删除，会另存在 {folder}，以后可以交给县消协的技术人员。"
            ).format(folder=paths.backups)
        )
        self.instruction.setWordWrap(True)
        text_column = QVBoxLayout()
        text_column.addWidget(message)
        text_column.addWidget(self.instruction)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text_column, 1)

        self.backup_list = QListWidget()
        self.backup_list.setMinimumHeight(200)
        for backup in backups[:SHOWN_BACKUPS]:
            kind = self.tr("自动备份") if backup.automatic else self.tr("手动备份")
            item = QListWidgetItem(f"{when_taken(backup.taken_at)}    {kind}")
            item.setToolTip(str(backup.path))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.backup_list.addItem(item)
        if self.backup_list.count():
            self.backup_list.setCurrentRow(0)  # the newest
        self.backup_list.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        self.empty_label = QLabel(
            self.tr(
                "这台电脑上没有找到备份。如果备份存在U盘里，请插上U盘后点“从其他位置选择…”；"
                "否则请联系县消协的技术人员。"
            )
        )
        self.empty_label.setWordWrap(True)
        self.backup_list.setVisible(bool(backups))
        self.instruction.setVisible(bool(backups))
        self.empty_label.setVisible(not backups)

        details = QLabel(
            self.tr("检查结果：{problem}").format(problem=problems[0] if problems else "")
        )
        details.setWordWrap(True)
        details.setStyleSheet("color: #57606a;")
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setVisible(bool(backups))
        self.restore_button.setDefault(bool(backups))
        self.other_button = QPushButton(self.tr("从其他位置选择…"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = self.buttons.addButton(
            self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self._restore_other)
        self.quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # wrapped text fits
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(details)
        layout.addWidget(self.buttons)

    def listed_backups(self) -> list[Path]:
        return [
            Path(self.backup_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.backup_list.count())
        ]

    def _restore_selected(self) -> None:
        item = self.backup_list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _restore_other(self) -> None:
        chosen = self.choose_other_file()
        if chosen is not None:
            self.chosen = chosen
            self.accept()

    def choose_other_file(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), str(self.paths.backups), self.tr("备份文件 (*.sqlite3)")
        )
        return Path(chosen) if chosen else None

    def choose_backup(self) -> Path | None:
        """Show the dialog; the backup the officer chose, or None to quit (tests replace this)."""
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.chosen
