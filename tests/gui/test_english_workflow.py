"""The complaint workflow in an English window: the core's refusals and reasons (wrong state,
consent missing, bad input), the history of a complaint carried from acceptance to follow-up,
and 工作台's due reminders show no Chinese but data (names, numbers, the officer)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QTranslator
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from station_app.documents import DocumentContent, document_content, record_printed
from station_app.errors import ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.app.dashboard import DashboardScreen
from station_app.gui.complaints.detail.history import HistoryDialog
from station_app.gui.complaints.detail.window import ComplaintDetail
from station_app.gui.complaints.dialogs.base import ActionDialog
from station_app.gui.complaints.dialogs.consent import ConsentDialog
from station_app.gui.reports import printing
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.validation import mask_name
from station_app.workflow import consent, mediation, states, transitions
from station_app.workflow.working_days import WorkingDayCalendar

from .dialog_answers import leave
from .test_complaint_detail import choose, click, ok, open_detail, reload
from .test_translations import CHINESE, assert_english, english, shown_texts  # noqa: F401

OFFICER = "王联络员"


def cells(view: QTableView) -> list[str]:
    model = view.model()
    return [
        str(model.index(row, column).data() or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def refusal(qtbot: QtBot, dialog: ActionDialog) -> str:
    """Click 确定 and wait for the red box of a refused action."""
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.refusal_text() != "", timeout=5000)
    return dialog.refusal_text()


def field_reason(qtbot: QtBot, dialog: ActionDialog, field: str) -> str:
    """Click 确定 and wait for the reason shown beside ``field``."""
    ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.message(field) is not None, timeout=5000)
    return dialog.errors.message(field) or ""


def data_of(complaint_id: int) -> list[str]:
    """What a complaint's detail window may show in Chinese: what was typed, and the officer."""
    complaint = get_complaint(complaint_id)
    return [
        OFFICER,
        complaint.number,
        complaint.respondent_name,
        complaint.subject,
        complaint.facts,
        mask_name("李桂兰"),
    ]


def test_every_refusal_of_the_state_machine_is_english(english: QTranslator) -> None:  # noqa: F811
    refused = 0
    for action, status in itertools.product(states.ACTIONS.values(), states.STATUSES):
        if status in action.sources:
            continue
        with pytest.raises(states.TransitionRefused) as caught:
            states.check(action.code, status)
        reason = str(caught.value)
        assert not CHINESE.search(reason), (action.code, status, reason)
        verb = states.action_verb(action)
        assert not CHINESE.search(verb) and verb != action.verb, action.code
        assert verb in reason or action.code in ("reopen", "follow_up")
        refused += 1
    assert refused > 50
    reason = states.refusal_reason(states.ACTIONS["start_mediation"], states.CLOSED)
    assert reason == "The complaint is “Closed”: reopen it before you start mediation."


