"""Records, validation and installation in English: the core's refusals reach the window in English.

The reasons beside form fields (ID numbers, phones, credit codes, amounts, required fields), the
message boxes of refused edits, backups and restores, and the start-up checks of the database
are sentences of the core; with the English translation installed none of them is Chinese.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from station_app import codes
from station_app.backup import quick_check, verify_backup
from station_app.clock import FixedClock
from station_app.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    FieldError,
    NotInitialised,
    StationError,
    ValidationFailed,
)
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import error_text
from station_app.gui.app.first_run_dialog import FirstRunDialog
from station_app.gui.app.recovery_dialog import RecoveryDialog
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.screen import ComplaintsScreen
from station_app.gui.records.events_screen import EventsScreen
from station_app.gui.records.visits_screen import VisitsScreen
from station_app.gui.settings.screen import SettingsScreen
from station_app.installation import Installation, open_installation
from station_app.paths import DataPaths
from station_app.registry.attachments import store_file
from station_app.registry.complaints import (
    VersionConflict,
    delete_complaint,
    get_complaint,
    register_complaint,
)
from station_app.registry.context import Context
from station_app.registry.officers import add_officer, set_officer_active
from station_app.settings import check_identity
from station_app.store.models import Officer, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.validation import (
    normalize_credit_code,
    normalize_id_number,
    normalize_phone,
    normalize_region_code,
    parse_yuan_to_fen,
)

from ..conftest import complaint_draft, connect_raw
from .test_translations import CHINESE, assert_english, english, shown_texts  # noqa: F401
from .test_visits_screen import VILLAGE, seed_roster

ROSTER = ["壁州街道", "城南社区", "王联络员"]


def data_of(app_context: AppContext) -> list[str]:
    identity = app_context.installation.identity()
    assert identity is not None
    return [identity.code, identity.name, app_context.actor, *ROSTER]


def reasons(messages: dict[str, str]) -> list[tuple[str, str]]:
    return [(f"reason for {field}", text) for field, text in messages.items()]


@pytest.fixture
def complaints(qtbot: QtBot, app_context: AppContext, ctx: Context) -> ComplaintsScreen:
    seed_roster(ctx)
    screen = ComplaintsScreen(app_context)
    qtbot.addWidget(screen)
    screen.resize(1300, 700)
    screen.show()
    return screen


def new_form(qtbot: QtBot, screen: ComplaintsScreen) -> ComplaintForm:
    form = screen.new_complaint()
    qtbot.waitExposed(form)
    return form


# --- the complaint form ---------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_complaint_form_required_fields_refused_in_english(
    qtbot: QtBot, app_context: AppContext, complaints: ComplaintsScreen
) -> None:
    form = new_form(qtbot, complaints)
    form.ui.amountPaid.setText("12.345")
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    assert form.errors.message("amount_paid_fen") == (
        "An amount can have at most two decimal places (fen)."
    )
    form.ui.amountPaid.clear()
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("facts") is not None, timeout=5000)
    messages = form.errors.messages()
    assert messages["complainants.0.name"] == "Please enter the name."
    assert messages["respondent_name"] == "Please enter the name of the respondent."
    assert messages["subject"] == "Please enter the name of the goods or service."
    assert messages["category_code"] == "Please choose the goods or service category."
    assert messages["natures"] == "Please choose at least one nature of complaint."
    assert messages["facts"] == "Please enter the facts."
    assert_english(reasons(messages), [])
    labels = [label.text() for label in form.findChildren(QLabel) if label.isVisible()]
    assert "Please enter the facts." in labels  # really shown beside the field
    assert_english(shown_texts(form), data_of(app_context))
    form.done(QDialog.DialogCode.Rejected)


@pytest.mark.parametrize(
    ("widget_name", "value", "field", "reason"),
    [
        (
            "complainantIdNumber",
            "360426199101010072",
            "complainants.0.id_number",
            "The ID number's check character is wrong; please check the last character.",
        ),
        (
            "complainantIdNumber",
            "360426910101007",
            "complainants.0.id_number",
            "This is an old 15-digit ID number; please enter the new 18-digit number.",
        ),
        (
            "complainantPhone",
            "12345",
            "complainants.0.phone",
            "A mobile number should have 11 digits; it has 5.",
        ),
        (
            "complainantPhone",
            "88881234",
            "complainants.0.phone",
            "Please give a landline with its area code starting with 0, for example 0791-88881234.",
        ),
        (
            "respondentCreditCode",
            "91110108551385082A",
            "respondent_credit_code",
            "The credit code's check character is wrong; please check the last character.",
        ),
        (
            "respondentCreditCode",
            "9111010855138508",
            "respondent_credit_code",
            "The unified social credit code should have 18 characters; it has 16.",
        ),
        (
            "respondentPhone",
            "0791-123",
            "respondent_phone",
            "A landline number (the part after the area code) should have 7 to 8 digits.",
        ),
        (
            "amountPaid",
            "-5",
            "amount_paid_fen",
            "The amount cannot be negative.",
        ),
    ],
)
@pytest.mark.usefixtures("english")
def test_complaint_form_bad_values_refused_in_english(
    qtbot: QtBot,
    app_context: AppContext,
    complaints: ComplaintsScreen,
    widget_name: str,
    value: str,
    field: str,
    reason: str,
) -> None:
    form = new_form(qtbot, complaints)
    ui = form.ui
    ui.complainantName.setText("张三丰")
    ui.villageCombo.setCurrentIndex(ui.villageCombo.findData(VILLAGE))
    ui.respondentName.setText("通江县红星农资店")
    ui.subject.setText("复合肥")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("G10"))
    quality = form.nature_checks["quality"]
    qtbot.mouseClick(quality, Qt.MouseButton.LeftButton, pos=QPoint(8, quality.height() // 2))
    ui.facts.setPlainText("复合肥结块严重")
    getattr(ui, widget_name).setText(value)
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message(field) is not None, timeout=5000)
    assert form.errors.messages() == {field: reason}
    data = [*data_of(app_context), "张三丰", "通江县红星农资店", "复合肥", "复合肥结块严重"]
    assert_english(shown_texts(form), data)
    form.done(QDialog.DialogCode.Rejected)


# --- visits and events --------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_visit_and_event_forms_refuse_in_english(
    qtbot: QtBot, app_context: AppContext, ctx: Context
) -> None:
    seed_roster(ctx)
    visits = VisitsScreen(app_context)
    qtbot.addWidget(visits)
    visits.show()
    form = visits.new_visit()
    qtbot.waitExposed(form)
    form.ui.personName.setText("李四")
    form.ui.personPhone.setText("1381234")
    qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("question") is not None, timeout=5000)
    assert form.errors.messages() == {
        "question": "Please enter the question asked.",
        "person.phone": "A mobile number should have 11 digits; it has 7.",
    }
    assert_english(shown_texts(form), [*data_of(app_context), "李四"])
    form.done(QDialog.DialogCode.Rejected)

    events = EventsScreen(app_context)
    qtbot.addWidget(events)
    events.show()
    event_form = events.new_event()
    qtbot.waitExposed(event_form)
    qtbot.keyClick(event_form.ui.topic, Qt.Key.Key_Return)  # nothing chosen, nothing typed
    qtbot.waitUntil(lambda: event_form.errors.message("topic") is not None, timeout=5000)
    assert event_form.errors.message("topic") == "Please enter the topic of the event."
    assert event_form.errors.message("event_type") == "Please choose the type of event."
    assert_english(shown_texts(event_form), data_of(app_context))
    event_form.ui.typeCombo.setCurrentIndex(0)
    event_form.ui.topic.setText("老年防骗讲座")
    Officer.delete().execute()  # the chosen officer left the roster while the form was open
    qtbot.keyClick(event_form.ui.topic, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: event_form.errors.message("officer_id") is not None, timeout=5000)
    assert event_form.errors.message("officer_id") == (
        "The officer is not in the roster; please choose again."
    )
    event_form.done(QDialog.DialogCode.Rejected)


# --- settings: station details, officers, backups and restores ----------------------------------


@pytest.mark.usefixtures("english")
def test_settings_refusals_in_english(
    qtbot: QtBot,
    app_context: AppContext,
    ctx: Context,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_roster(ctx)
    screen = SettingsScreen(app_context)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    data = data_of(app_context)
    shown: list[str] = []
    monkeypatch.setattr(screen, "show_problem", lambda error: shown.append(error_text(error)))

    screen.county_edit.setText("12")
    screen.save_station()
    qtbot.waitUntil(lambda: bool(screen.station_errors.message("county_code")))
    assert screen.station_errors.messages() == {
        "county_code": "The county region code should have 6 or 12 digits."
    }
    assert_english(shown_texts(screen), data)

    dialog = screen.open_add_officer()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setText("王联络员")
    dialog.phone_edit.setText("12")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.errors.message("phone")))
    assert dialog.errors.messages() == {
        "name": 'This station already has an active officer named "王联络员".',
        "phone": "A mobile number should have 11 digits; it has 2.",
    }
    assert_english(shown_texts(dialog), data)
    dialog.reject()

    not_a_backup = tmp_path / "photo.sqlite3"
    not_a_backup.write_bytes(b"\xff\xd8 not a database" * 100)
    monkeypatch.setattr(screen, "choose_backup_file", lambda _start: not_a_backup)
    screen.restore_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[-1].startswith("photo.sqlite3 is not a valid database file (")

    blocked = tmp_path / "usb"
    blocked.write_text("a file where the backup folder should be")
    screen.backup_now(blocked / "backups")
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert shown[-1].startswith(f"Backing up to {blocked / 'backups'} failed (")
    assert shown[-1].endswith("the data and the existing backups were not changed.")
    assert_english([("message box", text) for text in shown], [str(tmp_path)])


@pytest.mark.usefixtures("english")
def test_first_run_refusal_in_english(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> None:
    fresh = open_installation(tmp_path / "fresh")
    try:
        dialog = FirstRunDialog(fresh, clock)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.code_edit.insert("坏-编码!")
        dialog.name_edit.insert("涪阳镇消费维权服务站")
        dialog.county_edit.insert("5119")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.field_errors["station_code"].text() == (
            "The station code must be 2 to 32 letters, digits or underscores, for example TJ001."
        )
        assert dialog.field_errors["county_code"].text() == (
            "The county region code should have 6 or 12 digits."
        )
        assert_english(shown_texts(dialog), ["坏-编码!", "涪阳镇消费维权服务站"])
        assert fresh.identity() is None
    finally:
        fresh.close()


# --- a damaged or too new database ---------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_damaged_database_explained_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "damaged"
    data_dir.mkdir()
    database = data_dir / "station.sqlite3"
    database.write_bytes(b"this is not an SQLite database at all" * 200)

    problems = quick_check(database)
    assert problems and problems[0].startswith("the database file cannot be read (")
    with pytest.raises(DatabaseDamaged) as damaged:
        open_installation(data_dir)
    assert error_text(damaged.value).startswith(f"The database file {database} is damaged")
    assert "please restore it from a backup" in error_text(damaged.value)

    paths = DataPaths(data_dir)
    for found in (problems, [str(damaged.value)]):
        dialog = RecoveryDialog(paths, found, [])
        qtbot.addWidget(dialog)
        dialog.show()
        details = [label.text() for label in dialog.findChildren(QLabel)]
        assert any(found[0] in text for text in details)
        assert_english(shown_texts(dialog), [str(paths.backups), str(database)])
        dialog.close()

    with pytest.raises(StationError) as refused:
        verify_backup(tmp_path / "missing.sqlite3")
    assert error_text(refused.value) == (
        f"The backup file {tmp_path / 'missing.sqlite3'} was not found."
    )
    too_new = DatabaseTooNew(99, 12)
    assert error_text(too_new) == (
        "The database is version 99, newer than version 12 this program supports: please "
        "install the newer program and open it again. Nothing in the data was changed."
    )
    assert error_text(NotInitialised()).startswith("This station is not set up yet")


@pytest.mark.usefixtures("english")
def test_backup_that_fails_its_check_is_refused_in_english(tmp_path: Path) -> None:
    backup = tmp_path / "old.sqlite3"
    with contextlib.closing(connect_raw(backup)) as connection:
        connection.execute("CREATE TABLE unrelated (x)")
        connection.commit()
    with pytest.raises(StationError) as refused:
        verify_backup(backup)
    assert error_text(refused.value) == "old.sqlite3 is not a backup of this program."


# --- refusals of record edits and validation in the core -----------------------------------------


@pytest.mark.usefixtures("english")
def test_record_refusals_in_english(
    ctx: Context, installation: Installation, tmp_path: Path
) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    texts: list[str] = []

    def refused(action: object, *args: object) -> str:
        with pytest.raises(StationError) as error:
            action(*args)  # type: ignore[operator]
        texts.append(error_text(error.value))
        return texts[-1]

    assert refused(delete_complaint, ctx, complaint.id, "  ") == (
        "Please give a reason for deleting the complaint."
    )
    assert refused(get_complaint, 99999) == "This complaint does not exist or has been deleted."
    assert error_text(VersionConflict(complaint.number)) == (
        f"Complaint {complaint.number} was changed by someone else; please close it and open it "
        "again before editing."
    )
    with database_proxy.atomic():
        roster = Officer(name="赵名册", station_code=ctx.origin)
        stamp_new(roster, "county", ctx.clock.utcnow())
        roster.save(force_insert=True)
    assert refused(set_officer_active, ctx, roster.id, False) == (
        'Officer "赵名册" comes from the county association\'s roster; only the county '
        "association can deactivate them, in the roster."
    )
    assert refused(add_officer, ctx, "", "0791-1") == (
        "Please enter the officer's name. A landline number (the part after the area code) "
        "should have 7 to 8 digits."
    )
    assert refused(store_file, installation.paths.attachments, tmp_path / "gone.jpg").startswith(
        "Cannot read the attachment gone.jpg: "
    )
    assert refused(codes.code_list("channel").entry, "nope") == (
        'The code list "Channel" has no code "nope".'
    )
    assert refused(codes.code_list("channel").extended, [{"code": "bad code!", "name": "新"}]) == (
        'Code "bad code!" may only contain letters, digits and underscores.'
    )
    assert_english([("refusal", text) for text in texts], ["赵名册"])


@pytest.mark.usefixtures("english")
def test_the_12315_hand_off_names_complaints_left_out_in_english(
    qtbot: QtBot, complaints: ComplaintsScreen, ctx: Context, tmp_path: Path, monkeypatch
) -> None:
    """The reason a complaint stays out of the 12315 hand-off is the core's, in English (the
    sentences around it are the screen's own: see the translations)."""
    refused = register_complaint(ctx, complaint_draft())
    complaints.refresh()
    complaints.select_id(refused.id)
    monkeypatch.setattr(complaints, "choose_handoff_path", lambda _name: tmp_path / "x.xlsx")
    complaints.export_handoff()
    qtbot.waitUntil(lambda: complaints.handoff_box is not None, timeout=10000)
    box = complaints.handoff_box
    assert box is not None
    assert f"{refused.number}" in box.text()
    assert "has not agreed to their details going to 12315." in box.text()
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.usefixtures("english")
def test_validation_sentences_and_their_joiner_follow_the_language(clock: FixedClock) -> None:
    def reason(check: object, value: object, **options: object) -> str:
        with pytest.raises(FieldError) as error:
            check(value, **options)  # type: ignore[operator]
        return error.value.message

    today = clock.today()
    assert reason(normalize_id_number, "", today=today) == "Please enter the ID number."
    assert reason(normalize_id_number, "36042619910101007", today=today) == (
        "The ID number should have 18 characters; it has 17."
    )
    assert reason(normalize_id_number, "360426199102300072", today=today) == (
        "The date of birth in the ID number (characters 7 to 14) is not a real date."
    )
    assert reason(normalize_credit_code, "91110108551385082I") == (
        'Character 18 of the credit code, "I", is not allowed (only digits and capital letters, '
        "without I, O, S, V, Z)."
    )
    assert reason(normalize_phone, "电话") == (
        'A phone number may only contain digits; use "-" to separate the area code.'
    )
    assert reason(normalize_region_code, "5119211002") == (
        "The region code should have 12 digits; it has 10."
    )
    assert reason(normalize_region_code, "51192110", levels=("county", "town", "village")) == (
        "The region code should have 6 or 9 or 12 digits; it has 8."
    )
    assert reason(normalize_region_code, "511921100", levels=("county", "village")) == (
        "A county-level or village-level region code is needed here; this is a township-level code."
    )
    assert reason(parse_yuan_to_fen, "2000000000") == (
        "The amount is over 1 billion yuan; please check it (the unit is yuan)."
    )
    with pytest.raises(ValidationFailed) as failed:
        check_identity("", "", "12", "village")
    assert str(failed.value) == (
        "The station code must be 2 to 32 letters, digits or underscores, for example TJ001. "
        "Please enter the station name. The county region code should have 6 or 12 digits. "
        "The role can only be station or county (the county association)."
    )
    assert not CHINESE.search(str(failed.value)) and "；" not in str(failed.value)


