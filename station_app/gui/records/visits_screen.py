"""The visits screen: quick entry, the lazily paged list, search, and turning a visit into a complaint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QWidget,
)

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.records.visit_form import VisitForm
from station_app.gui.records.visit_table_model import QUESTION_COLUMN, VisitTableModel
from station_app.gui.widgets.combos import combo_value
from station_app.gui.widgets.list_screen import CELL_PADDING, ListScreen
from station_app.gui.widgets.months import month_choices
from station_app.registry.choices import officer_choices, village_choices
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


class VisitsScreen(ListScreen):
    """Register visits quickly, find them again, and convert one into a complaint."""

    model: VisitTableModel

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.form: VisitForm | None = None
        self.complaint_form: ComplaintForm | None = None
        self._build()
        self.model = VisitTableModel(parent=self)
        self.table.setModel(self.model)
        self._setup_table()
        self._watch_model()
        self._follow_changes("visits")
        self._show_state()

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("登记来访"), self)
        self.new_button.setToolTip(self.tr("快速登记一次来访或电话咨询"))
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.convert_button = QPushButton(self.tr("转为投诉"), self)
        self.convert_button.setToolTip(self.tr("把这次来访登记为一件投诉，已填内容自动带入"))
        self.new_button.clicked.connect(self.new_visit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.convert_button.clicked.connect(self.convert_selected)

        self._build_search(self.tr("搜索：问题或答复中的任意几个字"), 280)

        top = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.convert_button):
            top.addWidget(button)
        top.addSpacing(16)
        top.addWidget(self.search_edit, 1)

        self.month_combo = QComboBox(self)
        self.village_combo = QComboBox(self)
        self.officer_combo = QComboBox(self)
        labelled = [
            (self.tr("月份"), self.month_combo),
            (self.tr("所在村"), self.village_combo),
            (self.tr("经办人"), self.officer_combo),
        ]
        self._lay_out(top, labelled, min_length=5)

    def reload_choices(self) -> None:
        station = self.app.installation.identity()
        self._refill_combos(
            [
                (self.month_combo, month_choices(self.app.clock.today())),
                (self.village_combo, village_choices()),
                (self.officer_combo, officer_choices(station.code if station else None)),
            ],
            self.tr("全部"),
        )

    def _setup_table(self) -> None:
        self._setup_list_table()
        table = self.table
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

    def _show_total(self, total: int) -> None:
        self.total_label.setText(self.tr("共 %1 条").replace("%1", f"{total:,}"))

    def _unfiltered(self) -> VisitFilter:
        return VisitFilter()

    def _empty_texts(self) -> tuple[str, str]:
        return (
            self.tr("还没有来访咨询记录。\n有人来问事或打电话咨询时，点“登记来访”记一笔。"),
            self.tr("没有找到符合条件的来访记录。\n可以少输几个字再搜索，或把月份改回“全部”。"),
        )

    def _selection_buttons(self) -> tuple[QPushButton, ...]:
        return (self.edit_button, self.convert_button)

    # --- actions ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def new_visit(self) -> VisitForm:
        return self._open_form(VisitForm(self.app, parent=self))

    def edit_selected(self) -> VisitForm | None:
        visit_id = self.selected_id()
        if visit_id is None:
            return None
        return self._open_form(VisitForm(self.app, visit_id=visit_id, parent=self))

    def convert_selected(self) -> ComplaintForm | None:
        """Open the complaint form pre-filled from the selected visit."""
        visit_id = self.selected_id()
        if visit_id is None:
            return None
        draft = complaint_draft_from_visit(get_visit(visit_id))
        form = ComplaintForm(self.app, draft=draft, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.complaint_form = form
        form.open()
        return form
