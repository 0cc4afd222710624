"""The complaints screen and form, driven like an officer would: typing, clicking, Enter."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.detail.history import HistoryDialog
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.screen import ComplaintsScreen
from station_app.gui.complaints.table_model import MATCH_COLUMN, ComplaintTableModel
from station_app.gui.widgets.paged_table_model import ROW_ID_ROLE
from station_app.registry.complaints import ComplaintDraft, get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.listing import ComplaintFilter, count_complaints
from station_app.registry.people import PersonDraft
from station_app.store.models import Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new

VILLAGE = "511921001001"
FACTS = "在镇上农资店买的复合肥结块严重，施用后玉米苗发黄"


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` as an officer would: ASCII by key, Chinese committed by the input method."""
    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if run:
                event = QInputMethodEvent("", [])
                event.setCommitString(run)
                QApplication.sendEvent(widget, event)
                run = ""
            qtbot.keyClicks(widget, char)
        elif char != "\0":
            run += char
        elif run:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def seed_roster(ctx: Context) -> int:
    """Two villages and the officer of the test: what a roster import would give."""
    Region.insert_many(
        [
            {"code": "511921001", "name": "壁州街道", "level": "town", "parent_code": "511921"},
            {"code": VILLAGE, "name": "城南社区", "level": "village", "parent_code": "511921001"},
            {
                "code": "511921001002",
                "name": "南寺社区",
                "level": "village",
                "parent_code": "511921001",
            },
        ]
    ).execute()
    with database_proxy.atomic():
        officer = Officer(name="王联络员", station_code=ctx.origin)
        stamp_new(officer, ctx.origin, ctx.clock.utcnow())
        officer.save(force_insert=True)
    return officer.id


def core_draft(
    ctx: Context, number: int = 0, facts: str = "电动车电池续航不足一半"
) -> ComplaintDraft:
    return ComplaintDraft(
        received_at=ctx.clock.local_now() - dt.timedelta(hours=number + 1),
        channel="phone",
        complainants=[PersonDraft(name=f"李四{number}", phone="13912345678")],
        respondent_name=f"诺江电动车行{number:03d}",
        subject="电动车",
        category_code="G09",
        natures=["quality"],
        facts=facts,
    )


@pytest.fixture
def screen(qtbot, app_context: AppContext, ctx: Context) -> ComplaintsScreen:
    seed_roster(ctx)
    widget = ComplaintsScreen(app_context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def fill_valid(qtbot, form: ComplaintForm) -> None:
    ui = form.ui
    type_text(qtbot, ui.complainantName, "张三丰")
    type_text(qtbot, ui.complainantPhone, "13812345678")
    ui.villageCombo.setCurrentIndex(ui.villageCombo.findData(VILLAGE))
    type_text(qtbot, ui.respondentName, "通江县红星农资店")
    type_text(qtbot, ui.subject, "复合肥")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("G10"))
    quality = form.nature_checks["quality"]
    qtbot.mouseClick(quality, Qt.MouseButton.LeftButton, pos=QPoint(8, quality.height() // 2))
    form.demand_checks["refund"].setChecked(True)
    type_text(qtbot, ui.facts, FACTS)
    type_text(qtbot, ui.amountPaid, "1,234.50")


def test_register_find_edit_and_see_history(qtbot, screen: ComplaintsScreen, ctx: Context) -> None:
    register_complaint(ctx, core_draft(ctx))
    screen.refresh()
    assert screen.model.total() == 1

    form = screen.new_complaint()
    qtbot.waitExposed(form)
    assert form.ui.officerCombo.currentText() == "王联络员"  # the officer at the keyboard
    fill_valid(qtbot, form)
    qtbot.keyClick(form.ui.subject, Qt.Key.Key_Return)  # Enter in a single-line field saves
    qtbot.waitUntil(lambda: screen.model.total() == 2, timeout=5000)
    qtbot.waitUntil(lambda: screen.model.total() == 2, timeout=5000)
    assert screen.total_label.text() == "共 2 条"
    new_id = screen.selected_id()
    assert new_id is not None
    saved = get_complaint(new_id)
    assert saved.facts == FACTS and saved.amount_paid_fen == 123450
    assert saved.demands == "refund" and saved.village_code == VILLAGE
    row = screen.model.row_of_id(new_id)
    assert screen.model.index(row, 3).data() == "张**"  # complainant masked in the list
    assert screen.model.index(row, 2).data() == "已登记"
    assert screen.model.index(row, 6).data() == "农用生产资料类"

    # a 2-character fragment (LIKE) and a 3-character one (full-text) of the facts
    for fragment in ("结块", "玉米苗"):
        screen.search_edit.clear()
        type_text(qtbot, screen.search_edit, fragment)
        qtbot.waitUntil(
            lambda wanted=fragment: screen.model.complaint_filter().text == wanted, timeout=2000
        )
        assert screen.model.rowCount() == 1
        assert screen.model.index(0, 0).data(ROW_ID_ROLE) == new_id
    screen.search_edit.clear()
    type_text(qtbot, screen.search_edit, "没有这事")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=2000)
    assert screen.stack.currentWidget() is screen.empty_label
    assert "清空筛选" in screen.empty_label.text()
    screen.clear_filters()
    assert screen.model.rowCount() == 2

    screen.select_id(new_id)
    form = screen.edit_selected()
    assert form is not None
    qtbot.waitExposed(form)
    assert form.ui.amountPaid.text() == "1,234.50"
    form.ui.subject.selectAll()
    type_text(qtbot, form.ui.subject, "复合肥料")
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: get_complaint(new_id).subject == "复合肥料", timeout=5000)
    qtbot.waitUntil(
        lambda: screen.model.index(screen.model.row_of_id(new_id), 5).data() == "复合肥料",
        timeout=5000,
    )

    screen.select_id(new_id)
    dialog = screen.show_history()
    assert isinstance(dialog, HistoryDialog)
    rows = dialog.model.row_texts()
    assert rows[0][1:3] == ("王联络员", "登记")
    assert ("2026-11-20 10:00", "王联络员", "修改", "商品或服务", "复合肥 → 复合肥料", "") in rows
    dialog.close()


