"""Signing in before the window opens, and unlocking it again after it locked.

The password is checked against the key file (argon2id, a fraction of a second here, more on an
old laptop), which also yields the data key that opens the encrypted database. The check runs off
the GUI thread: the window underneath keeps painting, and the dialog says it is checking. Five
wrong passwords in a row make the next tries wait; the dialog says how long.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import StationError
from station_app.gui.app.jobs import JobRunner
from station_app.gui.widgets.dialog_parts import OK, ok_cancel_buttons
from station_app.gui.widgets.note_styles import ERROR_STYLE, NOTE_STYLE
from station_app.paths import DataPaths
from station_app.security.accounts import SignedIn, accounts, sign_in
from station_app.security.keyfile import DataKey, KeyFile


class SignInDialog(QDialog):
    """Who signs in (a list of this station's accounts) and their password.

    With ``signed_in`` it unlocks the locked window instead: the same person, or a station head.
    """

    def __init__(
        self,
        paths: DataPaths,
        clock: Clock = SYSTEM_CLOCK,
        parent: QWidget | None = None,
        *,
        signed_in: SignedIn | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.clock = clock
        self.keys = KeyFile.load(paths.key_file)
        self.signed_in: SignedIn | None = None
        self.key: DataKey | None = None
        self.locked_by = signed_in
        self.jobs = JobRunner(self)  # the password check, off the GUI thread
        self.checking = False
        self.setWindowTitle(self.tr("已锁定") if signed_in else self.tr("登录"))
        self.setMinimumWidth(420)

        intro = QLabel(
            self.tr("窗口已锁定，正在填写的内容都保留着。请输入密码解锁。")
            if signed_in
            else self.tr("消费维权服务站登记系统。请选择您的账户并输入密码。")
        )
        intro.setWordWrap(True)
        self.account_combo = QComboBox()
        for account in accounts(self.keys):
            if signed_in is None or account.login == signed_in.login or account.manages:
                self.account_combo.addItem(f"{account.name}（{account.login}）", account.login)
        if signed_in is not None:
            self.account_combo.setCurrentIndex(self.account_combo.findData(signed_in.login))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.checking_label = QLabel(self.tr("正在核对密码…"))
        self.checking_label.setStyleSheet(NOTE_STYLE)
        self.checking_label.hide()
        hint = QLabel(self.tr("忘记密码请找站长重置，或由县消协用恢复密钥重置。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("账户："), self.account_combo)
        form.addRow(self.tr("密码："), self.password_edit)
        self.buttons = ok_cancel_buttons(
            self, self.tr("解锁") if signed_in else self.tr("登录"), self.tr("退出"),
            self.try_sign_in,
        )  # fmt: skip
        self.ok_button = self.buttons.button(OK)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setVisible(signed_in is None)  # the lock has no way round it

        # the fields sit in a panel of their own: centred on the full-screen lock
        panel = QWidget()
        panel.setMaximumWidth(480)
        column = QVBoxLayout(panel)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(12)
        if signed_in is not None:
            title = QLabel(self.tr("已锁定"))
            font = title.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            title.setFont(font)
            column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addWidget(self.checking_label)
        column.addWidget(hint)
        column.addSpacing(8)
        column.addWidget(self.buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if signed_in is not None:
            layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.password_edit.setFocus()

    def reject(self) -> None:
        if self.locked_by is None:  # Esc on the lock screen does not unlock it
            self.jobs.wait_idle()  # a check under way ends before the dialog does
            super().reject()

    def try_sign_in(self) -> None:
        """Check the password on a worker; the dialog accepts, or says why not, when it is done."""
        if self.checking:
            return
        keys, login = self.keys, str(self.account_combo.currentData() or "")
        password, now = self.password_edit.text(), self.clock.utcnow()
        self._set_checking(True)
        self.jobs.run_query(
            lambda: sign_in(keys, login, password, now), self._signed_in, self._refused
        )

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        for widget in (self.account_combo, self.password_edit, self.ok_button):
            widget.setEnabled(not checking)
        self.checking_label.setVisible(checking)
        if checking:
            self.error_label.hide()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _signed_in(self, result: tuple[SignedIn, DataKey]) -> None:
        self._set_checking(False)
        self.signed_in, self.key = result
        self.password_edit.clear()
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._set_checking(False)
        if not isinstance(error, StationError):
            raise error
        self.error_label.setText(QCoreApplication.translate("errors", str(error)))
        self.error_label.show()
        self.password_edit.selectAll()
        self.password_edit.setFocus()
