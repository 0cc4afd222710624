"""文件 → 导入旧台账: a station's old complaint register, read, mapped, previewed, imported.

1. 选择文件: the register is read on a reader thread (``preview_register``; nothing is written).
2. 列的对应: every field of the ledger with the column found for it; the officer may choose
   another column or 不导入 for any field, and the file is checked again with that mapping.
3. 检查结果: how many rows would be imported, were imported before, and every refused row with
   its row number, column and reason; notes (total rows, renumbered rows).
4. 导入: on the writer thread, all rows or none; the lists refresh from the change.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.messages import translate
from station_app.registry.old_register import (
    FIELDS,
    RegisterImported,
    RegisterPreview,
    import_register,
    preview_register,
)
from station_app.roster.cell_text import column_letter

log = logging.getLogger(__name__)
FILE_FILTER = "*.xlsx *.xls *.et *.ods *.csv"
ERROR_COLOR = QColor("#b00020")


class OldRegisterDialog(QDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.preview: RegisterPreview | None = None
        self.path: Path | None = None
        self._filling = False
        self.setWindowTitle(self.tr("导入旧台账"))
        self._build()

    def _build(self) -> None:
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(
            self.tr("选择本站以前用 Excel、WPS 或 CSV 记的投诉登记台账")
        )
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)

        self.mapping_table = QTableWidget(len(FIELDS), 2, self)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("台账字段"), self.tr("文件中的列")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        for row, f in enumerate(FIELDS):
            label = QLabel(translate(f.title) + (" *" if f.required else ""), self)
            self.mapping_table.setCellWidget(row, 0, label)
            combo = QComboBox(self)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[f.key] = combo
            self.mapping_table.setCellWidget(row, 1, combo)
        mapping_box = QGroupBox(self.tr("列的对应（找不到的列可以手工指定）"), self)
        QVBoxLayout(mapping_box).addWidget(self.mapping_table)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.problems_list = QListWidget(self)
        self.problems_list.setWordWrap(True)
        self.problems_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        check_box = QGroupBox(self.tr("检查结果"), self)
        check_layout = QVBoxLayout(check_box)
        check_layout.addWidget(self.summary_label)
        check_layout.addWidget(self.problems_list, 1)

        middle = QHBoxLayout()
        middle.addWidget(mapping_box, 2)
        middle.addWidget(check_box, 3)

        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "导入的投诉作为已办结的历史记录，按台账上的日期计入统计；"
                "有错误的行须先在文件中改正，全部正确才导入。同一文件再次导入不会重复。"
            ),
            self,
        )
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(middle, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(1000, 620)

    # --- reading ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择旧台账"),
            str(Path.home()),
            self.tr("表格文件 (%1)").replace("%1", FILE_FILTER),
        )
        if chosen:
            self.read(Path(chosen), {})

    def mapping(self) -> dict[str, str]:
        """field → column letter, or "" for a field the officer put in no column."""
        return {key: str(combo.currentData() or "") for key, combo in self.combos.items()}

    def _mapping_changed(self) -> None:
        if not self._filling and self.path is not None:
            self.read(self.path, self.mapping())

    def read(self, path: Path, mapping: dict[str, str]) -> None:
        self.path = path
        self.file_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("正在读取…"))
        ctx = self.app.context()
        self.app.jobs.run_read(
            lambda: preview_register(ctx, path, mapping=mapping), self._show, self._failed
        )

    def _show(self, preview: RegisterPreview) -> None:
        self.preview = preview
        self._filling = True
        try:
            for key, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("（不导入）"), "")
                for index, header in enumerate(preview.headers):
                    letter = column_letter(index)
                    combo.addItem(f"{letter}  {header}", letter)
                found = preview.columns.get(key)
                combo.setCurrentIndex(0 if found is None else found + 1)
        finally:
            self._filling = False
        self.summary_label.setText(
            self.tr("工作表“%1”，表头在第 %2 行。")
            .replace("%1", preview.sheet)
            .replace("%2", str(preview.header_row))
            + " "
            + preview.summary()
        )
        self.problems_list.clear()
        for error in preview.errors:
            item = QListWidgetItem(str(error))
            item.setForeground(ERROR_COLOR)
            self.problems_list.addItem(item)
        for note in preview.notes:
            self.problems_list.addItem(note)
        self.import_button.setEnabled(not preview.errors and bool(preview.new_rows))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, StationError):
            reason = str(error)
        else:
            log.error("old register failed", exc_info=error)
            reason = QCoreApplication.translate("OldRegisterDialog", "出现意外错误，已记入日志。")
        self.summary_label.setText("")
        QMessageBox.warning(self, self.tr("无法导入"), reason)

    # --- importing ----------------------------------------------------------------------------

    def import_rows(self) -> None:
        preview = self.preview
        if preview is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("导入旧台账"),
            self.tr("导入 %1 件历史投诉？").replace("%1", str(len(preview.new_rows))),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.import_button.setEnabled(False)
        ctx = self.app.context()
        self.app.jobs.run_write(lambda: import_register(ctx, preview), self._imported, self._failed)

    def _imported(self, done: RegisterImported) -> None:
        self.summary_label.setText(
            self.tr("已导入 %1 件历史投诉（已导入过 %2 件，另编新号 %3 件）。")
            .replace("%1", str(done.imported))
            .replace("%2", str(done.already))
            .replace("%3", str(done.renumbered))
        )
        self.problems_list.clear()
        self.preview = None
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)
