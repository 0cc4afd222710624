"""The county's upload service over real HTTP on 127.0.0.1: merges, idempotence, answers; each
test that has a county runs with the county's database on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import psycopg
import pytest

from station_app.store.models import database_proxy
from station_app.sync.receipts import import_receipt_document
from station_app.sync.upload_protocol import PROTOCOL_HEADER
from station_app.sync.upload_service import Received, UploadService

from ..conftest import copy_folder
from .county_server import post_at_once, post_bundle, running
from .test_sync_helpers import Site, canonical, copy_setting, count_rows, county_site, dump_all

COUNTY = "XIAN"


@pytest.fixture(scope="module")
def setting(
    tmp_path_factory: pytest.TempPathFactory, county_databases: Callable[[str], str | None]
) -> tuple:  # type: ignore[type-arg]
    """Two stations with a bundle each, and a county with no bundle yet (on the module's engine;
    each test copies it, database included)."""
    root = tmp_path_factory.mktemp("upload-setting")
    jia = Site(root / "jia", "TJ001", "甲站")
    yi = Site(root / "yi", "TJ002", "乙站")
    county = county_site(root / "county", county_databases("upload_setting"), COUNTY)
    jia.demo(complaints=30, visits=20, seed=1)
    yi.demo(complaints=20, visits=30, seed=2)
    bundles = (jia.export(root / "out"), yi.export(root / "out"))
    county.confirm_key_of(jia)  # both stations' keys were read over the phone before
    county.confirm_key_of(yi)
    return root, (jia, yi, county, *bundles)


@pytest.fixture
def sites(setting: tuple, tmp_path: Path) -> tuple:  # type: ignore[type-arg]
    root, items = setting
    return copy_setting(root, items, tmp_path / "copy")


def test_two_stations_upload_and_the_county_merges_both_once(sites: tuple, tmp_path: Path) -> None:
    jia, yi, county, first, second = sites
    by_files = county.copy_to(tmp_path / "by-files")
    assert not any(r.refused for r in by_files.import_(first, second))

    with running(county.root) as server:
        answers = [post_bundle(server.url, first), post_bundle(server.url, second)]
        assert [a.status_code for a in answers] == [201, 201]
        assert all(a.headers[PROTOCOL_HEADER] == "1" for a in answers)
        assert [a.json()["outcome"] for a in answers] == ["merged", "merged"]
        assert [(a.json()["station"], a.json()["seq"]) for a in answers] == [
            ("TJ001", 1),
            ("TJ002", 1),
        ]
        merged = dump_all(county)
        again = [post_bundle(server.url, first), post_bundle(server.url, second)]
        assert [a.status_code for a in again] == [200, 200]
        assert [a.json()["outcome"] for a in again] == ["already", "already"]
        assert dump_all(county) == merged  # uploading again changes nothing
        state = httpx.get(f"{server.url}/v1/bundles/{_sha(first)}", timeout=10)
        assert state.status_code == 200 and state.json()["outcome"] == "merged"
        metrics = httpx.get(server.url + "/metrics", timeout=10).text
    assert canonical(county, COUNTY) == canonical(by_files, COUNTY)  # as imported from files
    assert 'station_uploads_total{outcome="merged"} 2' in metrics
    assert 'station_uploads_total{outcome="already"} 2' in metrics
    assert "station_merge_seconds_count 4" in metrics

    # the receipt in the answer is the county's, for that station only, and the station takes it
    receipt = answers[0].json()["receipt"]
    assert [s["code"] for s in receipt["receipt"]["stations"]] == ["TJ001"]
    with jia.open() as (_, ctx):
        report = import_receipt_document(ctx, receipt, "upload")
    assert report.marked == [1]


def test_the_log_names_station_and_outcome_but_no_personal_data(sites: tuple) -> None:
    jia, _, county, first, _ = sites
    with running(county.root) as server:
        assert post_bundle(server.url, first).status_code == 201
        log = server.log
    text = log.read_text(encoding="utf-8")
    assert "station=TJ001 seq=1" in text and "outcome=merged" in text
    with jia.open() as (inst, _):
        names = [r[0] for r in inst.db.execute_sql("SELECT name FROM person")]
        phones = [r[0] for r in inst.db.execute_sql("SELECT phone FROM person WHERE phone != ''")]
    assert names and phones
    assert not [n for n in names + phones if n in text]
    logs = "".join(p.read_text(encoding="utf-8") for p in (county.root / "logs").glob("*.log*"))
    assert not [n for n in names + phones if n in logs]


def test_unknown_upload_and_health(sites: tuple) -> None:
    county = sites[2]
    with running(county.root) as server:
        assert httpx.get(server.url + "/healthz", timeout=10).text == "ok\n"
        unknown = httpx.get(f"{server.url}/v1/bundles/{'0' * 64}", timeout=10)
        assert unknown.status_code == 404 and unknown.json()["outcome"] == "unknown"
        info = httpx.get(server.url + "/v1", timeout=10).json()
        assert info["county"] == COUNTY and info["max_bytes"] == 256 * 1024 * 1024


def statuses_by_station(answers: list[httpx.Response]) -> dict[str, list[int]]:
    """The answers' HTTP statuses, sorted, by the station each answer names."""
    by_station: dict[str, list[int]] = {}
    for answer in answers:
        body = answer.json()
        assert "station" in body, (answer.status_code, body)  # a refusal names no station
        by_station.setdefault(body["station"], []).append(answer.status_code)
    return {code: sorted(statuses) for code, statuses in by_station.items()}


