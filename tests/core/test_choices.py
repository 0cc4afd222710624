"""Choice lists for forms and filter bars: villages, officers, recent months."""

from __future__ import annotations

import datetime as dt

from station_app.registry.choices import (
    officer_choices,
    officer_name,
    recent_months,
    region_name,
    village_choices,
)
from station_app.registry.context import Context
from station_app.store.models import Officer, Region, database_proxy
from station_app.store.sync_columns import stamp_new


def _regions() -> None:
    Region.insert_many(
        [
            {"code": "511921001", "name": "壁州街道", "level": "town", "parent_code": "511921"},
            {"code": "511921002", "name": "诺江镇", "level": "town", "parent_code": "511921"},
            {
                "code": "511921001001",
                "name": "城南社区",
                "level": "village",
                "parent_code": "511921001",
            },
            {
                "code": "511921001002",
                "name": "新华村",
                "level": "village",
                "parent_code": "511921001",
            },
            {
                "code": "511921002001",
                "name": "新华村",
                "level": "village",
                "parent_code": "511921002",
            },
            {
                "code": "511921002009",
                "name": "旧村",
                "level": "village",
                "parent_code": "511921002",
                "active": False,
            },
        ]
    ).execute()


def _officer(ctx: Context, name: str, active: bool = True, station: str = "TJ001") -> int:
    with database_proxy.atomic():
        officer = Officer(name=name, station_code=station, active=active)
        stamp_new(officer, ctx.origin, ctx.clock.utcnow())
        officer.save(force_insert=True)
    return officer.id


def test_villages_in_code_order_with_town_for_repeated_names(ctx: Context) -> None:
    _regions()
    labels = [(c.value, c.label) for c in village_choices()]
    assert labels == [
        ("511921001001", "城南社区"),
        ("511921001002", "新华村（壁州街道）"),
        ("511921002001", "新华村（诺江镇）"),
    ]
    assert "511921002009" in [c.value for c in village_choices(include=["511921002009"])]
    assert region_name("511921002001") == "新华村"
    assert region_name("999") == "999"
    assert region_name(None) == ""


def test_officers_active_of_station_plus_included(ctx: Context) -> None:
    wang = _officer(ctx, "王芳")
    old = _officer(ctx, "李老", active=False)
    _officer(ctx, "赵外站", station="XX002")
    assert [c.label for c in officer_choices("TJ001")] == ["王芳"]
    assert [c.value for c in officer_choices("TJ001", include=[old])] == [old, wang]  # by name
    assert officer_name(wang) == "王芳"
    assert officer_name(None) == ""


def test_recent_months_cross_the_year() -> None:
    assert recent_months(dt.date(2026, 2, 14), 4) == ["2026-02", "2026-01", "2025-12", "2025-11"]
