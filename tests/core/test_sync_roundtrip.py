"""Two stations export, the county imports; re-imports, increments, edits, conflicts, receipts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from station_app.registry.complaints import (
    draft_of,
    get_complaint,
    register_complaint,
    update_complaint,
)
from station_app.store.models import Complaint
from station_app.sync.bundle_format import SyncError
from station_app.sync.county import list_conflicts, repin_station_key, resolve_conflict
from station_app.sync.receipts import export_receipt, import_receipt
from station_app.sync.sent import pending_changes

from ..conftest import complaint_draft, connect_raw
from .test_sync_helpers import (
    Site,
    copy_setting,
    count_rows,
    dump_all,
    manifest_of,
    part_lines,
)


@pytest.fixture(scope="module")
def sites_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, tuple[Site, Site, Site]]:
    """Built once per module; each test gets a copy (``sites``)."""
    tmp_path = tmp_path_factory.mktemp("sites")
    first = Site(tmp_path / "jia", "TJ001", "甲站")
    second = Site(tmp_path / "yi", "TJ002", "乙站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    first.demo(complaints=40, visits=60, seed=1)
    second.demo(complaints=30, visits=50, seed=2)
    return tmp_path, (first, second, county)


@pytest.fixture
def sites(
    sites_template: tuple[Path, tuple[Site, Site, Site]], tmp_path: Path
) -> tuple[Site, Site, Site]:
    source, setting = sites_template
    return copy_setting(source, setting, tmp_path)  # type: ignore[return-value]


def test_two_stations_export_and_the_county_imports_both_then_again_changes_nothing(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, second, county = sites
    out = tmp_path / "usb"
    bundles = [first.export(out), second.export(out)]
    assert [b.name for b in bundles] == ["TJ001_00001.stbundle", "TJ002_00001.stbundle"]

    reports = county.import_(*bundles)
    assert [r.status for r in reports] == ["imported", "imported"]
    assert "已导入甲站（TJ001）第 1 号数据包" in reports[0].message
    assert reports[0].key_pinned_now and "指纹" in " ".join(reports[0].notes)
    for site, expected in ((first, 40), (second, 30)):
        assert count_rows(county.database, "complaint", site.code) == expected
        assert count_rows(county.database, "complainant", site.code) == count_rows(
            site.database, "complainant"
        )
    # foreign keys point at the county's own ids, found through uids
    assert not sqlite_fk_problems(county.database)

    before = dump_all(county.database)
    again = county.import_(*bundles)
    assert [r.status for r in again] == ["already", "already"]
    assert "此前已导入" in again[0].message and "未作任何改动" in again[0].message
    assert dump_all(county.database) == before


def sqlite_fk_problems(database: Path) -> list[object]:

    with connect_raw(database) as connection:
        return connection.execute("PRAGMA foreign_key_check").fetchall()


def test_incremental_export_after_100_new_complaints_holds_only_those_changes(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, _, county = sites
    out = tmp_path / "usb"
    county.import_(first.export(out))
    with first.open() as (_, ctx):
        assert pending_changes() == 0
        new_uids = {register_complaint(ctx, complaint_draft()).uid for _ in range(100)}
        assert pending_changes() > 100
    second_bundle = first.export(out)
    manifest = manifest_of(second_bundle)
    assert manifest["seq"] == 2 and manifest["full"] is False
    complaints = part_lines(second_bundle, "complaint")
    assert {c["uid"] for c in complaints} == new_uids
    # only the new complaints, their complainants, people, audit entries and referenced rows
    visits = part_lines(second_bundle, "visit")
    assert not visits
    assert (
        manifest["change_seq"]["from"]
        == manifest_of(out / "TJ001_00001.stbundle")["change_seq"]["to"] + 1
    )

    (report,) = county.import_(second_bundle)
    assert report.status == "imported", report.message
    assert report.tables["complaint"].inserted == 100
    assert count_rows(county.database, "complaint", "TJ001") == 140
    assert not sqlite_fk_problems(county.database)


def test_edit_and_delete_replace_the_county_copy(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, _, county = sites
    out = tmp_path / "usb"
    county.import_(first.export(out))
    with first.open() as (_, ctx):
        complaint = Complaint.select().order_by(Complaint.id).first()
        draft = draft_of(complaint)
        draft.facts = "补充：商家同意退一半货款。"
        update_complaint(ctx, complaint.id, draft)
        edited = get_complaint(complaint.id)
        uid, version = edited.uid, edited.version
    first.clock.advance(minutes=3)
    (report,) = county.import_(first.export(out))
    assert report.tables["complaint"].replaced == 1
    with county.open():
        mirrored = Complaint.get(Complaint.uid == uid)
        assert mirrored.facts == "补充：商家同意退一半货款。" and mirrored.version == version


def test_same_version_other_content_is_kept_aside_and_resolvable(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, _, county = sites
    out = tmp_path / "usb"
    county.import_(first.export(out))
    with county.open():  # someone edits the county's copy without a new version
        complaint = Complaint.select().where(Complaint.origin == "TJ001").first()
        Complaint.update(remarks="县里手工改过").where(Complaint.id == complaint.id).execute()
        uid = complaint.uid
    full = first.export(out, full=True)
    (report,) = county.import_(full)
    assert report.status == "imported"
    assert report.tables["complaint"].conflicts == 1
    assert any("冲突" in note for note in report.notes)
    with county.open() as (_, ctx):
        (conflict,) = list_conflicts()
        assert conflict.record_uid == uid and conflict.kind == "same_version"
        assert conflict.mine and conflict.mine["remarks"] == "县里手工改过"
        assert conflict.theirs["remarks"] != "县里手工改过"
        resolve_conflict(ctx, conflict.id, keep="theirs")
        assert Complaint.get(Complaint.uid == uid).remarks == conflict.theirs["remarks"]
        assert list_conflicts() == []
        with pytest.raises(SyncError, match="已处理过"):
            resolve_conflict(ctx, conflict.id, keep="mine")
    # the same bundle again: the conflict is not listed twice
    county.import_(full)
    with county.open():
        assert list_conflicts() == []


def test_gaps_are_reported_per_station_in_chinese(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    _, second, county = sites
    out = tmp_path / "usb"
    one = second.export(out)
    second.demo(complaints=2, visits=2, seed=5)
    second.export(out)  # bundle 2 never reaches the county
    second.demo(complaints=2, visits=2, seed=6)
    three = second.export(out)
    reports = county.import_(one, three)
    assert reports[1].status == "imported"
    assert "乙站（TJ002）：第 2 号数据包缺失" in reports[1].notes


def test_a_new_key_is_refused_until_the_clerk_repins_it(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, _, county = sites
    out = tmp_path / "usb"
    county.import_(first.export(out))
    (first.root / "keys" / "station_ed25519.pem").unlink()  # a reinstalled laptop
    first.demo(complaints=1, visits=1, seed=9)
    bundle = first.export(out)
    fingerprint = manifest_of(bundle)["key"]["fingerprint"]
    before = dump_all(county.database)
    (refused,) = county.import_(bundle)
    assert refused.refused and "未登记的密钥" in refused.message and fingerprint in refused.message
    assert dump_all(county.database) == before
    with county.open() as (_, ctx):
        repin_station_key(ctx, "TJ001", fingerprint.replace(" ", "").upper())
    (accepted,) = county.import_(bundle)
    assert accepted.status == "imported", accepted.message


def test_receipt_marks_what_the_county_received(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, _, county = sites
    out = tmp_path / "usb"
    one = first.export(out)
    first.demo(complaints=1, visits=1, seed=3)
    first.export(out)  # lost on the way
    county.import_(one)
    with county.open() as (inst, ctx):
        receipt = export_receipt(ctx, inst.paths, tmp_path / "back")
    with first.open() as (inst, ctx):
        report = import_receipt(ctx, receipt)
        assert report.marked == [1] and report.missing == []
        rows = inst.db.execute_sql(
            "SELECT seq, received_at IS NOT NULL FROM bundle_export ORDER BY seq"
        ).fetchall()
        assert rows == [(1, 1), (2, 0)]
        again = import_receipt(ctx, receipt)
        assert again.marked == [] and again.already == [1]
    tampered = receipt.read_text(encoding="utf-8").replace('"seq": 1', '"seq": 2')
    (tmp_path / "bad.streceipt").write_text(tampered, encoding="utf-8")
    with first.open() as (_, ctx), pytest.raises(SyncError, match="签名无效"):
        import_receipt(ctx, tmp_path / "bad.streceipt")


def test_a_station_cannot_import_and_the_county_cannot_import_its_own(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    first, second, county = sites
    bundle = second.export(tmp_path / "usb")
    with first.open() as (inst, ctx), pytest.raises(SyncError, match="只有县消协"):
        from station_app.sync.merge import import_bundles

        import_bundles(ctx, inst.paths, [bundle])
    (report,) = county.import_(county.export(tmp_path / "own"))
    assert report.refused and "本机自己" in report.message


def station_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "station_app.cli", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_cli_bundle_and_receipt_commands(tmp_path: Path) -> None:
    station, county, usb = tmp_path / "s", tmp_path / "c", tmp_path / "usb"
    assert station_cli("--data-dir", str(station), "init", "--station-code", "TJ003",
                       "--name", "丙站").returncode == 0  # fmt: skip
    assert station_cli("--data-dir", str(county), "init", "--station-code", "XIAN",
                       "--name", "县消协", "--role", "county").returncode == 0  # fmt: skip
    station_cli("--data-dir", str(station), "demo", "--complaints", "5", "--visits", "5")
    # the county's key reaches the station with the county's roster
    roster = tmp_path / "roster.xlsx"
    assert station_cli("--data-dir", str(county), "roster", "export", str(roster)).returncode == 0
    done = station_cli("--data-dir", str(station), "roster", "import", str(roster))
    assert done.returncode == 0 and "县消协加密公钥" in done.stdout, done.stderr
    done = station_cli("--data-dir", str(station), "bundle", "export", "--out", str(usb))
    assert done.returncode == 0, done.stderr
    bundle = Path(done.stdout.strip())
    assert bundle.is_file() and bundle.parent == usb
    assert bundle.read_bytes().startswith(b"age-encryption.org/v1\n")
    # first sight of this station's key: the bundle waits, the import does not fail
    done = station_cli("--data-dir", str(county), "bundle", "import", str(bundle))
    assert done.returncode == 0 and "待核对" in done.stdout, done.stderr
    fingerprint = re.search(r"指纹 ((?:[0-9a-f]{4} ){7}[0-9a-f]{4})", done.stdout)
    assert fingerprint is not None
    done = station_cli("--data-dir", str(county), "bundle", "confirm-key", "TJ003",
                       fingerprint.group(1).upper())  # fmt: skip
    assert done.returncode == 0 and "已导入丙站（TJ003）第 1 号数据包" in done.stdout, done.stderr
    broken = tmp_path / "broken.stbundle"
    broken.write_bytes(bundle.read_bytes()[:100])
    done = station_cli("--data-dir", str(county), "bundle", "import", str(broken), str(bundle))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "broken.stbundle" in done.stderr
    assert "此前已导入" in done.stdout
    done = station_cli("--data-dir", str(county), "receipt", "export", "--out", str(usb))
    assert done.returncode == 0, done.stderr
    receipt = done.stdout.strip()
    done = station_cli("--data-dir", str(station), "receipt", "import", receipt)
    assert done.returncode == 0 and "新确认送达 1 个" in done.stdout


def test_one_run_inserting_then_replacing_keeps_the_search_index_right(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    """Bundles share a transaction and the search index is filled per bundle by one statement:
    a complaint inserted by the first bundle and replaced by the second, in the same run, is
    found by its new words only, and the index passes FTS5's own integrity check."""

    from station_app.registry.search import search_complaints

    first, _, county = sites
    out = tmp_path / "usb"
    first_bundle = first.export(out)
    with first.open() as (_, ctx):
        complaint = Complaint.select().order_by(Complaint.id).first()
        draft = draft_of(complaint)
        draft.facts = "补充：黄澄澄的稻谷受潮发霉。"
        update_complaint(ctx, complaint.id, draft)
        number, old_facts = complaint.number, complaint.facts
    first.clock.advance(minutes=3)
    second_bundle = first.export(out)

    reports = county.import_(first_bundle, second_bundle)
    assert [r.status for r in reports] == ["imported", "imported"]
    assert reports[1].tables["complaint"].replaced == 1
    with county.open():
        assert [row.number for row in search_complaints("黄澄澄的稻谷")] == [number]
        assert number not in {row.number for row in search_complaints(old_facts[:8])}
    with connect_raw(county.database) as connection:
        connection.execute("INSERT INTO complaint_fts(complaint_fts) VALUES ('integrity-check')")
        triggers = {r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}  # fmt: skip
    assert triggers == {"complaint_fts_insert", "complaint_fts_delete", "complaint_fts_update"}


