"""Migration 9: the officer's text and typical cases kept with a complaint analysis report
(frozen DDL)."""

from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "analysis_note" ("id" INTEGER NOT NULL PRIMARY KEY, "period" VARCHAR(8) NOT NULL, "scope" VARCHAR(32) NOT NULL, "text" TEXT NOT NULL, "typical_numbers" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by" VARCHAR(50) NOT NULL)',  # noqa: E501
    'CREATE UNIQUE INDEX "analysis_note_period_scope" ON "analysis_note" ("period", "scope")',
]
