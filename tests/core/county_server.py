"""A real county upload service for tests: ``station serve`` in a subprocess on a free port of
127.0.0.1 (uvicorn, nothing mocked), and a client posting bundles to it with httpx."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import httpx

from station_app.sync.upload_protocol import (
    BUNDLES_PATH,
    NAME_HEADER,
    SHA256_HEADER,
    STATION_HEADER,
    file_sha256,
)


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class CountyServer:
    """``station --data-dir ROOT serve --listen 127.0.0.1:PORT`` as a child process."""

    def __init__(self, root: Path, *, port: int | None = None, extra: Iterable[str] = ()) -> None:
        self.root = root
        self.port = port or free_port()
        self.extra = list(extra)
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root.parent / f"serve-{self.port}.log"

    @property
    def url(self) -> str:
        scheme = "https" if "--certificate" in self.extra else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> CountyServer:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "station_app.cli", "--data-dir", str(self.root), "serve",
                 "--listen", f"127.0.0.1:{self.port}", *self.extra],
                stdout=log, stderr=log,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve ended: {self.log.read_text(errors='replace')}")
            with contextlib.suppress(httpx.HTTPError):
                # the tests' own certificate: the health probe does not check it
                if httpx.get(self.url + "/healthz", timeout=1, verify=False).status_code == 200:
                    return self
            time.sleep(0.1)
        raise RuntimeError(f"serve did not start: {self.log.read_text(errors='replace')}")

    def kill(self) -> None:
        """SIGKILL: no shutdown, as when the power goes."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def running(root: Path, **options: object) -> Iterator[CountyServer]:
    server = CountyServer(root, **options).start()  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()


def post_bundle(
    url: str,
    bundle: Path,
    *,
    station: str | None = None,
    body: bytes | None = None,
    sha256: str | None = None,
    timeout: float = 60,
) -> httpx.Response:
    """POST a bundle file the way a station does (``body`` and ``sha256`` replace what is sent)."""
    data = bundle.read_bytes() if body is None else body
    headers = {
        STATION_HEADER: station or bundle.name.split("_")[0],
        SHA256_HEADER: sha256 or file_sha256(bundle),
        NAME_HEADER: bundle.name,
        "Content-Type": "application/octet-stream",
    }
    return httpx.post(url + BUNDLES_PATH, content=data, headers=headers, timeout=timeout)


def post_at_once(uploads: list[tuple[str, Path]]) -> list[httpx.Response]:
    """POST each (service URL, bundle) from its own thread, all at once; the answers."""
    answers: list[httpx.Response] = []
    threads = [
        threading.Thread(target=lambda u=url, b=bundle: answers.append(post_bundle(u, b)))
        for url, bundle in uploads
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers
