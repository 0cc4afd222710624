"""What the list screens (投诉, 来访咨询, 宣传活动) share: a search box that searches after a pause,
a bar of filter combos, and a paged table that gives way to a sentence when it is empty.

``ListScreen`` holds the shared parts: the row of buttons, the filters every list offers
(月份, 所在村, 经办人) and the refilling of the filter combos, the column widths, Enter or a
double-click opening the selected row, the total, the reason asked before a deletion and the
deletion in the background. Each screen builds its own buttons, says its own sentences
(translated in its own context) and gives its model and filter. A screen may let several rows be
selected at once (``MULTI_SELECT``) for actions on many rows; those on one row then wait for
exactly one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.changes import Changes
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.combos import combo_value, fill_combo
from station_app.gui.widgets.months import month_choices
from station_app.gui.widgets.paged_table_model import FilteredTableModel, PagedTableModel
from station_app.gui.widgets.rows_model import make_read_only, selected_row
from station_app.registry.choices import Choice, officer_choices, village_choices
from station_app.registry.context import Context

SEARCH_DELAY_MS = 250
CELL_PADDING = 16


def empty_state_label(parent: QWidget) -> QLabel:
    """The sentence shown instead of an empty table."""
    label = QLabel(parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setStyleSheet("color: #555555; padding: 40px;")
    return label


Model = TypeVar("Model", bound=PagedTableModel)


class ListScreen(QWidget, Generic[Model]):
    """A screen listing records of a ``PagedTableModel`` in ``table`` (inside ``stack``).

    A screen builds its parts in ``_build`` and makes its model in ``_new_model``. It refreshes
    when a write changed the kinds of record it lists (``LISTS``, ``Changes`` field names), and
    refills its filter combos when the roster or the settings changed (villages, officers).
    """

    LISTS: ClassVar[tuple[str, ...]] = ()
    MULTI_SELECT: ClassVar[bool] = False  # Ctrl/Shift-click selects several rows
    FORM: ClassVar[Callable[..., Any]]  # the entry form: FORM(app, record id or None, parent=)
    app: AppContext
    model: Model
    search_edit: QLineEdit  # on the screens with a search box (see ``_build_search``)
    search_timer: QTimer
    table: QTableView
    empty_label: QLabel
    stack: QStackedWidget
    total_label: QLabel
    row_buttons: tuple[QAbstractButton, ...]  # see ``_top_bar``
    many_buttons: tuple[QAbstractButton, ...] = ()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.form: Any = None  # the entry form open last
        self.filters: list[tuple[str, QComboBox]] = []  # see ``_add_filter``
        self._choices: list[tuple[QComboBox, Callable[[], list[Choice]]]] = []
        self._build()
        self.model = self._new_model()
        self.table.setModel(self.model)
        self._setup_table()
        self._watch_model()
        self._follow_changes(*self.LISTS)
        self._show_state()

    def _origin(self) -> str | None:
        """A station lists its own records; the county every station's."""
        identity = self.app.installation.identity()
        return identity.code if identity is not None and not identity.is_county else None

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        """The buttons, the search box, the filter combos and the table (see ``_lay_out``)."""
        raise NotImplementedError

    def _new_model(self) -> Model:
        """The model of the whole list (``_build`` has run)."""
        raise NotImplementedError

    def _top_bar(
        self,
        new_button: QAbstractButton,
        row_buttons: tuple[QAbstractButton, ...],
        many_buttons: tuple[QAbstractButton, ...] = (),
    ) -> QHBoxLayout:
        """The button for a new record, the buttons acting on the selected row (enabled only
        while one is selected), those acting on every selected row (``many_buttons``, enabled
        while one or more are), then the search box (see ``_build_search``) taking the rest of
        the row, or, without one, an empty rest of the row."""
        self.row_buttons = row_buttons
        self.many_buttons = many_buttons
        top = QHBoxLayout()
        for button in (new_button, *row_buttons, *many_buttons):
            top.addWidget(button)
        if hasattr(self, "search_edit"):
            top.addSpacing(16)
            top.addWidget(self.search_edit, 1)
        else:
            top.addStretch(1)
        return top

    def _build_search(self, placeholder: str, min_width: int) -> QLineEdit:
        """``search_edit``: searches on Enter, or once typing pauses for ``SEARCH_DELAY_MS``."""
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(min_width)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        return self.search_edit

    def _add_filter(
        self, label: str, choices: Callable[[], list[Choice]] | None = None
    ) -> QComboBox:
        """A filter combo, after ``label`` in the filter bar (see ``_filter_bar``), offering
        ``choices()`` after 全部 (see ``reload_choices``); without them the screen fills it."""
        combo = QComboBox(self)
        self.filters.append((label, combo))
        if choices is not None:
            self._choices.append((combo, choices))
        return combo

    def _month_filter(self) -> QComboBox:
        """月份: the months up to today's, newest first."""
        return self._add_filter(self.tr("月份"), lambda: month_choices(self.app.clock.today()))

    def _village_filter(self) -> QComboBox:
        """所在村: the villages of the roster."""
        return self._add_filter(self.tr("所在村"), village_choices)

    def _officer_filter(self) -> QComboBox:
        """经办人: the active officers of this installation's station."""
        return self._add_filter(self.tr("经办人"), self._officer_choices)

    def _officer_choices(self) -> list[Choice]:
        station = self.app.installation.identity()
        return officer_choices(station.code if station else None)

    def _filter_bar(self, min_length: int, spacing: int) -> QHBoxLayout:
        """A row of the filter combos, each after its label."""
        filters = QHBoxLayout()
        for text, combo in self.filters:
            label = QLabel(text, self)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(min_length)
            combo.setMaxVisibleItems(20)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(spacing)
        return filters

    def _lay_out(self, top: QHBoxLayout, min_length: int) -> None:
        """The screen: ``top`` (buttons, search), the filter combos (filled, and filtering the
        list when one changes) with the total at the right, then the table."""
        self.total_label = QLabel(self)
        filters = self._filter_bar(min_length, spacing=6)
        filters.addStretch(1)
        filters.addWidget(self.total_label)
        self.reload_choices()
        for _text, combo in self.filters:
            combo.currentIndexChanged.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self._build_table_stack(), 1)

    def _build_table_stack(self) -> QStackedWidget:
        """``table`` and ``empty_label`` in ``stack``."""
        self.table = QTableView(self)
        self.empty_label = empty_state_label(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        return self.stack

    def _setup_table(self) -> None:
        """The columns' widths (once the model is set)."""
        raise NotImplementedError

    def _setup_list_table(self, opens: Callable[[], object]) -> None:
        """One row selected at a time (several with ``MULTI_SELECT``), read-only, row height
        from the font; Enter or a double-click on a row ``opens`` it."""
        make_read_only(self.table, row_padding=12)
        if self.MULTI_SELECT:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.activated.connect(lambda _index: opens())

    def _size_columns(
        self, samples: dict[int, str], stretch: int, *, fit_headers: bool = True
    ) -> None:
        """Each column in ``samples`` as wide as its sample (and its title, with
        ``fit_headers``); the ``stretch`` column takes what is left."""
        metrics = self.fontMetrics()
        for column, sample in samples.items():
            width = metrics.horizontalAdvance(sample)
            if fit_headers:
                header = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
                width = max(width, metrics.horizontalAdvance(header))
            self.table.setColumnWidth(column, width + CELL_PADDING)
        self.table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _widest(self, texts: Iterable[str]) -> str:
        """The text of ``texts`` that takes the most room in the screen's font."""
        return max(texts, key=self.fontMetrics().horizontalAdvance)

    def _watch_model(self) -> None:
        """Keep the total, the empty state and the buttons in step with the model."""
        self.model.total_changed.connect(self._show_total)
        self.model.modelReset.connect(self._update_empty_state)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _show_state(self) -> None:
        self._show_total(self.model.total())
        self._update_empty_state()
        self._update_buttons()

    @staticmethod
    def _refill_combos(filled: Sequence[tuple[QComboBox, list[Choice]]], everything: str) -> None:
        """Fill the filter combos afresh, keeping what was chosen (without filtering again)."""
        kept = {combo: combo_value(combo) for combo, _choices in filled}
        for combo, choices in filled:
            fill_combo(combo, choices, everything)
            index = combo.findData(kept[combo]) if kept[combo] is not None else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _follow_changes(self, *kinds: str) -> None:
        """Refresh after each write that changed ``kinds`` (``Changes`` field names)."""
        self._listed_kinds = kinds
        self.app.jobs.changes_committed.connect(self._changes_committed)

    @Slot(object)
    def _changes_committed(self, changes: Changes) -> None:
        if changes.touches("roster", "settings"):
            self.reload_choices()
        if changes.touches(*self._listed_kinds):
            self.refresh()

    def new_record(self) -> Any:
        """Open the entry form (``FORM``) for a new record."""
        return self._open_form(self.FORM(self.app, None, parent=self))

    def edit_selected(self) -> Any:
        """Open the entry form (``FORM``) of the selected record; None without a selection."""
        row_id = self.selected_id()
        return None if row_id is None else self._open_form(self.FORM(self.app, row_id, parent=self))

    def _open_form(self, form: Any) -> Any:
        """Open an entry form (a ``RecordForm``) for the list; the saved record gets selected
        (the list itself refreshes from the write's change set)."""
        assert isinstance(form, QDialog)
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self.select_id)  # type: ignore[attr-defined]
        form.open()
        return form

    # --- what each screen provides ------------------------------------------------------------

    def reload_choices(self) -> None:
        """Fill the filter combos afresh (see ``_add_filter``), keeping what was chosen."""
        self._refill_combos(
            [(combo, choices()) for combo, choices in self._choices], self.tr("全部")
        )

    def current_filter(self) -> Any:
        """The core filter the search box and the combos say now."""
        raise NotImplementedError

    def _unfiltered(self) -> Any:
        """The filter of the whole list."""
        raise NotImplementedError

    def apply_filter(self) -> None:
        """List what ``current_filter`` says (a search waiting for a pause in typing: now)."""
        if hasattr(self, "search_timer"):
            self.search_timer.stop()
        model = self.model
        assert isinstance(model, FilteredTableModel)
        flt = self.current_filter()
        if flt != model.current_filter():
            model.set_filter(flt)

    def _show_total(self, total: int) -> None:
        raise NotImplementedError

    def _show_count(self, text: str, total: int) -> None:
        """The total as ``text`` says it (``%1``: the number)."""
        self.total_label.setText(text.replace("%1", f"{total:,}"))

    def _is_unfiltered(self) -> bool:
        """Whether the list shows everything (so an empty list means nothing is recorded yet)."""
        return bool(self.current_filter() == self._unfiltered())

    def _empty_texts(self) -> tuple[str, str]:
        """The sentences for an empty list: nothing recorded yet, nothing matching the filter."""
        raise NotImplementedError

    def _update_buttons(self) -> None:
        selected = len(self._selected_indexes())
        for button in self.row_buttons:
            button.setEnabled(selected == 1)
        for button in self.many_buttons:
            button.setEnabled(selected > 0)

    # --- state --------------------------------------------------------------------------------

    def _update_empty_state(self) -> None:
        """The table, or when it is empty the sentence for an empty list or for a vain filter."""
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        nothing_yet, nothing_found = self._empty_texts()
        self.empty_label.setText(nothing_yet if self._is_unfiltered() else nothing_found)
        self.stack.setCurrentWidget(self.empty_label)

    def _selected_indexes(self) -> list[QModelIndex]:
        """The first cell of each selected row, top to bottom."""
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return sorted(rows, key=lambda index: index.row())

    def _selected_row(self) -> Any:
        """The selected row's core record; None without a selection, or with several."""
        return selected_row(self.table) if len(self._selected_indexes()) == 1 else None

    def _selected_rows(self) -> list[Any]:
        """The core records of the selected rows, in the list's order."""
        return [self.model.row_data(index.row()) for index in self._selected_indexes()]

    def selected_id(self) -> int | None:
        """The id of the selected row; None without a selection, or with several."""
        rows = self._selected_indexes()
        return self.model.row_id(rows[0].row()) if len(rows) == 1 else None

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, in the list's order."""
        found = (self.model.row_id(index.row()) for index in self._selected_indexes())
        return [row_id for row_id in found if row_id is not None]

    def select_id(self, row_id: int) -> None:
        row = self.model.row_of_id(row_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def select_ids(self, row_ids: Iterable[int]) -> None:
        """Select the rows of ``row_ids`` that are listed (fetched), and only them."""
        listed = {self.model.row_id(row): row for row in range(self.model.rowCount())}
        rows = sorted(listed[row_id] for row_id in row_ids if row_id in listed)
        selection = self.table.selectionModel()
        if not rows or selection is None:
            return
        flags = QItemSelectionModel.SelectionFlag
        command = flags.ClearAndSelect | flags.Rows
        for row in reversed(rows):  # the first row ends up the current one
            selection.setCurrentIndex(self.model.index(row, 0), command)
            command = flags.Select | flags.Rows
        self.table.scrollTo(self.model.index(rows[0], 0))

    def refresh(self) -> None:
        """Fetch the list again (after a write), keeping the officer's place in it."""
        self._keeping_place(lambda listed: self.model.reload(at_least=listed))

    def _keeping_place(self, fetch: Callable[[int], None]) -> None:
        """``fetch`` the rows again, given how many are listed now: the selected rows stay
        selected (however far down), and a list without a selection stays scrolled where it was."""
        selected = self.selected_ids()
        scrolled = self.table.verticalScrollBar().value()
        fetch(self.model.rowCount())
        self.select_ids(selected)
        if not self.selected_ids():
            self.table.verticalScrollBar().setValue(scrolled)

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (on screens with one)."""
        if hasattr(self, "search_edit"):
            self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_edit.selectAll()

    # --- deleting -----------------------------------------------------------------------------

    def _ask_reason(
        self, dialog: QInputDialog, title: str, question: str, ok_text: str
    ) -> str | None:
        """The reason typed in ``dialog`` (stripped); None when the officer stops."""
        dialog.setWindowTitle(title)
        dialog.setLabelText(question)
        dialog.setOkButtonText(ok_text)
        dialog.setCancelButtonText(self.tr("取消"))
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue().strip()

    def _delete_in_background(
        self, delete: Callable[[Context, int, str], object], row_id: int, reason: str, title: str
    ) -> None:
        """Run the core's ``delete(ctx, row_id, reason)`` as a write job; the list refreshes from
        its change set, a refusal shows in a message box."""
        ctx = self.app.context()
        self.app.jobs.run_write(
            lambda: delete(ctx, row_id, reason), None, self._delete_failed, title=title
        )

    def _delete_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("无法删除"), str(error))
