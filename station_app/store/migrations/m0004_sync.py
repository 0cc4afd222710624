"""Migration 4: bookkeeping of sync bundles (frozen DDL; later migrations change it, never this file).

Tables: bundles a station exported, bundles the county received, station keys pinned by the
county, and incoming rows kept aside as conflicts.
"""

from __future__ import annotations

TABLES = [
    'CREATE TABLE "bundle_export" ("seq" INTEGER NOT NULL PRIMARY KEY, "file_name" VARCHAR(255) NOT NULL, "full" INTEGER NOT NULL, "change_seq_from" INTEGER NOT NULL, "change_seq_to" INTEGER NOT NULL, "records" INTEGER NOT NULL, "manifest_sha256" VARCHAR(64) NOT NULL, "created_at" DATETIME NOT NULL, "received_at" DATETIME, "received_by" VARCHAR(32))',
    'CREATE TABLE "received_bundle" ("id" INTEGER NOT NULL PRIMARY KEY, "station_code" VARCHAR(32) NOT NULL, "seq" INTEGER NOT NULL, "manifest_sha256" VARCHAR(64) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "full" INTEGER NOT NULL, "change_seq_from" INTEGER NOT NULL, "change_seq_to" INTEGER NOT NULL, "records" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "imported_at" DATETIME NOT NULL, "summary" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "received_bundle_manifest_sha256" ON "received_bundle" ("manifest_sha256")',
    'CREATE INDEX "received_bundle_station_code_seq" ON "received_bundle" ("station_code", "seq")',
    'CREATE TABLE "station_key" ("station_code" VARCHAR(32) NOT NULL PRIMARY KEY, "fingerprint" VARCHAR(64) NOT NULL, "public_key" VARCHAR(64), "pinned_at" DATETIME NOT NULL, "pinned_by" VARCHAR(50) NOT NULL, "previous" TEXT)',
    'CREATE TABLE "sync_conflict" ("id" INTEGER NOT NULL PRIMARY KEY, "table_name" VARCHAR(64) NOT NULL, "record_uid" VARCHAR(32) NOT NULL, "station_code" VARCHAR(32) NOT NULL, "bundle_seq" INTEGER NOT NULL, "kind" VARCHAR(16) NOT NULL, "mine" TEXT, "theirs" TEXT NOT NULL, "theirs_sha256" VARCHAR(64) NOT NULL, "detected_at" DATETIME NOT NULL, "resolved_at" DATETIME, "resolution" VARCHAR(8), "resolved_by" VARCHAR(50))',
    'CREATE INDEX "sync_conflict_record_uid" ON "sync_conflict" ("record_uid")',
    'CREATE INDEX "sync_conflict_station_code" ON "sync_conflict" ("station_code")',
    'CREATE UNIQUE INDEX "sync_conflict_table_name_record_uid_theirs_sha256" ON "sync_conflict" ("table_name", "record_uid", "theirs_sha256")',
]


# what the migration runs, in order
STATEMENTS = TABLES
