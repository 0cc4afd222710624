"""Who looked at what (the access log), and the county's own remarks on a station's complaint.

``AccessEntry`` is a synced table: a station's entries travel to the county in its bundles like
every other synced row, so the county sees who at each station signed in, revealed, printed or
exported personal information (PIPL Art. 51, 55); entries are only ever added, never edited.

``CountyRemark`` is not a synced table: a remark is written at the county on a complaint a station
owns, so it may not travel in a station's bundle (a bundle only writes its own station's rows). It
goes back to the station in the county's receipt (``station_app.sync.receipts``) and is kept
there as it came, by its ``uid``.
"""

from __future__ import annotations

from typing import Any

from peewee import CharField, DateTimeField, TextField

from station_app.store.models import BaseModel, SyncedModel, new_uid


class AccessEntry(SyncedModel):
    """One look at or export of personal information, or one sign-in."""

    at = DateTimeField(index=True)  # UTC
    actor = CharField(max_length=50)
    kind = CharField(max_length=24)  # station_app.access.access_log.KINDS
    subject = CharField(max_length=200)  # a complaint number, a month, a file name, an account
    detail = TextField(null=True)

    class Meta:
        indexes = ((("kind", "at"), False), (("actor", "at"), False))


class CountyRemark(BaseModel):
    """A note the county wrote on a station's complaint (县消协备注)."""

    id: Any  # peewee's implicit AutoField
    uid = CharField(max_length=32, unique=True, default=new_uid)
    complaint_uid = CharField(max_length=32, index=True)
    station_code = CharField(max_length=32, index=True)  # the complaint's station
    county_code = CharField(max_length=32)
    author = CharField(max_length=50)
    written_at = DateTimeField()  # UTC
    text = TextField()


ACCESS_MODELS: list[type[BaseModel]] = [AccessEntry, CountyRemark]
