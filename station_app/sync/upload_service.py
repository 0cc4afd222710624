"""The county's upload service (``station serve``): stations POST bundles, the county merges them.

A thin HTTP layer over the county's import (``sync.importing.import_bundles``, the function
``station bundle import`` calls), so decryption, signature checks, the key-confirmation inbox and
all-or-nothing merging are the same for a file that came on a USB stick and one that came over the
network. Per request:

1. the headers are checked (station code, the file's SHA-256, its name, ``Content-Length``), and a
   declared size over the limit is refused before a byte is read;
2. the body is streamed to a temporary file under ``uploads/incoming`` while counted and hashed;
   more bytes than declared or than the limit, fewer bytes, or another SHA-256 are refused and the
   file deleted, the database untouched;
3. a file already merged (``bundle_upload``, unique by its SHA-256) is answered from that row;
4. otherwise the file moves to ``uploads/<sha256>/<name>`` and is imported on the service's
   writer thread (imports are serialised as the window's writes are; on a county's PostgreSQL
   up to ``WRITERS_ON_SERVER`` merge side by side), together with the other
   uploads that arrived meanwhile: one import run, one commit (group commit), each bundle still
   all or nothing, every answer sent after the commit; the outcome is recorded in
   ``bundle_upload`` with ``INSERT … ON CONFLICT`` on the SHA-256, so two requests carrying the
   same file record one row; a refused bundle leaves no row and its file is deleted;
5. the answer is JSON with the county's signed receipt for that station (the same document
   ``receipt export`` writes, listing only that station's bundles).

Logs name the station code, sequence number, sizes, outcome and duration of each upload, never
what a bundle holds nor the import's sentences (a refusal may quote a hostile row's value).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import queue
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.installation import (
    Installation,
    close_thread_connection,
    revive_thread_connection,
)
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.store.models import database_proxy
from station_app.store.sync_models import BundleUpload, ReceivedBundle
from station_app.sync.upload_protocol import (
    ALREADY,
    BUNDLE_NAME,
    BUNDLES_PATH,
    INFO_PATH,
    MERGED,
    NAME_HEADER,
    PROTOCOL,
    PROTOCOL_HEADER,
    REFUSED,
    SHA256,
    SHA256_HEADER,
    STATION_CODE,
    STATION_HEADER,
    UNKNOWN,
    WAITING,
)

log = logging.getLogger("station.serve")

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
ACTOR = "上传服务"
T = TypeVar("T")

_STATUS = {MERGED: 201, ALREADY: 200, WAITING: 202}
_ONE_RUN = 3600.0  # an import run of waiting uploads commits once, at its end
Merged = tuple[str, int | None, dict[str, Any]]  # outcome, sequence number, the answer's body


class Metrics:
    """Counts and durations for ``/metrics`` (Prometheus text format), kept in memory."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.uploads: Counter[str] = Counter()
        self.bytes = 0
        self.seconds: dict[str, float] = {"upload": 0.0, "merge": 0.0}
        self.counts: Counter[str] = Counter()
        self.in_progress = 0

    def record(self, outcome: str, size: int, seconds: float, merge_seconds: float | None) -> None:
        with self.lock:
            self.uploads[outcome] += 1
            self.bytes += size
            self.seconds["upload"] += seconds
            self.counts["upload"] += 1
            if merge_seconds is not None:
                self.seconds["merge"] += merge_seconds
                self.counts["merge"] += 1

    def text(self) -> str:
        with self.lock:
            lines = [
                "# HELP station_uploads_total Bundle uploads answered, by outcome.",
                "# TYPE station_uploads_total counter",
                *(
                    f'station_uploads_total{{outcome="{name}"}} {count}'
                    for name, count in sorted(self.uploads.items())
                ),
                "# HELP station_upload_bytes_total Bytes of bundle uploads received.",
                "# TYPE station_upload_bytes_total counter",
                f"station_upload_bytes_total {self.bytes}",
                "# HELP station_uploads_in_progress Uploads being received or merged now.",
                "# TYPE station_uploads_in_progress gauge",
                f"station_uploads_in_progress {self.in_progress}",
            ]
            for name, what in (("upload", "Whole uploads"), ("merge", "Imports of uploads")):
                lines += [
                    f"# HELP station_{name}_seconds {what}: time taken.",
                    f"# TYPE station_{name}_seconds summary",
                    f"station_{name}_seconds_sum {self.seconds[name]:.6f}",
                    f"station_{name}_seconds_count {self.counts[name]}",
                ]
        return "\n".join(lines) + "\n"


