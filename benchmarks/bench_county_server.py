"""County server benchmarks: bundles uploaded over HTTP beside the same bundles imported from files.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_county_server.py                # 300 bundles
    PYTHONPATH=. .venv/bin/python benchmarks/bench_county_server.py --bundles 30   # quick

In one run, in a temporary directory: ``--bundles`` stations (default 300) of about 1 000 records
each export their first bundle (untimed, rows made as in bench_sync). Then, each into its own
copy of the same empty county database:

(a) files: ``import_bundles`` of every file in one call, as ``station bundle import`` does (its
    commits every few seconds): the baseline;
(b) upload: ``station serve`` (uvicorn, one process, on 127.0.0.1) and ``--clients`` (default 10)
    client threads posting the bundles with httpx, each taking the next bundle when its answer
    came; timed from the first request to the last answer, the service started before. Each
    upload is merged and committed before its answer (201), and answered with a signed receipt.
    Target: at most ``UPLOAD_RATIO_TARGET`` x the file import (HTTP, a commit per bundle and a
    receipt per answer are what the network path adds).

Both copies must end with the same records (compared table by table, without local ids). Prints a
table and exits 1 when a target is missed. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import queue
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import httpx

from benchmarks.bench_sync import CLOCK, RowMaker, fill, new_installation
from benchmarks.report_table import Result, print_table
from station_app.sync.export import export_bundle
from station_app.sync.merge import import_bundles
from station_app.sync.tables import snapshot_sql, synced_tables
from station_app.sync.upload_protocol import (
    BUNDLES_PATH,
    NAME_HEADER,
    SHA256_HEADER,
    STATION_HEADER,
    file_sha256,
)

UPLOAD_RATIO_TARGET = 2.0
PLAN = {"officer": 3, "business": 50, "person": 200, "visit": 400, "complaint": 150,
        "complainant": 150}  # fmt: skip


def make_bundles(root: Path, bundles: int, seed: int) -> list[Path]:
    maker = RowMaker(seed)
    files = []
    for n in range(bundles):
        code = f"S{n:04d}"
        inst = new_installation(root / "stations" / code, code)
        maker.seq = 10
        fill(inst.db.connection(), maker, code, PLAN)
        files.append(export_bundle(inst.context(clock=CLOCK), inst.paths, root / "bundles"))
        inst.close()
        shutil.rmtree(root / "stations" / code)
    return files


def records_by_table(database: Path) -> dict[str, list[str]]:
    with contextlib.closing(sqlite3.connect(database)) as connection:
        return {
            t.name: sorted(
                r[0]
                for r in connection.execute(
                    f'SELECT {snapshot_sql(t)} FROM "{t.name}" t WHERE t.origin != ?', ("COUNTY",)
                )
            )
            for t in synced_tables()
        }


def import_files(county: Path, files: list[Path]) -> tuple[float, list[str]]:
    from station_app.installation import open_installation

    inst = open_installation(county)
    try:
        start = time.perf_counter()
        reports = import_bundles(inst.context(clock=CLOCK), inst.paths, files)
        took = time.perf_counter() - start
    finally:
        inst.close()
    return took, [r.message for r in reports if r.refused]


def free_port() -> int:
    import socket

    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_service(county: Path, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(county), "serve",
         "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("the upload service did not start")


def upload(url: str, files: list[Path], clients: int) -> tuple[float, list[int]]:
    todo: queue.Queue[Path] = queue.Queue()
    for path in files:
        todo.put(path)
    statuses: list[int] = []
    lock = threading.Lock()

    def client() -> None:
        with httpx.Client(timeout=600) as http:
            while True:
                try:
                    path = todo.get_nowait()
                except queue.Empty:
                    return
                answer = http.post(
                    url + BUNDLES_PATH,
                    content=path.read_bytes(),
                    headers={
                        STATION_HEADER: path.name.split("_")[0],
                        SHA256_HEADER: file_sha256(path),
                        NAME_HEADER: path.name,
                    },
                )
                with lock:
                    statuses.append(answer.status_code)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, statuses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=300)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_county_server_") as temporary:
        root = Path(temporary)
        print(f"making {args.bundles} station bundles ...", flush=True)
        files = make_bundles(root, args.bundles, args.seed)
        records = sum(
            json.loads(zipfile.ZipFile(f).read("manifest.json"))["records"] for f in files
        )
        size = sum(f.stat().st_size for f in files) / 1024**2
        new_installation(root / "county", "COUNTY", role="county").close()
        shutil.copytree(root / "county", root / "by-files")
        shutil.copytree(root / "county", root / "by-upload")

        print("importing the files ...", flush=True)
        by_files, refused = import_files(root / "by-files", files)
        print(f"uploading with {args.clients} clients ...", flush=True)
        service = start_service(root / "by-upload", port := free_port())
        try:
            by_upload, statuses = upload(f"http://127.0.0.1:{port}", files, args.clients)
        finally:
            service.terminate()
            service.wait(timeout=60)
        same = records_by_table(root / "by-files" / "station.sqlite3") == records_by_table(
            root / "by-upload" / "station.sqlite3"
        )
    merged = statuses.count(201)
    results = [
        Result(
            f"(a) import {args.bundles} bundle files, {records:,} records",
            f"{by_files:.2f} s = {records / by_files:,.0f} rec/s",
            "-",
            f"baseline; {size:.0f} MB; refused: {len(refused)}",
            None if not refused else False,
        ),
        Result(
            f"(b) upload {args.bundles} bundles by {args.clients} clients, merged",
            f"{by_upload:.2f} s = {records / by_upload:,.0f} rec/s",
            f"<= {UPLOAD_RATIO_TARGET:g} x (a)",
            f"{by_upload / by_files:.2f} x files; 201: {merged}/{args.bundles}; "
            f"same records: {'yes' if same else 'NO'}",
            by_upload <= UPLOAD_RATIO_TARGET * by_files and merged == args.bundles and same,
        ),
    ]
    print_table(results)
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
