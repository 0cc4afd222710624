"""Hostile files (issue 18): each is a real file made here, refused with one sentence naming it,
and nothing is imported.

Large payloads are written as highly compressible zip entries or sparse files, so this test's own
disk and memory stay small.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from station_app.file_limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_RATIO,
    MAX_ROSTER_FILE_BYTES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    FileRefused,
    check_input_file,
    read_regular_file,
)
from station_app.registry.context import Context
from station_app.roster.apply import version_in_force
from station_app.roster.contained_read import read_contained
from station_app.roster.roster_file import read_workbook
from station_app.roster.roster_import import read_roster
from station_app.roster.sheet_reader import WorkbookUnreadable
from station_app.store.models import Region
from station_app.store.roster_models import RosterImport
from station_app.sync.bundle_format import BundleRefused, SyncError
from station_app.sync.reader import open_bundle

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{DOC_REL}">'
    '<sheets><sheet name="行政区划" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}">'
    f'<Relationship Id="rId1" Type="{DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>乡镇代码</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>乡镇</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>村代码</t></is></c>'
    '<c r="D1" t="inlineStr"><is><t>村</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>511921100</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>诺江镇</t></is></c>'
    '<c r="C2" t="inlineStr"><is><t>511921100201</t></is></c>'
    '<c r="D2" t="inlineStr"><is><t>新华村民委员会</t></is></c></row>'
)


def sheet_xml(rows: str, dimension: str = "A1:D2") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


def xlsx(
    path: Path,
    rows: str = HEADER_ROW,
    *,
    dimension: str = "A1:D2",
    shared_strings: Callable[[Any], None] | None = None,
) -> Path:
    """A minimal real .xlsx (one sheet 行政区划); ``shared_strings(stream)`` writes that part
    in pieces, so a huge part never sits in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml(rows, dimension))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>'.encode())
            if shared_strings is not None:
                shared_strings(stream)
            stream.write(b"</t></si></sst>")
    return path


def nothing_imported(ctx: Context, action: Callable[[], object], *expected: str) -> str:
    """Run ``action``, which must be refused with a ``StationError`` whose one-line message holds
    each of ``expected``; the roster status in the database must be what it was."""
    before = (version_in_force(), RosterImport.select().count(), Region.select().count())
    with pytest.raises((WorkbookUnreadable, FileRefused, BundleRefused, SyncError)) as caught:
        action()
    message = str(caught.value)
    assert "\n" not in message
    for text in expected:
        assert text in message, message
    assert (version_in_force(), RosterImport.select().count(), Region.select().count()) == before
    return message


