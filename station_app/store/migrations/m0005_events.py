"""Migration 5: education events (frozen DDL; later migrations change it, never this file).

One new synced table, ``education_event`` (宣传活动), with an index on the date for monthly
summaries.
"""

from __future__ import annotations

TABLES = [
    'CREATE TABLE "education_event" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "held_on" DATE NOT NULL, "event_type" VARCHAR(24) NOT NULL, "village_code" VARCHAR(12), "topic" VARCHAR(200) NOT NULL, "attendees" INTEGER NOT NULL, "leaflets" INTEGER NOT NULL, "consultations" INTEGER NOT NULL, "officer_id" INTEGER, "notes" TEXT, FOREIGN KEY ("officer_id") REFERENCES "officer" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "education_event_uid" ON "education_event" ("uid")',
    'CREATE INDEX "education_event_origin" ON "education_event" ("origin")',
    'CREATE INDEX "education_event_change_seq" ON "education_event" ("change_seq")',
    'CREATE INDEX "education_event_held_on" ON "education_event" ("held_on")',
    'CREATE INDEX "education_event_officer_id" ON "education_event" ("officer_id")',
]


# what the migration runs, in order
STATEMENTS = TABLES
