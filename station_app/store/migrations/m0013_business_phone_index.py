"""Migration 13: an index on the business register's phone numbers (frozen DDL).

The complaint form's respondent field finds a business by the start of its phone number as the
officer types (``registry.businesses.find_businesses``); at a county's 50 000 businesses that is
an index range, not a scan of the table on every pause in typing.
"""

from __future__ import annotations

INDEXES = ['CREATE INDEX "business_phone" ON "business" ("phone")']


# what the migration runs, in order
STATEMENTS = INDEXES
