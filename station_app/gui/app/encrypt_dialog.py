"""The first start after the upgrade on a database from before accounts: the station head sets
up an account, and the database is encrypted under it (a verified copy first; the plain file is
then overwritten and removed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import StationError, ValidationFailed
from station_app.gui.app.account_fields import HeadAccountFields
from station_app.gui.widgets.dialog_parts import OK, dialog_column, ok_cancel_buttons
from station_app.gui.widgets.note_styles import ERROR_STYLE
from station_app.installation import Installation, open_installation


class EncryptDatabaseDialog(QDialog):
    def __init__(
        self, installation: Installation, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.installation = installation
        self.clock = clock
        self.setWindowTitle(self.tr("设置站长账户"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "从这一版起，登记的个人信息加密保存，每位联络员用自己的账户和密码登录。"
                "请先设置站长账户；随后本机数据库会被加密（先做一份核对无误的加密副本，"
                "再抹掉原来的明文文件），数据不会丢失。"
            )
        )
        intro.setWordWrap(True)
        self.account = HeadAccountFields()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = ok_cancel_buttons(self, self.tr("加密并开始"), self.tr("退出"), self.save)
        self.ok_button = self.buttons.button(OK)
        layout = dialog_column(self)
        layout.addWidget(intro)
        layout.addWidget(self.account)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for edit in self.account.edits():
            edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.account.filled())

    def save(self) -> None:
        try:
            head = self.account.head()
        except ValidationFailed:
            return
        root = self.installation.paths.root
        self.installation.close()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.installation = open_installation(root, head, clock=self.clock)
        except StationError as refused:
            self.installation = open_installation(root)  # still the plain one
            self.error_label.setText(QCoreApplication.translate("errors", str(refused)))
            self.error_label.show()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
