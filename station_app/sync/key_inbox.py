"""No trust on first sight: the county's inbox of bundles signed by keys not yet confirmed.

A bundle whose signature verifies but whose station has no key at the county (a station never
heard from) is not merged: the file is kept as it arrived (still sealed) under ``inbox/`` in the
data directory, with a ``bundle_inbox`` row in state ``waiting`` (待核对), and the import reports
it as waiting, not refused. A clerk phones the station, both read the fingerprint in the same
4-character groups, and the clerk confirms it (``key_confirm.confirm_station_key``: the key is
registered and the waiting bundles of that key are merged, in sequence order) or refuses it
(``reject_station_key``: its waiting files are deleted). A fingerprint may also be confirmed
before any bundle arrives.

Keys pinned before this inbox existed stay trusted (migration 12 says why); a station whose
registered key differs from the signing key is refused as before (``merge._check_key``) until a
clerk re-registers it.

Masked bundles (``bundle_masking``) are merged as masked: one is refused when the county already
holds unmasked data of that station, so unmasked data is never replaced by masked data.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.store import dialect
from station_app.store.models import database_proxy
from station_app.sync.bundle_format import (
    BUNDLE_SUFFIX,
    BundleRefused,
    SyncError,
)
from station_app.sync.bundle_masking import mask_line
from station_app.sync.county import resolve_conflict, station_label
from station_app.sync.keys import normalise_fingerprint
from station_app.sync.reader import OpenedBundle

WAITING = "waiting"
MERGED = "merged"
REJECTED = "rejected"
REFUSED = "refused"


@dataclass(frozen=True)
class WaitingBundle:
    id: int
    station_code: str
    station_name: str
    seq: int
    fingerprint: str
    file_name: str
    received_at: str

    @property
    def label(self) -> str:
        return station_label(self.station_code, self.station_name)


def inbox_folder(paths: DataPaths) -> Path:
    return paths.root / "inbox"


def _connection() -> sqlite3.Connection:
    return dialect.connection()  # type: ignore[no-any-return]  # SQLite or PostgreSQL


def _now(ctx: Context) -> str:
    return ctx.clock.utcnow().isoformat(sep=" ")


def waiting_bundles(station_code: str | None = None) -> list[WaitingBundle]:
    """Bundles waiting for their key to be confirmed, oldest station first, then by number."""
    sql = (
        "SELECT id, station_code, station_name, seq, fingerprint, file_name, received_at"
        " FROM bundle_inbox WHERE state = ?"
    )
    args: tuple[str, ...] = (WAITING,)
    if station_code is not None:
        sql += " AND station_code = ?"
        args += (station_code,)
    rows = _connection().execute(sql + " ORDER BY station_code, seq, id", args).fetchall()
    return [WaitingBundle(*row) for row in rows]


def hold_if_unconfirmed(
    ctx: Context, paths: DataPaths, bundle: OpenedBundle, original: Path
) -> str | None:
    """Keep ``bundle`` in the inbox when its station has no key here; the sentence to report
    (None: its station's key is known, go on with the import)."""
    connection = _connection()
    known = connection.execute(
        "SELECT 1 FROM station_key WHERE station_code = ?", (bundle.station_code,)
    ).fetchone()
    if known:
        return None
    grouped = bundle.fingerprint
    waiting = msg(
        "{bundle}由尚未核对的密钥签名（指纹 {fingerprint}），已放入待核对收件箱，未合并；"
        "请打电话与服务站核对指纹后确认（station bundle confirm-key {code} 指纹）。",
        bundle=bundle.label,
        fingerprint=grouped,
        code=bundle.station_code,
    )
    if connection.execute(
        "SELECT 1 FROM bundle_inbox WHERE manifest_sha256 = ? AND state = ?",
        (bundle.manifest_sha256, WAITING),
    ).fetchone():
        return waiting
    folder = inbox_folder(paths)
    # the file keeps its name (reports name it), in a folder of its own
    name = original.name if original.name.endswith(BUNDLE_SUFFIX) else original.name + BUNDLE_SUFFIX
    stored = f"{bundle.manifest_sha256}/{name}"
    try:
        (folder / bundle.manifest_sha256).mkdir(parents=True, exist_ok=True)
        _copy_durably(original, folder / stored)
    except OSError as error:
        raise BundleRefused(
            msg(
                "{file}：无法放入待核对收件箱（{reason}），未导入。",
                file=original.name,
                reason=error.strerror,
            )
        ) from error
    _record(ctx, bundle, original.name, stored, WAITING, replace=True)
    return waiting


_INBOX_COLUMNS = (
    "station_code, station_name, seq, fingerprint, public_key, manifest_sha256, masked,"
    " file_name, stored_name, received_at, state, decided_at, decided_by"
)
# one upsert both engines speak: the row of a manifest replaced, or left as it is
_REPLACED = " ON CONFLICT (manifest_sha256) DO UPDATE SET " + ", ".join(
    f"{name} = excluded.{name}" for name in _INBOX_COLUMNS.replace(" ", "").split(",")
)
_KEPT = " ON CONFLICT (manifest_sha256) DO NOTHING"


def _record(
    ctx: Context,
    bundle: OpenedBundle,
    file_name: str,
    stored: str | None,
    state: str,
    *,
    replace: bool,
) -> None:
    """A ``bundle_inbox`` row for ``bundle`` (``replace``: over the row of the same manifest;
    else an existing row is kept)."""
    decided = None if state == WAITING else _now(ctx)
    _connection().execute(
        f"INSERT INTO bundle_inbox ({_INBOX_COLUMNS})"
        f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?){_REPLACED if replace else _KEPT}",
        (
            bundle.station_code,
            bundle.station_name,
            bundle.seq,
            bundle.fingerprint,
            bundle.public_key.hex(),
            bundle.manifest_sha256,
            int(bool(bundle.manifest.get("masked"))),
            file_name[:255],
            stored,
            _now(ctx),
            state,
            decided,
            decided and ctx.actor[:50],
        ),
    )


