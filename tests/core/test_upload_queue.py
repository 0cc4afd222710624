"""The station's upload queue against a real county service on 127.0.0.1: offline at export,
uploaded by itself once the service is up, states kept across restarts, refusals, HTTPS pinning.
Every test with a county runs with the county's database on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import http.server
import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from station_app.cli import main
from station_app.registry.context import Context
from station_app.roster.roster_import import apply_roster, read_roster
from station_app.settings import get_setting, set_setting
from station_app.sync import keys
from station_app.sync.county import repin_station_key
from station_app.sync.upload_protocol import (
    CERTIFICATE_SETTING,
    UPLOAD_URL_SETTING,
    certificate_fingerprint,
)
from station_app.sync.upload_queue import (
    QUEUED,
    RECEIVED,
    REJECTED,
    county_endpoint,
    export_for_upload,
    next_try,
    queue_items,
    retry_delay,
    upload_due,
)

from ..conftest import copy_folder
from .county_server import CountyServer, free_port, running
from .test_roster_import import full_roster
from .test_sync_helpers import Site, canonical, count_rows, county_site

COUNTY = "XIAN"


@pytest.fixture
def pair(
    tmp_path: Path, county_databases: Callable[[str], str | None], request: pytest.FixtureRequest
) -> tuple[Site, Site]:
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = county_site(tmp_path / "county", county_databases(request.node.name), COUNTY)
    county.confirm_key_of(station)
    station.demo(complaints=20, visits=10, seed=3)
    return station, county


def set_county_url(station: Site, url: str, certificate: str | None = None) -> None:
    with station.open():
        set_setting(UPLOAD_URL_SETTING, url)
        if certificate:
            set_setting(CERTIFICATE_SETTING, certificate)


def items(station: Site) -> list:  # type: ignore[type-arg]
    with station.open():
        return queue_items()


def try_due(station: Site, *, everything: bool = False) -> list:  # type: ignore[type-arg]
    """One pass of the queue, in a fresh process's view (the installation opened anew)."""
    with station.open() as (inst, ctx):
        return upload_due(ctx, inst.paths, county_endpoint(), everything=everything)


def test_offline_at_export_uploads_by_itself_when_the_service_comes_up(
    pair: tuple[Site, Site],
) -> None:
    station, county = pair
    port = free_port()
    set_county_url(station, f"http://127.0.0.1:{port}")
    with station.open() as (inst, ctx):
        written = export_for_upload(ctx, inst.paths)
    assert written is not None and written.parent == station.root / "outbox"

    # no service yet: the try fails, the bundle waits a minute, then two, then four
    (first,) = try_due(station)
    assert first.state == QUEUED and first.attempts == 1
    assert "无法连接" in first.last_error
    now = station.clock.utcnow().replace(tzinfo=None)
    assert first.next_try_at == now + dt.timedelta(minutes=1)
    assert try_due(station) == []  # not due yet: nothing tried
    station.clock.advance(minutes=1)
    (second,) = try_due(station)
    assert second.attempts == 2 and second.next_try_at == now + dt.timedelta(minutes=3)

    with running(county.root, port=port):
        station.clock.advance(minutes=1)
        assert try_due(station) == []  # still waiting for its time
        station.clock.advance(minutes=1)
        with station.open():
            assert next_try() == now + dt.timedelta(minutes=3)
        (done,) = try_due(station)
    assert done.state == RECEIVED and done.state_name == "县消协已收到"
    assert done.received_at is not None and done.last_error is None
    with station.open() as (inst, _):
        received = inst.db.execute_sql("SELECT received_by FROM bundle_export").fetchall()
        assert next_try() is None
    assert received == [(COUNTY,)]
    assert count_rows(county, "complaint", "TJ001") == 20


