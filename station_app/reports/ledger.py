"""The monthly ledger (月度台账): the Excel workbook each station hands in and the county prints.

Sheets: 投诉登记台账 (the 14 columns the county files, see PRINTED_COMPLAINT_COLUMNS and
docs/ledger.md), 投诉登记明细 (all 30 columns of DOMAIN.md; hidden and never printed), 来访咨询登记,
宣传活动 and 月度统计 (the rows of :func:`~station_app.reports.indicators.compute_indicators`).
Every printed sheet is A4 landscape, fitted to the page width at 85 % scale or more, with its title
and header row repeated on every page, a totals row and a signature line (填表人 / 审核人 / 日期).

Both complaint sheets list, first, the complaints registered in the month (as many rows as
``complaints_registered``) and then, in a second block, those registered earlier that had a
workflow step in the month (``complaints_carried_over``: "handled in the month").

openpyxl writes in write-only mode (rows streamed to disk; print titles, page setup, merged cells
and frozen panes all work there), so memory stays flat at any month size. The file is written to a
temporary file in the target folder and renamed over the target only when complete: a full disk, a
read-only folder or a cancel leaves any older ledger untouched. Names and phones are masked unless
``unmasked``; an unmasked ledger leaves an ``export`` entry in the audit log. Every text goes in
as a text cell (:mod:`station_app.spreadsheet_cells`): typed ``=HYPERLINK(...)`` is never a formula.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from station_app.access import access_log
from station_app.errors import StationError
from station_app.file_in_place import written_in_place
from station_app.registry.audit import record_action
from station_app.registry.context import Context
from station_app.reports import ledger_rows
from station_app.reports.indicators import MonthlyIndicators, compute_indicators, parse_month
from station_app.spreadsheet_cells import put, stream_prepared_cells
from station_app.store.models import Station, database_proxy

ProgressCallback = Callable[[int, int], None]
Format = Literal["text", "wrap", "center", "date", "datetime", "money", "int"]

FONT_NAME = "宋体"
FONT_SIZE = 9
LINE_HEIGHT = 12.5  # points per wrapped line at FONT_SIZE (CJK fonts need the room)
PROGRESS_EVERY = 500


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


class LedgerCancelled(StationError):
    def __init__(self) -> None:
        super().__init__("已取消导出台账，原有文件未作改动。")


class LedgerWriteFailed(StationError):
    """The workbook could not be written; any older file at the path is untouched."""

    def __init__(self, path: Path, error: OSError) -> None:
        if error.errno == errno.ENOSPC:
            reason = "磁盘空间不足，请清理磁盘或换一个位置保存"
        elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason = "没有写入权限（文件夹只读，或文件正被 Excel/WPS 等程序打开）"
        elif error.errno == errno.ENOENT:
            reason = "文件夹不存在"
        else:
            reason = error.strerror or str(error)
        super().__init__(f"无法写入台账 {path}：{reason}。原有文件未作改动。")
        self.path = path
        self.errno = error.errno


@dataclass(frozen=True)
class LedgerSummary:
    """What :func:`write_ledger` wrote."""

    path: Path
    month: str
    complaints_registered: int
    complaints_carried_over: int
    visits: int
    events: int
    unmasked: bool


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    fmt: Format = "wrap"


def _columns(
    headers: Sequence[str], widths: Sequence[float], formats: Sequence[Format]
) -> tuple[Column, ...]:
    return tuple(Column(h, w, f) for h, w, f in zip(headers, widths, formats, strict=True))


COMPLAINT_COLUMNS = _columns(
    ledger_rows.COMPLAINT_HEADERS,
    (4.5, 14, 10.5, 7, 8, 11.5, 9, 13, 10.5, 13, 9, 10, 7, 10.5, 10, 26, 9, 11, 8, 8,
     10, 9, 10.5, 5.5, 6.5, 9, 6.5, 9, 10, 9),
    ("int", "text", "date", "center", "center", "center", "wrap", "wrap", "wrap", "wrap",
     "wrap", "wrap", "wrap", "date", "money", "wrap", "wrap", "wrap", "wrap", "wrap", "money",
     "money", "date", "int", "center", "wrap", "center", "wrap", "wrap", "wrap"),
)  # fmt: skip
# The 14 columns the county prints and files (the sheet 投诉登记台账), out of the 30 above, which
# all stay in the unprinted sheet 投诉登记明细. Why these (docs/ledger.md says the same): a filed
# ledger answers "which case, when, who, against whom, about what, and what came of it", and its
# figures are the ones the monthly statistics count (登记, 受理, 办结, 挽回经济损失). So: the case
# (序号, 登记编号, 登记日期), the complainant and where they live (投诉人 masked, "张**等15人" for a
# group; 所在村), the business and the goods or service (被投诉方, 商品/服务), what it is about
# (投诉性质, 事由摘要), the result (受理情况, 处理结果, 挽回经济损失, 办结日期) and who answers for it
# (经办人). Left to the detail sheet: the masked phone (of no use on paper), the channel, credit
# code and address (the business register has them), purchase date and amounts, demands, handling
# steps, 加倍赔偿, working days taken, follow-up, group size, referrals, 12315 number and remarks.
# Widths (128 units) let LibreOffice fit the page width at 90 % scale (the test wants >= 85 %).
_PRINTED_WIDTHS = {
    "序号": 4, "登记编号": 12, "登记日期": 9, "投诉人": 7, "所在村": 7.5, "被投诉方": 12,
    "商品/服务": 7.5, "投诉性质": 6, "事由摘要": 24, "受理情况": 8, "处理结果": 7,
    "挽回经济损失(元)": 8.5, "办结日期": 9, "经办人": 6,
}  # fmt: skip
PRINTED_COMPLAINT_COLUMNS = tuple(
    Column(c.header, _PRINTED_WIDTHS[c.header], c.fmt)
    for c in COMPLAINT_COLUMNS
    if c.header in _PRINTED_WIDTHS
)
PRINTED_COMPLAINT_FIELDS = tuple(
    ledger_rows.COMPLAINT_HEADERS.index(c.header) for c in PRINTED_COMPLAINT_COLUMNS
)
COMPLAINT_SHEET = "投诉登记台账"
COMPLAINT_DETAIL_SHEET = "投诉登记明细"
VISIT_COLUMNS = _columns(
    ledger_rows.VISIT_HEADERS,
    (4.5, 13.5, 8, 7, 10, 5, 8, 10, 25.5, 25.5, 6.5, 6.5),
    ("int", "datetime", "center", "center", "center", "int", "wrap", "wrap", "wrap", "wrap",
     "center", "center"),
)  # fmt: skip
EVENT_COLUMNS = _columns(
    ledger_rows.EVENT_HEADERS,
    (4.5, 9.5, 10, 12, 30, 7, 8, 8, 6.5, 18),
    ("int", "date", "center", "wrap", "wrap", "int", "int", "int", "center", "wrap"),
)  # fmt: skip
STATS_COLUMNS = (
    Column("指标", 36, "text"),
    Column("单位", 6, "center"),
    Column("本月", 14, "money"),
    Column("本年累计", 14, "money"),
    Column("去年同期", 14, "money"),
    Column("增减数", 16, "money"),
    Column("增减%", 11, "money"),
)
NUMBER_FORMATS: dict[Format, str] = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "money": "#,##0.00",
    "int": "0",
}
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")


def _display_width(text: str) -> float:
    """Width of ``text`` in column units at FONT_SIZE (measured in LibreOffice and Excel: a
    Chinese character takes about 1.45 units, a digit or Latin letter 0.8)."""
    wide = (len(text.encode("utf-8")) - len(text)) // 2  # CJK characters take 3 bytes, ASCII 1
    return wide * 1.45 + (len(text) - wide) * 0.8


class _Sheet:
    """One printed table: title, information line, header, rows, totals, notes and signatures."""

    def __init__(
        self, wb: Workbook, title: str, columns: Sequence[Column], *, printed: bool = True
    ) -> None:
        self.ws = wb.create_sheet(title)
        stream_prepared_cells(self.ws)
        self.wb = wb
        self.columns = columns
        self.rows = 0
        self.last_column = get_column_letter(len(columns))
        ws = self.ws
        for index, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        if printed:
            self._page_setup()
        else:
            # a sheet for the screen, never printed: LibreOffice and "print the whole workbook"
            # in Excel and WPS print every visible sheet, and xlsx has no other way to say no
            ws.sheet_state = "hidden"
        ws.freeze_panes = "C4" if len(columns) > 12 else "A4"
        wrap = Alignment(wrap_text=True, vertical="center")
        centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
        font = Font(name=FONT_NAME, size=FONT_SIZE)
        self._wrapping = [c.fmt in ("wrap", "center") for c in columns]
        self._cells = [
            self._cell(
                font,
                centred if c.fmt in ("center", "int", "date", "datetime") else wrap,
                NUMBER_FORMATS.get(c.fmt),
            )
            for c in columns
        ]

    def _page_setup(self) -> None:
        """A4 landscape fitted to the page width, title and header repeated on every page."""
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.25
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.print_title_rows = "1:3"

    def _cell(
        self,
        font: Font,
        alignment: Alignment,
        number_format: str | None = None,
        fill: PatternFill | None = None,
        border: Border | None = _BORDER,
    ) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws)
        cell.font = font
        cell.alignment = alignment
        if border is not None:
            cell.border = border
        if number_format:
            cell.number_format = number_format
        if fill is not None:
            cell.fill = fill
        return cell

    def _append(self, cells: list[Any], height: float | None = None) -> None:
        self.rows += 1
        if height is not None:
            self.ws.row_dimensions[self.rows].height = height
        self.ws.append(cells)
        if height is not None:
            del self.ws.row_dimensions[self.rows]  # written: keep memory flat

    def band(self, text: str, *, size: float = FONT_SIZE, bold: bool = False,
             height: float = 18, horizontal: str = "left", border: bool = False) -> None:  # fmt: skip
        """One full-width merged row of text (title, section heading, notes, signatures)."""
        cell = self._cell(
            Font(name=FONT_NAME, size=size, bold=bold),
            Alignment(horizontal=horizontal, vertical="center", wrap_text=True),
            border=_BORDER if border else None,
        )
        put(cell, text)
        row: list[Any] = [cell]
        if border:  # the merged area's right edge needs bordered cells too
            for _ in self.columns[1:]:
                row.append(self._cell(Font(name=FONT_NAME, size=FONT_SIZE), Alignment()))
        self._append(row, height)
        self.ws.merged_cells.add(f"A{self.rows}:{self.last_column}{self.rows}")

    def header(self) -> None:
        font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        align = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cells = []
        for column in self.columns:
            cell = self._cell(font, align, fill=_HEADER_FILL)
            put(cell, column.header)
            cells.append(cell)
        lines = max(
            -(-_display_width(c.header) // max(c.width - 0.5, 1)) for c in self.columns
        )  # ceil
        self._append(cells, max(24.0, lines * LINE_HEIGHT + 4))

    def data(self, values: Sequence[Any]) -> None:
        lines = 1.0
        for cell, value, wraps, column in zip(
            self._cells, values, self._wrapping, self.columns, strict=True
        ):
            put(cell, value)
            if wraps and value.__class__ is str and len(value) * 2 > column.width:
                need = -(-_display_width(value) // max(column.width - 0.5, 1))
                lines = max(lines, need)
        self._append(self._cells, lines * LINE_HEIGHT + 3 if lines > 1 else None)

    def totals(self, values: Sequence[Any]) -> None:
        font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
        cells = []
        for column, value in zip(self.columns, values, strict=True):
            cell = self._cell(
                font,
                Alignment(vertical="center", wrap_text=True),
                NUMBER_FORMATS.get(column.fmt),
                fill=_TOTAL_FILL,
            )
            put(cell, value)
            cells.append(cell)
        self._append(cells, 20)
        self.ws.merged_cells.add(f"B{self.rows}:C{self.rows}")  # the label takes two columns

    def opening(self, title: str, info: str) -> None:
        self.band(title, size=16, bold=True, height=30, horizontal="center")
        self.band(info, height=18)
        self.header()

    def closing(self, notes: Iterable[str]) -> None:
        self._append([])
        width = sum(c.width for c in self.columns)
        for note in notes:
            lines = -(-_display_width(note) // (width - 1))  # ceil
            self.band(note, height=max(18.0, LINE_HEIGHT * lines + 6))
        self.band(
            "填表人：________________        审核人：________________        "
            "日期：________年____月____日",
            size=11,
            height=30,
        )


class _Progress:
    def __init__(
        self, total: int, progress: ProgressCallback | None, cancel: CancelToken | None
    ) -> None:
        self.total, self.done = total, 0
        self.progress, self.cancel = progress, cancel

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.done % PROGRESS_EVERY == 0 or self.done >= self.total:
            self.check()

    def check(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)
        if self.cancel is not None and self.cancel.is_set():
            raise LedgerCancelled()


def scope_name(ctx: Context, origin: str | None) -> str:
    """Whose ledger: the station's name, another station's (at the county), or 全县."""
    if origin is None:
        return f"{ctx.station.name}（全部服务站）" if ctx.station.is_county else ctx.station.name
    if origin == ctx.origin:
        return ctx.station.name
    station = Station.get_or_none(Station.code == origin)
    return station.name if station else origin


_NOT_IN_FILE_NAMES = str.maketrans({ch: "_" for ch in '<>:"/\\|?*' + "".join(map(chr, range(32)))})


def default_file_name(ctx: Context, month: str, origin: str | None = None) -> str:
    """The name a ledger is saved under unless the officer says otherwise, e.g.
    ``TJ001_月度台账_2026-11.xlsx``: the county files dozens a month, by station code and month.
    At the county, ``origin`` None (every station) uses the county's own code."""
    parse_month(month)
    code = (origin or ctx.origin).translate(_NOT_IN_FILE_NAMES).strip(" .") or "station"
    return f"{code}_月度台账_{month}.xlsx"


