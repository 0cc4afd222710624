"""A real PostgreSQL server for the tests: Debian's binaries, a temporary data directory, a free
port on 127.0.0.1, run as an ordinary user (``stationpg`` when the tests run as root).

``dev.sh`` installs Debian's ``postgresql`` package; without it the tests that need the server are
skipped locally and fail under ``CI=true`` (see ``require_postgres``).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER_USER = "stationpg"  # the ordinary user that runs the server when the tests run as root
SUPERUSER = "station"  # the database role the tests connect as (trust, 127.0.0.1 only)


def postgres_bin() -> Path | None:
    """The newest installed ``/usr/lib/postgresql/<major>/bin`` holding initdb and pg_ctl."""
    found = [
        p / "bin"
        for p in Path("/usr/lib/postgresql").glob("*")
        if (p / "bin" / "initdb").exists() and (p / "bin" / "pg_ctl").exists()
    ]
    return max(found, key=lambda p: int(p.parent.name)) if found else None


def missing_reason() -> str | None:
    """Why no PostgreSQL server can be started here, or None."""
    if postgres_bin() is None:
        return "PostgreSQL is not installed (Debian: apt-get install postgresql, as ./dev.sh does)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pyproject dependency psycopg[binary])"
    return None


def require_postgres() -> None:
    """Skip the calling test when PostgreSQL is absent, except under CI, where it fails."""
    reason = missing_reason()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_user() -> pwd.struct_passwd | None:
    """None when the tests run as an ordinary user (the server runs as them); as root, the
    ``stationpg`` system user, created on first use (PostgreSQL refuses to run as root)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
             SERVER_USER],
            check=True, capture_output=True,
        )  # fmt: skip
        return pwd.getpwnam(SERVER_USER)


@dataclass
class PostgresServer:
    """A running server: ``url(db)`` is a connection URL on 127.0.0.1 for database ``db``."""

    bin: Path
    root: Path
    port: int
    user: pwd.struct_passwd | None
    made: int = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        user = self.user

        def demote() -> None:
            if user is not None:
                os.setgid(user.pw_gid)
                os.setuid(user.pw_uid)

        return subprocess.run(  # type: ignore[call-overload,no-any-return]
            list(args), preexec_fn=demote, text=True, capture_output=True, check=True,
            cwd=self.root, env={**os.environ, "LC_ALL": "C.UTF-8"}, **kwargs,
        )  # fmt: skip

    def create_database(self, name: str) -> str:
        """A new, empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def fresh_name(self, hint: str) -> str:
        """A database name not used yet in this server's life, readable in its log."""
        self.made += 1
        cleaned = "".join(c if c.isalnum() else "_" for c in hint.lower())[:40]
        return f"t{self.made}_{cleaned}"

    def create_owner(self, role: str, password: str, database: str) -> str:
        """A login role with a password owning a new database; returns the database's URL
        without the password (``postgresql://role@127.0.0.1:port/database``)."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )
            admin.execute(
                sql.SQL("CREATE DATABASE {} OWNER {}").format(
                    sql.Identifier(database), sql.Identifier(role)
                )
            )
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.root / "data"), "-m", "fast")


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """initdb + pg_ctl start in a temporary directory; stopped and removed on exit."""
    bin_dir = postgres_bin()
    assert bin_dir is not None
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="station-pg-"))
    if user is not None:
        os.chown(root, user.pw_uid, user.pw_gid)
    server = PostgresServer(bin_dir, root, free_port(), user)
    data = root / "data"
    try:
        server._run(
            str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        # the tests' superuser without a password; every other role by its password (scram)
        (data / "pg_hba.conf").write_text(
            f"host all {SUPERUSER} 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={server.port} -c unix_socket_directories=''"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=60 -c shared_buffers=128MB"
        )
        server._run(
            str(bin_dir / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(data),
            "-l", str(root / "server.log"), "-o", options,
        )  # fmt: skip
        _wait_until_up(server)
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def _wait_until_up(server: PostgresServer, seconds: float = 30) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(server.url(), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
