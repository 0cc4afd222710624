"""``station deadline --received DATE [--kind K] [--accepted DATE] [--ended DATE] [--json]``.

Working days are recounted here from the ``chinese_calendar`` package directly, not with the
program's own calendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest

from station_app.cli import main
from station_app.workflow.working_days import WorkingDayCalendar

D = dt.date


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), "deadline", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def as_json(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(data, capsys, *args, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert {"received_on", "kind", "deadline", "rule_set", "estimated", "basis", "citation"} <= set(
        result
    )
    return result


def nth_official_working_day(start: dt.date, n: int) -> dt.date:
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        counted += bool(chinese_calendar.is_workday(day))
    return day


def test_national_day_2026_is_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = as_json(tmp_path, capsys, "--received", "2026-09-25", "--kind", "accept")
    assert (
        result["deadline"]
        == "2026-10-12"
        == nth_official_working_day(D(2026, 9, 25), 7).isoformat()
    )
    assert result["estimated"] is False
    assert result["rule_set"] == "samr_2026" and result["kind"] == "accept"
    assert result["citation"].startswith("《市场监督管理投诉举报处理办法》")
    assert result["verify"] is True  # the article of the acceptance decision awaits a check
    # --kind defaults to accept
    code, out, _ = run(tmp_path, capsys, "--received", "2026-09-25")
    assert code == 0
    assert out.splitlines()[0] == "受理决定：2026-10-12"
    assert (
        "估算" not in out and "市场监督管理投诉举报处理办法（国家市场监督管理总局令第121号）" in out
    )


def test_spring_festival_2027_is_estimated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if 2027 in WorkingDayCalendar.from_package().known_years:
        pytest.skip("the installed chinese_calendar already knows 2027")
    # 除夕 5 Feb and 初一–初三 6–8 Feb 2027 are statutory holidays before the schedule is out
    result = as_json(tmp_path, capsys, "--received", "2027-02-04", "--kind", "accept")
    assert (result["deadline"], result["estimated"]) == ("2027-02-17", True)
    assert result["unknown_years"] == [2027]
    code, out, _ = run(tmp_path, capsys, "--received", "2027-02-04", "--kind", "accept")
    assert code == 0 and out.splitlines()[0].startswith("受理决定：2027-02-17（估算")


def test_mediation_limits_of_both_rule_sets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = as_json(
        tmp_path,
        capsys,
        "--received",
        "2025-05-06",
        "--kind",
        "mediation",
        "--accepted",
        "2025-05-08",
    )
    assert old["rule_set"] == "samr_2019" and (old["days"], old["day_kind"]) == (45, "working")
    assert old["deadline"] == nth_official_working_day(D(2025, 5, 8), 45).isoformat()
    assert old["citation"] == "《市场监督管理投诉举报处理暂行办法》第二十一条第一款第（五）项"
    new = as_json(
        tmp_path,
        capsys,
        "--received",
        "2026-05-06",
        "--kind",
        "mediation",
        "--accepted",
        "2026-05-08",
    )
    assert new["rule_set"] == "samr_2026" and (new["days"], new["day_kind"]) == (60, "calendar")
    assert new["deadline"] == (D(2026, 5, 8) + dt.timedelta(days=60)).isoformat()
    assert new["moved_from_rest_day"] is None


def test_calendar_days_ending_on_a_holiday_move_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 60 days after 2 Aug 2026 is 1 Oct (National Day, 1–7 Oct off): 8 Oct (民法典第二百零三条)
    result = as_json(
        tmp_path,
        capsys,
        "--received",
        "2026-08-01",
        "--kind",
        "mediation",
        "--accepted",
        "2026-08-02",
    )
    assert result["deadline"] == "2026-10-08" and result["moved_from_rest_day"] == "2026-10-01"
    assert chinese_calendar.is_workday(D(2026, 10, 8))
    assert not any(chinese_calendar.is_workday(D(2026, 10, day)) for day in range(1, 8))


def test_termination_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = as_json(
        tmp_path,
        capsys,
        "--received",
        "2026-11-18",
        "--kind",
        "termination_notice",
        "--ended",
        "2026-11-20",
    )
    assert result["deadline"] == nth_official_working_day(D(2026, 11, 20), 7).isoformat()
    assert result["start_on"] == "2026-11-20"


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--received", "2026-02-30"], "无法识别"),
        (["--received", "明天"], "无法识别"),
        (["--received", "2019-05-01"], "早于已知的投诉处理规则"),
        (["--received", "2026-05-01", "--kind", "mediation"], "--accepted"),
        (["--received", "2026-05-01", "--kind", "termination_notice"], "--ended"),
        (["--received", "2026-05-01", "--kind", "appeal"], "--kind"),
        (
            ["--received", "2026-05-01", "--kind", "mediation", "--accepted", "2026-04-30"],
            "早于收到日期",
        ),
        (
            ["--received", "2026-05-01", "--kind", "mediation", "--accepted", "2026-13-01"],
            "--accepted",
        ),
    ],
)
def test_bad_input_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    code, out, err = run(tmp_path, capsys, *args)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and reason in err
    assert "Traceback" not in err
