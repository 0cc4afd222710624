"""How long the window waits, idle, before it locks (a setting of the station, default 10
minutes); the station head changes it."""

from __future__ import annotations

from station_app.changes import Changes
from station_app.errors import FieldError, ValidationFailed
from station_app.messages import msg
from station_app.settings import get_setting, set_setting

LOCK_MINUTES = "security.lock_minutes"
DEFAULT_LOCK_MINUTES = 10
SHORTEST, LONGEST = 1, 120


def lock_minutes() -> int:
    try:
        value = int(get_setting(LOCK_MINUTES) or DEFAULT_LOCK_MINUTES)
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return min(max(value, SHORTEST), LONGEST)


def set_lock_minutes(minutes: int) -> Changes:
    if not SHORTEST <= minutes <= LONGEST:
        raise ValidationFailed(
            [
                FieldError(
                    "lock_minutes",
                    msg("自动锁定时间应在 {low}–{high} 分钟之间。", low=SHORTEST, high=LONGEST),
                )
            ]
        )
    set_setting(LOCK_MINUTES, str(minutes))
    return Changes.of(settings=["lock"])
