"""The preview's tables: what applying a roster would add, change and deactivate, and the refused
rows with their sheet, row, column and reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app.gui.roster.texts import change_text, key_text, new_record_text, translated
from station_app.gui.widgets.rows_model import RowColumn, RowsModel
from station_app.roster.diff import PartDiff, RecordChange
from station_app.roster.parse import RosterRecord, RowError


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
