"""The station's upload queue: bundles for the county's upload service, sent when there is a network.

A bundle to upload is written into the data directory's ``outbox`` and gets a row in
``upload_queue_entry``; the queue survives restarts because it is the database. Each entry is in
one state (docs/county-server.md):

* ``waiting`` 等待网络: not sent yet, or the last try failed (no network, the service down, a
  certificate that is not the county's); tried again after 1, 2, 4 … minutes, at most an hour;
* ``uploaded`` 已上传: the service kept the bundle but has not merged it yet (202: it waits for a
  clerk to confirm this station's key); asked about again on the same back-off, never resent;
* ``received`` 县消协已收到: the county's signed receipt lists it (the receipt is imported, as a
  receipt file from a USB stick is);
* ``refused`` 县消协拒收: the service refused it for good, with its reason; not tried again.

Sending is kept apart from the database: ``due_uploads`` reads, ``send_upload`` talks to the
service only, ``record_upload`` writes the outcome; the window runs the middle step off its
writer thread, so a slow network never holds up a save. ``upload_due`` does the three in turn
(the ``station bundle upload`` command, tests).

HTTPS: with the county's certificate fingerprint set, the service's certificate must have that
SHA-256 fingerprint (a self-signed certificate is fine); without one, the usual certificate
authorities decide. Every answer must carry the service's ``X-Station-Upload`` header.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from peewee import JOIN

from station_app.changes import Changes
from station_app.messages import N_, msg, translate
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.settings import get_setting
from station_app.store.models import database_proxy
from station_app.store.sync_models import BundleExport, UploadQueueEntry
from station_app.sync import upload_protocol as protocol
from station_app.sync.bundle_format import CancelFlag, Progress, SyncError

OUTBOX = "outbox"

FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=1)
CONNECT_SECONDS = 10.0
TRANSFER_SECONDS = 120.0

# queue states, and how the 同步 screen names them
QUEUED, UPLOADED, RECEIVED, REJECTED = "waiting", "uploaded", "received", "refused"
STATE_NAMES = {
    QUEUED: N_("等待网络"),
    UPLOADED: N_("已上传"),
    RECEIVED: N_("县消协已收到"),
    REJECTED: N_("县消协拒收"),
}


@dataclass(frozen=True)
class CountyEndpoint:
    """Where the county's upload service is, and the certificate it must show (HTTPS)."""

    url: str  # without a trailing slash
    certificate: str | None = None  # AB:CD:… SHA-256 of the certificate


def county_endpoint(url: str | None = None, certificate: str | None = None) -> CountyEndpoint:
    """The endpoint given (``--url``), else the one the county's roster set; refused when none."""
    chosen = url or get_setting(protocol.UPLOAD_URL_SETTING)
    if not chosen:
        raise SyncError(
            msg(
                "未设置县消协上传地址：请导入带有“县消协上传地址”的名册，"
                "或用 --url 指定（如 https://xfx.example.cn:8443）。"
            )
        )
    checked = protocol.check_upload_url(chosen)
    if checked is None:
        raise SyncError(
            msg("县消协上传地址“{url}”无效：应以 http:// 或 https:// 开头。", url=chosen)
        )
    pinned = certificate or (None if url else get_setting(protocol.CERTIFICATE_SETTING))
    if pinned:
        normal = protocol.normalise_certificate_fingerprint(pinned)
        if normal is None:
            raise SyncError(msg("县消协证书指纹“{fp}”无效：应为 64 位十六进制。", fp=pinned))
        pinned = normal
    return CountyEndpoint(checked, pinned)


def utc_now(ctx: Context) -> dt.datetime:
    """The queue's times: UTC, naive (they sort as text in the database)."""
    return ctx.clock.utcnow().astimezone(dt.UTC).replace(tzinfo=None)


def county_url_is_set() -> bool:
    return bool(get_setting(protocol.UPLOAD_URL_SETTING))


# ---------------------------------------------------------------------------- putting bundles in


def outbox(paths: DataPaths) -> Path:
    return paths.root / OUTBOX


