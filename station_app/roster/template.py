"""Writing roster workbooks with openpyxl: the empty template, and (through ``export``) the roster in
force, in the one layout the importer reads.

Each part's sheet has an instruction row (row 1), the header (row 2, required columns marked ``*``),
frozen below the header; code, phone and date columns are formatted as text so that Excel and WPS
keep leading zeros and all 18 digits; coded columns have a dropdown (data validation). Every value
is written as a text cell (``station_app.spreadsheet_cells``): a name typed as ``=HYPERLINK(...)``
stays text.
The ``说明`` sheet holds the cover: 名册版本, 发布日期, 县级区划代码, 发布单位, 节假日完整年份,
县消协加密公钥 (the county's age public key, filled in by the county's program).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from station_app import codes
from station_app.registry.station_kinds import KINDS, kind_name
from station_app.roster.format import COVER_TITLE, FORMAT_VERSION, SHEETS, ColumnSpec, SheetSpec
from station_app.spreadsheet_cells import put, stream_prepared_cells, text_row

_TEXT_KINDS = {
    "code",
    "county_code",
    "credit_code",
    "date",
    "phone",
    "station_code",
    "town_code",
    "village_code",
}
_DROPDOWN_ROWS = 2000
_INSTRUCTION_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FONT = Font(bold=True, color="C00000")
_HEADER_FONT = Font(bold=True)


def _choices(kind: str) -> list[str]:
    if kind == "entity_type":
        return [e.name for e in codes.code_list("entity_type").active_entries()]
    if kind == "holiday_kind":
        return ["放假", "上班"]
    if kind == "station_kind":
        return [kind_name(k) for k in KINDS]
    if kind == "active":
        return ["是", "否"]
    if kind == "code_list":
        return [codes.code_list(name).title for name in codes.LIST_NAMES]
    return []


def _cell(sheet: WriteOnlyWorksheet, value: object = None, **style: object) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    for name, setting in style.items():
        setattr(cell, name, setting)
    put(cell, value)
    return cell


def _write_cover(sheet: WriteOnlyWorksheet, cover: Mapping[str, str]) -> None:
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 40
    sheet.append([_cell(sheet, "消费维权服务站名册", font=Font(bold=True, size=14))])
    for label in (
        "名册版本",
        "发布日期",
        "县级区划代码",
        "发布单位",
        "节假日完整年份",
        "县消协加密公钥",
    ):
        value = cover.get(label, "")
        sheet.append(
            [_cell(sheet, label, font=_HEADER_FONT), _cell(sheet, value, number_format="@")]
        )
    sheet.append(text_row(sheet, ["格式版本", str(FORMAT_VERSION)]))
    sheet.append([])
    for line in (
        "填写说明",
        "1. 名册版本每次发布时递增（如 2026.1、2026.2），本机不接受比正在使用的更旧的版本。",
        "2. 各工作表第 1 行是说明，第 2 行是表头，带 * 的列必须填写；请勿改动表头文字。",
        "3. 编码、电话、身份证号、区划代码等列已设为文本格式，请勿改为数字，否则会丢失位数。",
        "4. 不需要的工作表可以删除：导入时没有的部分保持不变；有的部分以本名册为准，"
        "名册中不再列出的服务站、联络员、经营者、村（社区）将被停用（不会删除）。",
        "5. 行政区划表也可直接使用统计局 province_code…village 格式的表格。",
        "6. 节假日表列出国务院公布的某年全部放假和调休上班日期后，在“节假日完整年份”写上该年"
        "（如 2027；多个年份用顿号分开）。没写的年份，期限按法定节假日估算并注明“估算”。",
        "7. 县消协加密公钥（age1 开头）由县消协程序填写，服务站导入后数据包即加密发给县消协；"
        "请勿改动，并与县消协电话核对指纹。",
    ):
        sheet.append(text_row(sheet, [line]))


def _dropdown(column: ColumnSpec, last_row: int, letter: str) -> DataValidation | None:
    """The list a coded column is picked from, or None when it has none or cannot hold it.

    The choices are a quoted list in the validation formula; names come from code lists a roster
    may extend, so one holding a quote or a comma (which would end or split the list) means no
    dropdown rather than a formula of the roster's making."""
    choices = _choices(column.kind)
    formula = '"' + ",".join(choices) + '"'
    if not choices or len(formula) > 255 or any('"' in c or "," in c for c in choices):
        return None
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="请从列表中选择",
        error=f"“{column.title}”只能从下拉列表中选择。",
    )
    validation.add(f"{letter}3:{letter}{last_row}")
    return validation


def _write_part(sheet: WriteOnlyWorksheet, spec: SheetSpec, rows: Sequence[Sequence[str]]) -> None:
    """Instruction row, header and rows, streamed: each row is written once, in order.

    The sheet is write-only (rows go straight to disk), so everything that precedes the rows in
    the file (column widths and formats, frozen panes, the first row's height) is set first."""
    width = len(spec.columns)
    text_columns = [column.kind in _TEXT_KINDS for column in spec.columns]
    for j, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(j)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.title) * 2 + 6))
        if text_columns[j - 1]:
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "A3"
    notes = "；".join(f"{c.title}：{c.note}" for c in spec.columns if c.note)
    sheet.row_dimensions[1].height = 48
    sheet.append(
        [
            _cell(
                sheet,
                spec.instruction + (f"（{notes}）" if notes else ""),
                alignment=Alignment(wrap_text=True, vertical="top"),
                fill=_INSTRUCTION_FILL,
            )
        ]
    )
    sheet.merged_cells.add(f"A1:{get_column_letter(width)}1")
    sheet.append(
        [
            _cell(
                sheet,
                column.header,
                font=_REQUIRED_FONT if column.required else _HEADER_FONT,
                fill=_HEADER_FILL,
            )
            for column in spec.columns
        ]
    )
    # one prepared cell per column, refilled for each row (see stream_prepared_cells)
    cells = [_cell(sheet, number_format="@") if text else _cell(sheet) for text in text_columns]
    stream_prepared_cells(sheet)
    for values in rows:
        for cell, value in zip(cells, values, strict=True):
            put(cell, value)
        sheet.append(cells)
    last_row = max(_DROPDOWN_ROWS, len(rows) + 2)
    for j, column in enumerate(spec.columns, start=1):
        validation = _dropdown(column, last_row, get_column_letter(j))
        if validation is not None:
            sheet.data_validations.append(validation)


def write_roster_workbook(
    path: str | Path,
    cover: Mapping[str, str],
    rows: Mapping[str, Sequence[Sequence[str]]],
    parts: Sequence[str] | None = None,
) -> Path:
    """Write a roster workbook: the cover and one sheet per part (all parts unless ``parts``).

    openpyxl in write-only mode: rows are streamed to disk as they are given, so time grows with
    the number of rows and memory stays flat. Every value goes in as text (``put``)."""
    path = Path(path)
    book = Workbook(write_only=True)
    _write_cover(book.create_sheet(COVER_TITLE), cover)
    for spec in SHEETS:
        if parts is not None and spec.part not in parts:
            continue
        _write_part(book.create_sheet(spec.title), spec, rows.get(spec.part, ()))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_template(path: str | Path) -> Path:
    """An empty roster workbook for a county to fill in."""
    return write_roster_workbook(path, {}, {})
