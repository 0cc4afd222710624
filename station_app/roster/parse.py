"""Rows of a roster workbook → typed records, with one error per bad cell.

``parse_roster`` takes the text sheets of ``sheet_reader`` and returns a :class:`RosterContent`: the
cover (version, issue date, county), one list of :class:`RosterRecord` per part, and every
:class:`RowError` found (sheet, row, column letter, reason). Reasons and notes are sentences for
the officer, in the window's language (``msg``); columns and parts are named by their
``format.py`` titles, translated the same way. A row with an error is left
out of the records, so that skipping bad rows is simply applying what is left.

Checks: required columns and cells, the DOMAIN.md rules (credit codes, phones, region codes),
digits lost by a spreadsheet (long numbers, scientific notation), duplicates within a sheet, and
references (an officer's station, a business's village) to the file or to the database.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from station_app import codes
from station_app.errors import FieldError
from station_app.messages import msg, translate
from station_app.registry.station_kinds import ENTRUSTED, KINDS, kind_name, kind_of_text
from station_app.roster.cell_text import (
    column_letter,
    find_header_row,
    normalise_header,
    parse_date_text,
    restore_number_text,
)
from station_app.roster.format import (
    ACTIVE_NO,
    COVER_LABELS,
    HOLIDAY_WORDS,
    PART_TITLES,
    SHEETS,
    ColumnSpec,
    SheetSpec,
    is_cover_name,
    match_header,
    names_of,
    sheet_for_name,
)
from station_app.roster.sheet_reader import CancelFlag, ReadCancelled, Sheet, Workbook
from station_app.sync.bundle_crypto import check_recipient
from station_app.sync.upload_protocol import check_upload_url, normalise_certificate_fingerprint
from station_app.validation import (
    RegionLevel,
    normalize_credit_code,
    normalize_phone,
    normalize_region_code,
)

_STATION_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_]{1,31}$")
_CHECK_EVERY = 2000
COUNTY_ONLY: tuple[RegionLevel, ...] = ("county",)
_COVER_KEYS = {normalise_header(n): key for key, names in COVER_LABELS.items() for n in names}
_COVER_INLINE_RE = re.compile(
    "("
    + "|".join(sorted((n for ns in COVER_LABELS.values() for n in ns), key=len, reverse=True))
    + r")\s*[:：]\s*([^\s，,；;]+)"
)


@dataclass(frozen=True)
class RowError:
    """One refused cell or row. ``row`` is the sheet's row number; ``column`` a letter or ``""``.

    ``fatal`` errors (a missing column, an unreadable version) cannot be skipped."""

    sheet: str
    row: int
    column: str
    message: str
    fatal: bool = False

    def __str__(self) -> str:
        if self.column:
            return msg(
                "工作表“{sheet}”第 {row} 行 {column} 列：{reason}",
                sheet=self.sheet,
                row=self.row,
                column=self.column,
                reason=self.message,
            )
        return msg(
            "工作表“{sheet}”第 {row} 行：{reason}",
            sheet=self.sheet,
            row=self.row,
            reason=self.message,
        )


RecordKey = str | tuple[str, ...]


@dataclass
class RosterRecord:
    """One row of a part, in stored form: ``values`` are model field → value."""

    part: str
    key: RecordKey
    values: dict[str, object]
    sheet: str
    row: int

    @property
    def label(self) -> str:
        return str(self.values.get("name") or self.key)


@dataclass
class RosterMeta:
    version: str | None = None
    version_key: tuple[int, ...] | None = None
    issued_on: dt.date | None = None
    county_code: str | None = None
    publisher: str | None = None
    # years the 节假日 sheet lists the whole official schedule of (说明: 节假日完整年份)
    holiday_years: tuple[int, ...] | None = None
    holiday_years_at: tuple[str, int, str] | None = None
    age_recipient: str | None = None  # 县消协加密公钥 (age1…), checked strictly
    upload_url: str | None = None  # 县消协上传地址 (http(s)://…)
    certificate: str | None = None  # 县消协证书指纹 (SHA-256, AB:CD:…)


@dataclass
class KnownRefs:
    """What the database already holds, for references the file does not resolve itself."""

    station_codes: set[str] = field(default_factory=set)
    region_codes: set[str] = field(default_factory=set)
    county_code: str | None = None  # the installation's, when the file does not say


@dataclass
class RosterContent:
    meta: RosterMeta
    records: dict[str, list[RosterRecord]]  # part → records, only parts the file holds
    errors: list[RowError]
    notes: list[str]
    bad_rows: int = 0
    sheets: dict[str, str] = field(default_factory=dict)  # part → sheet name
    empty_parts: list[str] = field(default_factory=list)  # titles of header-only sheets

    @property
    def parts(self) -> list[str]:
        return list(self.records)

    @property
    def record_count(self) -> int:
        return sum(len(v) for v in self.records.values())


def version_key(text: str) -> tuple[int, ...] | None:
    """``2026.2`` → ``(2026, 2)``; ``2026年第10版`` → ``(2026, 10)``; no digits → None."""
    digits = re.findall(r"\d+", unicodedata.normalize("NFKC", text))
    return tuple(int(d) for d in digits) if digits else None


# --- one sheet ------------------------------------------------------------------------------


class _Rows:
    """A part's sheet with its header mapped; yields data rows and turns cells into values."""

    def __init__(
        self,
        sheet: Sheet,
        spec: SheetSpec,
        header: int,
        errors: list[RowError],
        date1904: bool,
    ) -> None:
        self.sheet, self.spec, self.header, self.errors = sheet, spec, header, errors
        self.date1904 = date1904
        self.columns: dict[str, int] = {}
        lookup = spec.header_lookup()
        for j, cell in enumerate(sheet.rows[header]):
            column = match_header(lookup, cell) if cell else None
            if column is not None and column.key not in self.columns:
                self.columns[column.key] = j
        self.problems: dict[int, list[tuple[str, str]]] = {}
        for problem in sheet.problems:
            self.problems.setdefault(problem.row, []).append((problem.column, problem.message))
        self.lost = sheet.precision_lost
        self.specs = {c.key: c for c in spec.columns}
        self.text_limits = {
            c.key: c.max_length for c in spec.columns if c.kind == "text" and c.key in self.columns
        }
        self.row_errors: list[RowError] = []
        self.index = 0
        self.row: list[str] = []

    def missing_required(self) -> list[ColumnSpec]:
        return [c for c in self.spec.columns if c.required and c.key not in self.columns]

    def __iter__(self) -> Iterator[int]:
        """Indexes of the data rows (below the header, not empty in the mapped columns)."""
        mapped = list(self.columns.values())
        rows = self.sheet.rows
        problems = self.problems
        for index in range(self.header + 1, len(rows)):
            row = rows[index]
            if not any(map(row.__getitem__, mapped)):
                continue
            self.index = index
            self.row = row
            self.row_errors = []
            if problems:
                number = self.sheet.row_number(index)
                for letter, message in problems.get(number, ()):
                    self.row_errors.append(RowError(self.sheet.name, number, letter, message))
            yield index

    @property
    def row_number(self) -> int:
        return self.sheet.row_number(self.index)

    def fail(self, key: str | None, message: str) -> None:
        self.row_errors.append(
            RowError(self.sheet.name, self.row_number, self._letter(key), message)
        )

    def finish_row(self) -> bool:
        """Record the row's errors; True when the row is good."""
        if self.row_errors:
            self.errors.extend(self.row_errors)
            return False
        return True

    def _cell_text(self, key: str) -> str:
        """The row's cell under ``key`` ("" when the sheet has no such column)."""
        j = self.columns.get(key)
        return "" if j is None else self.row[j]

    def text(self, key: str) -> str:
        text = self._cell_text(key)
        limit = self.text_limits.get(key)
        if limit is not None and len(text) > limit:
            self.fail(
                key, msg("“{column}”不能超过 {limit} 个字。", column=self.title(key), limit=limit)
            )
            return ""
        return text

    def code_text(self, key: str) -> str:
        """A cell holding digits (code, phone): numbers restored, lost digits refused."""
        text = self._cell_text(key)
        if not text:
            return ""
        if self.lost and (self.index, self.columns[key]) in self.lost:
            self.fail(
                key,
                msg(
                    "“{column}”是以数字格式保存的长数字（{number}），末尾几位已丢失："
                    "请把该列设为文本格式后重新填写。",
                    column=self.title(key),
                    number=text,
                ),
            )
            return ""
        if text.isascii() and text.isdigit():
            return text
        try:
            return restore_number_text(text)
        except ValueError as exc:
            self.fail(key, msg("“{column}”{reason}。", column=self.title(key), reason=exc))
            return ""

    def required(self, key: str, value: str) -> str:
        if not value and not any(e.column == self._letter(key) for e in self.row_errors):
            self.fail(key, msg("请填写“{column}”。", column=self.title(key)))
        return value

    def title(self, key: str) -> str:
        """The column's name in the window's language, for a message."""
        return translate(self.specs[key].title)

    def _letter(self, key: str | None) -> str:
        return column_letter(self.columns[key]) if key is not None and key in self.columns else ""

    def check(self, key: str, normalise: Callable[[str], str | None], value: str) -> str | None:
        if not value:
            return None
        try:
            return normalise(value)
        except FieldError as exc:
            self.fail(key, exc.message)
            return None


