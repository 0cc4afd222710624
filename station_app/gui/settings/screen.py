"""设置: the station's details, its officers and who is at the keyboard, language and text size,
the backup folder, a backup now and restoring from a backup.

Station details and the backup folder are domain settings (in the database, through the core);
the language, the text size and the officer at the keyboard are per user (QSettings).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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
from station_app.errors import BackupError, StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import show_refusal
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.installation import init_station
from station_app.registry.officers import (
    OfficerRow,
    add_officer,
    find_officer,
    list_officers,
    set_officer_active,
)
from station_app.registry.station_kinds import (
    ENTRUSTED,
    KINDS,
    LIAISON,
    OFFICE_MAX_LENGTH,
    kind_label,
    set_station_kind,
    station_kind,
)

LANGUAGE_KEY = "display/language"  # "system" | "zh_CN" | "en"
LARGE_TEXT_KEY = "display/large_text"
OFFICER_KEY = "officer/{station}"  # the uid of the officer at the keyboard, per station
LANGUAGE_CHOICES = ("system", "zh_CN", "en")
NOTE_STYLE = "color: #57606a;"
DONE_STYLE = "color: #1a7f37;"


# --- per-user preferences, read at start by app.py -----------------------------------------------


def stored_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, "system") or "system")
    return value if value in LANGUAGE_CHOICES else "system"


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en``. Following the system means English only on an English system: the
    program is written in Chinese, and a bare "C" locale says nothing about the officer."""
    if choice in ("zh_CN", "en"):
        return choice
    locale = system if system is not None else QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "zh_CN"


def stored_large_text(settings: QSettings) -> bool:
    return str(settings.value(LARGE_TEXT_KEY, "false")).lower() in ("true", "1")


def stored_officer(settings: QSettings, station_code: str) -> OfficerRow | None:
    """The officer last chosen at this keyboard, while still an active officer of the station."""
    uid = str(settings.value(OFFICER_KEY.format(station=station_code), "") or "")
    officer = find_officer(station_code, uid) if uid else None
    return officer if officer is not None and officer.active else None


def apply_stored_officer(app: AppContext, settings: QSettings) -> None:
    identity = app.installation.identity()
    officer = stored_officer(settings, identity.code) if identity else None
    if officer is not None:
        app.actor = officer.name


