"""统计 → 分析报告: the quarterly or annual complaint analysis report.

The officer picks the quarter or year, writes the report's short text and ticks the typical
cases (told without the consumer's name); 预览 opens the print preview, 保存为 PDF writes the PDF
and its figures (xlsx) beside it. The text and the chosen cases are kept with the report (a write
on the job runner's writer) whenever the report is previewed or saved, and come back when the
same period is chosen again. Everything is read off the GUI thread; only the PDF is laid out on
it (Qt's text layout lives there).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.reports.printing import show_print_preview, write_pdf
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.save_paths import PDF, choose_save_path
from station_app.reports.analysis import (
    AnalysisReport,
    CaseChoice,
    ReportPeriod,
    analysis_report,
    report_period,
    save_note,
    saved_note,
    typical_case_candidates,
)
from station_app.reports.analysis_paper import analysis_document, write_analysis_workbook
from station_app.reports.ledger import scope_name

log = logging.getLogger(__name__)
category_name = code_name(codes.category_list)
outcome_name = code_name(lambda: codes.code_list("outcome"))


def last_finished_quarter(today: dt.date) -> tuple[int, int]:
    """The quarter before the one ``today`` is in: what a report is usually written for."""
    quarter = (today.month - 1) // 3 + 1
    return (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)


REPORT_FOLDER_KEY = "stats/analysis_report_folder"


class AnalysisReportDialog(QDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        identity = app.installation.identity()
        self.is_county = identity is not None and identity.is_county
        self._loaded: tuple[str, bool] | None = None  # (period, county) shown
        self._saved_text = ""
        self._saved_numbers: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("投诉分析报告"))
        self._build()
        self.load()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        year, quarter = last_finished_quarter(self.app.clock.today())
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("季度报告"), "quarter")
        self.kind_combo.addItem(self.tr("年度报告"), "year")
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, self.app.clock.today().year)
        self.year_spin.setValue(year)
        self.quarter_combo = QComboBox(self)
        for q, name in enumerate(
            (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度")), 1
        ):
            self.quarter_combo.addItem(name, q)
        self.quarter_combo.setCurrentIndex(quarter - 1)
        self.county_check = QCheckBox(self.tr("全县报告（附各服务站情况）"), self)
        self.county_check.setChecked(self.is_county)
        self.county_check.setVisible(self.is_county)

        period_row = QHBoxLayout()
        for widget in (self.kind_combo, self.year_spin, self.quarter_combo, self.county_check):
            period_row.addWidget(widget)
        period_row.addStretch(1)

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(
            self.tr("本期工作的简要说明：突出问题、采取的措施、下一步工作。写入报告第七部分。")
        )
        self.cases_list = QListWidget(self)
        self.cases_list.setAlternatingRowColors(True)
        self.cases_list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has it all
        self.cases_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases_hint = QLabel(
            self.tr(
                "勾选的投诉作为典型案例写入报告，只写消费者的姓氏（如“张某”），不写电话和住址。"
            ),
            self,
        )
        self.cases_hint.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("报告期"), period_row)
        form.addRow(self.tr("工作说明"), self.note_edit)
        form.addRow(self.tr("典型案例"), self.cases_list)
        form.addRow("", self.cases_hint)

        self.preview_button = QPushButton(self.tr("预览…"), self)
        self.save_button = QPushButton(self.tr("保存为 PDF…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.produce(preview=True))
        self.save_button.clicked.connect(lambda: self.produce(preview=False))

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self._period_changed)
        self.year_spin.valueChanged.connect(self._period_changed)
        self.quarter_combo.currentIndexChanged.connect(self._period_changed)
        self.county_check.toggled.connect(self._period_changed)
        self.resize(760, 600)

    # --- the period and what is kept with it --------------------------------------------------

    def period(self) -> ReportPeriod:
        year = str(self.year_spin.value())
        if self.kind_combo.currentData() == "year":
            return report_period(year=year)
        return report_period(quarter=f"{year}-Q{self.quarter_combo.currentData()}")

    def origin(self) -> str | None:
        if self.is_county and self.county_check.isChecked():
            return None
        return self.app.installation.identity().code  # type: ignore[union-attr]

    def _period_changed(self) -> None:
        self.quarter_combo.setEnabled(self.kind_combo.currentData() == "quarter")
        if self.has_unsaved_text() and not self._ask_discard():
            return
        self.load()

    def load(self) -> None:
        period, origin = self.period(), self.origin()
        self._set_busy(True, self.tr("正在读取…"))

        def read() -> tuple[str, tuple[str, ...], list[CaseChoice]]:
            text, numbers = saved_note(period.key, origin)
            return text, numbers, typical_case_candidates(period, origin)

        self.app.jobs.run_query(read, self._loaded_note, self._failed)

    def _loaded_note(self, result: tuple[str, tuple[str, ...], list[CaseChoice]]) -> None:
        text, numbers, candidates = result
        self._saved_text, self._saved_numbers = text, numbers
        self.note_edit.setPlainText(text)
        self.cases_list.clear()
        for case in candidates:
            item = QListWidgetItem(
                f"{case.number}  {case.closed_on.isoformat()}  {category_name(case.category_code)}"
                f" · {case.respondent} · {outcome_name(case.outcome)}"
            )
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, case.number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = case.number in numbers
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.cases_list.addItem(item)
        if not candidates:
            self.cases_list.addItem(self.tr("本期没有办结的投诉。"))
        self._set_busy(False, "")

    def chosen_numbers(self) -> tuple[str, ...]:
        chosen = []
        for row in range(self.cases_list.count()):
            item = self.cases_list.item(row)
            number = item.data(Qt.ItemDataRole.UserRole)
            if number and item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(number))
        return tuple(chosen)

    def has_unsaved_text(self) -> bool:
        return (
            self.note_edit.toPlainText() != self._saved_text
            or self.chosen_numbers() != self._saved_numbers
        )

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("放弃说明？"),
            self.tr("工作说明或典型案例的改动还没有随报告保存。放弃这些改动吗？"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.has_unsaved_text() and not self._ask_discard():
            return
        super().reject()

    # --- the report -------------------------------------------------------------------------

    def produce(self, *, preview: bool) -> None:
        period, origin = self.period(), self.origin()
        text, numbers = self.note_edit.toPlainText(), self.chosen_numbers()
        target: Path | None = None
        if not preview:
            target = choose_save_path(
                self,
                self.tr("保存为 PDF…"),
                f"{period.label}消费投诉分析报告.pdf",
                PDF,
                REPORT_FOLDER_KEY,
            )
            if target is None:
                return
        ctx = self.app.context()
        own = ctx.origin

        def write_and_read() -> AnalysisReport:
            save_note(ctx, period.key, origin, text, numbers)
            return analysis_report(
                period,
                origin=origin,
                scope=scope_name(ctx, origin),
                county_code=own if origin is None else None,
            )

        def done(report: AnalysisReport) -> None:
            self._saved_text, self._saved_numbers = text, numbers
            self._set_busy(False, "")
            self._show(report, target)

        self._set_busy(True, self.tr("正在生成报告…"))
        self.app.jobs.run_write(write_and_read, done, self._failed)

    def _show(self, report: AnalysisReport, target: Path | None) -> None:
        content = analysis_document(report)
        if target is None:
            show_print_preview(self, content)
            return
        try:
            written = write_pdf(content, target)
            figures = write_analysis_workbook(report, written.with_suffix(".xlsx"))
        except OSError as error:
            self._failed(error)
            return
        self.status_label.setText(
            self.tr("已保存 %1，数据表 %2").replace("%1", str(written)).replace("%2", figures.name)
        )

    def _set_busy(self, busy: bool, text: str) -> None:
        for widget in (self.preview_button, self.save_button):
            widget.setEnabled(not busy)
        self.status_label.setText(text)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False, "")
        if isinstance(error, StationError | OSError):
            reason = str(error)
        else:
            log.error("analysis report failed", exc_info=error)
            reason = QCoreApplication.translate(
                "AnalysisReportDialog", "出现意外错误，已记入日志。"
            )
        QMessageBox.warning(self, self.tr("无法生成报告"), reason)