@pytest.mark.parametrize(
    ("widget_name", "value", "field", "reason"),
    [
        ("complainantIdNumber", "360426199101010072", "complainants.0.id_number", "校验位"),
        ("complainantPhone", "12345", "complainants.0.phone", "手机号码应为11位"),
        ("respondentCreditCode", "91110108551385082A", "respondent_credit_code", "校验位"),
    ],
)
def test_invalid_value_refused_beside_its_field(
    qtbot, screen: ComplaintsScreen, widget_name: str, value: str, field: str, reason: str
) -> None:
    form = screen.new_complaint()
    qtbot.waitExposed(form)
    fill_valid(qtbot, form)
    widget = getattr(form.ui, widget_name)
    widget.clear()
    type_text(qtbot, widget, value)
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message(field) is not None, timeout=5000)
    assert reason in form.errors.message(field)
    label = form.findChild(QLabel, f"error_{field}")
    assert label is not None and label.isVisible()
    assert widget.property("invalid") is True
    assert list(form.errors.messages()) == [field]  # only the bad field complains
    assert count_complaints() == 0  # nothing saved
    assert form.isVisible()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)  # editing the field clears the reason
    assert form.errors.message(field) is None
    assert form.findChild(QLabel, f"error_{field}") is None or not label.isVisible()


def test_missing_required_fields_each_get_a_reason(qtbot, screen: ComplaintsScreen) -> None:
    form = screen.new_complaint()
    qtbot.waitExposed(form)
    type_text(qtbot, form.ui.amountPaid, "12.345")
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert "两位小数" in form.errors.message("amount_paid_fen")  # checked before the core
    form.ui.amountPaid.clear()
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("facts") is not None, timeout=5000)
    messages = form.errors.messages()
    for field in ("complainants.0.name", "respondent_name", "subject", "category_code", "natures"):
        assert field in messages
    assert count_complaints() == 0


