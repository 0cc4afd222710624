"""The roster screen (名册): the roster in force, the history of imports, and the three roster files:
import a county roster (the wizard), export the roster in force, write an empty template.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.actors import actor_label
from station_app.changes import Changes
from station_app.clock import utc_to_local
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import error_text
from station_app.gui.roster.page_parts import NOTE_STYLE, fit_columns, sorted_view
from station_app.gui.roster.wizard import RosterWizard
from station_app.gui.widgets.list_screen import empty_state_label
from station_app.gui.widgets.note_styles import ERROR_STYLE
from station_app.gui.widgets.progress import watch_job
from station_app.gui.widgets.rows_model import DeclaredRowsModel, RowColumn
from station_app.gui.widgets.save_paths import choose_workbook_path
from station_app.roster.apply import version_in_force
from station_app.roster.export import export_roster
from station_app.roster.status import ImportRow, import_history, roster_counts
from station_app.roster.template import write_template

ROSTER_FOLDER_KEY = "roster/export_folder"  # where the last roster workbook was written
CARD_STYLE = """
QFrame#rosterCard { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; }
QLabel#countValue { color: #0b5cad; }
QLabel#countTitle { color: #444c56; }
"""


def changes_text(counts: dict[str, dict[str, int]]) -> str:
    """``新增 12，变更 3，停用 1`` over all parts, or ``没有变化``."""
    total = {
        kind: sum(int(part.get(kind, 0)) for part in counts.values() if isinstance(part, dict))
        for kind in ("new", "changed", "gone")
    }
    if not any(total.values()):
        return QCoreApplication.translate("ImportHistoryModel", "没有变化")
    return (
        QCoreApplication.translate("ImportHistoryModel", "新增 %1，变更 %2，停用 %3")
        .replace("%1", f"{total['new']:,}")
        .replace("%2", f"{total['changed']:,}")
        .replace("%3", f"{total['gone']:,}")
    )


def remark_text(row: ImportRow) -> str:
    parts = []
    if row.forced:
        parts.append(QCoreApplication.translate("ImportHistoryModel", "强制导入旧版本"))
    if row.skipped_rows:
        parts.append(
            QCoreApplication.translate("ImportHistoryModel", "跳过 %1 行").replace(
                "%1", str(row.skipped_rows)
            )
        )
    return QCoreApplication.translate("ImportHistoryModel", "；").join(parts)


def _version_text(row: ImportRow) -> str:
    return row.version or QCoreApplication.translate("ImportHistoryModel", "未注明")


IMPORT_HISTORY_COLUMNS = [
    RowColumn(
        QT_TRANSLATE_NOOP("ImportHistoryModel", "导入时间"),
        lambda r: r.imported_at.strftime("%Y-%m-%d %H:%M"),
        lambda r: r.imported_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ImportHistoryModel", "名册版本"),
        _version_text,
        lambda r: r.version or "",
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ImportHistoryModel", "发布日期"),
        lambda r: r.issued_on.isoformat() if r.issued_on else "",
        lambda r: r.issued_on or dt.date.min,
    ),
    RowColumn(QT_TRANSLATE_NOOP("ImportHistoryModel", "文件"), lambda r: str(r.file_name)),
    RowColumn(QT_TRANSLATE_NOOP("ImportHistoryModel", "变化"), lambda r: changes_text(r.counts)),
    RowColumn(QT_TRANSLATE_NOOP("ImportHistoryModel", "备注"), remark_text),
    RowColumn(
        QT_TRANSLATE_NOOP("ImportHistoryModel", "操作人"), lambda r: actor_label(str(r.actor))
    ),
]


class ImportHistoryModel(DeclaredRowsModel):
    """The import history: one row per applied roster, newest first."""

    CONTEXT = "ImportHistoryModel"
    COLUMNS = IMPORT_HISTORY_COLUMNS

    def reload(self) -> None:
        self.set_rows(import_history())


# --- the screen -----------------------------------------------------------------------------------


class RosterScreen(QWidget):
    """The roster in force, its import history, and import / export / template."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.wizard: RosterWizard | None = None
        self.setStyleSheet(CARD_STYLE)
        self._build()
        app.jobs.changes_committed.connect(self._changes_committed)
        self.refresh()

    def _build(self) -> None:
        self.import_button = QPushButton(self.tr("导入名册…"), self)
        self.import_button.setToolTip(self.tr("导入县消协发来的名册（Excel、WPS 或 CSV 文件）"))
        self.export_button = QPushButton(self.tr("导出当前名册…"), self)
        self.export_button.setToolTip(self.tr("把本机正在使用的名册存为 Excel 工作簿"))
        self.template_button = QPushButton(self.tr("生成空白模板…"), self)
        self.template_button.setToolTip(self.tr("生成一份空白名册，供县消协填写"))
        self.import_button.clicked.connect(self.import_roster)
        self.export_button.clicked.connect(self.export_current)
        self.template_button.clicked.connect(self.write_blank_template)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        card = QFrame(self)
        card.setObjectName("rosterCard")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.tr("正在使用的名册"), card)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.version_label = QLabel(card)
        self.version_label.setWordWrap(True)
        card_layout.addWidget(heading)
        card_layout.addWidget(self.version_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        self.count_labels: dict[str, QLabel] = {}
        value_font = QFont(self.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 1.6)
        value_font.setBold(True)
        for column, (key, title) in enumerate(
            (
                ("stations", self.tr("服务站")),
                ("officers", self.tr("联络员")),
                ("villages", self.tr("村（社区）")),
                ("businesses", self.tr("经营者")),
            )
        ):
            value = QLabel("0", card)
            value.setObjectName("countValue")
            value.setFont(value_font)
            caption = QLabel(title, card)
            caption.setObjectName("countTitle")
            grid.addWidget(value, 0, column)
            grid.addWidget(caption, 1, column)
            self.count_labels[key] = value
        grid.setColumnStretch(4, 1)
        card_layout.addLayout(grid)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        history_title = QLabel(self.tr("导入记录"), self)
        history_title.setFont(heading.font())
        self.history_model = ImportHistoryModel(self)
        self.history_view: QTableView = sorted_view(self.history_model, self)
        self.history_view.setObjectName("historyTable")
        self.empty_label = empty_state_label(self)
        self.empty_label.setText(
            self.tr("还没有导入过名册。\n点左上角的“导入名册…”，导入县消协发来的名册。")
        )
        self.history_stack = QStackedWidget(self)
        self.history_stack.addWidget(self.history_view)
        self.history_stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(card)
        layout.addWidget(self.message_label)
        layout.addSpacing(4)
        layout.addWidget(history_title)
        layout.addWidget(self.history_stack, 1)

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the roster in force and the history again (after an import, or when shown)."""
        current = version_in_force()
        if current is None:
            self.version_label.setText(self.tr("版本：还没有导入过带版本号的名册"))
        else:
            text = self.tr("版本：%1").replace("%1", current.version)
            if current.issued_on:
                text += "　　" + self.tr("发布日期：%1").replace(
                    "%1", current.issued_on.isoformat()
                )
            text += "　　" + self.tr("导入时间：%1").replace(
                "%1", utc_to_local(current.imported_at).strftime("%Y-%m-%d %H:%M")
            )
            self.version_label.setText(text)
        counts = roster_counts()
        for key, label in self.count_labels.items():
            label.setText(f"{getattr(counts, key):,}")
        self.history_model.reload()
        has_rows = self.history_model.rowCount() > 0
        self.history_stack.setCurrentWidget(self.history_view if has_rows else self.empty_label)
        widest = self.fontMetrics().horizontalAdvance("M") * 30
        fit_columns(self.history_view, (0, 1, 2, 4, 5, 6), widest, 3)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)

    # --- actions --------------------------------------------------------------------------------

    def import_roster(self) -> RosterWizard:
        """Open the import wizard (window-modal); the screen refreshes when a roster is applied."""
        wizard = RosterWizard(self.app, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.roster_applied.connect(self._roster_applied)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _roster_applied(self, _result: object) -> None:
        self.show_message("")  # the screen refreshes from the change set

    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches("roster"):
            self.refresh()

    def choose_save_path(self, title: str, suggested: str) -> Path | None:
        """Where to write a roster workbook; None when the officer cancels (tests replace this)."""
        return choose_workbook_path(self, title, ROSTER_FOLDER_KEY, suggested)

    def export_current(self) -> None:
        current = version_in_force()
        version = current.version if current else self.app.clock.today().isoformat()
        suggested = self.tr("名册_%1.xlsx").replace("%1", version)
        path = self.choose_save_path(self.tr("导出当前名册"), suggested)
        if path is not None:
            self._write_file(
                lambda: export_roster(path), self.tr("正在导出名册…"), self.tr("名册已导出到：%1")
            )

    def write_blank_template(self) -> None:
        path = self.choose_save_path(self.tr("生成空白模板"), self.tr("名册模板.xlsx"))
        if path is not None:
            self._write_file(
                lambda: write_template(path),
                self.tr("正在生成空白模板…"),
                self.tr("空白模板已保存到：%1"),
            )

    def _write_file(self, job: Callable[[], Path], busy: str, done: str) -> None:
        self.show_message(busy)
        for button in (self.export_button, self.template_button):
            button.setEnabled(False)

        def succeeded(path: Path) -> None:
            self._file_job_over()
            self.show_message(done.replace("%1", str(path)))

        handle = self.app.jobs.run_read(job, succeeded, self._file_failed, title=busy)
        watch_job(handle, self, busy, cancellable=False)

    def _file_job_over(self) -> None:
        for button in (self.export_button, self.template_button):
            button.setEnabled(True)

    def _file_failed(self, error: Exception) -> None:
        self._file_job_over()
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            self.show_message(self.tr("文件没有保存：%1").replace("%1", reason), error=True)
        elif isinstance(error, StationError):
            self.show_message(error_text(error), error=True)
        else:
            self.show_message(self.tr("保存文件时程序出错。"), error=True)
            sys.excepthook(type(error), error, error.__traceback__)
