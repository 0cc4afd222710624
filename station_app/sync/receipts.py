"""Receipts: the county says which bundles arrived; the station marks them in its history.

A receipt is a small JSON file, signed by the county's key (the same kind of key stations sign
bundles with). The station pins the county's key at the first receipt it imports, as the county
pins each station's key at its first bundle.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_app.access import remarks
from station_app.changes import NO_CHANGES, Changes
from station_app.file_in_place import written_in_place
from station_app.file_limits import check_input_file
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.settings import get_setting, set_setting
from station_app.store import dialect
from station_app.store.models import database_proxy
from station_app.sync import keys
from station_app.sync.bundle_format import SyncError
from station_app.sync.county import missing_bundles, seq_text, station_label

RECEIPT_FORMAT = "station-receipt"
RECEIPT_VERSION = 1
RECEIPT_SUFFIX = ".streceipt"
MAX_RECEIPT_BYTES = 32 * 1024 * 1024
COUNTY_KEY_SETTING = "sync.county_key"


def _canonical(receipt: dict[str, Any]) -> bytes:
    return json.dumps(receipt, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signed_receipt(
    ctx: Context, paths: DataPaths, station_code: str | None = None
) -> dict[str, Any]:
    """County: the receipt document (with its signature) listing every bundle imported so far,
    of every station or of ``station_code`` only (the upload service's answer to one station)."""
    connection = dialect.connection()  # the county's database, SQLite or PostgreSQL
    stations: list[dict[str, Any]] = []
    if station_code is None:
        codes = [
            r[0]
            for r in connection.execute(
                "SELECT DISTINCT station_code FROM received_bundle ORDER BY 1"
            )
        ]
    else:
        codes = [station_code]
    for code in codes:
        bundles = [
            {"seq": r[0], "manifest_sha256": r[1], "imported_at": r[2]}
            for r in connection.execute(
                "SELECT seq, manifest_sha256, imported_at FROM received_bundle"
                " WHERE station_code = ? ORDER BY seq, id",
                (code,),
            )
        ]
        stations.append(
            {
                "code": code,
                "name": station_label(code),
                "bundles": bundles,
                "missing": missing_bundles(code),
                "remarks": remarks.receipt_part(code),
            }
        )
    key = keys.load_or_create_key(paths)
    public_key = keys.public_key_bytes(key)
    receipt = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_VERSION,
        "county": {"code": ctx.origin, "name": ctx.station.name},
        "created_at": ctx.clock.utcnow().astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "key": {"public_key": public_key.hex(), "fingerprint": keys.fingerprint(public_key)},
        "stations": stations,
    }
    return {"receipt": receipt, "signature": keys.sign(key, _canonical(receipt)).hex()}


def export_receipt(ctx: Context, paths: DataPaths, out_dir: str | os.PathLike[str]) -> Path:
    """County: write a signed receipt listing, per station, every bundle imported so far."""
    if not ctx.station.is_county:
        raise SyncError(msg("只有县消协可以导出回执。"))
    document = signed_receipt(ctx, paths)
    now = ctx.clock.utcnow()
    out = Path(out_dir)
    target = out / f"{ctx.origin}_receipt_{now.astimezone(dt.UTC):%Y%m%d%H%M%S}{RECEIPT_SUFFIX}"
    try:
        out.mkdir(parents=True, exist_ok=True)
        with written_in_place(target) as temp:
            temp.write_bytes(json.dumps(document, ensure_ascii=False, indent=1).encode())
    except OSError as error:
        raise SyncError(
            msg("无法写出回执到 {folder}：{reason}", folder=out, reason=error.strerror)
        ) from error
    return target


_HEX = re.compile(r"[0-9a-fA-F]*")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_]{1,31}")  # an installation's code (check_identity)
_BIG = 2**62


def _hex(value: object, length: int) -> bool:
    return type(value) is str and len(value) == length and bool(_HEX.fullmatch(value))


