"""The station head's account as first set up: login, name, password typed twice. Used by the
first-run dialog and by the dialog that encrypts a database from before accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from station_app.errors import FieldError, ValidationFailed
from station_app.gui.widgets.field_errors import FieldErrors
from station_app.installation import NewHead
from station_app.security.accounts import STATION_HEAD, check_new_account

DEFAULT_LOGIN = "head"


class HeadAccountFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login_edit = QLineEdit(DEFAULT_LOGIN)
        self.login_edit.setMaxLength(32)
        self.person_edit = QLineEdit()
        self.person_edit.setMaxLength(50)
        self.person_edit.setPlaceholderText(self.tr("站长姓名，记入操作日志"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("至少 6 个字符"))
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("站长登录名："), self.login_edit)
        form.addRow(self.tr("站长姓名："), self.person_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        form.addRow(self.tr("再输入一次："), self.again_edit)
        self.errors = FieldErrors(self)
        self.errors.register_many(
            {
                "login": self.login_edit,
                "name": self.person_edit,
                "password": self.password_edit,
                "password_again": self.again_edit,
            }
        )

    def edits(self) -> list[QLineEdit]:
        return [self.login_edit, self.person_edit, self.password_edit, self.again_edit]

    def filled(self) -> bool:
        return all(edit.text().strip() for edit in self.edits())

    def head(self) -> NewHead:
        """The account typed; ``ValidationFailed`` (also shown beside the fields) otherwise."""
        password = self.password_edit.text()
        try:
            login, name = check_new_account(
                self.login_edit.text(), self.person_edit.text(), STATION_HEAD, password
            )
            if self.again_edit.text() != password:
                raise ValidationFailed(
                    [FieldError("password_again", self.tr("两次输入的密码不一致。"))]
                )
        except ValidationFailed as refused:
            self.errors.show(refused.by_field())
            raise
        return NewHead(login, name, password)