def finishes_within(seconds: float, action: Callable[[], object]) -> object:
    """``action()`` run in a thread that must end within ``seconds`` (a FIFO must never block)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(action())
        except Exception as error:  # noqa: BLE001 - handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the read blocked"
    return outcome[0]


# --- zip bombs and absurd sheets -----------------------------------------------------------------


def test_a_shared_strings_zip_bomb_is_refused_before_unpacking(
    ctx: Context, tmp_path: Path
) -> None:
    """The 4 MB roster whose shared strings expand to 2 GB, at a smaller scale (64 MB of one letter
    packed ~1000:1): refused from the zip directory, before any byte of the part is unpacked."""

    def repeated(stream: Any) -> None:
        block = b"A" * (1024 * 1024)
        for _ in range(64):
            stream.write(block)

    bomb = xlsx(tmp_path / "bomb.xlsx", shared_strings=repeated)
    assert bomb.stat().st_size < 1024 * 1024
    message = nothing_imported(ctx, lambda: read_roster(bomb), "bomb.xlsx", f"{MAX_RATIO}:1")
    assert "xl/sharedStrings.xml" in message


def test_a_shared_string_longer_than_a_cell_may_hold(ctx: Context, tmp_path: Path) -> None:
    text = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(MAX_TEXT_CHARS + 10))
    book = xlsx(tmp_path / "long.xlsx", shared_strings=lambda s: s.write(text.encode()))
    nothing_imported(ctx, lambda: read_roster(book), "long.xlsx", str(MAX_TEXT_CHARS))


def test_a_cell_at_xfd1048576_is_refused_not_allocated(ctx: Context, tmp_path: Path) -> None:
    rows = HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    book = xlsx(tmp_path / "far.xlsx", rows, dimension="A1:XFD1048576")
    started = time.monotonic()
    message = nothing_imported(ctx, lambda: read_roster(book), "far.xlsx", "XFD1048576")
    assert str(MAX_ROWS) in message and str(MAX_COLUMNS) in message
    assert time.monotonic() - started < 30


def test_a_cell_within_excel_but_beyond_the_roster_caps(ctx: Context, tmp_path: Path) -> None:
    rows = HEADER_ROW + f'<row r="{MAX_ROWS + 1}"><c r="A{MAX_ROWS + 1}"><v>1</v></c></row>'
    book = xlsx(tmp_path / "deep.xlsx", rows)
    nothing_imported(ctx, lambda: read_roster(book), "deep.xlsx", f"{MAX_ROWS + 1}")


def test_a_declared_range_no_spreadsheet_can_have(ctx: Context, tmp_path: Path) -> None:
    book = xlsx(tmp_path / "declared.xlsx", dimension="A1:ZZZZ99999999")
    nothing_imported(ctx, lambda: read_roster(book), "declared.xlsx", "ZZZZ99999999")


def test_a_false_declared_range_alone_is_read(ctx: Context, tmp_path: Path) -> None:
    """Writers declare A1:XFD1048576 for small sheets; only the cells count."""
    book = xlsx(tmp_path / "false.xlsx", dimension="A1:XFD1048576")
    assert read_roster(book).diff.parts["region"].new


def test_too_many_cells_without_positions(ctx: Context, tmp_path: Path) -> None:
    """Cells with no ``r`` attribute are placed one after the other: counted, never trusted."""
    cells = "<c><v>1</v></c>" * (MAX_COLUMNS + 1)
    book = xlsx(tmp_path / "wide.xlsx", HEADER_ROW + f"<row>{cells}</row>")
    nothing_imported(ctx, lambda: read_roster(book), "wide.xlsx", str(MAX_COLUMNS))


def test_a_truncated_zip(ctx: Context, tmp_path: Path) -> None:
    whole = xlsx(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    nothing_imported(ctx, lambda: read_roster(cut), "cut.xlsx", "损坏")


def test_a_part_that_lies_about_its_size_is_damaged(ctx: Context, tmp_path: Path) -> None:
    """The directory says 10 bytes; the data unpacks to far more: never read past 10 bytes."""
    book = xlsx(tmp_path / "liar.xlsx")
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    central = data.rfind(b"xl/worksheets/sheet1.xml") - 46  # its central directory record
    assert data[central : central + 4] == b"PK\x01\x02"
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    local = info.header_offset
    data[local + 22 : local + 26] = (10).to_bytes(4, "little")
    book.write_bytes(bytes(data))
    nothing_imported(ctx, lambda: read_roster(book), "liar.xlsx")


# --- not regular files, oversized files ------------------------------------------------------------


@posix_only
def test_dev_zero_named_as_a_roster(ctx: Context, tmp_path: Path) -> None:
    link = tmp_path / "roster.csv"
    link.symlink_to("/dev/zero")
    message = finishes_within(
        10, lambda: nothing_imported(ctx, lambda: read_roster(link), "roster.csv", "设备")
    )
    assert isinstance(message, str)
    nothing_imported(ctx, lambda: read_roster("/dev/zero"), "zero")


@posix_only
@pytest.mark.parametrize("name", ["roster.csv", "roster.xlsx"])
def test_a_fifo_named_as_a_roster_never_blocks(ctx: Context, tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = finishes_within(
        10, lambda: nothing_imported(ctx, lambda: read_roster(fifo), name, "命名管道")
    )
    assert isinstance(result, str), result


@posix_only
def test_a_fifo_inside_a_folder_of_csv_files(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    os.mkfifo(folder / "行政区划.csv")
    finishes_within(
        10, lambda: nothing_imported(ctx, lambda: read_roster(folder), "行政区划.csv", "命名管道")
    )


def test_a_folder_named_as_a_workbook(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "roster.xlsx"
    folder.mkdir()
    nothing_imported(ctx, lambda: read_roster(folder), "roster.xlsx")
    nothing_imported(ctx, lambda: read_workbook(folder), "roster.xlsx", "文件夹")


@pytest.mark.parametrize("name", ["big.csv", "big.xlsx"])
def test_an_oversized_file(ctx: Context, tmp_path: Path, name: str) -> None:
    big = tmp_path / name
    with big.open("wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_ROSTER_FILE_BYTES + 1)
    nothing_imported(ctx, lambda: read_roster(big), name, "64 MB")


def test_a_csv_with_too_many_cells(ctx: Context, tmp_path: Path) -> None:
    rows = MAX_CELLS // 100 + 1
    book = tmp_path / "many.csv"
    book.write_text("乡镇代码,乡镇,村代码,村\n" + ("1," * 99 + "1\n") * rows, encoding="utf-8")
    nothing_imported(ctx, lambda: read_roster(book), "many.csv", str(MAX_CELLS))


def test_read_regular_file_refuses_growth_past_the_cap(tmp_path: Path) -> None:
    small = tmp_path / "a.csv"
    small.write_bytes(b"x" * 11)
    with pytest.raises(FileRefused, match="a.csv"):
        read_regular_file(small, 10)
    assert read_regular_file(small, 11) == b"x" * 11
    check_input_file(tmp_path / "missing.csv", 10)  # left to the caller's own open


# --- bundles and receipts -----------------------------------------------------------------------


@posix_only
def test_bundle_and_receipt_fifos_devices_and_folders(ctx: Context, tmp_path: Path) -> None:
    from station_app.sync.receipts import import_receipt

    fifo = tmp_path / "TJ001_00001.stbundle"
    os.mkfifo(fifo)
    finishes_within(
        10, lambda: nothing_imported(ctx, lambda: open_bundle(fifo), fifo.name, "命名管道")
    )
    zero = tmp_path / "zero.stbundle"
    zero.symlink_to("/dev/zero")
    nothing_imported(ctx, lambda: open_bundle(zero), "zero.stbundle", "设备")
    folder = tmp_path / "folder.stbundle"
    folder.mkdir()
    nothing_imported(ctx, lambda: open_bundle(folder), "folder.stbundle", "文件夹")
    receipt = tmp_path / "county.streceipt"
    os.mkfifo(receipt)
    finishes_within(
        10, lambda: nothing_imported(ctx, lambda: import_receipt(ctx, receipt), receipt.name)
    )
    zero_receipt = tmp_path / "zero.streceipt"
    zero_receipt.symlink_to("/dev/zero")
    nothing_imported(ctx, lambda: import_receipt(ctx, zero_receipt), "zero.streceipt", "设备")


# --- the contained reader ----------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="the memory limit needs setrlimit")
def test_a_reader_that_runs_away_ends_only_its_child(ctx: Context, tmp_path: Path) -> None:
    """Without the pre-checks, calamine asks for ~512 GB for a sheet spanning A1:XFD1048576 and
    aborts: only the child dies; the parent says so in one line and reads the next file."""
    rows = HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    book = xlsx(tmp_path / "abort.xlsx", rows)
    message = nothing_imported(
        ctx, lambda: read_contained(book, pre_checks=False), "abort.xlsx", "无法安全读取"
    )
    assert "内存" in message
    assert read_roster(xlsx(tmp_path / "next.xlsx")).diff.parts["region"].new


def test_a_reader_out_of_time_is_stopped(ctx: Context, tmp_path: Path) -> None:
    book = xlsx(tmp_path / "slow.xlsx")
    message = nothing_imported(
        ctx, lambda: read_contained(book, time_limit=0.0), "slow.xlsx", "无法安全读取", "时间上限"
    )
    assert "0 秒" in message


def test_refusals_from_the_child_keep_the_window_language(tmp_path: Path) -> None:
    """The child asks the parent to translate each sentence (the GUI's translator)."""
    from station_app import messages

    rows = HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    book = xlsx(tmp_path / "far.xlsx", rows)
    messages.set_translator(lambda text, _d: "EN " + text)
    try:
        with pytest.raises(WorkbookUnreadable) as caught:
            read_workbook(book)
    finally:
        messages.set_translator(None)
    assert str(caught.value).startswith("EN ")


# --- .ods: sizes implied by repeat counts --------------------------------------------------------

ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>{doctype}'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="行政区划">'
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods_row(*texts: str, repeat: int = 1) -> str:
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
        for t in texts
    )
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{cells}</table:table-row>"


