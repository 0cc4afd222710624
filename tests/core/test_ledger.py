"""The monthly ledger workbook: rows match the statistics, masking, print settings, atomic write."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from station_app import file_in_place
from station_app.cli import main
from station_app.clock import FixedClock
from station_app.installation import Installation, open_installation
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.events import EventDraft, register_event
from station_app.registry.people import PersonDraft
from station_app.registry.visits import VisitDraft, register_visit
from station_app.reports import ledger
from station_app.reports.ledger import LedgerCancelled, LedgerWriteFailed, write_ledger
from station_app.store.models import AuditEntry
from station_app.workflow import transitions
from station_app.workflow.transitions import ClosingDraft

from ..conftest import complaint_draft, fill_installation

MONTH = "2026-11"
NAME, PHONE = "李桂兰", "13881234567"


def fill_month(ctx: Context) -> None:
    """November 2026: four complaints registered, one from October handled; visits, an event."""
    for day in (2, 5, 9, 18):
        register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 11, day, 9, 0)))
    october = register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 10, 20, 9, 0)))
    transitions.accept(ctx, october.id, on=dt.date(2026, 10, 21))
    transitions.close(
        ctx,
        october.id,
        ClosingDraft(outcome="settled", closed_on=dt.date(2026, 11, 3), recovered_fen=12_345),
    )
    register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 10, 25, 9, 0)))
    register_visit(
        ctx,
        VisitDraft(
            visited_at=dt.datetime(2026, 11, 4, 10, 0),
            channel="visit",
            question="买的电饭煲坏了怎么办",
            person=PersonDraft(name="王小明", phone="13912345678"),
        ),
    )
    register_event(
        ctx,
        EventDraft(
            held_on=dt.date(2026, 11, 7),
            event_type="market_advice",
            topic="逢场日消费维权咨询",
            attendees=120,
            leaflets=200,
            consultations=15,
        ),
    )


@pytest.fixture
def month(
    ctx: Context,
    installation: Installation,
    clock: FixedClock,
    station_template: Callable[..., Path],
) -> Context:
    """The test's own copy of a station holding ``fill_month``'s records (written once)."""
    fill_installation(installation, station_template, clock, fill_month)
    return ctx


def texts(path: Path, sheet: str = "投诉登记明细") -> list[list[Any]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    raw = [list(row) for row in wb[sheet].iter_rows(values_only=True)]
    width = max(len(row) for row in raw)
    rows = [row + [None] * (width - len(row)) for row in raw]
    wb.close()
    return rows


def block(rows: list[list[Any]], heading: str, subtotal: str) -> list[list[Any]]:
    start = next(i for i, r in enumerate(rows) if str(r[0] or "").startswith(heading))
    end = next(i for i, r in enumerate(rows) if str(r[1] or "").startswith(subtotal))
    return rows[start + 1 : end]


def run(*args: str, installation: Installation) -> int:
    return main(["--data-dir", str(installation.paths.root), *args])


@pytest.mark.both_engines
def test_complaint_rows_equal_registered_and_are_masked(
    month: Context, installation: Installation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("stats", "--month", MONTH, "--json", installation=installation) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["station"] == "TJ001" and stats["month"] == MONTH
    assert (stats["complaints_registered"], stats["complaints_carried_over"]) == (4, 1)
    out = tmp_path / "台账.xlsx"
    assert run("ledger", "--month", MONTH, "--out", str(out), installation=installation) == 0
    assert "本月登记 4 件" in capsys.readouterr().out

    rows = texts(out)  # 投诉登记明细: every column
    registered = block(rows, "一、本月登记", "本月登记小计")
    assert len(registered) == stats["complaints_registered"]
    assert [r[0] for r in registered] == [1, 2, 3, 4]
    carried = block(rows, "二、以前月份登记", "结转办理小计")
    assert len(carried) == stats["complaints_carried_over"]
    assert carried[0][19] == "自行和解" and carried[0][20] == pytest.approx(123.45)
    assert rows[2][: len(ledger.COMPLAINT_COLUMNS)] == list(ledger.ledger_rows.COMPLAINT_HEADERS)
    assert len(rows[2]) == 30
    first = registered[0]
    assert first[2] == dt.datetime(2026, 11, 2)  # a real date, shown as yyyy-mm-dd
    assert (first[4], first[5]) == ("李**", "138****4567")
    sheets = ("投诉登记台账", "投诉登记明细", "来访咨询登记")
    everything = json.dumps([texts(out, s) for s in sheets], default=str)
    assert NAME not in everything and PHONE not in everything
    assert "王小明" not in everything and "139****5678" in everything
    assert not list(AuditEntry.select().where(AuditEntry.action == "export"))

    # the printed sheet: the same rows, the chosen columns only
    printed = texts(out, "投诉登记台账")
    headers = [c.header for c in ledger.PRINTED_COMPLAINT_COLUMNS]
    assert printed[2][: len(headers)] == headers and len(headers) <= 14
    assert set(headers) <= set(ledger.ledger_rows.COMPLAINT_HEADERS)
    printed_registered = block(printed, "一、本月登记", "本月登记小计")
    fields = [ledger.ledger_rows.COMPLAINT_HEADERS.index(h) for h in headers]
    assert printed_registered == [[row[i] for i in fields] for row in registered]
    carried_printed = block(printed, "二、以前月份登记", "结转办理小计")
    assert carried_printed[0][headers.index("挽回经济损失(元)")] == pytest.approx(123.45)
    assert "李**" in printed_registered[0] and "138****4567" not in printed_registered[0]


@pytest.mark.both_engines
def test_default_file_name_carries_the_station_code_and_month(
    month: Context, installation: Installation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ledger.default_file_name(month, MONTH) == "TJ001_月度台账_2026-11.xlsx"
    assert ledger.default_file_name(month, MONTH, "TJ/0:2") == "TJ_0_2_月度台账_2026-11.xlsx"
    with pytest.raises(ValueError):
        ledger.default_file_name(month, "2026-13")
    folder = tmp_path / "交县消协"
    folder.mkdir()
    assert run("ledger", "--month", MONTH, "--out", str(folder), installation=installation) == 0
    written = folder / "TJ001_月度台账_2026-11.xlsx"
    assert str(written) in capsys.readouterr().out
    assert sorted(folder.iterdir()) == [written]
    assert texts(written, "投诉登记台账")[0][0].endswith("（2026年11月）")


@pytest.mark.both_engines
def test_unmasked_writes_names_in_full_and_is_audited(
    month: Context, installation: Installation, tmp_path: Path
) -> None:
    out = tmp_path / "full.xlsx"
    summary = write_ledger(MONTH, out, unmasked=True, ctx=month)
    assert summary.unmasked and summary.complaints_registered == 4
    rows = block(texts(out), "一、本月登记", "本月登记小计")
    assert (rows[0][4], rows[0][5]) == (NAME, PHONE)
    entry = AuditEntry.get(AuditEntry.action == "export")
    assert (entry.table, entry.record_uid, entry.actor) == ("ledger", MONTH, "王联络员")
    assert entry.new_value == str(out)


def test_print_settings_of_every_sheet(month: Context, tmp_path: Path) -> None:
    out = tmp_path / "print.xlsx"
    write_ledger(MONTH, out, ctx=month)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["投诉登记台账", "投诉登记明细", "来访咨询登记", "宣传活动", "月度统计"]
    detail = wb["投诉登记明细"]  # every column, for the screen: never printed
    assert detail.sheet_state == "hidden" and detail.print_title_rows is None
    assert [c.value for c in detail[3]] == list(ledger.ledger_rows.COMPLAINT_HEADERS)
    assert detail.freeze_panes == "C4"
    for ws in wb.worksheets:
        if ws is detail:
            continue
        assert ws.print_title_rows == "$1:$3", ws.title
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.freeze_panes in ("C4", "A4")
        assert "通江县诺江镇消费维权服务站" in ws["A1"].value and "2026年11月" in ws["A1"].value
        assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)
        signature = [c.value for c in ws["A"] if c.value and "审核人" in str(c.value)]
        assert signature and "填表人" in signature[0] and "日期" in signature[0]
    complaints = wb["投诉登记台账"]
    assert complaints.sheet_state == "visible" and complaints.max_column <= 14
    assert complaints.freeze_panes == "C4"
    assert complaints["C5"].number_format == "yyyy-mm-dd"
    assert (
        complaints["L3"].value == "挽回经济损失(元)"
        and complaints["L5"].number_format == "#,##0.00"
    )
    assert complaints["I3"].value == "事由摘要"
    assert complaints.column_dimensions["I"].width >= 20  # 事由摘要 wraps in a wide column
    assert complaints["I5"].alignment.wrap_text
    assert detail["O5"].number_format == "#,##0.00"
    totals = [r for r in complaints.iter_rows(values_only=True) if str(r[1]).startswith("合计")]
    assert totals and totals[0][1] == "合计：5 件"
    stats = {r[0]: r for r in wb["月度统计"].iter_rows(min_row=4, values_only=True) if r[0]}
    assert stats["登记投诉"][2:5] == (4, 6, 0)  # October's two count in the year
    assert stats["挽回经济损失"][2] == pytest.approx(123.45)
    assert stats["宣传活动场次"][2] == 1


def test_a_read_only_folder_fails_clearly_and_keeps_the_old_file(
    month: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / "台账.xlsx"
    old.write_bytes(b"the ledger handed in last time")
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root ignores the mode: fail as the OS would

            def refuse(*args: Any, **kwargs: Any) -> Any:
                raise PermissionError(errno.EACCES, "Permission denied", str(folder))

            monkeypatch.setattr(file_in_place.tempfile, "mkstemp", refuse)
        with pytest.raises(LedgerWriteFailed) as failed:
            write_ledger(MONTH, old, ctx=month)
    finally:
        folder.chmod(0o755)
    message = str(failed.value)
    assert str(old) in message and "没有写入权限" in message and "原有文件未作改动" in message
    assert old.read_bytes() == b"the ledger handed in last time"
    assert sorted(p.name for p in folder.iterdir()) == ["台账.xlsx"]


def test_a_full_disk_midway_fails_clearly_and_keeps_the_old_file(
    month: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "台账.xlsx"
    old.write_bytes(b"old ledger")
    appended = WriteOnlyWorksheet.append
    calls = []

    def disk_fills_up(self: WriteOnlyWorksheet, row: Any) -> None:
        calls.append(1)
        if len(calls) > 6:
            raise OSError(errno.ENOSPC, "No space left on device")
        appended(self, row)

    monkeypatch.setattr(WriteOnlyWorksheet, "append", disk_fills_up)
    with pytest.raises(LedgerWriteFailed) as failed:
        write_ledger(MONTH, old, unmasked=True, ctx=month)
    assert str(old) in str(failed.value) and "磁盘空间不足" in str(failed.value)
    assert old.read_bytes() == b"old ledger"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["台账.xlsx"]
    assert not list(AuditEntry.select().where(AuditEntry.action == "export"))  # rolled back


def test_cancel_keeps_the_old_file_and_progress_reaches_the_total(
    month: Context, tmp_path: Path
) -> None:
    old = tmp_path / "台账.xlsx"
    old.write_bytes(b"old")

    class Cancelled:
        def is_set(self) -> bool:
            return True

    with pytest.raises(LedgerCancelled):
        write_ledger(MONTH, old, ctx=month, cancel=Cancelled())
    assert old.read_bytes() == b"old"
    calls: list[tuple[int, int]] = []
    write_ledger(MONTH, old, ctx=month, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1] == 5 + 1 + 1 + 1  # complaints, visit, event, the file
    assert old.read_bytes().startswith(b"PK")
    assert oct(old.stat().st_mode & 0o777) != "0o600"


@pytest.mark.both_engines
def test_stats_text_mode_is_a_table(
    month: Context, installation: Installation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("stats", "--month", MONTH, installation=installation) == 0
    text = capsys.readouterr().out
    assert "本年累计" in text and "去年同期" in text
    assert any(line.startswith("登记投诉") and " 4 " in line for line in text.splitlines())
    with pytest.raises(SystemExit):
        run("stats", "--month", "2026-13", installation=installation)


def test_a_bad_month_is_refused_in_one_line(
    installation: Installation, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        run("ledger", "--month", "11/2026", "--out", str(tmp_path / "x.xlsx"),
            installation=installation)  # fmt: skip
    assert "YYYY-MM" in capsys.readouterr().err
    assert open_installation  # the CLI opens its own installation
