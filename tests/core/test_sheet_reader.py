"""The spreadsheet reader the roster import is built on, against real odd files and built ones.

The files under shared/data/spreadsheets are used in place (see its README); the WPS / Tencent Docs
classes named at the end of that README are built here with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from station_app.errors import StationError
from station_app.roster.cell_text import (
    column_letter,
    find_header_row,
    normalise_header,
    parse_date_text,
    restore_number_text,
)
from station_app.roster.roster_file import read_workbook
from station_app.roster.sheet_reader import (
    ReadCancelled,
    Sheet,
    Workbook,
    WorkbookUnreadable,
)

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
SHEETS = DATA / "spreadsheets"


def read(name: str) -> Workbook:
    return read_workbook(SHEETS / name)


def header(sheet: Sheet, expected: list[str]) -> list[str]:
    index = find_header_row(sheet.rows, expected)
    assert index is not None, f"no header in {sheet.name}"
    return sheet.rows[index]


def assert_refusal(error: pytest.ExceptionInfo[WorkbookUnreadable], path: Path, words: str) -> None:
    message = str(error.value)
    assert isinstance(error.value, StationError)
    assert words in message
    assert path.name in message
    assert "\n" not in message and re.search(r"[\u4e00-\u9fff]", message)


# --- the shared files, one test per row of the README table ------------------------------------


def test_issue_530_header_below_title_block_numbers_as_text() -> None:
    sheet = read("calamine__issue_530.xlsx").sheets[0]
    assert sheet.name == "出勤分类组织汇总表"
    index = find_header_row(sheet.rows, ["领域", "平台", "小微", "节点组织", "总人数"])
    assert index is not None and sheet.row_number(index) == 4
    assert sheet.rows[index][2:8] == ["领域", "平台", "小微", "节点组织", "人事范围", "总人数"]
    assert sheet.rows[index + 1][2:8] == [
        "集团IT平台",
        "集团IT平台",
        "技术中心",
        "基础能力",
        "",
        "9",
    ]
    # Without expected names, the two-cell title rows are not taken for the header either.
    assert find_header_row(sheet.rows) == index


def test_header_row_xlsx_header_on_row_9() -> None:
    sheet = read("calamine__header-row.xlsx").sheets[0]
    index = find_header_row(sheet.rows, ["Column A", "Column B", "Column C"])
    assert index is not None and sheet.row_number(index) == 9
    assert sheet.rows[index] == ["Columns", "Column A", "Column B", "Column C"]
    assert sheet.rows[index + 1] == ["put data here", "1", "2", "3"]
    assert find_header_row(sheet.rows) == index


def test_merged_range_xlsx_vertical_merges_filled_down() -> None:
    book = read("calamine__merged_range.xlsx")
    first, second = book.sheets
    # The header sits in rows 1-2 (the README's "row 9" is header-row.xlsx): A1:A2, B1:B2,
    # C1:D2, E1:E2 ... H1:H2 are merged, so row 2 is filled from row 1 and is the header's last
    # row; the data follows on row 3.
    assert first.rows[1] == ["A1", "B1", "C1", "", "E1", "F1", "G1", "H1"] == first.rows[0]
    assert find_header_row(first.rows, ["A1", "B1", "C1"]) == 1
    assert find_header_row(first.rows) == 1
    assert first.rows[2] == ["A3", "B3", "C3", "", "E3", "F3", "G3", "H3"]
    assert [row[0] for row in second.rows] == ["A1", "A1", "A1", "A1"]  # A1:A4
    assert second.rows[2][2] == second.rows[3][2] == "C3"  # C3:D4: filled down its first column
    assert second.rows[2][3] == second.rows[3][3] == ""
    assert [row[5] for row in second.rows] == ["F1"] * 4  # F1:H4


def test_minimal_package_header_on_row_3_ids_and_dates_as_text() -> None:
    sheet = read("calamine__minimal_package.xlsx").sheets[0]
    index = find_header_row(sheet.rows, ["BKG_NUM", "BKG_DT", "LAST_NM", "FRST_NM"])
    assert index is not None and sheet.row_number(index) == 3
    assert sheet.rows[index][:3] == ["BKG_NUM", "BKG_DT", "BKG_TM"]
    assert sheet.rows[index + 1][:4] == ["4894831", "01/30/17", "00:05", "4210"]
    assert sheet.rows[0][0] == "ARREST BOOKINGS for 01/30/17"  # horizontal title merge untouched
    assert sheet.rows[0][1] == ""


def test_issue_174_false_dimension_is_fast() -> None:
    started = time.perf_counter()  # the reader itself, without the contained child's start-up
    sheet = read_workbook(SHEETS / "calamine__issue_174.xlsx", contained=False).sheets[0]
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5
    assert len(sheet.rows) == 2 and len(sheet.rows[0]) == 11
    assert sheet.rows[0][:3] == ["Your Ref #", "Contact Name", "Contact Number"]
    assert sheet.rows[1][:2] == ["123", "Test Contact Name"]
    assert sheet.rows[1][7] == "1.201" and sheet.rows[1][10] == "My Company?"


def test_strict_iso_paths_sheets_are_read_not_zero() -> None:
    book = read("calamine__strict_iso_paths.xlsx")
    assert [s.name for s in book.sheets] == ["ml_out"]
    assert not book.is_empty
    sheet = book.sheets[0]
    assert len(sheet.rows) == 76
    assert sheet.rows[0][:3] == ["Item", "Thickness", "Number Off Bends"]
    assert sheet.rows[2][0] == "1625593500"


def test_date_1904_no_four_year_shift() -> None:
    book = read("calamine__date_1904.xlsx")
    assert book.date1904
    rows = book.sheets[0].rows
    assert rows[0] == ["2021-01-01", "15"]
    assert rows[1] == ["2021-01-02", "16"]
    assert parse_date_text("42735", date1904=True) == dt.date(2021, 1, 1)
    assert parse_date_text("42735") == dt.date(2016, 12, 31)


def test_any_sheets_hidden_very_hidden_and_chart_skipped_with_notes() -> None:
    book = read("calamine__any_sheets.xlsx")
    assert [s.name for s in book.sheets] == ["Visible"]
    assert book.sheets[0].rows[:3] == [["1", "2"], ["3", "4"], ["5", "6"]]
    assert len(book.notes) == 3
    assert "Hidden" in book.notes[0] and "隐藏" in book.notes[0]
    assert "VeryHidden" in book.notes[1]
    assert "Chart" in book.notes[2] and "图表" in book.notes[2]
    assert book.sheet("visible") is book.sheets[0]
    assert book.sheet("Hidden") is None


def test_errors_xlsx_cells_reported_with_sheet_row_column() -> None:
    book = read("calamine__errors.xlsx")
    sheet = book.sheet("Feuil1")
    assert sheet is not None
    found = [(p.sheet, p.row, p.column) for p in sheet.problems]
    assert found == [("Feuil1", row, "A") for row in range(1, 8)]
    codes = ["#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A"]
    for problem, code in zip(sheet.problems, codes, strict=True):
        assert code in problem.message and "Feuil1" in problem.message
        assert f"第 {problem.row} 行" in problem.message and "\n" not in problem.message
    assert not book.is_empty  # nothing but errors is something to report, not "no data"


def test_whitespace_trimmed_inline_strings_and_odd_namespaces() -> None:
    trim = read("calamine__whitespace_trim.xlsx")
    assert [s.name for s in trim.sheets] == ["inlineStr", "SharedStrings"]
    for sheet in trim.sheets:
        assert sheet.rows[0][1] in ("value with tabs", "preserved value")
        assert sheet.rows[0][2] == ""  # " \t\n"
        assert sheet.rows[1] == ["line1\nline2", "line1\nline2", "", ""]
        assert sheet.rows[2][0] == "日期 时间"
    assert read("calamine__inlineStr_cdata.xlsx").sheets[0].rows == [
        ["Hello CDATA", "World"],
        ["12345", "NormalText"],
    ]
    assert read("calamine__nonstandard-xml-ns-prefix.xlsx").sheets[0].rows == [
        ["a", "b"],
        ["1", "3"],
        ["2", "4"],
    ]


def test_legacy_xls_files_read() -> None:
    chinese = read("calamine__issue219.xls")
    assert [s.name for s in chinese.sheets] == ["工作表1"]
    assert chinese.sheets[0].rows == [["a"]]

    people = read("calamine__issue444.xls").sheets[0]
    assert people.rows[0][1:] == [
        "First Name",
        "Last Name",
        "Gender",
        "Country",
        "Age",
        "Date",
        "Id",
    ]
    assert people.rows[1][6] == "15/10/2017"  # text date stays text
    assert [row[0] for row in people.rows[1:10]] == ["1"] * 7 + ["8", "9"]  # A2:A8 merge filled

    sst = read("calamine__gh548_incorrect_sst_unique_count.xls")
    assert "System Level Data" in [s.name for s in sst.sheets]
    assert any("System Mapping" in note for note in sst.notes)
    assert all(s.name != "System Mapping" for s in sst.sheets)
    level = sst.sheets[0]
    index = find_header_row(level.rows, ["Code", "System", "Total attendances"])
    assert index is not None and level.row_number(index) == 16

    price = read("xlrd__corrupted_error.xls")
    assert len(price.sheets) == 9 and price.sheets[0].name == "Трубы ВГП"
    sheet = price.sheets[0]
    index = find_header_row(sheet.rows, ["ТИП", "Наименование", "ГОСТ"])
    assert index is not None and sheet.row_number(index) == 4
    assert sheet.rows[index + 1][:3] == ["Труба вгп", "ду 15х2,5", "3262"]


def test_libreoffice_numbers_apple_numbers_and_iso_date_cells() -> None:
    lo = read("sheetjs__LONumbers.xlsx").sheets[0]
    assert lo.rows[0] == [
        "General",
        "1",
        "-1.2",
        "12.3",
        "-12.34",
        "123.45",
        "-123.456",
        "1234.567",
        "-1234.5678",
        "12345.6789",
    ]
    assert lo.rows[2][1] == "1900-01-01" and lo.rows[2][2] == "19:12:00"

    attendance = read("sheetjs__Attendance.xlsx").sheets[0]
    index = find_header_row(attendance.rows, ["Date", "Tom Brooks"])
    assert index is not None and attendance.row_number(index) == 2
    assert normalise_header(attendance.rows[index][1]) == "benashley"
    assert attendance.rows[index + 1][:3] == ["2020-10-01", "FALSE", "TRUE"]

    cells = read("sheetjs__xlsx-stream-d-date-cell.xlsx").sheets[0]
    by_label = {row[0]: row[1:] for row in cells.rows}
    assert by_label["Integer"] == ["1", "2", "-3"]
    assert by_label["Float"] == ["1.5", "0.3", "12345678900000000000000"]
    assert (2, 3) in cells.precision_lost  # 1.23456789e22 has lost digits
    assert by_label["Boolean"] == ["TRUE", "FALSE", ""]
    assert parse_date_text(by_label["Date"][0]) == dt.date(2014, 2, 14)
    assert by_label["Duration 36 hours format #46"][0] == "36:00:00"


def test_large_strings_read_fast() -> None:
    started = time.perf_counter()
    book = read("sheetjs__large_strings.xlsx")
    elapsed = time.perf_counter() - started
    print(f"sheetjs__large_strings.xlsx read in {elapsed:.3f} s")
    assert elapsed < 5  # about 0.4 s on the development machine
    assert [len(s.rows) for s in book.sheets] == [9999, 26, 17619]
    assert book.sheets[2].rows[0] == ["abandonment", "abandonment"]


def test_empty_workbook_reads_as_no_data() -> None:
    book = read("calamine__empty_sheet.xlsx")
    assert [s.name for s in book.sheets] == ["Sheet1"]
    assert book.sheets[0].rows == []
    assert book.is_empty


def test_password_protected_refused() -> None:
    path = SHEETS / "calamine__pass_protected.xlsx"
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(path)
    assert_refusal(error, path, "受密码保护")


def test_corrupt_zip_refused_as_damaged() -> None:
    path = SHEETS / "calamine__issue252.xlsx"
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(path)
    assert_refusal(error, path, "已损坏")


@pytest.mark.parametrize(
    "name", ["calamine__too_small.xls", "openpyxl__null_file.xlsx", "openpyxl__null_archive.xlsx"]
)
def test_not_a_workbook_refused(name: str) -> None:
    path = SHEETS / name
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(path)
    assert_refusal(error, path, "不是 Excel 文件")


def test_zip_renamed_to_xlsx_refused(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    shutil.copy(SHEETS / "xlrd__sample.zip", path)
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(path)
    assert_refusal(error, path, "不是 Excel 文件")
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(SHEETS / "xlrd__sample.zip")
    assert_refusal(error, SHEETS / "xlrd__sample.zip", "不支持")


@pytest.mark.parametrize("name", ["easyexcel__bom__office_bom.csv", "easyexcel__bom__no_bom.csv"])
def test_utf8_csv_with_and_without_bom(name: str) -> None:
    book = read(name)
    sheet = book.sheets[0]
    assert sheet.rows[0] == ["姓名", "年纪"]
    assert sheet.rows[1] == ["姓名0", "20"]
    assert len(sheet.rows) == 11
    assert find_header_row(sheet.rows, ["姓名"]) == 0


# --- files built here: WPS, Tencent Docs and hand-typed classes ---------------------------------


def build_roster(path: Path) -> Path:
    """A 联络员 sheet as counties send it: merged title, header on row 4 with markers and
    full-width brackets, numbers for phones and IDs, a village merged down, dates as 20220101."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "联络员"
    ws["A1"] = "通江县消费维权服务站联络员名单"
    ws.merge_cells("A1:G1")
    ws["A2"] = "填报单位：通江县市场监督管理局"
    ws.append([])
    ws.append(["*姓名", "联系电话\n（手机）", "身份证号", "所在村", "任职日期", "照片", "备注"])
    ws.append(["张三", 13812345678, 360426199101010071, "红旗村", 20220101, None, "#N/A"])
    ws.append(["李四", 13987654321, "360426199101010071", None, "2020年1月1日", None, " 已培训 "])
    ws.merge_cells("D5:D6")
    ws["F5"] = '=_xlfn.DISPIMG("ID_1",1)'
    ws["F6"] = '=_xlfn.DISPIMG("ID_2",1)'
    ws["Z100"].font = openpyxl.styles.Font(bold=True)  # formatted but empty: must not widen
    book.save(path)
    return path


