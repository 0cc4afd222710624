"""What a write changed (a change set), so that the window refreshes only what it shows.

Every core write the window uses returns a :class:`Changes`, or a result that carries one in its
``changes`` attribute (a registered complaint, a roster's apply result, an import report). The
window's job runner announces it once after the write committed, and each screen looks at it and
decides whether to refresh (as Anki's ``OpChanges`` / ``op_executed``).

This module imports nothing of the project, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _ids(values: Iterable[Any]) -> frozenset[Any]:
    return frozenset(v for v in values if v is not None)


@dataclass(frozen=True)
class Changes:
    """Ids (or names) of what one write changed, per kind of record.

    ``complaints``, ``visits``, ``events``, ``violations``: row ids (a complaint's own rows: its
    people, transitions, referrals, mediation, consents, attachments count as the complaint; an
    event's instrument checks as the event);
    ``roster``: the parts of the roster an apply changed (``station``, ``officer``, ``region``,
    ``business``, ``code``, ``holiday``, and ``imports``: the import history);
    ``sync``: station codes whose sync state changed (a bundle written or merged, a receipt, a
    conflict resolved, a key confirmed);
    ``settings``: what of the settings (``station``, ``officers``, ``backup``; ``actor``: the
    officer at the keyboard, kept by the window);
    ``everything``: the whole database was replaced (a restore).
    """

    complaints: frozenset[int] = frozenset()
    visits: frozenset[int] = frozenset()
    events: frozenset[int] = frozenset()
    violations: frozenset[int] = frozenset()
    roster: frozenset[str] = frozenset()
    sync: frozenset[str] = frozenset()
    settings: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(
        cls,
        *,
        complaints: Iterable[int | None] = (),
        visits: Iterable[int | None] = (),
        events: Iterable[int | None] = (),
        violations: Iterable[int | None] = (),
        roster: Iterable[str] = (),
        sync: Iterable[str] = (),
        settings: Iterable[str] = (),
    ) -> Changes:
        """A change set from any iterables (``None`` ids, e.g. an unlinked visit, are left out)."""
        return cls(
            _ids(complaints),
            _ids(visits),
            _ids(events),
            _ids(violations),
            _ids(roster),
            _ids(sync),
            _ids(settings),
        )

    @classmethod
    def all(cls) -> Changes:
        """Everything may have changed (the database was restored from a backup)."""
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            self.complaints | other.complaints,
            self.visits | other.visits,
            self.events | other.events,
            self.violations | other.violations,
            self.roster | other.roster,
            self.sync | other.sync,
            self.settings | other.settings,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, *kinds: str) -> bool:
        """Whether a screen showing ``kinds`` (field names, e.g. ``"complaints"``) must refresh."""
        unknown = set(kinds) - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"no such kind of change: {sorted(unknown)}")
        return self.everything or any(getattr(self, kind) for kind in kinds)

    def includes(self, kind: str, record_id: int | str) -> bool:
        """Whether a screen showing one record (``kind``, ``record_id``) must refresh."""
        return self.everything or (self.touches(kind) and record_id in getattr(self, kind))


NO_CHANGES = Changes()


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A write's result (``value``) with what the write changed, where the result itself cannot
    carry it (a file's path, a list of reports)."""

    value: T
    changes: Changes


def changes_in(result: object) -> Changes:
    """The change set a write's result is or carries (none: ``NO_CHANGES``); a list of rows
    carries the union of theirs."""
    if isinstance(result, Changes):
        return result
    carried = getattr(result, "changes", None)
    if isinstance(carried, Changes):
        return carried
    if isinstance(result, list | tuple):
        found = NO_CHANGES
        for item in result:
            found = found | changes_in(item)
        return found
    return NO_CHANGES
