"""Registering, editing and deleting a record the same way everywhere: stamp the sync columns,
and leave an audit entry for the creation, one per changed field, or one for the deletion with
its reason. A deleted record stays as a tombstone that syncs.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TypeVar

from station_app.access.ownership import check_may_write
from station_app.errors import FieldError, ValidationFailed
from station_app.registry.audit import record_action, record_changes, record_created
from station_app.registry.context import Context
from station_app.store.models import SyncedModel
from station_app.store.sync_columns import stamp_edit, stamp_new

Changes = dict[str, tuple[object, object]]
Record = TypeVar("Record", bound=SyncedModel)


def insert_new(ctx: Context, record: Record, summary: str | None = None) -> Record:
    """Stamp and insert a new record, with a ``create`` audit entry carrying ``summary``."""
    check_may_write(record, ctx)
    stamp_new(record, ctx.origin, ctx.clock.utcnow())
    record.save(force_insert=True)
    record_created(ctx, record, summary)
    return record


def apply_values(
    record: SyncedModel, values: Mapping[str, object], foreign_keys: Collection[str] = ("officer",)
) -> Changes:
    """Set each value that differs from the record's; the changes as ``{field: (old, new)}``.
    A foreign key is compared by its id (``officer`` by ``officer_id``)."""
    changes: Changes = {}
    for name, new in values.items():
        old = getattr(record, name + "_id" if name in foreign_keys else name)
        if old != new:
            changes[name] = (old, new)
            setattr(record, name, new)
    return changes


def save_changes(
    ctx: Context, record: SyncedModel, changes: Mapping[str, tuple[object, object]]
) -> None:
    """Stamp, save and audit an edited record; nothing when nothing changed."""
    check_may_write(record, ctx)
    if changes:
        stamp_edit(record, ctx.clock.utcnow())
        record.save()
        record_changes(ctx, record, changes)


def deletion_reason(reason: str | None, refusal: str) -> str:
    """The reason given for a deletion, trimmed; ``ValidationFailed`` with ``refusal`` when none."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", refusal)])
    return reason


def soft_delete(ctx: Context, record: SyncedModel, reason: str) -> None:
    """Mark ``record`` deleted, stamped, with the reason in the audit log."""
    check_may_write(record, ctx)
    record.deleted = True
    stamp_edit(record, ctx.clock.utcnow())
    record.save()
    record_action(ctx, record._meta.table_name, record.uid, "delete", reason)