def _sha(path: Path) -> str:
    from station_app.sync.upload_protocol import file_sha256

    return file_sha256(path)


def test_concurrent_uploads_of_the_same_bundles_merge_each_once(sites: tuple) -> None:
    """Ten clients at once, each bundle five times: each bundle is merged by exactly one upload,
    the others are answered as already merged (whichever import run they fell into)."""
    _, _, county, first, second = sites
    with running(county.root) as server:
        statuses = statuses_by_station(
            post_at_once([(server.url, first), (server.url, second)] * 5)
        )
    assert statuses == {"TJ001": [200, 200, 200, 200, 201], "TJ002": [200, 200, 200, 200, 201]}
    assert count_rows(county, "received_bundle") == 2
    assert count_rows(county, "bundle_upload") == 2


def test_an_upload_signed_by_an_unconfirmed_key_waits_until_the_clerk_confirms(
    tmp_path: Path, county_databases: Callable[[str], str | None]
) -> None:
    """No trust on first sight over the network either: the upload is kept in the inbox (202),
    nothing is merged; once the clerk confirms the key read over the phone it merges, and the
    same upload again is answered as already merged."""
    bing = Site(tmp_path / "bing", "TJ003", "丙站")
    county = county_site(tmp_path / "county", county_databases("unconfirmed"), COUNTY)
    bing.demo(complaints=10, visits=5, seed=9)
    bundle = bing.export(tmp_path / "out")
    before = dump_all(county)
    with running(county.root) as server:
        first = post_bundle(server.url, bundle)
        assert first.status_code == 202 and first.json()["outcome"] == "waiting"
        waiting = httpx.get(f"{server.url}/v1/bundles/{_sha(bundle)}", timeout=10)
        assert waiting.status_code == 202 and waiting.json()["outcome"] == "waiting"
        assert count_rows(county, "complaint", "TJ003") == 0
        assert dump_all(county)["complaint"] == before["complaint"]
    county.confirm_key_of(bing)
    assert count_rows(county, "complaint", "TJ003") == 10
    with running(county.root) as server:
        # the station asking what became of its upload learns it merged, with the receipt
        state = httpx.get(f"{server.url}/v1/bundles/{_sha(bundle)}", timeout=10)
        assert state.status_code == 200 and state.json()["outcome"] == "merged"
        assert [s["code"] for s in state.json()["receipt"]["receipt"]["stations"]] == ["TJ003"]
        again = post_bundle(server.url, bundle)
        assert again.status_code == 200 and again.json()["outcome"] == "already"
    assert count_rows(county, "complaint", "TJ003") == 10


