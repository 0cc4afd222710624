"""账户 in 设置, for the station head: who may sign in, adding an officer's account (from the
roster's officers or typed), resetting a forgotten password, and the idle minutes before the
window locks."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import show_refusal
from station_app.gui.widgets.dialog_parts import push_button
from station_app.gui.widgets.field_errors import FieldErrors
from station_app.gui.widgets.note_styles import NOTE_STYLE
from station_app.gui.widgets.rows_model import RowColumn, RowsModel, read_only_view
from station_app.messages import translate
from station_app.registry.officers import list_officers
from station_app.security.accounts import (
    OFFICER,
    ROLE_NAMES,
    ROLES,
    SignedIn,
    accounts,
    add_account,
    set_password,
)
from station_app.security.idle_lock import LONGEST, SHORTEST, lock_minutes, set_lock_minutes

CONTEXT = "AccountsGroup"
COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP(CONTEXT, "姓名"), lambda a: a.name),
    RowColumn(QT_TRANSLATE_NOOP(CONTEXT, "登录名"), lambda a: a.login),
    RowColumn(QT_TRANSLATE_NOOP(CONTEXT, "角色"), lambda a: translate(ROLE_NAMES[a.role])),
]


class AccountsModel(RowsModel):
    CONTEXT = CONTEXT


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """A new password typed twice; ``save(password)`` keeps it or raises its refusal."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.password_edit = _password_edit()
        self.password_edit.setPlaceholderText(self.tr("至少 6 个字符"))
        self.again_edit = _password_edit()
        self.errors = FieldErrors(self)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def add_password_rows(self) -> None:
        self.form.addRow(self.tr("密码："), self.password_edit)
        self.form.addRow(self.tr("再输入一次："), self.again_edit)
        self.errors.register_many({"password": self.password_edit, "again": self.again_edit})

    def save(self, password: str) -> None:  # pragma: no cover - each dialog saves its own way
        raise NotImplementedError

    def try_save(self) -> None:
        password = self.password_edit.text()
        try:
            if self.again_edit.text() != password:
                raise ValidationFailed([FieldError("again", self.tr("两次输入的密码不一致。"))])
            self.save(password)
        except ValidationFailed as refused:
            self.errors.show(refused.by_field())
            return
        except StationError as refused:
            self.general.setText(QCoreApplication.translate("errors", str(refused)))
            self.general.show()
            return
        self.accept()


class AddAccountDialog(PasswordDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加账户"), parent)
        self.app = app
        self.officer_combo = QComboBox()
        self.officer_combo.setEditable(True)
        identity = app.installation.identity()
        taken = (
            {a.name for a in accounts(app.installation.keys)} if app.installation.keys else set()
        )
        for officer in list_officers(identity.code) if identity else []:
            if officer.active and officer.name not in taken:
                self.officer_combo.addItem(officer.name)
        self.officer_combo.setCurrentText(self.officer_combo.itemText(0))
        self.login_edit = QLineEdit()
        self.login_edit.setMaxLength(32)
        self.login_edit.setPlaceholderText(self.tr("登录时选用，例如 li"))
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(translate(ROLE_NAMES[role]), role)
        self.role_combo.setCurrentIndex(self.role_combo.findData(OFFICER))
        hint = QLabel(self.tr("可从名册的联络员中选，也可直接输入姓名。"))
        hint.setStyleSheet(NOTE_STYLE)
        self.form.addRow(self.tr("姓名："), self.officer_combo)
        self.form.addRow("", hint)
        self.form.addRow(self.tr("登录名："), self.login_edit)
        self.form.addRow(self.tr("角色："), self.role_combo)
        self.add_password_rows()
        self.errors.register_many({"name": self.officer_combo, "login": self.login_edit})
        self.added: SignedIn | None = None

    def save(self, password: str) -> None:
        installation = self.app.installation
        assert installation.keys is not None and installation.data_key is not None
        self.added = add_account(
            installation.keys,
            installation.data_key,
            login=self.login_edit.text(),
            name=self.officer_combo.currentText(),
            role=str(self.role_combo.currentData()),
            password=password,
        )


class ResetPasswordDialog(PasswordDialog):
    def __init__(self, app: AppContext, account: SignedIn, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重置密码"), parent)
        self.app = app
        self.account = account
        self.form.addRow(self.tr("账户："), QLabel(f"{account.name}（{account.login}）"))
        self.add_password_rows()

    def save(self, password: str) -> None:
        installation = self.app.installation
        assert installation.keys is not None and installation.data_key is not None
        set_password(installation.keys, installation.data_key, self.account.login, password)


class AccountsGroup(QGroupBox):
    """Shown to a station head of an encrypted installation."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("账户与锁定"))
        self.app = app
        self.model = AccountsModel(COLUMNS, self)
        self.table = read_only_view(self.model, self)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(140)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = push_button(None, self.tr("添加账户…"), self.open_add)
        self.reset_button = push_button(None, self.tr("重置密码…"), self.open_reset)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(SHORTEST, LONGEST)
        self.minutes_spin.setSuffix(self.tr(" 分钟"))
        self.save_minutes_button = push_button(None, self.tr("保存"), self.save_minutes)
        hint = QLabel(self.tr("无人操作这么久后窗口自动锁定；随时可按 Ctrl+L 锁定。解锁需要密码。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        minutes = QHBoxLayout()
        minutes.addWidget(QLabel(self.tr("自动锁定：")))
        minutes.addWidget(self.minutes_spin)
        minutes.addWidget(self.save_minutes_button)
        minutes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(minutes)
        layout.addWidget(hint)
        self.reload()

    def reload(self) -> None:
        keys = self.app.installation.keys
        self.model.set_rows(accounts(keys) if keys is not None else [])
        self.minutes_spin.setValue(lock_minutes())
        self._update_buttons()

    def selected(self) -> SignedIn | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_data(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        self.reset_button.setEnabled(self.selected() is not None)

    def open_add(self) -> None:
        if AddAccountDialog(self.app, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def open_reset(self) -> None:
        account = self.selected()
        if account is not None:
            ResetPasswordDialog(self.app, account, self).exec()

    def save_minutes(self) -> None:
        minutes = self.minutes_spin.value()
        self.app.jobs.run_write(
            lambda: set_lock_minutes(minutes),
            None,  # the window's lock follows the change set
            self._refused,
            title=self.tr("保存自动锁定时间"),
        )

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, StationError):
            raise error
        show_refusal(error, self)
