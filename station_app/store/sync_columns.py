"""Setting the sync columns (DESIGN.md, Storage) on every write of a synced row.

``change_seq`` comes from one local monotonic counter: each write takes the next value, so
"everything changed since the last bundle" is ``change_seq > last_exported``. Callers write inside
a transaction, so a counter value is only consumed when the write commits.
"""

from __future__ import annotations

import datetime as dt

from station_app.store.models import Counter, SyncedModel, new_uid

CHANGE_SEQ = "change_seq"


def take_counter(name: str, count: int = 1) -> int:
    """Advance counter ``name`` by ``count`` and return its new value (the last one taken).

    The values ``result - count + 1 .. result`` belong to the caller. Must run in a transaction.
    """
    updated = Counter.update(value=Counter.value + count).where(Counter.name == name).execute()
    if not updated:
        Counter.insert(name=name, value=count).execute()
        return count
    return int(Counter.get_by_id(name).value)


def current_counter(name: str) -> int:
    row = Counter.get_or_none(Counter.name == name)
    return int(row.value) if row else 0


def stamp_new(row: SyncedModel, origin: str, now_utc: dt.datetime) -> SyncedModel:
    """Fill the sync columns of a row about to be inserted."""
    if not row.uid:
        row.uid = new_uid()
    row.origin = origin
    row.version = 1
    row.updated_at = now_utc
    row.deleted = False
    row.change_seq = take_counter(CHANGE_SEQ)
    return row


def stamp_edit(row: SyncedModel, now_utc: dt.datetime) -> SyncedModel:
    """Fill the sync columns of a row about to be updated (version + 1, new change_seq)."""
    row.version = (row.version or 0) + 1
    row.updated_at = now_utc
    row.change_seq = take_counter(CHANGE_SEQ)
    return row


def sync_values_for_bulk(count: int, origin: str, now_utc: dt.datetime) -> list[dict[str, object]]:
    """Sync columns for ``count`` new rows inserted in bulk, taking one range of change_seq."""
    last = take_counter(CHANGE_SEQ, count)
    first = last - count + 1
    return [
        {
            "uid": new_uid(),
            "origin": origin,
            "version": 1,
            "updated_at": now_utc,
            "deleted": False,
            "change_seq": first + i,
        }
        for i in range(count)
    ]
