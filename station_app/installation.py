"""One installation: a data directory, its database, and the station it belongs to."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import peewee
from peewee import Database, SqliteDatabase

from station_app.actors import PROGRAM
from station_app.clock import SYSTEM_CLOCK, Clock
from station_app.errors import DatabaseDamaged, StationError
from station_app.messages import msg
from station_app.paths import DataPaths
from station_app.registry.context import Context
from station_app.roster.extensions import apply_saved_code_rows
from station_app.security.accounts import (
    COUNTY_HEAD,
    STATION_HEAD,
    AccountError,
    SignedIn,
    check_new_account,
    remember,
    sign_in,
    unlocked_key,
)
from station_app.security.attachment_cipher import SEALING_MARKER, seal_plain_attachments
from station_app.security.conversion import (
    BACKUPS_MARKER,
    convert_plain_database,
    encrypt_plain_backups,
    finish_conversion,
)
from station_app.security.keyfile import AccountEntry, DataKey, KeyFile, new_key_file
from station_app.settings import (
    StationIdentity,
    check_identity,
    get_setting,
    save_identity,
    station_identity,
)
from station_app.store.database import key_of, open_database
from station_app.store.driver import database_errors
from station_app.store.migrations import LATEST, database_schema_version
from station_app.store.models import Station, database_proxy
from station_app.store.postgres import CountyDatabase, ServerSettings
from station_app.store.sync_columns import stamp_edit, stamp_new

LATEST_SCHEMA = LATEST  # the schema version this program migrates to
# where the roster puts the county's age public key (the recovery copy of the data key is
# wrapped for it)
COUNTY_RECIPIENT = "county.age_recipient"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Credentials:
    """Sign in to an encrypted installation."""

    login: str
    password: str


@dataclass(frozen=True)
class NewHead:
    """The station head's account, made when the installation is created or, for a plain
    database from before accounts, when it is encrypted at its first start."""

    login: str
    name: str
    password: str


Unlock = Credentials | NewHead | DataKey | None


class Locked(AccountError):
    def __init__(self) -> None:
        super().__init__(
            msg("数据库已加密：请用 --password-file 指定密码文件，或在提示时输入密码。")
        )


@dataclass
class Installation:
    paths: DataPaths
    db: Database
    signed_in: SignedIn | None = None
    keys: KeyFile | None = None
    server: ServerSettings | None = None  # the county's PostgreSQL, when it has one

    @property
    def encrypted(self) -> bool:
        """Whether the installation is under accounts, its data key unlocked: the SQLite file
        is encrypted with that key; on a county's PostgreSQL server, which SQLCipher cannot
        encrypt, the key still seals the evidence files in the data directory."""
        return key_of(self.db) is not None

    @property
    def data_key(self) -> DataKey | None:
        return key_of(self.db)

    def identity(self) -> StationIdentity | None:
        return station_identity(required=False)

    def context(self, actor: str | None = None, clock: Clock = SYSTEM_CLOCK) -> Context:
        """The context of writes; the actor is the signed-in person unless named."""
        identity = station_identity(required=True)
        assert identity is not None
        if actor is None:
            actor = self.signed_in.name if self.signed_in is not None else PROGRAM
        return Context(station=identity, actor=actor, clock=clock)

    def sqlite(self) -> SqliteDatabase:
        """The installation's SQLite database, for what only a file can do (backup, restore,
        integrity check); a county on PostgreSQL is refused: its server's tools do those."""
        if not isinstance(self.db, SqliteDatabase):
            raise StationError(
                msg(
                    "县消协的数据库在 PostgreSQL 服务器上（{url}）：请用 pg_dump 备份、"
                    "用 PostgreSQL 自己的工具检查和恢复。",
                    url=self.server.url if self.server else "",
                )
            )
        return self.db

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def schema_version(self) -> int:
        """The schema version of the open database (``LATEST_SCHEMA`` once migrated)."""
        return database_schema_version(self.db)

    def reopen(self) -> None:
        """Open the database again, e.g. after a restore replaced it under the open window."""
        self.db = _open(self.paths, self.server, key_of(self.db))


