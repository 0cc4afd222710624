"""Helpers shared by the sync tests (stations and a county in separate data directories), and
tests of the small pieces: fingerprints, entry names, table order.

peewee models are bound to one database at a time, so a test moves between installations with
``Site.open()``, which closes the one it opened when the block ends.

A setting (sites, bundles, receipts) that many tests start from is built once per module under
one folder and copied for each test with ``copy_setting``: every test still has its own files.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyrage
import pytest
from pyrage import x25519

from station_app.clock import FixedClock
from station_app.demo import generate_demo
from station_app.installation import Installation, init_station, open_installation
from station_app.registry.context import Context
from station_app.settings import set_setting
from station_app.store.postgres import CountyDatabase, QmarkConnection, ServerSettings
from station_app.sync import bundle_crypto, key_confirm, keys
from station_app.sync.bundle_format import SyncError, entry_problem
from station_app.sync.county import pinned_key
from station_app.sync.tables import SyncTable, q, synced_tables

from ..conftest import TEST_HEAD, connect_raw, copy_folder

START = dt.datetime(2026, 11, 20, 10, 0)

# the county of these tests: every county Site holds it, every station Site seals to it (as if the
# county's roster had brought its public key); a test of "another county" makes its own
COUNTY_IDENTITY = x25519.Identity.generate()


class Site:
    """One installation (a station or the county) in its own data directory."""

    def __init__(
        self, root: Path, code: str, name: str, role: str = "station", *, encrypted: bool = True
    ) -> None:
        self.root = root
        self.code = code
        self.encrypted = encrypted
        self.clock = FixedClock(local=START)
        # encrypted, like a real installation (SQLCipher); else plain SQLite (the benchmarks')
        open_installation(root, TEST_HEAD if encrypted else None).close()
        with self.open() as (inst, _):
            init_station(inst, code=code, name=name, county_code="511921", role=role,
                         clock=self.clock)  # fmt: skip
            use_test_county(inst, role)

    @property
    def database(self) -> Path:
        return self.root / "station.sqlite3"

    @contextlib.contextmanager
    def open(self) -> Iterator[tuple[Installation, Context]]:
        inst = open_installation(self.root)
        try:
            identity = inst.identity()
            ctx = inst.context(actor="测试员", clock=self.clock) if identity else None
            yield inst, ctx  # type: ignore[misc]
        finally:
            inst.close()

    def demo(self, complaints: int, visits: int, seed: int) -> None:
        self.clock.advance(minutes=5)
        with self.open() as (_, ctx):
            generate_demo(ctx, complaints=complaints, visits=visits, seed=seed)

    def export(self, out: Path, *, full: bool = False, masked: bool = False) -> Path:
        from station_app.sync.export import export_bundle

        self.clock.advance(minutes=1)
        with self.open() as (inst, ctx):
            return export_bundle(ctx, inst.paths, out, full=full, masked=masked)

    def import_(self, *files: Path, confirm: bool = True):  # type: ignore[no-untyped-def]
        """Import ``files``; with ``confirm`` the clerk has first confirmed, by phone, the key of
        each station the county has never heard from (``key_confirm.confirm_station_key``)."""
        from station_app.sync.importing import import_bundles

        with self.open() as (inst, ctx):
            if confirm:
                for file in files:
                    confirm_first_contact(ctx, inst, file)
            return import_bundles(ctx, inst.paths, list(files))

    def confirm_key_of(self, station: Site) -> None:
        """The county's clerk confirms ``station``'s key, read over the phone (the station makes
        its key now if it has not exported yet)."""
        with station.open() as (inst, _):
            keys.load_or_create_key(inst.paths)
            fingerprint = keys.existing_fingerprint(inst.paths)
        assert fingerprint is not None
        with self.open() as (inst, ctx):
            key_confirm.confirm_station_key(ctx, inst.paths, station.code, fingerprint)

    def copied_to(self, source: Path, target: Path) -> Site:
        """This site after ``copy_folder(source, target)``: same code, its own clock at the same
        time (signing keys travel with the data directory)."""
        site = copy.copy(self)
        site.root = target / self.root.relative_to(source)
        site.clock = FixedClock(local=self.clock.local)
        return site

    def copy_to(self, target: Path) -> Site:
        """This site in a copy of its (closed) data directory at ``target``, with a copy of its
        database wherever that is."""
        copy_folder(self.root, target)
        return self.copied_to(self.root, target)


class ServerCounty(Site):
    """A county whose installation is on a PostgreSQL database (its data directory keeps only
    the settings, keys, attachments, uploads and logs), on the tests' server (trust on
    127.0.0.1: no password file)."""

    def __init__(self, root: Path, url: str, code: str = "XIAN", name: str = "县消协") -> None:
        self.url = url
        root.mkdir(parents=True, exist_ok=True)
        ServerSettings(url).save(root)
        super().__init__(root, code, name, role="county")
        with self.open() as (inst, _):  # Site.open: the data directory names the server
            assert inst.server is not None and inst.server.url == url

    @property
    def database(self) -> Path:
        raise AssertionError("a county on PostgreSQL has no database file: use connected(site)")

    def copied_to(self, source: Path, target: Path) -> Site:
        """The copied data directory names a copy of this county's database (``CREATE DATABASE
        … TEMPLATE``: fast, and the setting's database untouched; nobody may be connected)."""
        import psycopg
        from psycopg import sql

        site = super().copied_to(source, target)
        assert isinstance(site, ServerCounty)
        parts = urlsplit(self.url)
        name = f"copy_{uuid.uuid4().hex}"
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(parts.path.strip("/"))
                )
            )
        site.url = urlunsplit(parts._replace(path=f"/{name}"))
        ServerSettings(site.url).save(site.root)
        return site


