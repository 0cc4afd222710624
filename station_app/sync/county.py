"""What the county knows about its stations' bundles: pinned keys, gaps, conflicts to review.

A station's signing key is pinned at its first bundle. A bundle signed by any other key is refused
until a clerk re-pins the station with the fingerprint the station reads out
(``repin_station_key``); the next bundle signed by that key completes the pin.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass

from station_app.changes import NO_CHANGES, Changes
from station_app.errors import RecordNotFound
from station_app.messages import N_, msg, translate_name
from station_app.registry.context import Context
from station_app.store import dialect
from station_app.store.driver import integrity_errors
from station_app.store.models import database_proxy
from station_app.sync.bundle_format import SyncError
from station_app.sync.keys import normalise_fingerprint
from station_app.sync.sent import change_number, changed_after
from station_app.sync.tables import q, table_by_name


def _connection() -> sqlite3.Connection:
    return dialect.connection()  # type: ignore[no-any-return]


def _now(ctx: Context) -> str:
    return ctx.clock.utcnow().isoformat(sep=" ")


# ---------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class PinnedKey:
    station_code: str
    fingerprint: str
    confirmed: bool  # False: re-pinned by a clerk, waiting for the first bundle signed by it
    pinned_at: str
    pinned_by: str

    @property
    def changes(self) -> Changes:
        """Pinning a key changes the station's sync state (the 服务站总览 shows it)."""
        return Changes.of(sync=[self.station_code])


def pinned_key(station_code: str) -> PinnedKey | None:
    row = (
        _connection()
        .execute(
            "SELECT station_code, fingerprint, public_key IS NOT NULL, pinned_at, pinned_by"
            " FROM station_key WHERE station_code = ?",
            (station_code,),
        )
        .fetchone()
    )
    return PinnedKey(row[0], row[1], bool(row[2]), row[3], row[4]) if row else None


def repin_station_key(ctx: Context, station_code: str, fingerprint: str) -> PinnedKey:
    """Trust a new key for ``station_code``: the next bundle signed by it is accepted.

    ``fingerprint`` is what the station reads out (its 同步 screen shows it); spacing and case do
    not matter. The old fingerprint is kept in the key's history.
    """
    wanted = normalise_fingerprint(fingerprint)
    code = station_code.strip().upper()
    connection = _connection()
    with database_proxy.atomic():
        old = connection.execute(
            "SELECT fingerprint, previous FROM station_key WHERE station_code = ?", (code,)
        ).fetchone()
        previous = None
        if old is not None:
            previous = "\n".join(x for x in (old[1], old[0]) if x)
        connection.execute(  # an upsert both engines speak
            "INSERT INTO station_key"
            " (station_code, fingerprint, public_key, pinned_at, pinned_by, previous)"
            " VALUES (?, ?, NULL, ?, ?, ?) ON CONFLICT (station_code) DO UPDATE SET"
            " fingerprint = excluded.fingerprint, public_key = NULL,"
            " pinned_at = excluded.pinned_at, pinned_by = excluded.pinned_by,"
            " previous = excluded.previous",
            (code, wanted, _now(ctx), ctx.actor, previous),
        )
    result = pinned_key(code)
    assert result is not None
    return result


# ---------------------------------------------------------------------------- gaps


def missing_bundles(station_code: str) -> list[int]:
    """Sequence numbers of the station's bundles that never arrived.

    A full bundle holds everything up to its moment, so gaps before the last full bundle that
    arrived are not missing any more.
    """
    rows = (
        _connection()
        .execute('SELECT seq, "full" FROM received_bundle WHERE station_code = ?', (station_code,))
        .fetchall()
    )
    if not rows:
        return []
    received = {int(r[0]) for r in rows}
    floor = max((int(r[0]) for r in rows if r[1]), default=0)
    return [s for s in range(floor + 1, max(received)) if s not in received]


def station_label(station_code: str, fallback_name: str | None = None) -> str:
    row = (
        _connection()
        .execute("SELECT name FROM station WHERE code = ? AND deleted = 0", (station_code,))
        .fetchone()
    )
    name = row[0] if row else fallback_name
    return f"{name}（{station_code}）" if name and name != station_code else station_code


def seq_text(numbers: list[int]) -> str:
    """``[3, 5, 7, 8, 9]`` → ``3、5、7–9``."""
    groups: list[str] = []
    start = previous = None
    for n in sorted(numbers) + [None]:  # type: ignore[list-item]
        if start is not None and (n is None or n != previous + 1):  # type: ignore[operator]
            groups.append(str(start) if start == previous else f"{start}–{previous}")
            start = None
        if n is not None and start is None:
            start = n
        previous = n
    return msg("、").join(groups)  # the list separator of the window's language


