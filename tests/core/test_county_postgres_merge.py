"""The county merging bundles into a real PostgreSQL: the same outcome as the SQLite county, all
or nothing per bundle, and several importers and clerks at once never merge a bundle twice nor
resolve a conflict twice."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg
import pytest

from station_app.registry.complaints import draft_of, update_complaint
from station_app.store.models import Complaint
from station_app.sync.bundle_format import SyncError
from station_app.sync.county import list_conflicts, resolve_conflict, stations_sync_state
from station_app.sync.importing import import_bundles
from station_app.sync.receipts import export_receipt, import_receipt
from station_app.sync.tables import synced_tables

from ..conftest import connect_raw
from .county_server import post_bundle, running
from .test_sync_helpers import ServerCounty, Site, copy_setting, part_lines
from .test_sync_hostile_ownership import forge


def records(connection: Any) -> dict[str, object]:
    """What a county holds from the stations, engine aside: every synced row's identity and
    version, the complaints' figures, the conflicts, bundles and keys."""
    result: dict[str, object] = {}
    for table in synced_tables():
        result[table.name] = sorted(
            tuple(r)
            for r in connection.execute(
                f"SELECT uid, origin, version, deleted FROM \"{table.name}\" WHERE origin != 'XIAN'"
            ).fetchall()
        )
    result["complaint figures"] = sorted(
        tuple(r)
        for r in connection.execute(
            "SELECT number, status, recovered_fen, facts, (SELECT o.uid FROM officer o"
            " WHERE o.id = c.officer_id) FROM complaint c"
        ).fetchall()
    )
    result["conflicts"] = sorted(
        tuple(r)
        for r in connection.execute(
            "SELECT table_name, record_uid, kind, theirs FROM sync_conflict"
        ).fetchall()
    )
    result["received"] = sorted(
        tuple(r)
        for r in connection.execute(
            "SELECT station_code, seq, manifest_sha256, summary FROM received_bundle"
        ).fetchall()
    )
    result["keys"] = sorted(
        tuple(r)
        for r in connection.execute("SELECT station_code, public_key FROM station_key").fetchall()
    )
    return result


def server_records(url: str) -> dict[str, object]:
    with psycopg.connect(url) as connection:
        return records(connection)


def lite_records(database: Path) -> dict[str, object]:
    with contextlib.closing(connect_raw(database)) as connection:
        return records(connection)


@pytest.fixture(scope="module")
def stations(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Site, Site, Path]]:
    """Two stations with demo records, their first bundles written once for the module."""
    root = tmp_path_factory.mktemp("stations")
    first = Site(root / "jia", "TJ001", "甲站")
    second = Site(root / "yi", "TJ002", "乙站")
    first.demo(complaints=40, visits=30, seed=1)
    second.demo(complaints=30, visits=20, seed=2)
    usb = root / "usb"
    first.export(usb)
    second.export(usb)
    return root, (first, second, usb)


@pytest.fixture
def setting(
    stations: tuple[Path, tuple[Site, Site, Path]], tmp_path: Path, postgres_url: str
) -> tuple[Site, Site, Path, ServerCounty]:
    source, built = stations
    first, second, usb = copy_setting(source, built, tmp_path / "copy")
    return first, second, usb, ServerCounty(tmp_path / "county", postgres_url, name="通江县消协")


def bundles_in(usb: Path) -> list[Path]:
    return sorted(usb.glob("*.stbundle"))


