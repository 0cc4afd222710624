"""Education events (宣传活动): entry, editing, (soft) deletion and the paged list.

Same patterns as visits: a refused draft writes nothing and raises ``ValidationFailed`` with one
reason per field; each write stamps the sync columns and leaves audit entries; lists page by keyset
(``held_on, id``) so the hundredth page costs what the first one does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from station_app import codes
from station_app.errors import FieldError, ValidationFailed
from station_app.messages import N_, msg, translate
from station_app.registry.context import Context
from station_app.registry.listing import Conditions, KeysetList, place_and_officer_joins
from station_app.registry.record_edits import (
    LiveRecords,
    apply_values,
    carrying,
    insert_new,
    place_and_officer,
    save_changes,
    soft_delete,
)
from station_app.store.event_models import EducationEvent
from station_app.store.models import database_proxy
from station_app.store.violation_models import InstrumentCheck

MAX_ATTENDEES = 100_000
MAX_LEAFLETS = 1_000_000
TOPIC_LIMIT = 200


NOTICE_TYPES = ("consumer_warning", "consumer_tip")  # published, not held: channel and reach
MAX_REACH = 10_000_000
MAX_INSTRUMENTS = 100_000


@dataclass(frozen=True)
class InstrumentCount:
    """Instruments of one kind checked free of charge at the event, and how many failed."""

    instrument: str  # instrument code
    checked: int
    failed: int = 0


@dataclass
class EventDraft:
    """An education event as typed on the form."""

    held_on: dt.date
    event_type: str  # education_event_type code
    topic: str
    village_code: str | None = None
    attendees: int = 0
    leaflets: int = 0
    consultations: int = 0
    officer_id: int | None = None
    notes: str | None = None
    channel: str | None = None  # notice_channel code: a consumer warning or tip only
    reach: int = 0  # people a warning or tip reached
    instruments: list[InstrumentCount] = field(default_factory=list)


def validate_event(draft: EventDraft, ctx: Context) -> EventDraft:
    """A clean copy of ``draft``, or ``ValidationFailed`` listing every bad field."""
    problems: list[FieldError] = []
    held_on = draft.held_on
    if isinstance(held_on, dt.datetime):
        held_on = held_on.date()
    if held_on is None:
        problems.append(FieldError("held_on", msg("请填写活动日期。")))
    elif held_on > ctx.clock.today():
        problems.append(FieldError("held_on", msg("活动日期不能晚于今天。")))
    if not codes.code_list("education_event_type").contains(draft.event_type or ""):
        problems.append(FieldError("event_type", msg("请选择活动类型。")))
    topic = (draft.topic or "").strip()
    if not topic:
        problems.append(FieldError("topic", msg("请填写活动主题。")))
    elif len(topic) > TOPIC_LIMIT:
        problems.append(
            FieldError("topic", msg("活动主题不能超过 {limit} 个字。", limit=TOPIC_LIMIT))
        )
    for name, out_of_range, limit in (
        ("attendees", N_("参加人数应在 0 到 {limit} 之间。"), MAX_ATTENDEES),
        ("consultations", N_("现场咨询人次应在 0 到 {limit} 之间。"), MAX_ATTENDEES),
        ("leaflets", N_("发放资料份数应在 0 到 {limit} 之间。"), MAX_LEAFLETS),
    ):
        value = getattr(draft, name)
        if value is None or not 0 <= value <= limit:
            problems.append(FieldError(name, translate(out_of_range).format(limit=limit)))
    village = place_and_officer(draft.village_code, draft.officer_id, problems)
    notice = draft.event_type in NOTICE_TYPES
    channel = (draft.channel or "").strip() or None
    if channel is not None and not codes.code_list("notice_channel").contains(channel):
        problems.append(FieldError("channel", msg("发布渠道是不认识的代码。")))
    if draft.reach is None or not 0 <= draft.reach <= MAX_REACH:
        problems.append(
            FieldError("reach", msg("覆盖人数应在 0 到 {limit} 之间。", limit=MAX_REACH))
        )
    instruments = _valid_instruments(draft.instruments, problems)
    if problems:
        raise ValidationFailed(problems)
    return EventDraft(
        held_on=held_on,
        event_type=draft.event_type,
        topic=topic,
        village_code=village,
        attendees=draft.attendees,
        leaflets=draft.leaflets,
        consultations=draft.consultations,
        officer_id=draft.officer_id,
        notes=(draft.notes or "").strip() or None,
        channel=channel if notice else None,
        reach=draft.reach if notice else 0,
        instruments=instruments,
    )


def _valid_instruments(
    counts: list[InstrumentCount], problems: list[FieldError]
) -> list[InstrumentCount]:
    """The instrument counts with something checked; each kind once, failed within checked."""
    known = codes.code_list("instrument")
    seen: set[str] = set()
    valid = []
    for count in counts:
        if not count.checked and not count.failed:
            continue  # an empty row of the form
        if not known.contains(count.instrument or ""):
            problems.append(FieldError("instruments", msg("请选择检测的计量器具。")))
        elif count.instrument in seen:
            problems.append(
                FieldError(
                    "instruments",
                    msg("计量器具“{name}”填了两次。", name=known.name(count.instrument)),
                )
            )
        elif not 0 <= count.checked <= MAX_INSTRUMENTS:
            problems.append(
                FieldError(
                    "instruments",
                    msg("检测件数应在 0 到 {limit} 之间。", limit=MAX_INSTRUMENTS),
                )
            )
        elif not 0 <= count.failed <= count.checked:
            problems.append(
                FieldError(
                    "instruments",
                    msg("{name}的不合格件数不能多于检测件数。", name=known.name(count.instrument)),
                )
            )
        else:
            seen.add(count.instrument)
            valid.append(count)
    return valid


def _save_instruments(ctx: Context, event: EducationEvent, counts: list[InstrumentCount]) -> bool:
    """Make the event's instrument rows say ``counts``; True when a row changed."""
    existing = {
        row.instrument: row
        for row in InstrumentCheck.select().where(
            (InstrumentCheck.event == event) & (InstrumentCheck.deleted == False)  # noqa: E712
        )
    }
    changed = False
    for count in counts:
        row = existing.pop(count.instrument, None)
        if row is None:
            insert_new(
                ctx,
                InstrumentCheck(
                    event=event,
                    instrument=count.instrument,
                    checked=count.checked,
                    failed=count.failed,
                ),
                f"{count.instrument} {count.failed}/{count.checked}",
            )
            changed = True
        else:
            edits = apply_values(row, {"checked": count.checked, "failed": count.failed})
            save_changes(ctx, row, edits)
            changed = changed or bool(edits)
    for row in existing.values():  # a kind taken off the form
        soft_delete(ctx, row, msg("从宣传活动中删去"))
        changed = True
    return changed