def test_refusals_and_reasons_in_the_action_dialogs(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    ctx: Context,
    make_complaint_draft: Callable[..., object],
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id  # type: ignore[arg-type]
    data = data_of(cid)
    detail = open_detail(qtbot, app_context, cid)

    # acceptance dated after today: the core's reason names the date in English
    dialog = click(qtbot, detail, "action_accept")
    dialog.fields["on"].setDate(QDate(2026, 11, 21))  # type: ignore[attr-defined]
    assert field_reason(qtbot, dialog, "on") == "Date accepted cannot be later than today."
    dialog.fields["on"].setDate(QDate(2026, 11, 17))  # type: ignore[attr-defined]
    reason = field_reason(qtbot, dialog, "on")
    assert reason == (
        "Date accepted cannot be earlier than the date the complaint was received (2026-11-18)."
    )
    leave(dialog)

    dialog = click(qtbot, detail, "action_refuse")
    reason = field_reason(qtbot, dialog, "ground_code")
    rules, _grounds = transitions.not_accepted_grounds(cid)
    assert reason == f"Choose a ground for not accepting from “{rules.title_en}”."
    leave(dialog)

    transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
    reload(qtbot, detail)

    # mediation before the complainant's consent: refused, in English, nothing written
    dialog = click(qtbot, detail, "action_record_mediation_step")
    text = refusal(qtbot, dialog)
    assert "personal information may go to the business" in text
    assert text.endswith("Record the consent first, then start mediation.")
    assert_english([("refusal", text)], data)
    assert mediation.mediation_steps_of(cid) == [] and dialog.isVisible()
    leave(dialog)
    dialog = click(qtbot, detail, "action_refer")
    choose(dialog.fields["target"], "county_association")  # type: ignore[arg-type]
    text = refusal(qtbot, dialog)
    assert "may go to County consumer association" in text and text.endswith("then refer it.")
    leave(dialog)

    # the consent form's own reasons
    detail.open_consent()
    form = detail.dialog
    assert isinstance(form, ConsentDialog)
    for check in form.recipient_checks.values():
        check.setChecked(False)
    assert (
        field_reason(qtbot, form, "recipients") == "Choose who the personal information may go to."
    )
    leave(form)

    # a round of mediation without mediators, with the next round before this one
    consent.record_consent(ctx, cid, consent.ConsentDraft(recipients=[consent.RESPONDENT]))
    dialog = click(qtbot, detail, "action_record_mediation_step")
    dialog.fields["mediators"].clear()  # type: ignore[attr-defined]
    next_on = dialog.fields["next_on"]
    next_on.check.setChecked(True)  # type: ignore[attr-defined]
    next_on.edit.setDate(QDate(2026, 11, 19))  # type: ignore[attr-defined]
    assert field_reason(qtbot, dialog, "mediators") == "Enter who mediated."
    assert dialog.errors.message("next_on") == "The next mediation cannot be earlier than this one."
    leave(dialog)

    # testing or appraisal, refused because the complaint was withdrawn at another desk meanwhile
    dialog = click(qtbot, detail, "action_start_pause")
    transitions.withdraw(ctx, cid, reason="已和解")
    text = refusal(qtbot, dialog)
    assert text == (
        "The complaint is “Withdrawn” and its handling has ended:"
        " you cannot start testing or appraisal."
    )
    assert mediation.pauses_of(cid) == []
    leave(dialog)
    detail.close()


def test_closing_and_follow_up_reasons(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    ctx: Context,
    make_complaint_draft: Callable[..., object],
) -> None:
    cid = register_complaint(ctx, make_complaint_draft()).id  # type: ignore[arg-type]
    transitions.accept(ctx, cid, on=dt.date(2026, 11, 19))
    detail = open_detail(qtbot, app_context, cid)
    dialog = click(qtbot, detail, "action_close")
    assert field_reason(qtbot, dialog, "outcome").startswith("Choose the outcome (withdrawal,")
    leave(dialog)
    transitions.close(ctx, cid, transitions.ClosingDraft(outcome="mediated"))
    reload(qtbot, detail)
    dialog = click(qtbot, detail, "action_follow_up")
    dialog.fields["reopen"].setChecked(True)  # type: ignore[attr-defined]
    assert field_reason(qtbot, dialog, "satisfaction") == "Choose the satisfaction level."
    assert dialog.errors.message("reopen_reason") == "Give the reason for reopening the complaint."
    leave(dialog)
    detail.close()

    # core reasons raised straight from the core are English too
    with pytest.raises(ValidationFailed) as failed:
        transitions.reopen(ctx, cid, "  ")
    assert failed.value.by_field() == {"reason": "Give the reason for reopening the complaint."}
    with pytest.raises(states.WorkflowRefused) as refused:
        transitions.record_termination_notice(ctx, cid)
    assert not CHINESE.search(str(refused.value))


def _carry_through(ctx: Context, cid: int) -> None:
    """Acceptance, consent, a mediation round, a testing pause, a referral copy, an agreement
    carried out, closing and a follow-up: every kind of workflow record and its history."""
    transitions.accept(ctx, cid, on=dt.date(2026, 11, 3), note="papers complete")
    consent.record_consent(
        ctx,
        cid,
        consent.ConsentDraft(
            recipients=[consent.RESPONDENT, "county_association"],
            given_at=dt.datetime(2026, 11, 3, 10, 0),
        ),
    )
    consent.record_consent(
        ctx,
        cid,
        consent.ConsentDraft(
            recipients=["hotline_12315"], granted=False, given_at=dt.datetime(2026, 11, 3, 10, 5)
        ),
    )
    mediation.record_mediation_step(
        ctx,
        cid,
        mediation.MediationStepDraft(
            held_at=dt.datetime(2026, 11, 4, 10, 0), mode="phone", mediators="Wang"
        ),
    )
    mediation.start_pause(ctx, cid, "testing", started_on=dt.date(2026, 11, 5))
    mediation.end_pause(ctx, cid, ended_on=dt.date(2026, 11, 6), note="fertiliser sound")
    transitions.refer(
        ctx,
        cid,
        transitions.ReferralDraft(
            target="county_association", referred_on=dt.date(2026, 11, 6), hands_over=False
        ),
    )
    agreement = mediation.record_agreement(
        ctx,
        cid,
        mediation.AgreementDraft(terms="refund", amount_fen=36000, signed_on=dt.date(2026, 11, 7)),
    )
    mediation.mark_agreement_carried_out(ctx, agreement.id, on=dt.date(2026, 11, 8))
    transitions.close(
        ctx,
        cid,
        transitions.ClosingDraft(outcome="mediated", closed_on=dt.date(2026, 11, 9), note="paid"),
    )
    transitions.follow_up(
        ctx,
        cid,
        transitions.FollowUpDraft(
            method="phone", satisfaction="satisfied", followed_up_on=dt.date(2026, 11, 10)
        ),
    )


def _all_texts(detail: ComplaintDetail) -> list[tuple[str, str]]:
    found = [("tab", detail.tabs.tabText(tab)) for tab in range(detail.tabs.count())]
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
        found += shown_texts(detail)
        for view in detail.findChildren(QTableView):
            if view.isVisibleTo(detail):
                found += [(f"tab {tab} {view.objectName()}", text) for text in cells(view)]
    return found


def test_a_complaints_history_from_acceptance_to_follow_up_is_english(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    ctx: Context,
    make_complaint_draft: Callable[..., object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft = make_complaint_draft(received_at=dt.datetime(2026, 11, 2, 9, 0))
    cid = register_complaint(ctx, draft).id  # type: ignore[arg-type]
    _carry_through(ctx, cid)
    record_printed(ctx, document_content("registration", cid))
    ended = register_complaint(ctx, draft).id  # type: ignore[arg-type]
    transitions.accept(ctx, ended, on=dt.date(2026, 11, 3))
    _rules, grounds = transitions.termination_grounds(ended)
    transitions.end_mediation(ctx, ended, grounds[0].code, on=dt.date(2026, 11, 4))

    for complaint_id in (cid, ended):
        detail = open_detail(qtbot, app_context, complaint_id)
        assert_english(_all_texts(detail), data_of(complaint_id))
        if complaint_id == ended:
            detail.close()
            continue
        audit = detail.history_tab.audit_view.model().row_texts()  # type: ignore[attr-defined]
        summaries = [row[4] for row in audit if row[2] == "Registered"]
        for wanted in (
            "Agreed that personal information may go to the business",
            "Agreed that personal information may go to County consumer association",
            "Did not agree that personal information may go to 12315 platform",
            "Referred to County consumer association",
            "Satisfied",
        ):
            assert wanted in summaries
        assert any(s.endswith("; the mediation time limit is paused") for s in summaries)
        reasons = [row[5] for row in audit if row[5]]
        assert "Accept: papers complete" in reasons
        assert "Mediated successfully: paid" in reasons
        assert "Printed Complaint registration form" in " ".join(reasons)

        detail.close()

    # the preview of a document is titled in English (the paper itself stays Chinese)
    titles: list[str] = []
    preview = printing.print_preview_dialog

    def quiet_preview(
        parent: QWidget | None,
        content: DocumentContent,
        title: str | None = None,
        on_output: printing.OutputListener | None = None,
    ) -> QPrintPreviewDialog:
        dialog = preview(parent, content, title, on_output)
        titles.append(dialog.windowTitle())
        dialog.exec = lambda: 0  # type: ignore[method-assign]  # rejected: nothing is printed
        return dialog

    monkeypatch.setattr(printing, "print_preview_dialog", quiet_preview)
    detail = open_detail(qtbot, app_context, cid)
    detail.print_document("mediation_agreement")
    assert titles == ["Print preview - Mediation agreement"]
    detail.close()

    # the history dialog of the list shows the same words
    history = HistoryDialog(app_context, cid)
    qtbot.addWidget(history)
    texts = [("history", text) for row in history.model.row_texts() for text in row]
    assert_english(texts + shown_texts(history), data_of(cid))
    assert ("history", "Accept: papers complete") in texts


def _dashboard(
    qtbot: QtBot,
    app_context: AppContext,
    ctx: Context,
    make_complaint_draft: Callable[..., object],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[DashboardScreen, list[int]]:
    """工作台 with an overdue acceptance and an overdue mediation; working days are estimated."""
    overdue = register_complaint(  # acceptance due 2026-11-11
        ctx,
        make_complaint_draft(received_at=dt.datetime(2026, 11, 2, 9, 0)),  # type: ignore[arg-type]
    ).id
    mediating = register_complaint(
        ctx,
        make_complaint_draft(received_at=dt.datetime(2026, 9, 1, 9, 0)),  # type: ignore[arg-type]
    ).id
    transitions.accept(ctx, mediating, on=dt.date(2026, 9, 2))
    # a calendar that knows no year's holidays: every deadline is an estimate
    monkeypatch.setattr(
        "station_app.workflow.deadlines.official_calendar", lambda: WorkingDayCalendar()
    )
    dashboard = DashboardScreen(app_context)
    qtbot.addWidget(dashboard)
    dashboard.show()
    return dashboard, [overdue, mediating]


def test_due_reminders_on_the_dashboard_are_english(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    ctx: Context,
    make_complaint_draft: Callable[..., object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dashboard, ids = _dashboard(qtbot, app_context, ctx, make_complaint_draft, monkeypatch)
    model = dashboard.due_model
    complaint_rows = [row for row in range(model.rowCount()) if model.item(row) is not None]
    items = [model.item(row) for row in complaint_rows]
    # grouped by kind: acceptance decisions before mediation limits
    assert [item.complaint_id for item in items if item is not None] == ids
    assert_english(shown_texts(dashboard), [OFFICER])
    rows = [
        tuple(str(model.index(row, column).data()) for column in (1, 2)) for row in complaint_rows
    ]
    assert rows == [("Registered", "Acceptance decision"), ("Accepted", "Mediation limit")]
    due = [str(model.index(row, 3).data()) for row in complaint_rows]
    assert_english([("due", text) for text in due], [])
    assert due == [  # 60 calendar days end on Sun 1 Nov: moved to Mon 2 Nov, in an unknown year
        "2026-11-11 (overdue by 7 working day(s)), estimated",
        "2026-11-02 (overdue by 14 working day(s)), estimated",
    ]


@pytest.mark.usefixtures("english")
def test_history_columns_fit_their_english_words(
    qtbot: QtBot, app_context: AppContext, ctx: Context, make_complaint_draft: Callable[..., object]
) -> None:
    """Column widths were set in Chinese characters; English labels ("Status changed",
    "Registered → Accepted", "Mediation counted from") run longer and must not be cut off."""
    complaint = register_complaint(ctx, make_complaint_draft())
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 19))
    detail = ComplaintDetail(app_context, complaint.id)
    qtbot.addWidget(detail)
    detail.resize(1200, 760)
    detail.show()
    qtbot.waitExposed(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    for view, stretch in (
        (detail.history_tab.transition_table, 3),
        (detail.history_tab.audit_view, 4),
    ):
        model = view.model()
        assert model.rowCount() > 0
        for column in range(model.columnCount()):
            if column != stretch:
                assert view.columnWidth(column) >= view.sizeHintForColumn(column), column


def test_the_program_s_own_actors_are_named_in_english_in_a_history(
    qtbot: QtBot,
    english: QTranslator,  # noqa: F811
    app_context: AppContext,
    ctx: Context,
    make_complaint_draft: Callable[..., object],
) -> None:
    """A complaint registered and accepted from the command line: its history names the actor in
    the window's language (``actors.actor_label``), not as the Chinese word the record keeps."""
    import dataclasses

    from station_app.actors import COMMAND_LINE, actor_label

    by_script = dataclasses.replace(ctx, actor=COMMAND_LINE)
    draft = make_complaint_draft(received_at=dt.datetime(2026, 11, 2, 9, 0))
    cid = register_complaint(by_script, draft).id  # type: ignore[arg-type]
    transitions.accept(by_script, cid, on=dt.date(2026, 11, 3))
    label = actor_label(COMMAND_LINE)
    assert label and not CHINESE.search(label)
    detail = open_detail(qtbot, app_context, cid)
    audit = detail.history_tab.audit_view.model().row_texts()  # type: ignore[attr-defined]
    assert audit and {row[1] for row in audit} == {label}
    steps = detail.history_tab.transition_table.model()
    actor_column = steps.columnCount() - 1
    actors = {steps.index(r, actor_column).data() for r in range(steps.rowCount())}
    assert actors == {label}
    detail.close()
    history = HistoryDialog(app_context, cid)
    qtbot.addWidget(history)
    assert {row[1] for row in history.model.row_texts()} == {label}