def _copy_durably(source: Path, target: Path) -> None:
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            shutil.copyfileobj(reader, writer, 1024 * 1024)
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def stored_name(inbox_id: int) -> str | None:
    row = (
        _connection()
        .execute("SELECT stored_name FROM bundle_inbox WHERE id = ?", (inbox_id,))
        .fetchone()
    )
    return str(row[0]) if row and row[0] else None


def decide(
    ctx: Context, connection: sqlite3.Connection, folder: Path, inbox_id: int, state: str
) -> None:
    stored = stored_name(inbox_id)
    connection.execute(
        "UPDATE bundle_inbox SET state = ?, stored_name = NULL, decided_at = ?, decided_by = ?"
        " WHERE id = ?",
        (state, _now(ctx), ctx.actor[:50], inbox_id),
    )
    if stored:
        shutil.rmtree((folder / stored).parent, ignore_errors=True)


def reject_station_key(ctx: Context, paths: DataPaths, station_code: str, fingerprint: str) -> int:
    """Refuse the key ``fingerprint`` of ``station_code``: its waiting bundles are deleted
    unread; returns how many. The station's registered key, if any, is left as it is."""
    if not ctx.station.is_county:
        raise SyncError(msg("只有县消协（county 角色）的安装可以核对服务站密钥。"))
    wanted = normalise_fingerprint(fingerprint)
    code = station_code.strip().upper()
    matching = [w for w in waiting_bundles(code) if w.fingerprint == wanted]
    if not matching:
        raise SyncError(
            msg(
                "{code} 没有由指纹 {fingerprint} 的密钥签名、待核对的数据包。",
                code=code,
                fingerprint=wanted,
            )
        )
    connection = _connection()
    folder = inbox_folder(paths)
    with database_proxy.atomic():
        for item in matching:
            decide(ctx, connection, folder, item.id, REJECTED)
    return len(matching)


# ---------------------------------------------------------------------------- masked bundles


def masked_refusal(bundle: OpenedBundle) -> str | None:
    """Why a masked bundle may not be merged (None: it may), in the window's language."""
    if not bundle.manifest.get("masked"):
        return None
    unmasked = (
        _connection()
        .execute(
            "SELECT 1 FROM received_bundle r WHERE r.station_code = ? AND NOT EXISTS"
            " (SELECT 1 FROM bundle_inbox b WHERE b.manifest_sha256 = r.manifest_sha256"
            " AND b.masked = 1)",
            (bundle.station_code,),
        )
        .fetchone()
    )
    if unmasked is None:
        return None
    return msg("本库已有该站未脱敏的数据，脱敏数据包不会覆盖它们")


def replace_masked_rows(ctx: Context, bundle: OpenedBundle) -> int:
    """After an unmasked bundle: each of its rows the county held only in masked form (a
    same-version conflict whose county side is exactly the masked form of the station's row)
    replaces the masked one. Returns how many. Needs no transaction open."""
    connection = _connection()
    if not connection.execute(
        "SELECT 1 FROM bundle_inbox WHERE station_code = ? AND masked = 1 AND state = ?",
        (bundle.station_code, MERGED),
    ).fetchone():
        return 0
    candidates = connection.execute(
        "SELECT id, table_name, mine, theirs FROM sync_conflict WHERE station_code = ?"
        " AND bundle_seq = ? AND kind = 'same_version' AND resolved_at IS NULL AND mine IS NOT NULL",
        (bundle.station_code, bundle.seq),
    ).fetchall()
    replaced = 0
    for conflict_id, table, mine, theirs in candidates:
        masked = json.loads(mask_line(table, theirs.encode()))
        ours = json.loads(mine)
        if all(ours[k] == v for k, v in masked.items() if k in ours):
            resolve_conflict(ctx, conflict_id, "theirs")
            replaced += 1
    return replaced


def note_masked(ctx: Context, bundle: OpenedBundle) -> None:
    """Remember that ``bundle`` (just merged) was masked."""
    _record(ctx, bundle, bundle.path.name, None, MERGED, replace=False)
