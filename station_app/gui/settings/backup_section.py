"""The 备份与恢复 section of the settings screen: the backup folder, a backup now (here or on a USB
stick), and restoring from a backup after checking it belongs to this station.

A part of :class:`~station_app.gui.settings.screen.SettingsScreen` (a mixin: the screen's tests and
its other sections use these widgets and methods on the screen itself); its sentences keep the
translation context ``SettingsScreen``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from station_app.access.permissions import ManagingAct
from station_app.backup import (
    BackupInfo,
    backup_database,
    backup_taken_at,
    list_backups,
    restore_backup,
    verify_backup,
)
from station_app.backup_schedule import (
    backup_folder,
    backup_folders,
    configured_backup_folder,
    set_backup_folder,
)
from station_app.changes import Changes
from station_app.errors import BackupError, StationError
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.dialog_parts import confirm
from station_app.gui.widgets.note_styles import DONE_STYLE, NOTE_STYLE


class BackupSection:
    """The backup group and what its buttons do; mixed into the settings screen (a ``QWidget``
    that provides ``app``, ``station_code``, ``show_problem``, ``_refused`` and
    ``_may_manage_here``).

    Restoring replaces every record with an older copy, and the backup folder decides where copies
    of every record go: both are offered only to whoever manages the installation (the screen
    hides their buttons from an officer and says who may). Backing up is for everyone."""

    app: AppContext
    station_code: str
    progress: QProgressDialog | None

    def _backup_group(self) -> QGroupBox:
        group = QGroupBox(QCoreApplication.translate("SettingsScreen", "备份与恢复"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.change_folder_button = QPushButton(
            QCoreApplication.translate("SettingsScreen", "更改…")
        )
        self.change_folder_button.clicked.connect(self.change_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.change_folder_button)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_note.setStyleSheet(NOTE_STYLE)

        self.backup_button = QPushButton(QCoreApplication.translate("SettingsScreen", "立即备份"))
        self.backup_button.clicked.connect(lambda _checked=False: self.backup_now())
        self.backup_elsewhere_button = QPushButton(
            QCoreApplication.translate("SettingsScreen", "备份到U盘或其他文件夹…")
        )
        self.backup_elsewhere_button.clicked.connect(self.backup_elsewhere)
        self.restore_button = QPushButton(
            QCoreApplication.translate("SettingsScreen", "从备份恢复…")
        )
        self.restore_button.clicked.connect(self.restore_from_backup)
        self.restore_locked_note = QLabel(
            QCoreApplication.translate(
                "SettingsScreen", "更改备份文件夹和从备份恢复须由站长（县消协负责人）操作。"
            )
        )
        self.restore_locked_note.setStyleSheet(NOTE_STYLE)
        self.restore_locked_note.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.backup_elsewhere_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.restore_locked_note)
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        self.backup_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("SettingsScreen", "备份文件夹："), folder_row)
        form.addRow("", self.folder_note)
        form.addRow("", actions)
        form.addRow("", self.backup_note)
        return group

    def _load_backup_folder(self) -> None:
        paths = self.app.installation.paths
        chosen = configured_backup_folder()
        folder = backup_folder(paths)
        self.folder_edit.setText(str(folder))
        if chosen is not None and folder != chosen:
            self.folder_note.setText(
                QCoreApplication.translate(
                    "SettingsScreen",
                    "所选文件夹 {folder} 现在找不到（U盘未插入？），自动备份暂时存放在上面的文件夹。",
                ).format(folder=chosen)
            )
        else:
            self.folder_note.setText(
                QCoreApplication.translate(
                    "SettingsScreen", "程序每天自动备份一次，保留最近 14 份。"
                )
            )
        backups = list_backups(backup_folders(paths))
        if backups and not self.backup_note.text():
            self.backup_note.setStyleSheet(NOTE_STYLE)
            self.backup_note.setText(
                QCoreApplication.translate("SettingsScreen", "最近一次备份：{when}").format(
                    when=when_taken(backups[0].taken_at)
                )
            )

    # backup --------------------------------------------------------------------------------------

    def choose_folder(self, title: str, start: Path) -> Path | None:
        """A folder picked by the officer (tests replace this method)."""
        chosen = QFileDialog.getExistingDirectory(self, title, str(start))
        return Path(chosen) if chosen else None

    def choose_backup_file(self, start: Path) -> Path | None:
        """A backup file picked by the officer (tests replace this method)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("SettingsScreen", "选择备份文件"),
            str(start),
            QCoreApplication.translate("SettingsScreen", "备份文件 (*.sqlite3)"),
        )
        return Path(chosen) if chosen else None

    def change_backup_folder(self) -> None:
        if not self._may_manage_here(ManagingAct.BACKUP_FOLDER):
            return
        folder = self.choose_folder(
            QCoreApplication.translate("SettingsScreen", "选择备份文件夹"),
            Path(self.folder_edit.text()),
        )
        if folder is None:
            return
        self.app.jobs.run_write(
            lambda: set_backup_folder(folder),
            lambda _none: self._load_backup_folder(),
            self._refused,
            title=QCoreApplication.translate("SettingsScreen", "更改备份文件夹"),
        )

    def backup_elsewhere(self) -> None:
        folder = self.choose_folder(
            QCoreApplication.translate("SettingsScreen", "选择备份到哪里（U盘或其他文件夹）"),
            Path(self.folder_edit.text()),
        )
        if folder is not None:
            self.backup_now(folder)

    def backup_now(self, folder: Path | None = None) -> None:
        """Back up into ``folder`` (default: the backup folder) off the GUI thread."""
        installation, clock = self.app.installation, self.app.clock
        target = folder if folder is not None else backup_folder(installation.paths)
        identity = installation.identity()
        code = identity.code if identity else None

        def job(progress: Any) -> Path:
            try:
                return backup_database(
                    installation.db,
                    target,
                    station_code=code,
                    attachments_dir=installation.paths.attachments,
                    clock=clock,
                    progress=progress,
                )
            finally:
                installation.db.close()  # this reader thread's connection: restore needs none

        self._set_busy(True, QCoreApplication.translate("SettingsScreen", "正在备份…"))
        handle = self.app.jobs.run_read(job, self._backed_up, self._backup_failed)
        handle.progressed.connect(self._progressed)

    def _backed_up(self, path: Path) -> None:
        self._set_busy(False)
        self.backup_note.setStyleSheet(DONE_STYLE)
        self.backup_note.setText(
            QCoreApplication.translate("SettingsScreen", "已备份到 {path}").format(path=path)
        )

    def _backup_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._refused(error)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _set_busy(self, busy: bool, label: str = "") -> None:
        for button in (
            self.backup_button,
            self.backup_elsewhere_button,
            self.restore_button,
            self.change_folder_button,
        ):
            button.setEnabled(not busy)
        if busy:
            self.progress = QProgressDialog(label, "", 0, 0, self)
            self.progress.setWindowTitle(QCoreApplication.translate("SettingsScreen", "请稍候"))
            self.progress.setCancelButton(None)  # type: ignore[arg-type]
            self.progress.setMinimumDuration(500)  # only when it lasts
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setAutoClose(False)
            self.progress.setValue(0)
        elif self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    # restore -------------------------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        if not self._may_manage_here():
            return
        path = self.choose_backup_file(Path(self.folder_edit.text()))
        if path is None:
            return
        self._set_busy(True, QCoreApplication.translate("SettingsScreen", "正在检查备份文件…"))
        self.app.jobs.run_read(lambda: verify_backup(path), self._verified, self._backup_failed)

    def confirm_restore(self, info: BackupInfo, taken_at: dt.datetime) -> bool:
        """Ask, in plain words, before the data is replaced (tests replace this method)."""
        return confirm(
            self,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("SettingsScreen", "从备份恢复"),
            self.restore_question(info, taken_at),
            QCoreApplication.translate("SettingsScreen", "恢复"),
            QCoreApplication.translate("SettingsScreen", "取消"),
        )

    def restore_question(self, info: BackupInfo, taken_at: dt.datetime) -> str:
        return QCoreApplication.translate(
            "SettingsScreen",
            "要用 {when} 的备份替换现在的数据吗？\n\n"
            "这份备份里有 {complaints} 件投诉、{visits} 条来访记录。"
            "备份之后登记或修改的内容不会出现在恢复后的数据中。\n\n"
            "现在的数据不会删除，会另存一份在 {folder}，需要时可以找回。",
        ).format(
            when=when_taken(taken_at),
            complaints=info.complaints,
            visits=info.visits,
            folder=self.app.installation.paths.backups,
        )

    def _verified(self, info: BackupInfo) -> None:
        self._set_busy(False)
        if info.station_code and self.station_code and info.station_code != self.station_code:
            self.show_problem(
                BackupError(
                    QCoreApplication.translate(
                        "SettingsScreen",
                        "这份备份属于服务站 {other}，不是本站（{own}）的备份，不能恢复。",
                    ).format(other=info.station_code, own=self.station_code)
                )
            )
            return
        if not self.confirm_restore(info, backup_taken_at(info.path)):
            return
        self.restore(info)

    def restore(self, info: BackupInfo) -> None:
        """Replace the database by the verified backup and reopen it under the open window.

        Every connection is closed first (the writer's in its thread, the GUI's here); the
        restore runs on the GUI thread so nothing can reopen the file while it is replaced.
        """
        installation = self.app.installation
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        problem: StationError | None = None
        aside: Path | None = None
        try:
            self.app.jobs.wait_idle()
            self.app.jobs.run_write(installation.close)
            self.app.jobs.wait_idle()
            installation.close()
            try:
                aside = restore_backup(installation.paths, info.path, clock=self.app.clock)
            except StationError as error:
                problem = error
            installation.reopen()
        finally:
            QGuiApplication.restoreOverrideCursor()
        if problem is not None:
            self.show_problem(problem)
            return
        self.backup_note.setStyleSheet(DONE_STYLE)
        self.backup_note.setText(
            QCoreApplication.translate(
                "SettingsScreen", "已从 {name} 恢复。原来的数据另存为 {aside}。"
            ).format(name=info.path.name, aside=aside)
        )
        self.app.jobs.announce(Changes.all())  # another database: every screen refreshes


def when_taken(moment: dt.datetime) -> str:
    """A backup's local time as officers read it: 2026年11月20日星期五 10:00."""
    return f"{QLocale().toString(moment.date(), QLocale.FormatType.LongFormat)} {moment:%H:%M}"
