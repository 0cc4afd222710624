"""What every screen is given: the installation, the job runner, the clock, who is working.

Screens refresh from ``app.jobs.changes_committed`` (what each write changed), not from signals
of their own."""

from __future__ import annotations

from dataclasses import dataclass

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.gui.app.jobs import JobRunner
from station_app.installation import Installation
from station_app.registry.context import Context


@dataclass
class AppContext:
    installation: Installation
    jobs: JobRunner
    clock: Clock = SYSTEM_CLOCK
    actor: str = "联络员"

    def context(self) -> Context:
        """The core context for a write made now by the current officer."""
        return self.installation.context(actor=self.actor, clock=self.clock)
