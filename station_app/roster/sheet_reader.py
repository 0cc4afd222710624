"""Read any workbook a county sends (.xlsx .xlsm .xls .ods .et .csv) as sheets of text cells.

``roster_file.read_workbook`` returns every visible worksheet as rows of stripped text (see
``cell_text`` for how numbers, dates and pictures become text), with the cells to refuse: formula errors as
``Sheet.problems`` and numbers too long to have kept their digits as ``Sheet.precision_lost``.
A file that cannot be read raises ``WorkbookUnreadable`` with one Chinese sentence naming it.
Spreadsheets are parsed by calamine (Rust); only error cells of .xlsx files are found by a second,
quick look at the sheet XML, because calamine hands them over as empty cells.
"""

from __future__ import annotations

import csv
import io
import logging
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol
from xml.parsers.expat import ExpatError

from defusedxml import ElementTree as SafeET
from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
    WorksheetNotFound,
    XmlError,
    ZipError,
)

from station_app.errors import StationError
from station_app.file_limits import (
    DAMAGED_ZIP_ERRORS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROSTER_FILE_BYTES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    check_zip_package,
    read_regular_file,
    scan_ods,
    scan_xlsx,
)
from station_app.messages import msg
from station_app.roster.cell_text import (
    ERROR_LITERALS,
    clean_text,
    column_index,
    column_letter,
    fill_merges_down,
    is_picture_formula,
    loses_precision,
    normalise_header,
    trim_rows,
    value_text,
)

log = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".et", ".xlsb"})
SUPPORTED_SUFFIXES = SPREADSHEET_SUFFIXES | {".csv"}
_CHUNK = 2000  # rows between progress reports and cancellation checks
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_SPECIAL_START = "=#_" + _INVISIBLE  # error literals, picture formulas, zero-width marks


class WorkbookUnreadable(StationError):
    """The file cannot be read as a workbook; the message names it and says what to do."""


class ReadCancelled(StationError):
    def __init__(self, name: str) -> None:
        super().__init__(msg("已取消读取“{name}”。", name=name))


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SheetProblem:
    """A cell the importer must report: ``row`` is the sheet's 1-based row number."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Sheet:
    """One worksheet as text.

    ``rows[i][j]`` is the cell in sheet row ``row_number(i)`` and column ``column_letter(j)``; all
    rows have the same length; leading empty rows and trailing empty rows and columns are trimmed.
    ``precision_lost`` holds ``(i, j)`` indexes into ``rows`` of number cells with 16+ digits.
    """

    name: str
    rows: list[list[str]]
    first_row: int = 1
    problems: list[SheetProblem] = field(default_factory=list)
    precision_lost: set[tuple[int, int]] = field(default_factory=set)

    def row_number(self, index: int) -> int:
        return self.first_row + index

    def cell_ref(self, index: int, column: int) -> str:
        return f"{column_letter(column)}{self.row_number(index)}"

    @property
    def is_empty(self) -> bool:
        """No text at all and nothing to report (a sheet of error cells is not empty)."""
        return not self.rows and not self.problems


@dataclass
class Workbook:
    path: Path
    sheets: list[Sheet]
    notes: list[str] = field(default_factory=list)
    date1904: bool = False

    def sheet(self, name: str) -> Sheet | None:
        wanted = normalise_header(name)
        return next((s for s in self.sheets if normalise_header(s.name) == wanted), None)

    @property
    def is_empty(self) -> bool:
        return all(sheet.is_empty for sheet in self.sheets)


def read_spreadsheet_here(
    path: Path,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    pre_checks: bool = True,
) -> Workbook:
    """Read a spreadsheet in this process: the checks of ``file_limits``, then calamine. Only
    tests call this; anything else goes through ``read_workbook``, whose child process reads
    with ``read_checked_spreadsheet`` what its parent has checked with ``check_spreadsheet``."""
    natural = check_spreadsheet(path, pre_checks=pre_checks)
    return read_checked_spreadsheet(path, natural, progress=progress, cancel=cancel)


def check_spreadsheet(path: Path, *, pre_checks: bool = True) -> str:
    """The extension matching the file's content, after the checks of ``file_limits`` (pure
    Python, bounded: safe in the program's own process); raises ``WorkbookUnreadable``.
    ``pre_checks=False`` skips the package checks: only for tests proving that the child
    process contains what the checks would have refused."""
    name = path.name.replace("\n", " ")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise WorkbookUnreadable(open_failed(name, exc)) from None
    return _natural_suffix(path, name, head, pre_checks)


def read_checked_spreadsheet(
    path: Path,
    natural: str,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> Workbook:
    """calamine's reading of a spreadsheet ``check_spreadsheet`` found to be ``natural``."""
    return _read_spreadsheet(path, path.name.replace("\n", " "), natural, progress, cancel)


