"""Entry and editing of an education event (宣传活动): type, date, village, topic and the counts.

Saving builds an ``EventDraft`` and hands it to the core on the writer thread; a refused draft
shows each reason beside its field and saves nothing. Enter saves from any single-line field,
Ctrl+Enter from the notes; Esc cancels, asking first when something was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSpinBox, QWidget

from station_app import codes
from station_app.errors import FieldError
from station_app.gui.app.context import AppContext
from station_app.gui.forms.ui_event_form import Ui_EventForm
from station_app.gui.widgets.combos import code_choices, combo_value, fill_combo, select_data
from station_app.gui.widgets.date_field import show_refusals_in
from station_app.gui.widgets.record_form import RecordForm, save_job
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.events import (
    MAX_INSTRUMENTS,
    MAX_REACH,
    NOTICE_TYPES,
    EventDraft,
    InstrumentCount,
    get_event,
    instruments_of,
    register_event,
    update_event,
)


class EventForm(RecordForm):
    """Register (``event_id=None``) or edit an education event."""

    def __init__(
        self, app: AppContext, event_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._set_up(app, Ui_EventForm(), event_id)
        event = get_event(event_id) if event_id is not None else None
        ui = self.ui
        fill_combo(
            ui.typeCombo,
            code_choices(
                codes.code_list("education_event_type"), [event.event_type if event else None]
            ),
        )
        self._fill_place_and_officer(ui.villageCombo, ui.officerCombo, event)
        ui.heldOn.setMaximumDate(QDate(app.clock.today()))
        ui.heldOn.set_today(app.clock.today)
        self.errors.register_many(
            {
                "held_on": ui.heldOn,
                "event_type": ui.typeCombo,
                "topic": ui.topic,
                "village_code": ui.villageCombo,
                "attendees": ui.attendees,
                "leaflets": ui.leaflets,
                "consultations": ui.consultations,
                "officer_id": ui.officerCombo,
                "notes": ui.notes,
            }
        )
        self._add_notice_and_instrument_rows()
        self.errors.register_many(
            {
                "channel": self.channel_combo,
                "reach": self.reach,
                "instruments": self.instruments_box,
            }
        )
        show_refusals_in(self.errors, {"held_on": ui.heldOn})
        self._connect_buttons(ui.saveButton, ui.cancelButton)
        if event is not None:
            self.setWindowTitle(self.tr("修改宣传活动"))
            ui.heldOn.setDate(QDate(event.held_on))
            select_data(ui.typeCombo, event.event_type)
            ui.topic.setText(event.topic)
            select_data(ui.villageCombo, event.village_code)
            ui.attendees.setValue(event.attendees)
            ui.leaflets.setValue(event.leaflets)
            ui.consultations.setValue(event.consultations)
            select_data(ui.officerCombo, event.officer_id)
            ui.notes.setPlainText(event.notes or "")
            select_data(self.channel_combo, event.channel)
            self.reach.setValue(event.reach)
            for count in instruments_of(event.id):
                checked, failed = self.instrument_spins[count.instrument]
                checked.setValue(count.checked)
                failed.setValue(count.failed)
        else:
            ui.heldOn.setDate(QDate(app.clock.today()))
        self._type_changed()
        self._initial = self._state()
        fit_to_screen(self, 560, 560)

    def _add_notice_and_instrument_rows(self) -> None:
        """A warning or tip: where it was published and how many it reached; any other event:
        the instruments checked free of charge (how many, how many failed), per kind."""
        ui = self.ui
        self.channel_combo = QComboBox(self)
        fill_combo(self.channel_combo, code_choices(codes.code_list("notice_channel")), "—")
        self.reach = QSpinBox(self)
        self.reach.setRange(0, MAX_REACH)
        self.reach.setGroupSeparatorShown(True)
        self.instruments_box = QWidget(self)
        grid = QGridLayout(self.instruments_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for left in (0, 3):  # two kinds a row, so the form keeps its height
            grid.addWidget(QLabel(self.tr("检测件数")), 0, left + 1)
            grid.addWidget(QLabel(self.tr("其中不合格")), 0, left + 2)
        self.instrument_spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for number, entry in enumerate(codes.code_list("instrument").active_entries()):
            spins = (QSpinBox(self.instruments_box), QSpinBox(self.instruments_box))
            row, left = 1 + number // 2, (number % 2) * 3
            for column, spin in enumerate(spins, 1):
                spin.setRange(0, MAX_INSTRUMENTS)
                grid.addWidget(spin, row, left + column)
            grid.addWidget(QLabel(codes.label_of(entry)), row, left)
            self.instrument_spins[entry.code] = spins
        at, _role = ui.eventLayout.getWidgetPosition(ui.officerCombo)
        self.channel_label = QLabel(self.tr("发布渠道"))
        self.reach_label = QLabel(self.tr("覆盖人数"))
        self.instruments_label = QLabel(self.tr("免费检测计量器具"))
        ui.eventLayout.insertRow(at, self.instruments_label, self.instruments_box)
        ui.eventLayout.insertRow(at, self.reach_label, self.reach)
        ui.eventLayout.insertRow(at, self.channel_label, self.channel_combo)
        ui.typeCombo.currentIndexChanged.connect(self._type_changed)

    def _type_changed(self) -> None:
        notice = combo_value(self.ui.typeCombo) in NOTICE_TYPES
        for widget in (self.channel_label, self.channel_combo, self.reach_label, self.reach):
            widget.setVisible(notice)
        self.instruments_label.setVisible(not notice)
        self.instruments_box.setVisible(not notice)

    def _inputs(self) -> list[QWidget]:
        ui = self.ui
        return [
            ui.heldOn,
            ui.typeCombo,
            ui.topic,
            ui.villageCombo,
            ui.attendees,
            ui.leaflets,
            ui.consultations,
            ui.officerCombo,
            ui.notes,
            self.channel_combo,
            self.reach,
            *(spin for spins in self.instrument_spins.values() for spin in spins),
        ]

    def event_id(self) -> int | None:
        return self.record_id

    def build_draft(self) -> EventDraft:
        ui = self.ui
        return EventDraft(
            held_on=ui.heldOn.checked_date("held_on"),
            event_type=combo_value(ui.typeCombo) or "",
            topic=ui.topic.text(),
            village_code=combo_value(ui.villageCombo),
            attendees=ui.attendees.value(),
            leaflets=ui.leaflets.value(),
            consultations=ui.consultations.value(),
            officer_id=combo_value(ui.officerCombo),
            notes=ui.notes.toPlainText(),
            channel=combo_value(self.channel_combo),
            reach=self.reach.value(),
            instruments=[
                InstrumentCount(code, checked.value(), failed.value())
                for code, (checked, failed) in self.instrument_spins.items()
            ],
        )

    def save(self) -> None:
        if self._busy:
            return
        try:
            draft = self.build_draft()
        except FieldError as error:  # a typed date that is no date
            self.errors.show({error.field: error.message})
            return
        self.errors.clear_all()
        job = save_job(self.app.context(), draft, self.record_id, register_event, update_event)
        self._run_save(job, self.tr("保存宣传活动"))
