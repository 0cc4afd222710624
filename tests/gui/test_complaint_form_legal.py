"""The complaint form's primary nature (one counted, others kept) and its warning that a dispute
may already be handled elsewhere (shown above the buttons; a second press saves anyway)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.form import ComplaintForm
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.listing import count_complaints
from station_app.registry.people import PersonDraft

from .test_complaints_screen import core_draft, fill_valid, seed_roster


def open_form(qtbot, app_context: AppContext, complaint_id: int | None = None) -> ComplaintForm:
    form = ComplaintForm(app_context, complaint_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def saved_id(qtbot, form: ComplaintForm) -> int:
    with qtbot.waitSignal(form.saved, timeout=5000) as blocker:
        qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    return int(blocker.args[0])


def test_primary_and_secondary_natures(qtbot, app_context: AppContext, ctx: Context) -> None:
    seed_roster(ctx)
    form = open_form(qtbot, app_context)
    fill_valid(qtbot, form)  # ticks 质量
    ui = form.ui
    ui.primaryNatureCombo.setCurrentIndex(ui.primaryNatureCombo.findData("counterfeit"))
    assert not form.nature_checks["counterfeit"].isEnabled()  # not offered twice
    form.nature_checks["price"].setChecked(True)
    complaint = get_complaint(saved_id(qtbot, form))
    assert complaint.primary_nature == "counterfeit"
    assert complaint.natures == "counterfeit,quality,price"

    again = open_form(qtbot, app_context, complaint.id)
    assert again.ui.primaryNatureCombo.currentData() == "counterfeit"
    ticked = [code for code, check in again.nature_checks.items() if check.isChecked()]
    assert ticked == ["quality", "price"]
    assert not again.is_dirty()


def test_without_a_primary_several_natures_count_as_other(qtbot, app_context, ctx) -> None:
    seed_roster(ctx)
    form = open_form(qtbot, app_context)
    fill_valid(qtbot, form)
    form.nature_checks["safety"].setChecked(True)
    complaint = get_complaint(saved_id(qtbot, form))
    assert complaint.primary_nature == "other"


def test_a_possible_duplicate_is_warned_before_saving(qtbot, app_context, ctx) -> None:
    seed_roster(ctx)
    earlier = register_complaint(
        ctx,
        dataclasses.replace(
            core_draft(ctx),
            complainants=[PersonDraft(name="张三丰", phone="13812345678")],
            respondent_name="通江县红星农资店",
        ),
    )
    form = open_form(qtbot, app_context)
    fill_valid(qtbot, form)  # the same consumer (phone), the same shop
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert count_complaints() == 1  # not saved yet
    assert form.ui.duplicateWarning.isVisible()
    assert earlier.number in form.ui.duplicateWarning.text()
    assert form.ui.saveButton.text() == "仍然保存"
    [warning] = form.duplicate_warnings()
    assert "尚未办结" in warning
    form.ui.duplicateWarning.grab().save("/tmp/duplicate_warning.png")
    form.grab().save("/tmp/complaint_form_warning.png")
    saved_id(qtbot, form)  # the officer checked and saves anyway
    assert count_complaints() == 2


def test_no_warning_for_a_new_dispute(qtbot, app_context, ctx) -> None:
    seed_roster(ctx)
    register_complaint(ctx, core_draft(ctx))
    form = open_form(qtbot, app_context)
    fill_valid(qtbot, form)
    saved_id(qtbot, form)
    assert not form.ui.duplicateWarning.isVisible()
    assert count_complaints() == 2
