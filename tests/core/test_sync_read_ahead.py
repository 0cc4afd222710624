"""The county's read-ahead (``sync.read_ahead``): the bundles of a big run are read and checked in a
child process while the county merges; the import, and every refusal, must be exactly what
reading them in process gives, and a child that fails leaves the run reading in process."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from station_app.sync import read_ahead
from station_app.sync.part_rows import PartLayout, layout_for
from station_app.sync.reader import OpenedBundle, PreparedPart, open_bundle
from station_app.sync.tables import table_by_name

from .test_sync_helpers import Site, canonical, copy_setting, manifest_of, unsealed_copy
from .test_sync_hostile_ownership import forge
from .test_sync_hostile_rows import BAD_VALUES, _edit_second


def lines_in(part: PreparedPart | bytes | list[list[object]]) -> int:
    """How many rows a part read ahead holds: in its database image's staging tables (the child
    stages one part at a time), or as rows."""
    if isinstance(part, PreparedPart):
        part = part.image if part.image is not None else part.rows or []
    if isinstance(part, list):
        return len(part)
    image = sqlite3.connect(":memory:")
    image.deserialize(part)
    tables = [n for (n,) in image.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return sum(image.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in tables)


@pytest.fixture(scope="module", params=["encrypted", "plain"])
def three_stations_template(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, tuple[Site, list[Path]]]:
    """A county and the bundles of three stations (two from one of them), built once; the county
    encrypted (SQLCipher: the child answers with rows) or plain (SQLite: with database images)."""
    root = tmp_path_factory.mktemp("read_ahead")
    county = Site(
        root / "county", "XIAN", "通江县消协", role="county", encrypted=request.param == "encrypted"
    )
    bundles = []
    for n, code in enumerate(("TJ001", "TJ002", "TJ003")):
        station = Site(root / code, code, f"{n}站")
        station.demo(complaints=8, visits=5, seed=n + 1)
        bundles.append(station.export(root / "usb"))
        if n == 0:
            station.demo(complaints=3, visits=2, seed=9)  # and edits some of its complaints
            bundles.append(station.export(root / "usb"))
    return root, (county, bundles)


@pytest.fixture
def three_stations(
    three_stations_template: tuple[Path, tuple[Site, list[Path]]], tmp_path: Path
) -> tuple[Site, list[Path]]:
    source, built = three_stations_template
    return copy_setting(source, built, tmp_path)  # type: ignore[return-value]


class Answers(list[bool]):
    """Bundle by bundle, whether the county used the child's rows; and how many parts it staged
    from their database images."""

    images = 0


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    """Every run reads ahead (however small); yields its ``Answers`` (every part of a plain
    county's must come whole from its image)."""
    monkeypatch.setattr(read_ahead, "MIN_BUNDLES", 1)
    monkeypatch.setattr(read_ahead, "MIN_RECORDS", 0)
    used = Answers()
    take = read_ahead.ReadAhead.take
    stage_image = PartLayout.stage_image

    def counted(
        self: read_ahead.ReadAhead, plain: Path, manifest_sha256: str
    ) -> dict[str, PreparedPart] | None:
        parts = take(self, plain, manifest_sha256)
        used.append(parts is not None)
        return parts

    def staged_whole(self: PartLayout, *args: object) -> bool:
        staged = stage_image(self, *args)  # type: ignore[arg-type]
        assert staged, "the image of a part read ahead did not hold its rows"
        used.images += 1
        return staged

    monkeypatch.setattr(read_ahead.ReadAhead, "take", counted)
    monkeypatch.setattr(PartLayout, "stage_image", staged_whole)
    yield used


def test_a_run_read_ahead_imports_what_a_run_in_process_imports(
    three_stations: tuple[Site, list[Path]], tmp_path: Path, answers: Answers
) -> None:
    county, bundles = three_stations
    in_process = county.copy_to(tmp_path / "in_process")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read_ahead, "MIN_BUNDLES", 10**9)
        expected = in_process.import_(*bundles)
    assert answers == []  # no read-ahead for that run

    reports = county.import_(*bundles)
    assert answers == [True] * len(bundles)  # every bundle's rows came from the child
    # as database images on plain SQLite, as rows on SQLCipher (sqlcipher3 cannot load images)
    parts = 0
    for bundle in bundles:
        listed = manifest_of(bundle)["parts"]
        assert isinstance(listed, list)
        parts += len(listed)
    assert answers.images == (0 if county.encrypted else parts)
    assert [(r.status, r.message, r.notes) for r in reports] == [
        (r.status, r.message, r.notes) for r in expected
    ]
    assert all(r.status == "imported" for r in reports)
    assert canonical(county, "XIAN") == canonical(in_process, "XIAN")


def test_hostile_bundles_in_a_run_read_ahead_are_refused_as_in_process(
    three_stations: tuple[Site, list[Path]], tmp_path: Path, answers: Answers
) -> None:
    county, bundles = three_stations
    station = Site.__new__(Site)  # the first station, to sign its forged bundles
    station.root = county.root.parent / "TJ001"
    plain = unsealed_copy(bundles[0], tmp_path / "plain.stbundle")
    chosen = BAD_VALUES[::6]  # a type, a range, a date, a time, a control character, a code …
    forged = [
        forge(station, plain, tmp_path / f"bad{n}.stbundle", _edit_second(t, f, v))
        for n, (t, f, v, _) in enumerate(chosen)
    ]
    run = [forged[0], bundles[1], *forged[1:], bundles[2]]
    reports = county.import_(*run)

    for report, (table, field, _, words) in zip([reports[0], *reports[2:-1]], chosen, strict=True):
        assert report.refused, report.message
        assert f"“parts/{table}.ndjson”第 2 行的字段“{field}”无效" in report.message
        assert words in report.message
    assert reports[1].status == reports[-1].status == "imported"
    # the child vouched only for the two good bundles; the county read the others itself
    assert answers == [False, True, *[False] * (len(forged) - 1), True]


