"""Step 2 of the roster wizard: part by part, what applying would change and every refused row; the
导入 button stays disabled while the core would refuse."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from station_app.errors import StationError
from station_app.gui.app.crash_dialog import error_text
from station_app.gui.roster.diff_models import DiffTableModel, ErrorTableModel
from station_app.gui.roster.page_parts import (
    NOTE_STYLE,
    RosterPage,
    fit_columns,
    note_label,
    sorted_view,
    wrap_rows,
)
from station_app.gui.roster.texts import part_counts_text, part_title
from station_app.gui.roster.wizard_host import WizardHost
from station_app.gui.widgets.note_styles import ERROR_STYLE
from station_app.gui.widgets.progress import watch_job
from station_app.roster.diff import FIELD_TITLES, PartDiff
from station_app.roster.roster_import import (
    RosterApplied,
    RosterPreview,
    RosterRefused,
    apply_roster,
    save_error_report,
)

log = logging.getLogger(__name__)


class PreviewPage(RosterPage):
    """Step 2: what applying would change, the refused rows, and the two choices."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.version_refused = False
        self.warnings: list[str] = []
        self.part_views: dict[str, QTableView] = {}
        self.error_view: QTableView | None = None
        self.error_model: ErrorTableModel | None = None
        self.setTitle(self.tr("第 2 步：核对将要导入的内容"))
        self.setSubTitle(
            self.tr(
                "下面列出导入后会新增、变更和停用的内容，以及名册中有错误的行。核对无误后点“导入”。"
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))

        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._refit_rows)
        self.skip_check = QCheckBox(self.tr("跳过有错误的行（只导入没有错误的行）"), self)
        self.force_check = QCheckBox(self.tr("强制导入旧版本"), self)
        self.force_check.setToolTip(
            self.tr("这份名册的版本比本机正在使用的旧。只有县消协要求退回旧名册时才勾选。")
        )
        self.skip_check.toggled.connect(self.update_state)
        self.force_check.toggled.connect(self.update_state)
        self.state_label = note_label("", self)

        checks = QHBoxLayout()
        checks.addWidget(self.skip_check)
        checks.addSpacing(24)
        checks.addWidget(self.force_check)
        checks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(checks)
        layout.addWidget(self.state_label)

    # --- filling -------------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        preview = self.roster_wizard.preview
        assert preview is not None
        self.header_label.setText(self._header_text(preview))
        self._fill_tabs(preview)
        fatal = any(e.fatal for e in preview.errors)
        for check in (self.skip_check, self.force_check):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self.skip_check.setEnabled(bool(preview.errors) and not fatal)
        refused_plain = self._refusal(force=False, skip=True)
        self.version_refused = (
            not fatal
            and refused_plain is not None
            and refused_plain != self._refusal(force=True, skip=True)
        )
        self.force_check.setEnabled(self.version_refused)
        self.update_state()

    def _header_text(self, preview: RosterPreview) -> str:
        parts = [
            self.tr("文件：%1").replace("%1", preview.file_name),
            self.tr("名册版本：%1").replace("%1", preview.version or self.tr("未注明")),
        ]
        if preview.issued_on:
            parts.append(self.tr("发布日期：%1").replace("%1", preview.issued_on.isoformat()))
        parts.append(
            self.tr("本机正在使用：%1").replace(
                "%1", preview.version_in_force or self.tr("还没有导入过带版本号的名册")
            )
        )
        return "　　".join(parts)

    def _fill_tabs(self, preview: RosterPreview) -> None:
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        self.part_views = {}
        for part, part_diff in preview.diff.parts.items():
            self._add_part_tab(part, part_diff, FIELD_TITLES.get(part, {}))
        self._add_error_tab(preview)
        changed = [i for i, p in enumerate(preview.diff.parts.values()) if p.has_changes]
        if preview.errors:
            self.tabs.setCurrentIndex(self.tabs.count() - 1)
        else:
            self.tabs.setCurrentIndex(changed[0] if changed else 0)

    def _add_part_tab(self, part: str, part_diff: PartDiff, titles: dict[str, str]) -> None:
        page = QWidget(self.tabs)
        counts = {
            "new": len(part_diff.new),
            "changed": len(part_diff.changed),
            "unchanged": part_diff.unchanged,
            "gone": len(part_diff.gone),
        }
        summary = QLabel(part_counts_text(part, counts), page)
        summary.setObjectName("partCounts")
        model = DiffTableModel(part_diff, titles, page)
        view = sorted_view(model, page)
        view.setObjectName(f"diff_{part}")
        fit_columns(view, (0, 1, 2, 4), view.fontMetrics().horizontalAdvance("M") * 24, 3)
        wrap_rows(view)
        self.part_views[part] = view
        layout = QVBoxLayout(page)
        layout.addWidget(summary)
        if model.rowCount():
            layout.addWidget(view, 1)
        else:
            view.hide()
            layout.addWidget(note_label(self.tr("这一部分没有变化。"), page))
            layout.addStretch(1)
        changes = counts["new"] + counts["changed"] + counts["gone"]
        self.tabs.addTab(
            page, self.tr("%1（%2）").replace("%1", part_title(part)).replace("%2", str(changes))
        )

    def _add_error_tab(self, preview: RosterPreview) -> None:
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        if preview.errors:
            text = (
                self.tr("名册中有 %1 处错误，涉及 %2 行。")
                .replace("%1", str(len(preview.errors)))
                .replace("%2", str(preview.content.bad_rows))
            )
            summary = note_label(text, page, ERROR_STYLE)
        else:
            summary = note_label(self.tr("没有发现错误。"), page)
        summary.setObjectName("errorCounts")
        self.save_errors_button = QPushButton(self.tr("保存错误清单…"), page)
        self.save_errors_button.setToolTip(self.tr("把错误清单存为 Excel 工作簿，发给县消协改正"))
        self.save_errors_button.clicked.connect(self.save_error_report)
        self.save_errors_button.setEnabled(bool(preview.errors))
        top.addWidget(summary, 1)
        top.addWidget(self.save_errors_button)
        layout.addLayout(top)
        self.error_model = ErrorTableModel(preview.errors, page)
        self.error_view = sorted_view(self.error_model, page)
        self.error_view.setObjectName("errorTable")
        fit_columns(self.error_view, (0, 1, 2), self.fontMetrics().horizontalAdvance("M") * 16, 3)
        wrap_rows(self.error_view)
        if preview.errors:
            layout.addWidget(self.error_view, 3)
        else:
            self.error_view.hide()
        self.report_label = note_label("", page)
        layout.addWidget(self.report_label)
        if preview.notes:
            layout.addWidget(QLabel(self.tr("提示："), page))
            notes = QPlainTextEdit("\n".join(preview.notes), page)
            notes.setReadOnly(True)
            notes.setObjectName("notes")
            layout.addWidget(notes, 1)
        if not preview.errors and not preview.notes:
            layout.addStretch(1)
        title = self.tr("错误（%1）").replace("%1", str(len(preview.errors)))
        index = self.tabs.addTab(page, title)
        if preview.errors:
            self.tabs.tabBar().setTabTextColor(index, Qt.GlobalColor.darkRed)

    def _refit_rows(self) -> None:
        """Row heights of wrapped tables follow the widths they have now that they are shown."""
        page = self.tabs.currentWidget()
        for view in page.findChildren(QTableView) if page is not None else []:
            if view.wordWrap():
                view.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refit_rows()

    # --- state ---------------------------------------------------------------------------------

    def _refusal(self, *, force: bool, skip: bool) -> str | None:
        preview = self.roster_wizard.preview
        assert preview is not None
        try:
            preview.check(force=force, skip_bad_rows=skip)
        except RosterRefused as refused:
            return str(refused)
        return None

    def refusal(self) -> str | None:
        """Why 导入 is disabled now, in one sentence; None when the core would apply."""
        preview = self.roster_wizard.preview
        if preview is None:
            return ""
        force, skip = self.force_check.isChecked(), self.skip_check.isChecked()
        try:
            self.warnings = preview.check(force=force, skip_bad_rows=skip)
        except RosterRefused as refused:
            self.warnings = []
            if any(e.fatal for e in preview.errors):
                return error_text(refused)
            if preview.errors and not skip:
                return (
                    self.tr(
                        "名册有 %1 处错误（%2 行），不能直接导入：请县消协改正后重新发送，"
                        "或勾选“跳过有错误的行”只导入其余的行。"
                    )
                    .replace("%1", str(len(preview.errors)))
                    .replace("%2", str(preview.content.bad_rows))
                )
            if self.version_refused and not force:
                return (
                    self.tr(
                        "名册版本 %1 比本机正在使用的版本 %2 旧，不能导入。"
                        "如县消协确实要求使用旧名册，请勾选“强制导入旧版本”。"
                    )
                    .replace("%1", preview.version or "")
                    .replace("%2", preview.version_in_force or "")
                )
            return error_text(refused)
        return None

    def update_state(self) -> None:
        refusal = self.refusal()
        preview = self.roster_wizard.preview
        if refusal:
            self.state_label.setText(refusal)
            self.state_label.setStyleSheet(ERROR_STYLE)
        else:
            lines = [error_text(StationError(w)) for w in self.warnings]
            if preview is not None and preview.diff.no_change:
                lines.append(self.tr("与本机数据相比没有变化；导入只会记下这份名册的版本。"))
            if not lines:
                lines.append(self.tr("可以导入。导入是一次完成的：要么全部导入，要么什么都不改。"))
            self.state_label.setText("\n".join(lines))
            self.state_label.setStyleSheet(NOTE_STYLE)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.handle is None and self.refusal() is None

    # --- actions -------------------------------------------------------------------------------

    def save_error_report(self) -> None:
        preview = self.roster_wizard.preview
        if preview is None or not preview.errors:
            return
        path = self.roster_wizard.choose_report_path(
            Path(preview.path).with_name(
                self.tr("%1_错误清单.xlsx").replace("%1", Path(preview.file_name).stem)
            )
        )
        if path is None:
            return
        self.report_label.setText(self.tr("正在保存错误清单…"))
        handle = self.roster_wizard.app.jobs.run_read(
            lambda: save_error_report(preview, path),
            self._report_saved,
            self._report_failed,
            title=self.tr("保存错误清单"),
        )
        watch_job(handle, self.roster_wizard, self.tr("正在保存错误清单…"), cancellable=False)

    def _report_saved(self, path: Path) -> None:
        self.report_label.setStyleSheet(NOTE_STYLE)
        self.report_label.setText(self.tr("错误清单已保存到：%1").replace("%1", str(path)))

    def _report_failed(self, error: Exception) -> None:
        self.report_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, OSError):
            self.report_label.setText(
                self.tr("错误清单没有保存：%1").replace("%1", error.strerror or str(error))
            )
        else:
            self.report_label.setText(error_text(error) if isinstance(error, StationError) else "")
            if not isinstance(error, StationError):
                sys.excepthook(type(error), error, error.__traceback__)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """导入: move on once applied; otherwise start applying (on the writer thread)."""
        if self.roster_wizard.applied is not None:
            return True
        if self.handle is None and self.refusal() is None:
            self.start_applying()
        return False

    def start_applying(self) -> None:
        preview = self.roster_wizard.preview
        assert preview is not None
        force, skip = self.force_check.isChecked(), self.skip_check.isChecked()
        ctx = self.roster_wizard.app.context()

        def apply() -> RosterApplied:
            return apply_roster(preview, force=force, skip_bad_rows=skip, ctx=ctx)

        self.handle = self.roster_wizard.app.jobs.run_write(
            apply, self._applied, self._apply_failed, title=self.tr("导入名册")
        )
        watch_job(self.handle, self.roster_wizard, self.tr("正在导入名册…"), cancellable=False)
        for check in (self.skip_check, self.force_check):
            check.setEnabled(False)
        self.state_label.setText(self.tr("正在导入…"))
        self.completeChanged.emit()

    def _applied(self, result: RosterApplied) -> None:
        self.handle = None
        self.roster_wizard.applied = result
        self.roster_wizard.roster_applied.emit(result)
        self.roster_wizard.next()

    def _apply_failed(self, error: Exception) -> None:
        self.handle = None
        preview = self.roster_wizard.preview
        fatal = preview is not None and any(e.fatal for e in preview.errors)
        self.skip_check.setEnabled(preview is not None and bool(preview.errors) and not fatal)
        self.force_check.setEnabled(self.version_refused)
        self.update_state()
        self.state_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, StationError):
            self.state_label.setText(
                self.tr("没有导入，本机数据没有改动：%1").replace("%1", error_text(error))
            )
        else:
            self.state_label.setText(self.tr("导入时程序出错，本机数据没有改动。"))
            log.error("applying a roster failed", exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)