def test_the_server_county_holds_what_the_sqlite_county_holds(
    setting: tuple[Site, Site, Path, ServerCounty], tmp_path: Path
) -> None:
    first, second, usb, county = setting
    files = bundles_in(usb)
    lite = Site(tmp_path / "lite-county", "XIAN", "通江县消协", role="county")
    for site in (lite, county):
        reports = site.import_(*files)
        assert [r.status for r in reports] == ["imported", "imported"]
        assert reports[0].key_pinned_now and reports[0].tables["complaint"].inserted == 40
    assert server_records(county.url) == lite_records(lite.database)
    with county.open():
        assert Complaint.select().where(Complaint.origin == "TJ002").count() == 30

    # edits and a deletion at the station: replaced on both; again: nothing changes
    with first.open() as (_, ctx):
        for complaint in Complaint.select().order_by(Complaint.id).limit(2):
            draft = draft_of(complaint)
            draft.facts = "补充：商家同意退一半货款。"
            update_complaint(ctx, complaint.id, draft)
    first.clock.advance(minutes=3)
    later = first.export(tmp_path / "later")
    for site in (lite, county):
        (report,) = site.import_(later)
        assert (report.status, report.tables["complaint"].replaced) == ("imported", 2)
    assert server_records(county.url) == lite_records(lite.database)
    before = server_records(county.url)
    again = county.import_(*files, later)
    assert [r.status for r in again] == ["already"] * 3
    assert server_records(county.url) == before

    # the county's receipt, written from PostgreSQL, marks the station's bundles received
    with county.open() as (inst, ctx):
        receipt = export_receipt(ctx, inst.paths, tmp_path / "receipts")
    with first.open() as (_, ctx):
        assert import_receipt(ctx, receipt).marked == [1, 2]


def test_a_conflict_is_kept_once_and_a_refused_bundle_changes_nothing(
    setting: tuple[Site, Site, Path, ServerCounty], tmp_path: Path
) -> None:
    first, _, usb, county = setting
    county.import_(*bundles_in(usb))
    with county.open():  # the county's copy edited without a new version
        complaint = Complaint.select().where(Complaint.origin == "TJ001").first()
        Complaint.update(remarks="县里手工改过").where(Complaint.id == complaint.id).execute()
    full = first.export(tmp_path / "full", full=True)
    (report,) = county.import_(full)
    assert (report.status, report.tables["complaint"].conflicts) == ("imported", 1)
    assert report.tables["complaint"].unchanged == 39
    county.import_(full)  # the same bundle again: "already", the conflict not kept twice
    with county.open():
        (conflict,) = list_conflicts()
        assert conflict.kind == "same_version" and conflict.record_uid == complaint.uid
        assert conflict.mine and conflict.mine["remarks"] == "县里手工改过"

    # a signed bundle of new people and visits whose last part rewrites another station's
    # complaint: refused whole, none of its new rows written
    before = server_records(county.url)
    theirs = part_lines(bundles_in(usb)[1], "complaint")[0]

    def hostile(parts: dict[str, list[object]]) -> None:
        for table in ("person", "visit"):
            for record in parts[table]:
                assert isinstance(record, dict)
                record["uid"] = uuid.uuid4().hex
        parts["complaint"] = [{**theirs, "origin": "TJ001", "version": 9, "facts": "改写"}]

    bad = forge(first, full, tmp_path / "TJ001_00003.stbundle", hostile, seq=3)
    (refused,) = county.import_(bad)
    assert refused.status == "refused" and "无权写入" in refused.message
    assert server_records(county.url) == before


