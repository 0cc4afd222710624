"""A group complaint of 15 with 2 representatives, registered on the form, edited and shown: the
other complainants typed into the table by keyboard and pasted from a spreadsheet."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.complainants_editor import (
    CONSENT,
    NAME,
    PHONE,
    REPRESENTATIVE,
    ComplainantsModel,
    split_pasted,
)
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.table_model import ComplaintTableModel
from station_app.registry.complaints import draft_of, get_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.registry.station_kinds import STATION_KIND
from station_app.settings import set_setting
from station_app.store.models import Complainant, Complaint
from station_app.store.workflow_models import ConsentRecord

from .test_complaint_detail import open_detail
from .test_complaint_form_legal import open_form
from .test_complaints_screen import VILLAGE, fill_valid, seed_roster

OTHERS = [(f"村民{n:02d}", f"139{n:08d}") for n in range(2, 16)]  # the 2nd to the 15th


def press(qtbot, form: ComplaintForm, row: int, column: int, key: Qt.Key, modifier=None) -> None:
    table = form.ui.otherComplainants.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    if modifier is None:
        qtbot.keyClick(table, key)
    else:
        qtbot.keyClick(table, key, modifier)


def tick(qtbot, check) -> None:
    """Click a check box on its box (a stretched one's middle may be past its text)."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def save(qtbot, form: ComplaintForm) -> None:
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)


def register_fifteen(qtbot, app: AppContext, ctx: Context) -> int:
    seed_roster(ctx)
    form = open_form(qtbot, app)
    fill_valid(qtbot, form)  # the first complainant: 张三丰
    ui = form.ui
    assert not ui.complainantsGroup.isVisible()
    tick(qtbot, ui.groupCheck)
    assert ui.complainantsGroup.isVisible() and ui.representativeCheck.isVisible()
    editor = ui.otherComplainants
    assert editor.model.rowCount() == 1  # an empty row to start typing in
    # 14 rows copied from a spreadsheet: name, phone, ID number (empty), village by name
    QGuiApplication.clipboard().setText("\n".join(f"{n}\t{p}\t\t城南社区" for n, p in OTHERS))
    press(qtbot, form, 0, NAME, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rowCount() == 14 and editor.count() == 14
    assert ui.groupSize.value() == 15
    # the first and the second represent the group and agree to pass on their details
    tick(qtbot, ui.representativeCheck)
    tick(qtbot, ui.consentCheck)
    press(qtbot, form, 0, REPRESENTATIVE, Qt.Key.Key_Space)
    press(qtbot, form, 0, CONSENT, Qt.Key.Key_Space)
    assert form.is_dirty()
    save(qtbot, form)
    return form.complaint_id() or 0


def test_a_group_of_fifteen_with_two_representatives_is_registered(qtbot, app_context, ctx):
    cid = register_fifteen(qtbot, app_context, ctx)
    complaint = get_complaint(cid)
    assert complaint.is_group and complaint.group_size == 15
    links = list(
        Complainant.select().where(Complainant.complaint == cid).order_by(Complainant.position)
    )
    assert [(link.person.name, link.person.phone) for link in links] == [
        ("张三丰", "13812345678"),
        *OTHERS,
    ]
    assert [link.person.village_code for link in links] == [VILLAGE] * 15
    assert [link.person.name for link in links if link.is_representative] == ["张三丰", "村民02"]
    assert sorted(r.person.name for r in ConsentRecord.select()) == ["张三丰", "村民02"]


def test_a_third_representative_is_refused_on_its_row(qtbot, app_context, ctx):
    set_setting(STATION_KIND, "entrusted")  # the measures' own limit: two
    seed_roster(ctx)
    form = open_form(qtbot, app_context)
    fill_valid(qtbot, form)
    tick(qtbot, form.ui.groupCheck)
    form.ui.otherComplainants.paste_text("李二\t13900000002\n王三\t13900000003\n")
    tick(qtbot, form.ui.representativeCheck)
    press(qtbot, form, 0, REPRESENTATIVE, Qt.Key.Key_Space)
    press(qtbot, form, 1, REPRESENTATIVE, Qt.Key.Key_Space)
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.errors.messages()), timeout=5000)
    shown = form.errors.message("other_complainants") or ""
    assert shown.startswith("第 3 人：群体性投诉最多推选 2 名代表人"), shown
    model = form.ui.otherComplainants.model
    assert "最多推选 2 名代表人" in model.index(1, REPRESENTATIVE).data(Qt.ItemDataRole.ToolTipRole)
    assert Complaint.select().count() == 0
    press(qtbot, form, 1, REPRESENTATIVE, Qt.Key.Key_Space)
    save(qtbot, form)
    assert Complaint.select().count() == 1


def test_the_group_is_edited_on_the_form(qtbot, app_context, ctx):
    cid = register_fifteen(qtbot, app_context, ctx)
    form = open_form(qtbot, app_context, cid)
    ui = form.ui
    editor = ui.otherComplainants
    assert ui.complainantsGroup.isVisible() and ui.groupCheck.isChecked()
    assert ui.representativeCheck.isChecked() and ui.consentCheck.isChecked()
    model = editor.model
    assert [model.index(r, NAME).data() for r in range(14)] == [n for n, _ in OTHERS]
    assert model.index(0, REPRESENTATIVE).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    assert not form.is_dirty()
    # a new phone for the 5th person, typed in the cell; the 15th leaves the group
    press(qtbot, form, 3, PHONE, Qt.Key.Key_F2)
    cell = editor.table.viewport().findChild(QLineEdit)  # the cell's editor, opened by F2
    assert isinstance(cell, QLineEdit) and cell.isVisible()
    cell.selectAll()
    qtbot.keyClicks(cell, "13711112222")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    press(qtbot, form, 13, NAME, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == 13
    ui.groupSize.setValue(14)
    save(qtbot, form)
    after = draft_of(get_complaint(cid))
    assert len(after.complainants) == 14 and get_complaint(cid).group_size == 14
    assert after.complainants[4].phone == "13711112222"
    assert [p.name for p in after.complainants][-1] == "村民14"


def test_the_group_is_shown_as_its_first_complainant_and_how_many(qtbot, app_context, ctx):
    cid = register_fifteen(qtbot, app_context, ctx)
    model = ComplaintTableModel(page_size=10)
    assert model.index(0, 3).data() == "张** 等15人"
    detail = open_detail(qtbot, app_context, cid)
    shown = detail.summary_tab.summary_values
    assert shown["投诉人"].endswith("等15人")
    everyone = shown["全部投诉人"].split("、")
    assert len(everyone) == 15 and everyone[0] in ("张三丰", "张**")
    assert len(shown["代表人"].split("、")) == 2


def test_pasted_text_splits_into_rows_and_cells():
    assert split_pasted("张三\t138\r\n\r\n李四\t139\n") == [["张三", "138"], ["李四", "139"]]
    assert split_pasted("张三，13800000000\n李四 13900000000") == [
        ["张三", "13800000000"],
        ["李四", "13900000000"],
    ]


def test_the_complainants_model_keeps_qt_rules(qtmodeltester) -> None:
    model = ComplainantsModel()
    model.set_people([PersonDraft(name="张三", id_number="511921199001011234")], True)
    model.insert_rows(1, 2)
    assert model.index(0, 2).data() == "511921********1234"  # kept, shown masked
    assert model.people()[0].id_number == "511921199001011234" and len(model.people()) == 1
    qtmodeltester.check(model)
