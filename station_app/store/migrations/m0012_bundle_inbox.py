"""Migration 12: the county's inbox of bundles signed by station keys not yet confirmed (frozen
DDL; never changed later).

Keys already pinned before this migration stay trusted: the clerk was asked to check each
fingerprint with its station when it was pinned, and refusing them now would stop every station's
sync on the day the program is upgraded. Only stations the county has never heard from wait.
"""

from __future__ import annotations

TABLES = [
    'CREATE TABLE "bundle_inbox" ("id" INTEGER NOT NULL PRIMARY KEY, "station_code" VARCHAR(32)'
    ' NOT NULL, "station_name" VARCHAR(100) NOT NULL, "seq" INTEGER NOT NULL, "fingerprint"'
    ' VARCHAR(64) NOT NULL, "public_key" VARCHAR(64) NOT NULL, "manifest_sha256" VARCHAR(64)'
    ' NOT NULL, "masked" INTEGER NOT NULL, "file_name" VARCHAR(255) NOT NULL, "stored_name"'
    ' VARCHAR(255), "received_at" DATETIME NOT NULL, "state" VARCHAR(16) NOT NULL, "decided_at"'
    ' DATETIME, "decided_by" VARCHAR(50))',
    'CREATE INDEX "bundle_inbox_station_code" ON "bundle_inbox" ("station_code")',
    'CREATE UNIQUE INDEX "bundle_inbox_manifest_sha256" ON "bundle_inbox" ("manifest_sha256")',
]


# what the migration runs, in order
STATEMENTS = TABLES
