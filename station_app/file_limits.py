"""Limits on every file the program reads from outside (rosters, bundles, receipts).

Any file an officer is handed may be hostile or simply broken, so nothing is read on trust:

* **Only regular files.** :func:`check_input_file` looks at the path with ``os.stat`` (which
  never opens it) and refuses folders, named pipes (FIFOs), devices and sockets, then refuses a
  file larger than the cap its caller gives. :func:`open_regular_file` and
  :func:`read_regular_file` open with ``O_NONBLOCK`` and check the opened handle again with
  ``fstat`` (a pipe put in place after the ``stat`` still cannot block), then read at most the
  cap.
* **Zip packages** (.xlsx, .ods, bundles) are judged by their central directory before any part
  is unpacked (:func:`check_zip_package`): number of entries, each entry's declared unpacked size,
  their total, and the ratio unpacked ÷ packed (a zip bomb packs 2 GB of one repeated string into
  a few MB). Python's ``zipfile`` never hands out more than an entry's declared size and checks
  its CRC, so the scans below read the true bytes within those limits.
* **Declared or implied sheet sizes are never used to allocate.** :func:`scan_xlsx` and
  :func:`scan_ods` stream every worksheet's XML and find the largest row and column any cell
  claims (cell and row ``r`` attributes, ODS repeat counts), the number of cells and the
  longest text; a sheet beyond the caps is refused before calamine (which allocates rows ×
  columns) sees it. The declared ``<dimension ref>`` is checked too, but only refused beyond
  what any spreadsheet can hold: writers often declare A1:XFD1048576 for a sheet of two rows, and
  such a sheet is read (calamine does not allocate by it; the cells decide).

Each refusal is one Chinese sentence naming the file and the limit, raised as the caller's own
``StationError`` subclass (``error``), so each reader keeps its refusal type.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from station_app.errors import StationError
from station_app.messages import msg

MB = 1024 * 1024

# a roster file (.xlsx .xls .ods .et .csv): the largest county roster is a few MB
MAX_ROSTER_FILE_BYTES = 64 * MB
# a bundle: parts and attachments, already limited inside by sync.bundle_format
MAX_BUNDLE_FILE_BYTES = 16 * 1024 * MB

# a roster workbook's zip package
MAX_PACKAGE_ENTRIES = 10_000
MAX_PART_BYTES = 256 * MB  # one part, unpacked
MAX_PACKAGE_BYTES = 512 * MB  # all parts, unpacked
MAX_RATIO = 250  # unpacked ÷ packed, for parts larger than RATIO_FLOOR
RATIO_FLOOR = 1 * MB

# a roster's sheets
MAX_ROWS = 500_000
MAX_COLUMNS = 1_024  # column AMJ
MAX_AREA = 10_000_000  # rows × columns of one sheet's used rectangle from A1
MAX_CELLS = 3_000_000  # cells written in the whole workbook
MAX_TEXT_CHARS = 32_767  # one cell's text (Excel's own limit)
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS  # the same in UTF-8 XML, at most 4 bytes a character
EXCEL_ROWS = 1_048_576  # a sheet's declared range may not exceed what any spreadsheet can hold
EXCEL_COLUMNS = 16_384

_CHUNK = MB
ErrorType = Callable[[str], StationError]


# what reading a damaged or hostile zip package (a bundle, an .xlsx or .ods) can raise: a broken
# archive, truncated or inflated data (zlib), an encrypted entry (RuntimeError), an entry needing a
# zip version or method zipfile lacks, or the file going away underneath
DAMAGED_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)


class FileRefused(StationError):
    """A file refused by a limit; the message names the file and the limit."""


def _name(path: Path) -> str:
    return re.sub(r"[\x00-\x1f\x7f]", " ", path.name)


def _part_name(filename: str) -> str:
    """An entry's name as shown in a refusal: one line, at most 80 characters."""
    return re.sub(r"[\x00-\x1f\x7f]", " ", filename)[:80]


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".removesuffix(".0")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return msg("文件夹")
    if stat.S_ISFIFO(mode):
        return msg("命名管道")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("设备")
    if stat.S_ISSOCK(mode):
        return msg("套接字")
    return msg("特殊文件")


def _check_stat(path: Path, info: os.stat_result, max_bytes: int, error: ErrorType) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise error(
            msg(
                "“{name}”不是普通文件（是{kind}），未读取。",
                name=_name(path),
                kind=_kind(info.st_mode),
            )
        )
    if info.st_size > max_bytes:
        raise error(too_big(path, info.st_size, max_bytes))