def _month_title(month: str) -> str:
    year, mon = parse_month(month)
    return f"{year}年{mon}月"


def _sum(values: Iterable[float | None]) -> float:
    return sum(v for v in values if v is not None)


class _ComplaintSheets:
    """投诉登记台账 (the printed columns) and 投诉登记明细 (all 30), written row by row together."""

    def __init__(self, wb: Workbook, title: str, info: str) -> None:
        self.printed = _Sheet(wb, COMPLAINT_SHEET, PRINTED_COMPLAINT_COLUMNS)
        self.printed.opening(title, info)
        self.detail = _Sheet(wb, COMPLAINT_DETAIL_SHEET, COMPLAINT_COLUMNS, printed=False)
        self.detail.opening(title.replace(COMPLAINT_SHEET, COMPLAINT_DETAIL_SHEET), info)

    def heading(self, text: str) -> None:
        for sheet in (self.printed, self.detail):
            sheet.band(text, bold=True, height=20, border=True)

    def data(self, values: Sequence[Any]) -> None:
        self.detail.data(values)
        self.printed.data([values[i] for i in PRINTED_COMPLAINT_FIELDS])

    def totals(self, values: Sequence[Any]) -> None:
        self.detail.totals(values)
        self.printed.totals([values[i] for i in PRINTED_COMPLAINT_FIELDS])

    def closing(self, note: str) -> None:
        self.printed.closing(
            [note + f"4. 本表打印存档；全部 {len(COMPLAINT_COLUMNS)} 项内容见本工作簿的工作表"
             f"“{COMPLAINT_DETAIL_SHEET}”（不打印，已隐藏：在工作表标签上右键→取消隐藏）。"]
        )  # fmt: skip
        self.detail.closing([note])


