"""Importing a county roster: read and preview without writing, then apply all or nothing.

The two calls a face (CLI, GUI wizard) needs::

    preview = read_roster(path, progress=on_progress, cancel=token)   # no writes
    show(preview.diff, preview.errors, preview.notes)
    result = apply_roster(preview, ctx=ctx, force=False, skip_bad_rows=False)

``progress(done, total)`` is called from the calling thread (``total`` is 100: reading is the
first 70, checking and comparing the rest); ``cancel`` is any object with ``is_set()`` (a
``threading.Event``), checked every 2 000 rows; cancelling raises ``ReadCancelled``. A file that is
no roster at all raises ``RosterUnusable`` (or ``WorkbookUnreadable``), one sentence each (``msg``);
row errors do not raise: they are in ``preview.errors`` and block ``apply_roster`` unless the caller
explicitly chose ``skip_bad_rows``. ``save_error_report`` writes those errors as a workbook to send
back to the county.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.styles import Alignment, Font

from station_app.errors import StationError
from station_app.file_limits import MAX_ROSTER_FILE_BYTES, open_regular_file, too_big
from station_app.messages import msg, translate
from station_app.registry.context import Context
from station_app.roster.apply import (
    RosterApplied,
    RosterRefused,
    check_applicable,
    version_in_force,
    write_roster,
)
from station_app.roster.diff import RosterDiff, diff_roster
from station_app.roster.extensions import apply_saved_code_rows
from station_app.roster.format import SHEETS
from station_app.roster.parse import COUNTY_ONLY, KnownRefs, RosterContent, RowError, parse_roster
from station_app.roster.roster_file import read_workbook
from station_app.roster.sheet_reader import (
    SUPPORTED_SUFFIXES,
    CancelFlag,
    Progress,
    Workbook,
    WorkbookUnreadable,
)
from station_app.settings import station_identity
from station_app.spreadsheet_cells import text_row
from station_app.store.models import Region, Station
from station_app.sync.bundle_crypto import county_recipient, recipient_fingerprint
from station_app.validation import normalize_region_code

__all__ = [
    "RosterApplied",
    "RosterPreview",
    "RosterRefused",
    "RosterUnusable",
    "apply_roster",
    "read_roster",
    "save_error_report",
]

_READ_SHARE = 70


class RosterUnusable(StationError):
    """The file was read but holds nothing a roster import can use."""


@dataclass
class RosterPreview:
    """A read and checked roster with what applying it would change. Nothing is written yet."""

    path: Path
    file_sha256: str
    content: RosterContent
    diff: RosterDiff
    county_code: str | None
    version_in_force: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[RowError]:
        return self.content.errors

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def version(self) -> str | None:
        return self.content.meta.version

    @property
    def issued_on(self) -> dt.date | None:
        return self.content.meta.issued_on

    def summary_lines(self) -> list[str]:
        """The diff as lines for a person: version, then one line per part."""
        meta = self.content.meta
        head = msg(
            "名册“{file}”：版本 {version}",
            file=self.file_name,
            version=meta.version or msg("未注明"),
        )
        if meta.issued_on:
            head += msg("，发布日期 {date}", date=meta.issued_on.isoformat())
        if self.version_in_force:
            head += msg("（正在使用 {version}）", version=self.version_in_force)
        lines = [head]
        lines += [part.summary() for part in self.diff.parts.values()]
        if self.content.errors:
            lines.append(
                msg(
                    "错误 {count} 处，涉及 {rows} 行",
                    count=len(self.content.errors),
                    rows=self.content.bad_rows,
                )
            )
        if self.diff.no_change:
            lines.append(msg("与本机数据相比没有变化。"))
        return lines

    def check(self, *, force: bool = False, skip_bad_rows: bool = False) -> list[str]:
        """Raise ``RosterRefused`` when applying would be refused; else return warnings."""
        return check_applicable(self.content, force=force, skip_bad_rows=skip_bad_rows)


def _scaled(progress: Progress | None, start: int, share: int) -> Progress | None:
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int) -> None:
        report(start + (share * done // total if total else share), 100)

    return scaled


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a roster's ~100 000 short-lived cells and records
    are made (it would otherwise rescan them many times over); nothing here forms cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _sha256(path: Path) -> str:
    """The file's SHA-256, read again after the workbook was: within the same limits, so a file
    swapped for a pipe or a device meanwhile is refused, not read for ever."""
    digest = hashlib.sha256()
    left = MAX_ROSTER_FILE_BYTES
    try:
        with open_regular_file(path, MAX_ROSTER_FILE_BYTES, WorkbookUnreadable) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                left -= len(block)
                if left < 0:
                    raise WorkbookUnreadable(
                        too_big(path, MAX_ROSTER_FILE_BYTES - left, MAX_ROSTER_FILE_BYTES)
                    )
                digest.update(block)
    except OSError as error:
        raise WorkbookUnreadable(
            msg("无法打开“{name}”：{reason}。", name=path.name, reason=error.strerror or error)
        ) from None
    return digest.hexdigest()


def _read(path: Path, progress: Progress | None, cancel: CancelFlag | None) -> Workbook:
    """One workbook, or a folder of CSV files (one per part) read as one workbook."""
    if not path.is_dir():
        return read_workbook(path, progress=progress, cancel=cancel)
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not files:
        raise WorkbookUnreadable(
            msg("文件夹“{folder}”中没有 .xlsx、.xls 或 .csv 文件。", folder=path.name)
        )
    merged = Workbook(path=path, sheets=[])
    for index, file in enumerate(files):
        book = read_workbook(file, cancel=cancel)
        merged.sheets.extend(book.sheets)
        merged.notes.extend(book.notes)
        merged.date1904 = merged.date1904 or book.date1904
        if progress is not None:
            progress(index + 1, len(files))
    return merged


def _folder_sha256(path: Path) -> str:
    if not path.is_dir():
        return _sha256(path)
    digest = hashlib.sha256()
    for file in sorted(p for p in path.iterdir() if p.is_file()):
        digest.update(file.name.encode())
        digest.update(_sha256(file).encode())
    return digest.hexdigest()


def _known_refs() -> KnownRefs:
    identity = station_identity(required=False)
    county = None
    if identity is not None and identity.county_code:
        county = normalize_region_code(identity.county_code, "county_code", COUNTY_ONLY)
    stations = {
        s.code
        for s in Station.select(Station.code).where(
            Station.deleted == False,  # noqa: E712
            Station.active == True,  # noqa: E712
        )
    }
    regions = {r.code for r in Region.select(Region.code).where(Region.active == True)}  # noqa: E712
    return KnownRefs(station_codes=stations, region_codes=regions, county_code=county)


def read_roster(
    path: str | Path,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> RosterPreview:
    """Read, check and compare a roster file (or a folder of CSV files). Writes nothing.

    Raises ``WorkbookUnreadable`` or ``RosterUnusable`` (one sentence naming the file), or
    ``ReadCancelled``."""
    path = Path(path)
    with _collector_paused():
        return _read_roster(path, progress, cancel)


def _read_roster(path: Path, progress: Progress | None, cancel: CancelFlag | None) -> RosterPreview:
    book = _read(path, _scaled(progress, 0, _READ_SHARE), cancel)
    name = path.name
    if book.is_empty:
        raise RosterUnusable(msg("“{name}”中没有数据。", name=name))
    apply_saved_code_rows()
    known = _known_refs()
    content = parse_roster(book, known, cancel)
    if progress is not None:
        progress(90, 100)
    if not content.records and not content.errors and content.empty_parts:
        raise RosterUnusable(msg("“{name}”中的名册工作表只有表头，没有数据行。", name=name))
    if not content.records and not content.errors:
        parts = msg("、").join(translate(spec.title) for spec in SHEETS[:4])
        raise RosterUnusable(
            msg(
                "“{name}”中没有找到名册内容：应有 {parts} 等工作表（或带这些表头的 CSV 文件）。",
                name=name,
                parts=parts,
            )
        )
    county = content.meta.county_code or known.county_code
    diff = diff_roster(content, county)
    recipient_note = _recipient_note(content.meta.age_recipient)
    current = version_in_force()
    if progress is not None:
        progress(100, 100)
    return RosterPreview(
        path=path,
        file_sha256=_folder_sha256(path),
        content=content,
        diff=diff,
        county_code=county,
        version_in_force=current.version if current else None,
        notes=[*content.notes, *recipient_note],
    )


def _recipient_note(recipient: str | None) -> list[str]:
    """What the roster's county key changes here, with its fingerprint to compare."""
    if not recipient:
        return []
    fingerprint = recipient_fingerprint(recipient)
    identity = station_identity(required=False)
    if identity is not None and identity.is_county:
        return []
    if county_recipient() == recipient:
        return [
            msg("县消协加密公钥与本机已有的相同（指纹 {fingerprint}）。", fingerprint=fingerprint)
        ]
    return [
        msg(
            "名册带有县消协加密公钥（指纹 {fingerprint}），导入后本站的数据包将加密发给县消协；"
            "请与县消协核对指纹。",
            fingerprint=fingerprint,
        )
    ]