def test_two_importers_of_the_same_bundles_merge_them_once(
    setting: tuple[Site, Site, Path, ServerCounty],
) -> None:
    first, second, usb, county = setting
    files = bundles_in(usb)
    county.confirm_key_of(first)  # keys confirmed by phone before (else both bundles wait)
    county.confirm_key_of(second)
    statuses: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    with county.open() as (inst, ctx):

        def importer() -> None:
            try:
                start.wait()
                reports = import_bundles(ctx, inst.paths, files)
                statuses.extend(r.status for r in reports)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                inst.db.close()  # this thread's connection

        threads = [threading.Thread(target=importer) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sorted(statuses) == ["already", "already", "imported", "imported"]
    with psycopg.connect(county.url) as check:
        assert check.execute("SELECT count(*) FROM received_bundle").fetchone() == (2,)
        assert check.execute(
            "SELECT count(*), count(DISTINCT uid) FROM complaint WHERE origin != 'XIAN'"
        ).fetchone() == (70, 70)


def test_a_bundle_that_loses_a_race_with_another_importer_is_merged_on_a_second_try(
    setting: tuple[Site, Site, Path, ServerCounty],
) -> None:
    """Another importer (the clerk's roster, a second upload service) inserts the station's row
    under its own uid while the bundle's merge, which did not see it yet, inserts the bundle's:
    PostgreSQL refuses the second insert on the station code, though no fault of the bundle's.
    The merge tries again, finds the row committed, keeps it, and merges the rest."""
    first, _, usb, county = setting
    county.confirm_key_of(first)
    bundle = bundles_in(usb)[0]
    (own,) = [row for row in part_lines(bundle, "station") if row["code"] == "TJ001"]
    theirs = {**own, "uid": uuid.uuid4().hex, "origin": "XIAN", "change_seq": 1}
    theirs.pop("id", None)
    columns = ", ".join(f'"{name}"' for name in theirs)
    marks = ", ".join("%s" for _ in theirs)
    other = psycopg.connect(county.url)  # its transaction stays open until told
    other.execute(f"INSERT INTO station ({columns}) VALUES ({marks})", list(theirs.values()))
    reports: list[Any] = []
    errors: list[BaseException] = []

    with county.open() as (inst, ctx):

        def importer() -> None:
            try:
                reports.extend(import_bundles(ctx, inst.paths, [bundle]))
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                inst.db.close()  # this thread's connection

        thread = threading.Thread(target=importer)
        thread.start()
        with psycopg.connect(county.url, autocommit=True) as watcher:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:  # the merge waits for the other's station row
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                ).fetchone()
                if waiting and waiting[0]:
                    break
                time.sleep(0.05)
            else:
                pytest.fail("the merge never waited for the other importer")
        other.commit()
        other.close()
        thread.join()
    assert errors == []
    (report,) = reports
    assert report.status == "imported", report.message
    assert report.tables["complaint"].inserted == 40
    with psycopg.connect(county.url) as check:
        assert check.execute("SELECT uid FROM station WHERE code = 'TJ001'").fetchall() == [
            (theirs["uid"],)
        ]
        assert check.execute(
            "SELECT count(*) FROM complaint WHERE origin = 'TJ001'"
        ).fetchone() == (40,)


def test_two_clerks_resolving_one_conflict_resolve_it_once(
    setting: tuple[Site, Site, Path, ServerCounty], tmp_path: Path
) -> None:
    first, _, usb, county = setting
    county.import_(*bundles_in(usb))
    with county.open():
        complaint = Complaint.select().where(Complaint.origin == "TJ001").first()
        Complaint.update(remarks="县里手工改过").where(Complaint.id == complaint.id).execute()
    county.import_(first.export(tmp_path / "full", full=True))
    with psycopg.connect(county.url) as check:
        (conflict_id,) = check.execute("SELECT id FROM sync_conflict").fetchone()
        seq_before = check.execute("SELECT change_seq FROM complaint WHERE uid = %s",
                                   (complaint.uid,)).fetchone()[0]  # fmt: skip

    outcomes: list[str] = []
    with county.open() as (inst, ctx), psycopg.connect(county.url) as holder:
        # someone holds the conflict's row: both clerks' claims wait on its lock
        holder.execute("SELECT id FROM sync_conflict WHERE id = %s FOR UPDATE", (conflict_id,))

        def clerk(keep: str) -> None:
            try:
                resolve_conflict(ctx, conflict_id, keep=keep)
                outcomes.append(f"resolved {keep}")
            except SyncError as error:
                outcomes.append("refused" if "已处理过" in str(error) else str(error))
            finally:
                inst.db.close()

        threads = [threading.Thread(target=clerk, args=(k,)) for k in ("theirs", "mine")]
        for thread in threads:
            thread.start()
        waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        deadline = time.monotonic() + 20
        with psycopg.connect(county.url, autocommit=True) as watch:
            while watch.execute(waiting).fetchone()[0] < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert watch.execute(waiting).fetchone()[0] == 2  # both clerks wait on the lock
        holder.commit()
        for thread in threads:
            thread.join()
    assert len(outcomes) == 2 and outcomes.count("refused") == 1, outcomes
    with psycopg.connect(county.url) as check:
        resolution, remarks, seq_after = check.execute(
            "SELECT k.resolution, c.remarks, c.change_seq FROM sync_conflict k"
            " JOIN complaint c ON c.uid = k.record_uid WHERE k.id = %s",
            (conflict_id,),
        ).fetchone()
    kept = outcomes[0].removeprefix("resolved ") if "resolved" in outcomes[0] else outcomes[1][9:]
    assert resolution == kept
    if kept == "mine":  # nothing written to the complaint
        assert (remarks, seq_after) == ("县里手工改过", seq_before)
    else:  # the station's version written once
        assert remarks != "县里手工改过" and seq_after > seq_before


