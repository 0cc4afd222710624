"""Officers of the station: listed from the roster and added locally; local ones deactivated."""

from __future__ import annotations

import pytest

from station_app.errors import StationError, ValidationFailed
from station_app.registry.context import Context
from station_app.registry.officers import (
    add_officer,
    deactivate_officer,
    find_officer,
    list_officers,
    set_officer_active,
)
from station_app.store.models import AuditEntry, Officer, database_proxy
from station_app.store.sync_columns import stamp_new


def roster_officer(ctx: Context, name: str, station_code: str = "TJ001") -> Officer:
    with database_proxy.atomic():
        officer = Officer(name=name, station_code=station_code, role="联络员")
        stamp_new(officer, "county", ctx.clock.utcnow())
        officer.save(force_insert=True)
    return officer


def test_add_and_list_officers(ctx: Context) -> None:
    roster_officer(ctx, "赵名册")
    roster_officer(ctx, "别站的", station_code="TJ002")
    added = add_officer(ctx, " 钱本站 ", phone="138 8123 4567", role="站长")
    assert (added.name, added.phone, added.role, added.active, added.local) == (
        "钱本站",
        "13881234567",
        "站长",
        True,
        True,
    )
    row = Officer.get_by_id(added.id)
    assert (row.origin, row.station_code, row.version) == ("TJ001", "TJ001", 1)
    assert [(o.name, o.local) for o in list_officers("TJ001")] == [
        ("赵名册", False),
        ("钱本站", True),
    ]
    assert AuditEntry.select().where(AuditEntry.record_uid == added.uid).count() == 1
    assert find_officer("TJ001", added.uid) == added
    assert find_officer("TJ002", added.uid) is None


def test_add_refuses_bad_input_field_by_field(ctx: Context) -> None:
    add_officer(ctx, "钱本站")
    with pytest.raises(ValidationFailed) as refused:
        add_officer(ctx, "钱本站", phone="12")
    assert set(refused.value.by_field()) == {"name", "phone"}
    with pytest.raises(ValidationFailed) as refused:
        add_officer(ctx, "  ")
    assert set(refused.value.by_field()) == {"name"}
    assert Officer.select().count() == 1


def test_deactivate_a_local_officer_but_not_a_roster_one(ctx: Context) -> None:
    from_roster = roster_officer(ctx, "赵名册")
    local = add_officer(ctx, "钱本站")
    stopped = deactivate_officer(ctx, local.id)
    assert not stopped.active
    row = Officer.get_by_id(local.id)
    assert row.version == 2 and not row.deleted  # kept: old records still name the officer
    assert [o.name for o in list_officers("TJ001", include_inactive=False)] == ["赵名册"]
    assert [o.name for o in list_officers("TJ001")] == ["赵名册", "钱本站"]  # inactive last
    assert deactivate_officer(ctx, local.id).active is False  # twice: no second edit
    assert Officer.get_by_id(local.id).version == 2
    assert set_officer_active(ctx, local.id, True).active
    with pytest.raises(StationError, match="县消协"):
        deactivate_officer(ctx, from_roster.id)
    assert Officer.get_by_id(from_roster.id).active
