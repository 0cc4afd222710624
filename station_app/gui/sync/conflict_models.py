"""The conflict review's two tables: the list of conflicts, and one conflict's two versions field by
field with the differing fields highlighted (translation contexts as before)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from station_app.gui.sync.screen_parts import local_time_text
from station_app.gui.widgets.rows_model import (
    DeclaredRowsModel,
    RowColumn,
    column_header,
    read_only_flags,
)
from station_app.sync.county import Conflict, station_label
from station_app.sync.tables import table_by_name

MISSING_COLOR = "#cf222e"
DIFFERENT_BACKGROUND = "#fff1d6"


DIFFERENT_COLOR = "#9a3412"


CONTEXT = "ConflictsScreen"


TABLE_NAMES = {
    "station": QT_TRANSLATE_NOOP("ConflictsScreen", "服务站"),
    "officer": QT_TRANSLATE_NOOP("ConflictsScreen", "联络员"),
    "business": QT_TRANSLATE_NOOP("ConflictsScreen", "经营者"),
    "person": QT_TRANSLATE_NOOP("ConflictsScreen", "当事人"),
    "audit_entry": QT_TRANSLATE_NOOP("ConflictsScreen", "修改记录"),
    "visit": QT_TRANSLATE_NOOP("ConflictsScreen", "来访咨询"),
    "education_event": QT_TRANSLATE_NOOP("ConflictsScreen", "宣传活动"),
    "complaint": QT_TRANSLATE_NOOP("ConflictsScreen", "投诉"),
    "complainant": QT_TRANSLATE_NOOP("ConflictsScreen", "投诉人"),
    "attachment": QT_TRANSLATE_NOOP("ConflictsScreen", "附件"),
    "complaint_transition": QT_TRANSLATE_NOOP("ConflictsScreen", "办理环节"),
    "mediation_step": QT_TRANSLATE_NOOP("ConflictsScreen", "调解记录"),
    "agreement": QT_TRANSLATE_NOOP("ConflictsScreen", "调解协议"),
    "referral": QT_TRANSLATE_NOOP("ConflictsScreen", "转办"),
    "follow_up": QT_TRANSLATE_NOOP("ConflictsScreen", "回访"),
    "mediation_pause": QT_TRANSLATE_NOOP("ConflictsScreen", "调解中止"),
    "consent_record": QT_TRANSLATE_NOOP("ConflictsScreen", "信息使用同意"),
}


# the fields a clerk reads most; the others show their column name
FIELD_NAMES = {
    "uid": QT_TRANSLATE_NOOP("ConflictsScreen", "记录标识"),
    "origin": QT_TRANSLATE_NOOP("ConflictsScreen", "所属服务站"),
    "version": QT_TRANSLATE_NOOP("ConflictsScreen", "版本"),
    "updated_at": QT_TRANSLATE_NOOP("ConflictsScreen", "修改时间（UTC）"),
    "deleted": QT_TRANSLATE_NOOP("ConflictsScreen", "已删除"),
    "number": QT_TRANSLATE_NOOP("ConflictsScreen", "编号"),
    "name": QT_TRANSLATE_NOOP("ConflictsScreen", "名称"),
    "phone": QT_TRANSLATE_NOOP("ConflictsScreen", "电话"),
    "address": QT_TRANSLATE_NOOP("ConflictsScreen", "地址"),
    "received_at": QT_TRANSLATE_NOOP("ConflictsScreen", "登记时间"),
    "status": QT_TRANSLATE_NOOP("ConflictsScreen", "状态"),
    "respondent_name": QT_TRANSLATE_NOOP("ConflictsScreen", "被投诉方"),
    "subject": QT_TRANSLATE_NOOP("ConflictsScreen", "商品/服务"),
    "facts": QT_TRANSLATE_NOOP("ConflictsScreen", "事实与理由"),
    "outcome": QT_TRANSLATE_NOOP("ConflictsScreen", "处理结果"),
    "recovered_fen": QT_TRANSLATE_NOOP("ConflictsScreen", "挽回损失（分）"),
    "remarks": QT_TRANSLATE_NOOP("ConflictsScreen", "备注"),
    "visited_at": QT_TRANSLATE_NOOP("ConflictsScreen", "来访时间"),
    "question": QT_TRANSLATE_NOOP("ConflictsScreen", "咨询问题"),
    "answer": QT_TRANSLATE_NOOP("ConflictsScreen", "答复"),
}


AnyIndex = QModelIndex | QPersistentModelIndex


def translated(source: str) -> str:
    """A source text marked with QT_TRANSLATE_NOOP in this module's context, translated."""
    return QCoreApplication.translate(CONTEXT, source)


