"""The access log: one entry for each kind of look or export, filtered, exported, and synced."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from station_app.access import access_log
from station_app.access.access_log import AccessFilter, AccessLogError, entries
from station_app.documents import SAVED_PDF, document_content, record_printed
from station_app.documents.issuer import REGISTRATION
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.dossier import record_full_view
from station_app.reports.ledger import write_ledger

from ..conftest import complaint_draft
from .test_sync_helpers import Site


def test_each_point_leaves_its_entry(ctx: Context, installation, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    complaint = register_complaint(ctx, complaint_draft())
    record_full_view(ctx, complaint.uid, complaint.number)
    record_printed(ctx, document_content(REGISTRATION, complaint.id), SAVED_PDF)
    write_ledger("2026-11", tmp_path / "ledger.xlsx", unmasked=True, ctx=ctx)
    access_log.record(ctx, access_log.SIGN_IN, "王联络员", "密码登录")
    rows = entries(AccessFilter())
    kinds = {row.kind: row for row in rows}
    assert set(kinds) == {"reveal", "print", "ledger_unmasked", "sign_in"}
    assert kinds["reveal"].subject == complaint.number and kinds["reveal"].actor == "王联络员"
    assert kinds["print"].subject.startswith(complaint.number)
    assert kinds["ledger_unmasked"].subject == "2026-11"
    assert all(row.station == "TJ001" for row in rows)
    assert rows[0].at == dt.datetime(2026, 11, 20, 10, 0)  # local time
    with pytest.raises(ValueError):
        access_log.record(ctx, "peek", "x")


def test_filters_by_dates_person_and_kind(ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    access_log.record(ctx, access_log.SIGN_IN, "甲")
    clock.advance(days=2)
    access_log.record(ctx, access_log.REVEAL, "TJ001-2026-0001")
    other = Context(ctx.station, actor="李站长", clock=clock)
    access_log.record(other, access_log.SIGN_IN, "李站长")
    assert len(entries(AccessFilter(start=dt.date(2026, 11, 21)))) == 2
    assert len(entries(AccessFilter(end=dt.date(2026, 11, 20)))) == 1
    assert [r.actor for r in entries(AccessFilter(actor="李站长"))] == ["李站长"]
    assert [r.subject for r in entries(AccessFilter(kind="reveal"))] == ["TJ001-2026-0001"]
    assert access_log.actors() == sorted({"王联络员", "李站长"})
    with pytest.raises(AccessLogError):
        entries(AccessFilter(start=dt.date(2026, 11, 22), end=dt.date(2026, 11, 21)))


def test_exports_never_write_a_formula(ctx: Context, tmp_path: Path) -> None:
    access_log.record(ctx, access_log.PRINT, '=HYPERLINK("http://x")', "@SUM(A1)")
    rows = entries(AccessFilter())
    written = access_log.export_entries(rows, tmp_path / "log.csv")
    with open(written, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][0] == "时间" and lines[1][4] == '\'=HYPERLINK("http://x")'
    book = load_workbook(access_log.export_entries(rows, tmp_path / "log.xlsx"))
    cell = book.active["E2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
    with pytest.raises(AccessLogError):
        access_log.export_entries(rows, tmp_path / "log.txt")


def test_an_export_replaces_the_earlier_file_whole(ctx: Context, tmp_path: Path) -> None:
    access_log.record(ctx, access_log.PRINT, "TJ001-2026-0001", "打印告知书")
    rows = entries(AccessFilter())
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "log.csv"
    target.write_text("上次导出的内容", encoding="utf-8")
    target.chmod(0o600)  # the clerk kept it private: a new export keeps it so
    access_log.export_entries(rows, target)
    assert "TJ001-2026-0001" in target.read_text(encoding="utf-8-sig")
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in out.iterdir()) == ["log.csv"]  # nothing left beside it
    with pytest.raises(AccessLogError, match="无法写入文件"):
        access_log.export_entries(rows, out / "missing" / "log.csv")
    assert sorted(p.name for p in out.iterdir()) == ["log.csv"]


def test_bundle_export_is_logged_and_the_county_sees_the_stations_entries(tmp_path: Path) -> None:
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    with station.open() as (_, ctx):
        access_log.record(ctx, access_log.SIGN_IN, "测试员")
    first = station.export(tmp_path / "usb")
    with station.open():
        (logged,) = entries(AccessFilter(kind="bundle_export"))
        assert logged.subject == first.name
    county.import_(first, station.export(tmp_path / "usb"))
    with county.open():
        seen = entries(AccessFilter(station="TJ001"))
        assert {r.kind for r in seen} == {"sign_in", "bundle_export"}


def station_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "station_app.cli", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_cli_access_log_lists_and_refuses_bad_dates(installation, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    access_log.record(ctx, access_log.SIGN_IN, "王联络员")
    installation.close()
    root = str(installation.paths.root)
    done = station_cli("--data-dir", root, "access-log", "--from", "2026-11-01", "--json")
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(done.stdout)
    assert entry["kind"] == "sign_in" and entry["actor"] == "王联络员"
    plain = station_cli("--data-dir", root, "access-log", "--to", "2026-11-19")
    assert plain.returncode == 0 and "共 0 条" in plain.stdout
    bad = station_cli(
        "--data-dir", root, "access-log", "--from", "2026-11-22", "--to", "2026-11-01"
    )
    assert bad.returncode == 1 and bad.stderr.strip() == "结束日期不能早于开始日期。"
    assert "--from" in station_cli("access-log", "--help").stdout
