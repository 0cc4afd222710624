"""The roster import wizard: choose a file → read it (with progress) → preview → apply → summary.

Reading (``read_roster``) runs on a reader thread and writes nothing; the preview shows, part by
part, what applying would add, change and deactivate, and every refused row with its sheet, row,
column and reason (savable as a workbook for the county). The 导入 button stays disabled while the
core would refuse (``RosterPreview.check``): errors not chosen to be skipped, or an older version
not chosen to be forced. Applying (``apply_roster``) runs on the writer thread in one transaction.

Dialogs that pick files go through :meth:`RosterWizard.choose_file`, :meth:`~RosterWizard.choose_folder`
and :meth:`~RosterWizard.choose_report_path`, so tests replace them instead of facing a native dialog.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from threading import Event
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station_app import codes
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import error_text
from station_app.gui.app.jobs import JobHandle
from station_app.gui.widgets.progress import JobProgress, watch_job
from station_app.gui.widgets.rows_model import RAW_VALUE_ROLE, RowColumn, RowsModel
from station_app.roster.apply import version_in_force
from station_app.roster.diff import FIELD_TITLES, FieldChange, PartDiff, RecordChange
from station_app.roster.parse import RosterRecord, RowError
from station_app.roster.roster_import import (
    RosterApplied,
    RosterPreview,
    RosterRefused,
    apply_roster,
    read_roster,
    save_error_report,
)
from station_app.roster.sheet_reader import ReadCancelled

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #57606a;"
FILE_FILTER = "*.xlsx *.xls *.et *.ods *.csv *.xlsm"

PART_TITLES = {
    "station": QT_TRANSLATE_NOOP("RosterWizard", "服务站"),
    "officer": QT_TRANSLATE_NOOP("RosterWizard", "联络员"),
    "region": QT_TRANSLATE_NOOP("RosterWizard", "行政区划"),
    "business": QT_TRANSLATE_NOOP("RosterWizard", "经营者"),
    "code": QT_TRANSLATE_NOOP("RosterWizard", "代码表"),
    "holiday": QT_TRANSLATE_NOOP("RosterWizard", "节假日"),
}

# the column titles of the roster format (``station_app.roster.diff.FIELD_TITLES``), listed so that
# they are translated; a title missing here is shown as the core wrote it
_FIELD_TITLE_SOURCES = (
    QT_TRANSLATE_NOOP("RosterFields", "服务站编码"),
    QT_TRANSLATE_NOOP("RosterFields", "服务站名称"),
    QT_TRANSLATE_NOOP("RosterFields", "县级区划代码"),
    QT_TRANSLATE_NOOP("RosterFields", "所在乡镇代码"),
    QT_TRANSLATE_NOOP("RosterFields", "所在村代码"),
    QT_TRANSLATE_NOOP("RosterFields", "地址"),
    QT_TRANSLATE_NOOP("RosterFields", "联系电话"),
    QT_TRANSLATE_NOOP("RosterFields", "启用"),
    QT_TRANSLATE_NOOP("RosterFields", "姓名"),
    QT_TRANSLATE_NOOP("RosterFields", "所属服务站编码"),
    QT_TRANSLATE_NOOP("RosterFields", "职务"),
    QT_TRANSLATE_NOOP("RosterFields", "县（区）"),
    QT_TRANSLATE_NOOP("RosterFields", "乡镇代码"),
    QT_TRANSLATE_NOOP("RosterFields", "乡镇（街道）"),
    QT_TRANSLATE_NOOP("RosterFields", "村代码"),
    QT_TRANSLATE_NOOP("RosterFields", "村（社区）"),
    QT_TRANSLATE_NOOP("RosterFields", "名称"),
    QT_TRANSLATE_NOOP("RosterFields", "级别"),
    QT_TRANSLATE_NOOP("RosterFields", "上级代码"),
    QT_TRANSLATE_NOOP("RosterFields", "经营者名称"),
    QT_TRANSLATE_NOOP("RosterFields", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("RosterFields", "经营者类型"),
    QT_TRANSLATE_NOOP("RosterFields", "经营场所"),
    QT_TRANSLATE_NOOP("RosterFields", "法定代表人"),
    QT_TRANSLATE_NOOP("RosterFields", "代码表名"),
    QT_TRANSLATE_NOOP("RosterFields", "代码"),
    QT_TRANSLATE_NOOP("RosterFields", "英文名称"),
    QT_TRANSLATE_NOOP("RosterFields", "日期"),
    QT_TRANSLATE_NOOP("RosterFields", "类型"),
    QT_TRANSLATE_NOOP("RosterFields", "节日"),
)

_LEVELS = {
    "county": QT_TRANSLATE_NOOP("RosterFields", "县"),
    "town": QT_TRANSLATE_NOOP("RosterFields", "乡镇（街道）"),
    "village": QT_TRANSLATE_NOOP("RosterFields", "村（社区）"),
}
_HOLIDAY_KINDS = {
    "holiday": QT_TRANSLATE_NOOP("RosterFields", "放假"),
    "workday": QT_TRANSLATE_NOOP("RosterFields", "上班"),
}
_HIDDEN_IN_NEW = {"name", "active", "code", "list_name"}  # name and key have their own columns


def translated(context: str, source: str) -> str:
    """A source string held in a variable (marked with ``QT_TRANSLATE_NOOP`` where it is written)."""
    return QCoreApplication.translate(context, source)


def part_title(part: str) -> str:
    source = PART_TITLES.get(part)
    return translated("RosterWizard", source) if source else part


def part_counts_text(part: str, counts: dict[str, int]) -> str:
    """``服务站：新增 1，变更 1，未变 0，停用 0``."""
    return (
        QCoreApplication.translate("RosterFields", "%1：%2")
        .replace("%1", part_title(part))
        .replace("%2", counts_text(counts, part))
    )


def counts_text(counts: dict[str, int], part: str | None = None) -> str:
    """``新增 3，变更 1，未变 10，停用 0`` (no 停用 for code lists and holidays)."""
    text = (
        QCoreApplication.translate("RosterWizard", "新增 %1，变更 %2，未变 %3")
        .replace("%1", f"{counts.get('new', 0):,}")
        .replace("%2", f"{counts.get('changed', 0):,}")
        .replace("%3", f"{counts.get('unchanged', 0):,}")
    )
    if part not in ("code", "holiday"):
        text += QCoreApplication.translate("RosterWizard", "，停用 %1").replace(
            "%1", f"{counts.get('gone', 0):,}"
        )
    return text


def value_text(field: str, value: object) -> str:
    """A roster value as an officer reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("RosterFields", "（空）")
    if value is True:
        return QCoreApplication.translate("RosterFields", "是")
    if value is False:
        return QCoreApplication.translate("RosterFields", "否")
    if field == "level" and value in _LEVELS:
        return translated("RosterFields", _LEVELS[str(value)])
    if field == "kind" and value in _HOLIDAY_KINDS:
        return translated("RosterFields", _HOLIDAY_KINDS[str(value)])
    if field == "entity_type":
        try:
            return codes.code_list("entity_type").label(str(value))
        except codes.CodeListError:
            return str(value)
    return str(value)


