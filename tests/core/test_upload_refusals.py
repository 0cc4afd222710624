"""Hostile and broken uploads are refused with a reason, the county's database unchanged; a
service killed in the middle of uploads loses nothing and the retried uploads add nothing twice.
Every test runs with the county's database on SQLite and on PostgreSQL."""

from __future__ import annotations

import io
import json
import random
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from station_app.sync.upload_protocol import (
    BUNDLES_PATH,
    NAME_HEADER,
    PROTOCOL_HEADER,
    SHA256_HEADER,
    STATION_HEADER,
    file_sha256,
)

from .county_server import CountyServer, post_bundle, running
from .test_sync_helpers import (
    ServerCounty,
    Site,
    canonical,
    connected,
    copy_setting,
    county_site,
    dump_all,
    unsealed_copy,
)
from .test_sync_refusals import rewrite

COUNTY = "XIAN"
KILLS = 10


@pytest.fixture(scope="module")
def setting(
    tmp_path_factory: pytest.TempPathFactory, county_databases: Callable[[str], str | None]
) -> tuple:  # type: ignore[type-arg]
    root = tmp_path_factory.mktemp("refusal-setting")
    jia = Site(root / "jia", "TJ001", "甲站")
    county = county_site(root / "county", county_databases("refusal_setting"), COUNTY)
    jia.demo(complaints=30, visits=20, seed=1)
    # edited by hand in the tests: the plain signed zip inside the sealed file (a county still
    # takes a plain bundle from an old station, checking its signature as ever)
    sealed = jia.export(root / "out")
    (root / "plain").mkdir()
    bundle = unsealed_copy(sealed, root / "plain" / sealed.name)  # the name says the station
    county.confirm_key_of(jia)
    return root, (jia, county, bundle)


@pytest.fixture
def sites(setting: tuple, tmp_path: Path) -> tuple:  # type: ignore[type-arg]
    root, items = setting
    return copy_setting(root, items, tmp_path / "copy")


def rewritten(bundle: Path, target: Path, change_manifest: dict[str, object]) -> Path:
    """A copy of ``bundle`` whose manifest says other things, the signature left as it was (the
    file checksum recomputed, as whoever edits a bundle on the way can)."""
    with zipfile.ZipFile(bundle) as source:
        manifest = json.loads(source.read("manifest.json"))
    manifest.update(change_manifest)
    return rewrite(bundle, target, change={"manifest.json": json.dumps(manifest).encode()})