def too_big(path: Path, size: int, max_bytes: int) -> str:
    return msg(
        "“{name}”有 {size} MB，超过上限 {limit} MB，未读取。",
        name=_name(path),
        size=_megabytes(size),
        limit=_megabytes(max_bytes),
    )


def check_input_file(
    path: str | os.PathLike[str], max_bytes: int, error: ErrorType = FileRefused
) -> None:
    """Refuse ``path`` unless it is a regular file of at most ``max_bytes``; never opens it.

    A path that cannot be looked at (missing, no permission) is left to the caller, whose own
    open reports it in its own words."""
    path = Path(path)
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return
    _check_stat(path, info, max_bytes, error)


def open_regular_file(path: Path, max_bytes: int, error: ErrorType = FileRefused) -> BinaryIO:
    """``path`` opened for reading if it is a regular file of at most ``max_bytes``; raises
    ``error`` else (``OSError`` when it cannot be opened at all).

    Opened without blocking (a FIFO swapped in after a ``stat`` cannot hang the open) and checked
    on the open handle with ``fstat``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    handle = os.fdopen(descriptor, "rb")
    try:
        _check_stat(path, os.fstat(descriptor), max_bytes, error)
    except BaseException:
        handle.close()
        raise
    return handle


def read_regular_file(path: Path, max_bytes: int, error: ErrorType = FileRefused) -> bytes:
    """The bytes of ``path``, a regular file of at most ``max_bytes`` (see
    :func:`open_regular_file`), never read past ``max_bytes`` even if the file grows meanwhile."""
    with open_regular_file(path, max_bytes, error) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise error(too_big(path, len(data), max_bytes))
    return data


# --- zip packages ------------------------------------------------------------------------------


def check_zip_package(path: Path, archive: zipfile.ZipFile, error: ErrorType) -> None:
    """Refuse a package whose directory promises too much, before any part is unpacked."""
    name = _name(path)
    entries = archive.infolist()
    if len(entries) > MAX_PACKAGE_ENTRIES:
        raise error(
            msg(
                "“{name}”包含 {count} 个内部文件，超过上限 {limit} 个，未读取。",
                name=name,
                count=len(entries),
                limit=MAX_PACKAGE_ENTRIES,
            )
        )
    total = 0
    for info in entries:
        if info.file_size > MAX_PART_BYTES:
            raise error(
                msg(
                    "“{name}”中的“{part}”解压后有 {size} MB，超过上限 {limit} MB，未读取。",
                    name=name,
                    part=_part_name(info.filename),
                    size=_megabytes(info.file_size),
                    limit=_megabytes(MAX_PART_BYTES),
                )
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise error(
                msg(
                    "“{name}”中的“{part}”压缩比为 {ratio}:1，超过上限 {limit}:1"
                    "（疑似压缩炸弹），未读取。",
                    name=name,
                    part=_part_name(info.filename),
                    ratio=info.file_size // max(info.compress_size, 1),
                    limit=MAX_RATIO,
                )
            )
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        raise error(
            msg(
                "“{name}”解压后共 {size} MB，超过上限 {limit} MB，未读取。",
                name=name,
                size=_megabytes(total),
                limit=_megabytes(MAX_PACKAGE_BYTES),
            )
        )


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            yield chunk


# --- sheets: the cells they claim ----------------------------------------------------------------

_LONG_TEXT = re.compile(rb">([^<]{%d,})" % (MAX_TEXT_CHARS + 1))  # maybe too long: decode


@dataclass(frozen=True)
class _SheetPatterns:
    """What the scan looks for in a sheet's XML. ``_PLAIN`` serves the usual sheet without
    namespace prefixes (each pattern starts with a literal, so the regex engine skips ahead fast);
    ``_ANY_PREFIX`` serves a piece where a prefixed ``c``, ``row`` or ``dimension`` appears."""

    cell_tag: re.Pattern[bytes]  # a cell's start tag, its attributes in group 1
    empty_cell: re.Pattern[bytes]  # a self-closing cell: no content
    cell_open: re.Pattern[bytes]
    cell_ref: re.Pattern[bytes]  # r="B12" (letters required: a row's r has none)
    row_tag: re.Pattern[bytes]
    row_ref: re.Pattern[bytes]
    dimension: re.Pattern[bytes]


def _patterns(prefix: bytes) -> _SheetPatterns:
    return _SheetPatterns(
        cell_tag=re.compile(rb"<%sc(?=[\s/>])([^>]*)>" % prefix),
        empty_cell=re.compile(rb"<%sc\s[^>]*/>" % prefix),
        cell_open=re.compile(rb"<%sc[\s/>]" % prefix),
        cell_ref=re.compile(rb"\sr\s*=\s*[\"']([A-Za-z]+)(\d+)"),
        row_tag=re.compile(rb"<%srow[\s/>]" % prefix),
        row_ref=re.compile(rb"<%srow\s[^>]*?\br\s*=\s*[\"'](\d*)" % prefix),
        dimension=re.compile(rb"<%sdimension\s[^>]*?\bref\s*=\s*[\"']([^\"']*)" % prefix),
    )


_PLAIN = _patterns(b"")
_ANY_PREFIX = _patterns(rb"(?:[A-Za-z_][\w.-]*:)?")
_PREFIXED = re.compile(rb":(?:c|row|dimension)[\s/>]")
_PLAIN_ROWS = re.compile(rb' r="[A-Za-z]+(\d+)"')  # the usual spelling, found fast
_PLAIN_LONG_COLUMNS = re.compile(rb' r="([A-Za-z]{2,})\d')
_PLAIN_SHORT_COLUMNS = re.compile(rb' r="([A-Za-z])\d')
_ODD_REF = re.compile(rb"r(?:=\s|\s+=|\s*=\s*')")  # r='B12', r = "B12"…: use cell_ref
_REF = re.compile(r"^\$?([A-Za-z]{1,7})\$?(\d{1,12})$")
_WORKSHEET = re.compile(r"(^|/)worksheets/[^/]+\.xml$", re.IGNORECASE)


def _column_number(letters: str | bytes) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _Claims:
    """What one sheet's cells claim: the largest row and column, the number of cells."""

    def __init__(self) -> None:
        self.max_row = 0
        self.max_column = 0
        self.cells = 0
        self.cells_without_ref = 0
        self.row_refs = 0  # the largest row number of any row, filled or not
        self.rows_without_ref = 0

    def add_cells(self, cells: int, letters: list[bytes], digits: list[bytes]) -> None:
        """``cells`` filled cells, of which ``len(digits)`` have an ``r``; ``letters`` holds (at
        least) the largest column letters among them."""
        self.cells += cells
        self.cells_without_ref += max(cells - len(digits), 0)
        if letters:
            self.max_column = max(self.max_column, *map(_column_number, set(letters)))
        if digits:
            self.max_row = max(self.max_row, max(map(int, digits)))

    def check(self, name: str, part: str, error: ErrorType, cells_so_far: int) -> None:
        rows, columns = self.max_row, self.max_column
        if self.cells_without_ref:  # placed after the cell or row before: bound them
            rows = max(rows, self.row_refs + self.rows_without_ref)
            columns += self.cells_without_ref
        if rows > MAX_ROWS or columns > MAX_COLUMNS:
            raise error(
                msg(
                    "“{name}”中的“{part}”的单元格延伸到 {cell}，超过上限"
                    "（最多 {rows} 行、{columns} 列），未读取。",
                    name=name,
                    part=part,
                    cell=f"{_column_letters(max(self.max_column, 1))}{max(self.max_row, 1)}",
                    rows=MAX_ROWS,
                    columns=MAX_COLUMNS,
                )
            )
        if rows * columns > MAX_AREA:
            raise error(
                msg(
                    "“{name}”中的“{part}”的数据区域有 {area} 个单元格，超过上限 {limit} 个，未读取。",
                    name=name,
                    part=part,
                    area=rows * columns,
                    limit=MAX_AREA,
                )
            )
        if cells_so_far + self.cells > MAX_CELLS:
            raise error(
                msg(
                    "“{name}”的单元格超过上限 {limit} 个，未读取。",
                    name=name,
                    limit=MAX_CELLS,
                )
            )