def change_text(change: FieldChange) -> str:
    """``联系电话：13800000001 → 13900000002``."""
    return (
        QCoreApplication.translate("RosterFields", "%1：%2 → %3")
        .replace("%1", translated("RosterFields", change.title))
        .replace("%2", value_text(change.field, change.old))
        .replace("%3", value_text(change.field, change.new))
    )


def key_text(key: object) -> str:
    if isinstance(key, tuple):
        return " / ".join(str(part) for part in key if part)
    return str(key)


def new_record_text(record: RosterRecord, titles: dict[str, str]) -> str:
    """The filled-in values of a new record, apart from its name: ``联系电话：…；职务：…``."""
    shown = []
    for field, title in titles.items():
        value = record.values.get(field)
        if field in _HIDDEN_IN_NEW or value is None or value == "":
            continue
        shown.append(
            QCoreApplication.translate("RosterFields", "%1：%2")
            .replace("%1", translated("RosterFields", title))
            .replace("%2", value_text(field, value))
        )
    return QCoreApplication.translate("RosterFields", "；").join(shown)


# --- table models ---------------------------------------------------------------------------------


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def _sortable(value: Any) -> Any:
    return -1 if value is None else value


DiffEntry = tuple[str, RosterRecord | RecordChange]  # ("new" | "changed" | "gone", the row)


