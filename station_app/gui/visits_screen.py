"""The visits screen: quick entry, the lazily paged list, search, and turning a visit into a complaint."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.app_context import AppContext
from station_app.gui.complaint_form import ComplaintForm, combo_value, fill_combo
from station_app.gui.complaints_screen import (
    CELL_PADDING,
    MONTHS_OFFERED,
    SEARCH_DELAY_MS,
    empty_state_label,
    month_label,
)
from station_app.gui.visit_form import VisitForm
from station_app.gui.visit_table_model import QUESTION_COLUMN, VisitTableModel
from station_app.registry.choices import Choice, officer_choices, recent_months, village_choices
from station_app.registry.listing import VisitFilter
from station_app.registry.visits import complaint_draft_from_visit, get_visit

COLUMN_SAMPLES = {
    0: "2026-11-20 10:00",
    1: "集市/宣传点",
    2: "张**",
    3: "人数",
    4: "家用电子电器类",
    5: "城南社区居委会",
    7: "王联络员",
}


class VisitsScreen(QWidget):
    """Register visits quickly, find them again, and convert one into a complaint."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.form: VisitForm | None = None
        self.complaint_form: ComplaintForm | None = None
        self._build()
        self.model = VisitTableModel(parent=self)
        self.table.setModel(self.model)
        self._setup_table()
        self.model.total_changed.connect(self._show_total)
        self.model.modelReset.connect(self._update_empty_state)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        app.events.visits_changed.connect(self.refresh)
        app.events.settings_changed.connect(self.reload_choices)
        self._show_total(self.model.total())
        self._update_empty_state()
        self._update_buttons()

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("登记来访"), self)
        self.new_button.setToolTip(self.tr("快速登记一次来访或电话咨询"))
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.convert_button = QPushButton(self.tr("转为投诉"), self)
        self.convert_button.setToolTip(self.tr("把这次来访登记为一件投诉，已填内容自动带入"))
        self.new_button.clicked.connect(self.new_visit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.convert_button.clicked.connect(self.convert_selected)

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("搜索：问题或答复中的任意几个字"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(280)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)

        top = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.convert_button):
            top.addWidget(button)
        top.addSpacing(16)
        top.addWidget(self.search_edit, 1)

        self.month_combo = QComboBox(self)
        self.village_combo = QComboBox(self)
        self.officer_combo = QComboBox(self)
        self.total_label = QLabel(self)
        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("月份"), self.month_combo),
            (self.tr("所在村"), self.village_combo),
            (self.tr("经办人"), self.officer_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
            combo.setMaxVisibleItems(20)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(6)
        filters.addStretch(1)
        filters.addWidget(self.total_label)
        self.reload_choices()
        for combo in (self.month_combo, self.village_combo, self.officer_combo):
            combo.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView(self)
        self.empty_label = empty_state_label(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

    def reload_choices(self) -> None:
        everything = self.tr("全部")
        combos = (self.month_combo, self.village_combo, self.officer_combo)
        kept = {combo: combo_value(combo) for combo in combos}
        station = self.app.installation.identity()
        months = recent_months(self.app.clock.today(), MONTHS_OFFERED)
        for combo, choices in (
            (self.month_combo, [Choice(m, month_label(m)) for m in months]),
            (self.village_combo, village_choices()),
            (self.officer_combo, officer_choices(station.code if station else None)),
        ):
            fill_combo(combo, choices, everything)
            index = combo.findData(kept[combo]) if kept[combo] is not None else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _setup_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        metrics = self.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + CELL_PADDING)
        table.horizontalHeader().setSectionResizeMode(
            QUESTION_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        table.activated.connect(lambda _index: self.edit_selected())

    def current_filter(self) -> VisitFilter:
        text = self.search_edit.text().strip()
        return VisitFilter(
            month=combo_value(self.month_combo),
            village_code=combo_value(self.village_combo),
            officer_id=combo_value(self.officer_combo),
            text=text or None,
        )

    def apply_filter(self) -> None:
        self.search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.visit_filter():
            self.model.set_filter(flt)

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.reload()
        if selected is not None:
            self.select_id(selected)

    def _show_total(self, total: int) -> None:
        self.total_label.setText(self.tr("共 %1 条").replace("%1", f"{total:,}"))

    def _update_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self.current_filter() == VisitFilter():
            self.empty_label.setText(
                self.tr("还没有来访咨询记录。\n有人来问事或打电话咨询时，点“登记来访”记一笔。")
            )
        else:
            self.empty_label.setText(
                self.tr("没有找到符合条件的来访记录。\n可以少输几个字再搜索，或把月份改回“全部”。")
            )
        self.stack.setCurrentWidget(self.empty_label)

    def _update_buttons(self) -> None:
        has_selection = self.selected_id() is not None
        self.edit_button.setEnabled(has_selection)
        self.convert_button.setEnabled(has_selection)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_id(rows[0].row()) if rows else None

    def select_id(self, visit_id: int) -> None:
        row = self.model.row_of_id(visit_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- actions ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_visit(self) -> VisitForm:
        return self._open(VisitForm(self.app, parent=self))

    def edit_selected(self) -> VisitForm | None:
        visit_id = self.selected_id()
        if visit_id is None:
            return None
        return self._open(VisitForm(self.app, visit_id=visit_id, parent=self))

    def _open(self, form: VisitForm) -> VisitForm:
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self.select_id)
        form.open()
        return form

    def convert_selected(self) -> ComplaintForm | None:
        """Open the complaint form pre-filled from the selected visit."""
        visit_id = self.selected_id()
        if visit_id is None:
            return None
        draft = complaint_draft_from_visit(get_visit(visit_id))
        form = ComplaintForm(self.app, draft=draft, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _complaint_id: self.app.events.visits_changed.emit())
        self.complaint_form = form
        form.open()
        return form