def _text_too_long(name: str, part: str) -> str:
    return msg(
        "“{name}”中的“{part}”有一段文字超过 {limit} 个字符的上限，未读取。",
        name=name,
        part=part,
        limit=MAX_TEXT_CHARS,
    )


def _complete_tags(
    chunks: Iterator[bytes], name: str, part: str, error: ErrorType
) -> Iterator[bytes]:
    """``chunks`` re-cut just before a ``<``, so no tag and no text run spans two pieces; a run
    without any ``<`` longer than the text limit is refused."""
    tail = b""
    for chunk in chunks:
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            tail = data
        else:
            tail = data[cut:]
            yield data[:cut]
        if len(tail) > MAX_TEXT_BYTES + 64 * 1024:
            raise error(_text_too_long(name, part))
    if tail:
        yield tail


def _scan_xml_part(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    error: ErrorType,
    claims: _Claims | None,
    cells_so_far: int,
) -> None:
    part = _part_name(info.filename)
    for piece in _complete_tags(_chunks(archive, info), name, part, error):
        for run in _LONG_TEXT.finditer(piece):
            if len(run.group(1).decode("utf-8", "replace")) > MAX_TEXT_CHARS:
                raise error(_text_too_long(name, part))
        if claims is None:
            continue
        patterns = _ANY_PREFIX if _PREFIXED.search(piece) else _PLAIN
        for match in patterns.dimension.finditer(piece):
            # Writers often declare more than they fill (A1:XFD1048576 for a two-row sheet), so
            # the declared range is never trusted nor used; only one no spreadsheet can have is
            # refused. The cells below are what counts.
            last = match.group(1).decode("ascii", "replace").split(":")[-1]
            ref = _REF.match(last)
            if ref is None or (
                int(ref.group(2)) > EXCEL_ROWS or _column_number(ref.group(1)) > EXCEL_COLUMNS
            ):
                raise error(
                    msg(
                        "“{name}”中的“{part}”声明的范围“{cell}”超出电子表格的上限"
                        "（{rows} 行、{columns} 列），未读取。",
                        name=name,
                        part=part,
                        cell=last[:20],
                        rows=EXCEL_ROWS,
                        columns=EXCEL_COLUMNS,
                    )
                )
        # Only cells with content count: writers also write empty styled cells (<c r="XFD9" s="1"/>)
        # to the sheet's very end, and calamine keeps nothing of them.
        if patterns.empty_cell.search(piece):
            filled = [a for a in patterns.cell_tag.findall(piece) if not a.endswith(b"/")]
            refs = [m.groups() for m in map(patterns.cell_ref.search, filled) if m]
            claims.add_cells(len(filled), [r[0] for r in refs], [r[1] for r in refs])
        elif patterns is _PLAIN and not _ODD_REF.search(piece):
            # nearly every sheet: no prefix, every cell filled, r="B12" spelled the usual way;
            # found at C speed (columns past Z are rare, so only those are collected if any)
            letters = _PLAIN_LONG_COLUMNS.findall(piece) or _PLAIN_SHORT_COLUMNS.findall(piece)
            claims.add_cells(
                len(patterns.cell_open.findall(piece)), letters, _PLAIN_ROWS.findall(piece)
            )
        else:
            refs = patterns.cell_ref.findall(piece)
            claims.add_cells(
                len(patterns.cell_open.findall(piece)),
                [r[0] for r in refs],
                [r[1] for r in refs],
            )
        row_refs = [int(r) for r in patterns.row_ref.findall(piece) if r]
        if row_refs:
            claims.row_refs = max(claims.row_refs, max(row_refs))
        claims.rows_without_ref += len(patterns.row_tag.findall(piece)) - len(row_refs)
        claims.check(name, part, error, cells_so_far)


