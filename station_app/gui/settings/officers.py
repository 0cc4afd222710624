"""The 联络员 section's table of the station's officers and the dialog that adds one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.errors import StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import show_refusal
from station_app.gui.widgets.dialog_parts import OK, ok_cancel_buttons
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.gui.widgets.note_styles import NOTE_STYLE
from station_app.registry.officers import OfficerRow, add_officer


class OfficerTableModel(QAbstractTableModel):
    """The station's officers; a handful of rows, so held whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OfficerRow] = []
        self.headers = [
            self.tr("姓名"),
            self.tr("电话"),
            self.tr("职务"),
            self.tr("来源"),
            self.tr("状态"),
        ]

    def set_rows(self, rows: list[OfficerRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        officer = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                officer.name,
                officer.phone or "",
                codes.label_for_name("officer_role", officer.role or ""),  # 站长 → Station head
                self.tr("本站添加") if officer.local else self.tr("县消协名册"),
                self.tr("在岗") if officer.active else self.tr("已停用"),
            ][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not officer.active:
            return QGuiApplication.palette().placeholderText()
        if role == Qt.ItemDataRole.UserRole:
            return officer.id
        return None

    def officer_at(self, row: int) -> OfficerRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class AddOfficerDialog(QDialog):
    """添加联络员: name, phone and duty of an officer the roster does not list yet."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.added: OfficerRow | None = None
        self.setWindowTitle(self.tr("添加联络员"))
        self.setMinimumWidth(460)
        self.setStyleSheet(INVALID_STYLE)
        note = QLabel(
            self.tr("名册中没有的联络员可在这里添加；县消协下发的名册中的联络员会自动列出。")
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("手机或固定电话，可不填"))
        self.role_edit = QLineEdit()
        self.role_edit.setMaxLength(32)
        self.role_edit.setPlaceholderText(self.tr("例如 站长，可不填"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("姓名："), self.name_edit)
        form.addRow(self.tr("电话："), self.phone_edit)
        form.addRow(self.tr("职务："), self.role_edit)
        self.errors = FieldErrors(self)
        self.errors.register_many(
            {"name": self.name_edit, "phone": self.phone_edit, "role": self.role_edit}
        )
        self.buttons = ok_cancel_buttons(self, self.tr("添加"), self.tr("取消"), self.save)
        self.ok_button = self.buttons.button(OK)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        name, phone, role = self.name_edit.text(), self.phone_edit.text(), self.role_edit.text()
        ctx = self.app.context()
        self.ok_button.setEnabled(False)
        self.app.jobs.run_write(
            lambda: add_officer(ctx, name, phone=phone, role=role),
            self._added,
            self._refused,
            title=self.tr("添加联络员"),
        )

    def _added(self, officer: OfficerRow) -> None:
        self.added = officer
        self.ok_button.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            reasons = {
                field: QCoreApplication.translate("errors", message)
                for field, message in error.by_field().items()
            }
            self.errors.show(reasons)
        elif isinstance(error, StationError):
            show_refusal(error, self)
        else:
            raise error