def _diff_row_number(entry: DiffEntry) -> int | None:
    item = entry[1]
    record = item if isinstance(item, RosterRecord) else item.record
    return record.row if record is not None else None


class DiffTableModel(RowsModel):
    """What applying would do to one part: new, changed (field by field) and gone rows."""

    CONTEXT = "DiffTableModel"
    KINDS = {
        "new": QT_TRANSLATE_NOOP("DiffTableModel", "新增"),
        "changed": QT_TRANSLATE_NOOP("DiffTableModel", "变更"),
        "gone": QT_TRANSLATE_NOOP("DiffTableModel", "停用"),
    }

    def __init__(self, diff: PartDiff, field_titles: dict[str, str], parent=None) -> None:
        cells: list[tuple[str, Callable[[DiffEntry], Any]]] = [
            (
                QT_TRANSLATE_NOOP("DiffTableModel", "变化"),
                lambda e: translated("DiffTableModel", self.KINDS[e[0]]),
            ),
            (QT_TRANSLATE_NOOP("DiffTableModel", "编码"), lambda e: key_text(e[1].key)),
            (QT_TRANSLATE_NOOP("DiffTableModel", "名称"), lambda e: e[1].label),
            (QT_TRANSLATE_NOOP("DiffTableModel", "内容"), self._content),
            (QT_TRANSLATE_NOOP("DiffTableModel", "行号"), _diff_row_number),
        ]
        columns = [
            RowColumn(
                header,
                lambda e, cell=cell: _shown(cell(e)),
                lambda e, cell=cell: _sortable(cell(e)),
                numeric=n == 4,
            )
            for n, (header, cell) in enumerate(cells)
        ]
        super().__init__(columns, parent)
        self._titles = field_titles
        self._rows = [
            *(("new", record) for record in diff.new),
            *(("changed", change) for change in diff.changed),
            *(("gone", change) for change in diff.gone),
        ]

    def _content(self, entry: DiffEntry) -> str:
        kind, item = entry
        if isinstance(item, RosterRecord):
            return new_record_text(item, self._titles)
        if kind == "gone":
            return QCoreApplication.translate("DiffTableModel", "名册中已没有，将停用（不删除）")
        return QCoreApplication.translate("RosterFields", "；").join(
            change_text(c) for c in item.fields
        )


def _error_reason(error: RowError) -> str:
    if error.fatal:
        return QCoreApplication.translate("ErrorTableModel", "（不能跳过）%1").replace(
            "%1", error.message
        )
    return error.message


ERROR_COLUMNS = [
    RowColumn(
        QT_TRANSLATE_NOOP("ErrorTableModel", "工作表"), lambda e: str(e.sheet), lambda e: e.sheet
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ErrorTableModel", "行"),
        lambda e: str(e.row),
        lambda e: e.row,
        numeric=True,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ErrorTableModel", "列"), lambda e: str(e.column), lambda e: e.column
    ),
    RowColumn(QT_TRANSLATE_NOOP("ErrorTableModel", "原因"), _error_reason, lambda e: e.message),
]