def _complaint_block(
    sheets: _ComplaintSheets,
    heading: str,
    rows: Iterable[list[Any]],
    expected: int,
    step: _Progress,
) -> tuple[int, list[float]]:
    """Write one block of complaints; returns (count, [涉及金额, 挽回, 加倍赔偿, 群体性 count])."""
    sheets.heading(heading)
    count, amount, recovered, punitive, groups = 0, 0.0, 0.0, 0.0, 0
    for values in rows:
        count += 1
        values[0] = count
        amount += values[14] or 0
        recovered += values[20] or 0
        punitive += values[21] or 0
        groups += 1 if values[26] else 0
        sheets.data(values)
        step.step()
    if count != expected:  # one snapshot: only a bug can make these differ
        raise AssertionError(f"ledger block {heading!r}: {count} rows, expected {expected}")
    return count, [amount, recovered, punitive, groups]


def _complaint_totals(label: str, count: int, sums: Sequence[float]) -> list[Any]:
    row: list[Any] = [None] * len(COMPLAINT_COLUMNS)
    row[1] = f"{label}：{count} 件"
    row[14], row[20], row[21] = sums[0], sums[1], sums[2]
    row[26] = f"{int(sums[3])} 件" if sums[3] else None
    return row


def _write_complaints(
    wb: Workbook, title: str, info: str, stats: MonthlyIndicators, unmasked: bool, step: _Progress
) -> None:
    sheets = _ComplaintSheets(wb, title, info)
    month_period, origin = stats.periods[0], stats.origin
    labels = ledger_rows._Labels()
    registered = stats.figures["complaints_registered"]
    carried = stats.figures["complaints_carried_over"]
    count, sums = 0, [0.0, 0.0, 0.0, 0.0]
    for heading, subtotal, rows, expected in (
        (f"一、本月登记（{registered} 件）", "本月登记小计", ledger_rows.registered_rows, registered),
        (f"二、以前月份登记、本月办理（{carried} 件）", "结转办理小计",
         ledger_rows.carried_over_rows, carried),
    ):  # fmt: skip
        rows_of_block = rows(month_period, origin, unmasked=unmasked, labels=labels)
        n, block_sums = _complaint_block(sheets, heading, rows_of_block, expected, step)
        sheets.totals(_complaint_totals(subtotal, n, block_sums))
        count += n
        sums = [a + b for a, b in zip(sums, block_sums, strict=True)]
    sheets.totals(_complaint_totals("合计", count, sums))
    sheets.closing(
        "说明：1. 第一部分为本月登记的全部投诉（件数即月度统计中的“登记投诉”）；第二部分为以前月份"
        "登记、本月有受理、调解、办结、回访等办理步骤的投诉（结转案件），其办结、挽回经济损失计入"
        "本月统计。2. 处理结果、挽回经济损失等为导出时的情况；用时按工作日计（不含法定节假日，"
        "含调休上班日）。3. "
        + (
            "本表含完整个人信息，仅限内部存档，注意保密。"
            if unmasked
            else "投诉人姓名、联系电话已按《个人信息保护法》遮蔽。"
        )
    )