def county_site(root: Path, url: str | None, code: str = "XIAN", name: str = "县消协") -> Site:
    """A county Site on its own SQLite file (``url`` None) or on the PostgreSQL database at
    ``url`` (see the ``county_databases`` fixture)."""
    if url is None:
        return Site(root, code, name, role="county")
    return ServerCounty(root, url, code, name)


def use_test_county(inst: Installation, role: str) -> None:
    """A county Site holds ``COUNTY_IDENTITY``; a station Site has its public key."""
    recipient = str(COUNTY_IDENTITY.to_public())
    if role == "county":
        path = inst.paths.keys / bundle_crypto.IDENTITY_FILE
        path.write_text(f"{COUNTY_IDENTITY}\n", "ascii")
    set_setting(bundle_crypto.COUNTY_RECIPIENT_SETTING, recipient)


def signer_of(inst: Installation, bundle: Path) -> tuple[str, str] | None:
    """(station code, key fingerprint) a bundle file names, None when it cannot be read."""
    try:
        with bundle_crypto.opened(inst.paths, bundle) as (plain, _), zipfile.ZipFile(plain) as z:
            manifest = json.loads(z.read("manifest.json"))
            code, fingerprint = manifest["station"]["code"], manifest["key"]["fingerprint"]
    except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile, SyncError):
        return None
    if isinstance(code, str) and isinstance(fingerprint, str):
        return code, fingerprint
    return None


def confirm_first_contact(ctx: Context, inst: Installation, bundle: Path) -> None:
    signer = signer_of(inst, bundle)
    if signer is not None and pinned_key(signer[0]) is None:
        with contextlib.suppress(SyncError):  # a hostile manifest's fingerprint: the import says
            key_confirm.confirm_station_key(ctx, inst.paths, *signer)


def copy_setting(source: Path, setting: tuple, target: Path) -> tuple:  # type: ignore[type-arg]
    """A test's own copy of a setting built under ``source``: the files copied into ``target``,
    its sites and paths moved there, anything else (e.g. a receipt document) deep-copied."""
    copy_folder(source, target)

    def moved(item: object) -> object:
        if isinstance(item, Site):
            return item.copied_to(source, target)
        if isinstance(item, Path) and item.is_relative_to(source):
            return target / item.relative_to(source)
        return copy.deepcopy(item)

    return tuple(moved(item) for item in setting)


Target = Site | Path  # a site, or the path of an SQLite database


@contextlib.contextmanager
def connected(target: Target) -> Iterator[Any]:
    """A DB-API connection taking ``?`` SQL on a site's database, whichever engine holds it
    (PostgreSQL's values read as ``CountyDatabase`` reads them), closed at the block's end."""
    if isinstance(target, ServerCounty):
        database = CountyDatabase(target.url)
        try:
            yield QmarkConnection(database.connection())
        finally:
            database.close()
        return
    path = target.database if isinstance(target, Site) else target
    with contextlib.closing(connect_raw(path)) as connection:
        yield connection


def _table_names(target: Target, connection: Any) -> list[str]:
    if isinstance(target, ServerCounty):
        sql = (
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            " AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    return [r[0] for r in connection.execute(sql).fetchall()]


def dump_all(target: Target) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the county "unchanged" check), on either engine."""
    with connected(target) as connection:
        return {
            t: sorted(
                (tuple(r) for r in connection.execute(f"SELECT * FROM {q(t)}").fetchall()), key=repr
            )  # fmt: skip
            for t in _table_names(target, connection)
        }


def _record_columns(table: SyncTable) -> str:
    """A synced row's columns without local ids and change_seq (parents by their uids)."""
    return ", ".join(
        f"(SELECT r.uid FROM {q(c.references)} r WHERE r.id = t.{q(c.name)})"
        if c.references
        else f"t.{q(c.name)}"
        for c in table.columns
    )


