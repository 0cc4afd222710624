"""A receipt of the wrong shape (even one correctly signed by the county's key) is a clear one-line
refusal at the station, naming the field, never an internal error; the station is unchanged."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from station_app.sync import keys
from station_app.sync.bundle_format import SyncError
from station_app.sync.receipts import export_receipt, import_receipt

from .test_sync_helpers import Site, copy_setting, dump_all


@pytest.fixture(scope="module")
def setting_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, tuple[Site, Site, dict[str, Any]]]:
    """Built once per module; each test gets a copy (``setting``)."""
    tmp_path = tmp_path_factory.mktemp("setting")
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    station.demo(complaints=2, visits=1, seed=1)
    (report,) = county.import_(station.export(tmp_path / "usb"))
    assert report.status == "imported"
    with county.open() as (inst, ctx):
        receipt = export_receipt(ctx, inst.paths, tmp_path / "back")
    return tmp_path, (station, county, json.loads(receipt.read_text(encoding="utf-8")))


@pytest.fixture
def setting(
    setting_template: tuple[Path, tuple[Site, Site, dict[str, Any]]], tmp_path: Path
) -> tuple[Site, Site, dict[str, Any]]:
    source, built = setting_template
    return copy_setting(source, built, tmp_path)  # type: ignore[return-value]


def _signed(county: Site, receipt: dict[str, Any]) -> dict[str, Any]:
    """The receipt signed by the county's own key: the signature is not what refuses it."""
    key = serialization.load_pem_private_key(
        (county.root / "keys" / keys.KEY_FILE).read_bytes(), password=None
    )
    canonical = json.dumps(receipt, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {"receipt": receipt, "signature": keys.sign(key, canonical.encode()).hex()}  # type: ignore[arg-type]


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(receipt: dict[str, Any]) -> None:
        target: Any = receipt
        steps = [int(s) if s.isdigit() else s for s in path.split(".")]
        for step in steps[:-1]:
            target = target[step]
        target[steps[-1]] = value

    return edit


CASES = [
    ("stations.0.bundles.0.seq", "1", "stations[0].bundles[0].seq"),
    ("stations.0.bundles.0.seq", 2**63, "stations[0].bundles[0].seq"),
    ("stations.0.bundles.0.seq", [1], "stations[0].bundles[0].seq"),
    ("stations.0.bundles.0.seq", None, "stations[0].bundles[0].seq"),
    ("stations.0.bundles.0.manifest_sha256", 5, "stations[0].bundles[0].manifest_sha256"),
    ("stations.0.bundles.0.imported_at", {"x": 1}, "stations[0].bundles[0].imported_at"),
    ("stations.0.bundles.0", "第一号", "stations[0].bundles[0]"),
    ("stations.0.bundles", {"seq": 1}, "stations[0].bundles"),
    ("stations.0.missing", ["7"], "stations[0].missing[0]"),
    ("stations.0.missing", 7, "stations[0].missing"),
    ("stations.0.code", ["TJ001"], "stations[0].code"),
    ("stations.0", "TJ001", "stations[0]"),
    ("stations", {"TJ001": []}, "stations"),
    ("county", "XIAN", "county"),
    ("county.code", {"code": "XIAN"}, "county.code"),
    ("county.name", 12, "county.name"),
    ("key.public_key", 12, "key.public_key"),
    ("created_at", 1700000000, "created_at"),
    ("format_version", "1", "format_version"),
]


@pytest.mark.parametrize(("path", "value", "field"), CASES)
def test_a_receipt_field_of_the_wrong_type(
    setting: tuple[Site, Site, dict[str, Any]], tmp_path: Path, path: str, value: object, field: str
) -> None:
    station, county, document = setting
    receipt = copy.deepcopy(document["receipt"])
    _set(path, value)(receipt)
    bad = tmp_path / "bad.streceipt"
    bad.write_text(json.dumps(_signed(county, receipt), ensure_ascii=False), encoding="utf-8")
    before = dump_all(station.database)
    with station.open() as (_, ctx), pytest.raises(SyncError) as refused:
        import_receipt(ctx, bad)
    assert f"bad.streceipt 不是有效的回执文件：“{field}”" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert dump_all(station.database) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"[]", "不是回执文件"), (b'{"receipt": 5}', "不是回执文件"),
     (b"[" * 100_000 + b"]" * 100_000, "不是有效的回执文件"),
     (b'{"receipt": {"format": "station-receipt"}, "signature": 7}', "“signature”"),
     ("\ufeff{}".encode(), "不是回执文件"), (b"\xff", "不是有效的回执文件")],
)  # fmt: skip
def test_a_file_that_is_not_a_receipt(
    setting: tuple[Site, Site, dict[str, Any]], tmp_path: Path, content: bytes, words: str
) -> None:
    station, _, _ = setting
    bad = tmp_path / "bad.streceipt"
    bad.write_bytes(content)
    before = dump_all(station.database)
    with station.open() as (_, ctx), pytest.raises(SyncError, match=words):
        import_receipt(ctx, bad)
    assert dump_all(station.database) == before


def test_the_receipt_command_refuses_a_bad_receipt_in_one_line(
    setting: tuple[Site, Site, dict[str, Any]], tmp_path: Path
) -> None:
    station, county, document = setting
    receipt = copy.deepcopy(document["receipt"])
    receipt["stations"][0]["bundles"][0]["seq"] = 2**70
    bad = tmp_path / "bad.streceipt"
    bad.write_text(json.dumps(_signed(county, receipt)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(station.root),
         "receipt", "import", str(bad)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "内部错误" not in done.stderr
    assert "stations[0].bundles[0].seq" in done.stderr
