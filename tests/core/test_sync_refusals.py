"""Damaged, forged and hostile bundles are refused with a clear reason; the county is unchanged."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from station_app.sync import keys
from station_app.sync.bundle_format import CHECKSUM_PREFIX, seal_file

from ..conftest import connect_raw
from .test_sync_helpers import (
    Site,
    canonical,
    copy_setting,
    dump_all,
    opened_zip,
    unsealed_copy,
)


@pytest.fixture(scope="module")
def setting_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, tuple[Site, Site, Path]]:
    """Built once per module; each test gets a copy (``setting``)."""
    tmp_path = tmp_path_factory.mktemp("setting")
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    station.demo(complaints=20, visits=20, seed=1)
    first = station.export(tmp_path / "usb")
    (report,) = county.import_(first)  # pins the station's key
    assert report.status == "imported"
    station.demo(complaints=5, visits=5, seed=2)
    # edited by hand below: the plain signed zip inside the sealed file
    return tmp_path, (station, county, unsealed_copy(station.export(tmp_path / "usb")))


@pytest.fixture
def setting(
    setting_template: tuple[Path, tuple[Site, Site, Path]], tmp_path: Path
) -> tuple[Site, Site, Path]:
    source, built = setting_template
    return copy_setting(source, built, tmp_path)  # type: ignore[return-value]


def rewrite(source: Path, target: Path, *, change: dict[str, bytes | None] | None = None,
            add: dict[str, bytes] | None = None) -> Path:  # fmt: skip
    """A copy of a bundle with some entries replaced (None: dropped) or added."""
    change = change or {}
    with opened_zip(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    new.writestr(info.filename, change[info.filename])  # type: ignore[arg-type]
            else:
                new.writestr(info, old.read(info.filename))
        for name, data in (add or {}).items():
            new.writestr(name, data)
        new.comment = CHECKSUM_PREFIX + b"0" * 64
    seal_file(target)  # whoever edits a bundle on the way can recompute the file checksum
    return target


def sign_as(station: Site, manifest: dict[str, object]) -> dict[str, bytes]:
    key = serialization.load_pem_private_key(
        (station.root / "keys" / keys.KEY_FILE).read_bytes(), password=None
    )
    data = json.dumps(manifest, ensure_ascii=False).encode()
    return {"manifest.json": data, "manifest.sig": keys.sign(key, data)}  # type: ignore[arg-type]


def refused(county: Site, bundle: Path) -> str:
    before = dump_all(county.database)
    (report,) = county.import_(bundle)
    assert report.refused, report.message
    assert dump_all(county.database) == before
    assert "未导入" in report.message and bundle.name in report.message
    return report.message


def test_one_flipped_byte_in_a_part(setting: tuple[Site, Site, Path], tmp_path: Path) -> None:
    _, county, bundle = setting
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo("parts/complaint.ndjson")
    data = bytearray(bundle.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + info.compress_size // 2] ^= 0x01
    flipped = tmp_path / "flipped.stbundle"
    flipped.write_bytes(bytes(data))
    message = refused(county, flipped)
    assert "损坏" in message or "被改动" in message


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, 0.999])
def test_one_flipped_byte_anywhere(
    setting: tuple[Site, Site, Path], tmp_path: Path, where: float
) -> None:
    _, county, bundle = setting
    data = bytearray(bundle.read_bytes())
    data[int(len(data) * where)] ^= 0x40
    flipped = tmp_path / "flipped.stbundle"
    flipped.write_bytes(bytes(data))
    refused(county, flipped)


def test_a_flipped_byte_in_the_manifest_breaks_the_signature(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    _, county, bundle = setting
    with zipfile.ZipFile(bundle) as archive:
        manifest = archive.read("manifest.json")
    changed = manifest.replace(b'"seq": 2', b'"seq": 3')
    assert changed != manifest
    message = refused(county, rewrite(bundle, tmp_path / "m.stbundle",
                                      change={"manifest.json": changed}))  # fmt: skip
    assert "签名无效" in message


def test_a_truncated_bundle(setting: tuple[Site, Site, Path], tmp_path: Path) -> None:
    _, county, bundle = setting
    for size in (0, 10, bundle.stat().st_size // 2, bundle.stat().st_size - 1):
        cut = tmp_path / f"cut{size}.stbundle"
        cut.write_bytes(bundle.read_bytes()[:size])
        assert "不是完整的数据包" in refused(county, cut) or "损坏" in refused(county, cut)


def test_a_bundle_signed_by_an_unknown_key(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    station, county, bundle = setting
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    stranger = keys.Ed25519PrivateKey.generate()
    public = keys.public_key_bytes(stranger)
    manifest["key"] = {"algorithm": "Ed25519", "public_key": public.hex(),
                       "fingerprint": keys.fingerprint(public)}  # fmt: skip
    data = json.dumps(manifest, ensure_ascii=False).encode()
    forged = rewrite(bundle, tmp_path / "forged.stbundle",
                     change={"manifest.json": data, "manifest.sig": keys.sign(stranger, data)})  # fmt: skip
    message = refused(county, forged)
    assert "未登记的密钥" in message and keys.fingerprint(public) in message
    # a signature that does not match the key named in the manifest
    mixed = rewrite(bundle, tmp_path / "mixed.stbundle",
                    change={"manifest.sig": keys.sign(stranger, b"other")})  # fmt: skip
    assert "签名无效" in refused(county, mixed)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "越出目录"),
        ("parts/../../evil.ndjson", "越出目录"),
        ("/tmp/evil", "绝对路径"),
        ("attachments\\..\\evil", "反斜杠"),
        ("parts/extra.txt", "不认识"),
    ],
)
def test_a_path_escaping_the_bundle(
    setting: tuple[Site, Site, Path], tmp_path: Path, name: str, reason: str
) -> None:
    _, county, bundle = setting
    hostile = rewrite(bundle, tmp_path / "hostile.stbundle", add={name: b"x"})
    assert reason in refused(county, hostile)


def test_a_bundle_from_a_newer_format_or_schema(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    station, county, bundle = setting
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    newer = dict(manifest, format_version=2)
    message = refused(county, rewrite(bundle, tmp_path / "f2.stbundle",
                                      change=sign_as(station, newer)))  # fmt: skip
    assert "格式版本为 2" in message and "升级" in message
    newer = dict(manifest, schema_version=manifest["schema_version"] + 1)
    message = refused(county, rewrite(bundle, tmp_path / "s.stbundle",
                                      change=sign_as(station, newer)))  # fmt: skip
    assert "数据库版本" in message and "升级" in message


def test_a_zip_bomb(setting: tuple[Site, Site, Path], tmp_path: Path) -> None:
    _, county, bundle = setting
    bomb = rewrite(bundle, tmp_path / "bomb.stbundle",
                   change={"parts/complaint.ndjson": b"\0" * (64 * 1024 * 1024)})  # fmt: skip
    assert "压缩炸弹" in refused(county, bomb)


def test_a_part_changed_and_its_entry_recompressed(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    """Edited on the way with a zip tool (CRC right, content wrong): the part hash catches it."""
    _, county, bundle = setting
    with zipfile.ZipFile(bundle) as archive:
        lines = archive.read("parts/complaint.ndjson")
    edited = lines.replace(b'"recovered_fen":0', b'"recovered_fen":9', 1)
    edited = edited if edited != lines else lines.replace(b'"version":1', b'"version":9', 1)
    assert edited != lines and len(edited) == len(lines)
    message = refused(county, rewrite(bundle, tmp_path / "e.stbundle",
                                      change={"parts/complaint.ndjson": edited}))  # fmt: skip
    assert "内容与清单不符" in message


def test_a_bad_bundle_between_good_ones_in_one_run_is_rolled_back_alone(
    setting: tuple[Site, Site, Path], tmp_path: Path
) -> None:
    """Bundles of one run share a transaction, each in its own savepoint: a bundle refused half
    way through (a part edited on the way, found while its rows are being applied) leaves no
    trace, and the good bundles before and after it are imported as if it had never come."""
    station, county, bundle = setting
    with zipfile.ZipFile(bundle) as archive:
        lines = archive.read("parts/complaint_transition.ndjson")
    edited = lines.replace(b'"version":1', b'"version":7', 1)
    assert edited != lines
    # transitions come after people, visits and complaints (and their search index rows): those
    # parts are applied before the edit is found, and must go with the savepoint
    bad = rewrite(
        bundle, tmp_path / "bad.stbundle", change={"parts/complaint_transition.ndjson": edited}
    )
    other = Site(tmp_path / "yi", "TJ002", "乙站")
    other.demo(complaints=6, visits=4, seed=3)
    first = other.export(tmp_path / "usb")
    other.demo(complaints=3, visits=2, seed=4)
    second = other.export(tmp_path / "usb")

    reports = county.import_(first, bad, second)
    assert [r.status for r in reports] == ["imported", "refused", "imported"]
    assert "内容与清单不符" in reports[1].message

    reference = Site(tmp_path / "reference", "XIAN", "通江县消协", role="county")
    reference.import_(tmp_path / "usb" / "TJ001_00001.stbundle")
    reference.import_(first, second)
    assert canonical(county.database, "XIAN") == canonical(reference.database, "XIAN")
    with connect_raw(county.database) as connection:  # no search rows of the refused bundle
        connection.execute("INSERT INTO complaint_fts(complaint_fts) VALUES ('integrity-check')")