def test_a_child_that_dies_leaves_the_run_reading_in_process(
    three_stations: tuple[Site, list[Path]], tmp_path: Path, answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    county, bundles = three_stations
    expected = county.copy_to(tmp_path / "expected")
    start = read_ahead.ReadAhead.start

    def start_and_die(self: read_ahead.ReadAhead) -> None:
        start(self)
        self._process.kill()

    monkeypatch.setattr(read_ahead.ReadAhead, "start", start_and_die)
    reports = county.import_(*bundles)
    assert answers == [False] * len(bundles)
    assert all(r.status == "imported" for r in reports)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read_ahead, "MIN_BUNDLES", 10**9)
        expected.import_(*bundles)
    assert canonical(county, "XIAN") == canonical(expected, "XIAN")


@pytest.fixture(scope="module")
def plain_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, OpenedBundle]:
    """One station's bundle, unsealed, and what ``open_bundle`` read of it (closed): the tests
    of the child alone, which need no county (built once, not once per county kind)."""
    root = tmp_path_factory.mktemp("one_bundle")
    station = Site(root / "TJ001", "TJ001", "0站")
    station.demo(complaints=8, visits=5, seed=1)
    plain = unsealed_copy(station.export(root / "usb"), root / "plain.stbundle")
    bundle = open_bundle(plain)
    bundle.close()
    return plain, bundle


def taken(
    plain: Path, manifest_sha256: str, most_records: int = read_ahead.MOST_RECORDS
) -> dict[str, PreparedPart] | None:
    """What a child of its own answers for ``plain`` alone, taken for ``manifest_sha256``."""
    ahead = read_ahead.ReadAhead(read_ahead.code_params(), "sqlite3", most_records=most_records)
    ahead.start()
    ahead.read([plain])
    try:
        return ahead.take(plain, manifest_sha256)
    finally:
        ahead.stop()


def test_the_child_s_rows_are_used_only_for_the_manifest_it_read(
    plain_bundle: tuple[Path, OpenedBundle],
) -> None:
    plain, bundle = plain_bundle
    assert taken(plain, "0" * 64) is None  # another manifest: the county reads it itself
    parts = taken(plain, bundle.manifest_sha256)
    assert parts is not None
    assert {name: lines_in(p) for name, p in parts.items()} == {
        p.name: p.records for p in bundle.parts
    }


def test_a_bundle_bigger_than_the_child_holds_is_left_to_the_county(
    plain_bundle: tuple[Path, OpenedBundle],
) -> None:
    plain, bundle = plain_bundle
    records = sum(p.records for p in bundle.parts)
    assert taken(plain, bundle.manifest_sha256, most_records=records - 1) is None
    assert taken(plain, bundle.manifest_sha256, most_records=records) is not None


def test_no_child_for_a_driver_it_does_not_know(tmp_path: Path) -> None:
    ahead = read_ahead.ReadAhead({}, "psycopg")
    ahead.start()
    ahead.read([tmp_path / "a.stbundle"])
    assert ahead.take(tmp_path / "a.stbundle", "0" * 64) is None
    ahead.stop()


def test_only_big_runs_read_ahead() -> None:
    assert not read_ahead.worth_it([100_000])  # one bundle: nothing to overlap
    assert not read_ahead.worth_it([10] * 50)  # many small ones: the child's start costs more
    assert read_ahead.worth_it([1_000] * 30)


def test_an_image_without_the_part_s_rows_stages_nothing(
    plain_bundle: tuple[Path, OpenedBundle],
) -> None:
    """The county loads a part's image only when it holds every line of the part, numbered from
    1; anything else is read in process (``merge._stage``)."""
    plain, bundle = plain_bundle
    parts = taken(plain, bundle.manifest_sha256)
    assert parts is not None
    part = max(bundle.parts, key=lambda p: p.records)
    image = parts[part.name].image
    assert image is not None and part.records >= 2
    layout = layout_for(table_by_name()[part.table])
    county = sqlite3.connect(":memory:", isolation_level=None)
    county.execute("ATTACH ':memory:' AS sync_image")
    county.execute(layout.create_staging())

    def staged(image: bytes, records: int) -> int | None:
        whole = layout.stage_image(county, layout.staging, image, records)
        count = county.execute(f"SELECT count(*) FROM {layout.staging}").fetchone()[0]
        county.execute(f"DELETE FROM {layout.staging}")
        return count if whole else None if count == 0 else -1

    assert staged(image, part.records) == part.records
    assert staged(image, part.records + 1) is None  # a line missing
    edited = sqlite3.connect(":memory:", isolation_level=None)
    edited.deserialize(image, name="main")
    edited.execute(f"UPDATE {layout.staging_name} SET rowid = rowid + 1000")  # not lines 1 …
    assert staged(edited.serialize(), part.records) is None
    edited.deserialize(image, name="main")
    edited.execute(f"DELETE FROM {layout.staging_name} WHERE rowid = 2")  # a line missing
    assert staged(edited.serialize(), part.records) is None