def gap_sentence(station_code: str, fallback_name: str | None = None) -> str | None:
    missing = missing_bundles(station_code)
    if not missing:
        return None
    return msg(
        "{station}：第 {numbers} 号数据包缺失",
        station=station_label(station_code, fallback_name),
        numbers=seq_text(missing),
    )


@dataclass(frozen=True)
class StationSyncState:
    station_code: str
    label: str
    last_seq: int
    last_imported_at: str
    bundles: int
    missing: list[int]
    fingerprint: str | None
    key_confirmed: bool
    open_conflicts: int


def stations_sync_state() -> list[StationSyncState]:
    """One line per station that ever sent a bundle or has a pinned key (the county overview)."""
    connection = _connection()
    codes = [
        r[0]
        for r in connection.execute(
            "SELECT station_code FROM received_bundle UNION SELECT station_code FROM station_key"
            " ORDER BY 1"
        )
    ]
    states = []
    for code in codes:
        last = connection.execute(
            # max(imported_at) may be NULL (a key confirmed, no bundle yet): '' is not a
            # timestamp on PostgreSQL, so the empty text is given here, not in the SQL
            "SELECT coalesce(max(seq), 0), max(imported_at), count(*)"
            " FROM received_bundle WHERE station_code = ?",
            (code,),
        ).fetchone()
        key = pinned_key(code)
        conflicts = connection.execute(
            "SELECT count(*) FROM sync_conflict WHERE station_code = ? AND resolved_at IS NULL",
            (code,),
        ).fetchone()[0]
        states.append(
            StationSyncState(
                station_code=code,
                label=station_label(code),
                last_seq=int(last[0]),
                last_imported_at=str(last[1] or ""),
                bundles=int(last[2]),
                missing=missing_bundles(code),
                fingerprint=key.fingerprint if key else None,
                key_confirmed=bool(key and key.confirmed),
                open_conflicts=int(conflicts),
            )
        )
    return states


# ---------------------------------------------------------------------------- conflicts

KIND_TEXT = {
    "same_version": N_("同一版本内容不同"),
    "older_version": N_("收到较旧的版本但修改时间更晚"),
    "duplicate_key": N_("编号与另一条记录重复"),
}


@dataclass(frozen=True)
class Conflict:
    id: int
    table_name: str
    record_uid: str
    station_code: str
    bundle_seq: int
    kind: str
    mine: dict[str, object] | None
    theirs: dict[str, object]
    detected_at: str
    resolution: str | None
    # what resolving it changed (set by ``resolve_conflict``)
    changes: Changes = dataclasses.field(default=NO_CHANGES, compare=False)

    @property
    def reason(self) -> str:
        """Why the record was kept aside, in the window's language."""
        return translate_name(KIND_TEXT, self.kind)


def list_conflicts(
    *, include_resolved: bool = False, station_code: str | None = None
) -> list[Conflict]:
    sql = f"SELECT {_CONFLICT_COLUMNS} FROM sync_conflict WHERE 1 = 1"
    args: list[object] = []
    if not include_resolved:
        sql += " AND resolved_at IS NULL"
    if station_code:
        sql += " AND station_code = ?"
        args.append(station_code)
    return [_conflict(r) for r in _connection().execute(sql + " ORDER BY id", args)]


def get_conflict(conflict_id: int) -> Conflict | None:
    row = (
        _connection()
        .execute(f"SELECT {_CONFLICT_COLUMNS} FROM sync_conflict WHERE id = ?", (conflict_id,))
        .fetchone()
    )
    return _conflict(row) if row else None


def conflict_stations() -> list[str]:
    """Codes of the stations that have had conflicts (resolved or not), sorted."""
    return [
        r[0]
        for r in _connection().execute(
            "SELECT DISTINCT station_code FROM sync_conflict ORDER BY station_code"
        )
    ]


_CONFLICT_COLUMNS = (
    "id, table_name, record_uid, station_code, bundle_seq, kind, mine, theirs, detected_at,"
    " resolution"
)


def _conflict(r: tuple) -> Conflict:  # type: ignore[type-arg]
    return Conflict(
        r[0], r[1], r[2], r[3], r[4], r[5],
        json.loads(r[6]) if r[6] else None, json.loads(r[7]), r[8], r[9],
    )  # fmt: skip


