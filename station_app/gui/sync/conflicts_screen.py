"""冲突审核 (county): records a bundle could not merge on its own, side by side, for a clerk.

A conflict keeps both versions of one record: the county's (本地) and the station's snapshot from
the bundle (数据包). Selecting one shows them field by field, the fields that differ highlighted;
the clerk keeps one of them. Nothing is decided without a confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.sync.conflict_models import (
    ConflictTableModel,
    DiffModel,
    record_text,
)
from station_app.gui.sync.screen_parts import fit_columns, heading_label, notice
from station_app.gui.widgets.dialog_parts import confirm
from station_app.gui.widgets.rows_model import select_row, selected_row, sorted_view
from station_app.sync.county import (
    Conflict,
    conflict_stations,
    list_conflicts,
    resolve_conflict,
    station_label,
)

# --- the screen --------------------------------------------------------------------------------


class ConflictsScreen(QWidget):
    """List the conflicts, compare the two versions, keep one."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.message: QMessageBox | None = None
        self._build()
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.model.modelReset.connect(self._show_selected)
        app.jobs.changes_committed.connect(self._changes_committed)
        self.refresh()

    def _build(self) -> None:
        self.station_combo = QComboBox(self)
        self.station_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.station_combo.currentIndexChanged.connect(self.refresh)
        self.resolved_check = QCheckBox(self.tr("显示已处理的"), self)
        self.resolved_check.toggled.connect(self.refresh)
        self.count_label = QLabel(self)
        filters = QHBoxLayout()
        station_label_ = QLabel(self.tr("服务站"), self)
        station_label_.setBuddy(self.station_combo)
        filters.addWidget(station_label_)
        filters.addWidget(self.station_combo)
        filters.addSpacing(12)
        filters.addWidget(self.resolved_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = ConflictTableModel(self)
        self.table, self.proxy = sorted_view(self.model, self)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        fit_columns(
            self.table,
            {0: "0000", 1: "诺江镇服务站（TJ001）", 2: "投诉 TJ001-2026-0001",
             3: "收到较旧的版本但修改时间更晚", 4: "000", 5: "2026-11-20 10:00", 6: "采用了数据包"},
            stretch=2,
        )  # fmt: skip
        self.empty_label = QLabel(self.tr("没有待审核的冲突。"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555; padding: 40px;")
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.only_different_check = QCheckBox(self.tr("只显示不同的字段"), self)
        self.only_different_check.setChecked(True)
        self.diff_model = DiffModel(self)
        self.only_different_check.toggled.connect(self.diff_model.set_only_different)
        self.diff_model.set_only_different(True)
        self.diff_view = QTableView(self)
        self.diff_view.setModel(self.diff_model)
        self.diff_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.diff_view.verticalHeader().setVisible(False)
        self.diff_view.setWordWrap(False)
        self.diff_view.horizontalHeader().setHighlightSections(False)
        self.diff_view.setColumnWidth(
            0, self.fontMetrics().horizontalAdvance("修改时间（UTC）") + 28
        )
        header = self.diff_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.keep_mine_button = QPushButton(self.tr("保留本地"), self)
        self.keep_mine_button.setToolTip(self.tr("保留县消协库中的版本，不采用数据包中的版本"))
        self.keep_mine_button.clicked.connect(lambda: self.resolve_selected("mine"))
        self.keep_theirs_button = QPushButton(self.tr("采用数据包"), self)
        self.keep_theirs_button.setToolTip(self.tr("用服务站数据包中的版本替换本地版本"))
        self.keep_theirs_button.clicked.connect(lambda: self.resolve_selected("theirs"))
        detail_top = QHBoxLayout()
        detail_top.addWidget(self.detail_label, 1)
        detail_top.addWidget(self.only_different_check)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.keep_mine_button)
        actions.addWidget(self.keep_theirs_button)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(detail_top)
        detail_layout.addWidget(self.diff_view, 1)
        detail_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list_stack)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(heading_label(self.tr("冲突审核"), self))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the conflicts again (a handful of rows; read on the GUI thread)."""
        selected = self.selected_conflict()
        code = self.station_combo.currentData()
        conflicts = list_conflicts(
            include_resolved=self.resolved_check.isChecked(), station_code=code or None
        )
        self._fill_stations(code)
        self.model.set_rows(conflicts)
        self.list_stack.setCurrentWidget(self.table if conflicts else self.empty_label)
        open_count = sum(1 for c in conflicts if not c.resolution)
        self.count_label.setText(self.tr("待审核 %1 条").replace("%1", str(open_count)))
        if not (selected and self.select_conflict(selected.id)) and conflicts:
            self.table.selectRow(0)

    def _fill_stations(self, keep: str | None) -> None:
        codes = conflict_stations()
        if keep and keep not in codes:
            codes.append(keep)
        combo = self.station_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部"), None)
        for code in codes:
            combo.addItem(station_label(code), code)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
        combo.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def conflicts(self) -> list[Conflict]:
        return self.model.rows()

    def selected_conflict(self) -> Conflict | None:
        conflict: Conflict | None = selected_row(self.table)
        return conflict

    def select_conflict(self, conflict_id: int) -> bool:
        return select_row(self.table, lambda conflict: conflict.id == conflict_id)

    def _show_selected(self) -> None:
        conflict = self.selected_conflict()
        self.diff_model.set_conflict(conflict)
        self.diff_view.resizeRowsToContents()
        open_ = conflict is not None and not conflict.resolution
        self.keep_mine_button.setEnabled(
            open_ and conflict is not None and conflict.mine is not None
        )
        self.keep_theirs_button.setEnabled(open_)
        if conflict is None:
            self.detail_label.setText(self.tr("选择上面的一条冲突，查看两个版本的差别。"))
            return
        different = len(self.diff_model.differing_fields())
        self.detail_label.setText(
            self.tr("%1：%2。%3 个字段不同（标色）。")
            .replace("%1", record_text(conflict))
            .replace("%2", conflict.reason)
            .replace("%3", str(different))
        )

    # --- resolving ----------------------------------------------------------------------------

    def confirm_resolution(self, conflict: Conflict, keep: str) -> bool:
        """Ask before deciding (tests replace this)."""
        if keep == "mine":
            question = self.tr("保留本地版本，不采用服务站数据包中的“%1”吗？")
            ok_text = self.tr("保留本地")
        else:
            question = self.tr("用服务站数据包中的版本替换本地的“%1”吗？")
            ok_text = self.tr("采用数据包")
        return confirm(
            self,
            QMessageBox.Icon.Question,
            self.tr("处理冲突"),
            question.replace("%1", record_text(conflict)),
            ok_text,
            self.tr("取消"),
            destructive=False,
        )

    def resolve_selected(self, keep: str) -> None:
        conflict = self.selected_conflict()
        if conflict is None or conflict.resolution:
            return
        if not self.confirm_resolution(conflict, keep):
            return
        ctx = self.app.context()
        conflict_id = conflict.id
        for button in (self.keep_mine_button, self.keep_theirs_button):
            button.setEnabled(False)
        self.app.jobs.run_write(
            lambda: resolve_conflict(ctx, conflict_id, keep),
            None,  # the list refreshes from the change set
            self._resolve_failed,
            title=self.tr("处理冲突"),
        )

    def _changes_committed(self, changes: Changes) -> None:
        """Conflicts come with bundles and go when resolved: both change the sync state."""
        if changes.touches("sync"):
            self.refresh()

    def _resolve_failed(self, error: Exception) -> None:
        self.refresh()
        self.message = notice(self, QMessageBox.Icon.Warning, self.tr("无法处理冲突"), str(error))
