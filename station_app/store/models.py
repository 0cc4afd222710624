"""The peewee models: the station's records and the roster data they refer to.

Every table whose rows travel in sync bundles derives from ``SyncedModel`` and carries the sync
columns of DESIGN.md: ``uid``, ``origin``, ``version``, ``updated_at``, ``deleted`` (tombstone,
never a hard delete) and ``change_seq``. Those columns are set by ``station_app.store.sync_columns``,
never by hand.

Money is stored in fen (integer hundredths of a yuan), never as floats. Region codes are the
12-digit statistical codes, stored as text. Multi-valued codes (natures, demands) are stored as
codes joined by ``,``.
"""

from __future__ import annotations

import uuid
from typing import Any

from peewee import (
    SQL,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)

from station_app.changes import NO_CHANGES, Changes

database_proxy = DatabaseProxy()


def new_uid() -> str:
    return uuid.uuid4().hex


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SyncedModel(BaseModel):
    id: Any  # peewee's implicit AutoField: an int on rows, a column on the class
    uid = CharField(max_length=32, unique=True, default=new_uid)
    origin = CharField(max_length=32, index=True)
    version = IntegerField(default=1)
    updated_at = DateTimeField()
    deleted = BooleanField(default=False)
    change_seq = IntegerField(index=True)
    # what the write that returned this row changed (set by that write, see
    # ``registry.record_edits.carrying``); not a column
    changes: Changes = NO_CHANGES


