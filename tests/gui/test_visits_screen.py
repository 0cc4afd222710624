"""The visits screen: quick entry with 保存并继续, the lazy list, and turning a visit into a complaint."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from station_app.gui.app.context import AppContext
from station_app.gui.records.visit_table_model import ROW_ID_ROLE, VisitTableModel
from station_app.gui.records.visits_screen import VisitsScreen
from station_app.registry.context import Context
from station_app.registry.listing import VisitFilter, count_complaints, count_visits
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, register_visit
from station_app.store.models import Complaint, Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new

VILLAGE = "511921001001"


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """ASCII typed key by key; Chinese committed by the input method, as on a real laptop."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def seed_roster(ctx: Context) -> None:
    Region.insert_many(
        [
            {"code": "511921001", "name": "壁州街道", "level": "town", "parent_code": "511921"},
            {"code": VILLAGE, "name": "城南社区", "level": "village", "parent_code": "511921001"},
        ]
    ).execute()
    with database_proxy.atomic():
        officer = Officer(name="王联络员", station_code=ctx.origin)
        stamp_new(officer, ctx.origin, ctx.clock.utcnow())
        officer.save(force_insert=True)


def core_visit(ctx: Context, number: int = 0, name: str | None = None) -> VisitDraft:
    return VisitDraft(
        visited_at=ctx.clock.local_now() - dt.timedelta(hours=number + 1),
        channel="visit",
        question=f"买的电饭煲用了三天就坏了，商家不给换（{number}）",
        answer="建议先带购物凭证找商家协商",
        headcount=1 + number % 3,
        topic_category="G01",
        village_code=VILLAGE,
        person=PersonDraft(name=name, phone="13812345678") if name else None,
    )


@pytest.fixture
def screen(qtbot, app_context: AppContext, ctx: Context) -> VisitsScreen:
    seed_roster(ctx)
    widget = VisitsScreen(app_context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def test_quick_entry_save_and_continue_then_enter(qtbot, screen: VisitsScreen) -> None:
    assert "还没有来访咨询记录" in screen.empty_label.text()
    form = screen.new_visit()
    qtbot.waitExposed(form)
    type_text(qtbot, form.ui.personName, "李大妈")
    form.ui.villageCombo.setCurrentIndex(form.ui.villageCombo.findData(VILLAGE))
    type_text(qtbot, form.ui.question, "化肥包装上的含量和实际不符怎么办")
    qtbot.mouseClick(form.ui.saveNextButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.saved_count() == 1, timeout=5000)
    assert form.isVisible()  # kept open for the next visitor
    assert form.ui.personName.text() == "" and form.ui.question.toPlainText() == ""
    assert form.ui.channelCombo.currentData() == "visit"  # channel kept
    assert "已保存第 1 条" in form.ui.statusLabel.text()
    qtbot.waitUntil(lambda: screen.model.total() == 1, timeout=5000)

    form.ui.headcount.setValue(3)
    type_text(qtbot, form.ui.question, "电信宽带退订难")
    with qtbot.waitSignal(form.accepted, timeout=5000):  # Ctrl+Enter saves and closes
        qtbot.keyClick(form.ui.question, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.model.total() == 2, timeout=5000)
    assert count_visits() == 2
    assert screen.total_label.text() == "共 2 条"
    texts = {screen.model.index(row, 6).data() for row in range(2)}
    assert texts == {"化肥包装上的含量和实际不符怎么办", "电信宽带退订难"}
    row = [
        r for r in range(2) if screen.model.index(r, 6).data() == "化肥包装上的含量和实际不符怎么办"
    ][0]
    assert screen.model.index(row, 2).data() == "李**"
    assert screen.model.index(row, 5).data() == "城南社区"

    type_text(qtbot, screen.search_edit, "宽带")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.index(0, 3).data() == "3"


def test_empty_question_is_refused_beside_it(qtbot, screen: VisitsScreen) -> None:
    form = screen.new_visit()
    qtbot.waitExposed(form)
    qtbot.keyClick(form.ui.personName, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors.message("question") is not None, timeout=5000)
    assert count_visits() == 0 and form.isVisible()


def test_convert_visit_to_complaint(qtbot, screen: VisitsScreen, ctx: Context) -> None:
    visit = register_visit(ctx, core_visit(ctx, name="赵大爷"))
    screen.refresh()
    screen.select_id(visit.id)
    form = screen.convert_selected()
    assert form is not None
    qtbot.waitExposed(form)
    ui = form.ui
    assert ui.complainantName.text() == "赵大爷"
    assert ui.complainantPhone.text() == "13812345678"
    assert ui.facts.toPlainText().startswith("买的电饭煲用了三天就坏了")
    assert ui.categoryCombo.currentData() == "G01"
    assert ui.villageCombo.currentData() == VILLAGE
    assert "来访" in ui.headerLabel.text()
    type_text(qtbot, ui.respondentName, "诺江家电城")
    type_text(qtbot, ui.subject, "电饭煲")
    check = form.nature_checks["quality"]
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count_complaints() == 1, timeout=5000)
    complaint = Complaint.get()
    assert complaint.visit_id == visit.id and complaint.channel == "visit"


def test_visit_model_pages_and_filters(qtbot, qtmodeltester, ctx: Context) -> None:
    seed_roster(ctx)
    ids = [
        register_visit(ctx, core_visit(ctx, n, name="钱" + "一二三"[n % 3])).id for n in range(25)
    ]
    model = VisitTableModel(page_size=10)
    assert model.rowCount() == 10 and model.total() == 25
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.index(r, 0).data(ROW_ID_ROLE) for r in range(25)] == ids  # newest first
    assert model.headerData(6, Qt.Orientation.Horizontal) == "问题"
    model.set_filter(VisitFilter(text="（7）"))
    assert model.total() == 1
    qtmodeltester.check(model)
