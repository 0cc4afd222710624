"""The complaint workflow's records: transitions, mediation, agreements, referrals, follow-ups,
testing/appraisal pauses and the complainant's consent to pass on personal information.

Every table is synced (see ``station_app.store.models.SyncedModel``). Dates that count for legal
time limits and reports (``happened_on``, ``referred_on``, …) are local China dates chosen by the
officer; times (``held_at``, ``given_at``) are local China wall-clock times, as on the complaint.
Codes come from the shipped code lists or the rule sets, never Chinese text.
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

from station_app.store.models import Complaint, Person, SyncedModel


class ComplaintTransition(SyncedModel):
    """One move of a complaint from one state to another: who, when (the date that counts) and why.

    ``reason_code`` is the ground (不予受理 / 终止调解, of the rule set named in ``rule_set``) or the
    outcome code the move was made with; ``reason`` is what the officer wrote.
    """

    complaint_id: int

    complaint = ForeignKeyField(Complaint, backref="transitions", on_delete="RESTRICT")
    action = CharField(max_length=24)
    from_status = CharField(max_length=24)
    to_status = CharField(max_length=24)
    happened_on = DateField()
    recorded_at = DateTimeField()  # local China time the officer entered it
    actor = CharField(max_length=50)
    reason_code = CharField(max_length=48, null=True)
    rule_set = CharField(max_length=32, null=True)
    reason = TextField(null=True)

    class Meta:
        # monthly statistics count moves into a state within a month (受理, 不予受理, 办结 …)
        indexes = ((("to_status", "happened_on"), False),)


class MediationStep(SyncedModel):
    """One round of mediation (调解记录)."""

    complaint_id: int

    complaint = ForeignKeyField(Complaint, backref="mediation_steps", on_delete="RESTRICT")
    held_at = DateTimeField()
    mode = CharField(max_length=16)  # on_site | phone | remote
    mediators = CharField(max_length=200)
    attendance = TextField(null=True)  # who attended for each party
    offers = TextField(null=True)  # what each side offered or demanded
    result = TextField(null=True)
    next_on = DateField(null=True)


class Agreement(SyncedModel):
    """A mediation agreement (调解协议书): printed in three copies and signed."""

    complaint_id: int

    complaint = ForeignKeyField(Complaint, backref="agreements", on_delete="RESTRICT")
    number = CharField(max_length=56, unique=True)
    signed_on = DateField()
    terms = TextField()
    amount_fen = IntegerField(default=0)
    method = CharField(max_length=100, null=True)  # how it is carried out: refund, replacement …
    perform_by = DateField(null=True)
    carried_out = BooleanField(null=True)  # None: not known yet
    carried_out_on = DateField(null=True)


class Referral(SyncedModel):
    """A referral (转办) to another body, and what came back from it."""

    complaint_id: int

    complaint = ForeignKeyField(Complaint, backref="referrals", on_delete="RESTRICT")
    target = CharField(max_length=32)  # referral_target code
    agency_name = CharField(max_length=200, null=True)
    referred_on = DateField()
    hands_over = BooleanField(default=True)  # the body takes over handling (status: referred)
    with_personal_info = BooleanField(default=True)
    reason = TextField(null=True)
    reply_on = DateField(null=True)
    reply = TextField(null=True)
    external_number = CharField(max_length=64, null=True)
    fine_fen = IntegerField(null=True)  # 罚没款 of an enforcement case


class FollowUp(SyncedModel):
    """A follow-up call or visit (回访) after closing."""

    complaint_id: int

    complaint = ForeignKeyField(Complaint, backref="follow_ups", on_delete="RESTRICT")
    followed_up_on = DateField()
    method = CharField(max_length=16)  # phone | visit | wechat | at_station
    carried_out = BooleanField(null=True)  # was the agreement / promise carried out
    satisfaction = CharField(max_length=24)  # satisfaction code
    note = TextField(null=True)
    reopened = BooleanField(default=False)


class MediationPause(SyncedModel):
    """Testing or appraisal (检测 / 鉴定): its days do not count toward the mediation limit."""

    complaint_id: int

    complaint = ForeignKeyField(Complaint, backref="pauses", on_delete="RESTRICT")
    kind = CharField(max_length=16)  # testing | appraisal
    started_on = DateField()
    ended_on = DateField(null=True)  # None: still under way, the clock is stopped
    institution = CharField(max_length=200, null=True)
    note = TextField(null=True)


class ConsentRecord(SyncedModel):
    """A complainant's answer to passing their details to one recipient (PIPL separate consent)."""

    complaint_id: int
    person_id: int

    complaint = ForeignKeyField(Complaint, backref="consents", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="consents", on_delete="RESTRICT")
    recipient = CharField(max_length=32)  # respondent, or a referral_target code
    granted = BooleanField()
    given_at = DateTimeField()
    method = CharField(max_length=16)  # written | oral | phone | online
    withdrawn_at = DateTimeField(null=True)
    note = TextField(null=True)


class RepresentedConsent(SyncedModel):
    """A represented complainant's answer to an act of the group's representatives.

    On a group complaint the representatives act for everyone, but changing or withdrawing the
    complaint and signing an agreement need the consent of the complainants they represent
    (《市场监督管理投诉举报处理办法》2026 第十一条). One row per person and act: who, when, how,
    and what exactly they agreed to (``subject``: the new demands, the withdrawal, the terms).
    A consent allows one act: doing it marks the consents it rested on ``used_at``.
    """

    complaint_id: int
    person_id: int

    complaint = ForeignKeyField(Complaint, backref="represented_consents", on_delete="RESTRICT")
    person = ForeignKeyField(Person, backref="represented_consents", on_delete="RESTRICT")
    action = CharField(max_length=24)  # change_request | withdraw | agreement
    granted = BooleanField()
    given_at = DateTimeField()  # local China time
    method = CharField(max_length=16)  # written | oral | phone | online
    subject = TextField(null=True)
    note = TextField(null=True)
    used_at = DateTimeField(null=True)  # local time the act it allowed was done: spent


WORKFLOW_MODELS: list[type[SyncedModel]] = [
    ComplaintTransition,
    MediationStep,
    Agreement,
    Referral,
    FollowUp,
    MediationPause,
    ConsentRecord,
    RepresentedConsent,
]
