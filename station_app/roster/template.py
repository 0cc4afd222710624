"""Writing roster workbooks with openpyxl: the empty template, and (through ``export``) the roster in
force, in the one layout the importer reads.

Each part's sheet has an instruction row (row 1), the header (row 2, required columns marked ``*``),
frozen below the header; code, phone and date columns are formatted as text so that Excel and WPS
keep leading zeros and all 18 digits; coded columns have a dropdown (data validation).
The ``说明`` sheet holds the cover: 名册版本, 发布日期, 县级区划代码, 发布单位.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from station_app import codes
from station_app.registry.station_kinds import KINDS, kind_name
from station_app.roster.format import COVER_TITLE, FORMAT_VERSION, SHEETS, SheetSpec

_TEXT_KINDS = {
    "station_code",
    "phone",
    "credit_code",
    "county_code",
    "town_code",
    "village_code",
    "date",
    "code",
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


def _write_cover(sheet: Worksheet, cover: Mapping[str, str]) -> None:
    sheet.append(["消费维权服务站名册"])
    sheet["A1"].font = Font(bold=True, size=14)
    for label in ("名册版本", "发布日期", "县级区划代码", "发布单位"):
        sheet.append([label, cover.get(label, "")])
        sheet.cell(sheet.max_row, 1).font = _HEADER_FONT
        sheet.cell(sheet.max_row, 2).number_format = "@"
    sheet.append(["格式版本", str(FORMAT_VERSION)])
    sheet.append([])
    for line in (
        "填写说明",
        "1. 名册版本每次发布时递增（如 2026.1、2026.2），本机不接受比正在使用的更旧的版本。",
        "2. 各工作表第 1 行是说明，第 2 行是表头，带 * 的列必须填写；请勿改动表头文字。",
        "3. 编码、电话、身份证号、区划代码等列已设为文本格式，请勿改为数字，否则会丢失位数。",
        "4. 不需要的工作表可以删除：导入时没有的部分保持不变；有的部分以本名册为准，"
        "名册中不再列出的服务站、联络员、经营者、村（社区）将被停用（不会删除）。",
        "5. 行政区划表也可直接使用统计局 province_code…village 格式的表格。",
    ):
        sheet.append([line])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 40


def _write_part(sheet: Worksheet, spec: SheetSpec, rows: Sequence[Sequence[str]]) -> None:
    width = len(spec.columns)
    notes = "；".join(f"{c.title}：{c.note}" for c in spec.columns if c.note)
    sheet.append([spec.instruction + (f"（{notes}）" if notes else "")])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    first = sheet.cell(1, 1)
    first.alignment = Alignment(wrap_text=True, vertical="top")
    first.fill = _INSTRUCTION_FILL
    sheet.row_dimensions[1].height = 48
    sheet.append([c.header for c in spec.columns])
    for j, column in enumerate(spec.columns, start=1):
        cell = sheet.cell(2, j)
        cell.font = _REQUIRED_FONT if column.required else _HEADER_FONT
        cell.fill = _HEADER_FILL
        letter = get_column_letter(j)
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.title) * 2 + 6))
        if column.kind in _TEXT_KINDS:
            sheet.column_dimensions[letter].number_format = "@"
    text_columns = [j for j, c in enumerate(spec.columns) if c.kind in _TEXT_KINDS]
    for values in rows:
        sheet.append(list(values))
        for j in text_columns:
            sheet.cell(sheet.max_row, j + 1).number_format = "@"
    sheet.freeze_panes = "A3"
    last_row = max(_DROPDOWN_ROWS, len(rows) + 2)
    for j, column in enumerate(spec.columns, start=1):
        choices = _choices(column.kind)
        formula = '"' + ",".join(choices) + '"'
        if not choices or len(formula) > 255:
            continue
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="请从列表中选择",
            error=f"“{column.title}”只能从下拉列表中选择。",
        )
        letter = get_column_letter(j)
        validation.add(f"{letter}3:{letter}{last_row}")
        sheet.add_data_validation(validation)


def write_roster_workbook(
    path: str | Path,
    cover: Mapping[str, str],
    rows: Mapping[str, Sequence[Sequence[str]]],
    parts: Sequence[str] | None = None,
) -> Path:
    """Write a roster workbook: the cover and one sheet per part (all parts unless ``parts``)."""
    path = Path(path)
    book = Workbook()
    cover_sheet = book.active
    assert cover_sheet is not None
    cover_sheet.title = COVER_TITLE
    _write_cover(cover_sheet, cover)
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
