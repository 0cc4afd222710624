"""The county's roster goes down to its stations and comes back inside their bundles: the roster
rows a station sends back (its copies of county-owned rows) are the county's own rows, never a
second copy at the county and never a conflict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from station_app.store.models import Business, Officer, Station
from station_app.sync.county import list_conflicts

from .test_roster_import import full_roster
from .test_sync_helpers import Site, county_site


def _roster_rows() -> dict[str, list[tuple[str, str]]]:
    """(uid, roster key) of every roster row, by table."""
    return {
        "station": sorted((s.uid, s.code) for s in Station.select()),
        "officer": sorted((o.uid, f"{o.station_code}/{o.name}") for o in Officer.select()),
        "business": sorted(
            (b.uid, b.name) for b in Business.select().where(Business.origin == "511921")
        ),
    }


def test_stations_bundles_after_the_county_s_roster_add_no_copy_and_no_conflict(
    tmp_path: Path, county_databases: Callable[[str], str | None], request: pytest.FixtureRequest
) -> None:
    from station_app.roster.export import export_roster
    from station_app.roster.roster_import import apply_roster, read_roster

    county = county_site(
        tmp_path / "county", county_databases(request.node.name), "XIAN", "通江县消协"
    )
    stations = [Site(tmp_path / "jia", "TJ001", "甲站"), Site(tmp_path / "yi", "TJ002", "乙站")]
    with county.open() as (_, ctx):
        apply_roster(read_roster(full_roster(tmp_path / "county-roster.xlsx")), ctx=ctx)
        roster = export_roster(tmp_path / "roster.xlsx")
        county_rows = _roster_rows()
    assert sorted(key for _, key in county_rows["station"]) == ["TJ001", "TJ002", "XIAN"]
    assert len(county_rows["officer"]) == 2 and len(county_rows["business"]) == 3
    bundles = []
    for n, station in enumerate(stations):
        with station.open() as (_, ctx):
            preview = read_roster(roster)
            assert not [e for e in preview.errors if e.fatal], preview.errors
            apply_roster(preview, ctx=ctx)
            mine = _roster_rows()
        # the same roster rows under the same uids as at the county (the station's own station
        # row keeps the uid it was set up with)
        assert mine["officer"] == county_rows["officer"]
        assert mine["business"] == county_rows["business"]
        station.demo(complaints=3, visits=2, seed=5 + n)
        bundles.append(station.export(tmp_path / "usb"))
    reports = county.import_(*bundles)
    assert [r.status for r in reports] == ["imported", "imported"], [r.message for r in reports]
    assert [r.total("conflicts") for r in reports] == [0, 0], [r.lines() for r in reports]
    with county.open():
        assert list_conflicts() == []
        after = _roster_rows()
    assert after == county_rows  # no second copy of any roster row