# --- the officers table ---------------------------------------------------------------------------


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
                officer.role or "",
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("添加"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
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


# --- the screen -----------------------------------------------------------------------------------


class SettingsScreen(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.settings = QSettings()
        self._filling = False
        self.progress: QProgressDialog | None = None

        columns = QGridLayout()
        columns.setHorizontalSpacing(16)
        columns.setVerticalSpacing(16)
        columns.addWidget(self._station_group(), 0, 0)
        columns.addWidget(self._display_group(), 1, 0)
        columns.addWidget(self._officers_group(), 0, 1, 2, 1)
        columns.addWidget(self._backup_group(), 2, 0, 1, 2)
        columns.setColumnStretch(0, 2)
        columns.setColumnStretch(1, 3)
        columns.setRowStretch(3, 1)

        body = QWidget()
        body.setLayout(columns)
        body.setStyleSheet(INVALID_STYLE)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        title = QLabel(self.tr("设置"))
        title_font = title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        title.setFont(title_font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)

        self.reload()
        app.events.settings_changed.connect(self._settings_changed)

    # building ------------------------------------------------------------------------------------

    def _station_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("本站信息"))
        self.code_label = QLabel()
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setToolTip(self.tr("服务站编码由县消协分配，不能更改。"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.county_edit = QLineEdit()
        self.county_edit.setMaxLength(12)
        self.county_edit.setPlaceholderText(self.tr("6 位数字，可不填"))
        self.save_station_button = QPushButton(self.tr("保存本站信息"))
        self.save_station_button.clicked.connect(self.save_station)
        self.station_note = QLabel()
        self.station_note.setStyleSheet(DONE_STYLE)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("服务站编码："), self.code_label)
        form.addRow(self.tr("服务站名称："), self.name_edit)
        form.addRow(self.tr("县级区划代码："), self.county_edit)
        row = QHBoxLayout()
        row.addWidget(self.save_station_button)
        row.addWidget(self.station_note, 1)
        form.addRow("", row)
        self.station_errors = FieldErrors(self)
        self.station_errors.register_many(
            {"station_name": self.name_edit, "county_code": self.county_edit}
        )
        self._kind_rows(form)
        return group

    def _kind_rows(self, form: QFormLayout) -> None:
        """本站类型: who issues the papers and which decisions the station takes."""
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("stationKind")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.office_edit = QLineEdit()
        self.office_edit.setObjectName("entrustingOffice")
        self.office_edit.setMaxLength(OFFICE_MAX_LENGTH)
        self.office_edit.setPlaceholderText(self.tr("如 某某县市场监督管理局"))
        self.save_kind_button = QPushButton(self.tr("保存本站类型"))
        self.save_kind_button.clicked.connect(self.save_kind)
        self.kind_note = QLabel()
        self.kind_note.setWordWrap(True)
        self.kind_note.setStyleSheet(NOTE_STYLE)
        form.addRow(self.tr("本站类型："), self.kind_combo)
        form.addRow(self.tr("委托机关："), self.office_edit)
        form.addRow("", self.save_kind_button)
        form.addRow("", self.kind_note)
        self.station_errors.register_many(
            {"station_kind": self.kind_combo, "entrusting_office": self.office_edit}
        )

    def _officers_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("联络员"))
        self.officer_combo = QComboBox()
        self.officer_combo.setMinimumContentsLength(10)
        self.officer_combo.currentIndexChanged.connect(self._officer_chosen)
        current = QFormLayout()
        current.addRow(self.tr("当前联络员："), self.officer_combo)
        hint = QLabel(self.tr("在这台电脑上登记的记录都记在当前联络员名下。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)

        self.officer_model = OfficerTableModel(self)
        self.officer_table = QTableView()
        self.officer_table.setModel(self.officer_model)
        self.officer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.officer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.officer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.officer_table.verticalHeader().hide()
        self.officer_table.horizontalHeader().setStretchLastSection(True)
        self.officer_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.officer_table.setMinimumHeight(180)
        self.officer_table.selectionModel().selectionChanged.connect(self._update_officer_buttons)

        self.add_officer_button = QPushButton(self.tr("添加联络员…"))
        self.add_officer_button.clicked.connect(self.open_add_officer)
        self.toggle_officer_button = QPushButton(self.tr("停用"))
        self.toggle_officer_button.clicked.connect(self.toggle_selected_officer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_officer_button)
        buttons.addWidget(self.toggle_officer_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(group)
        layout.addLayout(current)
        layout.addWidget(hint)
        layout.addWidget(self.officer_table, 1)
        layout.addLayout(buttons)
        return group

    def _display_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("显示"))
        self.language_combo = QComboBox()
        for value, label in (
            ("system", self.tr("跟随系统")),
            ("zh_CN", self.tr("简体中文")),
            ("en", "English"),
        ):
            self.language_combo.addItem(label, value)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.large_text_check = QCheckBox(self.tr("较大字号（看得更清楚）"))
        self.large_text_check.toggled.connect(self._large_text_chosen)
        self.restart_note = QLabel(self.tr("重新启动后生效。"))
        self.restart_note.setStyleSheet(NOTE_STYLE)
        self.restart_note.hide()
        form = QFormLayout(group)
        form.addRow(self.tr("界面语言："), self.language_combo)
        form.addRow("", self.large_text_check)
        form.addRow("", self.restart_note)
        return group

    def _backup_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("备份与恢复"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.change_folder_button = QPushButton(self.tr("更改…"))
        self.change_folder_button.clicked.connect(self.change_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.change_folder_button)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_note.setStyleSheet(NOTE_STYLE)

        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.clicked.connect(lambda _checked=False: self.backup_now())
        self.backup_elsewhere_button = QPushButton(self.tr("备份到U盘或其他文件夹…"))
        self.backup_elsewhere_button.clicked.connect(self.backup_elsewhere)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.clicked.connect(self.restore_from_backup)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addWidget(self.backup_elsewhere_button)
        actions.addStretch(1)
        actions.addWidget(self.restore_button)
        self.backup_note = QLabel()
        self.backup_note.setWordWrap(True)
        self.backup_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("备份文件夹："), folder_row)
        form.addRow("", self.folder_note)
        form.addRow("", actions)
        form.addRow("", self.backup_note)
        return group

    # loading -------------------------------------------------------------------------------------

    def _settings_changed(self) -> None:
        if not self._filling:
            self.reload()

    def reload(self) -> None:
        """Fill every section from the database and QSettings."""
        self._filling = True
        try:
            identity = self.app.installation.identity()
            self.station_code = identity.code if identity else ""
            self.code_label.setText(self.station_code)
            self.name_edit.setText(identity.name if identity else "")
            self.county_edit.setText(identity.county_code or "" if identity else "")
            self._load_kind()
            self._load_officers()
            language = stored_language(self.settings)
            self.language_combo.setCurrentIndex(LANGUAGE_CHOICES.index(language))
            self.large_text_check.setChecked(stored_large_text(self.settings))
            self._load_backup_folder()
        finally:
            self._filling = False

    def _load_kind(self) -> None:
        if self.app.installation.identity() is None:
            return
        kind = station_kind()
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind.kind)))
        self.office_edit.setText(kind.office or "")
        self.kind_combo.setEnabled(not kind.set_by_roster)
        self.save_kind_button.setEnabled(True)
        if kind.set_by_roster:
            note = self.tr("本站类型由县里的名册规定，不能在这里更改。")
        elif kind.source == "default":
            note = self.tr(
                "名册未规定本站类型，目前按消协分会/投诉站出具文书；请按本站实际选择后保存。"
            )
        else:
            note = self.tr("名册未规定本站类型，这里的选择由站长设置。")
        self.kind_note.setText(note + " " + self._kind_meaning(kind.kind))
        self._kind_chosen()

    def _kind_meaning(self, kind: str) -> str:
        if kind == ENTRUSTED:
            return self.tr("受委托站的文书以委托机关的名义出具。")
        if kind == LIAISON:
            return self.tr("联络站只登记投诉并转交市场监管部门，不作受理决定，不组织调解。")
        return self.tr("消协分会/投诉站的文书以本站名义出具，参照市场监管投诉处理办法。")

    def _kind_chosen(self, *_args: object) -> None:
        self.office_edit.setEnabled(self.kind_combo.currentData() == ENTRUSTED)

    def save_kind(self) -> None:
        kind = str(self.kind_combo.currentData())
        office = self.office_edit.text()
        self.station_errors.clear_all()
        self.station_note.clear()
        self.app.jobs.run_write(
            lambda: set_station_kind(kind, office),
            self._station_saved,
            self._station_refused,
            title=self.tr("保存本站类型"),
        )

    def _load_officers(self) -> None:
        officers = list_officers(self.station_code) if self.station_code else []
        self.officer_model.set_rows(officers)
        current = stored_officer(self.settings, self.station_code) if self.station_code else None
        self.officer_combo.blockSignals(True)
        self.officer_combo.clear()
        self.officer_combo.addItem(self.tr("（未指定）"), "")
        for officer in officers:
            if officer.active:
                self.officer_combo.addItem(officer.name, officer.uid)
        # nothing chosen here yet: the officer the program was started as, when listed
        uid = current.uid if current else ""
        if not uid:
            uid = next((o.uid for o in officers if o.active and o.name == self.app.actor), "")
        index = self.officer_combo.findData(uid) if uid else 0
        self.officer_combo.setCurrentIndex(max(index, 0))
        self.officer_combo.blockSignals(False)
        self._update_officer_buttons()

    def _load_backup_folder(self) -> None:
        paths = self.app.installation.paths
        chosen = configured_backup_folder()
        folder = backup_folder(paths)
        self.folder_edit.setText(str(folder))
        if chosen is not None and folder != chosen:
            self.folder_note.setText(
                self.tr(
                    "所选文件夹 {folder} 现在找不到（U盘未插入？），自动备份暂时存放在上面的文件夹。"
                ).format(folder=chosen)
            )
        else:
            self.folder_note.setText(self.tr("程序每天自动备份一次，保留最近 14 份。"))
        backups = list_backups(backup_folders(paths))
        if backups and not self.backup_note.text():
            self.backup_note.setStyleSheet(NOTE_STYLE)
            self.backup_note.setText(
                self.tr("最近一次备份：{when}").format(when=when_taken(backups[0].taken_at))
            )

    # station details -----------------------------------------------------------------------------

    def save_station(self) -> None:
        identity = self.app.installation.identity()
        if identity is None:
            return
        installation, clock = self.app.installation, self.app.clock
        name, county = self.name_edit.text(), self.county_edit.text()
        self.station_errors.clear_all()
        self.station_note.clear()
        self.app.jobs.run_write(
            lambda: init_station(
                installation,
                code=identity.code,
                name=name,
                county_code=county,
                role=identity.role,
                clock=clock,
            ),
            self._station_saved,
            self._station_refused,
            title=self.tr("保存本站信息"),
        )

    def _station_saved(self, _identity: object) -> None:
        self.station_note.setText(self.tr("已保存。"))
        self.app.events.settings_changed.emit()

    def _station_refused(self, error: Exception) -> None:
        if isinstance(error, ValidationFailed):
            unplaced = self.station_errors.show(
                {
                    field: QCoreApplication.translate("errors", message)
                    for field, message in error.by_field().items()
                }
            )
            if unplaced:
                self.show_problem(StationError(next(iter(unplaced.values()))))
        elif isinstance(error, StationError):
            self.show_problem(error)
        else:
            raise error

    # officers ------------------------------------------------------------------------------------

    def selected_officer(self) -> OfficerRow | None:
        rows = self.officer_table.selectionModel().selectedRows()
        return self.officer_model.officer_at(rows[0].row()) if rows else None

    def _update_officer_buttons(self, *_args: object) -> None:
        officer = self.selected_officer()
        self.toggle_officer_button.setText(
            self.tr("重新启用") if officer is not None and not officer.active else self.tr("停用")
        )
        self.toggle_officer_button.setEnabled(officer is not None and officer.local)
        if officer is not None and not officer.local:
            self.toggle_officer_button.setToolTip(self.tr("名册中的联络员由县消协在名册中停用。"))
        else:
            self.toggle_officer_button.setToolTip("")

    def open_add_officer(self) -> AddOfficerDialog:
        dialog = AddOfficerDialog(self.app, self)
        dialog.accepted.connect(self._officers_changed)
        dialog.open()
        return dialog

    def toggle_selected_officer(self) -> None:
        officer = self.selected_officer()
        if officer is None or not officer.local:
            return
        ctx = self.app.context()
        self.app.jobs.run_write(
            lambda: set_officer_active(ctx, officer.id, not officer.active),
            lambda _row: self._officers_changed(),
            self._refused,
            title=self.tr("停用联络员"),
        )

    def _officers_changed(self) -> None:
        self._filling = True
        try:
            self._load_officers()
        finally:
            self._filling = False
        self._officer_chosen()
        self.app.events.settings_changed.emit()  # forms offer the officers

    def _officer_chosen(self, *_args: object) -> None:
        if not self.station_code:
            return
        uid = str(self.officer_combo.currentData() or "")
        self.settings.setValue(OFFICER_KEY.format(station=self.station_code), uid)
        name = self.officer_combo.currentText() if uid else AppContext.actor
        if self.app.actor != name:
            self.app.actor = name
            self._filling = True
            try:
                self.app.events.settings_changed.emit()
            finally:
                self._filling = False

    # display -------------------------------------------------------------------------------------

    def _language_chosen(self, index: int) -> None:
        if self._filling:
            return
        self.settings.setValue(LANGUAGE_KEY, LANGUAGE_CHOICES[index])
        self.restart_note.show()

    def _large_text_chosen(self, checked: bool) -> None:
        if self._filling:
            return
        self.settings.setValue(LARGE_TEXT_KEY, checked)
        self.restart_note.show()

    # backup --------------------------------------------------------------------------------------

    def choose_folder(self, title: str, start: Path) -> Path | None:
        """A folder picked by the officer (tests replace this method)."""
        chosen = QFileDialog.getExistingDirectory(self, title, str(start))
        return Path(chosen) if chosen else None

    def choose_backup_file(self, start: Path) -> Path | None:
        """A backup file picked by the officer (tests replace this method)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), str(start), self.tr("备份文件 (*.sqlite3)")
        )
        return Path(chosen) if chosen else None

    def show_problem(self, error: StationError) -> None:
        show_refusal(error, self)

    def change_backup_folder(self) -> None:
        folder = self.choose_folder(self.tr("选择备份文件夹"), Path(self.folder_edit.text()))
        if folder is None:
            return
        self.app.jobs.run_write(
            lambda: set_backup_folder(folder),
            lambda _none: self._load_backup_folder(),
            self._refused,
            title=self.tr("更改备份文件夹"),
        )

    def backup_elsewhere(self) -> None:
        folder = self.choose_folder(
            self.tr("选择备份到哪里（U盘或其他文件夹）"), Path(self.folder_edit.text())
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

        self._set_busy(True, self.tr("正在备份…"))
        handle = self.app.jobs.run_read(job, self._backed_up, self._backup_failed)
        handle.progressed.connect(self._progressed)

    def _backed_up(self, path: Path) -> None:
        self._set_busy(False)
        self.backup_note.setStyleSheet(DONE_STYLE)
        self.backup_note.setText(self.tr("已备份到 {path}").format(path=path))

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
            self.progress.setWindowTitle(self.tr("请稍候"))
            self.progress.setCancelButton(None)  # type: ignore[arg-type]
            self.progress.setMinimumDuration(500)  # only when it lasts
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setAutoClose(False)
            self.progress.setValue(0)
        elif self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _refused(self, error: Exception) -> None:
        if isinstance(error, StationError):
            self.show_problem(error)
        else:
            raise error

    # restore -------------------------------------------------------------------------------------

    def restore_from_backup(self) -> None:
        path = self.choose_backup_file(Path(self.folder_edit.text()))
        if path is None:
            return
        self._set_busy(True, self.tr("正在检查备份文件…"))
        self.app.jobs.run_read(lambda: verify_backup(path), self._verified, self._backup_failed)

    def confirm_restore(self, info: BackupInfo, taken_at: dt.datetime) -> bool:
        """Ask, in plain words, before the data is replaced (tests replace this method)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("从备份恢复"))
        box.setText(self.restore_question(info, taken_at))
        restore = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def restore_question(self, info: BackupInfo, taken_at: dt.datetime) -> str:
        return self.tr(
            "要用 {when} 的备份替换现在的数据吗？\n\n"
            "这份备份里有 {complaints} 件投诉、{visits} 条来访记录。"
            "备份之后登记或修改的内容不会出现在恢复后的数据中。\n\n"
            "现在的数据不会删除，会另存一份在 {folder}，需要时可以找回。"
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
                    self.tr(
                        "这份备份属于服务站 {other}，不是本站（{own}）的备份，不能恢复。"
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
            self.tr("已从 {name} 恢复。原来的数据另存为 {aside}。").format(
                name=info.path.name, aside=aside
            )
        )
        self.app.events.settings_changed.emit()
        self.app.events.complaints_changed.emit()
        self.app.events.visits_changed.emit()


def when_taken(moment: dt.datetime) -> str:
    """A backup's local time as officers read it: 2026年11月20日星期五 10:00."""
    return f"{QLocale().toString(moment.date(), QLocale.FormatType.LongFormat)} {moment:%H:%M}"
