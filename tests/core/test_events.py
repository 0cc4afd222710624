"""Education events (宣传活动): entry with reasons per field, editing, deletion, keyset paging."""

from __future__ import annotations

import datetime as dt

import pytest

from station_app.errors import ValidationFailed
from station_app.registry.context import Context
from station_app.registry.events import (
    EventDraft,
    EventFilter,
    count_events,
    delete_event,
    get_event,
    list_events,
    register_event,
    update_event,
)
from station_app.store.models import AuditEntry


def draft(**overrides: object) -> EventDraft:
    values: dict[str, object] = {
        "held_on": dt.date(2026, 11, 7),
        "event_type": "market_advice",
        "topic": " 逢场日消费维权咨询 ",
        "village_code": "511921100201",
        "attendees": 120,
        "leaflets": 200,
        "consultations": 15,
    }
    values.update(overrides)
    return EventDraft(**values)  # type: ignore[arg-type]


def test_register_edit_and_delete_are_audited(ctx: Context) -> None:
    event = register_event(ctx, draft())
    assert event.topic == "逢场日消费维权咨询" and event.origin == "TJ001" and event.version == 1
    update_event(ctx, event.id, draft(attendees=150))
    assert get_event(event.id).attendees == 150 and get_event(event.id).version == 2
    change = AuditEntry.get((AuditEntry.action == "update") & (AuditEntry.field == "attendees"))
    assert (change.old_value, change.new_value) == ("120", "150")
    with pytest.raises(ValidationFailed):
        delete_event(ctx, event.id, " ")
    delete_event(ctx, event.id, "重复录入")
    assert count_events() == 0


def test_every_bad_field_has_its_reason(ctx: Context) -> None:
    with pytest.raises(ValidationFailed) as refused:
        register_event(
            ctx,
            draft(
                held_on=dt.date(2026, 11, 21),
                event_type="party",
                topic="",
                attendees=-1,
                leaflets=2_000_000,
                village_code="12",
                officer_id=999,
            ),
        )
    assert set(refused.value.by_field()) == {
        "held_on", "event_type", "topic", "attendees", "leaflets", "village_code", "officer_id",
    }  # fmt: skip
    assert count_events() == 0


def test_pages_follow_each_other_newest_first(ctx: Context) -> None:
    for day in range(1, 21):
        register_event(ctx, draft(held_on=dt.date(2026, 10, day), topic=f"第{day}场"))
    register_event(ctx, draft(held_on=dt.date(2026, 11, 2), event_type="village_talk"))
    seen: list[int] = []
    page = list_events(EventFilter(month="2026-10"), limit=7)
    while True:
        seen.extend(row.id for row in page.rows)
        if page.cursor is None:
            break
        page = list_events(EventFilter(month="2026-10"), after=page.cursor, limit=7)
    assert len(seen) == len(set(seen)) == 20 == count_events(EventFilter(month="2026-10"))
    first = list_events(EventFilter(month="2026-10"), limit=1).rows[0]
    assert (first.held_on, first.topic, first.village_name) == (
        dt.date(2026, 10, 20),
        "第20场",
        None,  # no roster loaded in this test
    )
    assert count_events(EventFilter(event_type="village_talk")) == 1
