"""Turning spreadsheet cells into text, and reading text back as dates, codes and headers.

Counties type rosters in Excel, WPS and Tencent Docs: phone and ID numbers arrive as numbers, dates
as serials, ``20220101`` or ``2020年1月1日``, headers under title rows with ``*`` required markers.
Everything here is pure (no I/O) so the importer and the tests can use it on any text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation

from station_app.messages import msg

# Numbers at or above this have 16+ integer digits: Excel keeps 15 significant digits and a float
# about 15.9, so such a cell (an 18-digit ID number typed as a number) has lost its last digits.
PRECISION_LIMIT = 1e15
_EXACT_FLOAT_INT = float(2**53)

# The texts Excel and WPS store for a formula that failed; a cell holding one is reported.
ERROR_LITERALS = frozenset(
    {
        "#DIV/0!",
        "#N/A",
        "#NAME?",
        "#NULL!",
        "#NUM!",
        "#REF!",
        "#VALUE!",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)

# Pictures in cells: WPS caches ``=DISPIMG("ID_…",1)`` as the value of ``_xlfn.DISPIMG``; Excel 365
# has ``IMAGE(…)``. Neither is data.
_PICTURE_RE = re.compile(r"^=?\s*(?:_xlfn\.)?(?:DISPIMG|IMAGE)\s*\(", re.IGNORECASE)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``25`` → ``Z``, ``26`` → ``AA`` (0-based column index)."""
    if index < 0:
        raise ValueError(f"column index must be >= 0, not {index}")
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """``A`` → ``0``, ``AA`` → ``26`` (the inverse of ``column_letter``)."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def clean_text(text: str) -> str:
    """Strip surrounding whitespace (full-width too), zero-width marks and a stray BOM."""
    text = text.strip()
    if text and (text[0] in _INVISIBLE or text[-1] in _INVISIBLE):
        text = text.strip(_INVISIBLE).strip()
    return text


def is_picture_formula(text: str) -> bool:
    return bool(_PICTURE_RE.match(text))


def number_text(value: float) -> str:
    """A number as a person would type it: no ``.0``, never scientific notation.

    Whole numbers below 2**53 print exactly; larger ones print the 15 significant digits Excel
    keeps (``360426199101010000``), which the caller must treat as damaged (see PRECISION_LIMIT).
    """
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    if value.is_integer():
        if abs(value) < _EXACT_FLOAT_INT:
            return str(int(value))
        return format(Decimal(format(value, ".15g")), "f")
    text = format(value, ".15g")
    if "e" in text:
        text = format(Decimal(text), "f")
    return text


def value_text(value: object) -> str:
    """Any value calamine returns, other than ``str``, as text (see ``number_text``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        rounded = (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
        if rounded.time() == dt.time(0, 0):
            return rounded.date().isoformat()
        if rounded.year < 1900:  # a time of day stored against Excel's day zero
            return rounded.time().isoformat()
        return rounded.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        hours, rest = divmod(abs(seconds), 3600)
        return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return clean_text(str(value))


def loses_precision(value: object) -> bool:
    """True for a number cell too long to have kept all its digits (an 18-digit ID)."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and abs(value) >= PRECISION_LIMIT
    )


# --- rows -------------------------------------------------------------------------------------


def fill_merges_down(
    rows: list[list[str]],
    merges: Iterable[tuple[tuple[int, int], tuple[int, int]]],
    flagged: set[tuple[int, int]],
) -> None:
    """Copy the value of each merge spanning rows, ``((top, left), (bottom, right))`` 0-based, into
    the empty cells of its first column below (WPS and Tencent Docs keep it in the top cell only).
    Horizontal merges (titles) are left alone. Cells copied from a ``flagged`` cell are flagged."""
    for (top, left), (bottom, _right) in merges:
        if bottom <= top or top >= len(rows) or left >= len(rows[top]) or not rows[top][left]:
            continue
        value = rows[top][left]
        lost = (top, left) in flagged
        for i in range(top + 1, min(bottom, len(rows) - 1) + 1):
            if left < len(rows[i]) and not rows[i][left]:
                rows[i][left] = value
                if lost:
                    flagged.add((i, left))


def trim_rows(rows: list[list[str]]) -> int:
    """Drop trailing empty rows and columns and leading empty rows; pad rows to one width.

    Whatever width a sheet declares, only cells with text count. Returns the number of leading
    rows dropped."""
    while rows and not any(rows[-1]):
        rows.pop()
    lead = 0
    while lead < len(rows) and not any(rows[lead]):
        lead += 1
    del rows[:lead]
    width = 0
    for row in rows:
        for j in range(len(row) - 1, width - 1, -1):
            if row[j]:
                width = j + 1
                break
    for index, row in enumerate(rows):
        if len(row) > width:
            del row[width:]
        elif len(row) < width:
            rows[index] = row + [""] * (width - len(row))
    return lead


# --- dates ------------------------------------------------------------------------------------

_DATE_RE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:(?:\s+|T)\d{1,2}[:：]\d{1,2}(?::\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL_RE = re.compile(r"^\d{1,7}(?:\.\d+)?$")
_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
_MAX_DATE = dt.date(9999, 12, 31)


def parse_date_text(text: str, *, date1904: bool = False) -> dt.date | None:
    """Read a date typed or exported in any of the usual ways; ``None`` for an empty cell.

    Accepts ``2020/1/1``, ``2020-01-01``, ``2020.1.1``, ``2020年1月1日`` (optionally followed by a
    time, which is dropped), ``20200101`` and Excel serial numbers (``43831``; 1900 date system
    unless ``date1904``). Raises ``ValueError`` with a sentence (``msg``: the window's language) for
    anything else.
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    match = _DATE_RE.match(s) or _COMPACT_DATE_RE.match(s)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError(msg("日期“{date}”不存在，请检查年月日", date=text.strip())) from None
    if _SERIAL_RE.match(s):
        return _serial_date(int(float(s)), text.strip(), date1904)
    raise ValueError(msg("无法识别日期“{date}”，请写成 2020-01-01 这样的格式", date=text.strip()))


_MONTH_DAY_RE = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """A date an officer types into a date field; ``None`` for an empty field.

    Takes what :func:`parse_date_text` takes except Excel serial numbers (a typed ``1120`` is no
    date), and also a month and day alone (``11-20``, ``11/20``, ``11.20``, ``11月20日``), which
    means that day of ``today``'s year. Raises ``ValueError`` with a sentence for anything else.
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    match = _MONTH_DAY_RE.match(s)
    if match:
        month, day = (int(g) for g in match.groups())
        try:
            return dt.date(today.year, month, day)
        except ValueError:
            raise ValueError(msg("日期“{date}”不存在，请检查年月日", date=text.strip())) from None
    if _SERIAL_RE.match(s) and not _COMPACT_DATE_RE.match(s):
        raise ValueError(
            msg("无法识别日期“{date}”，请写成 2020-01-01 这样的格式", date=text.strip())
        )
    return parse_date_text(s)


# a time of day after the date (or alone): 9:30, 09:30:15, 9时30分, 9点30; the date ends with a
# space, "T" or 日
_TYPED_TIME_RE = re.compile(
    r"(?:^|(?<=[\sT日]))(\d{1,2})\s*[:时点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?\s*[分秒]?$"
)


def parse_typed_moment(text: str, today: dt.date) -> tuple[dt.date | None, dt.time | None] | None:
    """A date and time an officer types into a date-and-time field; ``None`` for an empty field.

    The date as :func:`parse_typed_date` reads it, then optionally a time of day
    (``2026-11-20 9:30``, ``11-20 14:00``, ``2026年11月20日9时30分``); or a time alone (``14:30``,
    the date left as it was: ``(None, time)``); a date alone leaves the time as it was
    (``(date, None)``). Raises ``ValueError`` with a sentence for anything else.
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    match = _TYPED_TIME_RE.search(s)
    moment = None
    if match:
        hour, minute, second = (int(g) if g else 0 for g in match.groups())
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError(msg("时间“{time}”不存在，请检查时和分", time=match.group(0).strip()))
        moment = dt.time(hour, minute, second)
        s = s[: match.start()].rstrip().removesuffix("T").rstrip()
        if not s:
            return None, moment
    return parse_typed_date(s, today), moment


def _serial_date(serial: int, shown: str, date1904: bool) -> dt.date:
    if date1904:
        epoch, first = _EPOCH_1904, 0
    elif serial == 60:
        raise ValueError(msg("日期序号“{serial}”对应 1900年2月29日，这一天不存在", serial=shown))
    elif serial < 60:  # Excel counts a 29 Feb 1900 that never was; earlier days are off by one
        epoch, first = _EPOCH_1900 + dt.timedelta(days=1), 1
    else:
        epoch, first = _EPOCH_1900, 1
    if serial < first or serial > (_MAX_DATE - epoch).days:
        raise ValueError(
            msg("日期序号“{serial}”超出范围，请写成 2020-01-01 这样的格式", serial=shown)
        )
    return epoch + dt.timedelta(days=serial)


# --- numbers typed as text --------------------------------------------------------------------

_SCIENTIFIC_RE = re.compile(r"^[+-]?(\d+)(?:\.(\d*))?[eE][+-]?\d+$")
_WHOLE_WITH_ZEROS_RE = re.compile(r"^[+-]?\d+\.0+$")


def restore_number_text(text: str) -> str:
    """Undo what a spreadsheet did to a code typed as a number, for code columns.

    ``'1.3812345678E+10'`` → ``'13812345678'``; ``'13812345678.0'`` → ``'13812345678'``; other text
    (``'7.500'``, ``'0123'``) is returned stripped and otherwise unchanged. Raises ``ValueError``
    when scientific notation hides digits (``'3.60426E+17'``: only 6 of 18 digits are known).
    """
    s = unicodedata.normalize("NFKC", text).strip()
    match = _SCIENTIFIC_RE.match(s)
    if match:
        try:
            number = Decimal(s)
        except InvalidOperation:  # pragma: no cover - the pattern only admits valid numbers
            return s
        plain = format(number, "f")
        if number == number.to_integral_value():
            plain = plain.split(".")[0]
            known = len((match.group(1) + (match.group(2) or "")).lstrip("0"))
            if known < len(plain.lstrip("+-").lstrip("0")):
                raise ValueError(
                    msg(
                        "“{number}”以科学计数法显示，已丢失位数：请把该列设为文本后重新填写",
                        number=s,
                    )
                )
        return plain
    if _WHOLE_WITH_ZEROS_RE.match(s):
        return s.split(".")[0]
    return s


# --- headers ----------------------------------------------------------------------------------

_HEADER_DROP_RE = re.compile(r"[\s*" + _INVISIBLE + "]+")
# Cells that are values, not labels: numbers, ISO dates and times, booleans.
_NUMERIC_RE = re.compile(
    r"^(?:[+-]?[\d,]*\.?\d+%?|\d{4}-\d{2}-\d{2}(?: [\d:]+)?|\d{1,2}:\d{2}(?::\d{2})?|TRUE|FALSE)$"
)


def normalise_header(text: str) -> str:
    """Header text for matching: NFKC (full-width → half-width), no ``*``, no whitespace at all,
    case-folded. ``' *联系电话（手机）\\n'`` → ``'联系电话(手机)'``."""
    return _HEADER_DROP_RE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def find_header_row(
    rows: Sequence[Sequence[str]],
    expected_names: Iterable[str] = (),
    aliases: Mapping[str, Iterable[str]] | None = None,
    *,
    limit: int = 30,
) -> int | None:
    """Index in ``rows`` of the header row among the first ``limit`` rows, or ``None``.

    With ``expected_names`` (and ``aliases``: expected name → other names it goes by), the row
    matching the most distinct expected names wins (the earliest on a tie); at least two must
    match (one if only one is expected); of two adjacent rows matching equally (a header merged
    over two rows, filled down) the lower is the header. Without, it is the first row of two or more text cells
    (not numbers) that is as wide as half the widest row near the top and is followed by data.
    """
    lookup: dict[str, str] = {}
    for name in expected_names:
        lookup[normalise_header(name)] = name
    for name, others in (aliases or {}).items():
        for other in (name, *others):
            lookup.setdefault(normalise_header(other), name)
    lookup.pop("", None)
    top = rows[:limit]
    if lookup:
        need = min(2, len(set(lookup.values())))
        best, best_score = None, 0
        for index, row in enumerate(top):
            matched = {
                lookup[key] for cell in row if cell and (key := normalise_header(cell)) in lookup
            }
            # A header merged over two rows is filled down into both: take the lower one.
            if len(matched) > best_score or (len(matched) == best_score and best == index - 1):
                best, best_score = index, len(matched)
        return best if best_score >= need else None
    counts = [sum(1 for cell in row if cell) for row in top]
    widest = max(counts, default=0)
    for index, row in enumerate(top):
        texts = sum(1 for cell in row if cell and not _NUMERIC_RE.match(cell))
        wide_text = texts >= 2 and texts * 2 >= widest and texts * 2 > counts[index]
        if wide_text and any(any(later) for later in rows[index + 1 : index + 4]):
            while index + 1 < len(rows) and rows[index + 1] == row:
                index += 1  # the same header filled down from a merge over two rows
            return index
    return None
