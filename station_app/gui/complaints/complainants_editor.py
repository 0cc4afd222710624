"""The other complainants of a group complaint, as a table the officer types into.

One row a person: name, phone, ID number, village, whether they represent the group (2026
第十一条) and whether they agree that the respondent may have their details. The keyboard does
it all (Tab between cells, typing edits, Space ticks, Insert adds a row, Ctrl+Delete removes the
selected rows) and Ctrl+V pastes many rows copied from a spreadsheet (tab-separated: name, phone,
ID number, village by name or code). Rows left empty are not complainants.

On an edit, an ID number already registered is shown masked (PIPL) and kept unless typed anew,
as the form does for the first complainant.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.widgets.combos import combo_value, fill_combo, select_data
from station_app.registry.choices import Choice
from station_app.registry.people import PersonDraft
from station_app.validation import mask_id_number

CONTEXT = "ComplainantsEditor"
NAME, PHONE, ID_NUMBER, VILLAGE, REPRESENTATIVE, CONSENT = range(6)
# the PersonDraft field each column edits
FIELDS = (
    "name",
    "phone",
    "id_number",
    "village_code",
    "is_representative",
    "consents_to_respondent",
)
TEXT_COLUMNS = (NAME, PHONE, ID_NUMBER)
PASTED_COLUMNS = (NAME, PHONE, ID_NUMBER, VILLAGE)
INVALID_BRUSH = QBrush(QColor("#fde8ea"))


def _headers() -> list[str]:
    return [
        QCoreApplication.translate(CONTEXT, "姓名 *"),
        QCoreApplication.translate(CONTEXT, "联系电话"),
        QCoreApplication.translate(CONTEXT, "身份证号码"),
        QCoreApplication.translate(CONTEXT, "所在村"),
        QCoreApplication.translate(CONTEXT, "代表人"),
        QCoreApplication.translate(CONTEXT, "同意提供给被投诉方"),
    ]


@dataclasses.dataclass
class _Row:
    person: PersonDraft
    kept_id_number: str | None = None  # registered, shown masked, kept unless typed anew

    def is_empty(self) -> bool:
        p = self.person
        typed = (p.name, p.phone, p.id_number, self.kept_id_number)
        return not any((value or "").strip() for value in typed)


def split_pasted(text: str) -> list[list[str]]:
    """Rows and cells of pasted text: tab-separated as spreadsheets copy, else split on commas
    and spaces (a list typed in a chat). Blank lines are dropped."""
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    if any("\t" in line for line in lines):
        return [[cell.strip() for cell in line.split("\t")] for line in lines]
    return [[cell for cell in re.split(r"[,，;；\s]+", line.strip()) if cell] for line in lines]


class ComplainantsModel(QAbstractTableModel):
    """The rows of the table; a person's village is a code shown by its name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._villages: dict[str, str] = {}  # code → name
        self._problems: dict[tuple[int, int], str] = {}
        self.default_village: str | None = None

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _headers()[section]
        return str(section + 2)  # the first complainant is on the form above: these are 2, 3 …

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (REPRESENTATIVE, CONSENT):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        person = row.person
        if role == Qt.ItemDataRole.CheckStateRole and column in (REPRESENTATIVE, CONSENT):
            on = (
                person.is_representative
                if column == REPRESENTATIVE
                else person.consents_to_respondent
            )
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == VILLAGE:
                code = person.village_code
                if role == Qt.ItemDataRole.EditRole:
                    return code
                return self._villages.get(code, code) if code else ""
            if column == ID_NUMBER and not person.id_number and row.kept_id_number:
                shown = mask_id_number(row.kept_id_number)
                return shown if role == Qt.ItemDataRole.DisplayRole else ""
            if column in TEXT_COLUMNS:
                return getattr(person, FIELDS[column]) or ""
        if role == Qt.ItemDataRole.BackgroundRole and (index.row(), column) in self._problems:
            return INVALID_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._problems.get((index.row(), column))
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        if not index.isValid():
            return False
        person, column = self._rows[index.row()].person, index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (REPRESENTATIVE, CONSENT):
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            if column == REPRESENTATIVE:
                person.is_representative = on
            else:
                person.consents_to_respondent = on
        elif role == Qt.ItemDataRole.EditRole and column == VILLAGE:
            person.village_code = value or None
        elif role == Qt.ItemDataRole.EditRole and column in TEXT_COLUMNS:
            setattr(person, FIELDS[column], str(value or "").strip() or None)
        else:
            return False
        self._problems.pop((index.row(), column), None)
        self.dataChanged.emit(index, index)
        return True

    # --- rows -------------------------------------------------------------------------------

    def set_villages(self, choices: Iterable[Choice]) -> None:
        self._villages = {str(c.value): c.label for c in choices}

    def village_named(self, text: str) -> str | None:
        """The code of a village typed or pasted as its name or its code (None: unknown)."""
        text = text.strip()
        if text in self._villages:
            return text
        for code, name in self._villages.items():
            if name == text or name.split("（")[0] == text:
                return code
        return None

    def set_people(self, people: Iterable[PersonDraft], keep_id_numbers: bool) -> None:
        self.beginResetModel()
        self._rows = []
        for person in people:
            copy = dataclasses.replace(
                person, consents_to_respondent=bool(person.consents_to_respondent)
            )
            kept = None
            if keep_id_numbers and copy.id_number:
                kept, copy.id_number = copy.id_number, None
            self._rows.append(_Row(copy, kept))
        self._problems = {}
        self.endResetModel()

    def people(self) -> list[PersonDraft]:
        """The complainants typed, in order; empty rows left out."""
        return [
            dataclasses.replace(row.person, id_number=row.person.id_number or row.kept_id_number)
            for row in self._rows
            if not row.is_empty()
        ]

    def positions(self) -> list[int]:
        """The table row of each person :meth:`people` returns."""
        return [number for number, row in enumerate(self._rows) if not row.is_empty()]

    def insert_rows(self, at: int, count: int = 1) -> None:
        at = max(0, min(at, len(self._rows)))
        self.beginInsertRows(QModelIndex(), at, at + count - 1)
        for _ in range(count):
            person = PersonDraft(name="", village_code=self.default_village)
            person.consents_to_respondent = False
            self._rows.insert(at, _Row(person))
        self._problems = {}
        self.endInsertRows()

    def remove_rows(self, rows: Iterable[int]) -> None:
        for number in sorted(set(rows), reverse=True):
            if 0 <= number < len(self._rows):
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()
        self._problems = {}

    def paste(self, cells: list[list[str]], row: int, column: int) -> int:
        """Fill rows from ``row`` on, text columns from ``column`` on; adds rows as needed.
        Returns how many rows were filled."""
        start = PASTED_COLUMNS.index(column) if column in PASTED_COLUMNS else 0
        needed = row + len(cells) - len(self._rows)
        if needed > 0:
            self.insert_rows(len(self._rows), needed)
        for offset, values in enumerate(cells):
            for value, target in zip(values, PASTED_COLUMNS[start:], strict=False):
                index = self.index(row + offset, target)
                if target == VILLAGE:
                    self.setData(index, self.village_named(value), Qt.ItemDataRole.EditRole)
                else:
                    self.setData(index, value, Qt.ItemDataRole.EditRole)
        return len(cells)

    def show_problems(self, problems: dict[tuple[int, int], str]) -> None:
        self._problems = dict(problems)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(FIELDS) - 1)
            )

    def state(self) -> tuple[Any, ...]:
        return tuple((dataclasses.astuple(r.person), r.kept_id_number) for r in self._rows)


