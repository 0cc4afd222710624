"""Education events (宣传活动): 3·15 campaigns, market-day stalls, village talks, warnings, training.

A synced table like every record of the station (see ``SyncedModel``). ``held_on`` is the local
China date of the event; ``event_type`` is a code of the ``education_event_type`` list. The counts
are what the monthly summary adds up: people reached (``attendees``), leaflets handed out and
consultations taken on the spot. A consumer warning or tip (types ``consumer_warning`` and
``consumer_tip``) is published rather than held: its ``channel`` and ``reach`` say where and to how
many people. Instruments checked at an event are ``InstrumentCheck`` rows
(``store/violation_models.py``).
"""

from __future__ import annotations

from peewee import SQL, CharField, DateField, ForeignKeyField, IntegerField, TextField

from station_app.store.models import Officer, SyncedModel


class EducationEvent(SyncedModel):
    """One consumer-education event (宣传活动) held or published by the station."""

    officer_id: int | None

    held_on = DateField(index=True)
    event_type = CharField(max_length=24)  # education_event_type code
    village_code = CharField(max_length=12, null=True)
    topic = CharField(max_length=200)
    attendees = IntegerField(default=0)  # 参加人数 (0 for a warning published without a gathering)
    leaflets = IntegerField(default=0)  # 发放资料份数
    consultations = IntegerField(default=0)  # 现场咨询人次
    officer = ForeignKeyField(Officer, null=True, backref="events", on_delete="RESTRICT")
    notes = TextField(null=True)
    # a consumer warning or tip (消费警示 / 消费提示): how it was published and how many it reached
    channel = CharField(max_length=24, null=True)  # notice_channel code
    # DEFAULT 0 in the table too: the column was added to a table that had rows (migration 10)
    reach = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])


EVENT_MODELS: list[type[SyncedModel]] = [EducationEvent]