def _write_visits(
    wb: Workbook, title: str, info: str, stats: MonthlyIndicators, unmasked: bool, step: _Progress
) -> None:
    sheet = _Sheet(wb, "来访咨询登记", VISIT_COLUMNS)
    sheet.opening(title, info)
    count = people = converted = 0
    for values in ledger_rows.visit_rows(stats.periods[0], stats.origin, unmasked=unmasked):
        count += 1
        values[0] = count
        people += values[5] or 0
        converted += 1 if values[11] else 0
        sheet.data(values)
        step.step()
    totals: list[Any] = [None] * len(VISIT_COLUMNS)
    totals[1], totals[5] = f"合计：{count} 次", people
    totals[11] = f"{converted} 件" if converted else None
    sheet.totals(totals)
    sheet.closing(["说明：人数为来访人次，群体来访按实际人数计；“转为投诉”指已据此登记投诉。"])


def _write_events(
    wb: Workbook, title: str, info: str, stats: MonthlyIndicators, step: _Progress
) -> None:
    sheet = _Sheet(wb, "宣传活动", EVENT_COLUMNS)
    sheet.opening(title, info)
    count, sums = 0, [0, 0, 0]
    for values in ledger_rows.event_rows(stats.periods[0], stats.origin):
        count += 1
        values[0] = count
        sums = [a + (b or 0) for a, b in zip(sums, values[5:8], strict=True)]
        sheet.data(values)
        step.step()
    totals: list[Any] = [None] * len(EVENT_COLUMNS)
    totals[1] = f"合计：{count} 场"
    totals[5:8] = sums
    sheet.totals(totals)
    sheet.closing(["说明：消费警示/提示以发布次数计，参加人数记 0。"])