@dataclass
class Refusal(Exception):
    """An upload refused before or by the import: HTTP status, one sentence, whether to retry."""

    status: int
    reason: str
    outcome: str = REFUSED
    retry: bool = False


@dataclass
class Received:
    """An upload's body, stored and checked against its headers."""

    path: Path
    sha256: str
    size: int
    name: str
    station: str


WRITERS_ON_SERVER = 3  # merges at once on a county's PostgreSQL


class UploadService:
    """The service of one county installation; ``app()`` is the ASGI application."""

    def __init__(
        self,
        installation: Installation,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.installation = installation
        self.paths: DataPaths = installation.paths
        self.max_bytes = max_bytes
        self.clock = clock
        self.metrics = Metrics()
        self.uploads = self.paths.root / "uploads"
        self.incoming = self.uploads / "incoming"
        # SQLite has one writer: imports, receipts and bookkeeping run one at a time on one thread.
        # A county on PostgreSQL merges the uploads of different stations side by side (each
        # bundle's transaction takes its station's lock; a bundle twice is merged once), each
        # writer thread on a connection of its own
        self.writers = WRITERS_ON_SERVER if installation.server is not None else 1
        self.writer = ThreadPoolExecutor(
            max_workers=self.writers, thread_name_prefix="upload-writer"
        )
        self.waiting: queue.SimpleQueue[tuple[Received, Future[Merged]]] = queue.SimpleQueue()
        self.county = self._on_writer_sync(self._county_code)

    # ------------------------------------------------------------------ set-up and helpers

    def _county_code(self) -> str:
        identity = self.installation.identity()
        if identity is None or not identity.is_county:
            raise RuntimeError("not a county installation")
        return identity.code

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        """Run ``work`` on the writer thread, its database connection revived first (a county's
        PostgreSQL may have closed it since the last job)."""

        def job() -> T:
            revive_thread_connection()
            return work()

        return self.writer.submit(job)

    def _on_writer_sync(self, work: Callable[[], T]) -> T:
        return self._submit(work).result()

    async def _on_writer(self, work: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self._submit(work))

    def start(self) -> None:
        """Before serving: the folders exist, files left by a stopped service are removed."""
        shutil.rmtree(self.incoming, ignore_errors=True)
        self.incoming.mkdir(parents=True, exist_ok=True)

    def stop(self) -> None:
        # every writer thread closes its own connection: each waits for the others, so that no
        # thread takes two of these jobs
        all_there = threading.Barrier(self.writers)

        def close() -> None:
            close_thread_connection()
            with contextlib.suppress(threading.BrokenBarrierError):
                all_there.wait(timeout=10)

        for closing in [self.writer.submit(close) for _ in range(self.writers)]:
            closing.result()
        self.writer.shutdown(wait=True)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route(INFO_PATH, self.info, methods=["GET"]),
                Route(BUNDLES_PATH, self.upload, methods=["POST"]),
                Route(BUNDLES_PATH + "/{sha256}", self.state, methods=["GET"]),
                Route("/healthz", self.health, methods=["GET"]),
                Route("/metrics", self.prometheus, methods=["GET"]),
            ],
            lifespan=self._lifespan,
        )

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        self.start()
        try:
            yield
        finally:
            self.stop()

    def _answer(self, status: int, body: dict[str, Any]) -> JSONResponse:
        return JSONResponse(
            {"protocol": PROTOCOL, "county": self.county, **body},
            status_code=status,
            headers={PROTOCOL_HEADER: PROTOCOL},
        )

    # ------------------------------------------------------------------ endpoints

    async def info(self, request: Request) -> Response:
        return self._answer(200, {"max_bytes": self.max_bytes})

    async def health(self, request: Request) -> Response:
        try:
            await self._on_writer(lambda: database_proxy.execute_sql("SELECT 1").fetchone())
        except Exception:  # noqa: BLE001 - any failure means: not healthy
            log.exception("health check failed")
            return PlainTextResponse("database unavailable\n", status_code=503)
        return PlainTextResponse("ok\n")

    async def prometheus(self, request: Request) -> Response:
        return PlainTextResponse(
            self.metrics.text(), media_type="text/plain; version=0.0.4; charset=utf-8"
        )

    async def state(self, request: Request) -> Response:
        """A station asks what became of an upload it made (known by the file's SHA-256)."""
        sha256 = str(request.path_params["sha256"]).lower()
        if not SHA256.fullmatch(sha256):
            return self._answer(404, {"outcome": UNKNOWN})
        outcome, station, seq, receipt = await self._on_writer(lambda: self._current(sha256))
        if outcome == UNKNOWN:
            return self._answer(404, {"outcome": UNKNOWN})
        body = {"outcome": outcome, "station": station, "seq": seq, "receipt": receipt}
        return self._answer(200 if outcome != WAITING else 202, body)

    async def upload(self, request: Request) -> Response:
        began = time.monotonic()
        station = request.headers.get(STATION_HEADER, "")
        station = station if STATION_CODE.fullmatch(station) else "?"
        size, seq, merge_seconds = 0, None, None
        response: Response
        self.metrics.in_progress += 1
        try:
            received = await self._receive(request, station)
            size = received.size
            merge_began = time.monotonic()
            outcome, report_seq, body = await self._merge(received)
            merge_seconds = time.monotonic() - merge_began
            seq = report_seq
            response = self._answer(_STATUS[outcome], {"outcome": outcome, **body})
        except Refusal as refusal:
            outcome = refusal.outcome
            response = self._answer(
                refusal.status,
                {"outcome": REFUSED, "reason": refusal.reason, "retry": refusal.retry},
            )
        except ClientDisconnect:
            outcome, response = "aborted", Response(status_code=400)
        except Exception:
            log.exception("upload from %s failed", station)
            outcome = "error"
            response = self._answer(
                500,
                {
                    "outcome": REFUSED,
                    "reason": msg("县消协服务器内部错误，稍后会自动重试。"),
                    "retry": True,
                },
            )
        finally:
            self.metrics.in_progress -= 1
        seconds = time.monotonic() - began
        self.metrics.record(outcome, size, seconds, merge_seconds)
        log.info(
            "upload station=%s seq=%s bytes=%d outcome=%s seconds=%.3f",
            station,
            seq if seq is not None else "-",
            size,
            outcome,
            seconds,
        )
        return response

    async def _merge(self, received: Received) -> Merged:
        """Hand a received file to the writer; the answer once it is merged and committed."""
        future: Future[Merged] = Future()
        self.waiting.put((received, future))
        self._submit(self._merge_waiting)
        return await asyncio.wrap_future(future)

    # ------------------------------------------------------------------ receiving

    def _headers(self, request: Request) -> tuple[str, str, int, str]:
        station = request.headers.get(STATION_HEADER, "")
        sha256 = request.headers.get(SHA256_HEADER, "").lower()
        name = request.headers.get(NAME_HEADER, "")
        length = request.headers.get("content-length")
        if not STATION_CODE.fullmatch(station):
            raise Refusal(400, msg("请求缺少有效的服务站编码（{header}）。", header=STATION_HEADER))
        if not SHA256.fullmatch(sha256):
            raise Refusal(400, msg("请求缺少数据包校验值（{header}）。", header=SHA256_HEADER))
        if not BUNDLE_NAME.fullmatch(name):
            raise Refusal(400, msg("请求缺少有效的数据包文件名（{header}）。", header=NAME_HEADER))
        if length is None or not length.isdigit():
            raise Refusal(411, msg("请求缺少数据包大小（Content-Length），未接收。"))
        declared = int(length)
        if declared > self.max_bytes:
            raise Refusal(
                413,
                msg(
                    "数据包过大（{size} MB），县消协服务器最多接收 {limit} MB，未接收。",
                    size=_megabytes(declared),
                    limit=_megabytes(self.max_bytes),
                ),
                outcome="too_large",
            )
        return station, sha256, declared, name

    async def _receive(self, request: Request, station: str) -> Received:
        station, sha256, declared, name = self._headers(request)
        temporary = self.incoming / f"{uuid.uuid4().hex}.partial"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(temporary, "wb") as handle:
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > declared or size > self.max_bytes:
                        raise Refusal(
                            413,
                            msg("数据包比声明的大小（{size} 字节）更大，未接收。", size=declared),
                            outcome="too_large",
                        )
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            if size < declared:
                raise Refusal(
                    400,
                    msg(
                        "数据包不完整：只收到 {got} 字节，应为 {size} 字节，未接收。",
                        got=size,
                        size=declared,
                    ),
                    outcome="truncated",
                    retry=True,
                )
            if digest.hexdigest() != sha256:
                raise Refusal(
                    422,
                    msg("数据包的校验值与声明的不符（传输中损坏或不完整），未接收。"),
                    outcome="damaged",
                    retry=True,
                )
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return Received(temporary, sha256, size, name, station)

    # ------------------------------------------------------------------ on the writer thread

    def _merge_waiting(self) -> None:
        """Merge every upload waiting now, in one import run (group commit).

        Uploads that arrive while a run is merging wait in ``self.waiting`` and go together into
        the next run: one transaction and one commit for all of them (each bundle still all or
        nothing, in its own savepoint), every answer sent after that commit.
        """
        batch: list[tuple[Received, Future[Merged]]] = []
        with contextlib.suppress(queue.Empty):
            while True:
                batch.append(self.waiting.get_nowait())
        if not batch:
            return
        try:
            self._merge_batch(batch)
        except BaseException as error:
            for _, future in batch:
                if not future.done():
                    future.set_exception(error)
            if not isinstance(error, Exception):
                raise

    def _merge_batch(self, batch: list[tuple[Received, Future[Merged]]]) -> None:
        from station_app.sync.importing import import_bundles  # the county's engine's merge

        to_import: list[tuple[Received, Future[Merged], Path]] = []
        for received, future in batch:
            earlier = BundleUpload.get_or_none(BundleUpload.file_sha256 == received.sha256)
            if earlier is not None and earlier.state == MERGED:
                received.path.unlink(missing_ok=True)
                body = self._merged_body(earlier.station_code, earlier.seq)
                future.set_result((ALREADY, earlier.seq, body))
                continue
            folder = self.uploads / received.sha256
            folder.mkdir(parents=True, exist_ok=True)
            stored = folder / received.name
            os.replace(received.path, stored)
            to_import.append((received, future, stored))
        if not to_import:
            return
        ctx = self.installation.context(actor=ACTOR, clock=self.clock)
        try:
            reports = import_bundles(
                ctx, self.paths, [stored for _, _, stored in to_import], commit_seconds=_ONE_RUN
            )
        except BaseException:
            for _, _, stored in to_import:
                shutil.rmtree(stored.parent, ignore_errors=True)
            raise
        answers: list[tuple[Future[Merged], Merged | Refusal]] = []
        taken: list[tuple[Received, Future[Merged], str, int, str]] = []
        for (received, future, stored), report in zip(to_import, reports, strict=True):
            if report.status not in (ALREADY, WAITING, "imported"):
                shutil.rmtree(stored.parent, ignore_errors=True)
                answers.append((future, Refusal(422, report.message, outcome=REFUSED)))
                continue
            outcome = MERGED if report.status == "imported" else report.status
            assert report.station_code is not None and report.seq is not None
            taken.append((received, future, report.station_code, report.seq, outcome))
        with database_proxy.atomic():  # the bookkeeping of the run: one more commit, not one each
            self._record_all([(r, station, seq, outcome) for r, _, station, seq, outcome in taken])
            for _, future, station, seq, outcome in taken:
                if outcome == WAITING:
                    body = self._waiting_body(station, seq)
                else:
                    body = self._merged_body(station, seq)
                answers.append((future, (outcome, seq, body)))
        for future, answer in answers:  # after the commit
            if isinstance(answer, Refusal):
                future.set_exception(answer)
            else:
                future.set_result(answer)

    def _record_all(self, uploads: list[tuple[Received, str, int, str]]) -> None:
        """Record each (upload, station, seq, outcome) of a run, in the order of their files'
        hashes: a county on PostgreSQL has several writers, and two runs holding the same uploads
        (sent to both at once) then lock their rows in the same order, never each waiting for the
        other (PostgreSQL would end one of them as a deadlock)."""
        for received, station, seq, outcome in sorted(uploads, key=lambda u: u[0].sha256):
            self._record(received, station, seq, outcome)

    def _record(self, received: Received, station: str, seq: int, outcome: str) -> None:
        now = self.clock.utcnow()
        state = WAITING if outcome == WAITING else MERGED
        merged_at = None if state == WAITING else now
        (
            BundleUpload.insert(
                file_sha256=received.sha256,
                station_code=station,
                seq=seq,
                size=received.size,
                file_name=received.name,
                state=state,
                received_at=now,
                merged_at=merged_at,
            )
            .on_conflict(
                conflict_target=[BundleUpload.file_sha256],
                update={BundleUpload.state: state, BundleUpload.merged_at: merged_at},
            )
            .execute()
        )

    def _merged_body(self, station: str, seq: int) -> dict[str, Any]:
        from station_app.sync.receipts import signed_receipt

        ctx = self.installation.context(actor=ACTOR, clock=self.clock)
        return {"station": station, "seq": seq, "receipt": signed_receipt(ctx, self.paths, station)}

    def _waiting_body(self, station: str, seq: int) -> dict[str, Any]:
        return {
            "station": station,
            "seq": seq,
            "reason": msg("县消协已收到，待核对本站密钥指纹后导入；无需重新发送。"),
        }

    def _current(self, sha256: str) -> tuple[str, str | None, int | None, Any]:
        upload = BundleUpload.get_or_none(BundleUpload.file_sha256 == sha256)
        if upload is None:
            return UNKNOWN, None, None, None
        if upload.state == WAITING:
            merged = (
                ReceivedBundle.select()
                .where(
                    (ReceivedBundle.station_code == upload.station_code)
                    & (ReceivedBundle.seq == upload.seq)
                )
                .exists()
            )
            if not merged:
                return WAITING, upload.station_code, upload.seq, None
            upload.state, upload.merged_at = MERGED, self.clock.utcnow()
            upload.save()
        body = self._merged_body(upload.station_code, upload.seq)
        return MERGED, upload.station_code, upload.seq, body["receipt"]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def run_service(
    installation: Installation,
    host: str,
    port: int,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    certificate: Path | None = None,
    private_key: Path | None = None,
    ready: Callable[[], None] | None = None,
) -> None:
    """Serve until stopped (Ctrl-C, SIGTERM): uvicorn, one process, HTTPS with a certificate."""
    import uvicorn

    service = UploadService(installation, max_bytes=max_bytes)
    config = uvicorn.Config(
        service.app(),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # our own line per upload says what is worth keeping
        ssl_certfile=str(certificate) if certificate else None,
        ssl_keyfile=str(private_key) if private_key else None,
        timeout_keep_alive=30,
    )
    server = uvicorn.Server(config)
    if ready is not None:
        watcher = threading.Thread(target=_when_started, args=(server, ready), daemon=True)
        watcher.start()
    with contextlib.suppress(KeyboardInterrupt):
        server.run()


def _when_started(server: Any, ready: Callable[[], None]) -> None:
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.05)
    ready()
