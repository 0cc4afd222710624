"""设置 → 个人信息保护: the retention period with a preview before anonymising, and a person's
own records (PIPL Art. 45) saved as PDF. The core does the work (``station_app.access``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from station_app.access import retention
from station_app.access.personal_export import (
    PersonalRecords,
    default_file_name,
    personal_records,
    record_personal_export,
)
from station_app.access.retention import RetentionPreview
from station_app.changes import Changes
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.dialog_parts import button_bar, confirm, push_button
from station_app.gui.widgets.note_styles import DONE_STYLE, NOTE_STYLE
from station_app.gui.widgets.save_paths import PDF, choose_save_path

EXPORT_FOLDER_KEY = "settings/personal_export_folder"


class PersonalDataGroup(QGroupBox):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("个人信息保护"))
        self.app = app
        self.previewed: RetentionPreview | None = None
        identity = app.installation.identity()
        self.is_county = identity is not None and identity.is_county

        self.years_spin = QSpinBox(self)
        self.years_spin.setObjectName("retentionYears")
        self.years_spin.setRange(*retention.YEARS_RANGE)
        self.years_spin.setSuffix(self.tr(" 年"))
        self.save_years_button = push_button(
            self, self.tr("保存"), self.save_years, name="saveRetentionYears"
        )
        self.preview_button = push_button(
            self, self.tr("预览匿名化…"), self.preview, name="previewRetention"
        )
        self.apply_button = push_button(
            self, self.tr("执行匿名化"), self.apply, name="applyRetention"
        )
        self.apply_button.setEnabled(False)
        self.retention_note = QLabel(self)
        self.retention_note.setObjectName("retentionNote")
        self.retention_note.setWordWrap(True)
        self.retention_note.setStyleSheet(NOTE_STYLE)
        years_row = button_bar(
            (self.years_spin, self.save_years_button, self.preview_button, self.apply_button)
        )

        self.person_edit = QLineEdit(self)
        self.person_edit.setObjectName("personalExportKey")
        self.person_edit.setPlaceholderText(self.tr("身份证号或电话"))
        self.person_edit.setMaxLength(40)
        self.export_button = QPushButton(self.tr("导出本人信息 PDF…"), self)
        self.export_button.setObjectName("personalExport")
        self.export_button.clicked.connect(self.export_personal)
        self.export_note = QLabel(self)
        self.export_note.setObjectName("personalExportNote")
        self.export_note.setWordWrap(True)
        export_row = QHBoxLayout()
        export_row.addWidget(self.person_edit, 1)
        export_row.addWidget(self.export_button)

        form = QFormLayout(self)
        for widget in (
            self.years_spin,
            self.save_years_button,
            self.preview_button,
            self.apply_button,
            self.retention_note,
        ):
            widget.setVisible(not self.is_county)  # the stations apply retention, not the county
        if self.is_county:
            county_note = QLabel(
                self.tr("保存期限由各服务站执行，匿名化的结果随数据包送达县消协。"), self
            )
            county_note.setWordWrap(True)
            form.addRow(self.tr("保存期限："), county_note)
        else:
            hint = QLabel(
                self.tr(
                    "办结超过保存期限的投诉，当事人的姓名、电话、身份证号、住址将被替换，"
                    "统计数字保留；执行前先预览。"
                ),
                self,
            )
            hint.setWordWrap(True)
            form.addRow(self.tr("保存期限："), years_row)
            form.addRow("", hint)
            form.addRow("", self.retention_note)
        form.addRow(self.tr("本人查阅："), export_row)
        form.addRow("", self.export_note)
        self.reload()

    def reload(self) -> None:
        if not self.is_county:
            self.years_spin.setValue(retention.retention_years())

    # retention -------------------------------------------------------------------------------

    def _note(self, text: str, done: bool = False) -> None:
        self.retention_note.setStyleSheet(DONE_STYLE if done else NOTE_STYLE)
        self.retention_note.setText(text)

    def save_years(self) -> None:
        years = self.years_spin.value()
        self.previewed = None
        self.apply_button.setEnabled(False)
        self.app.jobs.run_write(
            lambda: retention.set_retention_years(years),
            lambda _none: self._note(
                self.tr("保存期限已设为 %1 年。").replace("%1", str(years)), True
            ),
            self._refused,
        )

    def preview(self) -> None:
        years, app = self.years_spin.value(), self.app
        self.apply_button.setEnabled(False)
        self.app.jobs.run_query(
            lambda: retention.preview(app.context(), years), self._previewed, self._refused
        )

    def _previewed(self, shown: RetentionPreview) -> None:
        self.previewed = shown
        self._note("\n".join(shown.lines()))
        self.apply_button.setEnabled(shown.people > 0)

    def confirm_apply(self, shown: RetentionPreview) -> bool:
        """Ask before anonymising (tests replace this method)."""
        question = self.tr("匿名化后无法恢复这些个人信息（备份除外）。确定执行吗？")
        return confirm(
            self,
            QMessageBox.Icon.Warning,
            self.tr("执行匿名化"),
            "\n".join(shown.lines()) + "\n\n" + question,
            self.tr("执行"),
            self.tr("取消"),
        )

    def apply(self) -> None:
        shown = self.previewed
        if shown is None or not self.confirm_apply(shown):
            return
        years, app = shown.years, self.app
        self.apply_button.setEnabled(False)
        self.app.jobs.run_write(
            lambda: retention.anonymise(app.context(), years), self._applied, self._refused
        )

    def _applied(self, done: RetentionPreview) -> None:
        self.previewed = None
        self._note(
            self.tr("已匿名化 %1 条投诉的 %2 位当事人。")
            .replace("%1", str(done.complaints))
            .replace("%2", str(done.people)),
            True,
        )
        # names, phones and texts of many complaints and visits changed: every list refreshes
        self.app.jobs.announce(Changes.all())

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, StationError):
            raise error
        self._note(str(error))

    # a person's own records ------------------------------------------------------------------

    def export_personal(self) -> None:
        key = self.person_edit.text().strip()
        digits = key.replace(" ", "").replace("-", "")
        as_id = len(digits) == 18 or (len(digits) == 15 and not digits.startswith("1"))
        app = self.app
        self.export_note.clear()
        self.app.jobs.run_query(
            lambda: personal_records(
                app.context(), id_number=key if as_id else None, phone=None if as_id else key
            ),
            self._records_ready,
            self._export_refused,
        )

    def choose_file(self, records: PersonalRecords) -> Path | None:
        """Where to save the PDF (tests replace this method)."""
        return choose_save_path(
            self,
            self.tr("导出本人信息"),
            default_file_name(records, self.app.clock.today()),
            PDF,
            EXPORT_FOLDER_KEY,
        )

    def _records_ready(self, records: PersonalRecords) -> None:
        from station_app.gui.reports.printing import write_pdf

        target = self.choose_file(records)
        if target is None:
            return
        target = PDF.path_for(target)
        try:
            written = write_pdf(records.content, target)
        except OSError as error:
            self.export_note.setText(
                self.tr("无法保存文件 %1：%2").replace("%1", str(target)).replace("%2", str(error))
            )
            return
        app = self.app
        self.app.jobs.run_write(
            lambda: record_personal_export(app.context(), records, str(written)),
            lambda _none: self.export_note.setText(
                self.tr("已保存 %1（%2 条投诉、%3 条来访）。")
                .replace("%1", str(written))
                .replace("%2", str(records.complaints))
                .replace("%3", str(records.visits))
            ),
            self._export_refused,
        )

    def _export_refused(self, error: Exception) -> None:
        if not isinstance(error, StationError):
            raise error
        self.export_note.setText(str(error))
