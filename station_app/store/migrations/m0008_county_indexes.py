"""Migration 8: indexes for the county's million complaints (frozen DDL; never changed later).

* one station's complaints, newest first, and one station's complaints in one state: the county's
  complaint list filtered by station pages through ``(origin, received_at)`` and
  ``(origin, status, received_at)`` instead of sorting the station's thousands of rows;
* the stations screen counts open and overdue complaints per station from
  ``complaint_deadline``, which holds every column a deadline depends on (status, origin, the day
  received and the workflow dates) for the complaints not deleted (``deleted`` too, only so that
  SQLite reads the index alone), so those counts read a few megabytes of index instead of every
  row of the complaint table.
"""

from __future__ import annotations

INDEXES = [
    'CREATE INDEX "complaint_origin_received_at" ON "complaint" ("origin", "received_at")',
    'CREATE INDEX "complaint_origin_status_received_at" ON "complaint"'
    ' ("origin", "status", "received_at")',
    'CREATE INDEX "complaint_deadline" ON "complaint" ("status", "origin", "received_at",'
    ' "accepted_on", "mediation_clock_from", "mediation_ended_on", "termination_notified_on",'
    ' "closed_on", "deleted") WHERE ("deleted" = 0)',
]


# what the migration runs, in order
STATEMENTS = INDEXES