def canonical(target: Target, own_code: str) -> dict[str, object]:
    """The county's records without local ids and change_seq, plus its sync bookkeeping (the
    same SQL on either engine; compare sites on the same engine)."""

    def rows(connection: Any, sql: str, params: tuple[object, ...] = ()) -> list[object]:
        return sorted((tuple(r) for r in connection.execute(sql, params).fetchall()), key=repr)

    with connected(target) as connection:
        result: dict[str, object] = {}
        for table in synced_tables():
            result[table.name] = rows(
                connection,
                f"SELECT {_record_columns(table)} FROM {q(table.name)} t WHERE t.origin != ?",
                (own_code,),
            )
        result["conflicts"] = rows(
            connection, "SELECT table_name, record_uid, kind, theirs FROM sync_conflict"
        )
        result["received"] = rows(
            connection, "SELECT station_code, seq, manifest_sha256 FROM received_bundle"
        )
        result["keys"] = rows(connection, "SELECT station_code, public_key FROM station_key")
        return result


def count_rows(target: Target, table: str, origin: str | None = None) -> int:
    with connected(target) as connection:
        sql = f"SELECT count(*) FROM {q(table)}"
        if origin:
            return int(connection.execute(sql + " WHERE origin = ?", (origin,)).fetchone()[0])
        return int(connection.execute(sql).fetchone()[0])


def opened_zip(bundle: Path) -> zipfile.ZipFile:
    """The bundle's zip, decrypted in memory with the test county's key when it is sealed."""
    data = bundle.read_bytes()
    if data.startswith(bundle_crypto.AGE_MAGIC):
        data = pyrage.decrypt(data, [COUNTY_IDENTITY])
    return zipfile.ZipFile(io.BytesIO(data))


def unsealed_copy(bundle: Path, target: Path | None = None) -> Path:
    """A plain copy of a sealed bundle (for tests that edit a bundle's zip by hand)."""
    target = target or bundle.with_name(f"plain-{bundle.name}")
    data = bundle.read_bytes()
    if data.startswith(bundle_crypto.AGE_MAGIC):
        data = pyrage.decrypt(data, [COUNTY_IDENTITY])
    target.write_bytes(data)
    return target


def manifest_of(bundle: Path) -> dict[str, object]:
    with opened_zip(bundle) as archive:
        return json.loads(archive.read("manifest.json"))


def part_lines(bundle: Path, table: str) -> list[dict[str, object]]:
    with opened_zip(bundle) as archive:
        name = f"parts/{table}.ndjson"
        if name not in archive.namelist():
            return []
        return [json.loads(line) for line in archive.read(name).splitlines()]


# ---------------------------------------------------------------------------- small pieces


def test_fingerprint_is_grouped_hex_and_typed_forms_normalise() -> None:
    key = keys.Ed25519PrivateKey.generate()
    printed = keys.fingerprint(keys.public_key_bytes(key))
    assert len(printed.split(" ")) == 8 and all(len(g) == 4 for g in printed.split(" "))
    assert keys.normalise_fingerprint(printed.upper().replace(" ", "-")) == printed
    with pytest.raises(keys.SyncError, match="32 位"):
        keys.normalise_fingerprint("abcd")


def test_key_is_made_once_and_private(tmp_path: Path) -> None:
    from station_app.paths import DataPaths

    paths = DataPaths(tmp_path).ensure()
    first = keys.load_or_create_key(paths)
    again = keys.load_or_create_key(paths)
    assert keys.public_key_bytes(first) == keys.public_key_bytes(again)
    mode = (paths.keys / keys.KEY_FILE).stat().st_mode & 0o777
    assert mode == 0o600


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil", "越出目录"),
        ("parts/../../x.ndjson", "越出目录"),
        ("/etc/passwd", "绝对路径"),
        ("C:/x", "绝对路径"),
        ("parts\\complaint.ndjson", "反斜杠"),
        ("parts/Complaint.ndjson", "不认识"),
        ("attachments/abc", "不认识"),
        ("notes.txt", "不认识"),
    ],
)
def test_entry_names_outside_the_format_are_refused(name: str, reason: str) -> None:
    problem = entry_problem(name)
    assert problem is not None and reason in problem


def test_known_entry_names_are_accepted() -> None:
    for name in (
        "manifest.json",
        "manifest.sig",
        "parts/complaint.ndjson",
        "attachments/" + "a" * 64,
    ):
        assert entry_problem(name) is None


def test_every_synced_table_travels_parents_first() -> None:
    order = [t.name for t in synced_tables()]
    for table in synced_tables():
        for parent in table.references.values():
            assert order.index(parent) < order.index(table.name)
    assert {"complaint", "visit", "complainant", "person"} <= set(order)
    assert all("id" not in t.column_names and "change_seq" not in t.column_names
               for t in synced_tables())  # fmt: skip