@pytest.mark.parametrize("county_databases", ["postgresql"], indirect=True)
def test_two_services_on_one_postgres_county_merge_each_bundle_once(sites: tuple) -> None:
    """A county on PostgreSQL running two upload services (two data directories naming one
    database, e.g. behind one reverse proxy): the same bundles sent to both at once are merged
    once each, every other upload answered as already merged, nothing written twice."""
    _, _, county, first, second = sites
    other = county.root.with_name("county-second-service")
    copy_folder(county.root, other)  # the same settings: the same database
    with running(county.root) as one, running(other) as two:
        uploads = [(url, bundle) for url in (one.url, two.url) for bundle in [first, second] * 3]
        statuses = statuses_by_station(post_at_once(uploads))
    assert statuses == {"TJ001": [200] * 5 + [201], "TJ002": [200] * 5 + [201]}
    assert count_rows(county, "received_bundle") == 2
    assert count_rows(county, "bundle_upload") == 2
    assert count_rows(county, "complaint", "TJ001") == 30
    assert count_rows(county, "complaint", "TJ002") == 20


@pytest.mark.parametrize("county_databases", ["postgresql"], indirect=True)
def test_the_service_outlives_a_lost_database_connection(sites: tuple) -> None:
    """PostgreSQL restarted, failed over, or a proxy's idle timeout: the service's connection
    is closed under it. The next health check and upload connect anew instead of failing until
    someone restarts the service."""
    _, _, county, first, _ = sites

    def end_the_services_connections() -> None:
        with psycopg.connect(county.url, autocommit=True) as admin:
            ended = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = 'station' AND pid != pg_backend_pid()"
            ).fetchall()
        assert ended and all(done for (done,) in ended)

    with running(county.root) as server:
        assert httpx.get(server.url + "/healthz", timeout=10).status_code == 200
        end_the_services_connections()
        assert httpx.get(server.url + "/healthz", timeout=10).status_code == 200
        end_the_services_connections()
        answer = post_bundle(server.url, first)
        assert answer.status_code == 201, answer.text
    assert count_rows(county, "complaint", "TJ001") == 30


@pytest.mark.parametrize("county_databases", ["postgresql"], indirect=True)
def test_two_writers_recording_the_same_uploads_in_any_order_never_deadlock(
    sites: tuple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A county on PostgreSQL merges on several writer threads, and two runs can hold the same
    uploads (sent twice at once) listed in opposite orders. Each records its uploads in one
    transaction: were the rows locked in the runs' orders, each would wait for the other and
    PostgreSQL would end one as a deadlock (the service answered 500). They are locked in the
    order of the files' hashes."""
    county = sites[2]
    uploads = [
        (Received(tmp_path / name, sha * 64, 1, name, station), station, 1, "merged")
        for name, sha, station in (
            ("TJ001_00001.stbundle", "a", "TJ001"),
            ("TJ002_00001.stbundle", "b", "TJ002"),
        )
    ]
    recorded = UploadService._record
    both_started = threading.Barrier(2)

    def slow_record(self: UploadService, *args: object) -> None:
        recorded(self, *args)  # type: ignore[arg-type]
        time.sleep(0.5)  # the other run takes its first row meanwhile

    monkeypatch.setattr(UploadService, "_record", slow_record)
    errors: list[BaseException] = []
    with county.open() as (inst, _):
        service = UploadService(inst)

        def run(order: list[tuple[Received, str, int, str]]) -> None:
            try:
                both_started.wait()
                with database_proxy.atomic():
                    service._record_all(order)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                inst.db.close()  # this thread's connection

        threads = [
            threading.Thread(target=run, args=(order,)) for order in (uploads, uploads[::-1])
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        service.writer.shutdown()
    assert errors == []
    assert count_rows(county, "bundle_upload") == 2
