"""Migration 1: the first schema (frozen DDL; later migrations change it, never this file)."""

from __future__ import annotations

TABLES = [
    'CREATE TABLE "officer" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "name" VARCHAR(50) NOT NULL, "station_code" VARCHAR(32) NOT NULL, "phone" VARCHAR(32), "role" VARCHAR(32), "active" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "officer_uid" ON "officer" ("uid")',
    'CREATE INDEX "officer_origin" ON "officer" ("origin")',
    'CREATE INDEX "officer_change_seq" ON "officer" ("change_seq")',
    'CREATE INDEX "officer_station_code" ON "officer" ("station_code")',
    'CREATE TABLE "business" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "name" VARCHAR(200) NOT NULL, "credit_code" VARCHAR(18), "entity_type" VARCHAR(16), "address" VARCHAR(200), "phone" VARCHAR(32), "village_code" VARCHAR(12), "legal_person" VARCHAR(50), "active" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "business_uid" ON "business" ("uid")',
    'CREATE INDEX "business_origin" ON "business" ("origin")',
    'CREATE INDEX "business_change_seq" ON "business" ("change_seq")',
    'CREATE INDEX "business_name" ON "business" ("name")',
    'CREATE INDEX "business_credit_code" ON "business" ("credit_code")',
    'CREATE TABLE "person" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "name" VARCHAR(50) NOT NULL, "phone" VARCHAR(32), "id_number" VARCHAR(18), "gender" VARCHAR(1), "address" VARCHAR(200), "village_code" VARCHAR(12))',
    'CREATE UNIQUE INDEX "person_uid" ON "person" ("uid")',
    'CREATE INDEX "person_origin" ON "person" ("origin")',
    'CREATE INDEX "person_change_seq" ON "person" ("change_seq")',
    'CREATE TABLE "visit" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "visited_at" DATETIME NOT NULL, "channel" VARCHAR(16) NOT NULL, "officer_id" INTEGER, "person_id" INTEGER, "headcount" INTEGER NOT NULL, "topic_category" VARCHAR(16), "village_code" VARCHAR(12), "question" TEXT NOT NULL, "answer" TEXT, FOREIGN KEY ("officer_id") REFERENCES "officer" ("id") ON DELETE RESTRICT, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "visit_uid" ON "visit" ("uid")',
    'CREATE INDEX "visit_origin" ON "visit" ("origin")',
    'CREATE INDEX "visit_change_seq" ON "visit" ("change_seq")',
    'CREATE INDEX "visit_visited_at" ON "visit" ("visited_at")',
    'CREATE INDEX "visit_officer_id" ON "visit" ("officer_id")',
    'CREATE INDEX "visit_person_id" ON "visit" ("person_id")',
    'CREATE INDEX "visit_village_code" ON "visit" ("village_code")',
    'CREATE TABLE "complaint" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "number" VARCHAR(48) NOT NULL, "received_at" DATETIME NOT NULL, "channel" VARCHAR(16) NOT NULL, "officer_id" INTEGER, "status" VARCHAR(24) NOT NULL, "village_code" VARCHAR(12), "is_group" INTEGER NOT NULL, "group_size" INTEGER NOT NULL, "business_id" INTEGER, "respondent_name" VARCHAR(200) NOT NULL, "respondent_credit_code" VARCHAR(18), "respondent_address" VARCHAR(200), "respondent_phone" VARCHAR(32), "subject" VARCHAR(200) NOT NULL, "category_code" VARCHAR(16) NOT NULL, "subcategory" VARCHAR(50), "natures" VARCHAR(200) NOT NULL, "purchase_date" DATE, "purchase_place" VARCHAR(200), "purchase_channel" VARCHAR(50), "amount_paid_fen" INTEGER, "disputed_amount_fen" INTEGER, "facts" TEXT NOT NULL, "demands" VARCHAR(200), "demand_text" TEXT, "outcome" VARCHAR(16), "closed_on" DATE, "recovered_fen" INTEGER NOT NULL, "punitive_fen" INTEGER NOT NULL, "fraud" INTEGER NOT NULL, "hotline_number" VARCHAR(40), "remarks" TEXT, "visit_id" INTEGER, "search_text" TEXT NOT NULL, FOREIGN KEY ("officer_id") REFERENCES "officer" ("id") ON DELETE RESTRICT, FOREIGN KEY ("business_id") REFERENCES "business" ("id") ON DELETE RESTRICT, FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "complaint_uid" ON "complaint" ("uid")',
    'CREATE INDEX "complaint_origin" ON "complaint" ("origin")',
    'CREATE INDEX "complaint_change_seq" ON "complaint" ("change_seq")',
    'CREATE UNIQUE INDEX "complaint_number" ON "complaint" ("number")',
    'CREATE INDEX "complaint_received_at" ON "complaint" ("received_at")',
    'CREATE INDEX "complaint_officer_id" ON "complaint" ("officer_id")',
    'CREATE INDEX "complaint_status" ON "complaint" ("status")',
    'CREATE INDEX "complaint_village_code" ON "complaint" ("village_code")',
    'CREATE INDEX "complaint_business_id" ON "complaint" ("business_id")',
    'CREATE INDEX "complaint_category_code" ON "complaint" ("category_code")',
    'CREATE INDEX "complaint_visit_id" ON "complaint" ("visit_id")',
    'CREATE INDEX "complaint_status_received_at" ON "complaint" ("status", "received_at")',
    'CREATE INDEX "complaint_category_code_received_at" ON "complaint" ("category_code", "received_at")',
    'CREATE INDEX "complaint_village_code_received_at" ON "complaint" ("village_code", "received_at")',
    'CREATE INDEX "complaint_officer_id_received_at" ON "complaint" ("officer_id", "received_at")',
    'CREATE INDEX "complaint_respondent_name" ON "complaint" ("respondent_name")',
    'CREATE INDEX "complaint_subject" ON "complaint" ("subject")',
    'CREATE INDEX "complaint_village_sort" ON "complaint" (COALESCE("village_code", \'\'))',
    'CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER, "visit_id" INTEGER, "sha256" VARCHAR(64) NOT NULL, "filename" VARCHAR(255) NOT NULL, "size" INTEGER NOT NULL, "description" VARCHAR(200), FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("visit_id") REFERENCES "visit" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "attachment_uid" ON "attachment" ("uid")',
    'CREATE INDEX "attachment_origin" ON "attachment" ("origin")',
    'CREATE INDEX "attachment_change_seq" ON "attachment" ("change_seq")',
    'CREATE INDEX "attachment_complaint_id" ON "attachment" ("complaint_id")',
    'CREATE INDEX "attachment_visit_id" ON "attachment" ("visit_id")',
    'CREATE INDEX "attachment_sha256" ON "attachment" ("sha256")',
    'CREATE TABLE "audit_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(50) NOT NULL, "action" VARCHAR(24) NOT NULL, "table" VARCHAR(32) NOT NULL, "record_uid" VARCHAR(32) NOT NULL, "field" VARCHAR(48), "old_value" TEXT, "new_value" TEXT, "reason" TEXT)',
    'CREATE UNIQUE INDEX "audit_entry_uid" ON "audit_entry" ("uid")',
    'CREATE INDEX "audit_entry_origin" ON "audit_entry" ("origin")',
    'CREATE INDEX "audit_entry_change_seq" ON "audit_entry" ("change_seq")',
    'CREATE INDEX "audit_entry_at" ON "audit_entry" ("at")',
    'CREATE INDEX "audit_entry_record_uid" ON "audit_entry" ("record_uid")',
    'CREATE TABLE "complainant" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "complaint_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "is_representative" INTEGER NOT NULL, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE RESTRICT, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX "complainant_uid" ON "complainant" ("uid")',
    'CREATE INDEX "complainant_origin" ON "complainant" ("origin")',
    'CREATE INDEX "complainant_change_seq" ON "complainant" ("change_seq")',
    'CREATE INDEX "complainant_complaint_id" ON "complainant" ("complaint_id")',
    'CREATE INDEX "complainant_person_id" ON "complainant" ("person_id")',
    'CREATE TABLE "counter" ("name" VARCHAR(64) NOT NULL PRIMARY KEY, "value" INTEGER NOT NULL)',
    'CREATE TABLE "region" ("code" VARCHAR(12) NOT NULL PRIMARY KEY, "name" VARCHAR(100) NOT NULL, "level" VARCHAR(8) NOT NULL, "parent_code" VARCHAR(12), "active" INTEGER NOT NULL)',
    'CREATE INDEX "region_parent_code" ON "region" ("parent_code")',
    'CREATE TABLE "setting" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "station" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "origin" VARCHAR(32) NOT NULL, "version" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "change_seq" INTEGER NOT NULL, "code" VARCHAR(32) NOT NULL, "name" VARCHAR(100) NOT NULL, "county_code" VARCHAR(12), "town_code" VARCHAR(12), "village_code" VARCHAR(12), "address" VARCHAR(200), "phone" VARCHAR(32), "active" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "station_uid" ON "station" ("uid")',
    'CREATE INDEX "station_origin" ON "station" ("origin")',
    'CREATE INDEX "station_change_seq" ON "station" ("change_seq")',
    'CREATE UNIQUE INDEX "station_code" ON "station" ("code")',
]