class ErrorTableModel(RowsModel):
    """The refused rows of a roster: sheet, row, column and reason."""

    CONTEXT = "ErrorTableModel"

    def __init__(self, errors: list[RowError], parent=None) -> None:
        super().__init__(ERROR_COLUMNS, parent)
        self._rows = errors

    def error(self, row: int) -> RowError:
        return self._rows[row]


def sorted_view(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    """A read-only table over ``model`` sorted on raw values through a proxy."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(RAW_VALUE_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the file's order until a header is clicked
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


def fit_columns(view: QTableView, columns: tuple[int, ...], widest: int, stretch: int) -> None:
    """Widths from the header and the first rows' text (up to ``widest`` pixels); ``stretch``
    takes the rest. Measuring a few rows keeps a 10 000-row table opening at once."""
    model = view.model()
    metrics = view.fontMetrics()
    rows = min(model.rowCount(), 200)
    for column in columns:
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(row, column).data() or "") for row in range(rows)]
        width = max(metrics.horizontalAdvance(text) for text in texts) + 24
        view.setColumnWidth(column, min(width, widest))
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def wrap_rows(view: QTableView, max_rows: int = 300) -> None:
    """Long text wraps onto more lines in a table of up to ``max_rows`` rows (a longer one keeps
    one line per row, its full text in the tooltip)."""
    if view.model().rowCount() > max_rows:
        return
    view.setWordWrap(True)
    view.horizontalHeader().sectionResized.connect(lambda *_: view.resizeRowsToContents())


def note_label(text: str, parent: QWidget, style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


# --- pages ------------------------------------------------------------------------------------


class ChooseFilePage(QWizardPage):
    """Step 1: which file; Next reads it (nothing is written) and moves on to the preview."""

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard)
        self.roster_wizard = wizard
        self.handle: JobHandle | None = None
        self.progress: JobProgress | None = None
        self.setTitle(self.tr("第 1 步：选择名册文件"))
        self.setSubTitle(
            self.tr(
                "选择县消协发来的名册：Excel 或 WPS 工作簿（.xlsx、.xls、.et、.ods）、CSV 文件，"
                "或放着几个 CSV 文件的文件夹。读取时不会改动本机数据。"
            )
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("名册文件或文件夹的位置"))
        self.path_edit.textChanged.connect(self._path_changed)
        self.file_button = QPushButton(self.tr("选择文件…"), self)
        self.folder_button = QPushButton(self.tr("选择文件夹…"), self)
        self.file_button.clicked.connect(self._pick_file)
        self.folder_button.clicked.connect(self._pick_folder)
        self.status_label = note_label("", self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.file_button)
        row.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("名册文件："), self))
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(
            note_label(
                self.tr(
                    "提示：名册中有的部分以名册为准，没有的部分保持不变；名册中不再列出的服务站、"
                    "联络员、村（社区）和经营者会被停用，不会删除。"
                ),
                self,
            )
        )

    @property
    def reading(self) -> bool:
        return self.handle is not None

    def path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        return Path(text) if text else None

    def set_path(self, path: Path) -> None:
        self.path_edit.setText(str(path))

    def _pick_file(self) -> None:
        chosen = self.roster_wizard.choose_file()
        if chosen is not None:
            self.set_path(chosen)

    def _pick_folder(self) -> None:
        chosen = self.roster_wizard.choose_folder()
        if chosen is not None:
            self.set_path(chosen)

    def _path_changed(self) -> None:
        self.show_status("")
        self.completeChanged.emit()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(ERROR_STYLE if error else NOTE_STYLE)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.path() is not None and not self.reading

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Next: move on when this file has been read; otherwise start reading it."""
        preview = self.roster_wizard.preview
        path = self.path()
        if path is None:
            return False
        if preview is not None and preview.path == path:
            return True
        self.start_reading(path)
        return False

    def start_reading(self, path: Path) -> None:
        if self.reading:
            return
        if not path.exists():
            self.show_status(
                self.tr("找不到“%1”，请重新选择。").replace("%1", str(path)), error=True
            )
            return
        self.roster_wizard.preview = None
        self.show_status(self.tr("正在读取“%1”…").replace("%1", path.name))

        def read(progress: Callable[[int, int], None], cancel: Event) -> RosterPreview:
            return read_roster(path, progress=progress, cancel=cancel)

        app = self.roster_wizard.app
        self.handle = app.jobs.run_read(
            read, self._read_done, self._read_failed, title=self.tr("读取名册")
        )
        self.progress = watch_job(
            self.handle, self.roster_wizard, self.tr("正在读取名册“%1”…").replace("%1", path.name)
        )
        self._set_busy(True)

    def cancel_reading(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.path_edit, self.file_button, self.folder_button):
            widget.setEnabled(not busy)
        self.completeChanged.emit()

    def _read_done(self, preview: RosterPreview) -> None:
        self.handle = None
        self._set_busy(False)
        if preview.path != self.path():
            return  # the wizard was closed or the path edited meanwhile
        self.show_status("")
        self.roster_wizard.preview = preview
        self.roster_wizard.next()

    def _read_failed(self, error: Exception) -> None:
        self.handle = None
        self._set_busy(False)
        if isinstance(error, ReadCancelled):
            self.show_status(self.tr("已取消读取，本机数据没有任何改动。"))
        elif isinstance(error, StationError):
            self.show_status(error_text(error), error=True)
        elif isinstance(error, OSError):  # e.g. the file is open in WPS and locked, or gone
            reason = error.strerror or str(error)
            self.show_status(self.tr("无法打开这个文件：%1").replace("%1", reason), error=True)
        else:
            self.show_status(self.tr("读取名册时程序出错。"), error=True)
            log.error("reading a roster failed", exc_info=error)
            sys.excepthook(type(error), error, error.__traceback__)


class PreviewPage(QWizardPage):
    """Step 2: what applying would change, the refused rows, and the two choices."""

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard)
        self.roster_wizard = wizard
        self.handle: JobHandle | None = None
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