def assert_refused(answer: httpx.Response, status: int, reason: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers[PROTOCOL_HEADER] == "1"
    body = answer.json()
    assert body["outcome"] == "refused" and reason in body["reason"], body
    assert "\n" not in body["reason"]


def nothing_kept(county: Site) -> bool:
    uploads = county.root / "uploads"
    return [p.name for p in uploads.iterdir()] == ["incoming"] and not any(
        (uploads / "incoming").iterdir()
    )


def test_forged_truncated_and_oversize_uploads_are_refused_and_change_nothing(
    sites: tuple, tmp_path: Path
) -> None:
    jia, county, bundle = sites
    before = dump_all(county)
    forged = rewritten(bundle, tmp_path / bundle.name, {"station_name": "冒名站"})
    whole = bundle.read_bytes()
    cut = tmp_path / "cut" / bundle.name
    cut.parent.mkdir()
    cut.write_bytes(whole[: len(whole) // 2])
    with running(county.root, extra=["--max-mb", "1"]) as server:
        # a manifest changed after signing
        assert_refused(post_bundle(server.url, forged), 422, "签名")
        # half of the file sent, the whole file's checksum announced: refused before the import
        assert_refused(post_bundle(server.url, bundle, body=whole[:1000]), 422, "校验值")
        # a truncated file, sent as it is: the import finds it damaged
        assert_refused(post_bundle(server.url, cut), 422, cut.name)
        # more than the service takes (1 MB here): refused from the declared size
        big = whole + bytes(1024 * 1024)
        assert_refused(post_bundle(server.url, bundle, body=big, sha256="0" * 64), 413, "过大")
        # no declared size (chunked): refused, nothing read
        chunked = httpx.post(
            server.url + BUNDLES_PATH,
            content=iter([whole]),
            headers={STATION_HEADER: "TJ001", SHA256_HEADER: file_sha256(bundle),
                     NAME_HEADER: bundle.name},
            timeout=30,
        )  # fmt: skip
        assert_refused(chunked, 411, "Content-Length")
        # headers missing or hostile
        bad_name = post_bundle(server.url, bundle)
        assert bad_name.status_code == 201  # the real one still goes through afterwards
        after_real = dump_all(county)
        hostile = httpx.post(
            server.url + BUNDLES_PATH,
            content=whole,
            headers={STATION_HEADER: "TJ001", SHA256_HEADER: file_sha256(bundle),
                     NAME_HEADER: "../../etc/passwd"},
            timeout=30,
        )  # fmt: skip
        assert_refused(hostile, 400, NAME_HEADER)
        metrics = httpx.get(server.url + "/metrics", timeout=10).text
    assert dump_all(county) == after_real
    assert after_real != before
    assert 'station_uploads_total{outcome="too_large"} 1' in metrics
    uploads = sorted(p.name for p in (county.root / "uploads").iterdir())
    assert uploads == sorted(["incoming", file_sha256(bundle)])


def test_refusals_leave_the_database_as_it_was(sites: tuple, tmp_path: Path) -> None:
    """The same refusals on a county that has no bundle yet: not a row, not a file kept."""
    jia, county, bundle = sites
    before = dump_all(county)
    forged = rewritten(bundle, tmp_path / bundle.name, {"seq": 7})
    with running(county.root) as server:
        assert_refused(post_bundle(server.url, forged), 422, "签名")
        assert_refused(post_bundle(server.url, bundle, body=b"PK\x03\x04"), 422, "校验值")
    assert dump_all(county) == before
    assert nothing_kept(county)


# ---------------------------------------------------------------------------- killed service


@pytest.fixture(scope="module")
def kill_setting(
    tmp_path_factory: pytest.TempPathFactory, county_databases: Callable[[str], str | None]
) -> tuple:  # type: ignore[type-arg]
    root = tmp_path_factory.mktemp("kill-setting")
    county = county_site(root / "county", county_databases("kill_setting"), COUNTY)
    bundles = []
    for code, seeds in (("TJ001", (1, 2, 3)), ("TJ002", (4, 5))):
        station = Site(root / code, code, f"{code}站")
        county.confirm_key_of(station)
        for seed in seeds:
            station.demo(complaints=150, visits=100, seed=seed)
            bundles.append(station.export(root / "out"))
    expected_site = county.copy_to(root / "expected")
    assert not any(r.refused for r in expected_site.import_(*bundles))
    return county, bundles, canonical(expected_site, COUNTY)


def slowly(data: bytes, pause: float) -> Iterator[bytes]:
    stream = io.BytesIO(data)
    while chunk := stream.read(16 * 1024):
        time.sleep(pause)
        yield chunk


def upload_all(url: str, bundles: list[Path], pause: float, answers: list[int]) -> None:
    """Post each bundle in turn (its body trickling in); stops at the first failed connection."""
    for bundle in bundles:
        headers = {
            STATION_HEADER: bundle.name.split("_")[0],
            SHA256_HEADER: file_sha256(bundle),
            NAME_HEADER: bundle.name,
            "Content-Length": str(bundle.stat().st_size),
        }
        try:
            answer = httpx.post(
                url + BUNDLES_PATH,
                content=slowly(bundle.read_bytes(), pause),
                headers=headers,
                timeout=60,
            )
        except httpx.HTTPError:
            return
        answers.append(answer.status_code)


@pytest.mark.slow
def test_service_killed_at_10_random_points_loses_nothing(
    kill_setting: tuple, tmp_path: Path
) -> None:
    county, bundles, expected = kill_setting
    pause = 0.002
    timing = county.copy_to(tmp_path / "timing")
    with running(timing.root) as server:
        began = time.perf_counter()
        answers: list[int] = []
        upload_all(server.url, bundles, pause, answers)
        duration = time.perf_counter() - began
    assert answers == [201] * len(bundles)

    rng = random.Random(20261207)
    answered_before_kill: list[int] = []
    for attempt in range(KILLS):
        target = county.copy_to(tmp_path / f"kill{attempt}")
        server = CountyServer(target.root).start()
        answers = []
        client = threading.Thread(target=upload_all, args=(server.url, bundles, pause, answers))
        client.start()
        time.sleep(rng.uniform(0.0, duration))
        server.kill()
        client.join(timeout=120)
        answered_before_kill.append(len(answers))
        if not isinstance(target, ServerCounty):  # PostgreSQL recovers by its own WAL
            with connected(target) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # the station retries every bundle (it cannot know which answers were lost)
        with running(target.root, port=server.port) as again:
            retried = [post_bundle(again.url, b) for b in bundles]
        statuses = [a.status_code for a in retried]
        assert all(status in (200, 201) for status in statuses), [a.text for a in retried]
        assert statuses[: len(answers)] == [200] * len(answers)  # answered before: merged once
        assert canonical(target, COUNTY) == expected  # nothing lost or twice
        with connected(target) as connection:
            uploads = connection.execute(
                "SELECT count(*), count(DISTINCT file_sha256) FROM bundle_upload"
            ).fetchone()
        assert tuple(uploads) == (len(bundles), len(bundles))
        assert not any((target.root / "uploads" / "incoming").iterdir())
    assert len(set(answered_before_kill)) >= 3  # the kills fell at different points of the run
