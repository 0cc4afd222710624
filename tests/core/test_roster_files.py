"""Every odd workbook of shared/data/spreadsheets through the roster import and the CLI: each is
imported or refused with one Chinese sentence, never a traceback or a hang, and a refusal leaves
the database exactly as it was."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.errors import StationError
from station_app.registry.context import Context
from station_app.roster.roster_import import apply_roster, read_roster

from ..conftest import REGIONS_CSV, SHARED_DATA, copy_folder
from .test_roster_import import dump, fresh_code_lists, full_roster  # noqa: F401 - fixture

SPREADSHEETS = sorted((SHARED_DATA / "spreadsheets").iterdir())

# What each file is refused for (the README table); files not listed hold no roster.
EXPECTED_WORDS = {
    "calamine__empty_sheet.xlsx": "没有数据",
    "calamine__pass_protected.xlsx": "密码",
    "calamine__issue252.xlsx": "损坏",
    "calamine__too_small.xls": "不是 Excel 文件",
    "openpyxl__null_file.xlsx": "不是 Excel 文件",
    "openpyxl__null_archive.xlsx": "不是 Excel 文件",
    "xlrd__sample.zip": "不支持",
    "xlrd__sample.xlsx": "不是 Excel 文件",
}


def one_chinese_line(text: str) -> bool:
    return "\n" not in text.strip() and bool(re.search(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("path", SPREADSHEETS, ids=[p.name for p in SPREADSHEETS])
def test_shared_file_imports_or_is_refused_in_one_line(path: Path, ctx: Context) -> None:
    apply_roster(read_roster(REGIONS_CSV), ctx=ctx)  # a database with something in it
    before = dump()
    started = time.perf_counter()
    try:
        preview = read_roster(path)
    except StationError as refused:
        message = str(refused)
        assert one_chinese_line(message), message
        assert path.name in message
        if path.name in EXPECTED_WORDS:
            assert EXPECTED_WORDS[path.name] in message
    else:
        # Something roster-like was found: applying it either works or is refused cleanly.
        try:
            apply_roster(preview, ctx=ctx)
        except StationError as refused:
            assert one_chinese_line(str(refused)), str(refused)
            assert dump() == before
        else:  # pragma: no cover - none of the shared files is a roster today
            assert preview.content.record_count > 0
    assert dump() == before
    assert time.perf_counter() - started < 10


def test_zip_renamed_to_xlsx_is_refused(tmp_path: Path, ctx: Context) -> None:
    renamed = tmp_path / "xlrd__sample.xlsx"
    shutil.copy(SHARED_DATA / "spreadsheets" / "xlrd__sample.zip", renamed)
    with pytest.raises(StationError) as refused:
        read_roster(renamed)
    assert EXPECTED_WORDS[renamed.name] in str(refused.value)


# --- the station command ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def data_dir_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station made by ``station init``, once per module; each test gets a copy (``data_dir``)."""
    data = tmp_path_factory.mktemp("cli-template") / "cli"
    assert (
        main(
            [
                "--data-dir",
                str(data),
                "init",
                "--station-code",
                "TJ001",
                "--name",
                "壁州站",
                "--county-code",
                "511921",
            ]
        )
        == 0
    )
    return data


@pytest.fixture
def data_dir(data_dir_template: Path, tmp_path: Path) -> Path:
    data = tmp_path / "cli"
    copy_folder(data_dir_template, data)
    return data


@pytest.mark.parametrize("path", SPREADSHEETS, ids=[p.name for p in SPREADSHEETS])
def test_cli_refuses_shared_files_without_traceback(
    path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "roster", "import", str(path)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in captured.err and "内部错误" not in captured.err
    last = captured.err.strip().splitlines()[-1]
    assert re.search(r"[\u4e00-\u9fff]", last)


def test_cli_dry_run_changes_nothing_then_import(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / "station.sqlite3"
    before = database.read_bytes()
    code = main(["--data-dir", str(data_dir), "roster", "import", str(REGIONS_CSV), "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "行政区划：新增 401" in out and "试运行" in out
    assert database.read_bytes() == before
    assert main(["--data-dir", str(data_dir), "roster", "import", str(REGIONS_CSV)]) == 0
    assert "已导入名册" in capsys.readouterr().out


def test_cli_errors_one_per_line_exit_1(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = full_roster(tmp_path / "bad.xlsx", officers=[["孙九", "TJ404", "123", None]])
    code = main(["--data-dir", str(data_dir), "roster", "import", str(roster)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert err[0].startswith("工作表“联络员”第 2 行 B 列：") and "TJ404" in err[0]
    assert err[1].startswith("工作表“联络员”第 2 行 C 列：")
    assert "未导入" in err[-1]
    code = main(["--data-dir", str(data_dir), "roster", "import", str(roster), "--skip-bad-rows"])
    assert code == 0
    assert "跳过有错误的 1 行" in capsys.readouterr().out


def test_cli_older_version_needs_force_and_export_reimports_unchanged(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(data_dir), "roster"]
    assert main([*base, "import", str(full_roster(tmp_path / "new.xlsx", version="2027.1"))]) == 0
    old = full_roster(tmp_path / "old.xlsx", version="2026.12")
    capsys.readouterr()
    assert main([*base, "import", str(old)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main([*base, "import", str(old), "--force"]) == 0
    exported = tmp_path / "export.xlsx"
    assert main([*base, "export", str(exported)]) == 0
    capsys.readouterr()
    assert main([*base, "import", str(exported), "--dry-run"]) == 0
    assert "没有变化" in capsys.readouterr().out
    template = tmp_path / "template.xlsx"
    assert main([*base, "template", str(template)]) == 0 and template.exists()
