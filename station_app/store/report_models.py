"""What the officer keeps with a complaint analysis report: a text and the typical cases chosen.

Kept at the installation that writes the report, not synced: a station's report and the
county's are each their own.
"""

from __future__ import annotations

from peewee import CharField, DateTimeField, TextField

from station_app.store.models import BaseModel


class AnalysisNote(BaseModel):
    period = CharField(max_length=8)  # 2026-Q3 or 2026
    scope = CharField(max_length=32)  # the station code reported on, or * for every station
    text = TextField(default="")
    typical_numbers = TextField(default="")  # complaint numbers joined by ","
    updated_at = DateTimeField()
    updated_by = CharField(max_length=50)

    class Meta:
        indexes = ((("period", "scope"), True),)


REPORT_MODELS = [AnalysisNote]