# --- spreadsheets -----------------------------------------------------------------------------


# what a damaged .xlsx or .ods package raises while it is checked (its XML scanned by expat)
_DAMAGED_PACKAGE: tuple[type[BaseException], ...] = (*DAMAGED_ZIP_ERRORS, ExpatError)


def _natural_suffix(path: Path, name: str, head: bytes, pre_checks: bool = True) -> str:
    """The extension matching the file's content; refuses what is not a workbook."""
    not_excel = msg(
        "“{name}”不是 Excel 文件，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。", name=name
    )
    if head.startswith(OLE_MAGIC):
        data = read_regular_file(path, MAX_ROSTER_FILE_BYTES, WorkbookUnreadable)
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise WorkbookUnreadable(_password_message(name))
        return ".xls"
    if not head.startswith(ZIP_MAGIC):
        if head.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
            raise WorkbookUnreadable(
                msg(
                    "“{name}”是网页格式，不是 Excel 文件，"
                    "请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。",
                    name=name,
                )
            )
        raise WorkbookUnreadable(not_excel)
    try:
        with zipfile.ZipFile(path) as archive:
            if pre_checks:
                check_zip_package(path, archive, WorkbookUnreadable)
            names = set(archive.namelist())
            natural = _package_kind(names)
            if pre_checks and natural == ".ods":
                scan_ods(path, archive, WorkbookUnreadable)
            elif pre_checks and natural == ".xlsx":
                scan_xlsx(path, archive, WorkbookUnreadable)
    except _DAMAGED_PACKAGE:
        raise WorkbookUnreadable(_damaged_message(name)) from None
    if natural is None:
        raise WorkbookUnreadable(not_excel)
    return natural


def _package_kind(names: set[str]) -> str | None:
    if "mimetype" in names and "content.xml" in names:
        return ".ods"
    if "xl/workbook.bin" in names:
        return ".xlsb"
    # Some writers use flat or backslash-separated part names; calamine copes, so do we.
    if {"workbook.xml", "[Content_Types].xml"} <= {re.split(r"[/\\]", n)[-1] for n in names}:
        return ".xlsx"
    return None


def _password_message(name: str) -> str:
    return msg("“{name}”受密码保护，请去掉密码后另存再导入。", name=name)


def _damaged_message(name: str) -> str:
    return msg("“{name}”已损坏，无法读取，请重新保存或向发件人重新索取。", name=name)


def open_failed(name: str, exc: OSError) -> str:
    return msg("无法打开“{name}”：{reason}。", name=name, reason=exc.strerror or exc)


def _unreadable(name: str, exc: BaseException) -> str:
    return msg("“{name}”无法读取：{reason}。", name=name, reason=_short(exc))


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _read_spreadsheet(
    path: Path, name: str, natural: str, progress: Progress | None, cancel: CancelFlag | None
) -> Workbook:
    suffix = path.suffix.lower()
    matches = suffix == natural or (natural == ".xlsx" and suffix == ".xlsm")
    try:
        try:
            if matches:
                book = CalamineWorkbook.from_path(str(path))
            else:  # .et, or an extension that lies: let calamine go by the content
                with path.open("rb") as handle:
                    book = CalamineWorkbook.from_filelike(handle)
            with book:
                return _convert_book(book, path, name, natural, progress, cancel)
        except PasswordError:
            raise WorkbookUnreadable(_password_message(name)) from None
        except (ZipError, XmlError, WorksheetNotFound):
            raise WorkbookUnreadable(_damaged_message(name)) from None
        except CalamineError as exc:
            if not matches:  # read by content: calamine only says "Cannot detect file format"
                raise WorkbookUnreadable(_damaged_message(name)) from None
            raise WorkbookUnreadable(_unreadable(name, exc)) from None
    except StationError:
        raise
    except BaseException as exc:
        # calamine's Rust panics arrive as pyo3 PanicException, a BaseException.
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)):
            raise
        log.warning("unexpected failure reading %s", path, exc_info=True)
        raise WorkbookUnreadable(_unreadable(name, exc)) from None


