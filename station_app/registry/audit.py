"""The audit log: who created, changed, saw or moved what, and when (PIPL and the county ask)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from station_app.registry.context import Context
from station_app.store.models import AuditEntry, SyncedModel
from station_app.store.sync_columns import stamp_new


def audit_text(value: object) -> str | None:
    """How a field's value is written in the audit log."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | Decimal | int):
        return str(value)
    if isinstance(value, SyncedModel):
        return value.uid
    return str(value)


def _entry(ctx: Context, action: str, table: str, record_uid: str, **values: object) -> AuditEntry:
    entry = AuditEntry(
        at=ctx.clock.utcnow(),
        actor=ctx.actor,
        action=action,
        table=table,
        record_uid=record_uid,
        **values,
    )
    stamp_new(entry, ctx.origin, ctx.clock.utcnow())
    entry.save(force_insert=True)
    return entry


def record_created(ctx: Context, row: SyncedModel, summary: str | None = None) -> None:
    _entry(ctx, "create", row._meta.table_name, row.uid, new_value=summary)


def record_changes(
    ctx: Context, row: SyncedModel, changes: Mapping[str, tuple[object, object]]
) -> None:
    """One audit entry per changed field, with its old and new value."""
    for field_name, (old, new) in changes.items():
        _entry(
            ctx,
            "update",
            row._meta.table_name,
            row.uid,
            field=field_name,
            old_value=audit_text(old),
            new_value=audit_text(new),
        )


def record_action(
    ctx: Context,
    table: str,
    record_uid: str,
    action: str,
    reason: str | None = None,
    *,
    field: str | None = None,
    old_value: object = None,
    new_value: object = None,
) -> None:
    _entry(
        ctx,
        action,
        table,
        record_uid,
        reason=reason,
        field=field,
        old_value=audit_text(old_value),
        new_value=audit_text(new_value),
    )


def history(record_uids: Iterable[str]) -> list[AuditEntry]:
    """Audit entries of the given records, oldest first."""
    uids = list(record_uids)
    return list(
        AuditEntry.select()
        .where(AuditEntry.record_uid.in_(uids))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
