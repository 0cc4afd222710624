"""A station's correctly signed bundle never touches another station's records at the county.

Each test forges a bundle the way a hostile station could: it edits the parts of its own bundle,
recomputes the manifest's hashes and counts and signs it with its own (pinned) key. The county
refuses the whole bundle, naming the table, the row and its owner, and stays unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from station_app.store.sync_columns import stamp_new
from station_app.sync.county import pinned_key

from ..conftest import connect_raw
from .test_sync_helpers import (
    Site,
    copy_setting,
    count_rows,
    dump_all,
    manifest_of,
    opened_zip,
    part_lines,
    unsealed_copy,
)
from .test_sync_refusals import refused, rewrite, sign_as

Parts = dict[str, list[object]]  # table → its lines: a dict (a record) or bytes (a raw line)


def forge(
    station: Site,
    bundle: Path,
    target: Path,
    edit: Callable[[Parts], None],
    *,
    seq: int | None = None,
) -> Path:
    """A copy of ``bundle`` with its parts edited by ``edit``, re-hashed and signed by ``station``.

    ``edit`` gets every part's records (tables without a part get an empty list) and changes them
    in place; a record may be replaced by raw bytes (a line that is not JSON)."""
    manifest = manifest_of(bundle)
    with opened_zip(bundle) as archive:
        names = [n for n in archive.namelist() if n.startswith("parts/")]
    parts: Parts = {n[len("parts/") : -len(".ndjson")]: [] for n in names}
    for table in parts:
        parts[table] = list(part_lines(bundle, table))
    edit(parts)
    entries: dict[str, bytes | None] = {n: None for n in names}  # parts the edit dropped
    listed = []
    old = {p["table"]: p for p in manifest["parts"]}  # type: ignore[attr-defined,index]
    for table, records in parts.items():
        name = f"parts/{table}.ndjson"
        if not records:
            entries[name] = None
            continue
        data = b"".join(
            (r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records
        )
        entries[name] = data
        listed.append(
            {
                "name": name,
                "table": table,
                "records": len(records),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "references": old.get(table, {}).get("references", {}),
            }
        )
    manifest["parts"] = listed
    if seq is not None:  # another bundle number (a new bundle, not a copy of this one)
        manifest["seq"] = seq
    manifest["records"] = sum(p["records"] for p in listed)  # type: ignore[misc]
    change = {**entries, **sign_as(station, manifest)}
    add = {n: d for n, d in entries.items() if d is not None and n not in names}
    return rewrite(bundle, target, change={k: v for k, v in change.items() if k not in add},
                   add=add)  # fmt: skip


@pytest.fixture(scope="module")
def two_stations_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, tuple[Site, Site, Site, Path, Path]]:
    """甲 (TJ001) and 乙 (TJ002), both imported at the county; 甲's next bundle to forge, and 乙's
    first bundle (where 乙's records are read from). Built once per module; each test gets a copy
    (``two_stations``)."""
    tmp_path = tmp_path_factory.mktemp("two-stations")
    jia = Site(tmp_path / "jia", "TJ001", "甲站")
    yi = Site(tmp_path / "yi", "TJ002", "乙站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    jia.demo(complaints=8, visits=4, seed=1)
    yi.demo(complaints=8, visits=4, seed=2)
    yi_bundle = yi.export(tmp_path / "usb")
    reports = county.import_(jia.export(tmp_path / "usb"), yi_bundle)
    assert [r.status for r in reports] == ["imported", "imported"]
    jia.demo(complaints=2, visits=1, seed=3)
    # edited by hand below: the plain signed zips inside the sealed files
    return tmp_path, (jia, yi, county, unsealed_copy(jia.export(tmp_path / "usb")),
                      unsealed_copy(yi_bundle))  # fmt: skip


@pytest.fixture
def two_stations(
    two_stations_template: tuple[Path, tuple[Site, Site, Site, Path, Path]], tmp_path: Path
) -> tuple[Site, Site, Site, Path, Path]:
    source, built = two_stations_template
    return copy_setting(source, built, tmp_path)  # type: ignore[return-value]


def _one(records: list[object], **match: object) -> dict[str, object]:
    found = [r for r in records if isinstance(r, dict) and all(r[k] == v for k, v in match.items())]
    assert found, match
    return dict(found[0])


def test_rewriting_another_stations_complaint(two_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jia, yi, county, bundle, yi_bundle = two_stations
    theirs = _one(part_lines(yi_bundle, "complaint"))
    forged = {**theirs, "origin": "TJ001", "version": 5, "facts": "改写"}
    bad = forge(jia, bundle, tmp_path / "a.stbundle",
                lambda parts: parts["complaint"].append(forged))  # fmt: skip
    reason = refused(county, bad)
    assert f"“complaint”中的记录 {theirs['uid']} 在本库中属于乙站（TJ002）" in reason
    assert "甲站（TJ001）无权写入" in reason


def test_tombstoning_another_stations_complaint(two_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jia, yi, county, bundle, yi_bundle = two_stations
    theirs = _one(part_lines(yi_bundle, "complaint"))
    # as its owner's row (origin kept), and as if the sender owned it
    for n, origin in enumerate(("TJ002", "TJ001")):
        forged = {**theirs, "origin": origin, "version": 2, "deleted": 1}
        bad = forge(jia, bundle, tmp_path / f"t{n}.stbundle",
                    lambda parts, f=forged: parts["complaint"].append(f))  # fmt: skip
        reason = refused(county, bad)
        assert f"“complaint”中的记录 {theirs['uid']}" in reason and "乙站（TJ002）" in reason


def test_inserting_a_complaint_that_claims_another_station(two_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jia, yi, county, bundle, _ = two_stations
    mine = _one(part_lines(bundle, "complaint"))
    forged = {**mine, "uid": "ab" * 16, "origin": "TJ002", "number": "TJ002-2026-9999"}
    bad = forge(jia, bundle, tmp_path / "c.stbundle",
                lambda parts: parts["complaint"].append(forged))  # fmt: skip
    reason = refused(county, bad)
    assert f"“complaint”中的记录 {'ab' * 16} 注明属于乙站（TJ002），甲站（TJ001）无权写入" in reason


@pytest.mark.parametrize("child", ["follow_up", "complainant", "mediation_step"])
def test_children_under_another_stations_complaint(
    two_stations, tmp_path: Path, child: str
) -> None:  # type: ignore[no-untyped-def]
    jia, yi, county, bundle, yi_bundle = two_stations
    theirs = _one(part_lines(yi_bundle, "complaint"))
    full = jia.export(tmp_path / "full", full=True)
    template = _one(part_lines(full, child))
    forged = {**template, "uid": "cd" * 16, "complaint_id": theirs["uid"]}
    if child == "complainant":  # a person of the sender, so only the complaint is foreign
        forged["person_id"] = template["person_id"]

    def edit(parts: Parts) -> None:
        parts.setdefault(child, []).append(forged)
        if child == "complainant":
            person = _one(part_lines(full, "person"), uid=template["person_id"])
            parts.setdefault("person", []).append(person)

    bad = forge(jia, bundle, tmp_path / "f.stbundle", edit)
    reason = refused(county, bad)
    assert (
        f"“{child}”中的记录 {'cd' * 16} 挂在乙站（TJ002）的“complaint”记录 {theirs['uid']} 下"
        in reason
    )


def test_another_stations_station_and_officer_rows(two_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    jia, yi, county, bundle, yi_bundle = two_stations
    yi_full = yi.export(tmp_path / "yi_full", full=True)
    for table in ("station", "officer"):
        theirs = _one(part_lines(yi_full, table))
        forged = {**theirs, "origin": "TJ001", "version": 9, "name": "改名"}
        bad = forge(jia, bundle, tmp_path / f"{table}.stbundle",
                    lambda parts, t=table, f=forged: parts.setdefault(t, []).append(f))  # fmt: skip
        reason = refused(county, bad)
        assert f"“{table}”中的记录 {theirs['uid']} 在本库中属于乙站（TJ002）" in reason
    # an officer (or station row) of the sender's own that says it belongs to the other station
    mine = _one(part_lines(jia.export(tmp_path / "jia_full", full=True), "officer"))
    forged = {**mine, "uid": "ef" * 16, "station_code": "TJ002"}
    bad = forge(jia, bundle, tmp_path / "o.stbundle",
                lambda parts: parts.setdefault("officer", []).append(forged))  # fmt: skip
    assert f"“officer”中的记录 {'ef' * 16} 注明属于乙站（TJ002）" in refused(county, bad)


def test_a_fresh_county_refuses_another_stations_records(tmp_path: Path) -> None:
    jia = Site(tmp_path / "jia", "TJ001", "甲站")
    yi = Site(tmp_path / "yi", "TJ002", "乙站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    jia.demo(complaints=3, visits=1, seed=1)
    yi.demo(complaints=3, visits=1, seed=2)
    yi_bundle = yi.export(tmp_path / "usb")
    bundle = jia.export(tmp_path / "usb")
    county.confirm_key_of(jia)  # 甲's key is known; what it signs is checked all the same

    def carry_yi(parts: Parts) -> None:  # 乙's whole bundle inside 甲's
        for table in parts:
            parts[table] = []
        with opened_zip(yi_bundle) as archive:
            for name in archive.namelist():
                if name.startswith("parts/"):
                    table = name[len("parts/") : -len(".ndjson")]
                    parts[table] = list(part_lines(yi_bundle, table))

    bad = forge(jia, bundle, tmp_path / "x.stbundle", carry_yi)
    reason = refused(county, bad)
    assert "注明属于TJ002，甲站（TJ001）无权写入" in reason and "“station”中的记录" in reason
    with county.open():  # the key confirmed by phone was not completed by this bundle either
        key = pinned_key("TJ001")
    assert key is not None and not key.confirmed


def test_county_owned_roster_rows_travel_but_are_never_rewritten(tmp_path: Path) -> None:
    """Officers a station got from the county's roster (origin: the county) come with the
    station's bundle and are inserted at the county when new; a station cannot change them."""
    jia = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    jia.demo(complaints=3, visits=1, seed=1)
    from station_app.store.models import Officer, database_proxy

    with jia.open() as (_, ctx), database_proxy.atomic():
        officer = Officer(name="花名册联络员", station_code="TJ001", active=True)
        stamp_new(officer, "511921", ctx.clock.utcnow())
        officer.save(force_insert=True)
        uid = officer.uid
    bundle = jia.export(tmp_path / "usb")
    (report,) = county.import_(bundle)
    assert report.status == "imported", report.message
    assert count_rows(county.database, "officer", "511921") == 1

    jia.demo(complaints=1, visits=1, seed=2)
    second = jia.export(tmp_path / "usb")
    row = _one(part_lines(bundle, "officer"), uid=uid)
    for n, origin in enumerate(("TJ001", "511921")):
        forged = {**row, "origin": origin, "version": 3, "name": "改名"}
        bad = forge(jia, second, tmp_path / f"r{n}.stbundle",
                    lambda parts, f=forged: parts.setdefault("officer", []).append(f))  # fmt: skip
        if origin == "TJ001":  # the station claims the county's row
            reason = refused(county, bad)
            assert f"“officer”中的记录 {uid} 在本库中属于511921，甲站（TJ001）无权写入" in reason
        else:  # the county's own row, sent back changed: kept as it is
            (result,) = county.import_(bad)
            assert result.status == "imported", result.message
    with county.open() as _:
        kept = Officer.get(Officer.uid == uid)
        assert (kept.name, kept.version, kept.origin) == ("花名册联络员", 1, "511921")


def test_a_kept_conflict_cannot_bring_in_another_stations_row(two_stations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A conflict kept by an older version of the program (before ownership was checked) that
    holds another station's row is not written when a clerk picks the station's version."""

    from station_app.sync.bundle_format import SyncError
    from station_app.sync.county import list_conflicts, resolve_conflict

    jia, yi, county, bundle, yi_bundle = two_stations
    theirs = {**_one(part_lines(yi_bundle, "complaint")), "origin": "TJ001", "version": 9}
    with connect_raw(county.database) as connection:
        connection.execute(
            "INSERT INTO sync_conflict (table_name, record_uid, station_code, bundle_seq, kind,"
            " mine, theirs, theirs_sha256, detected_at) VALUES ('complaint', ?, 'TJ001', 2,"
            " 'same_version', NULL, ?, ?, '2026-11-20 02:00:00')",
            (theirs["uid"], json.dumps(theirs, ensure_ascii=False), "0" * 64),
        )
    before = dump_all(county.database)
    with county.open() as (_, ctx):
        (conflict,) = list_conflicts()
        with pytest.raises(SyncError, match=f"服务站版本的记录（{theirs['uid']}）不属于甲站"):
            resolve_conflict(ctx, conflict.id, "theirs")
    assert dump_all(county.database) == before
