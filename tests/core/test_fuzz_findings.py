"""What ``./dev.sh fuzz`` (tests/fuzz/fuzz_readers.py) found, kept as regular tests with the input
that triggered it. The property: a hostile file is refused with a ``StationError`` (one line),
never another exception.

Each finding was first a failing test, then fixed where it was found (zlib.error and
NotImplementedError from damaged deflate data or a newer zip version in the bundle reader; fields
of the wrong type in a signed receipt; an XML declaration naming an unknown encoding in a
roster).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.errors import StationError
from station_app.registry.context import Context
from station_app.sync import keys
from station_app.sync.reader import open_bundle, read_attachment, read_part
from station_app.sync.receipts import _canonical, import_receipt

from .test_file_limits import nothing_imported, read_roster

FINDINGS = Path(__file__).resolve().parent / "fuzz_findings"

# --- bundles: sound checksum (anyone can re-seal), damaged deflate data or zip version ------------


@pytest.mark.parametrize(
    "name",
    [
        "bundle-6b50184a9b188569.stbundle",  # zlib: invalid distance too far back
        "bundle-e215adb4633ea775.stbundle",  # zlib: invalid block type
        "bundle-f6af24db9e0710b7.stbundle",  # NotImplementedError: zip file version 6.4
        "bundle-9ad5b97bd2a7bfbe.stbundle",  # KeyError: a listed attachment is not in the zip
    ],
)
def test_a_resealed_bundle_with_damaged_entries_is_refused(name: str) -> None:
    with pytest.raises(StationError) as caught:
        bundle = open_bundle(FINDINGS / name)
        try:
            for part in bundle.parts:
                for _ in read_part(bundle, part):
                    pass
            for sha256, _size in bundle.attachments:
                for _ in read_attachment(bundle, sha256):
                    pass
        finally:
            bundle.close()
    assert name in str(caught.value)


# --- receipts: valid JSON, valid signature, fields of the wrong type --------------------------

COUNTY_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))


def signed_receipt(tmp_path: Path, **changes: Any) -> Path:
    public = keys.public_key_bytes(COUNTY_KEY)
    receipt: dict[str, Any] = {
        "format": "station-receipt",
        "format_version": 1,
        "county": {"code": "511921", "name": "通江县消费者协会"},
        "created_at": "2026-11-20T02:00:00Z",
        "key": {"public_key": public.hex(), "fingerprint": keys.fingerprint(public)},
        "stations": [{"code": "TJ001", "bundles": [], "missing": []}],
    }
    receipt.update(changes)
    signature = keys.sign(COUNTY_KEY, _canonical(receipt)).hex()
    path = tmp_path / "county.streceipt"
    path.write_text(json.dumps({"receipt": receipt, "signature": signature}), encoding="utf-8")
    return path


def test_the_unchanged_receipt_imports(ctx: Context, tmp_path: Path) -> None:
    """The seed of the cases below is a receipt the station accepts."""
    assert import_receipt(ctx, signed_receipt(tmp_path)).key_pinned_now


@pytest.mark.parametrize(
    "changes",
    [
        {"format_version": {}},  # TypeError: int() argument must be ... not 'dict'
        {"format_version": None},  # TypeError: int() argument must be ... not 'NoneType'
        {"county": []},  # AttributeError: 'list' object has no attribute 'get'
        {"county": None},  # AttributeError: 'NoneType' object has no attribute 'get'
        {"stations": 1.5},  # TypeError: 'float' object is not iterable
        {"stations": [True]},  # AttributeError: 'bool' object has no attribute 'get'
        {"stations": [{"code": "TJ001", "bundles": [{"seq": {}, "manifest_sha256": ""}]}]},
    ],
    ids=[
        "format_version",
        "format_version_null",
        "county",
        "county_null",
        "stations",
        "station",
        "seq",
    ],  # fmt: skip
)
def test_a_signed_receipt_with_fields_of_the_wrong_type_is_refused(
    ctx: Context, tmp_path: Path, changes: dict[str, Any]
) -> None:
    with pytest.raises(StationError) as caught:
        import_receipt(ctx, signed_receipt(tmp_path, **changes))
    assert "county.streceipt" in str(caught.value)


# --- rosters: an ODS package inside an .xlsx name, its XML declaring an unknown encoding --------


def test_a_roster_whose_xml_names_an_unknown_encoding_is_refused(ctx: Context) -> None:
    """content.xml declares encoding="TTF-8": expat's LookupError escaped the ODS scan."""
    name = "roster-331e25ab7fb8b0cc.xlsx"
    nothing_imported(ctx, lambda: read_roster(FINDINGS / name), name)
