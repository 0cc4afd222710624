"""The one source of "now" for the core, so tests never depend on the day they run.

Times that mark when a row changed (``updated_at``, audit entries) are UTC. Domain times that an
officer reads (when a complaint was received) are local wall-clock times of the station, which for
every station is China Standard Time (UTC+8, no daylight saving).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


def utc_to_local(moment: dt.datetime) -> dt.datetime:
    """A UTC time (a naive one is taken as UTC, as the database stores it) as local China
    wall-clock time, naive."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(CHINA_TZ).replace(tzinfo=None)


class Clock:
    """The system clock."""

    def utcnow(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def local_now(self) -> dt.datetime:
        """Local wall-clock time in China, naive (as officers write it)."""
        return self.utcnow().astimezone(CHINA_TZ).replace(tzinfo=None)

    def today(self) -> dt.date:
        return self.local_now().date()


@dataclass
class FixedClock(Clock):
    """A clock stopped at a given local China time; ``advance`` moves it."""

    local: dt.datetime

    def utcnow(self) -> dt.datetime:
        return self.local.replace(tzinfo=CHINA_TZ).astimezone(dt.UTC)

    def local_now(self) -> dt.datetime:
        return self.local

    def advance(self, **delta: float) -> None:
        self.local = self.local + dt.timedelta(**delta)


SYSTEM_CLOCK = Clock()
