"""The clerk confirms a station's key read over the phone: the key is registered and the bundles
waiting for it in the inbox (``key_inbox``) are merged, in sequence order."""

from __future__ import annotations

from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.store import dialect
from station_app.sync import key_inbox
from station_app.sync.bundle_format import CancelFlag, Progress, SyncError
from station_app.sync.county import repin_station_key
from station_app.sync.importing import import_bundles
from station_app.sync.keys import normalise_fingerprint
from station_app.sync.merge import ImportReport


def confirm_station_key(
    ctx: Context,
    paths: DataPaths,
    station_code: str,
    fingerprint: str,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> list[ImportReport]:
    """Confirm the key ``fingerprint`` (as the station read it out) for ``station_code``, then
    merge the bundles waiting for it, in sequence order; returns their import reports.

    Refused (``SyncError``) when bundles of that station wait and none was signed by that key:
    a mistyped or wrong fingerprint confirms nothing."""
    if not ctx.station.is_county:
        raise SyncError(msg("只有县消协（county 角色）的安装可以核对服务站密钥。"))
    wanted = normalise_fingerprint(fingerprint)
    code = station_code.strip().upper()
    waiting = key_inbox.waiting_bundles(code)
    matching = [w for w in waiting if w.fingerprint == wanted]
    if waiting and not matching:
        raise SyncError(
            msg(
                "{station}待核对的数据包由指纹 {theirs} 的密钥签名，与输入的 {typed} 不符；"
                "未确认任何密钥，请与服务站重新核对。",
                station=waiting[0].label,
                theirs=msg("、").join(sorted({w.fingerprint for w in waiting})),
                typed=wanted,
            )
        )
    repin_station_key(ctx, code, wanted)
    folder = key_inbox.inbox_folder(paths)
    reports = import_bundles(
        ctx,
        paths,
        [folder / str(key_inbox.stored_name(w.id)) for w in matching],
        progress=progress,
        cancel=cancel,
    )
    connection = dialect.connection()
    for item, report in zip(matching, reports, strict=True):
        if report.refused and cancel is not None and cancel.is_set():
            continue  # cancelled: it waits on
        key_inbox.decide(
            ctx,
            connection,
            folder,
            item.id,
            key_inbox.REFUSED if report.refused else key_inbox.MERGED,
        )
    return list(reports)