def _is_xml(filename: str) -> bool:
    return filename.lower().endswith((".xml", ".rels", ".vml"))


def scan_xlsx(path: Path, archive: zipfile.ZipFile, error: ErrorType) -> None:
    """Stream every XML part: text lengths everywhere, cell positions and counts in worksheets.

    A part that is not what its directory entry says (CRC, size) raises ``zipfile.BadZipFile``
    from here, before calamine reads it."""
    name = _name(path)
    cells = 0
    for info in archive.infolist():
        if not _is_xml(info.filename):
            continue
        normalised = posixpath.normpath(info.filename.replace("\\", "/").lstrip("/"))
        claims = _Claims() if _WORKSHEET.search(normalised) else None
        _scan_xml_part(archive, info, name, error, claims, cells)
        if claims is not None:
            cells += claims.cells


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class OdsRefused(ValueError):
    """content.xml declares a DTD or entities (never needed by a spreadsheet)."""


def _repeat(attributes: dict[str, str], name: str) -> int:
    value = attributes.get(f"{_ODS_TABLE} {name}") or "1"
    return int(value) if value.isdigit() and len(value) < 12 else 1


class _OdsCells:
    """expat handlers following content.xml's tables, rows and cells; nothing is kept but counts
    (a tree of a hostile 256 MB part would not fit in memory)."""

    TABLE = f"{_ODS_TABLE} table"
    ROW = f"{_ODS_TABLE} table-row"
    CELLS = (f"{_ODS_TABLE} table-cell", f"{_ODS_TABLE} covered-table-cell")
    VALUE_TYPE = f"{_ODS_OFFICE} value-type"

    def __init__(self, name: str, error: ErrorType) -> None:
        self.name, self.error = name, error
        self.total = 0
        self.claims = _Claims()
        self.row, self.column, self.row_repeat, self.cell_repeat = 0, 0, 1, 1
        self.in_cell = False
        self.filled = False

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.in_cell:
            self.filled = True  # a paragraph, a link, an annotation: something in the cell
        elif tag in self.CELLS:
            self.in_cell = True
            self.cell_repeat = _repeat(attributes, "number-columns-repeated")
            self.filled = bool(attributes.get(self.VALUE_TYPE))
        elif tag == self.ROW:
            self.row_repeat, self.column = _repeat(attributes, "number-rows-repeated"), 0
        elif tag == self.TABLE:
            self.total += self.claims.cells
            self.claims, self.row = _Claims(), 0

    def end(self, tag: str) -> None:
        if tag in self.CELLS:
            self.in_cell = False
            if self.filled:
                claims = self.claims
                claims.max_row = max(claims.max_row, self.row + self.row_repeat)
                claims.max_column = max(claims.max_column, self.column + self.cell_repeat)
                claims.cells += self.cell_repeat * self.row_repeat
                claims.check(self.name, "content.xml", self.error, self.total)
            self.column += self.cell_repeat
        elif tag == self.ROW:
            self.row += self.row_repeat

    def text(self, data: str) -> None:
        if self.in_cell and not data.isspace():
            self.filled = True


