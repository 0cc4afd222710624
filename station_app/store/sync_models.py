"""Bookkeeping tables of sync bundles (DESIGN.md, Sync bundle).

These rows never travel in bundles themselves (they are not ``SyncedModel``): they record what a
station sent and what the county received, which station keys the county trusts, and which
incoming rows were kept aside as conflicts for a clerk to review.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, DateTimeField, IntegerField, TextField

from station_app.store.models import BaseModel


class BundleExport(BaseModel):
    """Station side: one row per bundle written, with the county's receipt once it comes back."""

    seq = IntegerField(primary_key=True)  # the bundle sequence number, 1, 2, 3 …
    file_name = CharField(max_length=255)
    full = BooleanField(default=False)
    change_seq_from = IntegerField()  # first change_seq covered (exclusive lower bound + 1)
    change_seq_to = IntegerField()  # last change_seq covered
    records = IntegerField()
    manifest_sha256 = CharField(max_length=64)
    created_at = DateTimeField()  # UTC
    received_at = DateTimeField(null=True)  # UTC, from the county's receipt
    received_by = CharField(max_length=32, null=True)  # county code named in the receipt


class ReceivedBundle(BaseModel):
    """County side: one row per bundle imported (a re-import of the same file adds none)."""

    station_code = CharField(max_length=32)
    seq = IntegerField()
    manifest_sha256 = CharField(max_length=64, unique=True)
    file_name = CharField(max_length=255)
    full = BooleanField(default=False)  # a full bundle makes every earlier one unnecessary
    change_seq_from = IntegerField()
    change_seq_to = IntegerField()
    records = IntegerField()
    created_at = DateTimeField()  # UTC, when the station wrote it
    imported_at = DateTimeField()  # UTC
    summary = TextField(default="")  # JSON: per table inserted / replaced / unchanged / conflicts

    class Meta:
        indexes = ((("station_code", "seq"), False),)


class StationKey(BaseModel):
    """County side: the signing key trusted for a station, pinned at its first bundle.

    After a clerk re-pins a station (a new laptop, a reinstalled program) ``public_key`` is empty
    and ``fingerprint`` holds the fingerprint read out by the station; the next bundle signed by
    that key completes the pin.
    """

    station_code = CharField(max_length=32, primary_key=True)
    fingerprint = CharField(max_length=64)
    public_key = CharField(max_length=64, null=True)  # raw Ed25519 public key, hex
    pinned_at = DateTimeField()  # UTC
    pinned_by = CharField(max_length=50)
    previous = TextField(null=True)  # earlier fingerprints, one per line, newest last


class SyncConflict(BaseModel):
    """An incoming row that neither matched nor superseded the county's copy: both sides kept."""

    table_name = CharField(max_length=64)
    record_uid = CharField(max_length=32, index=True)
    station_code = CharField(max_length=32, index=True)
    bundle_seq = IntegerField()
    kind = CharField(max_length=16)  # same_version | older_version | duplicate_key
    mine = TextField(null=True)  # JSON snapshot of the county's row (null: no row with this uid)
    theirs = TextField()  # JSON snapshot as it came in the bundle
    theirs_sha256 = CharField(max_length=64)
    detected_at = DateTimeField()  # UTC
    resolved_at = DateTimeField(null=True)
    resolution = CharField(max_length=8, null=True)  # mine | theirs
    resolved_by = CharField(max_length=50, null=True)

    class Meta:
        indexes = ((("table_name", "record_uid", "theirs_sha256"), True),)


class BundleInbox(BaseModel):
    """County side: a bundle signed by a station key no clerk has confirmed yet (待核对), kept as
    it arrived (still sealed) under ``inbox/`` until the fingerprint is confirmed or refused; and
    a masked bundle once merged (``state`` merged, ``masked`` true: the county's unmasked data is
    never replaced by a later masked bundle)."""

    station_code = CharField(max_length=32, index=True)
    station_name = CharField(max_length=100)
    seq = IntegerField()
    fingerprint = CharField(max_length=64)
    public_key = CharField(max_length=64)  # raw Ed25519 public key, hex
    manifest_sha256 = CharField(max_length=64, unique=True)
    masked = BooleanField(default=False)
    file_name = CharField(max_length=255)  # as it arrived
    stored_name = CharField(max_length=255, null=True)  # under inbox/ while waiting
    received_at = DateTimeField()  # UTC
    state = CharField(max_length=16)  # waiting | merged | rejected
    decided_at = DateTimeField(null=True)  # UTC
    decided_by = CharField(max_length=50, null=True)


class BundleUpload(BaseModel):
    """County side: one row per bundle file that came over the network and was merged or held.

    ``file_sha256`` (of the file as posted) is the upload's idempotency key: its unique index
    decides which of two requests carrying the same file records the outcome; the other reads it.
    Refused uploads leave no row (the database stays as it was; the log and metrics count them).
    """

    file_sha256 = CharField(max_length=64, unique=True)
    station_code = CharField(max_length=32, index=True)
    seq = IntegerField()
    size = IntegerField()  # bytes
    file_name = CharField(max_length=255)
    state = CharField(max_length=8)  # merged | waiting (its station key not confirmed yet)
    received_at = DateTimeField()  # UTC
    merged_at = DateTimeField(null=True)  # UTC


class UploadQueueEntry(BaseModel):
    """Station side: a bundle waiting to go to the county's upload service, or gone.

    ``state``: waiting (not sent yet, or the last try failed: 等待网络), uploaded (the service kept
    it but has not merged it: 已上传), received (the county's signed receipt lists it: 县消协已收到),
    refused (the service refused it for good: the reason in ``last_error``; a new export retries).
    """

    seq = IntegerField(primary_key=True)  # bundle_export.seq
    file_name = CharField(max_length=255)  # under the data directory's outbox
    file_sha256 = CharField(max_length=64)
    size = IntegerField()
    state = CharField(max_length=8, index=True)
    attempts = IntegerField(default=0)
    queued_at = DateTimeField()  # UTC
    next_try_at = DateTimeField(null=True)  # UTC; None: not to be tried again
    last_try_at = DateTimeField(null=True)  # UTC
    last_error = TextField(null=True)  # one sentence, in Chinese
    uploaded_at = DateTimeField(null=True)  # UTC


SYNC_MODELS: list[type[BaseModel]] = [
    BundleExport,
    ReceivedBundle,
    StationKey,
    SyncConflict,
    BundleInbox,
    BundleUpload,
    UploadQueueEntry,
]
