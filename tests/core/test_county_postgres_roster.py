"""On PostgreSQL, as on SQLite, officers a station got from the county's roster (origin: the
county's region code) travel with its bundle, are inserted when new and are never rewritten, and a
region code that is a station's own code is that station's, not the roster's."""

from __future__ import annotations

from pathlib import Path

import psycopg

from station_app.store.models import Officer, database_proxy
from station_app.store.sync_columns import stamp_new

from .test_county_postgres_merge import ServerCounty
from .test_sync_helpers import Site, part_lines
from .test_sync_hostile_ownership import _one, forge


def add_officer(site: Site, name: str, origin: str) -> str:
    with site.open() as (_, ctx), database_proxy.atomic():
        officer = Officer(name=name, station_code=site.code, active=True)
        stamp_new(officer, origin, ctx.clock.utcnow())
        officer.save(force_insert=True)
        return str(officer.uid)


def officer(url: str, uid: str) -> tuple[object, ...]:
    with psycopg.connect(url) as connection:
        row = connection.execute(
            "SELECT name, version, origin FROM officer WHERE uid = %s", (uid,)
        ).fetchone()
        assert row is not None
        return tuple(row)


def test_roster_rows_travel_and_a_station_coded_like_a_region_owns_its_rows(
    tmp_path: Path, postgres_url: str
) -> None:
    jia = Site(tmp_path / "jia", "TJ001", "甲站")
    coded = Site(tmp_path / "coded", "511922", "丙站")  # a station whose code looks like a region
    county = ServerCounty(tmp_path / "county", postgres_url)
    jia.demo(complaints=2, visits=1, seed=1)
    coded.demo(complaints=1, visits=1, seed=3)
    uid = add_officer(jia, "花名册联络员", "511921")
    bundle = jia.export(tmp_path / "usb")
    first = coded.export(tmp_path / "usb")
    reports = county.import_(bundle, first)
    assert [r.status for r in reports] == ["imported", "imported"], [r.message for r in reports]
    assert officer(postgres_url, uid) == ("花名册联络员", 1, "511921")

    jia.demo(complaints=1, visits=1, seed=2)
    second = jia.export(tmp_path / "usb")
    row = _one(part_lines(bundle, "officer"), uid=uid)
    # the county's own row sent back changed: imported, the row kept as it is
    forged = {**row, "origin": "511921", "version": 3, "name": "改名"}
    kept = forge(jia, second, tmp_path / "kept.stbundle",
                 lambda parts: parts.setdefault("officer", []).append(forged))  # fmt: skip
    (report,) = county.import_(kept)
    assert report.status == "imported", report.message
    assert officer(postgres_url, uid) == ("花名册联络员", 1, "511921")
    # a new officer claimed for the station coded 511922: that station's, not the roster's
    claimed = {**row, "uid": "f" * 32, "origin": "511922", "name": "冒名联络员"}
    bad = forge(jia, second, tmp_path / "bad.stbundle",
                lambda parts: parts.setdefault("officer", []).append(claimed), seq=9)  # fmt: skip
    (report,) = county.import_(bad)
    assert report.status == "refused"
    assert "注明属于丙站（511922），甲站（TJ001）无权写入" in report.message
