"""Migration 2: the complaint workflow (frozen DDL; later migrations change it, never this file).

New tables for transitions, mediation steps, agreements, referrals, follow-ups, testing/appraisal
pauses and consent records; new nullable complaint columns for the workflow's dates and grounds
(appended by ``ALTER TABLE``, so existing complaints keep their rows untouched).
"""

from __future__ import annotations

TABLES = [
    'CREATE TABLE "complaint_transition" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "action" VARCHAR(24) NOT NULL, "from_status" VARCHAR(24) NOT NULL, "to_status" VARCHAR(24) NOT NULL, "happened_on" DATE NOT NULL, "recorded_at" DATETIME NOT NULL, "actor" VARCHAR(50) NOT NULL, "reason_code" VARCHAR(48), "rule_set" VARCHAR(32), "reason" TEXT, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "complaint_transition_uid" ON "complaint_transition" ("uid")',
    'CREATE INDEX "complaint_transition_origin" ON "complaint_transition" ("origin")',
    'CREATE INDEX "complaint_transition_change_seq" ON "complaint_transition" ("change_seq")',
    'CREATE INDEX "complaint_transition_complaint_id" ON "complaint_transition" ("complaint_id")',
    'CREATE INDEX "complaint_transition_to_status_happened_on" ON "complaint_transition" ("to_status", "happened_on")',
    'CREATE TABLE "mediation_step" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "held_at" DATETIME NOT NULL, "mode" VARCHAR(16) NOT NULL, "mediators" VARCHAR(200) NOT NULL, "attendance" TEXT, "offers" TEXT, "result" TEXT, "next_on" DATE, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "mediation_step_uid" ON "mediation_step" ("uid")',
    'CREATE INDEX "mediation_step_origin" ON "mediation_step" ("origin")',
    'CREATE INDEX "mediation_step_change_seq" ON "mediation_step" ("change_seq")',
    'CREATE INDEX "mediation_step_complaint_id" ON "mediation_step" ("complaint_id")',
    'CREATE TABLE "agreement" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "number" VARCHAR(56) NOT NULL, "signed_on" DATE NOT NULL, "terms" TEXT NOT NULL, "amount_fen" INTEGER NOT NULL, "method" VARCHAR(100), "perform_by" DATE, "carried_out" INTEGER, "carried_out_on" DATE, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "agreement_uid" ON "agreement" ("uid")',
    'CREATE INDEX "agreement_origin" ON "agreement" ("origin")',
    'CREATE INDEX "agreement_change_seq" ON "agreement" ("change_seq")',
    'CREATE INDEX "agreement_complaint_id" ON "agreement" ("complaint_id")',
    'CREATE UNIQUE INDEX "agreement_number" ON "agreement" ("number")',
    'CREATE TABLE "referral" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "target" VARCHAR(32) NOT NULL, "agency_name" VARCHAR(200), "referred_on" DATE NOT NULL, "hands_over" INTEGER NOT NULL, "with_personal_info" INTEGER NOT NULL, "reason" TEXT, "reply_on" DATE, "reply" TEXT, "external_number" VARCHAR(64), "fine_fen" INTEGER, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "referral_uid" ON "referral" ("uid")',
    'CREATE INDEX "referral_origin" ON "referral" ("origin")',
    'CREATE INDEX "referral_change_seq" ON "referral" ("change_seq")',
    'CREATE INDEX "referral_complaint_id" ON "referral" ("complaint_id")',
    'CREATE TABLE "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "followed_up_on" DATE NOT NULL, "method" VARCHAR(16) NOT NULL, "carried_out" INTEGER, "satisfaction" VARCHAR(24) NOT NULL, "note" TEXT, "reopened" INTEGER NOT NULL, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "follow_up_uid" ON "follow_up" ("uid")',
    'CREATE INDEX "follow_up_origin" ON "follow_up" ("origin")',
    'CREATE INDEX "follow_up_change_seq" ON "follow_up" ("change_seq")',
    'CREATE INDEX "follow_up_complaint_id" ON "follow_up" ("complaint_id")',
    'CREATE TABLE "mediation_pause" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "kind" VARCHAR(16) NOT NULL, "started_on" DATE NOT NULL, "ended_on" DATE, "institution" VARCHAR(200), "note" TEXT, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "mediation_pause_uid" ON "mediation_pause" ("uid")',
    'CREATE INDEX "mediation_pause_origin" ON "mediation_pause" ("origin")',
    'CREATE INDEX "mediation_pause_change_seq" ON "mediation_pause" ("change_seq")',
    'CREATE INDEX "mediation_pause_complaint_id" ON "mediation_pause" ("complaint_id")',
    'CREATE TABLE "consent_record" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "recipient" VARCHAR(32) NOT NULL, "granted" INTEGER NOT NULL, "given_at" DATETIME NOT NULL, "method" VARCHAR(16) NOT NULL, "withdrawn_at" DATETIME, "note" TEXT, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "consent_record_uid" ON "consent_record" ("uid")',
    'CREATE INDEX "consent_record_origin" ON "consent_record" ("origin")',
    'CREATE INDEX "consent_record_change_seq" ON "consent_record" ("change_seq")',
    'CREATE INDEX "consent_record_complaint_id" ON "consent_record" ("complaint_id")',
    'CREATE INDEX "consent_record_person_id" ON "consent_record" ("person_id")',
]

COMPLAINT_COLUMNS = [
    'ALTER TABLE "complaint" ADD COLUMN "accepted_on" DATE',
    'ALTER TABLE "complaint" ADD COLUMN "not_accepted_ground" VARCHAR(48)',
    'ALTER TABLE "complaint" ADD COLUMN "mediation_clock_from" DATE',
    'ALTER TABLE "complaint" ADD COLUMN "mediation_ended_on" DATE',
    'ALTER TABLE "complaint" ADD COLUMN "termination_ground" VARCHAR(48)',
    'ALTER TABLE "complaint" ADD COLUMN "termination_notified_on" DATE',
]


# what the migration runs, in order
STATEMENTS = TABLES + COMPLAINT_COLUMNS