def revive_thread_connection() -> None:
    """Before a unit of work on a long-lived thread: on the county's PostgreSQL, a connection
    the server has closed meanwhile is dropped and made anew on the next statement
    (``CountyDatabase.revive``); an installation's own SQLite file needs nothing."""
    database = database_proxy.obj
    if isinstance(database, CountyDatabase):
        database.revive()


def close_thread_connection() -> None:
    """Close the calling thread's connection to the open database, if it has one open.

    Connections are per thread: a worker thread closes its own before it ends.
    """
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def _head_entry(keys: KeyFile, key: DataKey, head: NewHead) -> SignedIn:
    from station_app.security.keyfile import wrap_for_password

    login, name = check_new_account(head.login, head.name, STATION_HEAD, head.password)
    params, salt, nonce, wrapped = wrap_for_password(key, login, head.password)
    keys.accounts.append(AccountEntry(login, name, STATION_HEAD, params, salt, nonce, wrapped))
    return SignedIn(login, name, STATION_HEAD)


def _unlock(
    paths: DataPaths, unlock: Unlock, clock: Clock, *, on_server: bool = False
) -> tuple[DataKey | None, KeyFile | None, SignedIn | None]:
    """The data key (``None``: a plain database), the key file and who signed in."""
    finish_conversion(paths)
    if paths.key_file.exists():
        keys = KeyFile.load(paths.key_file)
        if isinstance(unlock, Credentials):
            signed_in, key = sign_in(keys, unlock.login, unlock.password, clock.utcnow())
            return key, keys, signed_in
        if isinstance(unlock, NewHead):
            raise AccountError(msg("本机已设有账户，请用已有账户登录。"))
        if isinstance(unlock, DataKey):
            checked = keys.checked(unlock.raw)
            if checked is None:
                raise AccountError(msg("密钥与本机数据库不符。"))
            remember(checked)
            return checked, keys, None
        held = unlocked_key(keys.key_id)
        if held is None:
            raise Locked()
        return held, keys, None
    if isinstance(unlock, NewHead):
        keys, key = new_key_file(paths.key_file)
        signed_in = _head_entry(keys, key, unlock)
        if paths.database.exists() and not on_server:
            # the evidence files are sealed once the database is converted (the marker, set
            # before the commit point, has a crash resume that work at the next start)
            paths.attachments.mkdir(parents=True, exist_ok=True)
            (paths.attachments / SEALING_MARKER).touch()
            paths.backups.mkdir(parents=True, exist_ok=True)
            (paths.backups / BACKUPS_MARKER).touch()
            convert_plain_database(paths, keys, key)
            log.info("converted the plain database %s to an encrypted one", paths.database)
        else:
            keys.save()
        remember(key)
        return key, keys, signed_in
    if unlock is not None:
        raise AccountError(msg("本机还没有任何账户，请先设置站长账户。"))
    return None, None, None


def _refresh_recovery(keys: KeyFile, key: DataKey) -> None:
    """Wrap the data key for the county's public key the roster brought (once, or anew when it
    changed)."""
    recipient = (get_setting(COUNTY_RECIPIENT) or "").strip()
    if not recipient or recipient == keys.recovery_recipient:
        return
    import pyrage

    try:
        keys.set_recovery(key, recipient)
    except pyrage.RecipientError as error:  # a bad key in the roster
        log.warning("county recovery key %r not usable: %s", recipient, error)
        return
    keys.save()


def uses_server(paths: DataPaths) -> bool:
    """Whether the data directory names a county's PostgreSQL server instead of holding its own
    database file (nothing there to check, back up or restore)."""
    return ServerSettings.load(paths.root) is not None


def _open(paths: DataPaths, server: ServerSettings | None, key: DataKey | None) -> Database:
    if server is None:
        return open_database(paths.database, backup_dir=paths.backups, key=key)
    try:
        return open_database(server.url, password_file=server.password_file, key=key)
    except peewee.OperationalError as error:
        raise DatabaseDamaged(
            msg(
                "无法连接县消协的数据库 {url}：{error}",
                url=server.url,
                error=str(error).strip().splitlines()[0] if str(error).strip() else error,
            )
        ) from error