_MOBILE_RE = re.compile(r"1[3-9]\d{9}", re.ASCII)
_CREDIT_RE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}", re.ASCII)
_CREDIT_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHJKLMNPQRTUWXY")}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def fast_phone(text: str) -> str | None:
    """``normalize_phone``, with a shortcut for the common case of a plain mobile number."""
    if _MOBILE_RE.fullmatch(text):
        return text
    return normalize_phone(text)


def fast_credit_code(text: str) -> str | None:
    """``normalize_credit_code`` (GB 32100), with a shortcut for a well-formed code whose check
    character is right; anything else goes to the validator for its precise message."""
    if _CREDIT_RE.fullmatch(text):
        values = _CREDIT_VALUES
        total = sum(map(int.__mul__, [values[c] for c in text[:17]], _CREDIT_WEIGHTS))
        if _CREDIT_CHARS[(31 - total % 31) % 31] == text[17]:
            return text
    return normalize_credit_code(text)


def _no_cancel(cancel: CancelFlag | None, name: str) -> None:
    if cancel is not None and cancel.is_set():
        raise ReadCancelled(name)


# --- the roster -----------------------------------------------------------------------------


class _Parser:
    def __init__(self, workbook: Workbook, known: KnownRefs, cancel: CancelFlag | None) -> None:
        self.book, self.known, self.cancel = workbook, known, cancel
        self.errors: list[RowError] = []
        self.notes: list[str] = list(workbook.notes)
        self.meta = RosterMeta()
        self.records: dict[str, list[RosterRecord]] = {}
        self.sheets: dict[str, str] = {}
        self.bad_rows = 0
        self.region_cache: dict[tuple[str, RegionLevel], str | FieldError] = {}
        self.entity_types = codes.code_list("entity_type")
        self.bad_keys: dict[str, set[RecordKey]] = {}
        self.empty_parts: list[str] = []

    # classification ---------------------------------------------------------------------

    def classify(self) -> tuple[list[Sheet], list[tuple[SheetSpec, Sheet, int]]]:
        covers: list[Sheet] = []
        found: dict[str, tuple[SheetSpec, Sheet, int]] = {}
        for sheet in self.book.sheets:
            if sheet.is_empty:
                continue
            if is_cover_name(sheet.name):
                covers.append(sheet)
                continue
            spec = sheet_for_name(sheet.name)
            header = None
            if spec is not None:
                header = find_header_row(sheet.rows, names_of(spec.columns), spec.header_aliases)
                if header is None:
                    missing = _listed(translate(c.title) for c in spec.columns if c.required)
                    self.errors.append(
                        RowError(
                            sheet.name,
                            sheet.first_row,
                            "",
                            msg("没有找到表头（应含 {columns} 等列）。", columns=missing),
                            fatal=True,
                        )
                    )
                    continue
            else:
                spec, header = self._guess(sheet)
                if spec is None or header is None:
                    self.notes.append(
                        msg("已忽略工作表“{sheet}”：不是名册的组成部分。", sheet=sheet.name)
                    )
                    continue
            if spec.part in found:
                self.errors.append(
                    RowError(
                        sheet.name,
                        sheet.row_number(header),
                        "",
                        msg(
                            "与工作表“{other}”都是{part}，请合并为一个工作表。",
                            other=found[spec.part][1].name,
                            part=translate(spec.title),
                        ),
                        fatal=True,
                    )
                )
                continue
            found[spec.part] = (spec, sheet, header)
        order = [spec.part for spec in SHEETS]
        parts = sorted(found.values(), key=lambda item: order.index(item[0].part))
        # codes first (businesses use them), then regions, stations, officers, businesses
        priority = {"code": 0, "region": 1, "station": 2, "officer": 3, "business": 4, "holiday": 5}
        parts.sort(key=lambda item: priority[item[0].part])
        return covers, parts

    def _guess(self, sheet: Sheet) -> tuple[SheetSpec | None, int | None]:
        """A sheet with an unknown name (a CSV file): the part whose required headers it has."""
        best: tuple[int, SheetSpec | None, int | None] = (0, None, None)
        for spec in SHEETS:
            header = find_header_row(sheet.rows, names_of(spec.columns), spec.header_aliases)
            if header is None:
                continue
            lookup = spec.header_lookup()
            keys = {
                lookup[k].key for c in sheet.rows[header] if (k := normalise_header(c)) in lookup
            }
            if all(c.key in keys for c in spec.columns if c.required) and len(keys) > best[0]:
                best = (len(keys), spec, header)
        return best[1], best[2]

    # cover ------------------------------------------------------------------------------

    def read_cover(self, sheet: Sheet, rows: range) -> None:
        """Cover values: a label cell with the value in the next filled cell to its right, or
        ``名册版本：2026.2`` anywhere inside a cell (a title row)."""
        for i in rows:
            row = sheet.rows[i]
            for j, cell in enumerate(row):
                if not cell:
                    continue
                key = _COVER_KEYS.get(normalise_header(cell.rstrip(":：")))
                if key is not None:
                    later = [(k, v) for k, v in enumerate(row[j + 1 :], start=j + 1) if v]
                    if later and getattr(self.meta, key) is None:
                        self._cover_value(key, later[0][1], sheet, i, later[0][0])
                    continue
                for match in _COVER_INLINE_RE.finditer(cell):
                    key = _COVER_KEYS[normalise_header(match.group(1))]
                    if getattr(self.meta, key) is None:
                        self._cover_value(key, match.group(2), sheet, i, j)

    def _cover_value(self, key: str, value: str, sheet: Sheet, i: int, j: int) -> None:
        where = (sheet.name, sheet.row_number(i), column_letter(j))
        if key == "version":
            value = value.removesuffix(".0") if re.fullmatch(r"\d+\.0", value) else value
            parsed = version_key(value)
            if parsed is None:
                self.errors.append(
                    RowError(
                        *where,
                        msg("名册版本“{version}”中没有数字，无法比较新旧。", version=value),
                        fatal=True,
                    )
                )
                return
            self.meta.version, self.meta.version_key = value, parsed
        elif key == "issued_on":
            try:
                self.meta.issued_on = parse_date_text(value, date1904=self.book.date1904)
            except ValueError as exc:
                self.errors.append(
                    RowError(*where, msg("发布日期：{reason}。", reason=exc), fatal=True)
                )
        elif key == "county_code":
            try:
                self.meta.county_code = normalize_region_code(
                    restore_number_text(value), "county_code", COUNTY_ONLY
                )
            except (FieldError, ValueError) as exc:
                self.errors.append(
                    RowError(*where, msg("县级区划代码：{reason}", reason=exc), fatal=True)
                )
        elif key == "publisher":
            self.meta.publisher = value
        elif key == "age_recipient":
            self.meta.age_recipient = check_recipient(value)
            if self.meta.age_recipient is None:
                self.errors.append(RowError(*where, _bad_recipient(value), fatal=True))
        elif key in ("upload_url", "certificate"):
            self._endpoint_value(key, value, where)
        elif key == "holiday_years":
            years = _holiday_years(value)
            if years is None:
                self.errors.append(
                    RowError(
                        *where,
                        msg(
                            "节假日完整年份“{value}”无法识别：请写年份，如 2027；"
                            "多个年份用顿号分开，如 2027、2028。",
                            value=value,
                        ),
                        fatal=True,
                    )
                )
                return
            self.meta.holiday_years, self.meta.holiday_years_at = years, where

    def _endpoint_value(self, key: str, value: str, where: tuple[str, int, str]) -> None:
        """县消协上传地址 / 县消协证书指纹: the county's upload service, checked strictly."""
        if key == "upload_url":
            url = check_upload_url(value)
            if url is None:
                problem = msg(
                    "县消协上传地址“{value}”无效：应以 http:// 或 https:// 开头，"
                    "如 https://xfx.example.cn:8443。",
                    value=value[:120],
                )
            self.meta.upload_url = url
        else:
            fingerprint = normalise_certificate_fingerprint(value)
            if fingerprint is None:
                problem = msg(
                    "县消协证书指纹“{value}”无效：应为 64 位十六进制（可用冒号分隔）。",
                    value=value[:120],
                )
            self.meta.certificate = fingerprint
        if getattr(self.meta, key) is None:
            self.errors.append(RowError(*where, problem, fatal=True))

    # parts ------------------------------------------------------------------------------

    def run(self) -> RosterContent:
        covers, parts = self.classify()
        for sheet in covers:
            self.read_cover(sheet, range(len(sheet.rows)))
        for _spec, sheet, header in parts:
            self.read_cover(sheet, range(header))
        for spec, sheet, header in parts:
            _no_cancel(self.cancel, self.book.path.name)
            rows = _Rows(sheet, spec, header, self.errors, self.book.date1904)
            missing = rows.missing_required()
            if missing:
                names = _listed(msg("“{column}”", column=translate(c.title)) for c in missing)
                self.errors.append(
                    RowError(
                        sheet.name,
                        sheet.row_number(header),
                        "",
                        msg("缺少必填列 {columns}。", columns=names),
                        fatal=True,
                    )
                )
                continue
            errors_before = len(self.errors)
            records = getattr(self, f"_parse_{spec.part}")(rows)
            if not records and len(self.errors) == errors_before:
                self.empty_parts.append(spec.title)
                self.notes.append(
                    msg(
                        "工作表“{sheet}”只有表头，没有数据行：{part}保持不变。",
                        sheet=sheet.name,
                        part=translate(spec.title),
                    )
                )
                continue
            self.sheets[spec.part] = sheet.name
            self.records[spec.part] = records
        self._check_holiday_years()
        return RosterContent(
            meta=self.meta,
            records=self.records,
            errors=self.errors,
            notes=self.notes,
            bad_rows=self.bad_rows,
            sheets=self.sheets,
            empty_parts=self.empty_parts,
        )

    def _check_holiday_years(self) -> None:
        """A year declared complete must have its rows in this roster's 节假日 sheet."""
        if not self.meta.holiday_years or self.meta.holiday_years_at is None:
            return
        listed = {str(record.key)[:4] for record in self.records.get("holiday", ()) if record.key}
        missing = [str(year) for year in self.meta.holiday_years if str(year) not in listed]
        if missing:
            self.errors.append(
                RowError(
                    *self.meta.holiday_years_at,
                    msg(
                        "节假日完整年份写了 {years} 年，但“节假日”表中没有这一年的日期："
                        "请在节假日表列出该年全部放假和调休上班日期，或删去这个年份。",
                        years="、".join(missing),
                    ),
                    fatal=True,
                )
            )

    def _rows(self, rows: _Rows) -> Iterator[int]:
        for count, index in enumerate(rows):
            if count % _CHECK_EVERY == 0:
                _no_cancel(self.cancel, self.book.path.name)
            yield index

    def _region(self, rows: _Rows, key: str, value: str, level: RegionLevel) -> str | None:
        """A region code of ``level``, normalised (cached: the same codes repeat)."""
        if not value:
            return None
        cached = self.region_cache.get((value, level))
        if cached is None:
            try:
                cached = normalize_region_code(value, key, (level,))
            except FieldError as exc:
                cached = exc
            self.region_cache[(value, level)] = cached
        if isinstance(cached, FieldError):
            rows.fail(key, cached.message)
            return None
        return cached

    def _keep(
        self,
        rows: _Rows,
        out: list[RosterRecord],
        seen: dict[RecordKey, int],
        key: RecordKey,
        values: dict[str, object],
        what: str | Callable[[], str],
    ) -> None:
        """Add the row as a record unless it has errors or repeats an earlier row's key.
        ``what`` names the key in the duplicate message (a callable: only made when needed)."""
        first = seen.get(key)
        if first is not None:
            shown = what() if callable(what) else what
            rows.fail(
                None, msg("与第 {row} 行重复（{key}），请删去一行或改正。", row=first, key=shown)
            )
        elif rows.row_errors:
            self.bad_keys.setdefault(rows.spec.part, set()).add(key)
        if rows.finish_row():
            seen[key] = rows.row_number
            out.append(RosterRecord(rows.spec.part, key, values, rows.sheet.name, rows.row_number))
        else:
            self.bad_rows += 1
            seen.setdefault(key, rows.row_number)

    def _parse_code(self, rows: _Rows) -> list[RosterRecord]:
        out: list[RosterRecord] = []
        seen: dict[RecordKey, int] = {}
        lists = {codes.lookup_key(n): n for n in codes.LIST_NAMES}
        for name in codes.LIST_NAMES:
            lists.setdefault(codes.lookup_key(codes.code_list(name).title), name)
        extended: dict[str, codes.CodeList] = {}
        for _ in self._rows(rows):
            list_text = rows.required("list_name", rows.text("list_name"))
            list_name = lists.get(codes.lookup_key(list_text)) if list_text else None
            if list_text and list_name is None:
                rows.fail("list_name", msg("没有名为“{name}”的代码表。", name=list_text))
            code = rows.required("code", rows.code_text("code"))
            name = rows.required("name", rows.text("name"))
            active_text = rows.text("active")
            values: dict[str, object] = {
                "list_name": list_name,
                "code": code,
                "name": name,
                "name_en": rows.text("name_en") or None,
                "parent": rows.code_text("parent") or None,
                "active": codes.lookup_key(active_text) not in ACTIVE_NO,
            }
            if list_name and code and name and not rows.row_errors:
                base = extended.get(list_name) or codes.code_list(list_name)
                try:
                    extended[list_name] = base.extended([values])
                except codes.CodeListError as exc:
                    rows.fail("code", str(exc))
            what = partial(_code_what, code)
            self._keep(rows, out, seen, (str(list_name), code), values, what)
        if "entity_type" in extended:
            self.entity_types = extended["entity_type"]
        return out

    def _parse_region(self, rows: _Rows) -> list[RosterRecord]:
        out: list[RosterRecord] = []
        seen: dict[RecordKey, int] = {}
        places: dict[str, tuple[str, int, str]] = {}  # code → (name, row, level) of towns/counties
        place_records: list[RosterRecord] = []
        for _ in self._rows(rows):
            town_code = self._region(rows, "town_code", rows.code_text("town_code"), "town")
            rows.required("town_code", town_code or "")
            town = rows.required("town", rows.text("town"))
            county_code = self._region(rows, "county_code", rows.code_text("county_code"), "county")
            county = rows.text("county")
            if town_code and county_code and town_code[:6] != county_code:
                why = msg(
                    "乡镇代码 {town} 不属于县级区划 {county}。", town=town_code, county=county_code
                )
                rows.fail("town_code", why)
            village_code = self._region(
                rows, "village_code", rows.code_text("village_code"), "village"
            )
            village = rows.text("village")
            if village and not village_code:
                rows.required("village_code", "")
            if village_code and not village:
                rows.fail("village", msg("请填写村（社区）名称。"))
            if village_code and town_code and village_code[:9] != town_code:
                why = msg(
                    "村代码 {village} 的前 9 位与乡镇代码 {town} 不一致。",
                    village=village_code,
                    town=town_code,
                )
                rows.fail("village_code", why)
            for code, name, key in (
                (town_code, town, "town"),
                (county_code or (town_code[:6] if town_code else None), county, "county"),
            ):
                if not code or not name:
                    continue
                known = places.get(code)
                if known and known[0] != name:
                    rows.fail(
                        key,
                        msg(
                            "代码 {code} 在第 {row} 行的名称是“{name}”，与这里不同。",
                            code=code,
                            row=known[1],
                            name=known[0],
                        ),
                    )
            if not village_code:
                if town_code and town_code in places and not rows.row_errors:
                    rows.row_errors.append(
                        RowError(
                            rows.sheet.name,
                            rows.row_number,
                            "",
                            msg(
                                "与第 {row} 行重复（乡镇 {town}）。",
                                row=places[town_code][1],
                                town=town_code,
                            ),
                        )
                    )
                if rows.finish_row():
                    self._add_places(
                        rows, places, place_records, town_code, town, county_code, county
                    )
                else:
                    self.bad_rows += 1
                continue
            values: dict[str, object] = {
                "name": village,
                "level": "village",
                "parent_code": town_code,
                "active": True,
            }
            before = len(out)
            what = partial(_village_what, village_code)
            self._keep(rows, out, seen, village_code, values, what)
            if len(out) > before:
                self._add_places(rows, places, place_records, town_code, town, county_code, county)
        return place_records + out

    def _add_places(
        self,
        rows: _Rows,
        places: dict[str, tuple[str, int, str]],
        out: list[RosterRecord],
        town_code: str | None,
        town: str,
        county_code: str | None,
        county: str,
    ) -> None:
        assert town_code is not None
        county_code = county_code or town_code[:6]
        if county and county_code not in places:
            places[county_code] = (county, rows.row_number, "county")
            values: dict[str, object] = {
                "name": county,
                "level": "county",
                "parent_code": None,
                "active": True,
            }
            out.append(
                RosterRecord("region", county_code, values, rows.sheet.name, rows.row_number)
            )
        if town_code not in places:
            places[town_code] = (town, rows.row_number, "town")
            values = {"name": town, "level": "town", "parent_code": county_code, "active": True}
            out.append(RosterRecord("region", town_code, values, rows.sheet.name, rows.row_number))
        if self.meta.county_code is None:
            self.meta.county_code = county_code

    def _parse_station(self, rows: _Rows) -> list[RosterRecord]:
        out: list[RosterRecord] = []
        seen: dict[RecordKey, int] = {}
        regions = self._region_codes_for_refs()
        county_default = self.meta.county_code or self.known.county_code
        for _ in self._rows(rows):
            code = rows.required("code", rows.code_text("code").upper())
            if code and not _STATION_CODE_RE.match(code):
                rows.fail("code", msg("服务站编码须为 2–32 位字母、数字或下划线，例如 TJ001。"))
            name = rows.required("name", rows.text("name"))
            county = self._region(rows, "county_code", rows.code_text("county_code"), "county")
            town = self._region(rows, "town_code", rows.code_text("town_code"), "town")
            village = self._region(rows, "village_code", rows.code_text("village_code"), "village")
            for key, region in (("town_code", town), ("village_code", village)):
                if region and regions is not None and region not in regions:
                    rows.fail(
                        key,
                        msg(
                            "区划代码 {region} 不在名册的行政区划中，也不在本机区划中。",
                            region=region,
                        ),
                    )
            phone = rows.check("phone", fast_phone, rows.code_text("phone"))
            values: dict[str, object] = {
                "code": code,
                "name": name,
                "county_code": county if "county_code" in rows.columns else county_default,
                "town_code": town,
                "village_code": village,
                "address": rows.text("address") or None,
                "phone": phone,
                "active": True,
            }
            # a roster without these columns leaves what the station has (no kind wiped)
            if "kind" in rows.columns:
                values["kind"] = self._station_kind(rows)
            if "entrusting_office" in rows.columns:
                values["entrusting_office"] = rows.text("entrusting_office") or None
            if values.get("kind") == ENTRUSTED and not values.get("entrusting_office"):
                rows.fail(
                    "entrusting_office" if "entrusting_office" in rows.columns else "kind",
                    msg("受委托站的文书以委托机关的名义出具：请在“委托机关”列填写委托机关名称。"),
                )
            self._keep(rows, out, seen, code, values, partial(_station_what, code))
        return out

    def _station_kind(self, rows: _Rows) -> str | None:
        text = rows.text("kind")
        try:
            return kind_of_text(text)
        except ValueError:
            rows.fail(
                "kind",
                msg(
                    "服务站类型“{value}”不认识：应为 {names}。",
                    value=text,
                    names="、".join(kind_name(k) for k in KINDS),
                ),
            )
            return None

    def _region_codes_for_refs(self) -> set[str] | None:
        """Region codes a reference may name; None when nothing is known (no check)."""
        if "region" in self.records:
            codes_in_file = {str(r.key) for r in self.records["region"]}
            return codes_in_file | {str(k) for k in self.bad_keys.get("region", set())}
        return self.known.region_codes or None

    def _parse_officer(self, rows: _Rows) -> list[RosterRecord]:
        out: list[RosterRecord] = []
        seen: dict[RecordKey, int] = {}
        if "station" in self.records:
            stations = {str(r.key) for r in self.records["station"]}
            bad = {str(k) for k in self.bad_keys.get("station", set())}
        else:
            stations, bad = self.known.station_codes, set()
        for _ in self._rows(rows):
            name = rows.required("name", rows.text("name"))
            station = rows.required("station_code", rows.code_text("station_code").upper())
            if station and station not in stations:
                if station in bad:
                    why = msg("服务站 {station} 在“服务站”表中的那一行有错误。", station=station)
                elif "station" in self.records:
                    why = msg("服务站 {station} 不在本名册的“服务站”表中。", station=station)
                else:
                    why = msg("本机没有编码为 {station} 的服务站。", station=station)
                rows.fail("station_code", why)
            values: dict[str, object] = {
                "name": name,
                "station_code": station,
                "phone": rows.check("phone", fast_phone, rows.code_text("phone")),
                "role": rows.text("role") or None,
                "active": True,
            }
            what = partial(_officer_what, station, name)
            self._keep(rows, out, seen, (station, name), values, what)
        return out

    def _parse_business(self, rows: _Rows) -> list[RosterRecord]:
        out: list[RosterRecord] = []
        seen: dict[RecordKey, int] = {}
        regions = self._region_codes_for_refs()
        types = self.entity_types
        type_cache: dict[str, str | None] = {}
        type_names = _listed(codes.label_of(e) for e in types.active_entries())
        fast = _FastBusinessRow(rows, regions, type_cache, types) if not rows.lost else None
        for _ in self._rows(rows):
            if fast is not None and not rows.row_errors:
                done = fast.take(seen, out)
                if done:
                    continue
            name = rows.required("name", rows.text("name"))
            credit = rows.check("credit_code", fast_credit_code, rows.code_text("credit_code"))
            village = self._region(rows, "village_code", rows.code_text("village_code"), "village")
            if village and regions is not None and village not in regions:
                rows.fail(
                    "village_code",
                    msg(
                        "村代码 {village} 不在名册的行政区划中，也不在本机区划中。",
                        village=village,
                    ),
                )
            type_text = rows.text("entity_type")
            entity_type = None
            if type_text:
                if type_text not in type_cache:
                    type_cache[type_text] = types.code_for(type_text)
                entity_type = type_cache[type_text]
                if entity_type is None:
                    rows.fail(
                        "entity_type",
                        msg(
                            "经营者类型“{text}”不在代码表中，可填：{names}。",
                            text=type_text,
                            names=type_names,
                        ),
                    )
            phone = rows.check("phone", fast_phone, rows.code_text("phone"))
            values: dict[str, object] = {
                "name": name,
                "credit_code": credit,
                "entity_type": entity_type,
                "address": rows.text("address") or None,
                "phone": phone,
                "village_code": village,
                "legal_person": rows.text("legal_person") or None,
                "active": True,
            }
            key: RecordKey = credit if credit else (name, village or "")
            self._keep(rows, out, seen, key, values, partial(_business_what, credit, name, village))
        return out

    def _parse_holiday(self, rows: _Rows) -> list[RosterRecord]:
        out: list[RosterRecord] = []
        seen: dict[RecordKey, int] = {}
        words = {codes.lookup_key(w): kind for kind, ws in HOLIDAY_WORDS.items() for w in ws}
        for _ in self._rows(rows):
            day_text = rows.required("day", rows.text("day"))
            day = None
            if day_text:
                try:
                    day = parse_date_text(day_text, date1904=self.book.date1904)
                except ValueError as exc:
                    rows.fail("day", msg("{reason}。", reason=exc))
            kind_text = rows.required("kind", rows.text("kind"))
            kind = words.get(codes.lookup_key(kind_text)) if kind_text else None
            if kind_text and kind is None:
                rows.fail(
                    "kind", msg("类型“{text}”无法识别：只能填“放假”或“上班”。", text=kind_text)
                )
            values: dict[str, object] = {"kind": kind, "name": rows.text("name") or None}
            key = day.isoformat() if day else f"?{rows.row_number}"
            self._keep(rows, out, seen, key, values, partial(_day_what, key))
        return out