# Full-text search over complaint.search_text: FTS5 with the trigram tokenizer (3+ characters);
# shorter queries look up the trigrams they start in the vocabulary table, or use LIKE on
# complaint.search_text when they are too common. Triggers keep the index in step.
SEARCH = [
    "CREATE VIRTUAL TABLE complaint_fts USING fts5("
    "search_text, content='complaint', content_rowid='id', tokenize='trigram')",
    # the index's own vocabulary: which trigrams start with a 1- or 2-character fragment
    "CREATE VIRTUAL TABLE complaint_fts_vocab USING fts5vocab(complaint_fts, row)",
    "CREATE TRIGGER complaint_fts_insert AFTER INSERT ON complaint BEGIN "
    "INSERT INTO complaint_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER complaint_fts_delete AFTER DELETE ON complaint BEGIN "
    "INSERT INTO complaint_fts(complaint_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER complaint_fts_update AFTER UPDATE OF search_text ON complaint BEGIN "
    "INSERT INTO complaint_fts(complaint_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO complaint_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


# The county's database on PostgreSQL (docs/county-server.md): pg_trgm's GIN index answers
# ILIKE for fragments of 3+ characters; every distinct 1- and 2-character piece of the folded
# text, in a GIN index on an expression, answers 1- and 2-character fragments (pg_trgm cannot).
POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # the characters and character pairs of the lower-cased text, white space left out (GIN keeps
    # each key once per row); string_to_array and a zipped unnest, not a loop over positions:
    # 25 times faster to compute, which is most of building this index over a million rows
    # COST: what it really costs (0.2 ms a row), so the planner reads the GIN index instead of
    # computing it for every row of a scan (at a million complaints: 37 s for one search)
    "CREATE FUNCTION station_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT"
    " PARALLEL SAFE COST 100000 AS $$ SELECT ARRAY(SELECT x FROM unnest(c) x WHERE x <> ' ')"
    " || ARRAY(SELECT a || b FROM unnest(c[:cardinality(c) - 1], c[2:]) p(a, b)"
    " WHERE a <> ' ' AND b <> ' ') FROM string_to_array(translate(lower(t),"
    " E'\\n\\r\\t\\v\\f\\u3000', '      '), NULL) c $$",
    'CREATE INDEX "complaint_search_trgm" ON "complaint" USING gin ("search_text" gin_trgm_ops)',
    'CREATE INDEX "complaint_search_grams" ON "complaint" USING gin (station_grams("search_text"))',
]
# The few SQLite functions the core's SQL calls, with SQLite's meaning, so that SQL stays one text
# for both engines (docs/county-server.md); anything else is written in standard SQL.
POSTGRES_SQLITE_FUNCTIONS = [
    "CREATE FUNCTION instr(s text, part text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT"
    " PARALLEL SAFE AS $$ SELECT strpos(s, part) $$",
    # the formats the core uses: %Y %m %d %H %M %S %j %w
    "CREATE FUNCTION strftime(format text, at timestamp) RETURNS text LANGUAGE sql IMMUTABLE"
    " STRICT PARALLEL SAFE AS $$ SELECT to_char(at, replace(replace(replace(replace(replace("
    "replace(replace(replace(format, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'),"
    " '%M', 'MI'), '%S', 'SS'), '%j', 'DDD'), '%w', 'D')) $$",
    "CREATE FUNCTION station_concat(total text, part text, separator text) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN part IS NULL THEN total"
    " WHEN total IS NULL THEN part ELSE total || separator || part END $$",
    "CREATE FUNCTION station_concat(total text, part text) RETURNS text LANGUAGE sql IMMUTABLE"
    " PARALLEL SAFE AS $$ SELECT station_concat(total, part, ',') $$",
    "CREATE AGGREGATE group_concat(text, text) (SFUNC = station_concat, STYPE = text)",
    "CREATE AGGREGATE group_concat(text) (SFUNC = station_concat, STYPE = text)",
    "CREATE AGGREGATE total(double precision) (SFUNC = float8pl, STYPE = double precision,"
    " INITCOND = '0')",
]
POSTGRES_FORMS = {
    SEARCH[0]: POSTGRES_SEARCH + POSTGRES_SQLITE_FUNCTIONS,
    **{statement: [] for statement in SEARCH[1:]},
}


# what the migration runs, in order
STATEMENTS = TABLES + SEARCH
