"""Migration 14: bundles over the network (frozen DDL).

* ``bundle_upload`` (county): one row per uploaded bundle file merged or held, unique by the
  file's SHA-256, the idempotency key of the upload service;
* ``upload_queue_entry`` (station): the bundles waiting to go to the county's upload service, with
  their state and the time of the next try.
"""

from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "bundle_upload" ("id" INTEGER NOT NULL PRIMARY KEY, "file_sha256" VARCHAR(64) NOT NULL, "station_code" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "size" INTEGER NOT NULL, "file_name" VARCHAR(255) NOT NULL, "state" VARCHAR(8) NOT NULL, "received_at" DATETIME NOT NULL, "merged_at" DATETIME)',  # noqa: E501
    'CREATE UNIQUE INDEX "bundle_upload_file_sha256" ON "bundle_upload" ("file_sha256")',
    'CREATE INDEX "bundle_upload_station_code" ON "bundle_upload" ("station_code")',
    'CREATE TABLE "upload_queue_entry" ("seq" INTEGER NOT NULL PRIMARY KEY, "file_name" VARCHAR(255) NOT NULL, "file_sha256" VARCHAR(64) NOT NULL, "size" INTEGER NOT NULL, "state" VARCHAR(8) NOT NULL, "attempts" INTEGER NOT NULL, "queued_at" DATETIME NOT NULL, "next_try_at" DATETIME, "last_try_at" DATETIME, "last_error" TEXT, "uploaded_at" DATETIME)',  # noqa: E501
    'CREATE INDEX "upload_queue_entry_state" ON "upload_queue_entry" ("state")',
]
