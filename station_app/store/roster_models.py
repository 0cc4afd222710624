"""Tables of the roster import: the history of imports, and the code-list and holiday rows the
rosters brought, kept so that they are applied again each time the program starts
(``station_app.roster.extensions``).

Stations, officers, regions and businesses from a roster live in the registry's own tables
(``station_app.store.models``); these tables only hold what has no other home.
"""

from __future__ import annotations

from typing import Any

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from station_app.store.models import BaseModel


class RosterImport(BaseModel):
    """One applied roster: its version, issue date and file hash, who applied it and what it did."""

    id: Any
    imported_at = DateTimeField(index=True)  # UTC
    actor = CharField(max_length=50)
    file_name = CharField(max_length=255)
    file_sha256 = CharField(max_length=64, index=True)
    version = CharField(max_length=40, null=True)  # as written in the file, e.g. 2026.2
    issued_on = DateField(null=True)
    county_code = CharField(max_length=12, null=True)
    publisher = CharField(max_length=100, null=True)
    forced = BooleanField(default=False)
    skipped_rows = IntegerField(default=0)
    summary = TextField(default="{}")  # JSON: part → {new, changed, unchanged, gone}


class RosterCodeRow(BaseModel):
    """A 代码表 row a roster added or changed; replayed in import order at start-up."""

    roster_import_id: int

    roster_import = ForeignKeyField(RosterImport, backref="code_rows", on_delete="RESTRICT")
    position = IntegerField()
    list_name = CharField(max_length=40)
    code = CharField(max_length=40)
    name = CharField(max_length=50)
    name_en = CharField(max_length=100, null=True)
    parent = CharField(max_length=40, null=True)
    active = BooleanField(default=True)


class RosterHoliday(BaseModel):
    """A holiday-schedule entry from a roster's 节假日 sheet (the latest roster's word wins)."""

    roster_import_id: int

    day = DateField(primary_key=True)
    kind = CharField(max_length=8)  # holiday | workday
    name = CharField(max_length=50, null=True)
    roster_import = ForeignKeyField(RosterImport, backref="holidays", on_delete="RESTRICT")


ROSTER_MODELS: list[type[BaseModel]] = [RosterImport, RosterCodeRow, RosterHoliday]
