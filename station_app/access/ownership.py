"""The county reads, never rewrites, a station's records (DESIGN.md, Personal data).

:func:`check_may_write` is the one guard every write path of a record calls before it writes:
the record edit functions (``registry.record_edits``: ``insert_new``, ``save_changes``,
``soft_delete``), the workflow's skeleton (``workflow.transitions.acting_on``), registering and
editing a complaint, attachments and consent. At a station it does nothing (a station owns what it
writes; bundles only bring it its own rows back). At the county it refuses, with one Chinese
sentence naming the record and its station, any write on a row whose ``origin`` is a station, or
on a row that belongs to a station's complaint or visit. The county's own writes on such a
complaint are its remarks (``station_app.access.remarks``), which never touch the station's rows.
"""

from __future__ import annotations

from station_app.errors import StationError
from station_app.messages import msg
from station_app.registry.context import Context
from station_app.settings import StationIdentity, station_identity
from station_app.store.models import Complaint, Station, SyncedModel, Visit


class CountyReadOnly(StationError):
    """The county tried to change a station's record."""


def _owner(record: SyncedModel) -> SyncedModel:
    """The complaint or visit ``record`` belongs to, or ``record`` itself."""
    for name, model in (("complaint", Complaint), ("visit", Visit)):
        parent_id = getattr(record, f"{name}_id", None) if not isinstance(record, model) else None
        if parent_id is not None:
            parent = model.get_or_none(model.id == parent_id)
            if parent is not None:
                return parent
    return record


def record_name(record: SyncedModel) -> str:
    """How a refusal names ``record``: 投诉 <number>, a visit of a day, or its table."""
    if isinstance(record, Complaint):
        return msg("投诉 {number}", number=record.number)
    if isinstance(record, Visit):
        return msg("{day} 的来访咨询记录", day=str(record.visited_at)[:10])
    return msg("这条记录")


def station_name(code: str) -> str:
    """The station's name and code as the roster knows it (its code alone otherwise)."""
    row = Station.get_or_none((Station.code == code) & (Station.deleted == False))  # noqa: E712
    return f"{row.name}（{code}）" if row is not None and row.name != code else code


def refusal(record: SyncedModel) -> str:
    """Why the county may not change ``record`` (a station's): for the refusal and the window."""
    owner = _owner(record)
    return msg(
        "县消协只能查看、不能修改服务站的记录：{record}属于{station}，由该站办理。"
        "县消协的意见请写在“县消协备注”里，随回执发回该站。",
        record=record_name(owner),
        station=station_name(owner.origin),
    )


def _installation(ctx: Context | None) -> StationIdentity | None:
    return ctx.station if ctx is not None else station_identity(required=False)


def is_stations_record(record: SyncedModel, identity: StationIdentity | None) -> bool:
    """``record`` (or the complaint or visit it belongs to) is owned by another installation,
    seen from the county ``identity``."""
    if identity is None or not identity.is_county:
        return False
    owner = _owner(record)
    origins = {o for o in (getattr(record, "origin", None), owner.origin) if o}
    return any(origin != identity.code for origin in origins)


def check_may_write(record: SyncedModel, ctx: Context | None = None) -> None:
    """Refuse (:class:`CountyReadOnly`) a write at the county on a station's record.

    ``ctx`` is the writer's context; without one (the workflow's skeleton) the installation's
    settings say whether this is the county. Call inside the write's transaction, before writing.
    """
    if is_stations_record(record, _installation(ctx)):
        raise CountyReadOnly(refusal(record))