def open_installation(
    data_dir: str | os.PathLike[str] | None = None,
    unlock: Unlock = None,
    *,
    clock: Clock = SYSTEM_CLOCK,
    server: ServerSettings | None = None,
) -> Installation:
    """Open (creating and migrating as needed) the installation in ``data_dir``.

    An encrypted installation (a key file beside the database) opens with ``Credentials``, or
    without when this process already unlocked its key; ``NewHead`` creates an encrypted one,
    converting a plain database from before accounts. Without a key file and without ``unlock``
    the database stays plain (the core's own tests and tools).

    The database is the data directory's own SQLite file, or the county's PostgreSQL database its
    settings name (``server``, from ``station init --database``, connects to that database
    instead and, once it opened, keeps its settings for every later command and the window).
    Accounts and keys stay in the data directory either way; on PostgreSQL the data key seals
    the evidence files only (the server's disk and connections are the county's to protect).
    """
    paths = DataPaths(data_dir).ensure()
    kept = ServerSettings.load(paths.root)
    target = server or kept
    key, keys, signed_in = _unlock(paths, unlock, clock, on_server=target is not None)
    if server is not None and server != kept:  # another database for this installation
        from station_app.access.permissions import check_may_manage_installation

        check_may_manage_installation(signed_in)  # before anything connects to it or is kept
    if key is not None:
        sealed_now = seal_plain_attachments(paths.attachments, key)
        encrypted_now = encrypt_plain_backups(paths.backups, key)
        if sealed_now or encrypted_now:
            log.info("encrypted %d evidence files, %d backups", sealed_now, encrypted_now)
    try:
        db = _open(paths, target, key)
    except StationError:  # the county's server not reached, or no driver for it
        if isinstance(unlock, NewHead) and target is not None:
            paths.key_file.unlink(missing_ok=True)  # nothing half-made: init can run again
        raise
    except database_errors() + (peewee.DatabaseError,) as error:
        raise DatabaseDamaged(
            msg(
                "数据库文件 {path} 已损坏或不是本程序的数据库（{error}），"
                "请用 station restore 从备份恢复。",
                path=paths.database,
                error=error,
            )
        ) from error
    # code-list rows that county rosters added take effect in every process that opens the data
    apply_saved_code_rows()
    if keys is not None and key is not None:
        _refresh_recovery(keys, key)
    if server is not None and server != kept:
        server.save(paths.root)
    return Installation(paths, db, signed_in, keys, target)


def init_station(
    installation: Installation,
    *,
    code: str,
    name: str,
    county_code: str | None = None,
    role: str = "station",
    clock: Clock = SYSTEM_CLOCK,
) -> StationIdentity:
    """Set who this installation is. Re-running with the same code updates the name."""
    identity = check_identity(code, name, county_code, role)
    with database_proxy.atomic():
        save_identity(identity)
        now = clock.utcnow()
        station = Station.get_or_none(Station.code == identity.code)
        if station is None:
            station = Station(
                code=identity.code, name=identity.name, county_code=identity.county_code
            )
            stamp_new(station, identity.code, now)
            station.save(force_insert=True)
        elif (station.name, station.county_code) != (identity.name, identity.county_code):
            station.name = identity.name
            station.county_code = identity.county_code
            stamp_edit(station, now)
            station.save()
        if identity.is_county:  # its key for bundles sealed to it (published in its rosters)
            from station_app.sync.bundle_crypto import ensure_county_identity

            ensure_county_identity(installation.paths)
    if identity.is_county and installation.keys is not None:
        _heads_of_the_county(installation)
    return identity


def _heads_of_the_county(installation: Installation) -> None:
    """At the county, the head's account set up first is the county head's."""
    keys = installation.keys
    assert keys is not None
    changed = [entry for entry in keys.accounts if entry.role == STATION_HEAD]
    for entry in changed:
        entry.role = COUNTY_HEAD
    if changed:
        keys.save()
    signed_in = installation.signed_in
    if signed_in is not None and signed_in.role == STATION_HEAD:
        installation.signed_in = SignedIn(signed_in.login, signed_in.name, COUNTY_HEAD)
