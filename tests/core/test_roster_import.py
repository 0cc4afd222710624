"""Roster import end to end: read → preview (diff and row errors) → apply all or nothing → export.

Rosters are built here the way counties make them (openpyxl workbooks, GBK CSV bytes); the real
county region list of shared/data/regions is used in place.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

from station_app import codes
from station_app.installation import Installation
from station_app.registry.context import Context
from station_app.roster.diff import COUNTY_ORIGIN
from station_app.roster.extensions import apply_saved_code_rows, working_day_calendar
from station_app.roster.roster_import import (
    RosterRefused,
    RosterUnusable,
    apply_roster,
    read_roster,
    save_error_report,
)
from station_app.roster.sheet_reader import ReadCancelled
from station_app.store.models import Business, Officer, Region, Station, database_proxy
from station_app.store.roster_models import RosterImport
from station_app.validation import credit_code_check_char

from ..conftest import REGIONS_CSV

# --- building rosters ------------------------------------------------------------------------


def credit_code(n: int, *, digits_only: bool = False) -> str:
    """A valid unified social credit code; ``digits_only`` ones look like numbers to Excel."""
    while True:
        first17 = f"91511921{n:09d}" if digits_only else f"92511921MA{n:07d}"
        check = credit_code_check_char(first17)
        if not digits_only or check.isdigit():
            return first17 + check
        n += 1


def county_villages(limit: int | None = None) -> list[dict[str, str]]:
    with REGIONS_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def region_rows(limit: int | None = None) -> list[list[object]]:
    header: list[object] = ["*乡镇代码", "*乡镇（街道）", "*村代码", "村（社区）"]
    rows = [header]
    for r in county_villages(limit):
        rows.append([r["town_code"][:9], r["town"], r["village_code"], r["village"]])
    return rows


def write_book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        first = False
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


VILLAGE_A = "511921001001"  # 壁州街道 城南社区居委会
VILLAGE_B = "511921001002"


def full_roster(
    path: Path,
    *,
    version: str = "2026.2",
    businesses: Sequence[Sequence[object]] | None = None,
    stations: Sequence[Sequence[object]] | None = None,
    officers: Sequence[Sequence[object]] | None = None,
    extra: dict[str, list[list[object]]] | None = None,
) -> Path:
    sheets: dict[str, list[list[object]]] = {
        "说明": [
            ["消费维权服务站名册"],
            ["名册版本", version],
            ["发布日期", "2026年11月1日"],
            ["县级区划代码", "511921"],
            ["发布单位", "通江县消费者协会"],
        ],
        "行政区划": region_rows(20),
        "服务站": [
            ["*服务站编码", "*服务站名称", "所在村代码", "联系电话"],
            *(
                stations
                if stations is not None
                else [
                    ["TJ001", "通江县壁州街道消费维权服务站", VILLAGE_A, "0827-7221234"],
                    ["TJ002", "通江县南寺社区消费维权服务站", VILLAGE_B, "13881234567"],
                ]
            ),
        ],
        "联络员": [
            ["*姓名", "*所属服务站编码", "手机", "职务"],
            *(
                officers
                if officers is not None
                else [
                    ["王秀英", "TJ001", "13981234567", "站长"],
                    ["李建国", "TJ002", "13700001111", None],
                ]
            ),
        ],
        "经营者": [
            ["*经营者名称", "统一社会信用代码", "经营者类型", "经营场所", "电话", "所在村代码"],
            *(
                businesses
                if businesses is not None
                else [
                    [
                        "通江县惠民农资店",
                        credit_code(1),
                        "个体工商户",
                        "壁州街道1号",
                        "13800000001",
                        VILLAGE_A,
                    ],
                    ["通江县好又多超市", credit_code(2), "企业", "壁州街道2号", None, VILLAGE_B],
                    ["张记豆腐摊", None, "无照经营", "南寺集市", None, VILLAGE_B],
                ]
            ),
        ],
        "代码表": [
            ["*代码表名", "*代码", "*名称", "英文名称", "上级代码", "启用"],
            [
                "经营者类型",
                "village_collective",
                "村集体经济组织",
                "Village collective",
                None,
                "是",
            ],
        ],
        "节假日": [
            ["*日期", "*类型", "节日"],
            ["2031-01-01", "放假", "元旦"],
            ["2031-01-04", "上班", "元旦调休"],
        ],
    }
    sheets.update(extra or {})
    return write_book(path, sheets)


def dump(db: object = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: to prove a refusal changed nothing."""
    connection = database_proxy.connection()
    tables = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    return {
        t: sorted(connection.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
    }


@pytest.fixture(autouse=True)
def fresh_code_lists() -> Iterator[None]:
    codes.reload_code_lists()
    yield
    codes.reload_code_lists()


# --- the real county region list ---------------------------------------------------------------


def test_county_csv_imports_33_towns_and_367_villages(ctx: Context) -> None:
    preview = read_roster(REGIONS_CSV)
    assert not preview.errors
    assert list(preview.diff.parts) == ["region"]
    assert len(preview.diff.parts["region"].new) == 1 + 33 + 367
    apply_roster(preview, ctx=ctx)
    assert Region.select().where(Region.level == "town").count() == 33
    assert Region.select().where(Region.level == "village").count() == 367
    county = Region.get_by_id("511921")
    assert (county.name, county.level) == ("通江县", "county")
    town = Region.get_by_id("511921001")
    assert (town.name, town.parent_code) == ("壁州街道", "511921")
    assert {r.name[-5:] for r in Region.select().where(Region.level == "village")} >= {
        "村民委员会",
        "社区居委会",
    }
    again = read_roster(REGIONS_CSV)
    assert again.diff.no_change


def test_same_village_name_in_two_towns_keyed_by_code(ctx: Context) -> None:
    path = write_book(
        ctx_path(ctx) / "same.xlsx",
        {
            "行政区划": [
                ["乡镇代码", "乡镇", "村代码", "村"],
                ["511921100", "诺江镇", "511921100201", "新华村民委员会"],
                ["511921101", "民胜镇", "511921101201", "新华村民委员会"],
            ]
        },
    )
    apply_roster(read_roster(path), ctx=ctx)
    assert Region.select().where(Region.name == "新华村民委员会").count() == 2


def test_preview_writes_nothing(ctx: Context) -> None:
    before = dump()
    preview = read_roster(full_roster(ctx_path(ctx) / "r.xlsx"))
    assert preview.diff.parts["business"].new
    assert dump() == before


def ctx_path(ctx: Context) -> Path:
    folder = Path(database_proxy.obj.database).parent / "rosters"
    folder.mkdir(exist_ok=True)
    return folder


# --- a full roster --------------------------------------------------------------------------


@pytest.mark.both_engines  # the county applies rosters on its PostgreSQL too
def test_full_roster_applies_and_export_reimports_as_no_change(
    installation: Installation, ctx: Context
) -> None:
    path = full_roster(installation.paths.root / "r.xlsx")
    preview = read_roster(path)
    assert not preview.errors, [str(e) for e in preview.errors]
    assert preview.version == "2026.2" and preview.issued_on == dt.date(2026, 11, 1)
    counts = preview.diff.counts()
    assert counts["station"] == {"new": 1, "changed": 1, "unchanged": 0, "gone": 0}
    assert counts["business"]["new"] == 3 and counts["officer"]["new"] == 2
    result = apply_roster(preview, ctx=ctx)

    own = Station.get(Station.code == "TJ001")
    assert own.name == "通江县壁州街道消费维权服务站" and own.version == 2
    other = Station.get(Station.code == "TJ002")
    assert other.origin == "511921" and other.phone == "13881234567"
    assert Station.get(Station.code == "TJ001").phone == "0827-7221234"
    shop = Business.get(Business.credit_code == credit_code(1))
    assert (shop.entity_type, shop.village_code, shop.origin) == ("individual", VILLAGE_A, "511921")
    assert Business.get(Business.name == "张记豆腐摊").entity_type == "unlicensed"
    assert Officer.get(Officer.name == "王秀英").role == "站长"
    history = RosterImport.get_by_id(result.import_id)
    assert history.version == "2026.2" and len(history.file_sha256) == 64
    assert history.issued_on == dt.date(2026, 11, 1) and history.actor == ctx.actor
    # code-list rows and holidays take effect now and after a restart
    assert codes.code_list("entity_type").code_for("村集体经济组织") == "village_collective"
    codes.reload_code_lists()
    assert codes.code_list("entity_type").code_for("村集体经济组织") is None
    apply_saved_code_rows()
    assert codes.code_list("entity_type").code_for("村集体经济组织") == "village_collective"
    calendar = working_day_calendar()
    assert not calendar.is_working_day(dt.date(2031, 1, 1))
    assert calendar.is_working_day(dt.date(2031, 1, 4))  # a Saturday worked

    from station_app.roster.export import export_roster

    exported = export_roster(installation.paths.root / "export.xlsx")
    again = read_roster(exported)
    assert not again.errors
    assert again.diff.no_change, again.summary_lines()
    assert again.version == "2026.2"
    assert set(again.diff.parts) == {"station", "officer", "region", "business", "code", "holiday"}


def test_numbers_saved_as_numbers_header_on_row_4_under_merged_title(ctx: Context) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "经营者名录"
    sheet["A1"] = "通江县2026年经营者名录"
    sheet.merge_cells("A1:F3")
    sheet.append(
        ["经营者名称*", "统一社会信用代码", "联系电话\n（手机）", "所在村（社区）代码", "负责人"]
    )
    sheet.append(["通江县为民药店", credit_code(7), 13812345678, 511921001001, "赵六"])
    sheet.append(["通江县兴旺五金", None, 13912345678.0, 511921001002, "钱七"])
    path = ctx_path(ctx) / "numbers.xlsx"
    book.save(path)
    write_region_csv(ctx)
    preview = read_roster(path)
    assert not preview.errors, [str(e) for e in preview.errors]
    apply_roster(preview, ctx=ctx)
    shop = Business.get(Business.name == "通江县为民药店")
    assert (shop.phone, shop.village_code) == ("13812345678", "511921001001")
    assert Business.get(Business.name == "通江县兴旺五金").phone == "13912345678"


def test_long_numbers_that_lost_digits_are_refused_with_the_cell(ctx: Context) -> None:
    write_region_csv(ctx)
    code = credit_code(11, digits_only=True)
    path = write_book(
        ctx_path(ctx) / "lost.xlsx",
        {
            "经营者": [
                ["经营者名称", "统一社会信用代码", "联系电话"],
                ["通江县老字号", int(code), "1.38123E+10"],
            ]
        },
    )
    preview = read_roster(path)
    messages = [str(e) for e in preview.errors]
    assert any("第 2 行 B 列" in m and "末尾几位已丢失" in m for m in messages), messages
    assert any("第 2 行 C 列" in m and "科学计数法" in m for m in messages), messages
    before = dump()
    with pytest.raises(RosterRefused):
        apply_roster(preview, ctx=ctx)
    assert dump() == before


def write_region_csv(ctx: Context) -> None:
    apply_roster(read_roster(REGIONS_CSV), ctx=ctx)


def test_gbk_csv_with_crlf_imports(ctx: Context) -> None:
    write_region_csv(ctx)
    text = (
        "经营者名称,统一社会信用代码,经营者类型,经营场所,联系电话,所在村代码\r\n"
        f"通江县诺江镇惠民农资店,{credit_code(21)},个体工商户,诺江镇新街12号,13881234567,{VILLAGE_A}\r\n"
        f'通江县鑫鑫副食店,,无照经营,"壁州街道, 老街",0827-7220000,{VILLAGE_B}\r\n'
    )
    path = ctx_path(ctx) / "经营者.csv"
    path.write_bytes(text.encode("gbk"))
    preview = read_roster(path)
    assert not preview.errors, [str(e) for e in preview.errors]
    assert len(preview.diff.parts["business"].new) == 2
    apply_roster(preview, ctx=ctx)
    shop = Business.get(Business.name == "通江县鑫鑫副食店")
    assert (shop.address, shop.phone, shop.credit_code) == ("壁州街道, 老街", "0827-7220000", None)


def test_folder_of_csv_files_reads_as_one_roster(ctx: Context) -> None:
    folder = ctx_path(ctx) / "csv-set"
    folder.mkdir()
    (folder / "服务站.csv").write_text(
        "服务站编码,服务站名称\nTJ009,通江县新站\n", encoding="utf-8"
    )
    (folder / "联络员.csv").write_text("姓名,服务站编码\n周八,TJ009\n", encoding="utf-8-sig")
    preview = read_roster(folder)
    assert not preview.errors, [str(e) for e in preview.errors]
    assert preview.diff.counts()["officer"]["new"] == 1


# --- versions, history, refusals -------------------------------------------------------------


def test_older_version_refused_unless_forced(ctx: Context) -> None:
    apply_roster(read_roster(full_roster(ctx_path(ctx) / "v2.xlsx", version="2026.10")), ctx=ctx)
    older = read_roster(full_roster(ctx_path(ctx) / "v1.xlsx", version="2026.9", stations=[]))
    before = dump()
    with pytest.raises(RosterRefused) as refused:
        apply_roster(older, ctx=ctx)
    assert "2026.9" in str(refused.value) and "2026.10" in str(refused.value)
    assert dump() == before
    result = apply_roster(older, ctx=ctx, force=True)
    assert result.forced
    versions = [r.version for r in RosterImport.select().order_by(RosterImport.id)]
    assert versions == ["2026.10", "2026.9"]


def test_duplicates_and_broken_references_reported_per_row(ctx: Context) -> None:
    path = full_roster(
        ctx_path(ctx) / "bad.xlsx",
        stations=[
            ["TJ001", "壁州站", VILLAGE_A, None],
            ["TJ001", "又一个壁州站", VILLAGE_A, None],
            ["TJ003", "", None, "12345"],
        ],
        officers=[["王秀英", "TJ001", None, None], ["孙九", "TJ404", None, None]],
        businesses=[
            ["甲商店", credit_code(1), "企业", None, None, VILLAGE_A],
            ["乙商店", credit_code(1), "企业", None, None, VILLAGE_A],
            ["丙商店", None, "小卖部", None, None, "511921999999"],
            ["丁商店", "91110108551385082X", None, None, None, None],
        ],
    )
    preview = read_roster(path)
    found = {(e.sheet, e.row, e.column): e.message for e in preview.errors}
    assert "与第 2 行重复" in found[("服务站", 3, "")]
    assert "服务站名称" in found[("服务站", 4, "B")]
    assert "手机号码" in found[("服务站", 4, "D")] or "电话" in found[("服务站", 4, "D")]
    assert "TJ404" in found[("联络员", 3, "B")]
    assert "与第 2 行重复" in found[("经营者", 3, "")]
    assert "经营者类型" in found[("经营者", 4, "C")]
    assert "511921999999" in found[("经营者", 4, "F")]
    assert "校验位" in found[("经营者", 5, "B")]
    for error in preview.errors:
        assert "\n" not in str(error) and re.search(r"[\u4e00-\u9fff]", str(error))
    before = dump()
    with pytest.raises(RosterRefused) as refused:
        apply_roster(preview, ctx=ctx)
    assert "跳过" in str(refused.value)
    assert dump() == before
    result = apply_roster(preview, ctx=ctx, skip_bad_rows=True)
    assert result.skipped_rows == preview.content.bad_rows > 0
    assert Business.select().where(Business.name == "甲商店").count() == 1
    assert not Business.select().where(Business.name == "乙商店").exists()


@pytest.mark.both_engines  # the county applies rosters on its PostgreSQL too
def test_gone_rows_are_deactivated_never_deleted(installation: Installation, ctx: Context) -> None:
    apply_roster(read_roster(full_roster(installation.paths.root / "a.xlsx")), ctx=ctx)
    local = Business.create(
        name="站里自己登记的商户",
        origin=ctx.origin,
        updated_at=ctx.clock.utcnow(),
        change_seq=0,
    )
    smaller = full_roster(
        installation.paths.root / "b.xlsx",
        version="2026.3",
        businesses=[
            [
                "通江县惠民农资店",
                credit_code(1),
                "个体工商户",
                "壁州街道1号",
                "13800000009",
                VILLAGE_A,
            ]
        ],
    )
    preview = read_roster(smaller)
    business = preview.diff.parts["business"]
    assert {c.label for c in business.gone} == {"通江县好又多超市", "张记豆腐摊"}
    (changed,) = business.changed
    assert [(f.title, f.old, f.new) for f in changed.fields] == [
        ("联系电话", "13800000001", "13800000009")
    ]
    apply_roster(preview, ctx=ctx)
    gone = Business.get(Business.name == "通江县好又多超市")
    assert not gone.active and not gone.deleted and gone.version == 2
    assert Business.get_by_id(local.id).active
    shop = Business.get(Business.credit_code == credit_code(1))
    assert shop.phone == "13800000009" and shop.version == 2
    assert shop.change_seq > 0


def test_not_a_roster_and_header_only_are_refused(ctx: Context) -> None:
    other = write_book(ctx_path(ctx) / "o.xlsx", {"Sheet1": [["甲", "乙"], [1, 2]]})
    with pytest.raises(RosterUnusable, match="没有找到名册内容"):
        read_roster(other)
    from station_app.roster.template import write_template

    with pytest.raises(RosterUnusable, match="只有表头"):
        read_roster(write_template(ctx_path(ctx) / "t.xlsx"))


def test_missing_required_column_cannot_be_skipped(ctx: Context) -> None:
    path = write_book(
        ctx_path(ctx) / "m.xlsx", {"服务站": [["服务站编码", "地址"], ["TJ005", "x"]]}
    )
    preview = read_roster(path)
    assert any("缺少必填列" in str(e) and e.fatal for e in preview.errors)
    with pytest.raises(RosterRefused, match="结构错误"):
        apply_roster(preview, ctx=ctx, skip_bad_rows=True)


def test_version_in_a_title_row_and_inline_label(ctx: Context) -> None:
    path = write_book(
        ctx_path(ctx) / "t.xlsx",
        {
            "服务站": [
                ["通江县服务站名单   名册版本：2027.1"],
                ["服务站编码", "服务站名称"],
                ["TJ007", "通江县七号站"],
            ]
        },
    )
    assert read_roster(path).version == "2027.1"


# --- error report, template, progress and cancel -----------------------------------------------


def test_error_report_workbook_lists_every_error(ctx: Context) -> None:
    path = full_roster(ctx_path(ctx) / "e.xlsx", officers=[["孙九", "TJ404", "123", None]])
    preview = read_roster(path)
    report = save_error_report(preview, ctx_path(ctx) / "错误清单.xlsx")
    sheet = openpyxl.load_workbook(report).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(preview.errors) == 2
    assert {(r[1], r[2], r[3]) for r in rows} == {("联络员", 2, "B"), ("联络员", 2, "C")}


def test_template_marks_required_columns_with_dropdowns_and_frozen_header(tmp_path: Path) -> None:
    from station_app.roster.template import write_template

    book = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx"))
    assert book.sheetnames == ["说明", "服务站", "联络员", "行政区划", "经营者", "代码表", "节假日"]
    business = book["经营者"]
    assert business["A2"].value == "*经营者名称" and business["B2"].value == "统一社会信用代码"
    assert business.freeze_panes == "A3"
    assert "每个经营者一行" in business["A1"].value
    formulas = [v.formula1 for v in business.data_validations.dataValidation]
    assert any("个体工商户" in f for f in formulas)
    assert (
        business["B3"].number_format == "@" or business.column_dimensions["B"].number_format == "@"
    )
    holidays = [v.formula1 for v in book["节假日"].data_validations.dataValidation]
    assert '"放假,上班"' in holidays


def test_progress_reaches_100_and_cancel_stops(ctx: Context) -> None:
    seen: list[tuple[int, int]] = []
    read_roster(REGIONS_CSV, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (100, 100)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ReadCancelled):
        read_roster(REGIONS_CSV, cancel=cancel)


def test_roster_rows_get_the_county_origin_or_county(ctx: Context) -> None:
    path = write_book(
        ctx_path(ctx) / "s.xlsx", {"服务站": [["服务站编码", "服务站名称"], ["TJ008", "八号站"]]}
    )
    apply_roster(read_roster(path), ctx=ctx)
    assert Station.get(Station.code == "TJ008").origin == "511921"  # the installation's county
    assert COUNTY_ORIGIN == "county"


def test_roster_holidays_make_deadlines_in_a_new_year_exact(installation, ctx, tmp_path) -> None:
    """A deadline counted through an unknown year is estimated (its statutory holidays taken as
    days off) until a roster declares its 节假日 sheet complete for that year; then it follows the
    sheet (2031: 1 January off, Saturday 4 January worked)."""
    import datetime as dt

    from station_app.roster.extensions import complete_holiday_years
    from station_app.workflow.deadlines import official_calendar

    before = official_calendar().add_working_days(dt.date(2030, 12, 31), 3)
    assert before.estimated and before.date == dt.date(2031, 1, 6)  # 1 Jan statutory, 2, 3, 6
    # the rows alone correct the dates but do not make the year exact
    apply_roster(read_roster(full_roster(tmp_path / "roster.xlsx")), ctx=ctx)
    rows_only = official_calendar().add_working_days(dt.date(2030, 12, 31), 3)
    assert rows_only.date == dt.date(2031, 1, 4) and rows_only.estimated
    assert complete_holiday_years() == []

    declared = full_roster(tmp_path / "declared.xlsx", version="2026.3")
    book = openpyxl.load_workbook(declared)
    book["说明"].append(["节假日完整年份", "2031年"])
    book.save(declared)
    apply_roster(read_roster(declared), ctx=ctx)
    assert complete_holiday_years() == [2031]
    after = official_calendar().add_working_days(dt.date(2030, 12, 31), 3)
    assert not after.estimated
    assert after.date == dt.date(2031, 1, 4)  # 1 Jan off; 2, 3 and the make-up Saturday 4
    from station_app.roster.export import roster_cover

    assert roster_cover()["节假日完整年份"] == "2031"


def test_a_year_declared_complete_needs_its_holiday_rows(ctx: Context, tmp_path: Path) -> None:
    path = full_roster(tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    book["说明"].append(["节假日完整年份", "2031、2032"])
    book.save(path)
    content = read_roster(path)
    assert [e.message for e in content.errors if "2032" in e.message]
    assert not [e.message for e in content.errors if "写了 2031 年" in e.message]
    book["说明"].cell(book["说明"].max_row, 2).value = "明年"
    book.save(path)
    assert [e.message for e in read_roster(path).errors if "无法识别" in e.message]


def test_code_rows_of_a_roster_apply_in_every_new_process(installation, ctx, tmp_path) -> None:
    import subprocess
    import sys

    apply_roster(read_roster(full_roster(tmp_path / "roster.xlsx")), ctx=ctx)
    check = (
        "import sys; from station_app import codes; "
        "from station_app.installation import open_installation; "
        "from tests.credentials import unlock; "
        "open_installation(sys.argv[1], unlock(sys.argv[1])); "
        "print(codes.code_list('entity_type').contains('village_collective'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check, str(installation.paths.root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "True", result.stderr
