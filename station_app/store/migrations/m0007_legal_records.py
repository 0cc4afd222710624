"""Migration 7: primary nature, represented complainants' consent, duplicate look-ups (frozen DDL).

* ``complaint.primary_nature``: the one nature statistics count. Backfilled from ``natures``:
  one nature → it; several → 其他 (``other``), all of them kept in ``natures`` as secondary
  natures (``natures`` itself is not rewritten, so synced rows keep their content).
* ``represented_consent``: the consent of the complainants a group's representatives act for.
* indexes that let registration find an open complaint of the same consumer against the same
  business, or with the same 12315 number, without reading every row.
"""

from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "complaint" ADD COLUMN "primary_nature" VARCHAR(16)',
    'CREATE TABLE "represented_consent" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "action" VARCHAR(24) NOT NULL, "granted" INTEGER NOT NULL, "given_at" DATETIME NOT NULL, "method" VARCHAR(16) NOT NULL, "subject" TEXT, "note" TEXT, "used_at" DATETIME, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT)',  # noqa: E501
    'CREATE UNIQUE INDEX "represented_consent_uid" ON "represented_consent" ("uid")',
    'CREATE INDEX "represented_consent_origin" ON "represented_consent" ("origin")',
    'CREATE INDEX "represented_consent_change_seq" ON "represented_consent" ("change_seq")',
    'CREATE INDEX "represented_consent_complaint_id" ON "represented_consent" ("complaint_id")',
    'CREATE INDEX "represented_consent_person_id" ON "represented_consent" ("person_id")',
    'CREATE INDEX "complaint_hotline_number" ON "complaint" ("hotline_number")',
    'CREATE INDEX "complaint_respondent_credit_code" ON "complaint" ("respondent_credit_code")',
    'CREATE INDEX "person_phone" ON "person" ("phone")',
    'CREATE INDEX "person_id_number" ON "person" ("id_number")',
]

# one nature: it is the primary; several: 其他 (the recorded ones stay, as secondary natures)
BACKFILL = [
    """UPDATE "complaint" SET "primary_nature" = CASE WHEN instr("natures", ',') > 0
       THEN 'other' ELSE "natures" END WHERE "natures" != ''""",
]

POSTGRES_FORMS = {
    BACKFILL[0]: [
        """UPDATE "complaint" SET "primary_nature" = CASE WHEN strpos("natures", ',') > 0
       THEN 'other' ELSE "natures" END WHERE "natures" != ''"""
    ]
}


# what the migration runs, in order
STATEMENTS = STATEMENTS + BACKFILL