def resolve_conflict(ctx: Context, conflict_id: int, keep: str) -> Conflict:
    """Close a conflict keeping the county's row (``"mine"``) or the station's (``"theirs"``).

    Keeping theirs writes the station's snapshot as it came, version included, so the station's
    later edits (higher versions) keep applying.
    """
    if keep not in ("mine", "theirs"):
        raise SyncError(msg("只能选择保留本库版本（mine）或服务站版本（theirs）。"))
    connection = _connection()
    before = change_number()
    with database_proxy.atomic():
        # claim the conflict first: on PostgreSQL the UPDATE locks its row until this transaction
        # ends, so a second clerk's claim waits and then finds it resolved (SQLite: one writer)
        claimed = connection.execute(
            "UPDATE sync_conflict SET resolved_at = ?, resolution = ?, resolved_by = ?"
            " WHERE id = ? AND resolved_at IS NULL",
            (_now(ctx), keep, ctx.actor, conflict_id),
        ).rowcount
        conflict = get_conflict(conflict_id)
        if conflict is None:
            raise RecordNotFound(msg("找不到编号为 {id} 的冲突记录。", id=conflict_id))
        if not claimed:
            raise SyncError(
                msg(
                    "冲突 {id} 已处理过（保留了{kept}）。",
                    id=conflict_id,
                    kept=_keep_text(conflict.resolution or ""),
                )
            )
        if keep == "theirs":
            _apply_snapshot(connection, conflict.table_name, conflict.theirs, conflict.station_code)
    resolved = [c for c in list_conflicts(include_resolved=True) if c.id == conflict_id][0]
    changes = changed_after(before, connection) | Changes.of(sync=[conflict.station_code])
    return dataclasses.replace(resolved, changes=changes)


def _keep_text(keep: str) -> str:
    return msg("本库版本") if keep == "mine" else msg("服务站版本")


def _apply_snapshot(
    connection: sqlite3.Connection, table_name: str, row: dict[str, object], station_code: str
) -> None:
    table = table_by_name().get(table_name)
    if table is None:
        raise SyncError(msg("本程序没有数据表 {table}，无法采用服务站版本。", table=table_name))
    # only the station's own row, as the merge allows (a conflict kept by an older version of the
    # program may hold another owner's row)
    stored = connection.execute(
        f"SELECT origin FROM {q(table.name)} WHERE uid = ?", (row.get("uid"),)
    ).fetchone()
    if row.get("origin") != station_code or (stored and stored[0] != station_code):
        raise SyncError(
            msg(
                "服务站版本的记录（{uid}）不属于{station}，无法采用。",
                uid=row.get("uid"),
                station=station_label(station_code),
            )
        )
    names, values = [], []
    for column in table.columns:
        value = row.get(column.name, column.default)
        if column.references and value is not None:
            parent = connection.execute(
                f"SELECT id FROM {q(column.references)} WHERE uid = ?", (value,)
            ).fetchone()
            if parent is None:
                raise SyncError(
                    msg("服务站版本引用的记录（{uid}）不在本库中，无法采用。", uid=value)
                )
            value = parent[0]
        elif column.blob and isinstance(value, str):
            value = bytes.fromhex(value)
        names.append(column.name)
        values.append(value)
    seq = _take_change_seq(connection, 1)
    local = connection.execute(
        f"SELECT id FROM {q(table.name)} WHERE uid = ?", (row.get("uid"),)
    ).fetchone()
    try:
        if local:
            assignments = ", ".join(f"{q(n)} = ?" for n in names)
            connection.execute(
                f"UPDATE {q(table.name)} SET {assignments}, change_seq = ? WHERE id = ?",
                (*values, seq, local[0]),
            )
        else:
            connection.execute(
                f"INSERT INTO {q(table.name)} ({', '.join(q(n) for n in names)}, change_seq)"
                f" VALUES ({', '.join('?' for _ in names)}, ?)",
                (*values, seq),
            )
    except integrity_errors() as error:
        raise SyncError(
            msg("无法采用服务站版本：与本库另一条记录冲突（{error}）。", error=error)
        ) from error


def _take_change_seq(connection: sqlite3.Connection, count: int) -> int:
    """Take ``count`` values of the change counter; returns the last one."""
    updated = connection.execute(
        "UPDATE counter SET value = value + ? WHERE name = 'change_seq'", (count,)
    ).rowcount
    if not updated:
        connection.execute("INSERT INTO counter (name, value) VALUES ('change_seq', ?)", (count,))
        return count
    return int(
        connection.execute("SELECT value FROM counter WHERE name = 'change_seq'").fetchone()[0]
    )
