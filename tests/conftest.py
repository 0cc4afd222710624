"""Shared fixtures: every test gets its own data directory and database, and a fixed clock."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from station_app.clock import FixedClock  # noqa: E402
from station_app.installation import Installation, init_station, open_installation  # noqa: E402
from station_app.registry.complaints import ComplaintDraft  # noqa: E402
from station_app.registry.context import Context  # noqa: E402
from station_app.registry.people import PersonDraft  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REGIONS_CSV = SHARED_DATA / "regions" / "sichuan_tongjiang_511921_villages_2021.csv"
STATION_CODE = "TJ001"
STATION_NAME = "通江县诺江镇消费维权服务站"


@pytest.fixture
def clock() -> FixedClock:
    """Friday 20 November 2026, 10:00 China time (tests never read the real date)."""
    return FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a closed or open SQLite database, its WAL included (online backup)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.closing(sqlite3.connect(source)) as origin,
        contextlib.closing(sqlite3.connect(target)) as copied,
    ):
        origin.backup(copied)


@pytest.fixture(scope="session")
def station_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[FixedClock], Path]:
    """The database of a migrated, initialised station, built once per clock time and session.

    Migrating a fresh database costs far more than copying one; every test still gets its own
    copy (see ``installation``). The template's data directory holds no signing key.
    """
    built: dict[dt.datetime, Path] = {}

    def template(clock: FixedClock) -> Path:
        if clock.local not in built:
            root = tmp_path_factory.mktemp("station-template")
            inst = open_installation(root)
            try:
                init_station(inst, code=STATION_CODE, name=STATION_NAME, county_code="511921",
                             clock=FixedClock(local=clock.local))  # fmt: skip
            finally:
                inst.close()
            built[clock.local] = inst.paths.database
        return built[clock.local]

    return template


@pytest.fixture
def installation(
    tmp_path: Path, clock: FixedClock, station_template: Callable[[FixedClock], Path]
) -> Iterator[Installation]:
    """A fresh, initialised station installation in a temporary data directory (a copy of the
    session's template database, so each test has its own file)."""
    copy_database(station_template(clock), tmp_path / "data" / "station.sqlite3")
    inst = open_installation(tmp_path / "data")
    yield inst
    inst.close()


@pytest.fixture
def ctx(installation: Installation, clock: FixedClock) -> Context:
    return installation.context(actor="王联络员", clock=clock)


def complaint_draft(**overrides: object) -> ComplaintDraft:
    """A valid complaint as an officer would type it; ``overrides`` change single fields."""
    values: dict[str, object] = {
        "received_at": dt.datetime(2026, 11, 18, 9, 30),
        "channel": "visit",
        "complainants": [
            PersonDraft(name="李桂兰", phone="13881234567", village_code="511921100201")
        ],
        "respondent_name": "通江县诺江镇惠民农资店",
        "respondent_credit_code": "91110108551385082Q",
        "subject": "复合肥",
        "category_code": "G10",
        "natures": ["quality"],
        "facts": "购买的复合肥结块严重，施用后玉米苗发黄，店主拒绝退货。",
        "demands": ["refund"],
        "amount_paid_fen": 36000,
    }
    values.update(overrides)
    return ComplaintDraft(**values)  # type: ignore[arg-type]


@pytest.fixture
def make_complaint_draft():  # type: ignore[no-untyped-def]
    return complaint_draft