_RATE_POINTS = '+0.00"个百分点";-0.00"个百分点";0.00"个百分点"'
_STATS_NOTES = (
    "统计口径：各项按办理步骤发生的日期统计。登记投诉按登记日期；受理投诉指本期作出受理决定或直接"
    "转办的投诉（不论何月登记）；办结指已受理投诉在本期办结、撤回或终止调解（按办结日期，重新打开"
    "后再次办结的按最后一次计）；以前月份登记、本期办结的结转案件计入本期办结、解决和挽回经济损失。",
    "解决 = 办结中处理结果为调解成功、自行和解、转办办结的；办结率、调解成功率、解决率均以受理投诉"
    "为分母（结转案件可使比率超过100%）；回访率 = 回访 ÷ 办结；满意率 = （满意 + 基本满意）÷ "
    "联系上的回访。转办按转办日期、每件投诉每个去向计一次；罚没款按回复日期计。",
    "本年累计为本年1月1日至本月末；去年同期为上年同一期间（1月1日至同月末）；增减数 = 本年累计 − "
    "去年同期，增减% = 增减数 ÷ 去年同期；比率的增减数以百分点计。",
)


def _write_stats(wb: Workbook, title: str, info: str, stats: MonthlyIndicators) -> None:
    sheet = _Sheet(wb, "月度统计", STATS_COLUMNS)
    sheet.ws.print_title_rows = "1:3"
    sheet.opening(title, info)
    font = Font(name=FONT_NAME, size=FONT_SIZE)
    bold = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    for row in stats.rows:
        label = sheet._cell(bold if row.level == 0 else font, Alignment(vertical="center"))
        put(label, "\u3000" * row.level * 2 + row.label)  # full-width spaces indent everywhere
        cells: list[Any] = [label, sheet._cell(font, Alignment(horizontal="center"))]
        put(cells[1], row.unit if row.unit != "%" else "")
        values = (row.month, row.year_to_date, row.last_year, row.change)
        for index, value in enumerate(values):
            if row.kind == "rate":
                fmt = _RATE_POINTS if index == 3 else "0.00%"
                shown = None if value is None else (value * 100 if index == 3 else value)
            elif row.kind == "money":
                fmt = "+#,##0.00;-#,##0.00;0.00" if index == 3 else "#,##0.00"
                shown = None if value is None else value / 100
            else:
                fmt = "+#,##0;-#,##0;0" if index == 3 else "#,##0"
                shown = value
            cell = sheet._cell(font, Alignment(horizontal="right"), fmt)
            put(cell, shown)
            cells.append(cell)
        pct = sheet._cell(font, Alignment(horizontal="right"), "+0.00%;-0.00%;0.00%")
        put(pct, row.change_percent)
        cells.append(pct)
        sheet._append(cells, 16)
    sheet.closing(_STATS_NOTES)