def _bad_recipient(value: str) -> str:
    return msg(
        "县消协加密公钥“{value}”无效：应为 age1 开头的 62 位公钥，"
        "请从县消协程序（station init --role county 的输出或服务站总览）原样复制。",
        value=value[:80],
    )


def _holiday_years(value: str) -> tuple[int, ...] | None:
    """``2027`` / ``2027年、2028年`` → the years; None when a part is not a year."""
    years: set[int] = set()
    for part in re.split(r"[、,，;；/\s]+", value.strip()):
        text = part.removesuffix(".0").removesuffix("年")
        if not text:
            continue
        if not re.fullmatch(r"\d{4}", text) or not 2000 <= int(text) <= 2100:
            return None
        years.add(int(text))
    return tuple(sorted(years)) or None


class _FastBusinessRow:
    """The common case of a business row, checked without the per-cell machinery: every cell
    plainly valid and the key new. Any doubt returns False and the row takes the careful path,
    which finds and words the errors."""

    def __init__(
        self,
        rows: _Rows,
        regions: set[str] | None,
        type_cache: dict[str, str | None],
        types: codes.CodeList,
    ) -> None:
        self.rows, self.regions, self.type_cache, self.types = rows, regions, type_cache, types
        columns = rows.columns
        self.j = {key: columns.get(key) for key in rows.specs}
        self.limits = {key: rows.specs[key].max_length for key in rows.specs}
        self.sheet_name = rows.sheet.name

    def _cell(self, key: str) -> str:
        j = self.j[key]
        return "" if j is None else self.rows.row[j]

    def take(self, seen: dict[RecordKey, int], out: list[RosterRecord]) -> bool:
        cell, limits = self._cell, self.limits
        name = cell("name")
        if not name or len(name) > limits["name"]:
            return False
        credit: str | None = cell("credit_code") or None
        if credit is not None:
            if not _CREDIT_RE.fullmatch(credit):
                return False
            total = sum(map(int.__mul__, [_CREDIT_VALUES[c] for c in credit[:17]], _CREDIT_WEIGHTS))
            if _CREDIT_CHARS[(31 - total % 31) % 31] != credit[17]:
                return False
        village: str | None = cell("village_code") or None
        if village is not None and (self.regions is None or village not in self.regions):
            return False  # regions hold normalised codes: a member is a valid village code
        type_text = cell("entity_type")
        entity_type = None
        if type_text:
            if type_text not in self.type_cache:
                self.type_cache[type_text] = self.types.code_for(type_text)
            entity_type = self.type_cache[type_text]
            if entity_type is None:
                return False
        phone: str | None = cell("phone") or None
        if phone is not None and not _MOBILE_RE.fullmatch(phone):
            return False
        address = cell("address") or None
        person = cell("legal_person") or None
        if (address and len(address) > limits["address"]) or (
            person and len(person) > limits["legal_person"]
        ):
            return False
        key: RecordKey = credit if credit else (name, village or "")
        if key in seen:
            return False
        number = self.rows.row_number
        seen[key] = number
        values: dict[str, object] = {
            "name": name,
            "credit_code": credit,
            "entity_type": entity_type,
            "address": address,
            "phone": phone,
            "village_code": village,
            "legal_person": person,
            "active": True,
        }
        out.append(RosterRecord("business", key, values, self.sheet_name, number))
        return True