class SummaryPage(QWizardPage):
    """Step 3: what the import changed, which rows were skipped, the version now in force."""

    def __init__(self, wizard: RosterWizard) -> None:
        super().__init__(wizard)
        self.roster_wizard = wizard
        self.setTitle(self.tr("第 3 步：导入完成"))
        self.setSubTitle(self.tr("名册已导入本机。下面是这次导入的结果。"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultText")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.result_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        result = self.roster_wizard.applied
        assert result is not None
        self.result_label.setText("\n".join(self.summary_lines(result)))

    def summary_lines(self, result: RosterApplied) -> list[str]:
        lines = []
        for part, counts in result.diff.counts().items():
            lines.append(part_counts_text(part, counts))
        if result.diff.no_change:
            lines.append(self.tr("与本机原有数据相比没有变化。"))
        if result.skipped_rows:
            lines.append(
                self.tr("有错误的 %1 行已跳过，没有导入；请县消协改正后再发。").replace(
                    "%1", str(result.skipped_rows)
                )
            )
        if result.forced:
            lines.append(self.tr("这是强制导入的旧版本名册。"))
        current = version_in_force()
        if current is None:
            version = self.tr("未注明版本（这份名册没有写版本号）")
        elif current.issued_on:
            version = (
                self.tr("%1（发布日期 %2）")
                .replace("%1", current.version)
                .replace("%2", current.issued_on.isoformat())
            )
        else:
            version = current.version
        lines.append("")
        lines.append(self.tr("现在使用的名册版本：%1").replace("%1", version))
        return lines


# --- the wizard ------------------------------------------------------------------------------


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
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存错误清单"),
            str(suggested),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    # --- closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        """取消 (or Esc): stop a read in progress; an apply in progress is waited for."""
        if self.preview_page.handle is not None:
            return  # the writer is applying: all or nothing, let it finish
        self.file_page.cancel_reading()
        super().reject()
