"""Who is working, for which station, at what time: passed to every core write."""

from __future__ import annotations

from dataclasses import dataclass, field

from station_app.actors import PROGRAM
from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.settings import StationIdentity, station_identity


@dataclass(frozen=True)
class Context:
    station: StationIdentity
    actor: str = PROGRAM
    clock: Clock = field(default=SYSTEM_CLOCK)

    @property
    def origin(self) -> str:
        return self.station.code


def current_context(actor: str = PROGRAM, clock: Clock = SYSTEM_CLOCK) -> Context:
    """The context of this installation (raises ``NotInitialised`` before ``init``)."""
    identity = station_identity(required=True)
    assert identity is not None
    return Context(station=identity, actor=actor, clock=clock)