def _moment(value: object) -> bool:
    if type(value) is not str or len(value) > 40:
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def receipt_problem(document: dict[str, Any]) -> tuple[str, str] | None:
    """The first field of a receipt file of the wrong type or size, and what it must be.

    Checked before anything of the receipt is used, signature included (a hostile file never
    reaches the code below as an internal error)."""
    receipt = document["receipt"]
    text, number, hex_text, moment, listing, record = (
        msg("应为不超过 {length} 字的文本"),
        msg("应为 {low} 至 {high} 的整数", low=1, high=_BIG),
        msg("应为十六进制"),
        msg("应为时间"),
        msg("应为列表"),
        msg("应为 JSON 对象"),
    )
    county, key = receipt.get("county"), receipt.get("key")
    checks: list[tuple[str, bool, str]] = [
        ("signature", _hex(document.get("signature"), 128), hex_text),
        (
            "format_version",
            type(receipt.get("format_version")) is int and 1 <= receipt["format_version"] <= _BIG,
            number,
        ),  # fmt: skip
        ("county", isinstance(county, dict), record),
        (
            "county.code",
            isinstance(county, dict)
            and type(county.get("code")) is str
            and bool(_CODE.fullmatch(county["code"])),
            text.format(length=32),
        ),  # fmt: skip
        (
            "county.name",
            isinstance(county, dict)
            and type(county.get("name", "")) is str
            and len(county.get("name", "")) <= 100,
            text.format(length=100),
        ),  # fmt: skip
        ("created_at", _moment(receipt.get("created_at")), moment),
        ("key", isinstance(key, dict), record),
        ("key.public_key", isinstance(key, dict) and _hex(key.get("public_key"), 64), hex_text),
        ("stations", isinstance(receipt.get("stations"), list), listing),
    ]
    for where, good, what in checks:
        if not good:
            return where, what
    for i, station in enumerate(receipt["stations"]):
        at = f"stations[{i}]"
        if not isinstance(station, dict):
            return at, record
        if type(station.get("code")) is not str or len(station["code"]) > 32:
            return f"{at}.code", text.format(length=32)
        missing, bundles = station.get("missing", []), station.get("bundles", [])
        if not isinstance(missing, list):
            return f"{at}.missing", listing
        for j, seq in enumerate(missing):
            if type(seq) is not int or not 1 <= seq <= _BIG:
                return f"{at}.missing[{j}]", number
        if not isinstance(bundles, list):
            return f"{at}.bundles", listing
        if "remarks" in station:
            found = remarks.receipt_part_problem(station["remarks"], f"{at}.remarks", _moment)
            if found:
                return found
        for j, entry in enumerate(bundles):
            where = f"{at}.bundles[{j}]"
            if not isinstance(entry, dict):
                return where, record
            if type(entry.get("seq")) is not int or not 1 <= entry["seq"] <= _BIG:
                return f"{where}.seq", number
            if not _hex(entry.get("manifest_sha256"), 64):
                return f"{where}.manifest_sha256", hex_text
            if entry.get("imported_at") is not None and not _moment(entry["imported_at"]):
                return f"{where}.imported_at", moment
    return None


@dataclass
class ReceiptReport:
    county: str
    marked: list[int] = field(default_factory=list)  # newly marked as received
    already: list[int] = field(default_factory=list)
    different: list[int] = field(
        default_factory=list
    )  # the county got another bundle of that number
    missing: list[int] = field(default_factory=list)  # the county says these never arrived
    key_pinned_now: bool = False
    station: str = ""  # this station's code
    remarks: int = 0  # county remarks newly kept

    @property
    def changes(self) -> Changes:
        """A receipt changes the state of this station's bundles (the 工作台 card shows it)."""
        return Changes.of(sync=[self.station]) if self.marked or self.key_pinned_now else NO_CHANGES

    def lines(self) -> list[str]:
        """What the import did, in the window's language (the ``station`` command: Chinese)."""
        lines = [
            msg(
                "已导入{county}的回执：新确认送达 {count} 个数据包。",
                county=self.county,
                count=len(self.marked),
            )
        ]
        if self.already:
            lines.append(msg("另有 {count} 个此前已确认。", count=len(self.already)))
        if self.remarks:
            lines.append(msg("收到县消协备注 {count} 条。", count=self.remarks))
        if self.missing:
            lines.append(
                msg(
                    "县消协尚未收到第 {numbers} 号数据包，请重新送达。",
                    numbers=seq_text(self.missing),
                )
            )
        if self.different:
            lines.append(
                msg(
                    "县消协收到的第 {numbers} 号数据包与本机记录的不同，"
                    "请导出完整数据包（--full）送县消协。",
                    numbers=seq_text(self.different),
                )
            )
        return lines