def apply_roster(
    preview: RosterPreview,
    *,
    force: bool = False,
    skip_bad_rows: bool = False,
    ctx: Context,
) -> RosterApplied:
    """Apply a previewed roster in one transaction, recorded in the import history.

    Raises ``RosterRefused`` (nothing written) on errors unless ``skip_bad_rows``, and on a version
    older than the one in force unless ``force``. The diff is recomputed inside the transaction.
    """
    with _collector_paused():
        result = write_roster(
            preview.content,
            file_name=preview.file_name,
            file_sha256=preview.file_sha256,
            actor=ctx.actor,
            now_utc=ctx.clock.utcnow(),
            county_code=preview.county_code,
            force=force,
            skip_bad_rows=skip_bad_rows,
        )
    apply_saved_code_rows()  # the new code rows take effect in this process at once
    return result


def save_error_report(preview: RosterPreview, path: str | Path) -> Path:
    """The preview's errors as a workbook for the county: one row per error.

    Unlike the station's other files this one is written in the window's language (``msg``),
    like the reasons it lists, which were worded when the roster was read: it is the officer's
    own copy of what the preview showed. Without a translator (the command line) it is Chinese.
    The file name, sheet names and reasons quote the county's file: they go in as text cells."""
    path = Path(path)
    book = OpenpyxlWorkbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = msg("错误清单")
    sheet.append(
        text_row(
            sheet,
            [
                msg(
                    "名册“{file}”的错误清单（共 {count} 处）",
                    file=preview.file_name,
                    count=len(preview.errors),
                )
            ],
        )
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(text_row(sheet, [msg("序号"), msg("工作表"), msg("行"), msg("列"), msg("原因")]))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for number, error in enumerate(preview.errors, start=1):
        row = [number, error.sheet, error.row, error.column, error.message]
        sheet.append(text_row(sheet, row))
    for letter, width in zip("ABCDE", (6, 14, 8, 6, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    for cells in sheet.iter_rows(min_row=3, min_col=5, max_col=5):
        cells[0].alignment = Alignment(wrap_text=True)
    sheet.freeze_panes = "A3"
    if preview.notes:
        notes = book.create_sheet(msg("说明"))
        for note in preview.notes:
            notes.append(text_row(notes, [note]))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
