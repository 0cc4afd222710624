"""The complaints screen and form, driven like an officer would: typing, clicking, Enter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.detail.history import HistoryDialog
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.screen import ComplaintsScreen
from station_app.gui.complaints.table_model import MATCH_COLUMN, ComplaintTableModel
from station_app.gui.widgets.paged_table_model import ROW_ID_ROLE
from station_app.registry.complaints import ComplaintDraft, get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.listing import PAGE_SIZE, ComplaintFilter, count_complaints
from station_app.registry.people import PersonDraft
from station_app.reports.hotline_handoff import HandoffRefusal, HandoffWritten
from station_app.store.models import AuditEntry, Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.validation import mask_name
from station_app.workflow import consent

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


def fetch_every_page(model: ComplaintTableModel) -> None:
    """List every row, as scrolling to the end of the list does."""
    while model.canFetchMore():
        model.fetchMore()


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
    fetch_every_page(model)
    assert model.rowCount() == 25
    assert model.headerData(4, Qt.Orientation.Horizontal) == "被投诉方"

    model.sort(4, Qt.SortOrder.AscendingOrder)  # 被投诉方: the core sorts, paging starts again
    fetch_every_page(model)
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


def click_row(qtbot, screen: ComplaintsScreen, complaint_id: int, with_ctrl: bool = False) -> None:
    """Click the row of ``complaint_id`` (holding Ctrl: add it to the selection)."""
    index = screen.model.index(screen.model.row_of_id(complaint_id), 0)
    modifier = Qt.KeyboardModifier.ControlModifier if with_ctrl else Qt.KeyboardModifier.NoModifier
    center = screen.table.visualRect(index).center()
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, modifier, center)


def handoff_message(qtbot, monkeypatch, screen: ComplaintsScreen, target: Path) -> QMessageBox:
    """Click 导出12315移交表… with the save dialog answered ``target``; the message after."""
    screen.handoff_box = None
    monkeypatch.setattr(screen, "choose_handoff_path", lambda suggested: target)
    qtbot.mouseClick(screen.handoff_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.handoff_box is not None, timeout=10000)
    box = screen.handoff_box
    assert box is not None
    qtbot.waitExposed(box)
    return box


def test_selected_complaints_handed_to_12315_only_with_consent(
    qtbot, screen: ComplaintsScreen, ctx: Context, tmp_path: Path, monkeypatch
) -> None:
    agreed = register_complaint(ctx, core_draft(ctx, 1))
    consent.record_consent(ctx, agreed.id, consent.ConsentDraft(recipients=["hotline_12315"]))
    refused = register_complaint(ctx, core_draft(ctx, 2))
    screen.refresh()
    assert not screen.handoff_button.isEnabled()  # nothing selected
    assert screen.handoff_button.text() == "导出12315移交表…"

    click_row(qtbot, screen, agreed.id)
    assert screen.handoff_button.isEnabled() and screen.detail_button.isEnabled()
    click_row(qtbot, screen, refused.id, with_ctrl=True)
    assert set(screen.selected_ids()) == {agreed.id, refused.id}
    # acting on one complaint waits for exactly one; the hand-off takes them all
    assert screen.handoff_button.isEnabled()
    assert not screen.detail_button.isEnabled() and not screen.delete_button.isEnabled()
    assert screen.selected_id() is None and screen.open_detail() is None

    suggested: list[str] = []
    monkeypatch.setattr(screen, "choose_handoff_path", lambda name: suggested.append(name))
    screen.export_handoff()  # the officer cancels the save dialog: nothing happens
    assert suggested == ["12315移交表_20261120.xlsx"] and screen.handoff_job is None

    opened: list[Path] = []
    monkeypatch.setattr(screen, "open_folder", opened.append)
    target = tmp_path / "移交" / "给12315.xlsx"
    target.parent.mkdir()
    box = handoff_message(qtbot, monkeypatch, screen, target)
    text = box.text()
    assert text.startswith(f"已把 1 件投诉写入12315移交表：\n{target}")
    reason = f"投诉人{mask_name('李四2')}未同意向12315提供个人信息。"
    assert f"以下 1 件投诉没有写入：\n{refused.number}：{reason}" in text
    assert agreed.number not in text
    assert box.icon() == QMessageBox.Icon.Warning

    sheet = load_workbook(target)["12315移交"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2  # the titles and the one complaint that may go
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["本站登记编号"] == agreed.number and row["消费者姓名"] == "李四1"

    # the list refreshed from the change set, keeping both selected
    assert set(screen.selected_ids()) == {agreed.id, refused.id}
    [folder] = [b for b in box.buttons() if b.text() == "打开所在文件夹"]
    folder.click()
    assert opened == [target.parent]
    box.done(0)

    click_row(qtbot, screen, agreed.id)  # its history names the export and the file
    history = screen.show_history()
    assert isinstance(history, HistoryDialog)
    assert ("王联络员", "导出12315移交表", "", "给12315.xlsx", "") in [
        row[1:] for row in history.model.row_texts()
    ]
    history.close()

    click_row(qtbot, screen, refused.id)  # only the one without consent: no file at all
    assert screen.selected_ids() == [refused.id]
    lone = tmp_path / "没有.xlsx"
    box = handoff_message(qtbot, monkeypatch, screen, lone)
    assert box.text().startswith("没有一件投诉可以写入，没有生成文件。")
    assert f"{refused.number}：{reason}" in box.text()
    assert not lone.exists()
    assert [b.text() for b in box.buttons()] == ["知道了"]

    missing = tmp_path / "没有这个文件夹" / "移交.xlsx"  # cannot be written: said, nothing logged
    click_row(qtbot, screen, agreed.id)
    box = handoff_message(qtbot, monkeypatch, screen, missing)
    assert box.text().startswith(f"无法写入文件 {missing}：")
    assert [b.text() for b in box.buttons()] == ["知道了"]
    assert count_exports(agreed.uid) == 1  # the first hand-off only


def count_exports(uid: str) -> int:
    entries = AuditEntry.select().where(
        (AuditEntry.record_uid == uid) & (AuditEntry.action == "export_12315")
    )
    return int(entries.count())


def test_many_complaints_left_out_are_listed_in_the_details(screen: ComplaintsScreen) -> None:
    refused = tuple(HandoffRefusal(f"TJ001-2026-{n:04d}", "未同意") for n in range(1, 13))
    text, details = screen.handoff_text(HandoffWritten(Path("/tmp/x.xlsx"), ("A",), refused))
    assert "以下 12 件投诉没有写入：" in text
    assert "TJ001-2026-0010：未同意" in text and "TJ001-2026-0011" not in text
    assert text.endswith("……另有 2 件，见“详细信息”。")
    assert details.splitlines() == [f"{r.number}：未同意" for r in refused]


def test_a_refresh_keeps_the_officers_place_beyond_the_first_page(
    qtbot, screen: ComplaintsScreen, ctx: Context
) -> None:
    """After a write the list is fetched again: a complaint selected on the second page stays
    selected and in view, and a list without a selection stays scrolled where it was."""
    month_ago = ctx.clock.local_now() - dt.timedelta(days=30)
    for number in range(PAGE_SIZE + 10):  # none decided within the limit: all overdue
        draft = core_draft(ctx, number)
        draft.received_at = month_ago - dt.timedelta(minutes=number)
        register_complaint(ctx, draft)
    screen.refresh()
    model = screen.model
    assert model.rowCount() == PAGE_SIZE and model.total() == PAGE_SIZE + 10
    fetch_every_page(model)
    far = model.row_id(PAGE_SIZE + 5)
    assert far is not None
    screen.select_id(far)
    screen.refresh()
    assert model.rowCount() == PAGE_SIZE + 10
    assert screen.selected_id() == far
    shown = screen.table.visualRect(model.index(PAGE_SIZE + 5, 0))
    assert screen.table.viewport().rect().intersects(shown)

    screen.table.clearSelection()
    bar = screen.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0
    screen.refresh()
    assert model.rowCount() == PAGE_SIZE + 10 and bar.value() == place

    # so does the 到期提醒 filter
    screen.due_combo.setCurrentIndex(screen.due_combo.findData("overdue"))
    assert model.due_filter_active() and model.total() == PAGE_SIZE + 10
    fetch_every_page(model)
    last = model.row_id(PAGE_SIZE + 9)
    assert last is not None
    screen.select_id(last)
    screen.refresh()
    assert model.rowCount() == PAGE_SIZE + 10 and screen.selected_id() == last