def import_receipt(ctx: Context, path: str | os.PathLike[str]) -> ReceiptReport:
    """Station: mark the bundles the county's receipt lists as received."""
    if ctx.station.is_county:
        raise SyncError(msg("回执由服务站导入；本机是县消协。"))
    path = Path(path)
    check_input_file(path, MAX_RECEIPT_BYTES, SyncError)
    try:
        if path.stat().st_size > MAX_RECEIPT_BYTES:
            raise SyncError(msg("{file} 过大，不是回执文件。", file=path.name))
        document = json.loads(path.read_bytes())
    except FileNotFoundError as error:
        raise SyncError(msg("找不到回执文件 {path}。", path=path)) from error
    except (OSError, ValueError, RecursionError) as error:
        raise SyncError(msg("{file} 不是有效的回执文件。", file=path.name)) from error
    return import_receipt_document(ctx, document, path.name)


def import_receipt_document(ctx: Context, document: object, name: str) -> ReceiptReport:
    """Station: mark the bundles a receipt document lists (read from the file ``name``, or
    received from the county's upload service) as received."""
    if ctx.station.is_county:
        raise SyncError(msg("回执由服务站导入；本机是县消协。"))
    receipt = document.get("receipt") if isinstance(document, dict) else None
    if (
        not isinstance(document, dict)
        or not isinstance(receipt, dict)
        or receipt.get("format") != RECEIPT_FORMAT
    ):
        raise SyncError(msg("{file} 不是回执文件。", file=name))
    version = receipt.get("format_version")
    if type(version) is int and version > RECEIPT_VERSION:
        raise SyncError(msg("{file} 由更新版本的程序生成，请先升级程序。", file=name))
    problem = receipt_problem(document)
    if problem:
        where, what = problem
        raise SyncError(
            msg(
                "{file} 不是有效的回执文件：“{field}”{problem}，未导入。",
                file=name,
                field=where,
                problem=what,
            )
        )
    signature = bytes.fromhex(document["signature"])
    public_key = bytes.fromhex(receipt["key"]["public_key"])
    county = receipt["county"]
    stations = receipt["stations"]
    if not keys.signature_valid(public_key, _canonical(receipt), signature):
        raise SyncError(msg("{file} 的签名无效（文件在途中被改动），未导入。", file=name))
    fingerprint = keys.fingerprint(public_key)
    pinned = get_setting(COUNTY_KEY_SETTING)
    if pinned and pinned != public_key.hex():
        raise SyncError(
            msg(
                "{file} 由另一把密钥签名（指纹 {fingerprint}），"
                "与本站登记的县消协密钥不符，未导入。",
                file=name,
                fingerprint=fingerprint,
            )
        )
    report = ReceiptReport(
        county=f"{county.get('name', '')}（{county.get('code', '')}）", station=ctx.origin
    )
    mine = next((s for s in stations if s.get("code") == ctx.origin), None)
    connection = database_proxy.connection()
    with database_proxy.atomic():
        if not pinned:
            set_setting(COUNTY_KEY_SETTING, public_key.hex())
            report.key_pinned_now = True
        for entry in (mine or {}).get("bundles", []):
            seq, sha = entry["seq"], entry["manifest_sha256"]
            row = connection.execute(
                "SELECT manifest_sha256, received_at FROM bundle_export WHERE seq = ?", (seq,)
            ).fetchone()
            if row is None or row[0] != sha:
                report.different.append(seq)
            elif row[1] is not None:
                report.already.append(seq)
            else:
                connection.execute(
                    "UPDATE bundle_export SET received_at = ?, received_by = ? WHERE seq = ?",
                    (entry.get("imported_at") or receipt["created_at"], county.get("code"), seq),
                )
                report.marked.append(seq)
        report.missing = list((mine or {}).get("missing", []))
        report.remarks = remarks.import_remarks(
            (mine or {}).get("remarks", []), ctx.origin, county["code"]
        )
    # a bundle the county received in another copy (same number, other content) is reported once
    report.different = sorted(set(report.different) - set(report.marked) - set(report.already))
    return report
