"""The built-in guide: one short page per screen, in Chinese and English, opened by F1 or 帮助.

Pages are Markdown files under ``resources/help/<language>/<page>.md`` (``zh_CN`` and ``en``),
found through :func:`station_app.paths.resource_path` like every other resource, so they ship in
the wheel and the frozen build. A page is named by the screen's key (``complaints``, ``sync`` …,
see ``main_window.SCREEN_ENTRIES``) or by a window of its own (:data:`WINDOW_PAGES`); ``index``
lists them all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.gui.widgets.dialog_parts import button_bar, push_button
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.paths import resource_path

INDEX_PAGE = "index"
SCREEN_PAGES = (
    "dashboard",
    "complaints",
    "visits",
    "events",
    "violations",
    "stats",
    "sync",
    "stations",
    "conflicts",
    "roster",
    "settings",
    "access_log",
)
# windows opened from a screen that have a page of their own, or belong to a screen's page; by
# class name (any class in the window's ancestry), so this module imports none of them
WINDOW_PAGES = {
    "ComplaintForm": "complaint_form",
    "ComplaintDetail": "complaint_detail",
    "ActionDialog": "complaint_detail",
    "HistoryDialog": "complaints",
    "VisitForm": "visits",
    "EventForm": "events",
    "ViolationForm": "violations",
    "ReferViolationDialog": "violations",
    "ReplyDialog": "violations",
    "RosterWizard": "roster",
    "AddOfficerDialog": "settings",
    "RepinKeyDialog": "stations",
    "ImportReportDialog": "stations",
    "AnalysisReportDialog": "stats",
    "OldRegisterDialog": "complaints",
}
HELP_PAGES = (INDEX_PAGE, *SCREEN_PAGES, "complaint_form", "complaint_detail")
LANGUAGE_FOLDERS = {"zh": "zh_CN", "en": "en"}


def help_page(page: str, language: str | None = None) -> Path:
    """The file of ``page`` in ``language`` (``zh`` or ``en``; default: the window's)."""
    folder = LANGUAGE_FOLDERS[language or codes.display_language()]
    return resource_path("help", folder, f"{page}.md")


def page_for_window(window: QWidget | None) -> str | None:
    """The page of a window opened from a screen (see :data:`WINDOW_PAGES`), or None."""
    if window is None:
        return None
    for cls in type(window).__mro__:
        if cls.__name__ in WINDOW_PAGES:
            return WINDOW_PAGES[cls.__name__]
    return None


class HelpWindow(QDialog):
    """The guide, a window of its own (not blocked by the dialog it explains)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.page = ""
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.sourceChanged.connect(self._source_changed)
        self.contents_button = push_button(
            self, self.tr("目录"), lambda: self.show_page(INDEX_PAGE)
        )
        self.back_button = push_button(self, self.tr("后退"), self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(button_bar((self.contents_button, self.back_button)))
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Back, self, self.browser.backward)
        fit_to_screen(self, 720, 680)

    def show_page(self, page: str) -> None:
        """Open ``page`` in the window's language and bring the window to the front."""
        path = help_page(page)
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        self.show()
        self.raise_()
        self.activateWindow()

    def _source_changed(self, url: QUrl) -> None:
        self.page = Path(url.toLocalFile()).stem
        title = self.browser.document().toPlainText().split("\n", 1)[0].strip()
        self.setWindowTitle(self.tr("使用说明 — %1").replace("%1", title))
