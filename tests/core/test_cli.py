"""The ``station`` command as scripts and the county use it: exit codes, one-line refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.installation import open_installation
from station_app.registry.complaints import register_complaint

from ..conftest import complaint_draft, connect_raw


def station(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station_app.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_init_then_refused_reinit_with_another_code(tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    done = station("--data-dir", data, "init", "--station-code", "tj001", "--name", "诺江镇服务站")
    assert done.returncode == 0, done.stderr
    assert "TJ001" in done.stdout
    again = station("--data-dir", data, "init", "--station-code", "TJ002", "--name", "另一个站")
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "TJ001" in again.stderr
    assert "Traceback" not in again.stderr


def test_bad_input_gives_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--data-dir",
            str(tmp_path / "d"),
            "init",
            "--station-code",
            "!",
            "--name",
            " ",
            "--county-code",
            "12",
        ]
    )
    assert code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3
    assert any("服务站编码" in line for line in lines)


def test_commands_refuse_before_init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "search", "化肥"]) == 1
    assert "station init" in capsys.readouterr().err


def test_search_prints_one_line_per_match_starting_with_number(
    tmp_path: Path, clock, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert (
        main(["--data-dir", str(data), "init", "--station-code", "TJ001", "--name", "诺江镇"]) == 0
    )
    inst = open_installation(data)
    ctx = inst.context(clock=clock)
    register_complaint(ctx, complaint_draft())
    register_complaint(
        ctx, complaint_draft(facts="买的电饭煲用了三天就不加热了。", subject="电饭煲")
    )
    inst.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "search", "结块"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("TJ001-2026-0001\t")
    assert "李**" in lines[0] and "李桂兰" not in lines[0]  # names masked
    assert main(["--data-dir", str(data), "search", "不加热"]) == 0
    assert capsys.readouterr().out.startswith("TJ001-2026-0002\t")


def test_check_backup_and_restore(
    tmp_path: Path, clock, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    assert (
        main(["--data-dir", str(data), "init", "--station-code", "TJ001", "--name", "诺江镇"]) == 0
    )
    inst = open_installation(data)
    register_complaint(inst.context(clock=clock), complaint_draft())
    inst.close()
    assert main(["--data-dir", str(data), "check"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "backup", "--out", str(tmp_path / "usb")]) == 0
    backup = Path(capsys.readouterr().out.strip())
    assert backup.parent == tmp_path / "usb" and backup.exists()

    inst = open_installation(data)
    register_complaint(inst.context(clock=clock), complaint_draft(subject="后来登记的"))
    inst.close()
    assert main(["--data-dir", str(data), "restore", str(backup)]) == 0
    assert "原数据库已另存为" in capsys.readouterr().out
    with connect_raw(data / "station.sqlite3") as connection:
        assert connection.execute("SELECT COUNT(*) FROM complaint").fetchone()[0] == 1
    aside = list((data / "backups").glob("replaced-*.sqlite3"))
    with connect_raw(aside[0]) as connection:
        assert connection.execute("SELECT COUNT(*) FROM complaint").fetchone()[0] == 2


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path, capsys) -> None:
    data = tmp_path / "d"
    assert (
        main(["--data-dir", str(data), "init", "--station-code", "TJ001", "--name", "诺江镇"]) == 0
    )
    fake = tmp_path / "fake.sqlite3"
    fake.write_bytes(b"this is a photo, not a database" * 100)
    before = (data / "station.sqlite3").read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "restore", str(fake)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "fake.sqlite3" in err
    assert (data / "station.sqlite3").read_bytes() == before


def test_check_reports_a_damaged_database(tmp_path: Path, capsys) -> None:
    data = tmp_path / "d"
    assert (
        main(["--data-dir", str(data), "init", "--station-code", "TJ001", "--name", "诺江镇"]) == 0
    )
    with connect_raw(data / "station.sqlite3") as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(
            "INSERT INTO complainant (uid, origin, version, updated_at, deleted, change_seq,"
            " complaint_id, person_id, position, is_representative)"
            " VALUES ('x', 'TJ001', 1, '2026-01-01', 0, 99, 4242, 4343, 0, 0)"
        )
    capsys.readouterr()
    assert main(["--data-dir", str(data), "check"]) == 1
    assert "complainant" in capsys.readouterr().err


def test_a_database_that_is_not_one_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    data = tmp_path / "d"
    assert (
        main(["--data-dir", str(data), "init", "--station-code", "TJ001", "--name", "诺江镇"]) == 0
    )
    database = data / "station.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    database.write_bytes(b"\x00" * 4096 + b"not a database" * 300)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "search", "化肥"]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "station restore" in err and "Traceback" not in err
