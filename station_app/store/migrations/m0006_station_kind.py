"""Migration 6: a station's kind (消协分会/投诉站, 受委托站, 联络站) and its entrusting office.

Two nullable columns appended to ``station`` by ``ALTER TABLE``; existing rows keep no kind (the
settings, or the default, then decide; see ``station_app.registry.station_kinds``).
"""

from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "station" ADD COLUMN "kind" VARCHAR(16)',
    'ALTER TABLE "station" ADD COLUMN "entrusting_office" VARCHAR(100)',
]
