"""First start on a new data directory: is this a station or the county association (县消协),
and who is it (编码, 名称, 县级区划代码)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import StationError, ValidationFailed
from station_app.gui.app.account_fields import HeadAccountFields
from station_app.gui.widgets.dialog_parts import OK, dialog_column, ok_cancel_buttons
from station_app.gui.widgets.note_styles import ERROR_STYLE, NOTE_STYLE
from station_app.installation import Installation, init_station, open_installation
from station_app.settings import StationIdentity, check_identity


class FirstRunDialog(QDialog):
    """Asks whether this installation is a station or the county, and its identity, and saves it
    with ``init_station``; nothing on refusal.

    The write runs on the GUI thread: it happens before the window and its writer thread exist,
    so nothing else can be writing.
    """

    def __init__(
        self,
        installation: Installation,
        clock: Clock = SYSTEM_CLOCK,
        parent: QWidget | None = None,
        *,
        with_account: bool = False,
    ) -> None:
        super().__init__(parent)
        self.installation = installation
        self.clock = clock
        self.identity: StationIdentity | None = None
        self.setWindowTitle(self.tr("首次设置"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "欢迎使用消费维权服务站登记系统。请先选择这台电脑的用途，再填写编码和名称；"
                "编码由县消协统一分配，设置后不能更改。"
            )
        )
        intro.setWordWrap(True)

        self.station_radio = QRadioButton(self.tr("服务站"))
        self.county_radio = QRadioButton(self.tr("县消协"))
        self.station_radio.setChecked(True)
        self.role_note = QLabel()  # what the role does, in a line that wraps
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("color: #57606a;")
        roles = QVBoxLayout()
        roles.setSpacing(4)
        choice = QHBoxLayout()
        choice.setSpacing(24)
        choice.addWidget(self.station_radio)
        choice.addWidget(self.county_radio)
        choice.addStretch(1)
        roles.addLayout(choice)
        roles.addWidget(self.role_note)
        self.county_radio.toggled.connect(self._show_role)

        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(32)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.county_edit = QLineEdit()
        self.county_edit.setPlaceholderText(self.tr("6 位数字，可不填，例如 511921"))
        self.county_edit.setMaxLength(12)
        self.code_label = QLabel()
        self.name_label = QLabel()

        self.field_errors = {
            "station_code": self._error_label(),
            "station_name": self._error_label(),
            "county_code": self._error_label(),
        }
        self.general_error = self._error_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("用途："), roles)
        form.addRow(self.code_label, self.code_edit)
        form.addRow("", self.field_errors["station_code"])
        form.addRow(self.name_label, self.name_edit)
        form.addRow("", self.field_errors["station_name"])
        form.addRow(self.tr("县级区划代码："), self.county_edit)
        form.addRow("", self.field_errors["county_code"])

        self.buttons = ok_cancel_buttons(self, self.tr("保存并开始"), self.tr("退出"), self.save)
        self.ok_button = self.buttons.button(OK)

        layout = dialog_column(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        # a new installation: the station head's account, whose password encrypts the database
        self.account: HeadAccountFields | None = None
        if with_account:
            self.account = HeadAccountFields()
            account_box = QGroupBox(self.tr("站长账户"))
            account_note = QLabel(
                self.tr(
                    "本机数据加密保存，凭账户密码打开。站长可为每位联络员添加账户；"
                    "忘记密码可由站长或县消协重置。"
                )
            )
            account_note.setWordWrap(True)
            account_note.setStyleSheet(NOTE_STYLE)
            box_layout = QVBoxLayout(account_box)
            box_layout.addWidget(account_note)
            box_layout.addWidget(self.account)
            layout.addWidget(account_box)
            for edit in self.account.edits():
                edit.textChanged.connect(self._update_ok)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)

        for edit in (self.code_edit, self.name_edit, self.county_edit):
            edit.textChanged.connect(self._update_ok)
        self._show_role()
        self._update_ok()

    @property
    def role(self) -> str:
        return "county" if self.county_radio.isChecked() else "station"

    def _show_role(self) -> None:
        """Labels and examples of the role chosen."""
        if self.county_radio.isChecked():
            self.role_note.setText(self.tr("汇总各服务站的数据包，审核冲突，看全县统计。"))
            self.code_label.setText(self.tr("县消协编码："))
            self.name_label.setText(self.tr("县消协名称："))
            self.code_edit.setPlaceholderText(self.tr("例如 TJXX"))
            self.name_edit.setPlaceholderText(self.tr("例如 通江县消费者协会"))
        else:
            self.role_note.setText(self.tr("登记投诉和来访，每月交台账，向县消协报送数据。"))
            self.code_label.setText(self.tr("服务站编码："))
            self.name_label.setText(self.tr("服务站名称："))
            self.code_edit.setPlaceholderText(self.tr("例如 TJ001"))
            self.name_edit.setPlaceholderText(self.tr("例如 通江县诺江镇消费维权服务站"))
        if self.isVisible():
            self.adjustSize()  # the note may take another line

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _update_ok(self) -> None:
        filled = bool(self.code_edit.text().strip() and self.name_edit.text().strip())
        self.ok_button.setEnabled(filled and (self.account is None or self.account.filled()))

    def _show_errors(self, by_field: dict[str, str], general: str = "") -> None:
        for name, label in self.field_errors.items():
            message = by_field.get(name, "")
            label.setText(QCoreApplication.translate("errors", message) if message else "")
            label.setVisible(bool(message))
        self.general_error.setText(general)
        self.general_error.setVisible(bool(general))

    def _encrypt(self) -> None:
        """Check the identity and the account, then make the (still empty) database an
        encrypted one under the head's account; raises on refusal, changing nothing."""
        assert self.account is not None
        check_identity(
            self.code_edit.text(), self.name_edit.text(), self.county_edit.text(), "station"
        )
        head = self.account.head()
        root = self.installation.paths.root
        self.installation.close()
        self.installation = open_installation(root, head, clock=self.clock)

    def save(self) -> None:
        try:
            if self.account is not None and not self.installation.encrypted:
                self._encrypt()
            identity = init_station(
                self.installation,
                code=self.code_edit.text(),
                name=self.name_edit.text(),
                county_code=self.county_edit.text(),
                role=self.role,
                clock=self.clock,
            )
        except ValidationFailed as refused:
            by_field = refused.by_field()
            self._show_errors(by_field)
            if not set(by_field) & set(self.field_errors):
                return  # the account's fields show their own reasons
            first = {"station_code": self.code_edit, "station_name": self.name_edit}.get(
                next(iter(by_field), ""), self.county_edit
            )
            first.setFocus()
            first.selectAll()
            return
        except StationError as refused:
            self._show_errors({}, QCoreApplication.translate("errors", str(refused)))
            return
        self.identity = identity
        self.accept()
