"""The station's liaison officers (联络员): from the county's roster, or added here.

Officers from the roster belong to the county (their ``origin`` is the county) and change only
through a new roster. Officers added at the station have the station as ``origin``; the station
may deactivate them (never delete: old complaints and visits still name them) and reactivate them.
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app.changes import Changes
from station_app.errors import FieldError, RecordNotFound, StationError, ValidationFailed
from station_app.messages import msg
from station_app.registry.audit import record_created
from station_app.registry.context import Context
from station_app.registry.record_edits import plain_copy, save_changes
from station_app.store.models import Officer, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.validation import normalize_phone


@dataclass(frozen=True)
class OfficerRow:
    id: int
    uid: str
    name: str
    phone: str | None
    role: str | None
    active: bool
    local: bool  # added at this station (else from the county's roster)

    @property
    def changes(self) -> Changes:
        """Adding or (de)activating an officer changes the ``officers`` settings."""
        return Changes.of(settings=["officers"])


def _row(officer: Officer, station_code: str) -> OfficerRow:
    return plain_copy(
        OfficerRow, officer, active=bool(officer.active), local=officer.origin == station_code
    )


def list_officers(station_code: str, *, include_inactive: bool = True) -> list[OfficerRow]:
    """The officers of ``station_code``: active ones first, then by name."""
    where = (Officer.station_code == station_code) & (Officer.deleted == False)  # noqa: E712
    if not include_inactive:
        where &= Officer.active == True  # noqa: E712
    query = Officer.select().where(where).order_by(Officer.active.desc(), Officer.name, Officer.id)
    return [_row(officer, station_code) for officer in query]


def add_officer(
    ctx: Context, name: str, phone: str | None = None, role: str | None = None
) -> OfficerRow:
    """Add an officer of this station (origin: this station). Refuses an empty or repeated name."""
    problems: list[FieldError] = []
    name = (name or "").strip()
    role = (role or "").strip() or None
    if not name:
        problems.append(FieldError("name", msg("请填写联络员姓名。")))
    elif len(name) > 50:
        problems.append(FieldError("name", msg("姓名不能超过 {limit} 个字。", limit=50)))
    try:
        phone = normalize_phone(phone, field="phone")
    except FieldError as error:
        problems.append(error)
    if role is not None and len(role) > 32:
        problems.append(FieldError("role", msg("职务不能超过 {limit} 个字。", limit=32)))
    with database_proxy.atomic():
        if name:
            same = Officer.get_or_none(
                (Officer.station_code == ctx.origin)
                & (Officer.name == name)
                & (Officer.active == True)  # noqa: E712
                & (Officer.deleted == False)  # noqa: E712
            )
            if same is not None:
                problems.append(
                    FieldError("name", msg("本站已有在岗的联络员“{name}”。", name=name))
                )
        if problems:
            raise ValidationFailed(problems)
        officer = Officer(name=name, station_code=ctx.origin, phone=phone, role=role, active=True)
        stamp_new(officer, ctx.origin, ctx.clock.utcnow())
        officer.save(force_insert=True)
        record_created(ctx, officer, name)
    return _row(officer, ctx.origin)


def set_officer_active(ctx: Context, officer_id: int, active: bool) -> OfficerRow:
    """Deactivate (or bring back) an officer this station added. Roster officers are refused."""
    with database_proxy.atomic():
        officer = Officer.get_or_none(
            (Officer.id == officer_id) & (Officer.deleted == False)  # noqa: E712
        )
        if officer is None or officer.station_code != ctx.origin:
            raise RecordNotFound(msg("找不到这位联络员，可能已被删除。"))
        if officer.origin != ctx.origin:
            raise StationError(
                msg(
                    "联络员“{name}”来自县消协的名册，只能由县消协在名册中停用。",
                    name=officer.name,
                )
            )
        if bool(officer.active) != active:
            officer.active = active
            save_changes(ctx, officer, {"active": (not active, active)})
    return _row(officer, ctx.origin)


def deactivate_officer(ctx: Context, officer_id: int) -> OfficerRow:
    return set_officer_active(ctx, officer_id, False)


def find_officer(station_code: str, uid: str) -> OfficerRow | None:
    """The officer with ``uid`` of ``station_code``, active or not; None when unknown."""
    officer = Officer.get_or_none((Officer.uid == uid) & (Officer.deleted == False))  # noqa: E712
    if officer is None or officer.station_code != station_code:
        return None
    return _row(officer, station_code)
