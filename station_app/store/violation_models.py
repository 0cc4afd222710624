"""Reports of violations (举报), and what is recorded with an education event.

A report of a violation is not a complaint: the person (who may stay anonymous) asks for no
remedy for themselves but tells the station that a business breaks the law (short weight, fakes,
expired goods, no licence). The station registers it and passes it to the market-regulation office
(转交市场监管部门), and records the office's reply. Reports are counted apart from complaints.

Free checks of measuring instruments (免费检测计量器具) at an event — scales, blood-pressure
monitors, glasses — are recorded with the event: how many of each kind were checked and how many
failed.

Both are synced tables like every record of the station.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from station_app.store.event_models import EducationEvent
from station_app.store.models import Officer, SyncedModel


class ViolationReport(SyncedModel):
    """One report of a violation (举报), from registration to the office's reply."""

    officer_id: int | None

    number = CharField(max_length=48, unique=True)  # <station>-JB<YYYY>-<NNNN>
    received_at = DateTimeField(index=True)  # local China time
    channel = CharField(max_length=16)  # channel code
    officer = ForeignKeyField(Officer, null=True, backref="violation_reports", on_delete="RESTRICT")
    anonymous = BooleanField(default=False)  # 匿名举报: no name, phone or address kept
    reporter_name = CharField(max_length=50, null=True)
    reporter_phone = CharField(max_length=32, null=True)
    reporter_address = CharField(max_length=200, null=True)
    village_code = CharField(max_length=12, null=True, index=True)
    respondent_name = CharField(max_length=200)
    respondent_credit_code = CharField(max_length=18, null=True, index=True)
    respondent_address = CharField(max_length=200, null=True)
    subject = CharField(max_length=200)  # the goods, service or conduct reported
    facts = TextField()
    evidence = TextField(null=True)  # what the reporter handed in or pointed to
    referred_on = DateField(null=True, index=True)  # passed to the market-regulation office
    referred_to = CharField(max_length=100, null=True)
    reply_on = DateField(null=True, index=True)
    reply = TextField(null=True)
    case_filed = BooleanField(null=True)  # the office opened a case (立案), per its reply
    remarks = TextField(null=True)


class InstrumentCheck(SyncedModel):
    """Instruments of one kind checked free of charge at an event, and how many failed."""

    event_id: int

    event = ForeignKeyField(EducationEvent, backref="instrument_checks", on_delete="RESTRICT")
    instrument = CharField(max_length=24)  # instrument code
    checked = IntegerField()
    failed = IntegerField(default=0)


VIOLATION_MODELS: list[type[SyncedModel]] = [ViolationReport, InstrumentCheck]
