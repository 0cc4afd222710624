"""Quick entry of a visit or consultation; "保存并继续" keeps the form open for the next visitor."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QWidget

from station_app import codes
from station_app.errors import FieldError
from station_app.gui.app.context import AppContext
from station_app.gui.forms.ui_visit_form import Ui_VisitForm
from station_app.gui.widgets.combos import code_choices, combo_value, fill_combo, select_data
from station_app.gui.widgets.date_field import show_refusals_in
from station_app.gui.widgets.record_form import RecordForm, save_job
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, get_visit, register_visit, update_visit


class VisitForm(RecordForm):
    """Register (``visit_id=None``) or edit a visit."""

    def __init__(
        self, app: AppContext, visit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._set_up(app, Ui_VisitForm(), visit_id)
        self._continue = False
        self._saved_count = 0
        visit = get_visit(visit_id) if visit_id is not None else None
        ui = self.ui
        fill_combo(
            ui.channelCombo,
            code_choices(codes.code_list("channel"), [visit.channel if visit else None]),
        )
        fill_combo(
            ui.categoryCombo,
            code_choices(codes.category_list(), [visit.topic_category if visit else None]),
        )
        self._fill_place_and_officer(ui.villageCombo, ui.officerCombo, visit)
        ui.visitedAt.setMaximumDateTime(
            QDateTime(app.clock.local_now().replace(hour=23, minute=59))
        )
        ui.visitedAt.set_today(app.clock.today)
        self.errors.register_many(
            {
                "visited_at": ui.visitedAt,
                "channel": ui.channelCombo,
                "question": ui.question,
                "answer": ui.answer,
                "headcount": ui.headcount,
                "topic_category": ui.categoryCombo,
                "village_code": ui.villageCombo,
                "officer_id": ui.officerCombo,
                "person.name": ui.personName,
                "person.phone": ui.personPhone,
                "person.village_code": ui.villageCombo,
            }
        )
        show_refusals_in(self.errors, {"visited_at": ui.visitedAt})
        self._connect_buttons(ui.saveButton, ui.cancelButton)
        ui.saveNextButton.clicked.connect(self.save_and_continue)
        ui.saveNextButton.setAutoDefault(False)
        if visit is not None:
            self.setWindowTitle(self.tr("修改来访记录"))
            ui.saveNextButton.hide()
            ui.visitedAt.setDateTime(QDateTime(visit.visited_at))
            select_data(ui.channelCombo, visit.channel)
            if visit.person is not None:
                ui.personName.setText(visit.person.name)
                ui.personPhone.setText(visit.person.phone or "")
            ui.headcount.setValue(visit.headcount)
            select_data(ui.categoryCombo, visit.topic_category)
            select_data(ui.villageCombo, visit.village_code)
            ui.question.setPlainText(visit.question)
            ui.answer.setPlainText(visit.answer or "")
            select_data(ui.officerCombo, visit.officer_id)
        else:
            ui.visitedAt.setDateTime(QDateTime(app.clock.local_now()))
            ui.channelCombo.setCurrentIndex(0)  # the list's first channel: 来访
        self._initial = self._state()
        fit_to_screen(self, 600, 640)

    def _inputs(self) -> list[QWidget]:
        ui = self.ui
        return [
            ui.visitedAt,
            ui.channelCombo,
            ui.personName,
            ui.personPhone,
            ui.headcount,
            ui.categoryCombo,
            ui.villageCombo,
            ui.question,
            ui.answer,
            ui.officerCombo,
        ]

    def build_draft(self) -> VisitDraft:
        ui = self.ui
        name = ui.personName.text().strip()
        phone = ui.personPhone.text().strip()
        village = combo_value(ui.villageCombo)
        person = PersonDraft(name=name, phone=phone or None, village_code=village) if name else None
        if person is None and phone:
            person = PersonDraft(name="", phone=phone, village_code=village)
        return VisitDraft(
            visited_at=ui.visitedAt.checked_datetime("visited_at"),
            channel=combo_value(ui.channelCombo) or "",
            question=ui.question.toPlainText(),
            answer=ui.answer.toPlainText(),
            headcount=ui.headcount.value(),
            topic_category=combo_value(ui.categoryCombo),
            village_code=village,
            officer_id=combo_value(ui.officerCombo),
            person=person,
        )

    def visit_id(self) -> int | None:
        return self.record_id

    def saved_count(self) -> int:
        return self._saved_count

    def save(self) -> None:
        self._continue = False
        self._submit()

    def save_and_continue(self) -> None:
        self._continue = True
        self._submit()

    def _submit(self) -> None:
        if self._busy:
            return
        try:
            draft = self.build_draft()
        except FieldError as error:  # a typed time that is no time
            self.errors.show({error.field: error.message})
            return
        if draft.person is not None and not draft.person.name:
            # a phone number without a name: the core ignores the person, so say so here
            self.errors.show({"person.name": self.tr("填了电话，请也填写来访人姓名。")})
            return
        self.errors.clear_all()
        job = save_job(self.app.context(), draft, self.record_id, register_visit, update_visit)
        self._run_save(job, self.tr("保存来访记录"))

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.ui.saveNextButton.setEnabled(not busy)

    def _saved(self, visit_id: int) -> None:
        self._set_busy(False)
        self._saved_count += 1
        self.saved.emit(visit_id)
        if self._continue and self.record_id is None:
            self._clear_for_next()
            return
        self.record_id = visit_id
        self._initial = self._state()
        self.accept()

    def _clear_for_next(self) -> None:
        """Ready for the next visitor: keep channel, officer and category; clear the rest."""
        ui = self.ui
        ui.visitedAt.setDateTime(QDateTime(self.app.clock.local_now()))
        for edit in (ui.personName, ui.personPhone):
            edit.clear()
        for area in (ui.question, ui.answer):
            area.clear()
        ui.headcount.setValue(1)
        ui.villageCombo.setCurrentIndex(-1)
        ui.statusLabel.setText(
            self.tr("已保存第 %1 条。可以接着登记下一位来访人。").replace(
                "%1", str(self._saved_count)
            )
        )
        self._initial = self._state()
        ui.personName.setFocus(Qt.FocusReason.OtherFocusReason)