def test_stations_upload_to_a_county_on_postgres_through_the_same_merge(
    setting: tuple[Site, Site, Path, ServerCounty], tmp_path: Path
) -> None:
    """``station serve`` of a county on PostgreSQL (real uvicorn on 127.0.0.1): sealed bundles
    of confirmed stations merge (201) as the SQLite county merges the same files, uploading
    again changes nothing (200), and a station never heard from waits in the key inbox (202)
    until the clerk confirms its key."""
    first, second, usb, county = setting
    jia, yi = bundles_in(usb)
    assert manifest_is_sealed(jia) and manifest_is_sealed(yi)
    lite = Site(tmp_path / "lite-county", "XIAN", "通江县消协", role="county")
    assert [r.status for r in lite.import_(jia, yi)] == ["imported", "imported"]
    county.confirm_key_of(first)
    with county.open():  # the overview lists a station whose key is confirmed, no bundle yet
        (state,) = stations_sync_state()
    assert (state.station_code, state.bundles, state.last_imported_at) == ("TJ001", 0, "")
    assert state.fingerprint and not state.key_confirmed  # registered, no bundle signed by it yet
    with running(county.root) as server:
        answers = [post_bundle(server.url, jia), post_bundle(server.url, yi)]
        assert [a.status_code for a in answers] == [201, 202]
        assert [a.json()["outcome"] for a in answers] == ["merged", "waiting"]
        with psycopg.connect(county.url) as check:
            assert check.execute(
                "SELECT count(*) FROM complaint WHERE origin = 'TJ002'"
            ).fetchone() == (0,)
    county.confirm_key_of(second)  # the clerk phones 乙站: its waiting bundle merges
    assert server_records(county.url) == lite_records(lite.database)
    with county.open():
        on_server = [
            (x.station_code, x.last_seq, x.bundles, x.missing) for x in stations_sync_state()
        ]
    with lite.open():
        on_file = [
            (x.station_code, x.last_seq, x.bundles, x.missing) for x in stations_sync_state()
        ]
    assert on_server == on_file == [("TJ001", 1, 1, []), ("TJ002", 1, 1, [])]
    with running(county.root) as server:
        again = [post_bundle(server.url, jia), post_bundle(server.url, yi)]
        assert [a.status_code for a in again] == [200, 200]
        assert [a.json()["outcome"] for a in again] == ["already", "already"]
    assert server_records(county.url) == lite_records(lite.database)


def manifest_is_sealed(bundle: Path) -> bool:
    """Whether the file is sealed to the county with age (not a plain zip)."""
    from station_app.sync.bundle_crypto import AGE_MAGIC

    return bundle.read_bytes()[: len(AGE_MAGIC)] == AGE_MAGIC