def as_wps_saved(path: Path) -> Path:
    """Give the DISPIMG cells the cached values WPS writes (and one an Excel round trip makes)."""
    out = path.with_name("wps_" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text, count = re.subn(
                    r'<c r="F5"([^>]*)><f>(_xlfn\.DISPIMG\("ID_1",1\))</f><v\s*/?>(?:</v>)?</c>',
                    r'<c r="F5"\1 t="str"><f>\2</f><v>=DISPIMG("ID_1",1)</v></c>',
                    text,
                )
                text, count2 = re.subn(
                    r'<c r="F6"([^>]*)><f>(_xlfn\.DISPIMG\("ID_2",1\))</f><v\s*/?>(?:</v>)?</c>',
                    r'<c r="F6"\1 t="e"><f>\2</f><v>#NAME?</v></c>',
                    text,
                )
                assert count == count2 == 1, text
                data = text.encode()
            dst.writestr(item, data)
    return out


def test_built_roster_header_numbers_merges_pictures_dates(tmp_path: Path) -> None:
    path = build_roster(tmp_path / "联络员.xlsx")
    sheet = read_workbook(path).sheets[0]
    index = find_header_row(
        sheet.rows, ["姓名", "联系电话(手机)", "身份证号", "所在村"], {"任职日期": ["任职时间"]}
    )
    assert index is not None and sheet.row_number(index) == 4
    assert [normalise_header(c) for c in sheet.rows[index][:5]] == [
        "姓名",
        "联系电话(手机)",
        "身份证号",
        "所在村",
        "任职日期",
    ]
    zhang, li = sheet.rows[index + 1], sheet.rows[index + 2]
    assert zhang[1] == "13812345678"  # float 13812345678.0 → no ".0", no E+10
    assert (index + 1, 1) not in sheet.precision_lost
    assert (index + 1, 2) in sheet.precision_lost  # the 18-digit ID saved as a number
    assert zhang[2] != "360426199101010071" and "E" not in zhang[2] and len(zhang[2]) == 18
    assert li[2] == "360426199101010071" and (index + 2, 2) not in sheet.precision_lost
    assert li[3] == "红旗村"  # D5:D6 filled down
    assert zhang[5] == li[5] == ""  # =_xlfn.DISPIMG(...) pictures
    assert zhang[6] == "" and li[6] == "已培训"
    assert [(p.row, p.column) for p in sheet.problems] == [(5, "G")]
    assert parse_date_text(zhang[4]) == dt.date(2022, 1, 1)
    assert parse_date_text(li[4]) == dt.date(2020, 1, 1)
    assert all(len(row) == 7 for row in sheet.rows)  # Z100's formatting did not widen the sheet
    assert sheet.rows[0][0] == "通江县消费维权服务站联络员名单" and sheet.rows[0][1] == ""


def test_wps_picture_cells_read_as_empty(tmp_path: Path) -> None:
    path = as_wps_saved(build_roster(tmp_path / "联络员.xlsx"))
    sheet = read_workbook(path).sheets[0]
    assert sheet.rows[4][5] == "" and sheet.rows[5][5] == ""
    # The #NAME? Excel caches for a WPS picture is not reported; the real #N/A in G5 is.
    assert [(p.row, p.column) for p in sheet.problems] == [(5, "G")]


def test_wps_et_files_read_by_content(tmp_path: Path) -> None:
    xls_inside = tmp_path / "名单.et"
    shutil.copy(SHEETS / "calamine__issue219.xls", xls_inside)
    assert read_workbook(xls_inside).sheets[0].rows == [["a"]]
    xlsx_inside = tmp_path / "联络员.et"
    shutil.copy(build_roster(tmp_path / "b.xlsx"), xlsx_inside)
    assert read_workbook(xlsx_inside).sheets[0].rows[4][1] == "13812345678"
    mislabelled = tmp_path / "旧格式.xls"  # an .xlsx saved with the wrong extension
    shutil.copy(SHEETS / "calamine__issue_530.xlsx", mislabelled)
    assert read_workbook(mislabelled).sheets[0].rows[3][2] == "领域"


def test_gbk_csv_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "经营者.csv"
    text = (
        "*经营者名称,统一社会信用代码,联系电话\r\n通江县红旗超市,91110108551385082Q,13812345678\r\n"
    )
    text += '"诺江镇, 李记农资店",,0827-7221234\r\n\r\n'
    path.write_bytes(text.encode("gbk"))
    sheet = read_workbook(path).sheets[0]
    assert sheet.name == "经营者"
    assert sheet.rows == [
        ["*经营者名称", "统一社会信用代码", "联系电话"],
        ["通江县红旗超市", "91110108551385082Q", "13812345678"],
        ["诺江镇, 李记农资店", "", "0827-7221234"],
    ]
    assert find_header_row(sheet.rows, ["经营者名称", "统一社会信用代码"]) == 0


def test_utf16_csv_and_one_that_only_starts_like_it(tmp_path: Path) -> None:
    path = tmp_path / "服务站.csv"
    path.write_bytes("姓名\t电话\n王五\t13812345678\n".encode("utf-16"))  # with its BOM
    assert read_workbook(path).sheets[0].rows == [["姓名", "电话"], ["王五", "13812345678"]]
    # found by ./dev.sh fuzz: a UTF-16 byte-order mark before UTF-8 text of an odd byte count
    broken = tmp_path / "乡镇.csv"
    text = "乡镇代码,乡镇,村代码,村\n511921100,诺江镇,511921100201,新华村民委员会\n"
    broken.write_bytes(b"\xfe\xff" + text.encode())
    assert len(broken.read_bytes()) % 2 == 1
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(broken)
    assert_refusal(error, broken, "无法识别")


def test_utf8_bom_csv_built(tmp_path: Path) -> None:
    path = tmp_path / "服务站.csv"
    path.write_bytes("\ufeff姓名,电话\n王五,#N/A\n".encode())
    sheet = read_workbook(path).sheets[0]
    assert sheet.rows == [["姓名", "电话"], ["王五", ""]]
    assert [(p.row, p.column) for p in sheet.problems] == [(2, "B")]


def test_unsupported_extension_and_missing_file(tmp_path: Path) -> None:
    doc = tmp_path / "名单.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(doc)
    assert_refusal(error, doc, "不支持")
    missing = tmp_path / "没有.xlsx"
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(missing)
    assert_refusal(error, missing, "无法打开")
    html = tmp_path / "导出.xls"
    html.write_text("<html><table><tr><td>姓名</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(WorkbookUnreadable) as error:
        read_workbook(html)
    assert_refusal(error, html, "不是 Excel 文件")


def test_progress_and_cancel() -> None:
    calls: list[tuple[int, int]] = []
    read_workbook(
        SHEETS / "sheetjs__large_strings.xlsx", progress=lambda d, t: calls.append((d, t))
    )
    assert len(calls) > 3 and calls[-1] == (27644, 27644)
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))
    stop = threading.Event()
    stop.set()
    with pytest.raises(ReadCancelled):
        read_workbook(SHEETS / "calamine__issue444.xls", cancel=stop)
    with pytest.raises(ReadCancelled):
        read_workbook(SHEETS / "easyexcel__bom__no_bom.csv", cancel=stop)


