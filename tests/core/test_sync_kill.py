"""The county import killed at random points: the database stays sound, re-import completes."""

from __future__ import annotations

import contextlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import connect_raw
from .test_sync_helpers import Site, canonical

COUNTY = "XIAN"
KILLS = 20


def start_import(
    data_dir: Path, bundles: list[Path], commit_seconds: float = 1.0
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "station_app.cli", "--data-dir", str(data_dir), "bundle", "import",
         "--commit-seconds", str(commit_seconds), *map(str, bundles)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_import_killed_at_20_random_points(tmp_path: Path) -> None:
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", COUNTY, "县消协", role="county")
    bundles = []
    for seed in (1, 2, 3):
        station.demo(complaints=400, visits=400, seed=seed)
        bundles.append(station.export(tmp_path / "usb"))
    county.confirm_key_of(station)
    template = tmp_path / "template"
    shutil.copytree(county.root, template)

    began = time.perf_counter()
    done = start_import(county.root, bundles)
    assert done.wait(timeout=120) == 0, done.stderr.read() if done.stderr else ""
    duration = time.perf_counter() - began
    expected = canonical(county.database, COUNTY)

    rng = random.Random(20261120)
    outcomes = []
    committed = []  # bundles already committed when a kill came, committing after each bundle
    for attempt in range(KILLS):
        target = tmp_path / f"kill{attempt}"
        shutil.copytree(template, target)
        # even attempts commit after every bundle (kills land between bundles too); odd ones
        # as a real run does, several bundles per commit
        per_bundle = attempt % 2 == 0
        process = start_import(target, bundles, commit_seconds=0 if per_bundle else 1.0)
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(signal.SIGKILL)
        outcomes.append(process.wait(timeout=60))
        if process.stderr:
            process.stderr.close()
        with contextlib.closing(connect_raw(target / "station.sqlite3")) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            received = connection.execute("SELECT count(*) FROM received_bundle").fetchone()[0]
            if per_bundle:
                committed.append(received)
            # the search index matches the complaints (raises "malformed" when it does not)
            connection.execute(
                "INSERT INTO complaint_fts(complaint_fts) VALUES ('integrity-check')"
            )
        victim = Site.__new__(Site)
        victim.root, victim.code, victim.clock = target, COUNTY, county.clock
        reports = victim.import_(*bundles)
        assert not any(r.refused for r in reports), [r.message for r in reports]
        assert canonical(victim.database, COUNTY) == expected  # nothing twice, nothing missing
        shutil.rmtree(target)
    assert outcomes.count(-signal.SIGKILL) >= KILLS // 2  # most kills landed mid-import
    assert len(set(committed)) >= 2, committed  # killed before, between and inside bundles