def test_back_off_doubles_from_a_minute_up_to_an_hour() -> None:
    delays = [retry_delay(n) for n in range(1, 10)]
    assert delays[:4] == [dt.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert max(delays) == dt.timedelta(hours=1) == delays[-1]


def test_bundle_upload_command_sends_and_then_has_nothing_to_send(
    pair: tuple[Site, Site], capsys: pytest.CaptureFixture[str]
) -> None:
    station, county = pair
    data = ["--data-dir", str(station.root)]
    assert main([*data, "bundle", "upload"]) == 1
    assert "未设置县消协上传地址" in capsys.readouterr().err
    with running(county.root) as server:
        assert main([*data, "bundle", "upload", "--url", server.url]) == 0
        printed = capsys.readouterr().out
        assert "TJ001_00001.stbundle" in printed and "第 1 号数据包：县消协已收到" in printed
        assert main([*data, "bundle", "upload", "--url", server.url]) == 0
        assert "没有待上传的数据包" in capsys.readouterr().out
        station.demo(complaints=5, visits=0, seed=9)
        assert main([*data, "bundle", "upload", "--url", server.url]) == 0
        assert "第 2 号数据包：县消协已收到" in capsys.readouterr().out
    assert count_rows(county, "complaint", "TJ001") == 25
    # offline: the bundle is kept, the command says why and fails
    station.demo(complaints=1, visits=0, seed=10)
    assert main([*data, "bundle", "upload", "--url", f"http://127.0.0.1:{free_port()}"]) == 1
    assert "第 3 号数据包：等待网络（无法连接" in capsys.readouterr().err
    assert [i.state for i in items(station)] == [QUEUED, RECEIVED, RECEIVED]


def test_a_bundle_the_county_refuses_is_not_sent_again(pair: tuple[Site, Site]) -> None:
    station, county = pair
    with running(county.root) as server:
        set_county_url(station, server.url)
        with station.open() as (inst, ctx):
            export_for_upload(ctx, inst.paths)
        assert [i.state for i in try_due(station)] == [RECEIVED]
        # the station's key is lost and made anew: the county has pinned the old one
        (station.root / "keys" / "station_ed25519.pem").unlink()
        station.demo(complaints=2, visits=0, seed=4)
        with station.open() as (inst, ctx):
            export_for_upload(ctx, inst.paths)
        before = canonical(county, COUNTY)
        (refused,) = try_due(station)
        assert refused.state == REJECTED and refused.state_name == "县消协拒收"
        assert refused.last_error and "TJ001_00002.stbundle" in refused.last_error
        assert refused.next_try_at is None
        assert try_due(station, everything=True) == []
        assert canonical(county, COUNTY) == before
        # the clerk confirms the new key read out on the phone; a full bundle sends everything
        with station.open() as (inst, _):
            fingerprint = keys.existing_fingerprint(inst.paths)
        with county.open() as (_, county_ctx):
            repin_station_key(county_ctx, "TJ001", fingerprint)
        assert main(["--data-dir", str(station.root), "bundle", "upload", "--full"]) == 0
    assert [i.state for i in items(station)] == [RECEIVED, REJECTED, RECEIVED]
    assert count_rows(county, "complaint", "TJ001") == 22


class CaptivePortal(http.server.BaseHTTPRequestHandler):
    """A hotel network's login page: 200 to everything, and not the county's service."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self._page()

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._page()

    def _page(self) -> None:
        body = b"<html>please log in</html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def portal() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CaptivePortal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_answer_that_is_not_the_countys_is_not_taken_as_sent(
    pair: tuple[Site, Site], portal: str
) -> None:
    station, _ = pair
    set_county_url(station, portal)
    with station.open() as (inst, ctx):
        export_for_upload(ctx, inst.paths)
    (item,) = try_due(station)
    assert item.state == QUEUED and "不是县消协上传服务的" in item.last_error


def self_signed(folder: Path) -> tuple[Path, Path, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "xfx.test")])
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("xfx.test")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    fingerprint = certificate_fingerprint(certificate.public_bytes(serialization.Encoding.DER))
    return cert_file, key_file, fingerprint


def test_https_with_the_pinned_certificate_only(pair: tuple[Site, Site], tmp_path: Path) -> None:
    station, county = pair
    cert, key, fingerprint = self_signed(tmp_path / "tls")
    other = self_signed(tmp_path / "other")[2]
    port = free_port()
    server = CountyServer(county.root, port=port, extra=["--certificate", str(cert),
                                                         "--private-key", str(key)])  # fmt: skip
    with station.open() as (inst, ctx):
        export_for_upload(ctx, inst.paths)
    try:
        server.start()
        set_county_url(station, server.url, other)  # a certificate that is not the county's
        (item,) = try_due(station)
        assert item.state == QUEUED and "不是名册登记的县消协证书" in item.last_error
        set_county_url(station, server.url, fingerprint.lower().replace(":", ""))
        station.clock.advance(minutes=1)
        (item,) = try_due(station)
        assert item.state == RECEIVED
    finally:
        server.stop()
    assert (
        f"证书指纹（写在名册“说明”页的“县消协证书指纹”）：{fingerprint}" in server.log.read_text()
    )


def test_the_roster_cover_sets_the_county_service(ctx: Context, tmp_path: Path) -> None:
    path = full_roster(tmp_path / "roster.xlsx")
    book = openpyxl.load_workbook(path)
    fingerprint = "ab:" * 31 + "ab"
    book["说明"].append(["县消协上传地址", "https://xfx.example.cn:8443/"])
    book["说明"].append(["证书指纹", fingerprint])
    book.save(path)
    apply_roster(read_roster(path), ctx=ctx)
    assert get_setting(UPLOAD_URL_SETTING) == "https://xfx.example.cn:8443"
    assert get_setting(CERTIFICATE_SETTING) == fingerprint.upper()
    endpoint = county_endpoint()
    assert (endpoint.url, endpoint.certificate) == (
        "https://xfx.example.cn:8443",
        fingerprint.upper(),
    )
    from station_app.roster.export import roster_cover

    assert roster_cover()["县消协上传地址"] == "https://xfx.example.cn:8443"

    bad = full_roster(tmp_path / "bad.xlsx", version="2026.9")
    book = openpyxl.load_workbook(bad)
    book["说明"].append(["县消协上传地址", "ftp://xfx"])
    book.save(bad)
    preview = read_roster(bad)
    assert any("县消协上传地址“ftp://xfx”无效" in e.message for e in preview.errors)


@pytest.mark.slow
def test_the_queue_completes_after_the_service_is_killed_mid_upload(
    tmp_path: Path, county_databases: Callable[[str], str | None]
) -> None:
    """The station's queue sends three bundles; the service is killed at a random point (5 runs);
    after a restart the queue's next pass completes, each bundle merged once, none lost."""
    setting = tmp_path / "setting"
    station = Site(setting / "jia", "TJ001", "甲站")
    county = county_site(setting / "county", county_databases("queue_killed"), COUNTY)
    county.confirm_key_of(station)
    port = free_port()
    set_county_url(station, f"http://127.0.0.1:{port}")
    for seed in (1, 2, 3):
        station.demo(complaints=150, visits=100, seed=seed)
        with station.open() as (inst, ctx):
            export_for_upload(ctx, inst.paths)
    expected_dir = tmp_path / "expected"
    copy_folder(setting, expected_dir)
    expected_station = station.copied_to(setting, expected_dir)
    expected_county = county.copied_to(setting, expected_dir)
    with running(expected_county.root, port=port):
        began = time.perf_counter()
        assert [i.state for i in try_due(expected_station)] == [RECEIVED] * 3
        duration = time.perf_counter() - began
    expected = canonical(expected_county, COUNTY)

    rng = random.Random(20261207)
    received_at_kill = []
    for attempt in range(5):
        target = tmp_path / f"kill{attempt}"
        copy_folder(setting, target)
        victim = station.copied_to(setting, target)
        victim_county = county.copied_to(setting, target)
        server = CountyServer(victim_county.root, port=port).start()
        sending = threading.Thread(target=lambda s=victim: try_due(s))  # type: ignore[misc]
        sending.start()
        time.sleep(rng.uniform(0.0, duration))
        server.kill()
        sending.join(timeout=120)
        received_at_kill.append(sum(i.state == RECEIVED for i in items(victim)))
        with running(victim_county.root, port=port):
            victim.clock.advance(hours=1)
            retried = try_due(victim)
        assert all(i.state == RECEIVED for i in items(victim)), [i.last_error for i in retried]
        assert canonical(victim_county, COUNTY) == expected
    assert len(set(received_at_kill)) >= 2  # the kills fell at different points of the queue