def instruments_of(event_id: int) -> list[InstrumentCount]:
    """The instruments checked at the event, in the code list's order."""
    order = {e.code: i for i, e in enumerate(codes.code_list("instrument"))}
    rows = InstrumentCheck.select().where(
        (InstrumentCheck.event == event_id) & (InstrumentCheck.deleted == False)  # noqa: E712
    )
    counts = [InstrumentCount(r.instrument, r.checked, r.failed) for r in rows]
    return sorted(counts, key=lambda c: order.get(c.instrument, len(order)))


EVENT_RECORDS = LiveRecords(
    EducationEvent,
    N_("这条宣传活动记录不存在或已删除。"),
    N_("删除宣传活动记录须写明原因。"),
    validate_event,
    not_columns=("instruments",),
)
get_event = EVENT_RECORDS.get
delete_event = EVENT_RECORDS.delete  # a tombstone that syncs; the reason goes to the audit log


def register_event(ctx: Context, draft: EventDraft) -> EducationEvent:
    with database_proxy.atomic():
        event, clean = EVENT_RECORDS.new(ctx, draft)
        insert_new(ctx, event, clean.topic[:40])
        _save_instruments(ctx, event, clean.instruments)
        return event


def update_event(ctx: Context, event_id: int, draft: EventDraft) -> EducationEvent:
    """Save an edited event: one audit entry per changed field."""
    with database_proxy.atomic():
        event, clean, changes = EVENT_RECORDS.edited(ctx, event_id, draft)
        save_changes(ctx, event, changes)
        if _save_instruments(ctx, event, clean.instruments):
            carrying(event)  # the event changed through its instruments
        return event


# -- the list ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    month: str | None = None  # "YYYY-MM"
    event_type: str | None = None
    village_code: str | None = None
    officer_id: int | None = None
    origin: str | None = None  # county: one station's events


@dataclass(frozen=True)
class EventRow:
    id: int
    held_on: dt.date
    event_type: str
    topic: str
    village_code: str | None
    village_name: str | None
    attendees: int
    leaflets: int
    consultations: int
    officer_name: str | None
    notes: str | None
    version: int


def _where(flt: EventFilter) -> Conditions:
    where = Conditions("education_event")
    where.in_month("held_on", flt.month)
    where.equal("event_type", flt.event_type)
    where.equal("village_code", flt.village_code)
    where.equal("officer_id", flt.officer_id)
    where.equal("origin", flt.origin)
    return where


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


# one page of events, newest first (pass the page's ``cursor`` as ``after`` for the next); counts
EVENTS = KeysetList(
    "education_event",
    "education_event.id, education_event.held_on, education_event.event_type,"
    " education_event.topic, education_event.village_code, region.name,"
    " education_event.attendees, education_event.leaflets, education_event.consultations,"
    " officer.name, education_event.notes, education_event.version",
    "held_on",
    _where,
    lambda r: EventRow(r[0], _as_date(r[1]), *r[2:]),
    joins=place_and_officer_joins("education_event"),
    empty=EventFilter(),
)
list_events = EVENTS.page
count_events = EVENTS.count