def export_for_upload(
    ctx: Context,
    paths: DataPaths,
    *,
    full: bool = False,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> Path | None:
    """Write a bundle of the changes not yet sent (``full``: of every record) into the outbox
    and queue it (None: nothing changed since the last bundle)."""
    from station_app.sync.export import export_bundle
    from station_app.sync.sent import last_exported, pending_changes

    connection = database_proxy.connection()
    if not full and last_exported(connection) and not pending_changes(connection):
        return None
    path = export_bundle(ctx, paths, outbox(paths), full=full, progress=progress, cancel=cancel)
    queue_bundle(ctx, paths, path)
    return path


def queue_bundle(ctx: Context, paths: DataPaths, bundle: Path) -> UploadQueueEntry:
    """Queue a bundle this station exported (copied into the outbox when it is elsewhere)."""
    exported = BundleExport.get_or_none(BundleExport.file_name == bundle.name)
    if exported is None:
        raise SyncError(msg("{file} 不是本站导出的数据包，不能上传。", file=bundle.name))
    target = outbox(paths) / bundle.name
    if bundle.resolve() != target.resolve():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        shutil.copyfile(bundle, partial)
        os.replace(partial, target)
    now = utc_now(ctx)
    entry = UploadQueueEntry(
        seq=exported.seq,
        file_name=target.name,
        file_sha256=protocol.file_sha256(target),
        size=target.stat().st_size,
        state=QUEUED,
        attempts=0,
        queued_at=now,
        next_try_at=now,
    )
    with database_proxy.atomic():
        UploadQueueEntry.delete().where(UploadQueueEntry.seq == exported.seq).execute()
        entry.save(force_insert=True)
    return entry


# ---------------------------------------------------------------------------- the queue's view


@dataclass(frozen=True)
class QueueItem:
    """One line of the 同步 screen's upload list."""

    seq: int
    file_name: str
    size: int
    state: str
    attempts: int
    queued_at: dt.datetime
    next_try_at: dt.datetime | None
    last_error: str | None
    received_at: dt.datetime | None

    @property
    def state_name(self) -> str:
        return translate(STATE_NAMES[self.state])


def queue_items(limit: int = 200) -> list[QueueItem]:
    """The queued bundles, newest first, with the county's receipt time when there is one."""
    rows: list[dict[str, Any]] = list(
        UploadQueueEntry.select(UploadQueueEntry, BundleExport.received_at)
        .join(
            BundleExport, on=(BundleExport.seq == UploadQueueEntry.seq), join_type=JOIN.LEFT_OUTER
        )
        .order_by(UploadQueueEntry.seq.desc())
        .limit(limit)
        .dicts()  # type: ignore[arg-type]
    )
    return [
        QueueItem(
            seq=r["seq"],
            file_name=r["file_name"],
            size=r["size"],
            state=r["state"],
            attempts=r["attempts"],
            queued_at=_moment(r["queued_at"]) or dt.datetime.min,
            next_try_at=_moment(r["next_try_at"]),
            last_error=r["last_error"],
            received_at=_moment(r["received_at"]),
        )
        for r in rows
    ]


def _moment(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def next_try(now: dt.datetime | None = None) -> dt.datetime | None:
    """When the queue next has something to try (None: nothing waits)."""
    row = (
        UploadQueueEntry.select(UploadQueueEntry.next_try_at)
        .where(UploadQueueEntry.state.in_([QUEUED, UPLOADED]))
        .where(UploadQueueEntry.next_try_at.is_null(False))
        .order_by(UploadQueueEntry.next_try_at)
        .first()
    )
    return _moment(row.next_try_at) if row is not None else None


# ---------------------------------------------------------------------------- sending


@dataclass(frozen=True)
class PendingUpload:
    seq: int
    path: Path
    sha256: str
    state: str  # waiting: post it; uploaded: ask what became of it
    attempts: int


@dataclass(frozen=True)
class UploadAttempt:
    """What one try at the service gave (no database touched yet)."""

    pending: PendingUpload
    outcome: str  # merged | already | waiting | refused | unknown | failed (try again later)
    reason: str = ""
    receipt: Any = None


def due_uploads(
    paths: DataPaths, now: dt.datetime, *, everything: bool = False
) -> list[PendingUpload]:
    """The entries to try now, oldest first (``everything``: all not received or refused)."""
    query = UploadQueueEntry.select().where(UploadQueueEntry.state.in_([QUEUED, UPLOADED]))
    if not everything:
        query = query.where(UploadQueueEntry.next_try_at <= now)
    return [
        PendingUpload(e.seq, outbox(paths) / e.file_name, e.file_sha256, e.state, e.attempts)
        for e in query.order_by(UploadQueueEntry.seq)
    ]


class _NotTheCounty(Exception):
    """An answer that is not the county service's, or a certificate that is not the county's."""


def send_upload(
    pending: PendingUpload, endpoint: CountyEndpoint, station_code: str
) -> UploadAttempt:
    """One try: post the bundle (or ask about an upload kept but not merged). Network only."""
    try:
        with _client(endpoint) as client:
            probe = client.get(endpoint.url + protocol.INFO_PATH)
            _check_answer(probe, endpoint)
            if pending.state == UPLOADED:
                answer = client.get(f"{endpoint.url}{protocol.BUNDLES_PATH}/{pending.sha256}")
            else:
                answer = _post(client, pending, endpoint, station_code)
            _check_answer(answer, endpoint)
    except FileNotFoundError:
        return UploadAttempt(
            pending,
            protocol.REFUSED,
            msg("待上传的文件 {file} 已不在，请重新上传。", file=pending.path),
        )
    except _NotTheCounty as error:
        return UploadAttempt(pending, "failed", str(error))
    except (httpx.HTTPError, OSError, ssl.SSLError) as error:
        return UploadAttempt(pending, "failed", _network_reason(endpoint, error))
    return _attempt_from(pending, answer)


def _client(endpoint: CountyEndpoint) -> httpx.Client:
    timeout = httpx.Timeout(TRANSFER_SECONDS, connect=CONNECT_SECONDS)
    if endpoint.url.startswith("https://") and endpoint.certificate:
        # the pinned fingerprint decides, not a certificate authority (a county's own certificate)
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return httpx.Client(verify=context, timeout=timeout)
    return httpx.Client(timeout=timeout)


def _post(
    client: httpx.Client, pending: PendingUpload, endpoint: CountyEndpoint, station_code: str
) -> httpx.Response:
    headers = {
        protocol.STATION_HEADER: station_code,
        protocol.SHA256_HEADER: pending.sha256,
        protocol.NAME_HEADER: pending.path.name,
        "Content-Type": "application/octet-stream",
        "Content-Length": str(pending.path.stat().st_size),
    }
    with open(pending.path, "rb") as handle:
        return client.post(
            endpoint.url + protocol.BUNDLES_PATH, content=_chunks(handle), headers=headers
        )


def _chunks(handle: Any) -> Any:
    while chunk := handle.read(256 * 1024):
        yield chunk


def _check_answer(answer: httpx.Response, endpoint: CountyEndpoint) -> None:
    if endpoint.certificate:
        stream = answer.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        shown = protocol.certificate_fingerprint(der) if der else None
        if shown != endpoint.certificate:
            raise _NotTheCounty(
                msg(
                    "{url} 出示的证书（指纹 {shown}）不是名册登记的县消协证书，未上传；"
                    "请与县消协核对。",
                    url=endpoint.url,
                    shown=shown or msg("无"),
                )
            )
    if answer.headers.get(protocol.PROTOCOL_HEADER) != protocol.PROTOCOL:
        raise _NotTheCounty(
            msg(
                "{url} 的回答不是县消协上传服务的（HTTP {status}；可能需要先登录网络，"
                "或地址有误），稍后重试。",
                url=endpoint.url,
                status=answer.status_code,
            )
        )


def _network_reason(endpoint: CountyEndpoint, error: BaseException) -> str:
    if isinstance(error, httpx.TimeoutException):
        return msg("连接县消协服务器 {url} 超时，稍后重试。", url=endpoint.url)
    if isinstance(error, ssl.SSLError | httpx.ConnectError) and "SSL" in str(error):
        return msg(
            "与 {url} 建立加密连接失败（{error}），稍后重试。", url=endpoint.url, error=error
        )
    return msg("无法连接县消协服务器 {url}（没有网络或服务器未开），稍后重试。", url=endpoint.url)


def _attempt_from(pending: PendingUpload, answer: httpx.Response) -> UploadAttempt:
    try:
        body = answer.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    outcome = body.get("outcome")
    if answer.status_code in (200, 201) and outcome in (protocol.MERGED, protocol.ALREADY):
        return UploadAttempt(pending, str(outcome), receipt=body.get("receipt"))
    if answer.status_code == 202 and outcome == protocol.WAITING:
        return UploadAttempt(pending, protocol.WAITING, str(body.get("reason") or ""))
    if answer.status_code == 404 and pending.state == UPLOADED:
        return UploadAttempt(
            pending, "unknown", msg("县消协服务器没有这个数据包的记录，将重新上传。")
        )
    reason = str(
        body.get("reason") or msg("县消协服务器回答 HTTP {status}。", status=answer.status_code)
    )
    if (
        outcome == protocol.REFUSED
        and body.get("retry") is False
        and 400 <= answer.status_code < 500
    ):
        return UploadAttempt(pending, protocol.REFUSED, reason)
    return UploadAttempt(pending, "failed", reason)


# ---------------------------------------------------------------------------- recording


def retry_delay(attempts: int) -> dt.timedelta:
    """1 minute after the first failure, then twice as long each time, at most an hour."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY)


def record_upload(ctx: Context, attempt: UploadAttempt) -> Changes:
    """Write what a try gave: the entry's state and, with a receipt, the bundles it confirms."""
    from station_app.sync.receipts import import_receipt_document

    now = utc_now(ctx)
    entry = UploadQueueEntry.get_or_none(UploadQueueEntry.seq == attempt.pending.seq)
    if entry is None:
        return Changes.of(sync=[ctx.origin])
    entry.last_try_at = now
    outcome = attempt.outcome
    with database_proxy.atomic():
        if outcome in (protocol.MERGED, protocol.ALREADY):
            entry.uploaded_at = entry.uploaded_at or now
            try:
                report = import_receipt_document(ctx, attempt.receipt, msg("县消协的回执"))
            except SyncError as error:
                _later(entry, now, UPLOADED, str(error))
            else:
                if entry.seq in report.marked or entry.seq in report.already:
                    entry.state, entry.attempts, entry.next_try_at = RECEIVED, 0, None
                    entry.last_error = None
                else:
                    _later(entry, now, UPLOADED, " ".join(report.lines()))
        elif outcome == protocol.WAITING:
            entry.uploaded_at = entry.uploaded_at or now
            if entry.state != UPLOADED:
                entry.attempts = 0
            _later(entry, now, UPLOADED, attempt.reason)
        elif outcome == "unknown":
            entry.state, entry.attempts, entry.next_try_at = QUEUED, 0, now
            entry.last_error = attempt.reason
        elif outcome == protocol.REFUSED:
            entry.state, entry.next_try_at, entry.last_error = REJECTED, None, attempt.reason
        else:
            _later(entry, now, entry.state, attempt.reason)
        entry.save()
    return Changes.of(sync=[ctx.origin])


def record_uploads(ctx: Context, attempts: list[UploadAttempt]) -> Changes:
    """``record_upload`` for each try of one pass (the window writes them in one job)."""
    changes = Changes.of(sync=[ctx.origin])
    for attempt in attempts:
        changes = changes | record_upload(ctx, attempt)
    return changes


def send_due(
    paths: DataPaths, endpoint: CountyEndpoint, station_code: str, now: dt.datetime
) -> list[UploadAttempt]:
    """Try every entry due at ``now`` (reads the queue, writes nothing: off the writer)."""
    return [send_upload(p, endpoint, station_code) for p in due_uploads(paths, now)]


def _later(entry: UploadQueueEntry, now: dt.datetime, state: str, reason: str) -> None:
    entry.state = state
    entry.attempts += 1
    entry.next_try_at = now + retry_delay(entry.attempts)
    entry.last_error = reason or None


def upload_due(
    ctx: Context,
    paths: DataPaths,
    endpoint: CountyEndpoint,
    *,
    everything: bool = False,
) -> list[QueueItem]:
    """Try every entry that is due (all of them with ``everything``); returns them as they are
    after the try."""
    pending = due_uploads(paths, utc_now(ctx), everything=everything)
    for item in pending:
        record_upload(ctx, send_upload(item, endpoint, ctx.origin))
    tried = {p.seq for p in pending}
    return [item for item in queue_items() if item.seq in tried]