class VillageDelegate(QStyledItemDelegate):
    """The village column edits with a combo of the roster's villages."""

    def __init__(self, choices: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        fill_combo(combo, self.choices)
        combo.setPlaceholderText(QCoreApplication.translate(CONTEXT, "请选择"))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        select_data(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(
        self,
        editor: QWidget,
        model: Any,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, combo_value(editor), Qt.ItemDataRole.EditRole)


class _Table(QTableView):
    """The table's own keys: Insert adds a row, Ctrl+Delete removes rows, Ctrl+V pastes."""

    add_requested = Signal()
    remove_requested = Signal()
    paste_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        elif event.key() == Qt.Key.Key_Insert and not event.modifiers():
            self.add_requested.emit()
        elif event.key() == Qt.Key.Key_Delete and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)


class ComplainantsEditor(QWidget):
    """The table of the other complainants, with its buttons and a line of help."""

    changed = Signal()  # a row added, removed or edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ComplainantsModel(self)
        self.table = _Table(self)
        self.table.setObjectName("complainantsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (REPRESENTATIVE, CONSENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows_shown = 4
        self.table.setMinimumHeight(
            header.sizeHint().height()
            + rows_shown * self.table.verticalHeader().defaultSectionSize()
            + 4
        )
        self.setFocusProxy(self.table)

        self.add_button = QPushButton(QCoreApplication.translate(CONTEXT, "添加一行 (Ins)"), self)
        self.add_button.setObjectName("addComplainant")
        self.remove_button = QPushButton(
            QCoreApplication.translate(CONTEXT, "删除所选行 (Ctrl+Del)"), self
        )
        self.remove_button.setObjectName("removeComplainants")
        self.paste_button = QPushButton(
            QCoreApplication.translate(CONTEXT, "粘贴多行 (Ctrl+V)"), self
        )
        self.paste_button.setObjectName("pasteComplainants")
        self.paste_button.setToolTip(
            QCoreApplication.translate(
                CONTEXT, "从表格软件复制多行（姓名、电话、身份证号码、村，以制表符分隔）后粘贴。"
            )
        )
        for button in (self.add_button, self.remove_button, self.paste_button):
            button.setAutoDefault(False)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.paste_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.paste_button.clicked.connect(self.paste_clipboard)
        self.table.add_requested.connect(self.add_row)
        self.table.remove_requested.connect(self.remove_selected)
        self.table.paste_requested.connect(self.paste_clipboard)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self.changed)
        self.model.modelReset.connect(self.changed)

    def set_villages(self, choices: list[Choice]) -> None:
        self.model.set_villages(choices)
        self.table.setItemDelegateForColumn(VILLAGE, VillageDelegate(choices, self.table))

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        # room for two wrapped lines: a wrapped label's height is not in the layout's minimum
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 2 + 4)

    def add_row(self) -> None:
        current = self.table.currentIndex()
        at = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.model.insert_rows(at)
        self.table.setCurrentIndex(self.model.index(at, NAME))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        self.model.remove_rows(rows)

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int:
        """Paste rows at the current cell (or after the last person typed); returns how many."""
        cells = split_pasted(text)
        if not cells:
            return 0
        current = self.table.currentIndex()
        if current.isValid():
            row, column = current.row(), current.column()
        else:
            typed = self.model.positions()
            row, column = (typed[-1] + 1 if typed else 0), NAME
        return self.model.paste(cells, row, column)

    def count(self) -> int:
        return len(self.model.people())

    def set_people(self, people: list[PersonDraft], keep_id_numbers: bool = False) -> None:
        self.model.set_people(people, keep_id_numbers)

    def people(self) -> list[PersonDraft]:
        return self.model.people()

    def show_problems(self, problems: dict[int, dict[str, str]]) -> str:
        """Mark the cells refused (person number among :meth:`people` → field → reason) and
        return them as one text naming each person's row."""
        positions = self.model.positions()
        cells: dict[tuple[int, int], str] = {}
        lines = []
        for number, fields in sorted(problems.items()):
            if number >= len(positions):
                continue
            row = positions[number]
            for field, reason in fields.items():
                column = FIELDS.index(field) if field in FIELDS else NAME
                cells[(row, column)] = reason
                lines.append(
                    QCoreApplication.translate(CONTEXT, "第 %1 人：%2")
                    .replace("%1", str(row + 2))
                    .replace("%2", reason)
                )
        self.model.show_problems(cells)
        if cells:
            first = min(cells)
            self.table.setCurrentIndex(self.model.index(*first))
        return "\n".join(lines)

    def state(self) -> tuple[Any, ...]:
        return self.model.state()
