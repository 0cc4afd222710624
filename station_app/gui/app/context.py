"""What every screen is given: the installation, the job runner, the clock, who is working."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.gui.app.jobs import JobRunner
from station_app.installation import Installation
from station_app.registry.context import Context


class RecordEvents(QObject):
    """Broadcast after a write commits, so lists and counts refresh themselves."""

    complaints_changed = Signal()
    visits_changed = Signal()
    settings_changed = Signal()


@dataclass
class AppContext:
    installation: Installation
    jobs: JobRunner
    clock: Clock = SYSTEM_CLOCK
    actor: str = "联络员"
    events: RecordEvents = field(default_factory=RecordEvents)

    def context(self) -> Context:
        """The core context for a write made now by the current officer."""
        return self.installation.context(actor=self.actor, clock=self.clock)
