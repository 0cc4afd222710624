"""The roster import wizard: choose a file → read it (with progress) → preview → apply → summary.

Reading (``read_roster``) runs on a reader thread and writes nothing; the preview shows, part by
part, what applying would add, change and deactivate, and every refused row with its sheet, row,
column and reason (savable as a workbook for the county). The 导入 button stays disabled while the
core would refuse (``RosterPreview.check``): errors not chosen to be skipped, or an older version
not chosen to be forced. Applying (``apply_roster``) runs on the writer thread in one transaction.

Dialogs that pick files go through :meth:`RosterWizard.choose_file`, :meth:`~RosterWizard.choose_folder`
and :meth:`~RosterWizard.choose_report_path`, so tests replace them instead of facing a native dialog.

Each step is its own module: ``file_page`` (1, choose and read), ``preview_page`` (2, preview and
apply), ``summary_page`` (3); ``diff_models`` are the preview's tables, ``texts`` how a roster is
worded, ``page_parts`` the small widgets the pages share, ``wizard_host`` what a page uses of this
wizard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from station_app.gui.app.context import AppContext
from station_app.gui.roster.file_page import ChooseFilePage
from station_app.gui.roster.preview_page import PreviewPage
from station_app.gui.roster.summary_page import SummaryPage
from station_app.gui.widgets.save_paths import WORKBOOK, choose_save_path
from station_app.roster.roster_import import RosterApplied, RosterPreview

FILE_FILTER = "*.xlsx *.xls *.et *.ods *.csv *.xlsm"
REPORT_FOLDER_KEY = "roster/error_report_folder"


class RosterWizard(QWizard):
    """Import a county roster; ``roster_applied`` is emitted once a roster has been applied."""

    FILE_PAGE, PREVIEW_PAGE, SUMMARY_PAGE = range(3)
    roster_applied = Signal(object)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.preview: RosterPreview | None = None
        self.applied: RosterApplied | None = None
        self.setWindowTitle(self.tr("导入名册"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< 上一步")),
            (QWizard.WizardButton.NextButton, self.tr("下一步 >")),
            (QWizard.WizardButton.CommitButton, self.tr("导入")),
            (QWizard.WizardButton.FinishButton, self.tr("完成")),
            (QWizard.WizardButton.CancelButton, self.tr("取消")),
        ):
            self.setButtonText(button, text)
        self.file_page = ChooseFilePage(self)
        self.preview_page = PreviewPage(self)
        self.summary_page = SummaryPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.PREVIEW_PAGE, self.preview_page)
        self.setPage(self.SUMMARY_PAGE, self.summary_page)
        self._fit_to_screen(1060, 680)

    def _fit_to_screen(self, width: int, height: int) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, screen.width() - 20)
            height = min(height, screen.height() - 50)
        self.resize(width, height)

    # --- file dialogs (tests replace these) ----------------------------------------------------

    def choose_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择名册文件"),
            "",
            self.tr("名册文件 (%1);;所有文件 (*)").replace("%1", FILE_FILTER),
        )
        return Path(name) if name else None

    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择放着名册 CSV 文件的文件夹"))
        return Path(name) if name else None

    def choose_report_path(self, suggested: Path) -> Path | None:
        """Where to save the list of errors: next to the roster (``suggested``) at first."""
        return choose_save_path(
            self,
            self.tr("保存错误清单"),
            suggested.name,
            WORKBOOK,
            REPORT_FOLDER_KEY,
            folder=suggested.parent,
        )

    # --- closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        """取消 (or Esc): stop a read in progress; an apply in progress is waited for."""
        if self.preview_page.handle is not None:
            return  # the writer is applying: all or nothing, let it finish
        self.file_page.cancel_reading()
        super().reject()
