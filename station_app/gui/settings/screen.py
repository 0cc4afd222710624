"""设置: the station's details, its officers and who is at the keyboard, language and text size,
the backup folder, a backup now and restoring from a backup.

Station details and the backup folder are domain settings (in the database, through the core);
the language, the text size and the officer at the keyboard are per user (QSettings).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.access.permissions import (
    ManagingAct,
    NotPermitted,
    check_may_manage_installation,
    may_manage_installation,
    may_manage_personal_data,
)
from station_app.changes import Changes
from station_app.errors import StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import show_refusal
from station_app.gui.settings.accounts_section import AccountsGroup
from station_app.gui.settings.backup_section import BackupSection
from station_app.gui.settings.officers import AddOfficerDialog, OfficerTableModel
from station_app.gui.settings.personal_data import PersonalDataGroup
from station_app.gui.settings.preferences import (
    LANGUAGE_CHOICES,
    LANGUAGE_KEY,
    LARGE_TEXT_KEY,
    OFFICER_KEY,
    stored_language,
    stored_large_text,
    stored_officer,
)
from station_app.gui.widgets.dialog_parts import button_bar, push_button
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.gui.widgets.note_styles import DONE_STYLE, NOTE_STYLE
from station_app.installation import init_station
from station_app.registry.officers import (
    OfficerRow,
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

# --- the screen -----------------------------------------------------------------------------------


class SettingsScreen(BackupSection, QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.settings = QSettings()
        self._filling = False
        self.progress: QProgressDialog | None = None

        self.columns = columns = QGridLayout()
        columns.setHorizontalSpacing(16)
        columns.setVerticalSpacing(16)
        columns.addWidget(self._station_group(), 0, 0)
        columns.addWidget(self._display_group(), 1, 0)
        columns.addWidget(self._officers_group(), 0, 1, 2, 1)
        columns.addWidget(self._backup_group(), 2, 0, 1, 2)
        self.personal_data_group: PersonalDataGroup | None = None
        self.accounts_group: AccountsGroup | None = None
        self._add_managing_groups()
        columns.setColumnStretch(0, 2)
        columns.setColumnStretch(1, 3)
        columns.setRowStretch(4, 1)

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
        app.jobs.changes_committed.connect(self._changes_committed)

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
        self.station_locked_note = QLabel(self.tr("只有站长（县消协负责人）可以修改本站信息。"))
        self.station_locked_note.setWordWrap(True)
        self.station_locked_note.setStyleSheet(NOTE_STYLE)
        form = self.station_form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.station_locked_note)
        form.addRow(self.tr("服务站编码："), self.code_label)
        form.addRow(self.tr("服务站名称："), self.name_edit)
        form.addRow(self.tr("县级区划代码："), self.county_edit)
        row = self.save_station_row = QHBoxLayout()
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

        self.add_officer_button = push_button(None, self.tr("添加联络员…"), self.open_add_officer)
        self.toggle_officer_button = push_button(
            None, self.tr("停用"), self.toggle_selected_officer
        )
        buttons = button_bar((self.add_officer_button, self.toggle_officer_button))
        self.officers_locked_note = QLabel(
            self.tr("添加或停用联络员须由站长（县消协负责人）操作。")
        )
        self.officers_locked_note.setWordWrap(True)
        self.officers_locked_note.setStyleSheet(NOTE_STYLE)
        self.officers_locked_note.hide()

        layout = QVBoxLayout(group)
        layout.addLayout(current)
        layout.addWidget(hint)
        layout.addWidget(self.officer_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.officers_locked_note)
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

    # loading -------------------------------------------------------------------------------------

    def _changes_committed(self, changes: Changes) -> None:
        if self._filling or not changes.touches("settings", "roster"):
            return
        self.reload()
        if changes.everything or changes.roster or "officers" in changes.settings:
            self._officer_chosen()  # the officer at the keyboard may have left the list

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
            self._offer_managing()
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
        elif kind.source == "default" and not self.manages_installation:
            note = self.tr(
                "名册未规定本站类型，目前按消协分会/投诉站出具文书；请站长按本站实际选择后保存。"
            )
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
        self.office_edit.setEnabled(
            self.manages_installation and self.kind_combo.currentData() == ENTRUSTED
        )

    def _add_managing_groups(self) -> None:
        """The sections only the station's head sees (retention and personal-data exports, the
        accounts), when the person signed in may use them and they are not here yet."""
        signed_in = self.app.installation.signed_in
        if self.personal_data_group is None and may_manage_personal_data(signed_in):
            self.personal_data_group = PersonalDataGroup(self.app)
            self.columns.addWidget(self.personal_data_group, 3, 0, 1, 2)
        if self.accounts_group is None and signed_in is not None and signed_in.manages:
            self.accounts_group = AccountsGroup(self.app)
            self.columns.addWidget(self.accounts_group, 4, 0, 1, 2)

    def apply_person(self) -> None:
        """Another person unlocked the window (``MainWindow.person_changed``): show what they
        may do here."""
        self._add_managing_groups()
        self.reload()  # with the details and restoring offered as the person may

    @property
    def manages_installation(self) -> bool:
        """Whether the person at the keyboard may change the station's details and restore a
        backup (the station's head, the county's head; anyone on an installation without
        accounts)."""
        return may_manage_installation(self.app.installation.signed_in)

    def _offer_managing(self) -> None:
        """The station's details read-only, and no restoring, for an officer (with a note why)."""
        manages = self.manages_installation
        for field in (self.name_edit, self.county_edit):
            field.setEnabled(manages)
        if not manages:
            self.kind_combo.setEnabled(False)
        self._kind_chosen()
        self.station_form.setRowVisible(self.station_locked_note, not manages)
        self.station_form.setRowVisible(self.save_station_row, manages)
        self.station_form.setRowVisible(self.save_kind_button, manages)
        self.restore_button.setVisible(manages)
        self.restore_locked_note.setVisible(not manages)
        self.change_folder_button.setVisible(manages)
        self.add_officer_button.setVisible(manages)
        self.toggle_officer_button.setVisible(manages)
        self.officers_locked_note.setVisible(not manages)

    def save_kind(self) -> None:
        if not self._may_manage_here():
            return
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
        signed_in = self.app.installation.signed_in
        if signed_in is not None:  # records are made in the signed-in person's name
            self.officer_combo.clear()
            self.officer_combo.addItem(signed_in.name, "")
            self.officer_combo.setToolTip(self.tr("已登录的人；换人请锁定后由其本人登录。"))
        self.officer_combo.setEnabled(signed_in is None)
        self.officer_combo.blockSignals(False)
        self._update_officer_buttons()

    # station details -----------------------------------------------------------------------------

    def save_station(self) -> None:
        identity = self.app.installation.identity()
        if identity is None or not self._may_manage_here():
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

    def open_add_officer(self) -> AddOfficerDialog | None:
        if not self._may_manage_here(ManagingAct.OFFICERS):
            return None
        dialog = AddOfficerDialog(self.app, self)  # the list reloads from the change set
        dialog.open()
        return dialog

    def toggle_selected_officer(self) -> None:
        officer = self.selected_officer()
        if officer is None or not officer.local or not self._may_manage_here(ManagingAct.OFFICERS):
            return
        ctx = self.app.context()
        self.app.jobs.run_write(
            lambda: set_officer_active(ctx, officer.id, not officer.active),
            None,  # the list reloads from the change set
            self._refused,
            title=self.tr("停用联络员"),
        )

    def _officer_chosen(self, *_args: object) -> None:
        if not self.station_code or self.app.installation.signed_in is not None:
            return
        uid = str(self.officer_combo.currentData() or "")
        self.settings.setValue(OFFICER_KEY.format(station=self.station_code), uid)
        name = self.officer_combo.currentText() if uid else AppContext.actor
        if self.app.actor != name:
            self.app.actor = name
            self._filling = True
            try:  # no write: who is working is kept in QSettings, but the window shows it
                self.app.jobs.announce(Changes.of(settings=["actor"]))
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

    def show_problem(self, error: StationError) -> None:
        show_refusal(error, self)

    def _may_manage_here(self, act: ManagingAct = ManagingAct.INSTALLATION) -> bool:
        """Whether the person at the keyboard may do ``act`` (restore, change the station's
        details, its officers or its backup folder); if not (a button reached all the same), the
        refusal says who may."""
        try:
            check_may_manage_installation(self.app.installation.signed_in, act)
        except NotPermitted as error:
            self.show_problem(error)
            return False
        return True

    def _refused(self, error: Exception) -> None:
        if isinstance(error, StationError):
            self.show_problem(error)
        else:
            raise error
