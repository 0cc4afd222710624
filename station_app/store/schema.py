"""Every model of the database, in one list: what migrations must build and tests compare.

A part of the program with tables of its own keeps its models in its own module under
``station_app/store/`` and adds them here.
"""

from __future__ import annotations

from station_app.store.access_models import ACCESS_MODELS
from station_app.store.event_models import EVENT_MODELS
from station_app.store.models import ALL_MODELS as REGISTRY_MODELS
from station_app.store.models import BaseModel
from station_app.store.report_models import REPORT_MODELS
from station_app.store.roster_models import ROSTER_MODELS
from station_app.store.sync_models import SYNC_MODELS
from station_app.store.violation_models import VIOLATION_MODELS
from station_app.store.workflow_models import WORKFLOW_MODELS

ALL_MODELS: list[type[BaseModel]] = [
    *REGISTRY_MODELS,
    *WORKFLOW_MODELS,
    *EVENT_MODELS,
    *VIOLATION_MODELS,
    *SYNC_MODELS,
    *ROSTER_MODELS,
    *REPORT_MODELS,
    *ACCESS_MODELS,
]
