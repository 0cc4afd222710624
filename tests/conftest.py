"""Shared fixtures: every test gets its own data directory and database, and a fixed clock."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from station_app.clock import FixedClock  # noqa: E402
from station_app.installation import (  # noqa: E402
    Installation,
    NewHead,
    init_station,
    open_installation,
)
from station_app.registry.complaints import ComplaintDraft  # noqa: E402
from station_app.registry.context import Context  # noqa: E402
from station_app.registry.people import PersonDraft  # noqa: E402
from station_app.roster.extensions import apply_saved_code_rows  # noqa: E402
from station_app.security import kdf  # noqa: E402
from station_app.security.accounts import held_keys, remember, unlocked_key  # noqa: E402
from station_app.security.keyfile import DataKey, KeyFile  # noqa: E402
from station_app.store.database import current_key  # noqa: E402
from station_app.store.driver import open_raw  # noqa: E402

from .credentials import TEST_HEAD_NAME, TEST_LOGIN, TEST_PASSWORD  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REGIONS_CSV = SHARED_DATA / "regions" / "sichuan_tongjiang_511921_villages_2021.csv"
STATION_CODE = "TJ001"
STATION_NAME = "通江县诺江镇消费维权服务站"

# Installations the fixtures build are encrypted like real ones, with cheap argon2id parameters
# (selectable only under pytest) and one test password; the ``station`` command, in this process
# or a child, finds that password through STATION_PASSWORD_FILE.
kdf.use_test_parameters()
_PASSWORD_FILE = Path(tempfile.mkdtemp(prefix="station-test-")) / "password.txt"
_PASSWORD_FILE.write_text(TEST_PASSWORD + "\n", encoding="utf-8")
os.environ["STATION_PASSWORD_FILE"] = str(_PASSWORD_FILE)
TEST_HEAD = NewHead(TEST_LOGIN, TEST_HEAD_NAME, TEST_PASSWORD)


@pytest.fixture(autouse=True)
def keep_unlocked_keys() -> Iterator[None]:
    """The data keys this process held before a test (the session's templates') are held
    after it, even when the test locked everything (``forget_keys``)."""
    before = [(key.raw, key.key_id) for key in held_keys()]
    yield
    for raw, key_id in before:
        if unlocked_key(key_id) is None:
            remember(DataKey(raw, key_id))


@pytest.fixture
def clock() -> FixedClock:
    """Friday 20 November 2026, 10:00 China time (tests never read the real date)."""
    return FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))


def _key_file_of(path: Path) -> Path | None:
    """The key file of the installation ``path`` (its database, or a backup) belongs to."""
    for folder in (path.parent, path.parent.parent):
        if (folder / "station.keys").exists():
            return folder / "station.keys"
    return None


def connect_raw(path: Path, **options: Any) -> Any:
    """A DB-API connection on a test database or backup: keyed when the installation it belongs
    to is encrypted (its key unlocked in this process), plain otherwise."""
    key_file = _key_file_of(path)
    key = unlocked_key(KeyFile.load(key_file).key_id) if key_file is not None else None
    if key is None and _encrypted(path):  # a backup away from its installation
        key = current_key()
    return open_raw(path, key, **options)


def _encrypted(path: Path) -> bool:
    """Whether ``path`` holds a database that is not plain SQLite (SQLCipher's has no header)."""
    try:
        with path.open("rb") as reader:
            header = reader.read(16)
    except OSError:
        return False
    return bool(header) and header != b"SQLite format 3\x00"


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a closed or open SQLite database, its WAL included (online backup).

    An encrypted database is copied encrypted, with its key file beside the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    key_file = _key_file_of(source)
    if key_file is not None and target.name == "station.sqlite3":
        # the copy replaces the database whole: one under another key cannot be written into
        for stale in (target, target.with_name(target.name + "-wal"),
                      target.with_name(target.name + "-shm")):  # fmt: skip
            stale.unlink(missing_ok=True)
        shutil.copyfile(key_file, target.parent / "station.keys")
    with (
        contextlib.closing(connect_raw(source)) as origin,
        contextlib.closing(connect_raw(target)) as copied,
    ):
        origin.backup(copied)


def copy_folder(source: Path, target: Path) -> None:
    """Everything under ``source`` into ``target``; databases through SQLite's online backup, so
    a WAL not yet checkpointed is included (its -wal and -shm files are not copied as files)."""

    def copy_file(origin: str, destination: str) -> None:
        if origin.endswith((".sqlite3-wal", ".sqlite3-shm")):
            return
        if origin.endswith(".sqlite3"):
            copy_database(Path(origin), Path(destination))
            return
        shutil.copy2(origin, destination)

    shutil.copytree(source, target, copy_function=copy_file, dirs_exist_ok=True)


ACTOR = "王联络员"
Fill = Callable[[Context], object]


@pytest.fixture(scope="session")
def station_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., Path]:
    """``station_template(clock, fill=None)``: the database of a migrated, initialised station,
    with the records ``fill(ctx)`` writes (as the ``ctx`` fixture's officer, at ``clock``'s time),
    built once per session for each clock time and fill.

    Migrating a fresh database and writing the same records for each test costs far more than
    copying a database; every test still gets its own copy (``installation``, ``use_template``).
    The template's data directory holds no signing key.
    """
    built: dict[tuple[dt.datetime, Fill | None], Path] = {}

    def template(clock: FixedClock, fill: Fill | None = None) -> Path:
        key = (clock.local, fill)
        if key not in built:
            root = tmp_path_factory.mktemp("station-template")
            own_clock = FixedClock(local=clock.local)
            if fill is not None:
                copy_database(template(clock), root / "station.sqlite3")
            inst = open_installation(root, None if fill is not None else TEST_HEAD)
            try:
                if fill is None:
                    init_station(inst, code=STATION_CODE, name=STATION_NAME,
                                 county_code="511921", clock=own_clock)  # fmt: skip
                else:
                    fill(inst.context(actor=ACTOR, clock=own_clock))
            finally:
                inst.close()
            if own_clock.local != clock.local:
                raise RuntimeError(f"{fill} moved the clock: a template cannot stand in for it")
            built[key] = inst.paths.database
        return built[key]

    return template