def _convert_book(
    book: CalamineWorkbook,
    path: Path,
    name: str,
    natural: str,
    progress: Progress | None,
    cancel: CancelFlag | None,
) -> Workbook:
    metadata = book.sheets_metadata
    if not metadata:
        raise WorkbookUnreadable(
            msg("“{name}”中没有找到任何工作表，请检查文件后再导入。", name=name)
        )
    notes: list[str] = []
    wanted = []
    for meta in metadata:
        if meta.typ != SheetTypeEnum.WorkSheet:
            notes.append(msg("已跳过“{sheet}”：它是图表或宏表，不是数据表。", sheet=meta.name))
        elif meta.visible != SheetVisibleEnum.Visible:
            notes.append(msg("已跳过隐藏的工作表“{sheet}”。", sheet=meta.name))
        else:
            wanted.append(meta.name)
    errors: dict[str, list[tuple[int, int, str]]] = {}
    date1904 = False
    if natural == ".xlsx":
        errors, date1904 = _xlsx_error_cells(path, set(wanted))
    loaded = []
    for sheet_name in wanted:
        _check(cancel, name)
        calamine_sheet = book.get_sheet_by_name(sheet_name)
        loaded.append((sheet_name, calamine_sheet.to_python(skip_empty_area=False), calamine_sheet))
    total = sum(len(raw) for _, raw, _ in loaded)
    counter = [0, total]
    sheets = []
    for sheet_name, raw, calamine_sheet in loaded:
        sheet = _build_sheet(sheet_name, raw, progress, cancel, name, counter)
        seen = {(p.row, p.column) for p in sheet.problems}
        for row, column, code in errors.get(sheet_name, ()):
            if (row, column_letter(column)) not in seen:
                sheet.problems.append(_error_problem(sheet_name, row, column, code))
        sheet.problems.sort(key=lambda p: (p.row, len(p.column), p.column))
        fill_merges_down(sheet.rows, calamine_sheet.merged_cell_ranges or [], sheet.precision_lost)
        _trim(sheet)
        sheets.append(sheet)
    if progress is not None:
        progress(total, total)
    return Workbook(path=path, sheets=sheets, notes=notes, date1904=date1904)


def _check(cancel: CancelFlag | None, name: str) -> None:
    if cancel is not None and cancel.is_set():
        raise ReadCancelled(name)


def _error_problem(sheet: str, row: int, column: int, code: str) -> SheetProblem:
    letter = column_letter(column)
    message = msg(
        "工作表“{sheet}”第 {row} 行 {column} 列是错误值 {code}，请改正公式或填入实际内容。",
        sheet=sheet,
        row=row,
        column=letter,
        code=code or msg("#错误"),
    )
    return SheetProblem(sheet, row, letter, message)


def _build_sheet(
    sheet_name: str,
    raw: list[list[Any]],
    progress: Progress | None,
    cancel: CancelFlag | None,
    file_name: str,
    counter: list[int],
) -> Sheet:
    """Convert raw cells (absolute positions from A1) to text, noting errors and long numbers."""
    sheet = Sheet(sheet_name, [])
    rows = sheet.rows
    for start in range(0, len(raw), _CHUNK):
        _check(cancel, file_name)
        for i in range(start, min(start + _CHUNK, len(raw))):
            out = []
            for j, value in enumerate(raw[i]):
                if type(value) is str:
                    text = value.strip()
                    if text and (text[0] in _SPECIAL_START or text[-1] in _INVISIBLE):
                        text = clean_text(text)
                        if text in ERROR_LITERALS:
                            sheet.problems.append(_error_problem(sheet_name, i + 1, j, text))
                            text = ""
                        elif is_picture_formula(text):
                            text = ""
                else:
                    text = value_text(value)
                    if loses_precision(value):
                        sheet.precision_lost.add((i, j))
                out.append(text)
            rows.append(out)
        counter[0] += min(_CHUNK, len(raw) - start)
        if progress is not None:
            progress(counter[0], counter[1])
    return sheet


def _trim(sheet: Sheet) -> None:
    lead = trim_rows(sheet.rows)
    if lead:
        sheet.first_row += lead
        sheet.precision_lost = {(i - lead, j) for i, j in sheet.precision_lost}


# --- error cells in .xlsx (calamine returns them as empty) -------------------------------------

_ERROR_MARKS = (b't="e"', b"t='e'")
_CELL_REF_RE = re.compile(r"^([A-Za-z]{1,3})(\d+)$")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: Any, local_name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == local_name:
            return str(value)
    return None


