"""The county import with its read-ahead helper (sync/read_ahead.py) does exactly what it does
without one: same records, conflicts, refusals and report sentences."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app.sync import read_ahead
from station_app.sync.merge import ImportReport

from .test_sync_helpers import Site, canonical
from .test_sync_refusals import rewrite

COUNTY = "XIAN"


@pytest.fixture
def staged_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, str]]]:
    """Read ahead from any size, one bundle a group (so more groups than can be attached), each
    group waited for (a real run reads a group itself when the helper has not finished it)."""
    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 0)
    monkeypatch.setattr(read_ahead, "FIRST_GROUP_RECORDS", 1)
    monkeypatch.setattr(read_ahead, "GROUP_RECORDS", (1, 1))
    monkeypatch.setattr(read_ahead, "WAIT_FOR_HELPER", True)
    calls: list[dict[str, str]] = []
    original = read_ahead.ReadAhead.staged

    def staged(self: read_ahead.ReadAhead, *args: object) -> dict[str, str]:
        result = original(self, *args)  # type: ignore[arg-type]
        calls.append(result)
        return result

    monkeypatch.setattr(read_ahead.ReadAhead, "staged", staged)
    yield calls


def _said(reports: list[ImportReport]) -> list[tuple[str, str, list[str]]]:
    return [(r.status, r.message, r.notes) for r in reports]


def _bundles(tmp_path: Path) -> list[Path]:
    """Twelve bundles of three stations: first, incremental, full again, and a repeat."""
    files = []
    for number, code in enumerate(("TJ001", "TJ002", "TJ003")):
        station = Site(tmp_path / code, code, f"{code}站")
        for seed in range(3):
            station.demo(complaints=8, visits=4, seed=10 * number + seed)
            files.append(station.export(tmp_path / "usb"))
        files.append(station.export(tmp_path / "usb", full=True))
    return files + files[:2]


def test_a_run_read_ahead_equals_a_run_without(
    tmp_path: Path, staged_calls: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _bundles(tmp_path)
    ahead = Site(tmp_path / "ahead", COUNTY, "县消协", role="county")
    reports = ahead.import_(*files)
    assert sum(1 for tables in staged_calls if tables) >= 9  # the helper did stage most bundles
    assert [r.status for r in reports].count("already") == 2

    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 10**12)
    alone = Site(tmp_path / "alone", COUNTY, "县消协", role="county")
    assert _said(alone.import_(*files)) == _said(reports)
    assert canonical(ahead.database, COUNTY) == canonical(alone.database, COUNTY)
    assert not list(ahead.root.glob(read_ahead.SCRATCH_PREFIX + "*"))  # scratch files gone


def test_a_bundle_damaged_half_way_is_refused_as_without_read_ahead(
    tmp_path: Path, staged_calls: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _bundles(tmp_path)[:6]
    with zipfile.ZipFile(files[3]) as archive:
        lines = archive.read("parts/complaint_transition.ndjson")
    edited = lines.replace(b'"version":1', b'"version":7', 1)
    assert edited != lines
    files[3] = rewrite(
        files[3], tmp_path / "bad.stbundle", change={"parts/complaint_transition.ndjson": edited}
    )
    ahead = Site(tmp_path / "ahead", COUNTY, "县消协", role="county")
    reports = ahead.import_(*files)
    assert [r.status for r in reports] == ["imported"] * 3 + ["refused"] + ["imported"] * 2
    assert "内容与清单不符" in reports[3].message
    # the helper staged the parts before the damaged one; the run read the rest itself
    assert "complaint" in staged_calls[3] and "complaint_transition" not in staged_calls[3]

    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 10**12)
    alone = Site(tmp_path / "alone", COUNTY, "县消协", role="county")
    assert _said(alone.import_(*files)) == _said(reports)
    assert canonical(ahead.database, COUNTY) == canonical(alone.database, COUNTY)


def test_a_run_whose_helper_dies_goes_on_alone(
    tmp_path: Path, staged_calls: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _bundles(tmp_path)[:8]
    original = read_ahead.ReadAhead.staged  # the fixture's recording wrapper

    def staged_after_killing(self: read_ahead.ReadAhead, *args: object) -> dict[str, str]:
        if self.executor is not None:
            for process in list(self.executor._processes.values()):  # type: ignore[attr-defined]
                process.kill()
                process.join()
        return original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(read_ahead.ReadAhead, "staged", staged_after_killing)
    ahead = Site(tmp_path / "ahead", COUNTY, "县消协", role="county")
    reports = ahead.import_(*files)
    assert all(r.status == "imported" for r in reports)

    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 10**12)
    alone = Site(tmp_path / "alone", COUNTY, "县消协", role="county")
    assert _said(alone.import_(*files)) == _said(reports)
    assert canonical(ahead.database, COUNTY) == canonical(alone.database, COUNTY)


def test_a_run_that_does_not_wait_for_its_helper_imports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 0)
    monkeypatch.setattr(read_ahead, "FIRST_GROUP_RECORDS", 1)
    monkeypatch.setattr(read_ahead, "GROUP_RECORDS", (1, 1))
    files = _bundles(tmp_path)
    ahead = Site(tmp_path / "ahead", COUNTY, "县消协", role="county")
    reports = ahead.import_(*files)
    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 10**12)
    alone = Site(tmp_path / "alone", COUNTY, "县消协", role="county")
    assert _said(alone.import_(*files)) == _said(reports)
    assert canonical(ahead.database, COUNTY) == canonical(alone.database, COUNTY)
