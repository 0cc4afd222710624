"""The county opens a bundle file and checks it before anything is written.

Checks, in order, each with its own plain reason: the file is a sound zip; it holds no more entries
and no more bytes than the limits, no entry that unpacks to many times its packed size (a zip
bomb), no overlapping entries, no absolute or escaping path, no backslash and no unknown name; the
manifest is valid JSON of format ``station-bundle`` in a version this program reads, from a schema
no newer than this program's; the signature over ``manifest.json`` verifies with the public key
named in it. Part hashes are checked while the parts are read (``read_part``), so every byte of
a part is both verified and used in a single pass; a mismatch aborts the import's transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_app.file_limits import DAMAGED_ZIP_ERRORS, MAX_BUNDLE_FILE_BYTES, check_input_file
from station_app.messages import msg
from station_app.store.migrations import LATEST
from station_app.sync import keys
from station_app.sync.bundle_format import (
    CHECKSUM_LENGTH,
    CHECKSUM_PREFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_SIGNATURE_BYTES,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    SIGNATURE,
    BundleRefused,
    attachment_name,
    content_checksum,
    entry_problem,
    part_table,
    refused,
)

_READ = 1024 * 1024


@dataclass(frozen=True)
class Part:
    name: str
    table: str
    records: int
    size: int
    sha256: str


@dataclass(frozen=True)
class PreparedPart:
    """A part read and checked ahead (``read_ahead``): its staging table as a SQLite database
    image (``image``: the child's staging tables, this part's rows alone in its table's, each
    row's rowid its line), or, for a driver that cannot load an image, its rows in the table's
    column order (``rows``)."""

    image: bytes | None = None
    rows: list[list[object]] | None = None


@dataclass
class OpenedBundle:
    path: Path
    archive: zipfile.ZipFile
    manifest: dict[str, Any]
    manifest_sha256: str
    station_code: str
    station_name: str
    seq: int
    public_key: bytes
    fingerprint: str
    parts: list[Part] = field(default_factory=list)
    attachments: list[tuple[str, int]] = field(default_factory=list)
    # parts read and checked ahead by a child process (``read_ahead``), by part name
    prepared: dict[str, PreparedPart] | None = None

    @property
    def label(self) -> str:
        return msg(
            "{name}（{code}）第 {seq} 号数据包",
            name=self.station_name,
            code=self.station_code,
            seq=self.seq,
        )

    def close(self) -> None:
        self.archive.close()


def open_bundle(path: Path, *, verify_checksum: bool = True) -> OpenedBundle:
    """Open ``path`` and run every check that needs no database; raises ``BundleRefused``."""
    check_input_file(path, MAX_BUNDLE_FILE_BYTES, BundleRefused)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise refused(path, msg("找不到文件")) from error
    except DAMAGED_ZIP_ERRORS as error:
        raise refused(path, msg("不是完整的数据包（文件已损坏或只复制了一部分）")) from error
    try:
        if verify_checksum:
            _check_checksum(path, archive)
        bundle = _check(path, archive)
    except BaseException:
        archive.close()
        raise
    return bundle


def _check_checksum(path: Path, archive: zipfile.ZipFile) -> None:
    comment = archive.comment
    if len(comment) != CHECKSUM_LENGTH or not comment.startswith(CHECKSUM_PREFIX):
        raise refused(path, msg("缺少文件校验和（不是本程序写出的数据包，或已损坏）"))
    try:
        checksum = content_checksum(path)
    except OSError as error:
        raise refused(path, msg("无法读取（{reason}）", reason=error.strerror)) from error
    if checksum.encode() != comment[len(CHECKSUM_PREFIX) :]:
        raise refused(path, msg("文件已损坏（校验和不符，可能在复制或传送中出错）"))


def _check(path: Path, archive: zipfile.ZipFile) -> OpenedBundle:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise refused(
            path,
            msg("包含 {count} 个文件，超过上限 {limit}", count=len(entries), limit=MAX_ENTRIES),
        )
    names: set[str] = set()
    total = 0
    for info in entries:
        problem = entry_problem(info.filename)
        if problem:
            raise refused(path, problem)
        if info.filename in names:
            raise refused(path, msg("重复包含“{name}”", name=info.filename))
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise refused(path, msg("包含加密的文件"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refused(path, msg("使用了不支持的压缩方式"))
        if info.file_size > MAX_ENTRY_BYTES:
            raise refused(
                path,
                msg(
                    "“{name}”解压后超过 {size} GB",
                    name=info.filename,
                    size=MAX_ENTRY_BYTES // 1024**3,
                ),
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refused(path, msg("“{name}”的压缩比异常（疑似压缩炸弹）", name=info.filename))
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise refused(path, msg("解压后总大小超过 {size} GB", size=MAX_TOTAL_BYTES // 1024**3))
    ordered = sorted(entries, key=lambda i: i.header_offset)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.header_offset + first.compress_size > second.header_offset:
            raise refused(path, msg("内部文件互相重叠（疑似压缩炸弹）"))
    if MANIFEST not in names or SIGNATURE not in names:
        raise refused(path, msg("缺少清单或签名"))

    manifest_bytes = _read_small(path, archive, MANIFEST, MAX_MANIFEST_BYTES)
    signature = _read_small(path, archive, SIGNATURE, MAX_SIGNATURE_BYTES)
    try:
        manifest = json.loads(manifest_bytes)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise refused(path, msg("清单不是有效的 JSON")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise refused(path, msg("不是服务站数据包"))
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise refused(path, msg("清单缺少格式版本"))
    if version > FORMAT_VERSION:
        raise refused(
            path,
            msg(
                "数据包格式版本为 {version}，本程序只认识到 {known}，请先升级程序",
                version=version,
                known=FORMAT_VERSION,
            ),
        )
    schema = manifest.get("schema_version")
    if not isinstance(schema, int):
        raise refused(path, msg("清单缺少数据库版本"))
    if schema > LATEST:
        raise refused(
            path,
            msg(
                "数据包来自数据库版本 {schema}，高于本程序的 {latest}，请先升级程序",
                schema=schema,
                latest=LATEST,
            ),
        )
    problem = _manifest_problem(manifest)
    if problem:
        raise refused(path, msg("清单内容不完整或无效（{field}）", field=problem))
    station = manifest["station"]
    code, name = station["code"], station["name"]
    seq = manifest["seq"]
    public_key = bytes.fromhex(manifest["key"]["public_key"])
    parts = [
        Part(p["name"], p["table"], p["records"], p["bytes"], p["sha256"])
        for p in manifest["parts"]
    ]
    attachments = [(a["sha256"], a["bytes"]) for a in manifest.get("attachments", [])]
    if len(public_key) != 32 or not keys.signature_valid(public_key, manifest_bytes, signature):
        raise refused(path, msg("签名无效（数据包在途中被改动，或不是由服务站程序生成）"))
    fingerprint = keys.fingerprint(public_key)
    if manifest["key"].get("fingerprint") != fingerprint:
        raise refused(path, msg("清单中的密钥指纹与公钥不符"))
    for part in parts:
        if part_table(part.name) != part.table or part.name not in names:
            raise refused(path, msg("清单列出的“{name}”不在包内", name=part.name))
        if archive.getinfo(part.name).file_size != part.size:
            raise refused(path, msg("“{name}”的大小与清单不符", name=part.name))
    for sha256, size in attachments:
        entry = attachment_name(sha256)
        if entry not in names:
            raise refused(path, msg("清单列出的“{name}”不在包内", name=entry))
        if archive.getinfo(entry).file_size != size:
            raise refused(path, msg("“{name}”的大小与清单不符", name=entry))
    listed = {p.name for p in parts} | {attachment_name(s) for s, _ in attachments}
    extra = names - listed - {MANIFEST, SIGNATURE}
    if extra:
        raise refused(path, msg("包含清单未列出的文件“{name}”", name=sorted(extra)[0]))
    return OpenedBundle(
        path=path,
        archive=archive,
        manifest=manifest,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        station_code=code,
        station_name=name,
        seq=seq,
        public_key=public_key,
        fingerprint=fingerprint,
        parts=parts,
        attachments=attachments,
    )


_BIG = 2**62
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_]{1,31}")  # a station code (settings.check_identity)
_HEX64 = re.compile(r"[0-9a-f]{64}")


def _count(value: object, low: int = 0) -> bool:
    return type(value) is int and low <= value <= _BIG


def _text(value: object, limit: int) -> bool:
    return type(value) is str and len(value) <= limit


def _manifest_problem(manifest: dict[str, Any]) -> str | None:
    """The first manifest field of the wrong type or size (None: all fine), before any use."""
    station, key, changes = manifest.get("station"), manifest.get("key"), manifest.get("change_seq")
    checks: list[tuple[str, bool]] = [
        ("station", isinstance(station, dict)),
        (
            "station.code",
            isinstance(station, dict)
            and _text(station.get("code"), 32)
            and bool(_CODE.fullmatch(station["code"])),
        ),  # fmt: skip
        ("station.name", isinstance(station, dict) and _text(station.get("name"), 100)),
        ("seq", _count(manifest.get("seq"), 1)),
        (
            "key",
            isinstance(key, dict)
            and _text(key.get("public_key"), 64)
            and bool(re.fullmatch(r"[0-9a-fA-F]{64}", key["public_key"])),
        ),  # fmt: skip
        (
            "change_seq",
            isinstance(changes, dict) and _count(changes.get("from")) and _count(changes.get("to")),
        ),  # fmt: skip
        ("created_at", _text(manifest.get("created_at", ""), 64)),
        ("full", type(manifest.get("full", False)) in (bool, int)),
        ("parts", isinstance(manifest.get("parts"), list)),
        ("attachments", isinstance(manifest.get("attachments", []), list)),
        ("attachments_missing", isinstance(manifest.get("attachments_missing") or [], list)),
        ("control_totals", isinstance(manifest.get("control_totals") or {}, dict)),
    ]
    for name, good in checks:
        if not good:
            return name
    for part in manifest["parts"]:
        if not (
            isinstance(part, dict)
            and _text(part.get("name"), 200)
            and _text(part.get("table"), 64)
            and _count(part.get("records"))
            and _count(part.get("bytes"))
            and _text(part.get("sha256"), 64)
            and _HEX64.fullmatch(part["sha256"])
        ):
            return "parts"
    for attachment in manifest.get("attachments", []):
        if not (
            isinstance(attachment, dict)
            and _text(attachment.get("sha256"), 64)
            and _HEX64.fullmatch(attachment["sha256"])
            and _count(attachment.get("bytes"))
        ):
            return "attachments"
    totals = manifest.get("control_totals") or {}
    for name in ("complaints", "recovered_fen"):
        if name in totals and not _count(totals[name]):
            return f"control_totals.{name}"
    return None


def _read_small(path: Path, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    if archive.getinfo(name).file_size > limit:
        raise refused(path, msg("“{name}”过大", name=name))
    try:
        return archive.read(name)
    except DAMAGED_ZIP_ERRORS as error:
        raise refused(path, msg("“{name}”已损坏", name=name)) from error


def read_part(bundle: OpenedBundle, part: Part) -> Iterator[list[bytes]]:
    """The part's lines in batches; raises ``BundleRefused`` if its bytes differ from the manifest.

    The hash check completes when the last batch has been taken, so the caller applies the batches
    inside a transaction it rolls back on any error.
    """
    digest = hashlib.sha256()
    records = 0
    tail = b""
    try:
        with bundle.archive.open(part.name) as stream:
            while chunk := stream.read(_READ):
                digest.update(chunk)
                lines = (tail + chunk).split(b"\n")
                tail = lines.pop()
                if len(tail) > MAX_LINE_BYTES:
                    raise refused(bundle.path, msg("“{name}”中有一条记录过大", name=part.name))
                records += len(lines)
                yield lines
    except DAMAGED_ZIP_ERRORS as error:
        raise refused(bundle.path, msg("“{name}”已损坏（校验失败）", name=part.name)) from error
    if tail:
        raise refused(bundle.path, msg("“{name}”不完整", name=part.name))
    if digest.hexdigest() != part.sha256:
        raise refused(
            bundle.path, msg("“{name}”的内容与清单不符（文件在途中被改动）", name=part.name)
        )
    if records != part.records:
        raise refused(bundle.path, msg("“{name}”的记录数与清单不符", name=part.name))


def read_attachment(bundle: OpenedBundle, sha256: str) -> Iterator[bytes]:
    try:
        with bundle.archive.open(attachment_name(sha256)) as stream:
            while chunk := stream.read(_READ):
                yield chunk
    except DAMAGED_ZIP_ERRORS as error:
        raise refused(bundle.path, msg("附件 {sha}… 已损坏", sha=sha256[:12])) from error
