"""Bundles sealed to the county (age) and the inbox of keys not yet confirmed (issue 15, 3 and 4).

Sites are separate data directories (``test_sync_helpers.Site``): the county holds the test
county's age identity, a station the matching public key, as its roster would have brought it.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.registry.complaints import register_complaint
from station_app.registry.people import PersonDraft
from station_app.settings import get_setting, set_setting
from station_app.sync import bundle_crypto, key_confirm, key_inbox, keys
from station_app.sync.bundle_format import SyncError
from station_app.sync.county import pinned_key
from station_app.sync.export import export_bundle
from station_app.sync.merge import import_bundles

from ..conftest import complaint_draft, connect_raw
from .test_sync_helpers import Site, count_rows, dump_all, manifest_of, part_lines

NAME = "欧阳翠花"  # the complainant the bundles must never show in clear


def _station_with_a_known_complaint(root: Path, code: str = "TJ001") -> Site:
    station = Site(root / code.lower(), code, "甲站")
    station.demo(complaints=4, visits=2, seed=1)
    with station.open() as (_, ctx):
        register_complaint(
            ctx,
            complaint_draft(
                complainants=[PersonDraft(name=NAME, phone="13881234567", id_number=None)],
                facts=f"{NAME}投诉：购买的复合肥结块严重，店主拒绝退货。",
            ),
        )
    return station


def _fingerprint(station: Site) -> str:
    with station.open() as (inst, _):
        fingerprint = keys.existing_fingerprint(inst.paths)
    assert fingerprint is not None
    return fingerprint


def _inbox_files(county: Site) -> list[Path]:
    return sorted(p for p in (county.root / "inbox").rglob("*") if p.is_file())


def test_a_sealed_bundle_shows_no_personal_data_and_the_county_reads_it(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    bundle = station.export(tmp_path / "usb")
    raw = bundle.read_bytes()
    assert raw.startswith(bundle_crypto.AGE_MAGIC) and bundle.suffix == ".stbundle"
    for word in (NAME, "投诉", "复合肥", "13881234567"):
        assert word.encode() not in raw, word
    # inside: the station's signed zip, the name in clear for the county only
    assert any(p["name"] == NAME for p in part_lines(bundle, "person"))
    (report,) = county.import_(bundle)
    assert report.status == "imported", report.message
    assert count_rows(county.database, "complaint", "TJ001") == 5
    assert not list((county.root / "keys").glob("unsealed-*"))  # the plain copy is gone
    # one left by a killed import is removed by the next import once it is a day old
    stale = county.root / "keys" / "unsealed-killed"
    stale.mkdir()
    (stale / bundle.name).write_bytes(b"PK plain")
    os.utime(stale, (0, 0))
    (again,) = county.import_(bundle)
    assert again.status == "already" and not stale.exists()


def test_a_bundle_sealed_to_another_county_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    other = Site(tmp_path / "other", "XIAN", "平昌县消协", role="county")
    with other.open() as (inst, _):  # this county made its own key at init, not the test one
        (inst.paths.keys / bundle_crypto.IDENTITY_FILE).unlink()
        bundle_crypto.ensure_county_identity(inst.paths)
    bundle = station.export(tmp_path / "usb")
    before = dump_all(other.database)
    (report,) = other.import_(bundle)
    assert report.refused
    assert report.message.startswith("此同步包不是发给本县消协的")
    assert bundle.name in report.message
    assert dump_all(other.database) == before
    assert _inbox_files(other) == []


def test_an_unconfirmed_key_waits_then_confirmation_merges_in_order(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    first = station.export(tmp_path / "usb")
    station.demo(complaints=2, visits=1, seed=2)
    second = station.export(tmp_path / "usb")
    before = count_rows(county.database, "complaint")
    reports = county.import_(second, first, confirm=False)
    assert [r.status for r in reports] == ["waiting", "waiting"]
    fingerprint = _fingerprint(station)
    assert fingerprint in reports[0].message and "待核对" in reports[0].message
    assert count_rows(county.database, "complaint") == before
    assert len(_inbox_files(county)) == 2
    assert all(p.read_bytes().startswith(bundle_crypto.AGE_MAGIC) for p in _inbox_files(county))
    with county.open() as (inst, ctx):
        assert [(w.seq, w.fingerprint) for w in key_inbox.waiting_bundles()] == [
            (1, fingerprint),
            (2, fingerprint),
        ]
        # importing the same file again while it waits: still waiting, kept once
        (again,) = import_bundles(ctx, inst.paths, [first])
        assert again.status == "waiting" and len(_inbox_files(county)) == 2
        # a mistyped fingerprint confirms nothing
        with pytest.raises(SyncError, match="不符"):
            key_confirm.confirm_station_key(ctx, inst.paths, "TJ001", "0" * 32)
        assert pinned_key("TJ001") is None
        merged = key_confirm.confirm_station_key(
            ctx, inst.paths, "tj001", fingerprint.upper().replace(" ", "")
        )
        assert [(r.status, r.seq) for r in merged] == [("imported", 1), ("imported", 2)]
        assert merged[0].file.name == first.name
        assert key_inbox.waiting_bundles() == []
        key = pinned_key("TJ001")
        assert key is not None and key.confirmed and key.fingerprint == fingerprint
    assert count_rows(county.database, "complaint", "TJ001") == 7
    assert _inbox_files(county) == []
    # the next bundle of a confirmed key merges at once
    station.demo(complaints=1, visits=0, seed=3)
    (report,) = county.import_(station.export(tmp_path / "usb"), confirm=False)
    assert report.status == "imported"


def test_a_rejected_key_discards_its_waiting_bundles(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    bundle = station.export(tmp_path / "usb")
    before = dump_all(county.database)
    (report,) = county.import_(bundle, confirm=False)
    assert report.status == "waiting"
    fingerprint = _fingerprint(station)
    with county.open() as (inst, ctx):
        assert key_inbox.reject_station_key(ctx, inst.paths, "TJ001", fingerprint) == 1
        assert key_inbox.waiting_bundles() == []
        with pytest.raises(SyncError, match="没有由指纹"):
            key_inbox.reject_station_key(ctx, inst.paths, "TJ001", fingerprint)
    assert _inbox_files(county) == []
    after = dump_all(county.database)
    assert {t: rows for t, rows in after.items() if t != "bundle_inbox"} == {
        t: rows for t, rows in before.items() if t != "bundle_inbox"
    }
    assert [r[-3] for r in after["bundle_inbox"]] == ["rejected"]


def test_keys_pinned_before_the_inbox_stay_trusted(tmp_path: Path) -> None:
    """A county upgraded with stations already pinned: their bundles merge as before."""
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    with station.open() as (inst, _):
        public_key = keys.public_key_bytes(keys.load_or_create_key(inst.paths))
    with contextlib.closing(connect_raw(county.database)) as connection, connection:
        connection.execute(
            "INSERT INTO station_key (station_code, fingerprint, public_key, pinned_at, pinned_by)"
            " VALUES ('TJ001', ?, ?, '2026-01-01 00:00:00', '旧版本')",
            (keys.fingerprint(public_key), public_key.hex()),
        )
    (report,) = county.import_(station.export(tmp_path / "usb"), confirm=False)
    assert report.status == "imported", report.message


def test_a_station_without_the_county_key_exports_only_a_masked_bundle(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    with station.open() as (inst, ctx):
        set_setting(bundle_crypto.COUNTY_RECIPIENT_SETTING, "")  # its roster had no key
        with pytest.raises(SyncError, match="不能明文导出"):
            export_bundle(ctx, inst.paths, tmp_path / "usb")
        assert not list((tmp_path / "usb").glob("*"))
    masked = station.export(tmp_path / "usb", masked=True)
    raw = masked.read_bytes()
    assert raw.startswith(b"PK")  # plain signed zip, marked as masked
    for word in (NAME, "投诉", "13881234567"):
        assert word.encode() not in raw, word
    manifest = manifest_of(masked)
    assert manifest["masked"] is True and manifest["attachments"] == []
    people = {p["name"] for p in part_lines(masked, "person")}
    assert "欧***" in people and NAME not in people
    facts = {c["facts"] for c in part_lines(masked, "complaint")}
    assert facts == {"〔已遮蔽〕"}
    (report,) = county.import_(masked)
    assert report.status == "imported" and any("脱敏" in n for n in report.notes)
    assert count_rows(county.database, "complaint", "TJ001") == 5
    # once the county holds the station's unmasked data, a masked bundle never replaces it
    recipient = _county_recipient(county)
    with station.open():
        set_setting(bundle_crypto.COUNTY_RECIPIENT_SETTING, str(recipient))
    (full,) = county.import_(station.export(tmp_path / "usb", full=True))
    assert full.status == "imported", full.message
    assert any("换成这次收到的完整数据" in n for n in full.notes), full.notes
    assert not any("冲突" in n for n in full.notes), full.notes
    with station.open():
        set_setting(bundle_crypto.COUNTY_RECIPIENT_SETTING, "")
    station.demo(complaints=1, visits=0, seed=4)
    later = station.export(tmp_path / "usb", masked=True)
    before = dump_all(county.database)
    (refused,) = county.import_(later)
    assert refused.refused and "不会覆盖" in refused.message
    assert dump_all(county.database) == before
    with contextlib.closing(connect_raw(county.database)) as connection:
        names = {r[0] for r in connection.execute("SELECT name FROM person")}
    assert NAME in names


def _county_recipient(county: Site) -> str | None:
    with county.open():
        return get_setting(bundle_crypto.COUNTY_RECIPIENT_SETTING)


def test_a_damaged_or_truncated_sealed_bundle_is_refused(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    bundle = station.export(tmp_path / "usb")
    data = bundle.read_bytes()
    cut = tmp_path / "cut.stbundle"
    cut.write_bytes(data[: len(data) - 100])
    flipped = tmp_path / "flipped.stbundle"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    before = dump_all(county.database)
    reports = county.import_(cut, flipped, confirm=False)
    assert [r.status for r in reports] == ["refused", "refused"]
    assert all("已损坏" in r.message for r in reports), [r.message for r in reports]
    assert dump_all(county.database) == before


def test_the_roster_cover_carries_the_county_key_checked_strictly(tmp_path: Path) -> None:
    from station_app.roster.roster_import import apply_roster, read_roster

    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    with county.open() as (inst, _):
        from station_app.roster.export import export_roster

        recipient = bundle_crypto.county_recipient()
        assert recipient is not None
        roster = export_roster(tmp_path / "roster.xlsx")
    with station.open() as (_, ctx):
        set_setting(bundle_crypto.COUNTY_RECIPIENT_SETTING, "")
        preview = read_roster(roster)
        assert preview.content.meta.age_recipient == recipient
        fingerprint = bundle_crypto.recipient_fingerprint(recipient)
        assert re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", fingerprint)
        assert any(fingerprint in note for note in preview.notes)
        apply_roster(preview, ctx=ctx)
        assert bundle_crypto.county_recipient() == recipient
        assert get_setting("county.age_recipient") == recipient
    # one character changed: a fatal error naming the cover cell, nothing applied
    from openpyxl import load_workbook

    book = load_workbook(roster)
    cover = book["说明"]
    for row in cover.iter_rows():
        if row[0].value == "县消协加密公钥":
            row[1].value = recipient[:-1] + ("q" if recipient[-1] != "q" else "p")
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    with station.open():
        preview = read_roster(bad)
        errors = [e for e in preview.errors if "县消协加密公钥" in e.message]
        assert errors and errors[0].fatal and errors[0].sheet == "说明"


def station_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "station_app.cli", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_cli_waiting_confirm_reject_and_another_county(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    other = tmp_path / "other"
    done = station_cli("--data-dir", str(other), "init", "--station-code", "PC", "--name",
                       "平昌县消协", "--role", "county")  # fmt: skip
    assert done.returncode == 0 and "县消协加密公钥：age1" in done.stdout, done.stderr
    bundle = station.export(tmp_path / "usb")
    done = station_cli("--data-dir", str(other), "bundle", "import", str(bundle))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "不是发给本县消协的" in done.stderr
    done = station_cli("--data-dir", str(county.root), "bundle", "import", str(bundle))
    assert done.returncode == 0 and "待核对" in done.stdout, done.stderr
    assert _fingerprint(station) in done.stdout
    done = station_cli("--data-dir", str(county.root), "bundle", "inbox")
    assert "TJ001" in done.stdout and _fingerprint(station) in done.stdout
    done = station_cli("--data-dir", str(county.root), "bundle", "confirm-key", "TJ001", "12")
    assert done.returncode == 1 and "32 位" in done.stderr
    done = station_cli("--data-dir", str(county.root), "bundle", "reject-key", "TJ001",
                       _fingerprint(station))  # fmt: skip
    assert done.returncode == 0 and "删除了 1 个" in done.stdout
    # the station sends it again; this time the clerk confirms
    station_cli("--data-dir", str(county.root), "bundle", "import", str(bundle))
    done = station_cli("--data-dir", str(county.root), "bundle", "confirm-key", "TJ001",
                       _fingerprint(station))  # fmt: skip
    assert done.returncode == 0 and "已导入甲站（TJ001）第 1 号数据包" in done.stdout, done.stderr
    done = station_cli("--data-dir", str(county.root), "bundle", "confirm-key", "--help")
    assert "FINGERPRINT" in done.stdout and "核对" in done.stdout
    with contextlib.closing(connect_raw(county.database)) as connection:
        states = [r[0] for r in connection.execute("SELECT state FROM bundle_inbox ORDER BY id")]
    assert states == ["merged"]  # the file sent again took the place of the rejected one


def test_the_inbox_row_names_the_manifest(tmp_path: Path) -> None:
    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    bundle = station.export(tmp_path / "usb")
    county.import_(bundle, confirm=False)
    with contextlib.closing(connect_raw(county.database)) as connection:
        row = connection.execute(
            "SELECT station_code, seq, file_name, state, masked FROM bundle_inbox"
        ).fetchone()
    assert row == ("TJ001", 1, bundle.name, "waiting", 0)
    assert manifest_of(bundle)["masked"] is False


def test_receipts_are_signed_by_the_county_and_checked_by_the_station(tmp_path: Path) -> None:
    from station_app.sync.receipts import export_receipt, import_receipt

    station = _station_with_a_known_complaint(tmp_path)
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    other = Site(tmp_path / "other", "PC", "平昌县消协", role="county")
    (report,) = county.import_(station.export(tmp_path / "usb"))
    assert report.status == "imported"
    with county.open() as (inst, ctx):
        receipt = export_receipt(ctx, inst.paths, tmp_path / "receipts")
    with other.open() as (inst, ctx):
        foreign = export_receipt(ctx, inst.paths, tmp_path / "foreign")
    tampered = tmp_path / "tampered.streceipt"
    tampered.write_text(receipt.read_text("utf-8").replace('"seq": 1', '"seq": 9'), "utf-8")
    with station.open() as (_, ctx):
        with pytest.raises(SyncError, match="签名无效"):
            import_receipt(ctx, tampered)
        assert import_receipt(ctx, receipt).marked == [1]  # the county's key is kept now
        with pytest.raises(SyncError, match="另一把密钥"):
            import_receipt(ctx, foreign)
