"""Every write the window uses says what it changed (``station_app.changes.Changes``), and the
工作台 card counts the records changed since the last bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from station_app.changes import NO_CHANGES, Changed, Changes, changes_in
from station_app.registry.attachments import attach_to_complaint
from station_app.registry.complaints import (
    delete_complaint,
    draft_of,
    get_complaint,
    register_complaint,
    update_complaint,
)
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, delete_event, register_event, update_event
from station_app.registry.officers import add_officer
from station_app.registry.visits import VisitDraft, delete_visit, register_visit, update_visit
from station_app.sync.changed import export_bundle_changes
from station_app.sync.sent import UnsentRecords, change_number, changed_after, unsent_records
from station_app.workflow.consent import RESPONDENT, ConsentDraft, record_consent
from station_app.workflow.transitions import accept

from ..conftest import complaint_draft
from .test_sync_helpers import use_test_county


def visit_draft(**overrides: object) -> VisitDraft:
    values: dict[str, object] = {
        "visited_at": dt.datetime(2026, 11, 18, 10, 0),
        "channel": "visit",
        "question": "买的电饭煲坏了怎么办？",
    }
    values.update(overrides)
    return VisitDraft(**values)  # type: ignore[arg-type]


def event_draft() -> EventDraft:
    return EventDraft(
        held_on=dt.date(2026, 11, 7), event_type="market_advice", topic="逢场日咨询", attendees=50
    )


def test_the_change_set_unites_and_is_false_when_empty() -> None:
    assert not NO_CHANGES and not Changes.of(complaints=[None])
    both = Changes.of(complaints=[1]) | Changes.of(visits=[2], sync=["TJ001"])
    assert both == Changes.of(complaints=[1], visits=[2], sync=["TJ001"])
    assert both.touches("visits") and not both.touches("events", "roster")
    assert Changes.all().touches("events") and Changes.all()
    with pytest.raises(ValueError):
        both.touches("complaint")
    assert changes_in(Changed("x", both)) == both
    assert changes_in([Changed(1, Changes.of(events=[3])), both]) == both | Changes.of(events=[3])
    assert changes_in(None) == NO_CHANGES and changes_in(Path("a")) == NO_CHANGES


def test_complaint_writes_say_which_complaint(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    assert complaint.changes == Changes.of(complaints=[complaint.id])
    edited = update_complaint(ctx, complaint.id, complaint_draft(subject="尿素"))
    assert edited.changes == Changes.of(complaints=[complaint.id])
    unchanged = update_complaint(ctx, complaint.id, draft_of(get_complaint(complaint.id)))
    assert not unchanged.changes
    assert delete_complaint(ctx, complaint.id, "重复登记") == Changes.of(complaints=[complaint.id])


def test_a_complaint_from_a_visit_changes_both(ctx: Context) -> None:
    visit = register_visit(ctx, visit_draft())
    assert visit.changes == Changes.of(visits=[visit.id])
    complaint = register_complaint(ctx, complaint_draft(visit_id=visit.id))
    assert complaint.changes == Changes.of(complaints=[complaint.id], visits=[visit.id])
    assert update_visit(ctx, visit.id, visit_draft(question="电饭煲保修几年？")).changes == (
        Changes.of(visits=[visit.id])
    )
    assert delete_visit(ctx, visit.id, "误录") == Changes.of(visits=[visit.id])


def test_event_writes_say_which_event(ctx: Context) -> None:
    event = register_event(ctx, event_draft())
    assert event.changes == Changes.of(events=[event.id])
    changed = EventDraft(**{**event_draft().__dict__, "attendees": 80})
    assert update_event(ctx, event.id, changed).changes == Changes.of(events=[event.id])
    assert delete_event(ctx, event.id, "误录") == Changes.of(events=[event.id])


def test_workflow_actions_consent_and_attachments_change_their_complaint(
    ctx: Context, tmp_path: Path
) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    mine = Changes.of(complaints=[complaint.id])
    assert accept(ctx, complaint.id).changes == mine
    consents = record_consent(ctx, complaint.id, ConsentDraft(recipients=[RESPONDENT]))
    assert consents and changes_in(consents) == mine
    receipt = tmp_path / "收据.jpg"
    receipt.write_bytes(b"\xff\xd8 receipt")
    attachments = tmp_path / "attachments"
    assert attach_to_complaint(ctx, attachments, get_complaint(complaint.id), receipt).changes == (
        mine
    )


def test_settings_writes_name_the_settings(ctx: Context) -> None:
    assert add_officer(ctx, "王小明").changes == Changes.of(settings=["officers"])
    assert ctx.station.changes == Changes.of(settings=["station"])


def test_unsent_records_count_what_changed_since_the_last_bundle(
    ctx: Context, installation, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fresh = unsent_records()
    assert fresh == UnsentRecords(0, 0, 0) and not fresh and fresh.sentence() == ""
    before = change_number()
    first = register_complaint(ctx, complaint_draft())
    second = register_complaint(ctx, complaint_draft())
    accept(ctx, first.id)  # a second change of the same complaint counts once
    for _ in range(3):
        register_visit(ctx, visit_draft())
    assert changed_after(before).complaints == {first.id, second.id}
    unsent = unsent_records()
    assert unsent == UnsentRecords(complaints=2, visits=3, events=0)
    assert unsent.sentence() == "2 件投诉、3 次来访有变更，尚未发送给县消协"
    register_event(ctx, event_draft())
    assert unsent_records().sentence() == (
        "2 件投诉、3 次来访、1 场宣传活动有变更，尚未发送给县消协"
    )
    use_test_county(installation, "station")  # the county's key: bundles go out encrypted
    written = export_bundle_changes(ctx, installation.paths, tmp_path / "usb")
    assert written.value.exists() and written.changes == Changes.of(sync=[ctx.origin])
    assert not unsent_records() and unsent_records().sentence() == ""