def test_a_bundle_refused_after_replacing_complaints_leaves_the_run_s_index_whole(
    sites: tuple[Site, Site, Site], tmp_path: Path
) -> None:
    """The run indexes its new complaints at commit; a bundle that replaces complaints first
    indexes those still waiting (inside its savepoint). When that bundle is then refused by a
    later part, its savepoint takes that indexing back too: the complaints of the bundle before
    it must still reach the index at commit, and the index must pass FTS5's integrity check."""
    from station_app.registry.search import search_complaints

    from .test_sync_helpers import unsealed_copy
    from .test_sync_hostile_ownership import Parts, forge

    first, _, county = sites
    out = tmp_path / "usb"
    first.demo(complaints=2, visits=0, seed=41)
    first_bundle = first.export(out)
    with first.open() as (_, ctx):
        newest = Complaint.select().order_by(Complaint.id.desc()).first()
        draft = draft_of(newest)
        draft.facts = "补充：金灿灿的玉米被水泡了。"
        update_complaint(ctx, newest.id, draft)
    first.demo(complaints=1, visits=0, seed=42)  # a later part (complainant) in the next bundle
    second = unsealed_copy(first.export(out))

    def spoil_a_complainant(parts: Parts) -> None:
        assert parts["complaint"] and parts["complainant"]
        parts["complainant"].append(b"{not json")

    spoiled = forge(first, second, tmp_path / "spoiled.stbundle", spoil_a_complainant)
    reports = county.import_(first_bundle, spoiled)
    assert [r.status for r in reports] == ["imported", "refused"], reports[1].message
    assert "complainant" in reports[1].message and "不是有效的 JSON" in reports[1].message
    with county.open():
        imported = list(Complaint.select().where(Complaint.origin == first.code))
        assert newest.number in {c.number for c in imported}
        for complaint in imported:  # every complaint of the run is found by its own words
            found = {row.number for row in search_complaints(complaint.facts[:6])}
            assert complaint.number in found, complaint.facts[:6]
        assert not any("金灿灿" in (c.facts or "") for c in imported)
    with connect_raw(county.database) as connection:
        connection.execute("INSERT INTO complaint_fts(complaint_fts) VALUES ('integrity-check')")
