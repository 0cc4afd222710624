"""Registering, editing and deleting a record the same way everywhere: stamp the sync columns,
and leave an audit entry for the creation, one per changed field, or one for the deletion with
its reason. A deleted record stays as a tombstone that syncs.

Each of them also says what the write changed (:func:`changes_of`): the row returned carries it
in ``changes``, a deletion returns it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from station_app.access.ownership import check_may_write
from station_app.changes import Changes
from station_app.errors import FieldError, RecordNotFound, ValidationFailed
from station_app.messages import msg, translate
from station_app.registry.audit import record_action, record_changes, record_created
from station_app.registry.context import Context
from station_app.store.models import Officer, SyncedModel, database_proxy
from station_app.store.sync_columns import stamp_edit, stamp_new
from station_app.validation import normalize_region_code

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FieldChanges = dict[str, tuple[object, object]]
Record = TypeVar("Record", bound=SyncedModel)
Entry = TypeVar("Entry", bound="DataclassInstance")
Draft = TypeVar("Draft", bound="DataclassInstance")

# the kind of change a row of these tables is; a row with a complaint (a referral, a consent, an
# attachment) or a visit counts as a change of that complaint or visit too
KIND_OF_TABLE = {
    "complaint": "complaints",
    "visit": "visits",
    "education_event": "events",
    "violation_report": "violations",
}
OWNER_COLUMNS = (("complaint_id", "complaints"), ("visit_id", "visits"), ("event_id", "events"))


def changes_of(*records: SyncedModel) -> Changes:
    """The change set of a write that saved ``records``."""
    found: dict[str, set[int]] = {kind: set() for kind in KIND_OF_TABLE.values()}
    for record in records:
        kind = KIND_OF_TABLE.get(record._meta.table_name)
        if kind is not None:
            found[kind].add(record.id)
        for column, owner in OWNER_COLUMNS:
            owner_id = getattr(record, column, None)
            if owner_id is not None:
                found[owner].add(owner_id)
    return Changes.of(
        complaints=found["complaints"],
        visits=found["visits"],
        events=found["events"],
        violations=found["violations"],
    )


def carrying(record: Record, *also: SyncedModel) -> Record:
    """``record``, carrying the change set of the write that saved it and ``also``."""
    record.changes = changes_of(record, *also)
    return record


def place_and_officer(
    village_code: str | None, officer_id: int | None, problems: list[FieldError]
) -> str | None:
    """Where a record happened and who handled it: the village code normalised (None: not
    given), and the officer on the roster; a problem with either is added to ``problems``."""
    village = None
    try:
        if (village_code or "").strip():
            village = normalize_region_code(village_code or "", field="village_code")
    except FieldError as error:
        problems.append(error)
    if officer_id is not None and not Officer.get_or_none(Officer.id == officer_id):
        problems.append(FieldError("officer_id", msg("经办人不在名册中，请重新选择。")))
    return village


def live_row(model: type[Record], row_id: int, missing: str) -> Record:
    """The row ``row_id`` of ``model`` unless it is deleted; ``RecordNotFound(missing)`` else."""
    row = model.get_or_none((model.id == row_id) & (model.deleted == False))  # noqa: E712
    if row is None:
        raise RecordNotFound(missing)
    return row


def live_rows_of(model: Any, complaint: object, day: Any) -> list[Any]:
    """The rows of ``model`` belonging to ``complaint`` (a row or an id) and not deleted, oldest
    first (by ``day``, then id)."""
    return list(
        model.select()
        .where((model.complaint == complaint) & (model.deleted == False))  # noqa: E712
        .order_by(day, model.id)
    )


def insert_new(ctx: Context, record: Record, summary: str | None = None) -> Record:
    """Stamp and insert a new record, with a ``create`` audit entry carrying ``summary``."""
    check_may_write(record, ctx)
    stamp_new(record, ctx.origin, ctx.clock.utcnow())
    record.save(force_insert=True)
    record_created(ctx, record, summary)
    return carrying(record)


def apply_values(
    record: SyncedModel, values: Mapping[str, object], foreign_keys: Collection[str] = ("officer",)
) -> FieldChanges:
    """Set each value that differs from the record's; the changes as ``{field: (old, new)}``.
    A foreign key is compared by its id (``officer`` by ``officer_id``)."""
    changes: FieldChanges = {}
    for name, new in values.items():
        old = getattr(record, name + "_id" if name in foreign_keys else name)
        if old != new:
            changes[name] = (old, new)
            setattr(record, name, new)
    return changes


def save_changes(
    ctx: Context, record: SyncedModel, changes: Mapping[str, tuple[object, object]]
) -> None:
    """Stamp, save and audit an edited record; nothing when nothing changed. The record carries
    its change set (none when nothing changed)."""
    check_may_write(record, ctx)
    if changes:
        stamp_edit(record, ctx.clock.utcnow())
        record.save()
        record_changes(ctx, record, changes)
        carrying(record)


def deletion_reason(reason: str | None, refusal: str) -> str:
    """The reason given for a deletion, trimmed; ``ValidationFailed`` with ``refusal`` when none."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed([FieldError("reason", refusal)])
    return reason


