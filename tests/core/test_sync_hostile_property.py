"""Property: whatever passes the row checks can never crash the county's work.

Rows are generated from the tables' own column rules (``station_app.sync.row_checks``: the types,
lengths, ranges and code lists the models give), so they are valid by construction and owned by
the sending station; each example is imported at a county through a real signed bundle, then the
county runs the ledger, the indicators, the complaint and visit lists in every order, search, the
sync overview, the conflict list and the receipt export over everything imported so far.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.registry.listing import (
    COMPLAINT_SORTS,
    ComplaintFilter,
    count_complaints,
    count_visits,
    list_complaints,
    list_visits,
)
from station_app.registry.search import search_complaints
from station_app.reports.indicators import compute_indicators
from station_app.reports.ledger import write_ledger
from station_app.sync.bundle_crypto import opened
from station_app.sync.county import list_conflicts, stations_sync_state
from station_app.sync.merge import import_bundles
from station_app.sync.overview import complaint_load_by_origin
from station_app.sync.read_ahead import code_params, read_clean, scratch_database
from station_app.sync.receipts import export_receipt
from station_app.sync.row_checks import ColumnRule, checker_for, known_codes
from station_app.sync.tables import synced_tables

from .test_sync_helpers import Site
from .test_sync_hostile_ownership import Parts, forge
from .test_sync_read_ahead import lines_in

STATION = "TJ001"
MONTH = "2026-11"
_CONTROL = "".join(chr(c) for c in range(32) if c not in (9, 10, 13))
_TEXT = st.characters(blacklist_categories=("Cs",), blacklist_characters=_CONTROL)
_NEAR = st.dates(dt.date(2025, 10, 1), dt.date(2026, 12, 31))  # most rows fall in the months read
_ANY_DATE = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))
_SEQ = itertools.count(100)


def _date_text(draw: st.DrawFn) -> str:
    return draw(st.one_of(_NEAR, _NEAR, _ANY_DATE)).isoformat()


def _datetime_text(draw: st.DrawFn, rule: ColumnRule) -> str:
    day = dt.date.fromisoformat(_date_text(draw))
    moment = dt.datetime.combine(day, draw(st.times()))
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    if draw(st.booleans()):
        text += f".{moment.microsecond:06d}"
    if rule.utc and draw(st.booleans()):
        text += "+00:00"
    return text


def _value(draw: st.DrawFn, table: str, rule: ColumnRule, parents: dict[str, list[str]]) -> Any:
    references = checker_for(_tables()[table]).table.references
    if rule.name in references:
        choices = parents[references[rule.name]]
        return draw(st.sampled_from(choices + ([None] if rule.null else [])))
    if rule.null and draw(st.integers(0, 4)) == 0:
        return None
    if rule.kind == "uid":
        return draw(st.text("0123456789abcdef", min_size=32, max_size=32))
    if rule.kind == "flag":
        return draw(st.sampled_from([0, 1, True, False]))
    if rule.kind == "integer":
        assert rule.low is not None and rule.high is not None
        return draw(st.integers(rule.low, rule.high))
    if rule.kind == "date":
        return _date_text(draw)
    if rule.kind == "datetime":
        return _datetime_text(draw, rule)
    multi = {"natures": "nature", "demands": "demand"}.get(rule.name)
    if table == "complaint" and multi:
        codes = sorted(known_codes(multi))
        return ",".join(draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True)))
    if rule.codes:
        return draw(st.sampled_from(sorted(known_codes(rule.codes))))
    assert rule.kind == "text" and rule.max_length is not None
    return draw(st.text(_TEXT, max_size=min(rule.max_length, 60)))


def _tables() -> dict[str, Any]:
    return {t.name: t for t in synced_tables()}


@st.composite
def station_rows(draw: st.DrawFn) -> dict[str, list[dict[str, Any]]]:
    """1–2 rows of every synced table, children under the generated parents, owned by 甲."""
    parts: dict[str, list[dict[str, Any]]] = {}
    parents: dict[str, list[str]] = {}
    for table in synced_tables():
        rows = []
        for _ in range(draw(st.integers(1, 2))):
            row = {r.name: _value(draw, table.name, r, parents) for r in checker_for(table).rules}
            row["origin"] = STATION
            row["uid"] = uuid.uuid4().hex  # unique: a part holds each record once
            if table.name == "station":
                row["code"] = STATION
            if table.name == "officer":
                row["station_code"] = STATION
            if table.name == "mediation_pause" and (row["ended_on"] or "") < row["started_on"]:
                row["ended_on"] = None  # consistent (row_checks.CONSISTENCY): still under way
            if table.name == "instrument_check" and row["failed"] > row["checked"]:
                row["failed"] = row["checked"]  # consistent (row_checks.CONSISTENCY)
            if "number" in row:  # unique: a clash would only be kept aside as a conflict
                row["number"] = row["uid"]
            rows.append(row)
        parts[table.name] = rows
        parents[table.name] = [r["uid"] for r in rows]
    return parts


@pytest.fixture(scope="module")
def county_and_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Site, Path]:
    root = tmp_path_factory.mktemp("property")
    station = Site(root / "jia", STATION, "甲站")
    county = Site(root / "county", "XIAN", "通江县消协", role="county")
    station.demo(complaints=2, visits=1, seed=1)
    first = station.export(root / "usb")
    (report,) = county.import_(first)
    assert report.status == "imported"
    return station, county, first


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],  # fmt: skip
)
@given(rows=station_rows())
def test_valid_rows_never_crash_the_countys_work(
    county_and_template: tuple[Site, Site, Path], tmp_path_factory: pytest.TempPathFactory,
    rows: dict[str, list[dict[str, Any]]],
) -> None:  # fmt: skip
    station, county, template = county_and_template
    out = tmp_path_factory.mktemp("example")

    def replace(parts: Parts) -> None:
        parts.clear()
        parts.update(rows)

    bundle = forge(station, template, out / "TJ001_gen.stbundle", replace, seq=next(_SEQ))
    with county.open() as (inst, ctx):
        (report,) = import_bundles(ctx, inst.paths, [bundle])
        assert report.status == "imported", report.message
        months = {MONTH} | {str(r["received_at"])[:7] for r in rows["complaint"]}
        for month in sorted(months):
            write_ledger(month, out / f"ledger-{month}.xlsx", ctx=ctx)
            compute_indicators(month)
        for sort in COMPLAINT_SORTS:
            for descending in (True, False):
                page = list_complaints(ComplaintFilter(), sort=sort, descending=descending)
                assert len(page.rows) <= count_complaints(ComplaintFilter())
        list_complaints(ComplaintFilter(month=MONTH, origin=STATION))
        list_visits()
        count_visits()
        for complaint in rows["complaint"]:
            for text in (complaint["subject"][:2], complaint["subject"][:5], complaint["number"]):
                if text.strip():
                    search_complaints(text)
        complaint_load_by_origin(dt.date(2026, 11, 20))
        stations_sync_state()
        list_conflicts(include_resolved=True)
        export_receipt(ctx, inst.paths, out / "receipts")
        # the read-ahead's child (sync.read_ahead) vouches for what the merge accepted, row for row
        with opened(inst.paths, bundle) as (plain, _sealed):
            answer = read_clean(scratch_database("sqlite3"), plain, code_params())
    assert answer is not None
    assert {
        name[len("parts/") : -len(".ndjson")]: lines_in(r) for name, r in answer[1].items()
    } == {table: len(records) for table, records in rows.items() if records}