def _xlsx_error_cells(
    path: Path, wanted: set[str]
) -> tuple[dict[str, list[tuple[int, int, str]]], bool]:
    """``{sheet: [(row 1-based, column 0-based, '#N/A')]}`` and the workbook's date1904 flag.

    Best effort: anything odd in the package just yields no error cells (calamine read it)."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    date1904 = False
    try:
        with zipfile.ZipFile(path) as archive:
            # Part names as written; some writers use backslashes or odd case.
            parts = {n.replace("\\", "/").lstrip("/").lower(): n for n in archive.namelist()}

            def open_part(part: str) -> IO[bytes]:
                return archive.open(parts[part.lower()])

            book_part = "xl/workbook.xml"
            with open_part("_rels/.rels") as stream:
                for rel in SafeET.parse(stream).getroot():
                    if (_attr(rel, "Type") or "").endswith("/officeDocument"):
                        book_part = _resolve("", _attr(rel, "Target") or "")
            folder, base = posixpath.split(book_part)
            with open_part(posixpath.join(folder, "_rels", base + ".rels")) as stream:
                targets = {
                    _attr(r, "Id"): _attr(r, "Target") for r in SafeET.parse(stream).getroot()
                }
            with open_part(book_part) as stream:
                book = SafeET.parse(stream).getroot()
            for element in book.iter():
                tag = _local(element.tag)
                if tag == "workbookPr":
                    date1904 = (_attr(element, "date1904") or "").lower() in ("1", "true")
                elif tag == "sheet" and _attr(element, "name") in wanted:
                    target = targets.get(_attr(element, "id"))
                    if target and _has_error_mark(open_part(_resolve(book_part, target))):
                        cells = _error_cells(open_part(_resolve(book_part, target)))
                        if cells:
                            found[str(_attr(element, "name"))] = cells
    except Exception:  # noqa: BLE001 - a best-effort extra; calamine already read the cells
        return found, date1904
    return found, date1904


def _resolve(source_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def _has_error_mark(stream: IO[bytes]) -> bool:
    """A quick byte scan, so sheets without error cells (nearly all) are never parsed twice."""
    with stream:
        tail = b""
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            window = tail + chunk
            if any(mark in window for mark in _ERROR_MARKS):
                return True
            tail = chunk[-8:]
    return False


def _error_cells(stream: IO[bytes]) -> list[tuple[int, int, str]]:
    cells = []
    row_number, column = 0, -1
    with stream:
        for event, element in SafeET.iterparse(stream, events=("start", "end")):
            tag = _local(element.tag)
            if tag == "row":
                if event == "start":
                    row_number = int(element.get("r") or row_number + 1)
                    column = -1
                else:
                    element.clear()
            elif tag == "c" and event == "end":
                ref = _CELL_REF_RE.match(element.get("r") or "")
                column = column_index(ref.group(1)) if ref else column + 1
                if element.get("t") == "e":
                    children = {_local(child.tag): child.text or "" for child in element}
                    if "DISPIMG" not in children.get("f", "").upper():
                        row = int(ref.group(2)) if ref else row_number
                        cells.append((row, column, children.get("v", "").strip()))
    return cells


# --- CSV --------------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    # a UTF-16 byte-order mark says UTF-16 (Excel's "Unicode text"), and nothing else is tried
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise WorkbookUnreadable(
        msg("无法识别“{name}”的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV 再导入。", name=name)
    )


def read_csv(
    path: Path, name: str, progress: Progress | None, cancel: CancelFlag | None
) -> Workbook:
    try:
        text = _decode(read_regular_file(path, MAX_ROSTER_FILE_BYTES, WorkbookUnreadable), name)
    except OSError as exc:
        raise WorkbookUnreadable(open_failed(name, exc)) from None
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    records: Iterator[list[str]] = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    raw: list[list[Any]] = []
    cells = 0
    try:
        for record in records:
            raw.append(record)
            cells += len(record)
            if len(record) > MAX_COLUMNS or len(raw) > MAX_ROWS or cells > MAX_CELLS:
                raise WorkbookUnreadable(_csv_too_large(name))
            if sum(map(len, record)) > MAX_TEXT_CHARS and max(map(len, record)) > MAX_TEXT_CHARS:
                raise WorkbookUnreadable(
                    msg(
                        "“{name}”第 {row} 行有一段文字超过 {limit} 个字符的上限，未读取。",
                        name=name,
                        row=len(raw),
                        limit=MAX_TEXT_CHARS,
                    )
                )
    except csv.Error as exc:
        raise WorkbookUnreadable(_unreadable(name, exc)) from None
    sheet = _build_sheet(path.stem, raw, progress, cancel, name, [0, len(raw)])
    _trim(sheet)
    return Workbook(path=path, sheets=[sheet])


def _csv_too_large(name: str) -> str:
    return msg(
        "“{name}”超过上限（最多 {rows} 行、{columns} 列、共 {cells} 个单元格），未读取。",
        name=name,
        rows=MAX_ROWS,
        columns=MAX_COLUMNS,
        cells=MAX_CELLS,
    )