def test_enter_on_a_row_opens_it_and_esc_closes_an_untouched_form(
    qtbot, screen: ComplaintsScreen, ctx: Context
) -> None:
    complaint = register_complaint(ctx, core_draft(ctx))
    screen.refresh()
    screen.select_id(complaint.id)
    screen.table.setCurrentIndex(screen.model.index(0, 0))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # opens the detail window
    detail = screen.detail
    assert detail is not None and detail.complaint_id == complaint.id
    qtbot.waitUntil(detail.isVisible, timeout=5000)  # shown once its dossier is read
    form = detail.edit_record()  # its 编辑登记信息 button
    assert form.complaint_id() == complaint.id
    qtbot.waitExposed(form)
    assert form.ui.respondentName.text() == "诺江电动车行000"
    assert not form.is_dirty()
    with qtbot.waitSignal(form.rejected, timeout=2000):
        qtbot.keyClick(form.ui.respondentName, Qt.Key.Key_Escape)


def test_delete_asks_reason_and_confirmation(
    qtbot, screen: ComplaintsScreen, ctx: Context, monkeypatch
) -> None:
    complaint = register_complaint(ctx, core_draft(ctx))
    screen.refresh()
    screen.select_id(complaint.id)
    monkeypatch.setattr(screen, "ask_delete_reason", lambda number: "重复登记")
    monkeypatch.setattr(screen, "confirm_delete", lambda number: False)
    screen.delete_selected()
    assert count_complaints() == 1  # said no at the confirmation
    monkeypatch.setattr(screen, "confirm_delete", lambda number: True)
    screen.delete_selected()
    qtbot.waitUntil(lambda: screen.model.total() == 0, timeout=5000)
    assert "还没有登记任何投诉" in screen.empty_label.text()


@pytest.mark.both_engines  # a county's window on its PostgreSQL too
def test_complaint_model_pages_sorts_and_filters(qtbot, qtmodeltester, ctx: Context) -> None:
    seed_roster(ctx)
    for number in range(25):
        register_complaint(ctx, core_draft(ctx, number))
    model = ComplaintTableModel(page_size=10)
    assert model.rowCount() == 10 and model.total() == 25 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 25
    assert model.headerData(4, Qt.Orientation.Horizontal) == "被投诉方"

    model.sort(4, Qt.SortOrder.AscendingOrder)  # 被投诉方: the core sorts, paging starts again
    while model.canFetchMore():
        model.fetchMore()
    names = [model.index(row, 4).data() for row in range(model.rowCount())]
    assert names == sorted(names) and len(set(names)) == 25
    model.sort(3, Qt.SortOrder.AscendingOrder)  # 投诉人: not sortable, nothing happens
    assert [model.index(row, 4).data() for row in range(3)] == names[:3]

    model.set_filter(ComplaintFilter(text="诺江电动车行007"))
    assert model.total() == 1 and model.index(0, 4).data() == "诺江电动车行007"
    qtmodeltester.check(model)


@pytest.mark.both_engines  # a county's window on its PostgreSQL too
def test_search_results_show_why_each_row_matched(
    qtbot, screen: ComplaintsScreen, ctx: Context
) -> None:
    matched = register_complaint(ctx, core_draft(ctx, 1, facts=FACTS))
    register_complaint(ctx, core_draft(ctx, 2))
    screen.refresh()
    assert screen.table.isColumnHidden(MATCH_COLUMN)  # nothing searched: no reason to show
    # a 3-character word (full-text index) and a 1-character one (LIKE) of the facts
    type_text(qtbot, screen.search_edit, "复合肥 苗")
    qtbot.waitUntil(lambda: screen.model.complaint_filter().text == "复合肥 苗", timeout=2000)
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 0).data(ROW_ID_ROLE) == matched.id
    assert not screen.table.isColumnHidden(MATCH_COLUMN)
    assert screen.model.headerData(MATCH_COLUMN, Qt.Orientation.Horizontal) == "匹配内容"
    cell = screen.model.index(0, MATCH_COLUMN)
    shown = cell.data()
    assert "【复合肥】" in shown and "【苗】" in shown
    assert shown.replace("【", "").replace("】", "").strip("…") in FACTS
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert '<b style="background-color:#ffe58a">复合肥</b>' in tip
    assert "李四1" not in shown  # from the complaint's text, never the complainant's name
    screen.search_edit.clear()
    qtbot.waitUntil(lambda: screen.model.complaint_filter().text is None, timeout=2000)
    assert screen.table.isColumnHidden(MATCH_COLUMN)