def table_text(name: str) -> str:
    return translated(TABLE_NAMES[name]) if name in TABLE_NAMES else name


def record_text(conflict: Conflict) -> str:
    """``投诉 TJ001-2026-0007``: the table and the record's number or name, else its uid."""
    row = conflict.theirs
    label = row.get("number") or row.get("name") or conflict.record_uid[:8]
    return f"{table_text(conflict.table_name)} {label}"


def resolution_text(conflict: Conflict) -> str:
    if conflict.resolution == "mine":
        return QCoreApplication.translate("ConflictsScreen", "保留了本地")
    if conflict.resolution == "theirs":
        return QCoreApplication.translate("ConflictsScreen", "采用了数据包")
    return QCoreApplication.translate("ConflictsScreen", "待审核")


CONFLICT_COLUMNS = [
    RowColumn(QT_TRANSLATE_NOOP("ConflictTableModel", "序号"), lambda c: str(c.id), lambda c: c.id),
    RowColumn(
        QT_TRANSLATE_NOOP("ConflictTableModel", "服务站"), lambda c: station_label(c.station_code)
    ),
    RowColumn(QT_TRANSLATE_NOOP("ConflictTableModel", "记录"), record_text),
    RowColumn(QT_TRANSLATE_NOOP("ConflictTableModel", "原因"), lambda c: c.reason),
    RowColumn(
        QT_TRANSLATE_NOOP("ConflictTableModel", "数据包"),
        lambda c: str(c.bundle_seq),
        lambda c: c.bundle_seq,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ConflictTableModel", "发现时间"),
        lambda c: local_time_text(c.detected_at),
        lambda c: c.detected_at,
    ),
    RowColumn(
        QT_TRANSLATE_NOOP("ConflictTableModel", "处理"),
        resolution_text,
        color=lambda c: None if c.resolution else MISSING_COLOR,
    ),
]


class ConflictTableModel(DeclaredRowsModel):
    CONTEXT = "ConflictTableModel"
    COLUMNS = CONFLICT_COLUMNS


@dataclass(frozen=True)
class FieldDiff:
    field: str
    mine: str
    theirs: str

    @property
    def differs(self) -> bool:
        return self.mine != self.theirs


def value_text(value: object) -> str:
    if value is None:
        return ""
    return str(value)


def field_diffs(conflict: Conflict) -> list[FieldDiff]:
    """Every field of either version, in the table's column order."""
    table = table_by_name().get(conflict.table_name)
    mine = conflict.mine or {}
    order = [c.name for c in table.columns] if table else []
    names = order + sorted((set(mine) | set(conflict.theirs)) - set(order))
    return [
        FieldDiff(name, value_text(mine.get(name)), value_text(conflict.theirs.get(name)))
        for name in names
        if name in mine or name in conflict.theirs
    ]


class DiffModel(QAbstractTableModel):
    """字段 | 本地 | 数据包, the differing fields highlighted; optionally only those."""

    HEADERS = (
        QT_TRANSLATE_NOOP("DiffModel", "字段"),
        QT_TRANSLATE_NOOP("DiffModel", "本地"),
        QT_TRANSLATE_NOOP("DiffModel", "数据包"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[FieldDiff] = []
        self._rows: list[FieldDiff] = []
        self._only_different = False
        self._has_mine = True

    def set_conflict(self, conflict: Conflict | None) -> None:
        self.beginResetModel()
        self._all = field_diffs(conflict) if conflict else []
        self._has_mine = conflict is None or conflict.mine is not None
        self._select()
        self.endResetModel()

    def set_only_different(self, only: bool) -> None:
        self.beginResetModel()
        self._only_different = only
        self._select()
        self.endResetModel()

    def _select(self) -> None:
        self._rows = [d for d in self._all if d.differs or not self._only_different]

    def differing_fields(self) -> list[str]:
        return [d.field for d in self._all if d.differs]

    def row_data(self, row: int) -> FieldDiff | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        diff = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                name = FIELD_NAMES.get(diff.field)
                return translated(name) if name else diff.field
            if index.column() == 1:
                return (
                    diff.mine
                    if self._has_mine
                    else QCoreApplication.translate("ConflictsScreen", "（本地没有这条记录）")
                )
            if index.column() == 2:
                return diff.theirs
        if not diff.differs:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(DIFFERENT_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(DIFFERENT_COLOR))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.HEADERS, "DiffModel", section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)
