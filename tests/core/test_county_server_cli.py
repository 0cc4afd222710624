"""``station init --role county --database postgresql://…``: the county's later commands use its
PostgreSQL database; the server's password comes from ``--database-password-file`` or PGPASSFILE,
never from argv, and is never kept in the data directory nor written to a log. The county's
accounts (``--password-file``: the head's password) stay in the data directory, as on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_app.cli import main
from tests.postgres_server import PostgresServer

PASSWORD = "s3cret-县-pw"
ACCOUNT_PASSWORD = "head-账户-pw"


@pytest.fixture
def account(tmp_path: Path) -> list[str]:
    """``--password-file`` of the county head's account (made at init, asked for afterwards)."""
    path = tmp_path / "account.txt"
    path.write_text(ACCOUNT_PASSWORD + "\n")
    return ["--password-file", str(path)]


def _files_text(folder: Path) -> str:
    return "".join(
        p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file()
    )


def _owner(
    server: PostgresServer, role: str, database: str, folder: Path, written: str
) -> tuple[str, Path]:
    """A database owned by ``role`` (password ``PASSWORD``) and a password file holding
    ``written``."""
    url = server.create_owner(role, PASSWORD, database)
    file = folder / f"{role}.pw"
    file.write_text(written + "\n")
    return url, file


def test_county_on_postgres_keeps_settings_never_the_password(
    tmp_path: Path,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
    account: list[str],
) -> None:
    url, secret = _owner(postgres_server, "clerk_a", "county_a", tmp_path, PASSWORD)
    data = tmp_path / "county"
    init = ["--data-dir", str(data), *account, "init", "--station-code", "511921"]
    county = ["--name", "通江县消协", "--role", "county", "--county-code", "511921"]
    county += ["--database", url]
    assert main([*init, *county, "--database-password-file", str(secret)]) == 0
    assert "PostgreSQL" in capsys.readouterr().out
    kept = json.loads((data / "county-database.json").read_text())
    assert kept == {"url": url, "password_file": str(secret.resolve())}
    # the county's accounts and keys are beside its settings, as on SQLite
    assert (data / "station.keys").exists()
    assert (data / "keys" / "county_age_identity.txt").exists()
    assert main(["--data-dir", str(data), "stats", "--month", "2026-11", "--json"]) == 1
    assert "密码" in capsys.readouterr().err  # signed in with the account, not the server's
    assert main(["--data-dir", str(data), *account, "stats", "--month", "2026-11", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["complaints_registered"] == 0
    assert stats["county"] == "511921"
    assert not (data / "station.sqlite3").exists()  # the county's records are on the server
    assert PASSWORD not in _files_text(data) and ACCOUNT_PASSWORD not in _files_text(data)
    # the installation really is on the server: its identity is read back from there
    import psycopg

    with psycopg.connect(postgres_server.url("county_a")) as check:
        codes = check.execute("SELECT value FROM setting WHERE key = 'station.code'").fetchall()
    assert codes == [("511921",)]


def test_pgpassfile_supplies_the_password(
    tmp_path: Path,
    postgres_server: PostgresServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    account: list[str],
) -> None:
    url = postgres_server.create_owner("clerk_b", PASSWORD, "county_b")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_server.port}:county_b:clerk_b:{PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    data = tmp_path / "county"
    args = ["--data-dir", str(data), *account, "init", "--station-code", "511921"]
    assert main([*args, "--name", "通江县消协", "--role", "county", "--database", url]) == 0
    assert main(["--data-dir", str(data), *account, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1]) == []


def test_wrong_password_and_bad_urls_are_refused_in_one_line(
    tmp_path: Path,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
    account: list[str],
) -> None:
    url, wrong = _owner(postgres_server, "clerk_c", "county_c", tmp_path, "not-it")
    data = tmp_path / "county"
    init = ["--data-dir", str(data), *account, "init", "--station-code", "511921"]
    init += ["--name", "通江县消协"]
    bad = ["--database-password-file", str(wrong)]
    assert main([*init, "--role", "county", "--database", url, *bad]) == 1
    error = capsys.readouterr().err
    assert "无法连接县消协的数据库" in error and "not-it" not in error
    assert not (data / "county-database.json").exists()
    assert not (data / "station.keys").exists()  # nothing half-made: the init can be run again
    assert main([*init, "--database-password-file", str(wrong)]) == 1
    assert "--database-password-file 只与 --database 一起使用" in capsys.readouterr().err
    with_password = url.replace("clerk_c@", f"clerk_c:{PASSWORD}@")
    assert main([*init, "--role", "county", "--database", with_password]) == 1
    assert "不能包含密码" in capsys.readouterr().err
    assert main([*init, "--database", url]) == 1  # a station keeps its embedded database
    assert "--role county" in capsys.readouterr().err
    assert PASSWORD not in _files_text(data)


def test_a_program_without_the_postgres_driver_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The station's frozen build leaves psycopg out: a county's server is refused in one line."""
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a)
    )
    account = tmp_path / "account.txt"
    account.write_text(ACCOUNT_PASSWORD + "\n")
    data = tmp_path / "county"
    args = ["--data-dir", str(data), "--password-file", str(account), "init"]
    args += ["--station-code", "511921", "--name", "通江县消协", "--role", "county"]
    assert main([*args, "--database", "postgresql://clerk@127.0.0.1:5432/county"]) == 1
    assert "未带 PostgreSQL 驱动" in capsys.readouterr().err
    assert not (data / "county-database.json").exists()
    assert not (data / "station.keys").exists()  # nothing half-made


def test_what_only_a_station_file_does_is_refused_on_postgres(
    tmp_path: Path,
    postgres_url: str,
    capsys: pytest.CaptureFixture[str],
    account: list[str],
) -> None:
    """Demo data, bundle export, backup and check are refused in one line on the county's
    server, nothing written."""
    data = tmp_path / "county"
    base = ["--data-dir", str(data), *account]
    init = ["init", "--station-code", "511921", "--name", "通江县消协", "--role", "county"]
    assert main([*base, *init, "--database", postgres_url]) == 0
    capsys.readouterr()
    refusals = {
        ("demo", "--complaints", "5", "--visits", "5"): "不生成演示数据",
        ("bundle", "export", "--out", str(tmp_path / "out")): "不导出数据包",
        ("backup",): "pg_dump",
        ("check",): "pg_dump",
    }
    for command, reason in refusals.items():
        assert main([*base, *command]) == 1, command
        error = capsys.readouterr().err
        assert reason in error and len(error.strip().splitlines()) == 1, error
    assert main([*base, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1]) == []
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
