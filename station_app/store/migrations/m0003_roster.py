"""Migration 3: the roster import's tables (frozen DDL; later migrations change it, never this file).

``roster_import`` is the history of applied rosters (version, issue date, file SHA-256);
``roster_code_row`` and ``roster_holiday`` keep the code-list and holiday rows rosters brought.
"""

from __future__ import annotations

TABLES = [
    'CREATE TABLE "roster_import" ("id" INTEGER NOT NULL PRIMARY KEY, "imported_at" DATETIME NOT NULL, "actor" VARCHAR(50) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "file_sha256" VARCHAR(64) NOT NULL, "version" VARCHAR(40), "issued_on" DATE, "county_code" VARCHAR(12), "publisher" VARCHAR(100), "forced" INTEGER NOT NULL, "skipped_rows" INTEGER NOT NULL, "summary" TEXT NOT NULL)',
    'CREATE INDEX "roster_import_imported_at" ON "roster_import" ("imported_at")',
    'CREATE INDEX "roster_import_file_sha256" ON "roster_import" ("file_sha256")',
    'CREATE TABLE "roster_code_row" ("id" INTEGER NOT NULL PRIMARY KEY, "roster_import_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "list_name" VARCHAR(40) NOT NULL, "code" VARCHAR(40) NOT NULL, "name" VARCHAR(50) NOT NULL, "name_en" VARCHAR(100), "parent" VARCHAR(40), "active" INTEGER NOT NULL, FOREIGN KEY ("roster_import_id") REFERENCES "roster_import" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "roster_code_row_roster_import_id" ON "roster_code_row" ("roster_import_id")',
    'CREATE TABLE "roster_holiday" ("day" DATE NOT NULL PRIMARY KEY, "kind" VARCHAR(8) NOT NULL, "name" VARCHAR(50), "roster_import_id" INTEGER NOT NULL, FOREIGN KEY ("roster_import_id") REFERENCES "roster_import" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "roster_holiday_roster_import_id" ON "roster_holiday" ("roster_import_id")',
]


# what the migration runs, in order
STATEMENTS = TABLES
