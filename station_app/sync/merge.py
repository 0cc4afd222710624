"""The county imports bundles: check, then apply each one in its own savepoint, all or nothing.

Several bundles share a transaction, committed every few seconds and at the end of the run
(a commit per small bundle cost more than applying it); a refused bundle rolls back alone.

Before anything is merged, every row is checked against its table (``row_checks``: types,
lengths, ranges, dates, codes, unknown fields) and against ownership (``_check_ownership``): a
bundle signed by station X writes only rows whose origin is X, as sent and as already stored
here, only under parents owned by X (or, for roster tables, by the county), and never another
station's station, officer or record row. County-owned roster rows (officers, businesses,
stations of the roster) travel as copies: inserted when new, otherwise left as they are. Any
breach refuses the whole bundle, naming the part and line, or the table, row and owner.

Merge rules per incoming row (DESIGN.md, Sync bundle), matched by ``uid``:

* no row with that uid here → inserted;
* a county-owned roster row already here (same origin as sent) → kept as is: only its owner
  changes it;
* higher version → replaces the county's row;
* same version and same content → nothing to do (re-imports and overlapping bundles);
* lower version and not modified later than the county's row → an older copy of a row the county
  already has in a newer version (bundles arriving out of order): nothing to do, counted;
* anything else (same version with other content, a lower version modified later, or a value that
  another row already holds in a unique column) → kept aside in ``sync_conflict`` with both sides,
  for a clerk to review; never silently dropped.

Rows are staged in a temporary table and merged with set-based SQL, parents before children, so a
bundle of 100 000 records imports in a few seconds. Foreign keys arrive as uids and are mapped to
the county's ids in the same statements. A part's lines become checked rows in ``part_rows``; in a
big run a child process does that for the bundles to come (``read_ahead``) and the county only
stages the rows of parts found clean.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from station_app.file_limits import DAMAGED_ZIP_ERRORS, MAX_BUNDLE_FILE_BYTES, open_regular_file
from station_app.messages import N_, msg
from station_app.paths import DataPaths
from station_app.registry.attachments import stored_path
from station_app.registry.context import Context
from station_app.roster.diff import COUNTY_ORIGIN
from station_app.security.attachment_cipher import Sealer
from station_app.store.database import current_key
from station_app.store.driver import integrity_errors
from station_app.store.models import database_proxy
from station_app.sync import bundle_crypto, key_inbox
from station_app.sync.bundle_format import (
    MANIFEST,
    MAX_MANIFEST_BYTES,
    BundleRefused,
    CancelFlag,
    Progress,
    SyncCancelled,
    SyncError,
    check_cancel,
)
from station_app.sync.county import _take_change_seq, gap_sentence, station_label
from station_app.sync.import_run import DEFAULT_COMMIT_SECONDS, ImportRun
from station_app.sync.part_rows import PartLines, layout_for, refuse, write_conflict
from station_app.sync.read_ahead import ReadAhead, driver_of, reading_ahead, worth_it
from station_app.sync.reader import OpenedBundle, Part, open_bundle, read_attachment
from station_app.sync.tables import SyncTable, q, snapshot_sql, synced_tables, table_by_name

CONFLICT_KINDS = ("same_version", "older_version", "duplicate_key")
_CANCELLED = N_("已取消导入；正在导入的文件未作任何改动。")
_STAGE_BATCH = 2_000  # rows of a part read ahead, staged between looks at the cancel button


@dataclass
class TableOutcome:
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    superseded: int = 0  # older copies of rows the county already has newer
    kept: int = 0  # rows owned by someone else, already here
    conflicts: int = 0

    @property
    def changed(self) -> int:
        return self.inserted + self.replaced

    @classmethod
    def of_actions(cls, counts: dict[str, int]) -> TableOutcome:
        """The outcome of a table from how many staged rows took each action."""
        return cls(
            inserted=counts.get("insert", 0),
            replaced=counts.get("replace", 0),
            unchanged=counts.get("unchanged", 0),
            superseded=counts.get("superseded", 0),
            kept=counts.get("kept", 0),
            conflicts=sum(counts.get(k, 0) for k in CONFLICT_KINDS),
        )


@dataclass
class ImportReport:
    file: Path
    status: str  # imported | already | refused | waiting (key not confirmed: key_inbox)
    message: str
    station_code: str | None = None
    station_name: str | None = None
    seq: int | None = None
    fingerprint: str | None = None
    key_pinned_now: bool = False
    tables: dict[str, TableOutcome] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # how the bundle changed the station's complaints not deleted: (count, recovered fen)
    complaint_change: tuple[int, int] = (0, 0)

    @property
    def refused(self) -> bool:
        return self.status == "refused"

    def total(self, name: str) -> int:
        return sum(getattr(t, name) for t in self.tables.values())

    def lines(self) -> list[str]:
        return [self.message, *self.notes]


def import_bundles(
    ctx: Context,
    paths: DataPaths,
    files: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    commit_seconds: float = DEFAULT_COMMIT_SECONDS,
) -> list[ImportReport]:
    """Import each file on its own (one refused file does not stop the others).

    Bundles applied are committed about every ``commit_seconds`` and at the end (import_run).
    """
    if not ctx.station.is_county:
        raise SyncError(msg("只有县消协（county 角色）的安装可以导入数据包；本机是服务站。"))
    connection = database_proxy.connection()
    with ImportRun(connection, commit_seconds) as run:

        def apply(bundle: OpenedBundle, report: ImportReport, step: Progress) -> None:
            _apply(ctx, paths, bundle, report, step, cancel, run)

        return import_files(
            ctx, paths, files, apply, progress, cancel, run.commit, driver=driver_of(connection)
        )


# applies one opened bundle, filling its report; raises BundleRefused or SyncCancelled to refuse
ApplyBundle = Callable[[OpenedBundle, "ImportReport", Progress], None]


def import_files(
    ctx: Context,
    paths: DataPaths,
    files: Iterable[str | os.PathLike[str]],
    apply: ApplyBundle,
    progress: Progress | None,
    cancel: CancelFlag | None,
    settle: Callable[[], None],
    *,
    driver: str | None = None,
) -> list[ImportReport]:
    """Each file on its own (one refused file does not stop the others), on either engine:
    decrypted when sealed to the county, its signature checked, kept in the key inbox when its
    station's key is not confirmed, a masked one refused over unmasked data, else ``apply``-ed;
    the progress counted in the records the manifests announce. ``settle`` makes what was
    applied durable and leaves no transaction open (a masked row is then replaced by its full
    form through the conflict review's own resolution). ``driver``: the DB-API module the parts
    are staged with, for a read-ahead of a big run (``read_ahead``); None: none."""
    paths_in = [Path(f) for f in files]
    reports: list[ImportReport] = []
    with (
        reading_ahead(len(paths_in), driver) if driver else contextlib.nullcontext() as ahead,
        bundle_crypto.arrivals(paths, paths_in) as arrivals,  # sealed files decrypted first
    ):
        hints = [_records_hint(a.plain) if a.plain else 0 for a in arrivals]
        total = sum(hints)
        if ahead is not None and worth_it(hints):
            ahead.read([a.plain for a in arrivals if a.plain])
        elif ahead is not None:
            ahead.stop()
        offset = 0
        for arrival, hint in zip(arrivals, hints, strict=True):
            path = arrival.path
            if cancel is not None and cancel.is_set():
                reports.append(
                    ImportReport(path, "refused", msg("{file}：已取消，未导入。", file=path.name))
                )
                continue

            def step(done: int, _: int, base: int = offset) -> None:
                if progress is not None:
                    progress(base + done, total)

            reports.append(_import_one(ctx, paths, arrival, step, apply, settle, ahead))
            offset += hint
            if progress is not None:
                progress(offset, total)
    return reports


# a bundle whose record count cannot be read for the progress bar: its import will refuse it
_UNREADABLE_HINT: tuple[type[BaseException], ...] = (
    BundleRefused,
    KeyError,
    AttributeError,
    *DAMAGED_ZIP_ERRORS,
)


def _records_hint(path: Path) -> int:
    """The records the manifest announces, for the progress bar only: read without the checks of
    ``open_bundle`` (done when the bundle is imported); 0 when the file cannot tell."""
    try:
        with (
            open_regular_file(path, MAX_BUNDLE_FILE_BYTES, BundleRefused) as handle,
            zipfile.ZipFile(handle) as archive,
        ):
            info = archive.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                return 0
            records = json.loads(archive.read(info)).get("records", 0)
    except _UNREADABLE_HINT:
        return 0
    return records if type(records) is int and 0 <= records <= 2**62 else 0


def _import_one(
    ctx: Context,
    paths: DataPaths,
    arrival: bundle_crypto.Arrival,
    progress: Progress,
    apply: ApplyBundle,
    settle: Callable[[], None],
    ahead: ReadAhead | None,
) -> ImportReport:
    """Verify a (decrypted) file, keep it in the inbox (a key not confirmed), or import it."""
    path, plain, sealed = arrival.path, arrival.plain, arrival.sealed
    if plain is None:
        return ImportReport(path, "refused", arrival.refusal or "")
    try:
        bundle = open_bundle(plain)
    except BundleRefused as error:
        return ImportReport(path, "refused", str(error))
    if ahead is not None:  # the parts the read-ahead found clean, if it read this very manifest
        bundle.prepared = ahead.take(plain, bundle.manifest_sha256)
    try:
        report = ImportReport(
            path,
            "refused",
            "",
            station_code=bundle.station_code,
            station_name=bundle.station_name,
            seq=bundle.seq,
            fingerprint=bundle.fingerprint,
        )
        if bundle.station_code != ctx.origin:
            waiting = key_inbox.hold_if_unconfirmed(ctx, paths, bundle, path)
            if waiting is not None:
                report.status, report.message = "waiting", waiting
                return report
            masked = key_inbox.masked_refusal(bundle)
            if masked is not None:
                raise refuse(bundle, masked)
        try:
            apply(bundle, report, progress)
        except (BundleRefused, SyncCancelled) as error:
            report.status, report.message = "refused", str(error)
            return report
        if bundle.manifest.get("masked") and report.status == "imported":
            key_inbox.note_masked(ctx, bundle)
            report.notes.append(msg("这是脱敏数据包：其中的姓名、电话、证件号和文字内容已遮蔽。"))
        elif report.status == "imported" and report.total("conflicts"):
            settle()  # resolving needs no transaction open
            _replace_masked_rows(ctx, bundle, report)
        if not sealed and report.status == "imported" and not bundle.manifest.get("masked"):
            report.notes.append(
                msg(
                    "这个数据包没有加密（服务站的程序或名册较旧）：请把带有县消协加密公钥的"
                    "最新名册发给该站，并升级其程序。"
                )
            )
        return report
    except BundleRefused as error:  # the key inbox's refusals (a masked bundle …)
        return ImportReport(path, "refused", str(error))
    finally:
        bundle.close()


def _replace_masked_rows(ctx: Context, bundle: OpenedBundle, report: ImportReport) -> None:
    replaced = key_inbox.replace_masked_rows(ctx, bundle)
    if not replaced:
        return
    conflicts = report.total("conflicts")
    if replaced == conflicts:
        kept = msg("{count} 条记录与本库版本冲突，已另存待审核（见“冲突审核”）。", count=conflicts)
        report.notes = [n for n in report.notes if n != kept]
    report.notes.append(
        msg("此前以脱敏数据收到的 {count} 条记录，已换成这次收到的完整数据。", count=replaced)
    )


def _apply(
    ctx: Context,
    paths: DataPaths,
    bundle: OpenedBundle,
    report: ImportReport,
    progress: Progress,
    cancel: CancelFlag | None,
    run: ImportRun,
) -> None:
    connection = run.connection
    if bundle.station_code == ctx.origin:
        raise refuse(bundle, msg("这是本机自己导出的数据包"))
    if already_imported(connection, bundle, report):
        return
    pin_now = _check_key(connection, bundle)
    check_tables(bundle)
    _store_attachments(bundle, paths, cancel)

    reused = connection.execute(
        "SELECT 1 FROM received_bundle WHERE station_code = ? AND seq = ?",
        (bundle.station_code, bundle.seq),
    ).fetchone()
    parts = {p.table: p for p in bundle.parts}
    for table in synced_tables():  # outside the bundle's savepoint: a refusal does not undo them
        if table.name in parts:
            _staging(run, table)
    run.begin()
    indexed_to = run.indexed_to
    connection.execute("SAVEPOINT bundle")
    try:
        done = 0
        for table in synced_tables():
            part = parts.get(table.name)
            if part is None:
                continue
            outcome = _merge_table(run, ctx, bundle, table, part, done, progress, cancel, report)
            report.tables[table.name] = outcome
            done += part.records
        if pin_now:
            pin_key(connection, ctx, bundle)
        record_received(connection, ctx, bundle, report)
        connection.execute("RELEASE bundle")
    except BaseException as error:
        connection.execute("ROLLBACK TO bundle")
        connection.execute("RELEASE bundle")
        run.rolled_back(indexed_to)
        if isinstance(error, ValueError):  # JSON, text or hex that does not parse
            raise refuse(bundle, msg("记录格式无效（{error}）", error=error)) from error
        if isinstance(error, integrity_errors()):
            raise write_conflict(bundle, error) from error
        raise
    run.applied(sum(p.records for p in bundle.parts))

    imported(report, bundle, pin_now)
    _add_notes(connection, bundle, report, reused is not None, run.complaint_totals)


def already_imported(
    connection: sqlite3.Connection, bundle: OpenedBundle, report: ImportReport
) -> bool:
    """Whether this very bundle (its manifest's hash) was imported before; says so in ``report``."""
    before = connection.execute(
        "SELECT imported_at FROM received_bundle WHERE manifest_sha256 = ?",
        (bundle.manifest_sha256,),
    ).fetchone()
    if before:
        report.status = "already"
        report.message = msg(
            "{bundle}此前已导入（{when} UTC），本次未作任何改动。",
            bundle=bundle.label,
            when=str(before[0])[:16],
        )
    return bool(before)


def check_tables(bundle: OpenedBundle) -> None:
    """Refuse a bundle holding a table this program does not know."""
    tables = table_by_name()
    unknown = [p.table for p in bundle.parts if p.table not in tables]
    if unknown:
        raise refuse(
            bundle, msg("包含本程序不认识的数据表“{table}”，请先升级程序", table=unknown[0])
        )


def pin_key(connection: sqlite3.Connection, ctx: Context, bundle: OpenedBundle) -> None:
    """Pin the bundle's key for its station (an upsert both engines speak; the history of
    earlier keys, ``previous``, is kept)."""
    connection.execute(
        "INSERT INTO station_key (station_code, fingerprint, public_key, pinned_at, pinned_by)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (station_code) DO UPDATE SET"
        " fingerprint = excluded.fingerprint, public_key = excluded.public_key,"
        " pinned_at = excluded.pinned_at, pinned_by = excluded.pinned_by",
        (
            bundle.station_code,
            bundle.fingerprint,
            bundle.public_key.hex(),
            ctx.clock.utcnow().isoformat(sep=" "),
            ctx.actor,
        ),
    )


def imported(report: ImportReport, bundle: OpenedBundle, pin_now: bool) -> None:
    """The report of a bundle applied: what it inserted and replaced."""
    report.status = "imported"
    report.key_pinned_now = pin_now
    if not report.total("changed"):
        report.message = msg(
            "已导入{bundle}：其中记录均已在本库中，没有改动。", bundle=bundle.label
        )
    else:
        report.message = msg(
            "已导入{bundle}：新增 {inserted} 条，更新 {replaced} 条。",
            bundle=bundle.label,
            inserted=report.total("inserted"),
            replaced=report.total("replaced"),
        )


def record_received(
    connection: sqlite3.Connection, ctx: Context, bundle: OpenedBundle, report: ImportReport
) -> None:
    """The bundle's row in ``received_bundle`` (what makes importing it again a no-op)."""
    manifest = bundle.manifest
    connection.execute(
        'INSERT INTO received_bundle (station_code, seq, manifest_sha256, file_name, "full",'
        " change_seq_from, change_seq_to, records, created_at, imported_at, summary)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bundle.station_code,
            bundle.seq,
            bundle.manifest_sha256,
            bundle.path.name[:255],
            int(bool(manifest.get("full"))),
            int(manifest["change_seq"]["from"]),
            int(manifest["change_seq"]["to"]),
            sum(p.records for p in bundle.parts),
            str(manifest.get("created_at", "")),
            ctx.clock.utcnow().isoformat(sep=" "),
            json.dumps({k: vars(v) for k, v in report.tables.items()}),
        ),
    )


def _add_notes(
    connection: sqlite3.Connection,
    bundle: OpenedBundle,
    report: ImportReport,
    reused: bool,
    run_totals: dict[str, tuple[int, int]],
) -> None:
    station = bundle.station_code
    if station in run_totals:  # counted earlier in this run: add what this bundle changed
        count, fen = run_totals[station]
        change_count, change_fen = report.complaint_change
        run_totals[station] = (count + change_count, fen + change_fen)
    same = report.total("unchanged") + report.total("superseded") + report.total("kept")
    if same and report.total("changed"):
        report.notes.append(
            msg("另有 {count} 条记录本库已有相同或更新的版本，未改动。", count=same)
        )
    conflicts = report.total("conflicts")
    if conflicts:
        report.notes.append(
            msg("{count} 条记录与本库版本冲突，已另存待审核（见“冲突审核”）。", count=conflicts)
        )
    if report.key_pinned_now:
        report.notes.append(
            msg(
                "已登记{station}的签名密钥，指纹 {fingerprint}；请与服务站核对。",
                station=station_label(bundle.station_code, bundle.station_name),
                fingerprint=bundle.fingerprint,
            )
        )
    if reused:
        report.notes.append(
            msg(
                "{bundle}与此前收到的同号数据包内容不同（服务站可能恢复过备份），已按记录逐条合并。",
                bundle=bundle.label,
            )
        )
    missing_files = bundle.manifest.get("attachments_missing") or []
    if missing_files:
        report.notes.append(
            msg("服务站有 {count} 个附件文件缺失，未随数据包送来。", count=len(missing_files))
        )
    gap = gap_sentence(bundle.station_code, bundle.station_name)
    if gap:
        report.notes.append(gap)
        return
    last = connection.execute(
        "SELECT max(seq) FROM received_bundle WHERE station_code = ?", (bundle.station_code,)
    ).fetchone()[0]
    totals = bundle.manifest.get("control_totals") or {}
    if last == bundle.seq and "complaints" in totals:
        if station not in run_totals:  # the station's complaints read once per run
            run_totals[station] = connection.execute(
                "SELECT count(*), coalesce(sum(recovered_fen), 0) FROM complaint"
                " WHERE deleted = 0 AND origin = ?",
                (station,),
            ).fetchone()
        count, recovered = run_totals[station]
        if (count, recovered) != (totals.get("complaints"), totals.get("recovered_fen")):
            report.notes.append(
                msg(
                    "合计核对不符：服务站有投诉 {their_count} 件、挽回损失 {their_yuan} 元，"
                    "本库中为 {our_count} 件、{our_yuan} 元（可能有待审核的冲突）。",
                    their_count=totals.get("complaints"),
                    their_yuan=f"{int(totals.get('recovered_fen') or 0) / 100:.2f}",
                    our_count=count,
                    our_yuan=f"{recovered / 100:.2f}",
                )
            )


def _check_key(connection: sqlite3.Connection, bundle: OpenedBundle) -> bool:
    """Whether the bundle's key is to be pinned now; refuses a key other than the pinned one."""
    row = connection.execute(
        "SELECT fingerprint, public_key FROM station_key WHERE station_code = ?",
        (bundle.station_code,),
    ).fetchone()
    if row is None:
        return True
    fingerprint, public_key = row
    if public_key is None:
        if fingerprint == bundle.fingerprint:
            return True
        raise refuse(
            bundle,
            msg(
                "签名密钥指纹 {fingerprint} 与重新登记的指纹 {pinned} 不符",
                fingerprint=bundle.fingerprint,
                pinned=fingerprint,
            ),
        )
    if public_key == bundle.public_key.hex():
        return False
    raise refuse(
        bundle,
        msg(
            "由未登记的密钥签名（指纹 {fingerprint}，登记的是 {pinned}）；"
            "如该站确实换了电脑或重装了程序，请与服务站核对指纹后重新登记",
            fingerprint=bundle.fingerprint,
            pinned=fingerprint,
        ),
    )


def _store_attachments(bundle: OpenedBundle, paths: DataPaths, cancel: CancelFlag | None) -> None:
    """Copy the bundle's evidence files into the store, each checked against its hash.

    Files are stored by content before the transaction: one left behind by a refused import is
    harmless, and is simply found in place by the next import.
    """
    for sha256, _size in bundle.attachments:
        check_cancel(cancel, _CANCELLED)
        target = stored_path(paths.attachments, sha256)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tempfile.NamedTemporaryFile(
            dir=target.parent, delete=False, suffix=".incoming"
        ) as handle:
            incoming = Path(handle.name)
            sealer = Sealer(current_key())  # stored sealed with the data key, when there is one
            try:
                handle.write(sealer.header)
                for chunk in read_attachment(bundle, sha256):
                    digest.update(chunk)
                    handle.write(sealer.update(chunk))
                handle.write(sealer.finish())
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                handle.close()
                incoming.unlink(missing_ok=True)
                raise
        if digest.hexdigest() != sha256:
            incoming.unlink(missing_ok=True)
            raise refuse(bundle, msg("附件 {name}… 的内容与其校验值不符", name=sha256[:12]))
        os.replace(incoming, target)


def _merge_table(
    run: ImportRun,
    ctx: Context,
    bundle: OpenedBundle,
    table: SyncTable,
    part: Part,
    done_before: int,
    progress: Progress,
    cancel: CancelFlag | None,
    report: ImportReport,
) -> TableOutcome:
    connection = run.connection
    names = table.column_names
    staging = _staging(run, table)
    connection.execute(f"DELETE FROM {staging}")  # rowids start at 1 again: they are the lines
    texts = _stage(
        connection, bundle, table, part, staging, run.codes, done_before, progress, cancel,
        loads_images=run.loads_images,
    )  # fmt: skip
    known = _classify(connection, ctx, bundle, table, staging, texts, run.unique_columns)
    _check_ownership(connection, bundle, table, staging, known)
    _check_parents(connection, bundle, table, staging)
    staged = connection.execute(f"SELECT max(rowid) FROM {staging}").fetchone()[0] or 0
    base = _take_change_seq(connection, staged) - staged
    target = q(table.name)
    values = ", ".join(_mapped(table, n, "s") for n in names)
    connection.execute(
        f"INSERT INTO main.{target} ({', '.join(q(n) for n in names)}, change_seq)"
        f" SELECT {values}, ? + s.rowid FROM {staging} s WHERE s._action = 'insert'"
        " ORDER BY s.rowid",
        (base,),
    )
    if table.name == "complaint":
        report.complaint_change = _complaint_change(connection, staging, known)
        if known:  # the update trigger takes the replaced texts out of the search index
            run.index_pending()
    if not known:  # every row was new: all inserted above, nothing to replace or keep aside
        return TableOutcome(inserted=staged)
    assignments = ", ".join(f"{q(n)} = {_mapped(table, n, 's')}" for n in names)
    connection.execute(
        f"UPDATE main.{target} SET {assignments}, change_seq = ? + s.rowid"
        f" FROM {staging} s WHERE s._local_id = {target}.id AND s._action = 'replace'",
        (base,),
    )
    _keep_conflicts(connection, ctx, bundle, table, staging)
    counts = dict(
        connection.execute(f"SELECT _action, count(*) FROM {staging} GROUP BY _action").fetchall()
    )
    return TableOutcome.of_actions(counts)


def _complaint_change(connection: sqlite3.Connection, staging: str, known: int) -> tuple[int, int]:
    """How the staged complaints change the count and recovered fen of the station's complaints
    not deleted (the manifest's control totals): rows inserted and replacing rows, less the rows
    they replace; called after the insert, before the replace. Every row is the station's own
    (``_check_ownership``)."""
    count, fen = connection.execute(
        f"SELECT count(*), coalesce(sum(recovered_fen), 0) FROM {staging}"
        " WHERE _action IN ('insert', 'replace') AND deleted = 0"
    ).fetchone()
    if known:
        old_count, old_fen = connection.execute(
            f"SELECT count(*), coalesce(sum(t.recovered_fen), 0) FROM {staging} s"
            " JOIN main.complaint t ON t.id = s._local_id WHERE s._action = 'replace'"
            " AND t.deleted = 0"
        ).fetchone()
        count, fen = count - old_count, fen - old_fen
    return count, fen


def _staging(run: ImportRun, table: SyncTable) -> str:
    """The run's staging table of ``table``, made at its first use and kept for the whole run.

    Emptied before each bundle's part instead of made and dropped again, so the merge statements
    stay prepared (every change of the schema makes SQLite prepare them anew); dropped when the
    run ends (``ImportRun``).
    """
    layout = layout_for(table)
    if layout.staging not in run.scratch_tables:
        run.connection.execute(f"DROP TABLE IF EXISTS {layout.staging}")
        run.connection.execute(layout.create_staging())
        run.scratch_tables.append(layout.staging)
    return layout.staging


def _mapped(table: SyncTable, name: str, alias: str) -> str:
    """A staged column as the county stores it: a parent's uid becomes the parent's local id."""
    parent = table.references.get(name)
    if parent:
        return f"(SELECT p.id FROM main.{q(parent)} p WHERE p.uid = {alias}.{q(name)})"
    return f"{alias}.{q(name)}"


def _stage(
    connection: sqlite3.Connection,
    bundle: OpenedBundle,
    table: SyncTable,
    part: Part,
    staging: str,
    run_codes: dict[str, list[str]],
    done_before: int,
    progress: Progress,
    cancel: CancelFlag | None,
    *,
    loads_images: bool = False,
) -> Sequence[bytes]:
    """Stage the part's rows, checked; returns its lines as sent (for rows found here already).

    A part the read-ahead has read and checked already (``bundle.prepared``) is only staged:
    from its database image in one statement (``loads_images``: the run attached the schema
    for it, ``ImportRun``), else from its rows."""
    layout = layout_for(table)
    prepared = bundle.prepared.get(part.name) if bundle.prepared else None
    if prepared is not None and prepared.image is not None:
        check_cancel(cancel, _CANCELLED)
        if loads_images and layout.stage_image(connection, staging, prepared.image, part.records):
            progress(done_before + part.records, 0)
            return PartLines(bundle, part)
    elif prepared is not None and prepared.rows is not None:
        insert = layout.insert_sql(staging)
        for at in range(0, len(prepared.rows), _STAGE_BATCH):
            check_cancel(cancel, _CANCELLED)
            batch = prepared.rows[at : at + _STAGE_BATCH]
            layout.stage(connection, insert, bundle, part, batch, at + 1)
            progress(done_before + at + len(batch), 0)
        return PartLines(bundle, part)

    def step(lines_before: int) -> None:
        check_cancel(cancel, _CANCELLED)
        progress(done_before + lines_before, 0)

    staged = layout.read_into(connection, staging, bundle, part, step)
    progress(done_before + len(staged.texts), 0)
    if table.name not in run_codes:  # read once per run (a roster may add codes between runs)
        run_codes[table.name] = layout.checker.code_params()
    layout.check_staged(connection, bundle, part, staging, run_codes[table.name], staged.uids)
    return staged.texts


def _classify(
    connection: sqlite3.Connection,
    ctx: Context,
    bundle: OpenedBundle,
    table: SyncTable,
    staging: str,
    texts: Sequence[bytes],
    unique_columns: dict[str, list[list[str]]],
) -> int:
    """Set each staged row's action (staged as 'insert'); returns how many are not to be inserted
    (0: every row is new to the county)."""
    target = q(table.name)
    known = connection.execute(
        f"UPDATE {staging} AS s SET _local_id = t.id, _action = CASE"
        " WHEN s.origin IS NOT ? THEN 'kept'"
        " WHEN s.version > t.version THEN 'replace'"
        " WHEN s.version = t.version THEN 'compare'"
        " WHEN s.updated_at <= t.updated_at THEN 'superseded'"
        f" ELSE 'older_version' END FROM main.{target} t WHERE t.uid = s.uid",
        (bundle.station_code,),
    ).rowcount
    if known:
        _stage_lines(connection, staging, texts, "_local_id IS NOT NULL")
        connection.execute(
            f"UPDATE {staging} AS s SET _action = 'unchanged' WHERE _action = 'compare' AND _line"
            f" = (SELECT {snapshot_sql(table)} FROM main.{target} t WHERE t.id = s._local_id)"
        )
        # same version, other text: equal when the columns both sides know agree (schemas differ)
        verdicts = []
        for rowid, line, mine in connection.execute(
            f"SELECT s.rowid, s._line, (SELECT {snapshot_sql(table)} FROM main.{target} t"
            f" WHERE t.id = s._local_id) FROM {staging} s WHERE s._action = 'compare'"
        ).fetchall():
            theirs, ours = json.loads(line), json.loads(mine)
            same = all(ours[k] == v for k, v in theirs.items() if k in ours)
            verdicts.append(("unchanged" if same else "same_version", rowid))
        connection.executemany(f"UPDATE {staging} SET _action = ? WHERE rowid = ?", verdicts)
    if table.name not in unique_columns:
        unique_columns[table.name] = _unique_columns(connection, table)
    for columns in unique_columns[table.name]:
        match = " AND ".join(f"t.{q(c)} = {_mapped(table, c, 's')}" for c in columns)
        if table.name in ROSTER_TABLES:
            # a station's copy of a row the county holds here under another uid: a row of the
            # county's roster (the station's own station row, made when it was set up; a roster
            # row of an older program) or the county's own station row, which its roster lists:
            # the county's row stands, the copy is left aside without a conflict
            known += connection.execute(
                f"UPDATE {staging} AS s SET _action = 'kept'"
                " WHERE _action IN ('insert', 'replace') AND EXISTS"
                f" (SELECT 1 FROM main.{target} t WHERE {match} AND t.uid != s.uid"
                f" AND (t.origin = ? OR {_roster_origin('t.origin')}))",
                (ctx.origin,),
            ).rowcount
        duplicates = connection.execute(
            f"UPDATE {staging} AS s SET _action = 'duplicate_key'"
            " WHERE _action IN ('insert', 'replace') AND EXISTS"
            f" (SELECT 1 FROM main.{target} t WHERE {match} AND t.uid != s.uid)"
        ).rowcount
        if duplicates:
            _stage_lines(connection, staging, texts, "_line IS NULL AND _action = 'duplicate_key'")
            known += duplicates
    return known


def _stage_lines(
    connection: sqlite3.Connection, staging: str, texts: Sequence[bytes], where: str
) -> None:
    """Put the lines as sent into ``_line`` of the staged rows ``where`` says (rowid = line)."""
    rowids = [r[0] for r in connection.execute(f"SELECT rowid FROM {staging} WHERE {where}")]
    connection.executemany(
        f"UPDATE {staging} SET _line = ? WHERE rowid = ?",
        [(texts[r - 1].decode(), r) for r in rowids],
    )


def _unique_columns(connection: sqlite3.Connection, table: SyncTable) -> list[list[str]]:
    """Unique indexes of the table other than its id and uid (e.g. a complaint's number)."""
    known = set(table.column_names)
    result = []
    for index in connection.execute(f"PRAGMA main.index_list({q(table.name)})").fetchall():
        if not index[2] or index[3] == "pk":
            continue
        columns = [r[2] for r in connection.execute(f"PRAGMA main.index_info({q(index[1])})")]
        if columns != ["uid"] and all(c in known for c in columns):
            result.append(columns)
    return result


# the tables a county roster writes (station_app.roster.apply): a station's bundle carries copies
# of their county-owned rows (the officer of a complaint …), which the county inserts when new and
# otherwise leaves as they are; the column that names the station a row of such a table belongs to
ROSTER_TABLES = {"station": "code", "officer": "station_code", "business": None}


def _roster_origin(column: str) -> str:
    """SQL: the origin in ``column`` is the county's (a roster's), not a station's."""
    return (
        f"({column} = '{COUNTY_ORIGIN}' OR ({column} NOT GLOB '*[^0-9]*'"
        f" AND length({column}) IN (6, 12)"
        f" AND {column} NOT IN (SELECT station_code FROM main.station_key)"
        f" AND {column} NOT IN (SELECT station_code FROM main.received_bundle)"
        f" AND {column} NOT IN (SELECT code FROM main.station)))"
    )


def _check_ownership(
    connection: sqlite3.Connection, bundle: OpenedBundle, table: SyncTable, staging: str, known: int
) -> None:
    """A bundle writes only its station's rows, under its station's parents (DESIGN.md: the county
    never lets one station change another's records). Anything else refuses the whole bundle."""
    station = bundle.station_code
    target = q(table.name)

    def not_its_own(reason: str, uid: str, owner: str) -> BundleRefused:
        return refuse(
            bundle,
            msg(
                "“{table}”中的记录 {uid} {reason}{owner}，{station}无权写入",
                table=table.name,
                uid=uid,
                reason=reason,
                owner=_owner_label(owner),
                station=station_label(station, bundle.station_name),
            ),
        )

    roster_ok = _roster_origin("s.origin") if table.name in ROSTER_TABLES else "0"
    row = connection.execute(
        f"SELECT s.uid, s.origin FROM {staging} s WHERE s.origin != ? AND NOT {roster_ok}"
        " ORDER BY s.rowid LIMIT 1",
        (station,),
    ).fetchone()
    if row:
        raise not_its_own(msg("注明属于"), row[0], row[1])
    row = (
        known
        and connection.execute(  # (rows not here yet have no owner here)
            f"SELECT s.uid, t.origin FROM {staging} s JOIN main.{target} t ON t.id = s._local_id"
            " WHERE t.origin IS NOT s.origin ORDER BY s.rowid LIMIT 1"
        ).fetchone()
    )
    if row:
        raise not_its_own(msg("在本库中属于"), row[0], row[1])
    owner_column = ROSTER_TABLES.get(table.name)
    if owner_column:
        row = connection.execute(
            f"SELECT s.uid, s.{q(owner_column)} FROM {staging} s"
            f" WHERE s.origin = ? AND s.{q(owner_column)} IS NOT ? ORDER BY s.rowid LIMIT 1",
            (station, station),
        ).fetchone()
        if row:
            raise not_its_own(msg("注明属于"), row[0], str(row[1]))
    for column, parent in table.references.items():
        parent_ok = _roster_origin("p.origin") if parent in ROSTER_TABLES else "0"
        row = connection.execute(
            f"SELECT s.uid, p.uid, p.origin FROM {staging} s"
            f" JOIN main.{q(parent)} p ON p.uid = s.{q(column)}"
            f" WHERE s.origin = ? AND p.origin != ? AND NOT {parent_ok} ORDER BY s.rowid LIMIT 1",
            (station, station),
        ).fetchone()
        if row:
            raise refuse(
                bundle,
                msg(
                    "“{table}”中的记录 {uid} 挂在{owner}的“{parent}”记录 {parent_uid} 下，"
                    "{station}无权写入",
                    table=table.name,
                    uid=row[0],
                    owner=_owner_label(row[2]),
                    parent=parent,
                    parent_uid=row[1],
                    station=station_label(station, bundle.station_name),
                ),
            )


def _owner_label(origin: str) -> str:
    if origin == COUNTY_ORIGIN:
        return msg("县消协")
    return station_label(origin)


def _check_parents(
    connection: sqlite3.Connection, bundle: OpenedBundle, table: SyncTable, staging: str
) -> None:
    for column, parent in table.references.items():
        orphan = connection.execute(
            f"SELECT s.{q(column)} FROM {staging} s WHERE s._action IN ('insert', 'replace')"
            f" AND s.{q(column)} IS NOT NULL AND NOT EXISTS"
            f" (SELECT 1 FROM main.{q(parent)} p WHERE p.uid = s.{q(column)}) LIMIT 1"
        ).fetchone()
        if orphan:
            raise refuse(
                bundle,
                msg(
                    "{table} 的记录引用的 {parent} 记录（{uid}）既不在数据包中也不在本库中",
                    table=table.name,
                    parent=parent,
                    uid=orphan[0],
                ),
            )


def _keep_conflicts(
    connection: sqlite3.Connection,
    ctx: Context,
    bundle: OpenedBundle,
    table: SyncTable,
    staging: str,
) -> None:
    target = q(table.name)
    rows = connection.execute(
        f"SELECT s.uid, s._action, s._line, (SELECT {snapshot_sql(table)} FROM main.{target} t"
        f" WHERE t.id = s._local_id) FROM {staging} s WHERE s._action IN (?, ?, ?)",
        CONFLICT_KINDS,
    ).fetchall()
    now = ctx.clock.utcnow().isoformat(sep=" ")
    connection.executemany(
        "INSERT OR IGNORE INTO sync_conflict (table_name, record_uid, station_code, bundle_seq,"
        " kind, mine, theirs, theirs_sha256, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                table.name,
                uid,
                bundle.station_code,
                bundle.seq,
                kind,
                mine,
                line,
                hashlib.sha256(line.encode()).hexdigest(),
                now,
            )
            for uid, kind, line, mine in rows
        ],
    )
