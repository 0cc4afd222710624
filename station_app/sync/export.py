"""The station writes a bundle: every synced row changed since the last export (or all of them).

The database is checked first (``PRAGMA integrity_check``): a damaged database must not spread
its damage to the county. Rows are read in one read transaction, so the bundle is one consistent
moment of the station, and streamed straight from a raw cursor into the zip: a station with
400 000 records exports in seconds. The file is written under a temporary name, flushed to disk
and only then renamed, so a pulled USB stick never leaves a half bundle that looks whole.

An incremental bundle also carries the current snapshot of every row its rows refer to (the
officer of a new complaint, the person of a new complainant …), so each bundle can be imported on
its own, whatever arrived before it.

The signed zip is then sealed with age to the county's public key from the roster
(``bundle_crypto``): only the county can open it. A station whose roster carried no county key
cannot export personal data in clear; it may export a masked bundle instead (``bundle_masking``),
written as a plain signed zip whose manifest says ``"masked": true``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import queue
import sqlite3
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from station_app import __version__
from station_app.access import access_log
from station_app.backup import integrity_problems
from station_app.messages import N_, msg
from station_app.paths import DataPaths
from station_app.registry.attachments import stored_content, stored_path
from station_app.registry.context import Context
from station_app.store import dialect
from station_app.store.database import current_key
from station_app.store.driver import database_errors, open_raw
from station_app.store.migrations import LATEST
from station_app.store.models import database_proxy
from station_app.sync import bundle_crypto, bundle_masking, keys
from station_app.sync.bundle_format import (
    CHECKSUM_PREFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    CancelFlag,
    Progress,
    SyncError,
    attachment_name,
    bundle_file_name,
    check_cancel,
    part_name,
    seal_file,
)
from station_app.sync.sent import last_exported
from station_app.sync.tables import SyncTable, q, snapshot_sql, synced_tables

_FETCH = 5_000
_COMPRESS_LEVEL = 1  # fast: NDJSON still shrinks 5–10 times
_CHECK_MMAP_BYTES = 1 << 30  # address space only; pages come from the OS cache
_CANCELLED = N_("已取消导出，没有写出数据包。")  # check_cancel says it translated


@dataclass(frozen=True)
class ExportPlan:
    seq: int
    full: bool
    change_seq_from: int  # first change_seq included (1 for a full bundle)
    change_seq_to: int


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _plan(connection: sqlite3.Connection, full: bool) -> ExportPlan:
    seq = int(connection.execute("SELECT coalesce(max(seq), 0) FROM bundle_export").fetchone()[0])
    current = connection.execute("SELECT value FROM counter WHERE name = 'change_seq'").fetchone()
    last = 0 if full else last_exported(connection)
    return ExportPlan(seq + 1, full, last + 1, int(current[0]) if current else 0)


def _pick_referenced_rows(connection: sqlite3.Connection, plan: ExportPlan) -> None:
    """Fill ``temp.sync_pick`` with parents of changed rows that did not change themselves."""
    connection.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sync_pick (tbl TEXT, id INTEGER, PRIMARY KEY (tbl, id))"
        " WITHOUT ROWID"
    )
    connection.execute("DELETE FROM temp.sync_pick")
    for table in reversed(synced_tables()):  # children first, so grandparents are reached
        chosen = _chosen(table, plan)
        for column, parent in table.references.items():
            connection.execute(
                f"INSERT OR IGNORE INTO temp.sync_pick (tbl, id) "
                f"SELECT ?, t.{q(column)} FROM {q(table.name)} t "
                f"WHERE t.{q(column)} IS NOT NULL AND ({chosen})",
                (parent, *_chosen_args(table, plan)),
            )


def _chosen(table: SyncTable, plan: ExportPlan) -> str:
    if plan.full:
        return "t.change_seq <= ?"
    return "(t.change_seq BETWEEN ? AND ?) OR t.id IN (SELECT id FROM temp.sync_pick WHERE tbl = ?)"


def _chosen_args(table: SyncTable, plan: ExportPlan) -> tuple[object, ...]:
    if plan.full:
        return (plan.change_seq_to,)
    return (plan.change_seq_from, plan.change_seq_to, table.name)


def export_bundle(
    ctx: Context,
    paths: DataPaths,
    out_dir: str | os.PathLike[str],
    *,
    full: bool = False,
    masked: bool = False,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    """Write the next bundle into ``out_dir`` and remember it; returns the file written.

    Sealed to the county's key when the roster brought one; without it only ``masked`` may be
    written (``SyncError`` otherwise)."""
    dialect.refuse_on_postgres(
        msg("县消协的 PostgreSQL 数据库不导出数据包：数据包由服务站从本机的数据库导出。")
    )
    recipient = bundle_crypto.county_recipient()
    if recipient is None and not masked:
        raise SyncError(
            msg(
                "本站还没有县消协的加密公钥（随县消协的名册下发），含个人信息的数据包不能明文导出；"
                "请先导入县消协的最新名册，或导出脱敏数据包（station bundle export --masked）。"
            )
        )
    connection = database_proxy.connection()
    check = _IntegrityCheck(paths.database)
    check.start()
    key = keys.load_or_create_key(paths)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SyncError(
            msg("无法使用文件夹 {folder}：{reason}", folder=out, reason=error.strerror)
        ) from error

    # logged first, so that the entry travels in the bundle it names (an export that then fails
    # leaves the entry: someone tried to take the records out)
    seq = int(connection.execute("SELECT coalesce(max(seq), 0) FROM bundle_export").fetchone()[0])
    access_log.record(
        ctx,
        access_log.BUNDLE_EXPORT,
        bundle_file_name(ctx.origin, seq + 1),
        "全部记录" if full else "自上次以来的变更",  # stored: Chinese whatever the window
    )
    connection.execute("BEGIN")  # one read snapshot for the whole bundle
    try:
        plan = _plan(connection, full)
        target = out / bundle_file_name(ctx.origin, plan.seq)
        partial = out / f".{target.name}.partial"
        try:
            manifest = _write_zip(
                connection, ctx, paths, plan, partial, key, masked, progress, cancel
            )
            check.raise_problems()
            if recipient is not None:
                _seal(partial, recipient)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    finally:
        connection.execute("ROLLBACK")  # read only: nothing to keep
        check.join()
    try:
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise SyncError(
            msg("无法写出数据包 {file}：{reason}", file=target, reason=error.strerror)
        ) from error
    with database_proxy.atomic():
        connection.execute(
            "INSERT INTO bundle_export (seq, file_name, full, change_seq_from, change_seq_to,"
            " records, manifest_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan.seq,
                target.name,
                int(plan.full),
                plan.change_seq_from,
                plan.change_seq_to,
                manifest["records"],
                manifest["manifest_sha256"],
                ctx.clock.utcnow().isoformat(sep=" "),
            ),
        )
    return target


def _seal(partial: Path, recipient: str) -> None:
    """Replace the plain signed zip ``partial`` by its age encryption to the county."""
    plain = partial.with_name(partial.name + ".plain")
    os.replace(partial, plain)
    try:
        bundle_crypto.seal(plain, partial, recipient)
    finally:
        plain.unlink(missing_ok=True)


def _write_zip(
    connection: sqlite3.Connection,
    ctx: Context,
    paths: DataPaths,
    plan: ExportPlan,
    partial: Path,
    key: keys.Ed25519PrivateKey,
    masked: bool,
    progress: Progress | None,
    cancel: CancelFlag | None,
) -> dict[str, object]:
    if not plan.full:
        _pick_referenced_rows(connection, plan)
    counts = {
        t.name: connection.execute(
            f"SELECT count(*) FROM {q(t.name)} t WHERE {_chosen(t, plan)}", _chosen_args(t, plan)
        ).fetchone()[0]
        for t in synced_tables()
    }
    total = sum(counts.values())
    stamp = ctx.clock.local_now().timetuple()[:6]
    done = 0
    parts: list[dict[str, object]] = []
    try:
        archive = zipfile.ZipFile(
            partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESS_LEVEL
        )
    except OSError as error:
        raise SyncError(
            msg("无法写入 {folder}：{reason}", folder=partial.parent, reason=error.strerror)
        ) from error
    raw_lines = connection.cursor()
    archive.comment = CHECKSUM_PREFIX + b"0" * 64  # placeholder, filled in by seal_file
    with archive:
        for table in synced_tables():
            if not counts[table.name]:
                continue
            digest = hashlib.sha256()
            size = records = 0
            # text as bytes from the first row on (SQLCipher's driver reads a row at execute)
            with _bytes_text(connection):
                cursor = raw_lines.execute(
                    f"SELECT {snapshot_sql(table)} FROM {q(table.name)} t "
                    f"WHERE {_chosen(table, plan)} ORDER BY t.id",
                    _chosen_args(table, plan),
                )
                entry = zipfile.ZipInfo(part_name(table.name), date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry._compresslevel = _COMPRESS_LEVEL  # type: ignore[attr-defined]
                with (
                    archive.open(entry, "w", force_zip64=True) as part,
                    _Writer(part, digest) as writer,
                ):
                    while rows := cursor.fetchmany(_FETCH):
                        check_cancel(cancel, _CANCELLED)
                        lines = [r[0] for r in rows]
                        if masked:
                            lines = [bundle_masking.mask_line(table.name, line) for line in lines]
                        chunk = b"\n".join(lines) + b"\n"
                        writer.put(chunk)
                        size += len(chunk)
                        records += len(rows)
                        done += len(rows)
                        if progress is not None:
                            progress(done, total)
            parts.append(
                {
                    "name": part_name(table.name),
                    "table": table.name,
                    "records": records,
                    "bytes": size,
                    "sha256": digest.hexdigest(),
                    "references": table.references,
                }
            )
        attachments, missing = (
            ([], []) if masked else _write_attachments(connection, archive, paths, plan, cancel)
        )
        public_key = keys.public_key_bytes(key)
        complaints, recovered = connection.execute(
            "SELECT count(*), coalesce(sum(recovered_fen), 0) FROM complaint"
            " WHERE deleted = 0 AND origin = ?",
            (ctx.origin,),
        ).fetchone()
        manifest: dict[str, object] = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "schema_version": LATEST,
            "app_version": __version__,
            "station": {"code": ctx.origin, "name": ctx.station.name},
            "key": {
                "algorithm": "Ed25519",
                "public_key": public_key.hex(),
                "fingerprint": keys.fingerprint(public_key),
            },
            "seq": plan.seq,
            "full": plan.full,
            "masked": masked,
            "change_seq": {"from": plan.change_seq_from, "to": plan.change_seq_to},
            "created_at": _utc_text(ctx.clock.utcnow()),
            "records": done,
            "parts": parts,
            "attachments": attachments,
            "attachments_missing": missing,
            "control_totals": {"complaints": complaints, "recovered_fen": recovered},
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, keys.sign(key, manifest_bytes))
    seal_file(partial)
    return {"records": done, "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest()}


@contextlib.contextmanager
def _bytes_text(connection: sqlite3.Connection) -> Iterator[None]:
    """Text columns as the UTF-8 bytes SQLite holds: no decoding and re-encoding of each line."""
    previous = connection.text_factory
    connection.text_factory = bytes
    try:
        yield
    finally:
        connection.text_factory = previous


class _IntegrityCheck(threading.Thread):
    """``PRAGMA integrity_check`` (and the foreign-key check) on a connection of its own.

    It runs while the bundle is being written, into a temporary file that is renamed into place
    only once the check has passed: no bundle ever leaves a damaged database, and the export
    takes the time of the longer of the two instead of their sum.
    """

    def __init__(self, database: Path) -> None:
        super().__init__(name="bundle-integrity-check", daemon=True)
        self._database = database
        self._key = current_key()  # an encrypted database is read with its data key
        self.problems: list[str] = []

    def run(self) -> None:
        try:
            with contextlib.closing(open_raw(self._database, self._key, timeout=30)) as connection:
                # read through a memory map: the check reads every page, and copying each one
                # into SQLite's page cache made it the slower half of a large export
                connection.execute(f"PRAGMA mmap_size = {_CHECK_MMAP_BYTES}")
                self.problems = integrity_problems(connection, search_index=False)
        except database_errors() as error:
            self.problems = [str(error)]

    def raise_problems(self) -> None:
        self.join()
        if self.problems:
            raise SyncError(
                msg(
                    "数据库检查发现问题（{problem}），已停止导出，没有写出数据包；"
                    "请先运行 station check。",
                    problem=self.problems[0],
                )
            )


class _Writer:
    """Compresses and writes a part on a second thread while SQLite makes the next rows.

    zlib and file writes release the GIL, so on a two-core laptop the export runs about as fast
    as the slower of the two halves instead of their sum.
    """

    def __init__(self, target: IO[bytes], digest: hashlib._Hash) -> None:
        self._target = target
        self._digest = digest
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="bundle-writer", daemon=True)

    def __enter__(self) -> _Writer:
        self._thread.start()
        return self

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._digest.update(chunk)
                    self._target.write(chunk)
                except BaseException as error:  # noqa: BLE001 - handed to the exporting thread
                    self._error = error

    def put(self, chunk: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(chunk)

    def __exit__(self, *exc: object) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and exc[0] is None:
            raise self._error


def _write_attachments(
    connection: sqlite3.Connection,
    archive: zipfile.ZipFile,
    paths: DataPaths,
    plan: ExportPlan,
    cancel: CancelFlag | None,
) -> tuple[list[dict[str, object]], list[str]]:
    """Evidence files of the attachment rows in the bundle, each once, by hash."""
    tables = {t.name: t for t in synced_tables()}
    if "attachment" not in tables:
        return [], []
    table = tables["attachment"]
    hashes = [
        row[0]
        for row in connection.execute(
            f"SELECT DISTINCT t.sha256 FROM attachment t WHERE {_chosen(table, plan)}"
            " ORDER BY t.sha256",
            _chosen_args(table, plan),
        )
    ]
    written: list[dict[str, object]] = []
    missing: list[str] = []
    for sha256 in hashes:
        check_cancel(cancel, _CANCELLED)
        source = stored_path(paths.attachments, sha256)
        if not source.is_file():
            missing.append(sha256)
            continue
        # the plain content: stored files are sealed with the installation's data key
        entry = zipfile.ZipInfo(attachment_name(sha256))
        entry.compress_type = zipfile.ZIP_STORED
        size = 0
        with archive.open(entry, "w", force_zip64=True) as part:
            for chunk in stored_content(paths.attachments, sha256):
                part.write(chunk)
                size += len(chunk)
        written.append({"sha256": sha256, "bytes": size})
    return written, missing