def soft_delete(ctx: Context, record: SyncedModel, reason: str) -> Changes:
    """Mark ``record`` deleted, stamped, with the reason in the audit log."""
    check_may_write(record, ctx)
    record.deleted = True
    stamp_edit(record, ctx.clock.utcnow())
    record.save()
    record_action(ctx, record._meta.table_name, record.uid, "delete", reason)
    return changes_of(record)


@dataclass(frozen=True)
class LiveRecords(Generic[Record, Draft]):
    """One kind of record (visits, events, reports …) typed on a form as a draft: a live row
    fetched, a new or edited row from a draft that ``validate`` cleaned, a row deleted.

    ``missing`` and ``unexplained`` are templates marked with ``N_``: the refusal when the row is
    missing or deleted, and when a deletion gives no reason. ``not_columns``: the draft's fields
    that are no columns of ``model`` (saved apart)."""

    model: type[Record]
    missing: str
    unexplained: str
    validate: Callable[[Draft, Context], Draft]
    not_columns: tuple[str, ...] = ()

    def get(self, row_id: int) -> Record:
        return live_row(self.model, row_id, translate(self.missing))

    def new(self, ctx: Context, draft: Draft) -> tuple[Record, Draft]:
        """A new row (not saved yet) with the values of ``draft`` once validated; the clean
        draft. Call inside the write's transaction."""
        clean = self.validate(draft, ctx)
        return self.model(**columns_of(clean, self.not_columns)), clean

    def edited(self, ctx: Context, row_id: int, draft: Draft) -> tuple[Record, Draft, FieldChanges]:
        """The row ``row_id`` with the values of ``draft`` once validated (not saved yet), the
        clean draft and the changes. Call inside the write's transaction."""
        row = self.get(row_id)
        clean = self.validate(draft, ctx)
        return row, clean, apply_values(row, columns_of(clean, self.not_columns))

    def delete(self, ctx: Context, row_id: int, reason: str) -> Changes:
        """Mark the row deleted (a tombstone that syncs); the reason goes to the audit log."""
        reason = deletion_reason(reason, translate(self.unexplained))
        with database_proxy.atomic():
            return soft_delete(ctx, self.get(row_id), reason)


def columns_of(clean: DataclassInstance, leave_out: Collection[str] = ()) -> dict[str, object]:
    """The column values a clean draft sets, in its fields' order: each field but ``leave_out``,
    under its column's name (the field ``officer_id`` is the foreign key ``officer``)."""
    return {
        "officer" if f.name == "officer_id" else f.name: getattr(clean, f.name)
        for f in fields(clean)
        if f.name not in leave_out
    }


def plain_copy(cls: type[Entry], row: object, **given: object) -> Entry:
    """A dataclass ``cls`` (a draft, an entry of plain data) with the row's attributes of the
    same names (``given`` for the others)."""
    values = {
        f.name: given[f.name] if f.name in given else getattr(row, f.name) for f in fields(cls)
    }
    return cls(**values)