def use_template(installation: Installation, database: Path) -> None:
    """Replace the (closed, then reopened) installation's database with a copy of ``database``."""
    installation.close()
    copy_database(database, installation.paths.database)
    installation.reopen()
    apply_saved_code_rows()


ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "both_engines: run the test twice, its installation on SQLite and on a real PostgreSQL",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("both_engines") and (
        "installation" in metafunc.fixturenames
    ):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine of the test's installation: "sqlite", or "postgresql" (``both_engines``)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def installation(
    tmp_path: Path,
    clock: FixedClock,
    station_template: Callable[..., Path],
    engine: str,
    request: pytest.FixtureRequest,
) -> Iterator[Installation]:
    """A fresh, initialised station installation in a temporary data directory (a copy of the
    session's template database, so each test has its own file). In a test marked
    ``both_engines``, also (``engine`` = "postgresql") the same installation on a new database
    of the session's PostgreSQL server."""
    if engine == "postgresql":
        from station_app.store.postgres import ServerSettings

        url = request.getfixturevalue("postgres_url")
        inst = open_installation(tmp_path / "data", server=ServerSettings(url))
        init_station(inst, code=STATION_CODE, name=STATION_NAME, county_code="511921",
                     clock=FixedClock(local=clock.local))  # fmt: skip
    else:
        copy_database(station_template(clock), tmp_path / "data" / "station.sqlite3")
        inst = open_installation(tmp_path / "data")
    yield inst
    inst.close()


def fill_installation(
    installation: Installation, template: Callable[..., Path], clock: FixedClock, fill: Fill
) -> None:
    """Give ``installation`` the records ``fill`` writes: a copy of the session's template on
    SQLite, ``fill`` itself on PostgreSQL (no file to copy)."""
    if installation.server is None:
        use_template(installation, template(clock, fill))
        return
    fill(installation.context(actor=ACTOR, clock=FixedClock(local=clock.local)))


@pytest.fixture
def ctx(installation: Installation, clock: FixedClock) -> Context:
    return installation.context(actor=ACTOR, clock=clock)


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


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process as soon as pytest has reported, without Python's own finalisation.

    After the whole GUI suite, the garbage collection that runs while the interpreter shuts down
    aborts with "bool_dealloc: deallocating True or False" (a reference-count error in a C
    extension, PySide6/shiboken by every sign: the abort comes from a type's dict being cleared
    during module teardown, after every test has passed and the summary is printed). Nothing a
    test checks happens after this point, so the process leaves here with pytest's own status;
    STATION_TESTS_FINALIZE=1 keeps the normal shutdown (to look at that abort).
    """
    if os.environ.get("STATION_TESTS_FINALIZE") == "1" or not _EXIT_STATUS:
        return
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_STATUS[-1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A real PostgreSQL server for the session (tests/postgres_server.py); skipped when absent,
    except under CI=true, where its absence fails."""
    from tests.postgres_server import require_postgres, running_server

    require_postgres()
    with running_server() as server:
        yield server


@pytest.fixture(scope="module", params=ENGINES)
def county_databases(request: pytest.FixtureRequest) -> Callable[[str], str | None]:
    """The tests of a module that request it run once per engine of the county: ``new(hint)``
    is None on SQLite (a county Site keeps its own file), or on PostgreSQL the URL of a new,
    empty database of the session's server (``tests.core.test_sync_helpers.county_site``)."""
    if request.param == "sqlite":
        return lambda hint: None
    from tests.postgres_server import PostgresServer

    server = request.getfixturevalue("postgres_server")
    assert isinstance(server, PostgresServer)
    return lambda hint: server.create_database(server.fresh_name(hint))


@pytest.fixture
def postgres_url(postgres_server: object, request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty database on the session's PostgreSQL server, for this test."""
    from tests.postgres_server import PostgresServer

    assert isinstance(postgres_server, PostgresServer)
    return postgres_server.create_database(postgres_server.fresh_name(request.node.name))