def ods(path: Path, rows: str, doctype: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)  # fmt: skip
        archive.writestr("content.xml", ODS_HEAD.format(doctype=doctype) + rows + ODS_TAIL)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    return path


HEADER_ODS = ods_row("乡镇代码", "乡镇", "村代码", "村") + ods_row(
    "511921100", "诺江镇", "511921100201", "新华村民委员会"
)


def test_an_ods_roster_within_the_limits_is_read(ctx: Context, tmp_path: Path) -> None:
    """Trailing empty rows repeated to the sheet's end (as LibreOffice writes) do not count."""
    empty = '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/></table:table-row>'
    book = ods(tmp_path / "ok.ods", HEADER_ODS + empty)
    assert read_roster(book).diff.parts["region"].new


def test_an_ods_row_repeated_a_million_times(ctx: Context, tmp_path: Path) -> None:
    book = ods(tmp_path / "repeat.ods", HEADER_ODS + ods_row("x", repeat=1_000_000))
    nothing_imported(ctx, lambda: read_roster(book), "repeat.ods", str(MAX_ROWS))


def test_an_ods_with_entity_declarations_is_refused(ctx: Context, tmp_path: Path) -> None:
    laughs = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    book = ods(tmp_path / "laughs.ods", HEADER_ODS, doctype=laughs)
    nothing_imported(ctx, lambda: read_roster(book), "laughs.ods", "损坏")