def _no_declarations(*_args: object) -> None:
    raise OdsRefused("DTD or entity declaration")


def scan_ods(path: Path, archive: zipfile.ZipFile, error: ErrorType) -> None:
    """An .ods sheet implies its size by repeat counts (``number-rows-repeated``,
    ``number-columns-repeated``); only cells holding something count (writers repeat empty cells
    to the sheet's end), and the area they imply is refused beyond the caps. content.xml is
    streamed through expat, refusing any DTD or entity declaration (raises ``OdsRefused``, a
    ``ValueError``, or ``xml.parsers.expat.ExpatError``: the caller's "damaged")."""
    name = _name(path)
    for info in archive.infolist():
        if _is_xml(info.filename):  # text lengths, sizes and CRCs; cells in content.xml below
            _scan_xml_part(archive, info, name, error, None, 0)
    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        return
    cells = _OdsCells(name, error)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _no_declarations
    parser.EntityDeclHandler = _no_declarations
    parser.StartElementHandler = cells.start
    parser.EndElementHandler = cells.end
    parser.CharacterDataHandler = cells.text
    try:
        for chunk in _chunks(archive, info):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except LookupError as exc:  # an XML declaration naming an encoding nobody knows: damaged
        raise expat.ExpatError(str(exc)) from exc


MAX_PASSWORD_FILE_BYTES = 4096  # a password file's first line is the password


def read_password_file(path: str | os.PathLike[str]) -> str:
    """The password in the first line of ``path`` (``--password-file``, ``--new-password-file``,
    ``--database-password-file``, STATION_PASSWORD_FILE): UTF-8 text, at most 4 KiB, the line
    not empty. A pipe is read too (``--password-file <(…)`` in a script), up to the cap."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_PASSWORD_FILE_BYTES + 1)
    except OSError as error:
        raise StationError(
            msg("无法读取密码文件 {path}：{error}", path=file, error=error.strerror or error)
        ) from None
    if len(data) > MAX_PASSWORD_FILE_BYTES:
        raise StationError(msg("密码文件 {path} 过大，不像密码文件。", path=file))
    try:
        lines = data.decode().splitlines()
    except UnicodeDecodeError:
        raise StationError(msg("密码文件 {path} 不是 UTF-8 文本。", path=file)) from None
    if not lines or not lines[0]:
        raise StationError(msg("密码文件 {path} 是空的。", path=file))
    return lines[0]