def test_without_the_translator_the_core_speaks_chinese_as_before() -> None:
    """The station command and the records keep the Chinese sentences, joined with "；"."""
    with pytest.raises(ValidationFailed) as failed:
        check_identity("TJ001", "", "12", "station")
    assert str(failed.value) == "请填写服务站名称。；县级区划代码应为 6 位或 12 位数字。"
    with pytest.raises(FieldError) as level:
        normalize_region_code("511921100", levels=("county", "village"))
    assert level.value.message == "这里需要县级或村级区划代码，填入的是乡镇级代码。"


@pytest.mark.usefixtures("english")
def test_deadline_descriptions_of_the_complaint_list_in_english() -> None:
    """The 到期 text of a row's tooltip (and of 工作台's due list) is translated, every variant."""
    from station_app.gui.complaints.table_model import deadline_text, due_description
    from station_app.workflow.deadlines import DueItem

    def item(left: int, *, estimated: bool = False) -> DueItem:
        due = dt.date(2026, 12, 1)
        return DueItem(
            1,
            "TJ001-2026-0001",
            "accepted",
            dt.date(2026, 10, 9),
            "mediation",
            due,
            left < 0,
            left >= 0,
            estimated,
            left,
        )

    assert due_description(item(-3)) == "2026-12-01 (overdue by 3 working day(s))"
    assert due_description(item(0)) == "2026-12-01 (due today)"
    assert (
        due_description(item(2, estimated=True)) == "2026-12-01 (2 working day(s) left), estimated"
    )
    assert deadline_text(item(-3)).endswith("2026-12-01 (overdue by 3 working day(s))")
    assert not CHINESE.search(deadline_text(item(-3)))
