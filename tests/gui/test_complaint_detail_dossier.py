"""The detail window reads its complaint with one core call, off the GUI thread, and renders from
that dossier alone: no query on the GUI thread, no database row held by a widget."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.detail import window as detail_window
from station_app.gui.complaints.detail.window import ComplaintDetail, open_complaint_detail
from station_app.installation import Installation
from station_app.registry.context import Context
from station_app.registry.dossier import ComplaintDossier
from station_app.store.models import database_proxy
from station_app.workflow import transitions

from ..core.dossier_scenario import complaint_with_everything
from .dialog_answers import leave


@dataclasses.dataclass
class Calls:
    off_gui_thread: list[bool] = dataclasses.field(default_factory=list)
    gui_thread_queries: list[str] = dataclasses.field(default_factory=list)


def on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    assert app is not None
    return QThread.currentThread() == app.thread()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """``complaint_dossier`` counted, with the thread it ran on; SQL run on the GUI thread."""
    seen = Calls()
    real = detail_window.complaint_dossier

    def counted(complaint_id: int, today: dt.date) -> ComplaintDossier:
        seen.off_gui_thread.append(not on_gui_thread())
        return real(complaint_id, today)

    monkeypatch.setattr(detail_window, "complaint_dossier", counted)
    database = type(database_proxy.obj)
    execute = database.execute_sql

    def watched(self, sql, *args, **kwargs):  # type: ignore[no-untyped-def]
        if on_gui_thread():
            seen.gui_thread_queries.append(sql)
        return execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", watched)
    return seen


def rows_held(widget: QObject) -> list[str]:
    """Attributes of the window and its child widgets that hold a peewee row, at any depth of
    lists, tuples, dicts and dataclasses."""
    found: list[str] = []

    def walk(value: object, where: str, depth: int = 0) -> None:
        if isinstance(value, peewee.Model):
            found.append(where)
        elif depth > 6 or isinstance(value, QObject | str | bytes | int | float):
            return
        elif isinstance(value, list | tuple | set | frozenset):
            for n, item in enumerate(value):
                walk(item, f"{where}[{n}]", depth + 1)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}[{key!r}]", depth + 1)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), f"{where}.{field.name}", depth + 1)

    for obj in [widget, *widget.findChildren(QObject)]:
        for name, value in vars(obj).items():
            walk(value, f"{type(obj).__name__}.{name}")
    return found


def test_opening_a_complaint_reads_its_dossier_once_off_the_gui_thread(
    qtbot,
    app_context: AppContext,
    ctx: Context,
    installation: Installation,
    tmp_path: Path,
    calls: Calls,
) -> None:
    complaint = complaint_with_everything(ctx, installation.paths.attachments, tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    calls.gui_thread_queries.clear()  # the test wrote the complaint on this thread
    detail = open_complaint_detail(app_context, complaint.id, parent)
    qtbot.waitUntil(detail.isVisible, timeout=5000)  # shown once the dossier has arrived
    qtbot.wait(200)  # no second read follows
    assert calls.off_gui_thread == [True]
    assert calls.gui_thread_queries == []
    assert detail.mediation_tab.step_model.rowCount() == 2
    assert detail.referrals_tab.referral_model.rowCount() == 1
    assert detail.follow_ups_tab.follow_up_model.rowCount() == 1
    assert detail.attachments_tab.attachment_model.rowCount() == 1
    assert detail.history_tab.audit_model.rowCount() > 10
    assert rows_held(detail) == []
    detail.close()


def test_each_write_is_followed_by_one_read_off_the_gui_thread(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft, calls: Calls
) -> None:
    from station_app.registry.complaints import register_complaint

    cid = register_complaint(ctx, make_complaint_draft()).id
    calls.gui_thread_queries.clear()
    detail = ComplaintDetail(app_context, cid)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    assert calls.off_gui_thread == [True] and detail.status_label.text() == "已登记"
    with qtbot.waitSignal(detail.loaded, timeout=5000):
        accepted = transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
        calls.gui_thread_queries.clear()  # the test wrote on this thread
        app_context.jobs.announce(accepted.changes)  # what every write of the window does
    qtbot.wait(100)
    assert calls.off_gui_thread == [True, True]
    assert calls.gui_thread_queries == []
    assert detail.status_label.text() == "已受理" and detail.banner.text().startswith("调解期限")
    assert rows_held(detail) == []


def test_a_deleted_complaint_opens_no_window_but_says_why(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from station_app.registry.complaints import delete_complaint, register_complaint

    cid = register_complaint(ctx, make_complaint_draft()).id
    delete_complaint(ctx, cid, "登记重复")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    missed: list[bool] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    detail = open_complaint_detail(app_context, cid, parent, lambda: missed.append(True))
    qtbot.waitUntil(lambda: missed == [True], timeout=5000)
    assert said == ["这条投诉不存在或已删除。"]
    assert not isValid(detail) or not detail.isVisible()  # closed, never shown


def test_history_shows_villages_and_officers_by_name_without_a_query(
    qtbot, app_context: AppContext, ctx: Context, calls: Calls
) -> None:
    from station_app.registry.complaints import draft_of, register_complaint, update_complaint

    from .test_complaints_screen import VILLAGE, core_draft, seed_roster

    officer = seed_roster(ctx)
    draft = core_draft(ctx)
    draft.officer_id, draft.village_code = officer, VILLAGE
    complaint = register_complaint(ctx, draft)
    edited = draft_of(complaint)
    edited.village_code = "511921001002"
    update_complaint(ctx, complaint.id, edited)
    calls.gui_thread_queries.clear()
    detail = ComplaintDetail(app_context, complaint.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    assert calls.gui_thread_queries == []
    rows = detail.history_tab.audit_model.row_texts()
    assert any(row[3] == "所在村" and row[4] == "城南社区 → 南寺社区" for row in rows), rows
    assert detail.summary_tab.summary_values["经办人"] == "王联络员"


def test_a_button_clicked_while_the_window_reads_acts_on_what_it_reads(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft
) -> None:
    """Before, the window read on the GUI thread, so no click could land between a write and
    the window showing it; now a click in that moment waits for the read, and its dialog carries
    the complaint's current version (not one the core would refuse as stale)."""
    from PySide6.QtWidgets import QPushButton

    from station_app.gui.complaints.dialogs import ActionDialog
    from station_app.registry.complaints import (
        draft_of,
        get_complaint,
        register_complaint,
        update_complaint,
    )

    complaint = register_complaint(ctx, make_complaint_draft())
    detail = ComplaintDetail(app_context, complaint.id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    shown = detail.complaint.version
    edited = draft_of(complaint)
    edited.subject = "复合肥料"
    saved = update_complaint(ctx, complaint.id, edited)  # another window saved the record
    app_context.jobs.announce(saved.changes)
    assert detail.reading
    button = detail.findChild(QPushButton, "action_accept")
    button.click()  # clicked at once, before the read arrived (no event processed since)
    assert detail.dialog is None and detail.complaint.version == shown
    qtbot.waitUntil(lambda: isinstance(detail.dialog, ActionDialog), timeout=5000)
    current = get_complaint(complaint.id).version
    assert current > shown and detail.dialog.version == current  # type: ignore[union-attr]
    leave(detail.dialog)  # type: ignore[arg-type]


def test_the_window_opens_while_long_reads_hold_every_reader(
    qtbot, app_context: AppContext, ctx: Context, make_complaint_draft, calls: Calls
) -> None:
    """A backup or a statistics run on both reader threads does not hold up opening a
    complaint: its dossier is read on the pool of short reads."""
    import threading

    from station_app.registry.complaints import register_complaint

    cid = register_complaint(ctx, make_complaint_draft()).id
    release = threading.Event()
    started: list[int] = []
    long_reads = [
        app_context.jobs.run_read(lambda n=n: (started.append(n), release.wait(10))) for n in (1, 2)
    ]
    qtbot.waitUntil(lambda: len(started) == 2, timeout=5000)
    try:
        detail = ComplaintDetail(app_context, cid)
        qtbot.addWidget(detail)
        qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
        assert calls.off_gui_thread == [True] and not any(job.done for job in long_reads)
    finally:
        release.set()


def test_the_summary_shows_every_field_the_form_takes(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    from station_app.registry.complaints import register_complaint
    from station_app.registry.people import PersonDraft

    from .test_complaints_screen import VILLAGE, core_draft, seed_roster

    seed_roster(ctx)
    draft = core_draft(ctx)
    draft.village_code, draft.subcategory = VILLAGE, "G0901"
    draft.purchase_place, draft.purchase_channel = "诺江镇汽车城", "门店购买"
    draft.disputed_amount_fen = 120050
    draft.complainants = [
        PersonDraft(
            name="李四",
            phone="13912345678",
            id_number="11010519491231002X",
            address="壁州街道城南社区三组12号",
            village_code=VILLAGE,
        )
    ]
    complaint = register_complaint(ctx, draft)
    detail = ComplaintDetail(app_context, complaint.id)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    values = detail.summary_tab.summary_values
    assert values["小类"] == "汽车及零部件"
    assert values["争议金额"] == "1,200.50 元"
    assert values["购买地点"] == "诺江镇汽车城" and values["购买方式"] == "门店购买"
    assert values["所在村"] == "城南社区"
    assert values["住址"] == "壁州街道城南社区三组12号"
    assert values["身份证号码"] == "110105********002X"


def test_the_handling_officer_sees_the_complainant_in_full_and_the_view_is_logged(
    qtbot, app_context: AppContext, ctx: Context
) -> None:
    from station_app.registry.complaints import register_complaint
    from station_app.store.models import AuditEntry
    from station_app.validation import mask_name, mask_phone

    from .test_complaints_screen import core_draft, seed_roster

    draft = core_draft(ctx)
    draft.officer_id = seed_roster(ctx)  # 王联络员
    complaint = register_complaint(ctx, draft)

    def opened_as(actor: str) -> ComplaintDetail:
        app_context.actor = actor
        detail = ComplaintDetail(app_context, complaint.id)
        qtbot.addWidget(detail)
        qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
        assert app_context.jobs.wait_idle()
        return detail

    def reveals() -> list[AuditEntry]:
        return list(
            AuditEntry.select().where(
                (AuditEntry.record_uid == complaint.uid) & (AuditEntry.action == "reveal")
            )
        )

    other = opened_as("张站长")
    masked = mask_name("李四0") + "（" + mask_phone("13912345678") + "）"
    assert other.summary_tab.summary_values["投诉人"] == masked
    assert "李四0" not in other.parties_label.text()
    assert reveals() == []

    mine = opened_as("王联络员")
    assert mine.summary_tab.summary_values["投诉人"] == "李四0（13912345678）"
    assert "李四0（13912345678）" in mine.parties_label.text()
    logged = reveals()
    assert [(e.actor, e.field, e.new_value) for e in logged] == [
        ("王联络员", "unmasked", complaint.number)
    ]
    mine.reload()  # a read again (after a write) logs nothing more: one entry per opening
    qtbot.waitUntil(lambda: not mine.reading, timeout=5000)
    assert app_context.jobs.wait_idle()
    assert len(reveals()) == 1
