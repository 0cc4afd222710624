"""The complaint form: register a new complaint, edit one, or complete one begun as a visit.

Saving builds a ``ComplaintDraft`` and hands it to the core on the writer thread. A refused draft
shows each reason beside its field and saves nothing. Enter saves from single-line fields,
Ctrl+Enter from text areas; Esc cancels, asking first when something was typed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QWidget,
)

from station_app import codes
from station_app.changes import Changed
from station_app.errors import FieldError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.respondent_field import RespondentField
from station_app.gui.forms.ui_complaint_form import Ui_ComplaintForm
from station_app.gui.widgets.combos import code_choices, combo_value, fill_combo, select_data
from station_app.gui.widgets.date_field import show_refusals_in
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.gui.widgets.record_form import RecordForm, add_save_shortcuts
from station_app.gui.widgets.typed_state import typed_state
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.messages import translate
from station_app.registry.choices import officer_choices, village_choices
from station_app.registry.complaints import (
    ComplaintDraft,
    draft_of,
    get_complaint,
    register_complaint,
    update_complaint,
)
from station_app.registry.context import Context
from station_app.registry.duplicates import possible_duplicates
from station_app.registry.people import PersonDraft
from station_app.registry.representatives import BASIS as REPRESENTATIVES_BASIS
from station_app.registry.representatives import representative_limit
from station_app.validation import format_fen, mask_id_number, parse_yuan_to_fen

CHECK_COLUMNS = 2  # English names of natures and demands are long: two a row
OTHERS_FIELD = "other_complainants"  # where refusals about the table's people are shown
OTHER_PERSON_FIELD = re.compile(r"complainants\.(\d+)\.(\w+)")


def _register(ctx: Context, draft: ComplaintDraft) -> Changed[tuple[int, str]]:
    complaint = register_complaint(ctx, draft)
    return Changed((complaint.id, complaint.number), complaint.changes)


def _update(
    ctx: Context, complaint_id: int, draft: ComplaintDraft, version: int | None
) -> Changed[tuple[int, str]]:
    complaint = update_complaint(ctx, complaint_id, draft, expected_version=version)
    return Changed((complaint.id, complaint.number), complaint.changes)


class ComplaintForm(RecordForm):
    """Register (``complaint_id=None``) or edit a complaint; ``draft`` pre-fills a new one."""

    saved = Signal(int)  # the complaint's id, after the write committed

    def __init__(
        self,
        app: AppContext,
        complaint_id: int | None = None,
        draft: ComplaintDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.ui = Ui_ComplaintForm()
        self.ui.setupUi(self)
        self.setStyleSheet(INVALID_STYLE)
        self._complaint_id = complaint_id
        self._version: int | None = None
        self._number: str | None = None
        self._visit_id: int | None = None
        self._business_id: int | None = None
        self._remarks: str | None = None
        self._kept_id_number: str | None = None
        self.nature_checks: dict[str, QCheckBox] = {}  # secondary natures (the primary: combo)
        self.demand_checks: dict[str, QCheckBox] = {}
        self._confirmed_duplicates: tuple[str, ...] = ()  # warnings the officer saved despite

        if complaint_id is not None:
            complaint = get_complaint(complaint_id)
            self._version = complaint.version
            self._number = complaint.number
            status = complaint.status
            draft = draft_of(complaint)
        self._fill_choices(draft)
        self._setup_errors()
        self._connect()
        ui = self.ui
        self.respondent = RespondentField(app, ui.respondentName, ui.respondentCreditCode,
                                          ui.respondentPhone, ui.respondentAddress, self)  # fmt: skip
        self.respondent.business_chosen.connect(self._link_business)
        if complaint_id is None:  # registered: offer a respondent the register lacks
            self.saved.connect(self.respondent.offer_to_register)
        if draft is not None:
            self._load(draft)
        else:
            self._defaults()
        if complaint_id is not None:
            self.setWindowTitle(self.tr("修改投诉 %1").replace("%1", self._number or ""))
            status_name = codes.code_list("complaint_status")
            self.ui.headerLabel.setText(
                self.tr("登记编号 %1，当前状态：%2。改完按“保存”。")
                .replace("%1", self._number or "")
                .replace("%2", status_name.label(status) if status in status_name else status)
            )
        elif self._visit_id is not None:
            self.setWindowTitle(self.tr("来访转为投诉"))
            self.ui.headerLabel.setText(
                self.tr("由来访记录转来：请补全被投诉方、商品或服务、大类和投诉性质后保存。")
            )
        else:
            self.ui.headerLabel.setText(self.tr("登记一件新投诉。保存后自动生成登记编号。"))
        for form in self.findChildren(QFormLayout):  # long (English) labels go above their field
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._initial = self._state()
        fit_to_screen(self, 1360, 700)  # the three columns take the width a 1366 screen has

    def _link_business(self, business_id: int | None) -> None:
        self._business_id = business_id

    # --- setting up ---------------------------------------------------------------------------

    def _fill_choices(self, draft: ComplaintDraft | None) -> None:
        ui = self.ui
        village = draft.village_code if draft else None
        officer = draft.officer_id if draft else None
        channel = draft.channel if draft else None
        category = draft.category_code if draft else None
        fill_combo(ui.channelCombo, code_choices(codes.code_list("channel"), [channel]))
        station = self.app.installation.identity()
        fill_combo(
            ui.officerCombo, officer_choices(station.code if station else None, include=[officer])
        )
        villages = village_choices(
            include=[village, *(p.village_code for p in (draft.complainants if draft else []))]
        )
        fill_combo(ui.villageCombo, villages)
        ui.otherComplainants.set_villages(villages)
        ui.otherComplainants.set_hint(
            self.tr(
                "代表人最多 %1 名（%2）；有代表人时，由代表人同意提供个人信息。"
                "可从表格软件复制多行后粘贴。"
            )
            .replace("%1", str(representative_limit()))
            .replace("%2", translate(REPRESENTATIVES_BASIS))
        )
        self._fill_categories(ui.categoryCombo, [category])
        ui.subcategoryCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        natures = codes.code_list("nature")
        primary = draft.primary_nature if draft else None
        fill_combo(ui.primaryNatureCombo, code_choices(natures, [primary]))
        self._fill_checks(
            ui.secondaryNaturesBox, natures, draft.natures if draft else [], self.nature_checks
        )
        self._fill_checks(
            ui.demandsBox,
            codes.code_list("demand"),
            draft.demands if draft else [],
            self.demand_checks,
        )
        ui.receivedAt.setMaximumDateTime(
            QDateTime(self.app.clock.local_now() + dt.timedelta(days=1))
        )
        ui.purchaseDate.setMaximumDate(QDate(self.app.clock.today()))
        ui.purchaseDate.set_today(self.app.clock.today)

    @staticmethod
    def _fill_categories(combo: QComboBox, include: list[str | None]) -> None:
        wanted = {code for code in include if code}
        combo.clear()
        kind = None
        for entry in codes.category_list().entries():
            if not (entry.active or entry.code in wanted):
                continue
            if kind is not None and entry.kind != kind:
                combo.insertSeparator(combo.count())
            kind = entry.kind
            combo.addItem(codes.label_of(entry), entry.code)
        combo.setCurrentIndex(-1)

    def _fill_checks(
        self,
        box: QWidget,
        code_list: codes.CodeList,
        include: list[str],
        into: dict[str, QCheckBox],
    ) -> None:
        grid = box.layout()
        assert isinstance(grid, QGridLayout)
        entries = [e for e in code_list.entries() if e.active or e.code in include]
        for number, entry in enumerate(entries):
            check = QCheckBox(codes.label_of(entry), box)
            check.setObjectName(f"{code_list.list_name}_{entry.code}")
            check.setMinimumWidth(check.sizeHint().width())  # never squeezed into a cut word
            grid.addWidget(check, number // CHECK_COLUMNS, number % CHECK_COLUMNS)
            into[entry.code] = check

    def _setup_errors(self) -> None:
        ui = self.ui
        self.errors = FieldErrors(self)
        self.errors.set_scroll_area(ui.scrollArea)
        self.errors.register_many(
            {
                "received_at": ui.receivedAt,
                "channel": ui.channelCombo,
                "officer_id": ui.officerCombo,
                "hotline_number": ui.hotlineNumber,
                "complainants.0.name": ui.complainantName,
                "complainants.0.phone": ui.complainantPhone,
                "complainants.0.id_number": ui.complainantIdNumber,
                "complainants.0.village_code": ui.villageCombo,
                "complainants.0.address": ui.complainantAddress,
                "complainants.0.is_representative": ui.representativeCheck,
                OTHERS_FIELD: ui.otherComplainants,
                "village_code": ui.villageCombo,
                "group_size": ui.groupSize,
                "respondent_name": ui.respondentName,
                "business_id": ui.respondentName,
                "respondent_credit_code": ui.respondentCreditCode,
                "respondent_phone": ui.respondentPhone,
                "respondent_address": ui.respondentAddress,
                "subject": ui.subject,
                "category_code": ui.categoryCombo,
                "subcategory": ui.subcategoryCombo,
                "purchase_date": ui.purchaseDate,
                "purchase_place": ui.purchasePlace,
                "purchase_channel": ui.purchaseChannel,
                "amount_paid_fen": ui.amountPaid,
                "disputed_amount_fen": ui.disputedAmount,
                "natures": ui.naturesBox,
                "primary_nature": ui.primaryNatureCombo,
                "facts": ui.facts,
                "demands": ui.demandsBox,
                "demand_text": ui.demandText,
            }
        )
        show_refusals_in(self.errors, {"purchase_date": ui.purchaseDate})

    def _connect(self) -> None:
        ui = self.ui
        ui.saveButton.clicked.connect(self.save)
        ui.cancelButton.clicked.connect(self.reject)
        ui.cancelButton.setAutoDefault(False)
        ui.groupCheck.toggled.connect(self._group_changed)
        ui.groupCheck.toggled.connect(self._offer_first_row)
        ui.villageCombo.currentIndexChanged.connect(self._village_changed)
        ui.otherComplainants.changed.connect(self._group_changed)
        self._group_changed()
        ui.categoryCombo.currentIndexChanged.connect(self._category_changed)
        ui.primaryNatureCombo.currentIndexChanged.connect(self._primary_nature_changed)
        add_save_shortcuts(self, self.save)

    def _group_changed(self) -> None:
        """A group complaint lists its other complainants, and counts at least those listed."""
        ui = self.ui
        group = ui.groupCheck.isChecked()
        listed = 1 + ui.otherComplainants.count()
        ui.groupSize.setEnabled(group)
        ui.representativeCheck.setVisible(group)
        ui.complainantsGroup.setVisible(group or listed > 1)
        ui.groupSize.setMinimum(max(2, listed))

    def _offer_first_row(self, group: bool) -> None:
        """Ticking 群体性投诉 opens the table with an empty row to type the second person into."""
        editor = self.ui.otherComplainants
        if group and editor.model.rowCount() == 0:
            editor.model.insert_rows(0)

    def _village_changed(self) -> None:
        """New rows of the table start in the first complainant's village (a group of
        neighbours, most often)."""
        self.ui.otherComplainants.model.default_village = combo_value(self.ui.villageCombo)

    def _category_changed(self) -> None:
        combo = self.ui.subcategoryCombo
        typed = combo.currentText()
        category = combo_value(self.ui.categoryCombo)
        combo.clear()
        if category:
            for entry in codes.code_list("subcategory").children(category):
                if entry.active:
                    combo.addItem(codes.label_of(entry), entry.code)
        combo.setCurrentIndex(-1)
        combo.setEditText(typed if combo.findText(typed) < 0 else "")

    def _primary_nature_changed(self) -> None:
        """The primary nature is not also offered as a secondary one."""
        primary = combo_value(self.ui.primaryNatureCombo)
        for code, check in self.nature_checks.items():
            if code == primary:
                check.setChecked(False)
            check.setEnabled(code != primary)

    def _defaults(self) -> None:
        ui = self.ui
        ui.receivedAt.setDateTime(QDateTime(self.app.clock.local_now()))
        ui.channelCombo.setCurrentIndex(0)  # the list's first channel: 来访, the usual case
        own = ui.officerCombo.findText(self.app.actor)
        if own >= 0:
            ui.officerCombo.setCurrentIndex(own)

    # --- draft <-> widgets --------------------------------------------------------------------

    def _load(self, draft: ComplaintDraft) -> None:
        ui = self.ui
        self._visit_id = draft.visit_id
        self._business_id = draft.business_id
        self._remarks = draft.remarks
        ui.receivedAt.setDateTime(QDateTime(draft.received_at or self.app.clock.local_now()))
        select_data(ui.channelCombo, draft.channel)
        select_data(ui.officerCombo, draft.officer_id)
        ui.hotlineNumber.setText(draft.hotline_number or "")
        first = draft.complainants[0] if draft.complainants else None
        ui.otherComplainants.set_people(
            draft.complainants[1:], keep_id_numbers=self._complaint_id is not None
        )
        if first is not None:
            ui.representativeCheck.setChecked(first.is_representative)
            ui.consentCheck.setChecked(bool(first.consents_to_respondent))
            ui.complainantName.setText(first.name or "")
            ui.complainantPhone.setText(first.phone or "")
            ui.complainantAddress.setText(first.address or "")
            if first.id_number and self._complaint_id is not None:
                # shown masked (PIPL); left empty it stays as registered
                self._kept_id_number = first.id_number
                ui.complainantIdNumber.setPlaceholderText(
                    self.tr("已登记 %1，不改就留空").replace("%1", mask_id_number(first.id_number))
                )
            else:
                ui.complainantIdNumber.setText(first.id_number or "")
        select_data(ui.villageCombo, draft.village_code or (first.village_code if first else None))
        ui.groupCheck.setChecked(draft.is_group)
        if draft.group_size:
            ui.groupSize.setValue(max(draft.group_size, ui.groupSize.minimum()))
        ui.respondentName.setText(draft.respondent_name or "")
        ui.respondentCreditCode.setText(draft.respondent_credit_code or "")
        ui.respondentPhone.setText(draft.respondent_phone or "")
        ui.respondentAddress.setText(draft.respondent_address or "")
        ui.subject.setText(draft.subject or "")
        select_data(ui.categoryCombo, draft.category_code or None)
        if draft.subcategory and not select_data(ui.subcategoryCombo, draft.subcategory):
            ui.subcategoryCombo.setEditText(draft.subcategory)
        if draft.purchase_date:
            ui.purchaseDate.setDate(QDate(draft.purchase_date))
        ui.purchasePlace.setText(draft.purchase_place or "")
        ui.purchaseChannel.setText(draft.purchase_channel or "")
        ui.amountPaid.setText(format_fen(draft.amount_paid_fen))
        ui.disputedAmount.setText(format_fen(draft.disputed_amount_fen))
        select_data(ui.primaryNatureCombo, draft.primary_nature)
        for code in draft.natures:
            if code in self.nature_checks and code != draft.primary_nature:
                self.nature_checks[code].setChecked(True)
        for code in draft.demands:
            if code in self.demand_checks:
                self.demand_checks[code].setChecked(True)
        ui.facts.setPlainText(draft.facts or "")
        ui.demandText.setText(draft.demand_text or "")

    def _subcategory(self) -> str | None:
        combo = self.ui.subcategoryCombo
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text)
        return combo.itemData(index) if index >= 0 else text

    def build_draft(self) -> tuple[ComplaintDraft, dict[str, str]]:
        """The draft the widgets describe, and reasons found before asking the core (money)."""
        ui = self.ui
        problems: dict[str, str] = {}
        amounts: dict[str, int | None] = {}
        for name, edit in (
            ("amount_paid_fen", ui.amountPaid),
            ("disputed_amount_fen", ui.disputedAmount),
        ):
            try:
                amounts[name] = parse_yuan_to_fen(edit.text(), field=name)
            except FieldError as error:
                problems[name] = error.message
                amounts[name] = None
        village = combo_value(ui.villageCombo)
        person = PersonDraft(
            name=ui.complainantName.text(),
            phone=ui.complainantPhone.text(),
            id_number=ui.complainantIdNumber.text().strip() or self._kept_id_number,
            address=ui.complainantAddress.text(),
            village_code=village,
            is_representative=ui.representativeCheck.isChecked(),
            consents_to_respondent=ui.consentCheck.isChecked(),
        )
        try:
            purchase = QDate(ui.purchaseDate.checked_date("purchase_date"))
        except FieldError as error:
            problems[error.field] = error.message
            purchase = ui.purchaseDate.minimumDate()
        is_group = ui.groupCheck.isChecked()
        primary = combo_value(ui.primaryNatureCombo)
        draft = ComplaintDraft(
            received_at=ui.receivedAt.dateTime().toPython(),
            channel=combo_value(ui.channelCombo) or "",
            complainants=[person, *ui.otherComplainants.people()],
            respondent_name=ui.respondentName.text(),
            subject=ui.subject.text(),
            category_code=combo_value(ui.categoryCombo) or "",
            natures=[
                *([primary] if primary else []),
                *(code for code, check in self.nature_checks.items() if check.isChecked()),
            ],
            primary_nature=primary,
            facts=ui.facts.toPlainText(),
            officer_id=combo_value(ui.officerCombo),
            village_code=village,
            is_group=is_group,
            group_size=ui.groupSize.value() if is_group else None,
            business_id=self._business_id,
            respondent_credit_code=ui.respondentCreditCode.text(),
            respondent_address=ui.respondentAddress.text(),
            respondent_phone=ui.respondentPhone.text(),
            subcategory=self._subcategory(),
            purchase_date=None
            if purchase == ui.purchaseDate.minimumDate()
            else purchase.toPython(),
            purchase_place=ui.purchasePlace.text(),
            purchase_channel=ui.purchaseChannel.text(),
            amount_paid_fen=amounts["amount_paid_fen"],
            disputed_amount_fen=amounts["disputed_amount_fen"],
            demands=[code for code, check in self.demand_checks.items() if check.isChecked()],
            demand_text=ui.demandText.text(),
            hotline_number=ui.hotlineNumber.text(),
            remarks=self._remarks,
            visit_id=self._visit_id,
        )
        return draft, problems

    def _state(self) -> tuple[Any, ...]:
        return (*typed_state(self.ui.scrollContents), self.ui.otherComplainants.state())

    # --- saving and leaving -------------------------------------------------------------------

    def complaint_id(self) -> int | None:
        return self._complaint_id

    def number(self) -> str | None:
        """The registration number, once the complaint is saved."""
        return self._number

    def is_busy(self) -> bool:
        return self._busy

    def save(self) -> None:
        if self._busy:
            return
        draft, problems = self.build_draft()
        if problems:
            self.errors.show(problems)
            return
        self.errors.clear_all()
        self.ui.otherComplainants.show_problems({})
        if self._complaint_id is None and not self._duplicates_confirmed(draft):
            return
        ctx = self.app.context()
        if self._complaint_id is None:

            def job() -> Changed[tuple[int, str]]:
                return _register(ctx, draft)
        else:
            complaint_id, version = self._complaint_id, self._version

            def job() -> Changed[tuple[int, str]]:
                return _update(ctx, complaint_id, draft, version)

        self._run_save(job, self.tr("保存投诉"))

    def _duplicates_confirmed(self, draft: ComplaintDraft) -> bool:
        """Whether to go on saving: no sign that the dispute is already handled, or the officer
        has seen the warnings (shown above the buttons, not in a blocking box) and pressed
        “仍然保存”. New warnings (the draft changed) are shown again first."""
        warnings = possible_duplicates(draft)
        messages = tuple(w.message for w in warnings)
        label = self.ui.duplicateWarning
        if not messages:
            label.setVisible(False)
            self._confirmed_duplicates = ()
            self.ui.saveButton.setText(self.tr("保存"))
            return True
        if messages == self._confirmed_duplicates:
            return True
        self._confirmed_duplicates = messages
        label.setText(
            self.tr("请注意，这起纠纷可能已经登记或受理：")
            + "\n"
            + "\n".join(f"• {m}" for m in messages)
            + "\n"
            + self.tr("核实后仍要登记，请再按“仍然保存”。")
        )
        label.setVisible(True)
        self.ui.saveButton.setText(self.tr("仍然保存"))
        return False

    def duplicate_warnings(self) -> tuple[str, ...]:
        """The warnings shown (empty when none is shown)."""
        return self._confirmed_duplicates if self.ui.duplicateWarning.isVisible() else ()

    def _failed(self, error: Exception) -> None:
        """Refusals about the other complainants go on their cells, and in one text under the
        table that names each person's row."""
        if isinstance(error, ValidationFailed):
            others: dict[int, dict[str, str]] = {}
            kept = []
            for problem in error.problems:
                match = OTHER_PERSON_FIELD.fullmatch(problem.field)
                if match and int(match[1]) > 0:
                    others.setdefault(int(match[1]) - 1, {})[match[2]] = problem.message
                else:
                    kept.append(problem)
            if others:
                text = self.ui.otherComplainants.show_problems(others)
                error = ValidationFailed([*kept, FieldError(OTHERS_FIELD, text)])
        super()._failed(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.saveButton.setEnabled(not busy)
        idle = self.tr("仍然保存") if self.duplicate_warnings() else self.tr("保存")
        self.ui.saveButton.setText(self.tr("正在保存…") if busy else idle)

    def _saved(self, result: tuple[int, str]) -> None:
        self._set_busy(False)
        complaint_id, number = result
        self._complaint_id = complaint_id
        self._number = number
        self._initial = self._state()
        self.saved.emit(complaint_id)
        self.accept()