def _discard(wb: Workbook) -> None:
    """After a failure: end each sheet's half-written stream and remove openpyxl's temp files."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


def _build_workbook(
    wb: Workbook,
    target: Path,
    stats: MonthlyIndicators,
    name: str,
    unmasked: bool,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> tuple[int, int]:
    """Write the whole workbook to ``target``; returns (visits, events) written."""
    f = stats.figures
    step = _Progress(
        f["complaints_registered"] + f["complaints_carried_over"] + f["visits"] + f["events"] + 1,
        progress,
        cancel,
    )
    step.check()
    month_title = _month_title(stats.month)
    start, end = stats.periods[0].start, stats.periods[0].end
    last_day = end - dt.timedelta(days=1)
    span = f"统计期间：{start.isoformat()} 至 {last_day.isoformat()}"
    masked = "个人信息：完整（内部存档）" if unmasked else "个人信息：已遮蔽"
    _write_complaints(
        wb,
        f"{name}投诉登记台账（{month_title}）",
        f"填报单位：{name}    {span}    本月登记 {f['complaints_registered']} 件，"
        f"以前月份登记、本月办理 {f['complaints_carried_over']} 件    {masked}",
        stats,
        unmasked,
        step,
    )
    _write_visits(
        wb,
        f"{name}来访咨询登记表（{month_title}）",
        f"填报单位：{name}    {span}    来访 {f['visits']} 次，{f['visits_headcount']} 人次",
        stats,
        unmasked,
        step,
    )
    _write_events(
        wb,
        f"{name}宣传活动登记表（{month_title}）",
        f"填报单位：{name}    {span}    宣传活动 {f['events']} 场，参加 {f['event_attendees']} 人，"
        f"发放资料 {f['event_leaflets']} 份",
        stats,
        step,
    )
    _write_stats(
        wb,
        f"{name}月度统计表（{month_title}）",
        f"填报单位：{name}    {span}    金额单位：元",
        stats,
    )
    step.check()
    wb.save(target)
    step.step()
    return f["visits"], f["events"]


def write_ledger(
    month: str,
    out_path: str | os.PathLike[str],
    *,
    origin: str | None = None,
    unmasked: bool = False,
    ctx: Context,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> LedgerSummary:
    """Write the ledger of ``month`` (``YYYY-MM``) for station ``origin`` (None: every station).

    ``progress(done, total)`` is called every few hundred rows and ``cancel.is_set()`` checked
    with it (``LedgerCancelled``). Raises ``LedgerWriteFailed`` (a ``StationError`` naming the
    path) when the file cannot be written; the target is then exactly as it was.
    """
    parse_month(month)
    target = Path(out_path).expanduser().absolute()
    wb = Workbook(write_only=True)
    try:
        # one read snapshot for the indicators and every row; the audit entry commits with it,
        # just before the file is moved into place
        with database_proxy.atomic(), written_in_place(target) as temp:
            stats = compute_indicators(month, origin=origin)
            visits, events = _build_workbook(
                wb, temp, stats, scope_name(ctx, origin), unmasked, progress, cancel
            )
            if unmasked:
                record_action(
                    ctx,
                    "ledger",
                    month,
                    "export",
                    "导出未遮蔽个人信息的月度台账",
                    field="unmasked",
                    new_value=str(target),
                )
                access_log.record(ctx, access_log.LEDGER_UNMASKED, month, str(target))
    except BaseException as error:
        _discard(wb)
        if isinstance(error, OSError):
            raise LedgerWriteFailed(target, error) from error
        raise
    f = stats.figures
    return LedgerSummary(
        target,
        month,
        f["complaints_registered"],
        f["complaints_carried_over"],
        visits,
        events,
        unmasked,
    )