# How a duplicate message names the key the two rows share (made only when there is one).


def _code_what(code: str) -> str:
    return msg("代码 {code}", code=code)


def _village_what(code: str) -> str:
    return msg("村代码 {village}", village=code)


def _station_what(code: str) -> str:
    return msg("服务站编码 {code}", code=code)


def _officer_what(station: str, name: str) -> str:
    return msg("{station} 的 {name}", station=station, name=name)


def _day_what(day: str) -> str:
    return msg("日期 {day}", day=day)


def _business_what(credit: str | None, name: str, village: str | None) -> str:
    if credit:
        return msg("统一社会信用代码 {code}", code=credit)
    return msg("名称“{name}”、所在村 {village}", name=name, village=village or msg("空"))


def _listed(items: Iterable[str]) -> str:
    """Names one after another: ``甲、乙`` (``A, B`` in English)."""
    return msg("、").join(items)


def parse_roster(
    workbook: Workbook, known: KnownRefs | None = None, cancel: CancelFlag | None = None
) -> RosterContent:
    """Parse a workbook read by ``read_workbook`` into roster records and row errors."""
    content = _Parser(workbook, known or KnownRefs(), cancel).run()
    if content.meta.county_code is None and known is not None:
        content.meta.county_code = known.county_code
    return content


def part_title(part: str) -> str:
    return PART_TITLES.get(part, part)