@posix_only
def test_the_roster_hash_never_reads_a_pipe_or_device_swapped_in(tmp_path: Path) -> None:
    """The file's SHA-256 is taken after reading it: a file replaced by a FIFO or /dev/zero in
    between is refused, not read for ever."""
    from station_app.roster.roster_import import _sha256

    fifo = tmp_path / "roster.xlsx"
    os.mkfifo(fifo)
    refused = finishes_within(10, lambda: _sha256(fifo))
    assert isinstance(refused, WorkbookUnreadable) and "命名管道" in str(refused)
    zero = tmp_path / "zero.xlsx"
    zero.symlink_to("/dev/zero")
    with pytest.raises(WorkbookUnreadable, match="设备"):
        _sha256(zero)


def test_one_reader_for_every_password_file(tmp_path: Path) -> None:
    """--password-file, --new-password-file and --database-password-file are read alike: the
    first line, UTF-8, at most 4 KiB, not empty; every refusal one sentence naming the file."""
    from station_app.errors import StationError
    from station_app.file_limits import MAX_PASSWORD_FILE_BYTES, read_password_file

    good = tmp_path / "pw.txt"
    good.write_bytes("密码 with spaces\r\nsecond line\n".encode())
    assert read_password_file(good) == "密码 with spaces"
    cases = {
        "big.txt": (b"x" * (MAX_PASSWORD_FILE_BYTES + 1), "过大"),
        "latin.txt": (b"caf\xe9\n", "不是 UTF-8 文本"),
        "empty.txt": (b"", "是空的"),
        "blank.txt": (b"\nsecond\n", "是空的"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(StationError) as refused:
            read_password_file(path)
        assert words in str(refused.value) and name in str(refused.value)
    with pytest.raises(StationError) as missing:
        read_password_file(tmp_path / "nowhere.txt")
    assert "无法读取密码文件" in str(missing.value)
