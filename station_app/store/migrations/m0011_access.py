"""Migration 11: the access log and the county's remarks (frozen DDL; never changed later).

* ``access_entry``: who signed in, revealed, printed or exported personal information (a synced
  table: a station's entries reach the county in its bundles);
* ``county_remark``: notes the county writes on a station's complaint, carried back in receipts.
"""

from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "access_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(50) NOT NULL, "kind" VARCHAR(24) NOT NULL, "subject" VARCHAR(200) NOT NULL, "detail" TEXT)',  # noqa: E501
    'CREATE UNIQUE INDEX "access_entry_uid" ON "access_entry" ("uid")',
    'CREATE INDEX "access_entry_origin" ON "access_entry" ("origin")',
    'CREATE INDEX "access_entry_change_seq" ON "access_entry" ("change_seq")',
    'CREATE INDEX "access_entry_at" ON "access_entry" ("at")',
    'CREATE INDEX "access_entry_kind_at" ON "access_entry" ("kind", "at")',
    'CREATE INDEX "access_entry_actor_at" ON "access_entry" ("actor", "at")',
    'CREATE TABLE "county_remark" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "complaint_uid" VARCHAR(32) NOT NULL, "station_code" VARCHAR(32) NOT NULL, "county_code" VARCHAR(32) NOT NULL, "author" VARCHAR(50) NOT NULL, "written_at" DATETIME NOT NULL, "text" TEXT NOT NULL)',  # noqa: E501
    'CREATE UNIQUE INDEX "county_remark_uid" ON "county_remark" ("uid")',
    'CREATE INDEX "county_remark_complaint_uid" ON "county_remark" ("complaint_uid")',
    'CREATE INDEX "county_remark_station_code" ON "county_remark" ("station_code")',
]
