"""Migration 10: reports of violations (举报), instruments checked at events, and how a consumer
warning or tip was published (frozen DDL).

* ``violation_report``: a synced table of its own, numbered ``<station>-JB<YYYY>-<NNNN>``;
* ``instrument_check``: instruments checked free of charge at an event (scales, blood-pressure
  monitors, glasses …), one row per kind with how many were checked and failed;
* ``education_event.channel`` / ``reach``: where a 消费警示 or 消费提示 was published and how many
  people it reached (0 for every event before).
"""

from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "violation_report" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "number" VARCHAR(48) NOT NULL, "received_at" DATETIME NOT NULL, "channel" VARCHAR(16) NOT NULL, "officer_id" INTEGER, "anonymous" INTEGER NOT NULL, "reporter_name" VARCHAR(50), "reporter_phone" VARCHAR(32), "reporter_address" VARCHAR(200), "village_code" VARCHAR(12), "respondent_name" VARCHAR(200) NOT NULL, "respondent_credit_code" VARCHAR(18), "respondent_address" VARCHAR(200), "subject" VARCHAR(200) NOT NULL, "facts" TEXT NOT NULL, "evidence" TEXT, "referred_on" DATE, "referred_to" VARCHAR(100), "reply_on" DATE, "reply" TEXT, "case_filed" INTEGER, "remarks" TEXT, FOREIGN KEY ("officer_id") REFERENCES "officer" ("id") ON DELETE RESTRICT)',  # noqa: E501
    'CREATE UNIQUE INDEX "violation_report_uid" ON "violation_report" ("uid")',
    'CREATE INDEX "violation_report_origin" ON "violation_report" ("origin")',
    'CREATE INDEX "violation_report_change_seq" ON "violation_report" ("change_seq")',
    'CREATE UNIQUE INDEX "violation_report_number" ON "violation_report" ("number")',
    'CREATE INDEX "violation_report_received_at" ON "violation_report" ("received_at")',
    'CREATE INDEX "violation_report_officer_id" ON "violation_report" ("officer_id")',
    'CREATE INDEX "violation_report_village_code" ON "violation_report" ("village_code")',
    'CREATE INDEX "violation_report_respondent_credit_code" ON "violation_report" ("respondent_credit_code")',  # noqa: E501
    'CREATE INDEX "violation_report_referred_on" ON "violation_report" ("referred_on")',
    'CREATE INDEX "violation_report_reply_on" ON "violation_report" ("reply_on")',
    'CREATE TABLE "instrument_check" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "event_id" INTEGER NOT NULL, "instrument" VARCHAR(24) NOT NULL, "checked" INTEGER NOT NULL, "failed" INTEGER NOT NULL, FOREIGN KEY ("event_id") REFERENCES "education_event" ("id") ON DELETE RESTRICT)',  # noqa: E501
    'CREATE UNIQUE INDEX "instrument_check_uid" ON "instrument_check" ("uid")',
    'CREATE INDEX "instrument_check_origin" ON "instrument_check" ("origin")',
    'CREATE INDEX "instrument_check_change_seq" ON "instrument_check" ("change_seq")',
    'CREATE INDEX "instrument_check_event_id" ON "instrument_check" ("event_id")',
    'ALTER TABLE "education_event" ADD COLUMN "channel" VARCHAR(24)',
    'ALTER TABLE "education_event" ADD COLUMN "reach" INTEGER NOT NULL DEFAULT 0',
]
