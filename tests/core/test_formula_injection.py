"""Hostile text (issue 18): whatever was typed into a complaint, a visit, an event or a roster is
written as text in every spreadsheet the station makes, never as a live formula.

Each written file is checked three ways: the sheet XML holds no ``<f>`` element (unzipped),
openpyxl sees no formula cell, and openpyxl and python-calamine read the text back exactly as it
is stored."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, register_event
from station_app.registry.officers import add_officer
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, register_visit
from station_app.reports import ledger_rows
from station_app.reports.ledger import write_ledger
from station_app.roster.export import export_roster
from station_app.roster.parse import RowError
from station_app.roster.roster_import import apply_roster, read_roster, save_error_report
from station_app.roster.template import write_roster_workbook, write_template
from station_app.spreadsheet_cells import csv_field, put, text_row
from station_app.store.event_models import EducationEvent
from station_app.store.models import (
    Business,
    Complainant,
    Complaint,
    Officer,
    Person,
    Region,
    Station,
    Visit,
    database_proxy,
)
from station_app.store.roster_models import RosterHoliday

from ..conftest import complaint_draft

HOSTILE = (
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
)
MONTH = "2026-11"
VILLAGE = "511921100201"


# --- reading a written file back ------------------------------------------------------------


def assert_no_formula(path: Path) -> None:
    """No sheet of the file holds a formula: not in its XML, not as openpyxl reads it."""
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            xml = archive.read(name)
            assert re.search(rb"<(\w+:)?f[ >/]", xml) is None, name
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)


def openpyxl_rows(path: Path, sheet: str) -> list[list[Any]]:
    book = openpyxl.load_workbook(path)
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def calamine_rows(path: Path, sheet: str) -> list[list[Any]]:
    with CalamineWorkbook.from_path(str(path)) as book:
        return [list(row) for row in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)]


def row_of(rows: list[list[Any]], column: int, value: str) -> list[Any]:
    return next(row for row in rows if len(row) > column and row[column] == value)


def texts(path: Path) -> set[str]:
    """Every text cell of every sheet, as openpyxl and as calamine read it (they must agree)."""
    book = openpyxl.load_workbook(path)
    by_openpyxl = {
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and cell
    }
    with CalamineWorkbook.from_path(str(path)) as raw:
        by_calamine = {
            cell
            for name in raw.sheet_names
            for row in raw.get_sheet_by_name(name).to_python()
            for cell in row
            if isinstance(cell, str) and cell
        }
    assert by_openpyxl == by_calamine
    return by_openpyxl


# --- the cell module itself -----------------------------------------------------------------


@pytest.mark.parametrize("text", [*HOSTILE, "#N/A", "#DIV/0!"])
def test_put_keeps_text_text_in_normal_and_write_only_sheets(tmp_path: Path, text: str) -> None:
    for write_only in (False, True):
        book = openpyxl.Workbook(write_only=write_only)
        sheet = book.create_sheet("s")
        sheet.append(text_row(sheet, [text, 12, None, "普通文字"]))
        path = tmp_path / f"{write_only}.xlsx"
        book.save(path)
        assert_no_formula(path)
        assert openpyxl_rows(path, "s")[0] == [text, 12, None, "普通文字"]
        assert calamine_rows(path, "s")[0] == [text, 12, "", "普通文字"]


def test_put_drops_characters_xml_cannot_hold_and_resets_the_type() -> None:
    cell = openpyxl.Workbook().active.cell(1, 1)  # type: ignore[union-attr]
    put(cell, "=A\x01B")
    assert (cell.value, cell.data_type) == ("=AB", "s")
    put(cell, 3.5)
    assert (cell.value, cell.data_type) == (3.5, "n")


def test_csv_fields_starting_like_a_formula_get_a_quote() -> None:
    assert [csv_field(t) for t in HOSTILE] == ["'" + t for t in HOSTILE]
    assert csv_field("李桂兰") == "李桂兰" and csv_field("a=1") == "a=1"
    assert csv_field(-2) == -2 and csv_field(None) is None


# --- the monthly ledger (station and county), masked and unmasked ---------------------------


@pytest.fixture
def hostile_month(ctx: Context) -> list[str]:
    """One complaint, visit and event per hostile text, then every text column of their rows (and
    of the officer, village and station they name) overwritten with it, as a bundle from another
    station could bring; returns the complaints' numbers in HOSTILE's order."""
    numbers = []
    for index, text in enumerate(HOSTILE):
        day = dt.datetime(2026, 11, 2 + index, 9, 0)
        complaint = register_complaint(ctx, complaint_draft(received_at=day))
        numbers.append(complaint.number)
        visit = register_visit(
            ctx,
            VisitDraft(
                visited_at=day,
                channel="visit",
                question="问题",
                person=PersonDraft(name="王小明", phone="13912345678"),
            ),
        )
        event = register_event(
            ctx,
            EventDraft(held_on=day.date(), event_type="market_advice", topic="主题", attendees=3),
        )
        with database_proxy.atomic():
            Complaint.update(
                channel=text, respondent_name=text, respondent_credit_code=text,
                respondent_address=text, subject=text, category_code=text, subcategory=text,
                facts=text, hotline_number=text, remarks=text, village_code=None,
            ).where(Complaint.id == complaint.id).execute()  # fmt: skip
            person_ids = Complainant.select(Complainant.person).where(
                Complainant.complaint == complaint.id
            )
            Person.update(name=text, phone=text).where(Person.id.in_(person_ids)).execute()
            Visit.update(channel=text, topic_category=text, question=text, answer=text).where(
                Visit.id == visit.id
            ).execute()
            Person.update(name=text, phone=text).where(Person.id == visit.person_id).execute()
            EducationEvent.update(event_type=text, topic=text, notes=text).where(
                EducationEvent.id == event.id
            ).execute()
    officer = add_officer(ctx, "王联络员")
    with database_proxy.atomic():
        Officer.update(name=HOSTILE[0]).execute()
        Complaint.update(officer=officer.id).execute()
        Visit.update(officer=officer.id).execute()
        EducationEvent.update(officer=officer.id).execute()
        Station.update(name=HOSTILE[4]).execute()
    return numbers


@pytest.mark.parametrize("unmasked", [False, True])
@pytest.mark.parametrize("origin", ["TJ001", None])  # the station's ledger, the county's (全县)
def test_ledger_writes_hostile_text_as_text(
    hostile_month: list[str], ctx: Context, tmp_path: Path, unmasked: bool, origin: str | None
) -> None:
    out = tmp_path / "台账.xlsx"
    write_ledger(MONTH, out, origin=origin, unmasked=unmasked, ctx=ctx)
    assert_no_formula(out)
    every_text = texts(out)
    for read in (openpyxl_rows, calamine_rows):
        complaints = read(out, "投诉登记明细")  # every column; the printed sheet has 14 of them
        visits = read(out, "来访咨询登记")
        events = read(out, "宣传活动")
        for number, text in zip(hostile_month, HOSTILE, strict=True):
            row = row_of(complaints, 1, number)
            typed = {
                "渠道": 3, "被投诉方": 7, "统一社会信用代码": 8, "被投诉方地址": 9,
                "商品/服务": 10, "事由摘要": 15, "12315编号": 28, "备注": 29,
            }  # fmt: skip
            for header, column in typed.items():
                assert ledger_rows.COMPLAINT_HEADERS[column] == header
                assert row[column] == text, (header, row[column])
            assert row[11] == f"{text}/{text}"  # 大类/小类: unknown codes shown as they are
            assert row[24] == HOSTILE[0]  # 经办人
            if unmasked:
                assert (row[4], row[5]) == (text, text)
            visit = row_of(visits, 8, text)  # 咨询问题
            assert visit[2] == visit[7] == visit[9] == text and visit[10] == HOSTILE[0]
            assert (visit[3], visit[4]) == ((text, text) if unmasked else (visit[3], visit[4]))
            event = row_of(events, 4, text)  # 活动主题
            assert event[2] == event[9] == text and event[8] == HOSTILE[0]
    assert any(t.startswith(HOSTILE[4]) for t in every_text)  # the station's name in the title


# --- the roster: export, template, error list -----------------------------------------------


def hostile_roster_rows(text: str, n: int) -> dict[str, list[list[str]]]:
    """A roster part by part with ``text`` in every free-text column (codes stay valid)."""
    town = VILLAGE[:9]
    return {
        "station": [
            ["TJ001", text, "511921", town, VILLAGE, text, "0827-7221234", "受委托站", text]
        ],
        "officer": [[f"{text}{n}", "TJ001", "13981234567", text]],
        "region": [["511921", text, town, text, VILLAGE, text]],
        "business": [[f"{text}{n}", "", "个体工商户", text, "13800000000", VILLAGE, text]],
        "code": [["经营者类型", f"hostile{n}", f"{text}{n}", text, "", "是"]],
        "holiday": [[f"2031-01-0{n + 1}", "放假", text]],
    }


@pytest.fixture
def hostile_roster(ctx: Context, tmp_path: Path) -> Path:
    """A roster in force whose every text is hostile: imported from a county file, then its rows
    overwritten in the database with the exact texts (the importer trims blanks)."""
    rows: dict[str, list[list[str]]] = {}
    for n, text in enumerate(HOSTILE):
        for part, part_rows in hostile_roster_rows(text.strip() or "x", n).items():
            if part in ("station", "region") and n:
                continue  # one station TJ001, one village
            rows.setdefault(part, []).extend(part_rows)
    source = write_roster_workbook(
        tmp_path / "county.xlsx",
        {"名册版本": "2026.9", "发布日期": "2026-11-01", "县级区划代码": "511921"},
        rows,
    )
    preview = read_roster(source)
    assert not preview.errors, [str(e) for e in preview.errors]
    apply_roster(preview, ctx=ctx)
    with database_proxy.atomic():
        Station.update(name=HOSTILE[5], address=HOSTILE[6]).where(Station.code == "TJ001").execute()
        for n, text in enumerate(HOSTILE):
            imported = f"{text.strip() or 'x'}{n}"
            Business.update(name=text, address=text, legal_person=text, credit_code=text).where(
                Business.name == imported
            ).execute()
            Officer.update(name=text, role=text).where(Officer.name == imported).execute()
            RosterHoliday.update(name=text).where(
                RosterHoliday.day == dt.date(2031, 1, n + 1)
            ).execute()
        Region.update(name=HOSTILE[5]).where(Region.code == VILLAGE).execute()
        Region.update(name=HOSTILE[6]).where(Region.code == VILLAGE[:9]).execute()
    return source


def hostile_texts_in(path: Path) -> Iterator[str]:
    found = texts(path)
    return (t for t in HOSTILE if t in found)


def test_roster_export_writes_hostile_text_as_text_and_reimports(
    hostile_roster: Path, ctx: Context, tmp_path: Path
) -> None:
    out = export_roster(tmp_path / "export.xlsx")
    assert_no_formula(out)
    assert set(hostile_texts_in(out)) == set(HOSTILE)
    for read in (openpyxl_rows, calamine_rows):
        station = row_of(read(out, "服务站"), 0, "TJ001")
        assert (station[1], station[5]) == (HOSTILE[5], HOSTILE[6])
        region = row_of(read(out, "行政区划"), 4, VILLAGE)
        assert (region[3], region[5]) == (HOSTILE[6], HOSTILE[5])
        businesses = read(out, "经营者")
        holidays = read(out, "节假日")
        for n, text in enumerate(HOSTILE):
            business = row_of(businesses, 0, text)
            assert business[1] == business[3] == business[6] == text
            officer = row_of(read(out, "联络员"), 0, text)
            assert officer[1:] == ["TJ001", "13981234567", text]
            assert row_of(holidays, 0, f"2031-01-0{n + 1}")[2] == text
            code_row = row_of(read(out, "代码表"), 1, f"hostile{n}")  # as imported (trimmed)
            assert code_row[2:4] == [f"{text.strip()}{n}", text.strip()]
    # a name that would break the dropdown's quoted list means no dropdown, not a formula
    business_sheet = openpyxl.load_workbook(out)["经营者"]
    for validation in business_sheet.data_validations.dataValidation:
        assert validation.formula1.count('"') == 2
    # our own importer reads the export back as text (it trims blanks, as on any import)
    again = read_roster(out)
    # (refused there: the hostile credit codes, the two officers both trimmed to "=1")
    assert {e.sheet for e in again.errors} == {"经营者", "联络员"}
    officers = {str(record.values["name"]) for record in again.content.records["officer"]}
    assert {t.strip() for t in HOSTILE[:5]} <= officers
    holiday_names = [record.values["name"] for record in again.content.records["holiday"]]
    assert holiday_names == [t.strip() for t in HOSTILE]
    (station_record,) = again.content.records["station"]
    assert (station_record.values["name"], station_record.values["address"]) == ("=1", "=1")


def test_template_is_text_only(tmp_path: Path) -> None:
    out = write_template(tmp_path / "模板.xlsx")
    assert_no_formula(out)


def test_error_list_writes_hostile_text_as_text(ctx: Context, tmp_path: Path) -> None:
    rows: dict[str, list[list[str]]] = {
        "officer": [[text, "TJ404", "123", text] for text in HOSTILE],
        "business": [[text, "bad", text, text, text, text, text] for text in HOSTILE],
    }
    source = write_roster_workbook(tmp_path / "r.xlsx", {"名册版本": "=1+1"}, rows)
    preview = read_roster(source)
    assert preview.errors
    # reasons, sheet names and notes quote the county's file; in another language (or a later
    # wording) a reason may begin with the quoted text itself
    preview.errors.extend(RowError(text, n, text, text) for n, text in enumerate(HOSTILE))
    preview.notes.extend(HOSTILE)
    out = save_error_report(preview, tmp_path / "错误清单.xlsx")
    assert_no_formula(out)
    for read in (openpyxl_rows, calamine_rows):
        listed = read(out, "错误清单")
        assert listed[0][0].startswith("名册“r.xlsx”")
        assert [row[1] for row in listed[2:]] == [e.sheet for e in preview.errors]
        assert [row[3] or "" for row in listed[2:]] == [e.column for e in preview.errors]
        assert [row[4] for row in listed[2:]] == [e.message for e in preview.errors]
        assert [row[0] for row in read(out, "说明")] == preview.notes
