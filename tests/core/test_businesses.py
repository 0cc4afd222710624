"""The business register behind the complaint form's respondent field (issue #14, item 5): found
by a fragment of name, credit code or phone; a business typed in is added as the station's own
row, which a later roster listing the same business updates in place."""

from __future__ import annotations

import pytest

from station_app.errors import StationError, ValidationFailed
from station_app.registry.businesses import add_business, find_businesses, registered_business
from station_app.registry.context import Context
from station_app.roster.roster_import import apply_roster, read_roster
from station_app.store.models import AuditEntry, Business, database_proxy
from station_app.store.sync_columns import stamp_new

from .test_roster_import import credit_code, ctx_path, write_book, write_region_csv

COUNTY = "county"


def business(ctx: Context, name: str, code: str | None = None, phone: str | None = None,
             *, active: bool = True, deleted: bool = False, origin: str = COUNTY) -> Business:  # fmt: skip
    row = Business(name=name, credit_code=code, phone=phone, address=f"{name}门口", active=active)
    stamp_new(row, origin, ctx.clock.utcnow())
    row.deleted = deleted
    row.save(force_insert=True)
    return row


@pytest.fixture
def register(ctx: Context) -> dict[str, Business]:
    with database_proxy.atomic():
        return {
            "农资": business(ctx, "通江县惠民农资店", credit_code(1), "13881234567"),
            "超市": business(ctx, "诺江镇惠民超市", credit_code(2), "0827-7220001"),
            "药店": business(ctx, "通江县为民药店", None, "13912345678"),
            "停业": business(ctx, "通江县惠民五金", credit_code(3), active=False),
            "删除": business(ctx, "通江县惠民家电", credit_code(4), deleted=True),
            "百分": business(ctx, "百分百_快修", None, "13700000000"),
        }


def names(found: list[object]) -> list[str]:
    return [b.name for b in found]  # type: ignore[attr-defined]


def test_names_starting_with_the_text_come_first_then_names_containing_it(
    register: dict[str, Business],
) -> None:
    assert names(find_businesses("通江县")) == ["通江县为民药店", "通江县惠民农资店"]
    assert names(find_businesses("惠民")) == ["诺江镇惠民超市", "通江县惠民农资店"]
    assert names(find_businesses("诺江镇惠")) == ["诺江镇惠民超市"]
    assert find_businesses("  ") == [] and find_businesses("没有这家") == []


def test_credit_code_and_phone_number_by_their_start(
    register: dict[str, Business],
) -> None:
    code = register["超市"].credit_code
    assert "诺江镇惠民超市" in names(find_businesses(code[:10].lower()))
    assert (
        names(find_businesses(code)) == names(find_businesses(code.lower())) == ["诺江镇惠民超市"]
    )
    assert names(find_businesses("0827722")) == ["诺江镇惠民超市"]  # stored 0827-7220001
    assert names(find_businesses("0827-722")) == ["诺江镇惠民超市"]
    assert names(find_businesses("138812")) == ["通江县惠民农资店"]
    assert names(find_businesses("7220001")) == []  # the middle of a number is no start


def test_inactive_and_deleted_businesses_are_not_offered_and_wildcards_are_text(
    register: dict[str, Business],
) -> None:
    assert "通江县惠民五金" not in names(find_businesses("惠民"))
    assert "通江县惠民家电" not in names(find_businesses("惠民"))
    assert names(find_businesses("%")) == []
    assert names(find_businesses("_")) == ["百分百_快修"]


def test_the_limit_holds_and_each_business_is_offered_once(ctx: Context) -> None:
    with database_proxy.atomic():
        for n in range(30):
            business(ctx, f"诺江镇第{n:02d}农家乐", credit_code(100 + n), f"1388000{n:04d}")
    found = find_businesses("诺江镇", limit=12)
    assert len(found) == 12 and len({b.id for b in found}) == 12
    assert names(found) == sorted(names(found))  # by name, the index's order
    assert len(find_businesses("农家乐", limit=50)) == 30


def test_registered_business_by_credit_code_or_by_name(
    ctx: Context, register: dict[str, Business]
) -> None:
    found = registered_business("别的名字", register["农资"].credit_code.lower())
    assert found is not None and found.id == register["农资"].id and not found.local
    assert registered_business("通江县为民药店") is not None
    assert registered_business("通江县为民药店", credit_code(9)) is None  # that code is unknown
    assert registered_business("通江县惠民五金") is None  # no longer active


def test_a_business_typed_in_is_added_as_the_stations_own_row(
    ctx: Context, register: dict[str, Business]
) -> None:
    added = add_business(ctx, " 诺江镇新开的面馆 ", None, "138 8123 4560", "诺江镇老街3号")
    row = Business.get_by_id(added.id)
    assert (row.name, row.phone, row.address, row.origin) == (
        "诺江镇新开的面馆", "13881234560", "诺江镇老街3号", ctx.origin,
    )  # fmt: skip
    assert added.local and row.version == 1 and row.change_seq > 0  # goes out in the next bundle
    assert AuditEntry.select().where(AuditEntry.record_uid == row.uid).count() == 1
    assert names(find_businesses("面馆")) == ["诺江镇新开的面馆"]
    assert find_businesses("面馆", ctx.origin)[0].local


def test_adding_refuses_bad_values_and_a_business_already_there(
    ctx: Context, register: dict[str, Business]
) -> None:
    before = Business.select().count()
    with pytest.raises(ValidationFailed) as refused:
        add_business(ctx, "", "123", "12")
    fields = {p.field for p in refused.value.problems}
    assert fields == {"respondent_name", "respondent_credit_code", "respondent_phone"}
    with pytest.raises(StationError, match="已有“通江县惠民农资店”"):
        add_business(ctx, "惠民农资", register["农资"].credit_code)
    with pytest.raises(StationError, match="已有“通江县为民药店”"):
        add_business(ctx, "通江县为民药店")
    assert Business.select().count() == before


def test_a_roster_listing_the_same_business_updates_the_stations_row(ctx: Context) -> None:
    code = credit_code(31)
    added = add_business(ctx, "诺江镇新开的面馆", code, "13881234560")
    write_region_csv(ctx)
    path = write_book(
        ctx_path(ctx) / "roster.xlsx",
        {
            "经营者": [
                ["*经营者名称", "统一社会信用代码", "电话"],
                ["通江县诺江镇面馆（个体）", code, "13881234561"],
            ]
        },
    )
    preview = read_roster(path)
    assert not preview.errors, [str(e) for e in preview.errors]
    apply_roster(preview, ctx=ctx)
    rows = list(Business.select().where(Business.credit_code == code))
    assert [(r.id, r.name, r.phone, r.origin) for r in rows] == [
        (added.id, "通江县诺江镇面馆（个体）", "13881234561", ctx.origin)
    ]