# --- the text helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020/1/1", dt.date(2020, 1, 1)),
        ("2020-01-01", dt.date(2020, 1, 1)),
        ("2020.1.1", dt.date(2020, 1, 1)),
        ("2020年1月1日", dt.date(2020, 1, 1)),
        ("２０２０年１月１日", dt.date(2020, 1, 1)),
        ("20200101", dt.date(2020, 1, 1)),
        ("2020/01/01 0:00:00", dt.date(2020, 1, 1)),
        ("43831", dt.date(2020, 1, 1)),
        ("43831.5", dt.date(2020, 1, 1)),
        ("1", dt.date(1900, 1, 1)),
        ("61", dt.date(1900, 3, 1)),
        ("  ", None),
    ],
)
def test_parse_date_text(text: str, expected: dt.date | None) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["明天", "2020-02-30", "20201301", "60", "1/2/2020", "0"])
def test_parse_date_text_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match=r"[\u4e00-\u9fff]"):
        parse_date_text(text)


def test_restore_number_text() -> None:
    assert restore_number_text("1.3812345678E+10") == "13812345678"
    assert restore_number_text("13812345678.0") == "13812345678"
    assert restore_number_text("7.500") == "7.500"
    assert restore_number_text(" 0123 ") == "0123"
    assert restore_number_text("1.5E-3") == "0.0015"
    with pytest.raises(ValueError, match="科学计数法"):
        restore_number_text("3.60426E+17")


def test_find_header_row_normalises_and_uses_aliases() -> None:
    rows = [
        ["服务站名单", "", ""],
        ["", "", ""],
        ["＊站 点 名 称", "联系电话\n（手机）", "备注"],
        ["诺江镇服务站", "13812345678", ""],
    ]
    assert find_header_row(rows, ["站点名称", "联系电话(手机)"]) == 2
    aliases = {"服务站名称": ["站点名称"], "联系电话": ["联系电话(手机)", "手机"]}
    assert find_header_row(rows, ["服务站名称", "联系电话"], aliases) == 2
    assert find_header_row(rows, ["姓名", "身份证号"]) is None
    assert find_header_row(rows) == 2
    assert find_header_row([["1", "2"], ["3", "4"]]) is None


def test_column_letter() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
        "XFD",
    ]
