"""Who may read the access log, handle others' personal data, restore a backup, change the
station's details and generate demonstration records: an officer may not, from the command line
(one line, exit 1, nothing written); the station head may. Backing up is for everyone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from station_app.access.permissions import (
    may_manage_installation,
    may_manage_personal_data,
    may_read_access_log,
)
from station_app.backup import backup_database, list_backups
from station_app.cli import main
from station_app.installation import Installation
from station_app.security.accounts import (
    COUNTY_CLERK,
    COUNTY_HEAD,
    OFFICER,
    ROLES,
    STATION_HEAD,
    SignedIn,
    add_account,
)

from ..conftest import STATION_CODE

OFFICER_PASSWORD = "officer-pass"


def test_roles_that_read_the_log_and_manage_personal_data() -> None:
    def person(role: str) -> SignedIn:
        return SignedIn("x", "某人", role)

    assert may_read_access_log(None) and may_manage_personal_data(None)  # no accounts
    assert [may_read_access_log(person(r)) for r in (OFFICER, STATION_HEAD)] == [False, True]
    assert may_read_access_log(person(COUNTY_CLERK)) and may_read_access_log(person(COUNTY_HEAD))
    assert [may_manage_personal_data(person(r)) for r in (OFFICER, STATION_HEAD)] == [False, True]
    assert not may_manage_personal_data(person(COUNTY_CLERK))
    assert may_manage_installation(None)
    assert [may_manage_installation(person(r)) for r in ROLES] == [False, True, False, True]


def signed_in_as_an_officer(installation: Installation, tmp_path: Path) -> list[str]:
    """Add 李联络员, an officer, to ``installation`` and close it; the command line's arguments
    that sign in as them."""
    assert installation.keys is not None and installation.data_key is not None
    add_account(installation.keys, installation.data_key, login="li", name="李联络员",
                role=OFFICER, password=OFFICER_PASSWORD)  # fmt: skip
    password_file = tmp_path / "li.txt"
    password_file.write_text(OFFICER_PASSWORD, encoding="utf-8")
    installation.close()
    root = installation.paths.root
    return ["--data-dir", str(root), "--login", "li", "--password-file", str(password_file)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "command",
    [
        ["access-log"],
        ["retention", "--preview"],
        ["personal-export", "--phone", "13981234567", "--out", "{tmp}/本人.pdf"],
    ],
)
def test_an_officer_is_refused_the_access_log_and_others_personal_data(
    installation: Installation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    signed = signed_in_as_an_officer(installation, tmp_path)
    root, database = installation.paths.root, installation.paths.database
    before = _digest(database)

    code = main([*signed, *(part.format(tmp=tmp_path) for part in command)])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "李联络员的角色是联络员" in err
    assert _digest(database) == before
    assert not (tmp_path / "本人.pdf").exists()

    # the head, with the test password (STATION_PASSWORD_FILE), reads the log
    assert main(["--data-dir", str(root), "access-log"]) == 0
    assert "共" in capsys.readouterr().out


def test_an_officer_backs_up_but_neither_restores_nor_changes_the_station(
    installation: Installation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = backup_database(installation.db, tmp_path / "usb", station_code=STATION_CODE)
    signed = signed_in_as_an_officer(installation, tmp_path)
    root, database = installation.paths.root, installation.paths.database
    before = _digest(database)
    capsys.readouterr()

    for command in (
        ["restore", str(backup)],
        ["init", "--station-code", STATION_CODE, "--name", "别的服务站"],
        # another database for the installation (a county's server): refused before it is
        # reached or kept (nothing listens on that port)
        [
            "init",
            "--station-code",
            STATION_CODE,
            "--name",
            "诺江镇服务站",
            "--role",
            "county",
            "--database",
            "postgresql://station@127.0.0.1:9/elsewhere",
        ],
    ):
        assert main([*signed, *command]) == 1, command
        assert capsys.readouterr().err.strip() == (
            "只有站长（县消协负责人）可以从备份恢复或修改本站信息；李联络员的角色是联络员。"
        )
        assert _digest(database) == before
    assert not list(installation.paths.backups.glob("replaced-*"))
    assert not (root / "county-database.json").exists()

    # a backup is for everyone
    assert main([*signed, "backup", "--out", str(tmp_path / "officer")]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert [b.path for b in list_backups([tmp_path / "officer"])] == [made]

    # the head, with the test password (STATION_PASSWORD_FILE), restores
    assert main(["--data-dir", str(root), "restore", str(backup)]) == 0
    assert "原数据库已另存为" in capsys.readouterr().out
    assert len(list(installation.paths.backups.glob("replaced-*"))) == 1


def test_an_officer_is_refused_demonstration_records_the_head_generates_them(
    installation: Installation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Invented complaints among the real ones would reach the ledger and the county: only whoever
    manages the installation generates them."""
    signed = signed_in_as_an_officer(installation, tmp_path)
    root, database = installation.paths.root, installation.paths.database
    before = _digest(database)
    capsys.readouterr()

    demo = ["demo", "--complaints", "3", "--visits", "2", "--events", "1", "--seed", "7"]
    assert main([*signed, *demo]) == 1
    assert capsys.readouterr().err.strip() == (
        "只有站长（县消协负责人）可以生成演示数据；李联络员的角色是联络员。"
    )
    assert _digest(database) == before

    # the head, with the test password (STATION_PASSWORD_FILE), generates them
    assert main(["--data-dir", str(root), *demo]) == 0
    assert "投诉 3 件" in capsys.readouterr().out