class Setting(BaseModel):
    """Domain settings of this installation (station code and name, role, preferences)."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()


class Counter(BaseModel):
    """Monotonic counters: ``change_seq`` and one per registration-number series.

    A counter only ever goes up, so a registration number is never handed out twice, even after
    the record that held it is deleted.
    """

    name = CharField(primary_key=True, max_length=64)
    value = IntegerField(default=0)


class Region(BaseModel):
    """A county, town (乡镇/街道) or village (村/社区), keyed by its 12-digit statistical code."""

    code = CharField(primary_key=True, max_length=12)
    name = CharField(max_length=100)
    level = CharField(max_length=8)  # county | town | village
    parent_code = CharField(max_length=12, null=True, index=True)
    active = BooleanField(default=True)


class Station(SyncedModel):
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=100)
    county_code = CharField(max_length=12, null=True)
    town_code = CharField(max_length=12, null=True)
    village_code = CharField(max_length=12, null=True)
    address = CharField(max_length=200, null=True)
    phone = CharField(max_length=32, null=True)
    active = BooleanField(default=True)
    # who the station is in law (station_app.registry.station_kinds): association | entrusted |
    # liaison, as the county's roster says; the office that entrusted it (受委托站)
    kind = CharField(max_length=16, null=True)
    entrusting_office = CharField(max_length=100, null=True)


class Officer(SyncedModel):
    """A liaison officer (消费维权联络员) of a station, from the roster or added locally."""

    name = CharField(max_length=50)
    station_code = CharField(max_length=32, index=True)
    phone = CharField(max_length=32, null=True)
    role = CharField(max_length=32, null=True)
    active = BooleanField(default=True)


class Business(SyncedModel):
    """A business (经营者) that complaints are made against."""

    name = CharField(max_length=200, index=True)
    credit_code = CharField(max_length=18, null=True, index=True)
    entity_type = CharField(max_length=16, null=True)
    address = CharField(max_length=200, null=True)
    phone = CharField(max_length=32, null=True, index=True)  # the respondent field looks it up
    village_code = CharField(max_length=12, null=True)
    legal_person = CharField(max_length=50, null=True)
    active = BooleanField(default=True)


class Person(SyncedModel):
    """A consumer: complainant or visitor. Personal information: show masked by default."""

    name = CharField(max_length=50)
    phone = CharField(max_length=32, null=True, index=True)
    id_number = CharField(max_length=18, null=True, index=True)
    gender = CharField(max_length=1, null=True)  # M | F
    address = CharField(max_length=200, null=True)
    village_code = CharField(max_length=12, null=True)


class Visit(SyncedModel):
    """A visit or consultation (来访咨询)."""

    officer_id: int | None  # foreign-key ids peewee adds beside each ForeignKeyField
    person_id: int | None

    visited_at = DateTimeField(index=True)  # local China time
    channel = CharField(max_length=16)
    officer = ForeignKeyField(Officer, null=True, backref="visits", on_delete="RESTRICT")
    person = ForeignKeyField(Person, null=True, backref="visits", on_delete="RESTRICT")
    headcount = IntegerField(default=1)
    topic_category = CharField(max_length=16, null=True)
    village_code = CharField(max_length=12, null=True, index=True)
    question = TextField()
    answer = TextField(null=True)


class Complaint(SyncedModel):
    """A consumer complaint (投诉), from registration to follow-up."""

    officer_id: int | None
    business_id: int | None
    visit_id: int | None

    number = CharField(max_length=48, unique=True)
    received_at = DateTimeField(index=True)  # local China time
    channel = CharField(max_length=16)
    officer = ForeignKeyField(Officer, null=True, backref="complaints", on_delete="RESTRICT")
    status = CharField(max_length=24, index=True)
    village_code = CharField(max_length=12, null=True, index=True)
    is_group = BooleanField(default=False)
    group_size = IntegerField(default=1)
    # respondent: a roster business when known, and always a snapshot of what was recorded
    business = ForeignKeyField(Business, null=True, backref="complaints", on_delete="RESTRICT")
    respondent_name = CharField(max_length=200)
    respondent_credit_code = CharField(max_length=18, null=True, index=True)
    respondent_address = CharField(max_length=200, null=True)
    respondent_phone = CharField(max_length=32, null=True)
    # what was bought and what went wrong
    subject = CharField(max_length=200)  # goods or service
    category_code = CharField(max_length=16, index=True)
    subcategory = CharField(max_length=50, null=True)
    natures = CharField(max_length=200)  # nature codes joined by ",", the primary one first
    purchase_date = DateField(null=True)
    purchase_place = CharField(max_length=200, null=True)
    purchase_channel = CharField(max_length=50, null=True)
    amount_paid_fen = IntegerField(null=True)
    disputed_amount_fen = IntegerField(null=True)
    facts = TextField()
    demands = CharField(max_length=200, null=True)  # demand codes joined by ","
    demand_text = TextField(null=True)
    # outcome (filled in along the workflow)
    outcome = CharField(max_length=16, null=True)
    closed_on = DateField(null=True)
    recovered_fen = IntegerField(default=0)
    punitive_fen = IntegerField(default=0)
    fraud = BooleanField(default=False)
    hotline_number = CharField(max_length=40, null=True, index=True)  # 12315 编号
    remarks = TextField(null=True)
    visit = ForeignKeyField(Visit, null=True, backref="complaints", on_delete="RESTRICT")
    # what full-text search reads: number, names, respondent, subject, facts, demands
    search_text = TextField(default="")
    # workflow dates and grounds (migration 2; see station_app.workflow.transitions)
    accepted_on = DateField(null=True)
    not_accepted_ground = CharField(max_length=48, null=True)  # ground code of the rule set
    mediation_clock_from = DateField(null=True)  # accepted_on, or the day it was reopened
    mediation_ended_on = DateField(null=True)
    termination_ground = CharField(max_length=48, null=True)  # ground code of the rule set
    termination_notified_on = DateField(null=True)
    # the one nature statistics count (中消协: one per complaint, mixed cases under 其他); the
    # others stay in ``natures`` (which lists the primary first) as secondary natures. Migration 7;
    # empty on rows from older bundles: readers use ``primary_nature_of`` (registry.complaints).
    primary_nature = CharField(max_length=16, null=True)

    class Meta:
        # list pages filter on one of these and order by received_at, id (keyset paging)
        indexes = (
            (("status", "received_at"), False),
            (("category_code", "received_at"), False),
            (("village_code", "received_at"), False),
            (("officer", "received_at"), False),
            # sorting the list by these columns pages through an index, not a full sort
            (("respondent_name",), False),
            (("subject",), False),
            # the county: one station's complaints (migration 8)
            (("origin", "received_at"), False),
            (("origin", "status", "received_at"), False),
        )


# the village column sorts unknown villages as "" so keyset paging compares exactly
Complaint.add_index(
    Complaint.index(fn.COALESCE(Complaint.village_code, SQL("''")), name="complaint_village_sort")
)
# every column a deadline depends on, for the county's open and overdue counts (migration 8)
Complaint.add_index(
    Complaint.index(
        Complaint.status,
        Complaint.origin,
        Complaint.received_at,
        Complaint.accepted_on,
        Complaint.mediation_clock_from,
        Complaint.mediation_ended_on,
        Complaint.termination_notified_on,
        Complaint.closed_on,
        Complaint.deleted,  # read from the index too: no row of the table is read
        name="complaint_deadline",
    ).where(Complaint.deleted == False)  # noqa: E712 - SQL, not Python
)


class Complainant(SyncedModel):
    """One consumer on a complaint; a group complaint has many, 2–5 of them representatives."""

    complaint_id: int
    person_id: int

    complaint = ForeignKeyField(Complaint, backref="complainants", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="complaints", on_delete="RESTRICT")
    position = IntegerField(default=0)
    is_representative = BooleanField(default=False)


class Attachment(SyncedModel):
    """Evidence or a scan, stored once by SHA-256 under the data directory."""

    complaint = ForeignKeyField(Complaint, null=True, backref="attachments", on_delete="RESTRICT")
    visit = ForeignKeyField(Visit, null=True, backref="attachments", on_delete="RESTRICT")
    sha256 = CharField(max_length=64, index=True)
    filename = CharField(max_length=255)
    size = IntegerField()
    description = CharField(max_length=200, null=True)


class AuditEntry(SyncedModel):
    """Who changed or saw what: one row per changed field, or one per action."""

    at = DateTimeField(index=True)  # UTC
    actor = CharField(max_length=50)
    action = CharField(max_length=24)  # create | update | delete | transition | reveal | export
    table = CharField(max_length=32)
    record_uid = CharField(max_length=32, index=True)
    field = CharField(max_length=48, null=True)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    reason = TextField(null=True)


SYNCED_MODELS: list[type[SyncedModel]] = [
    Station,
    Officer,
    Business,
    Person,
    Visit,
    Complaint,
    Complainant,
    Attachment,
    AuditEntry,
]

ALL_MODELS: list[type[BaseModel]] = [Setting, Counter, Region, *SYNCED_MODELS]
