"""``station due [--on DATE] [--json]``: the contract of DESIGN.md, checked against the calendar.

Acceptance deadlines are recounted here from the ``chinese_calendar`` package directly (in a year it
does not know: Monday to Friday except the statutory holidays on fixed dates, the only ones the
deadlines here can reach), not with the program's own calendar.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest

from station_app.cli import main
from station_app.clock import FixedClock
from station_app.installation import init_station, open_installation
from station_app.registry.complaints import register_complaint
from station_app.workflow import consent, transitions
from station_app.workflow.transitions import ClosingDraft

from ..conftest import complaint_draft, copy_folder

D = dt.date
ON = D(2026, 12, 31)


def official_working_day(day: dt.date) -> tuple[bool, bool]:
    """(is a working day, known from the official schedule)."""
    try:
        return bool(chinese_calendar.is_workday(day)), True
    except NotImplementedError:  # a year the package does not cover
        assert day.month == 1, "a lunar holiday would need counting here"
        fixed = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}  # 元旦, 劳动节, 国庆
        return day.weekday() < 5 and (day.month, day.day) not in fixed, False


def seventh_working_day_after(received: dt.date) -> tuple[dt.date, bool]:
    day, counted, estimated = received, 0, False
    while counted < 7:
        day += dt.timedelta(days=1)
        working, known = official_working_day(day)
        if working:
            counted += 1
            estimated = estimated or not known
    return day, estimated


def due_json(data: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["--data-dir", str(data), "due", "--on", ON.isoformat(), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def check_items(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert {
            "number",
            "status",
            "received_on",
            "deadline_kind",
            "deadline",
            "overdue",
            "estimated",
        } <= set(item)
        assert item["deadline_kind"] in {"accept", "mediation", "termination_notice", "follow_up"}
        deadline = D.fromisoformat(item["deadline"])
        assert item["overdue"] is (deadline < ON)
        if item["deadline_kind"] == "accept":
            assert item["status"] == "registered"
            expected, estimated = seventh_working_day_after(D.fromisoformat(item["received_on"]))
            assert deadline == expected, item
            assert item["estimated"] is estimated, item


@pytest.fixture(scope="module")
def populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station on 31 Dec 2026 with complaints received since mid-October, at every stage.
    Built once per module; each test gets a copy (``populated``)."""
    tmp_path = tmp_path_factory.mktemp("populated")
    data = tmp_path / "d"
    clock = FixedClock(local=dt.datetime(2026, 12, 31, 17, 0))
    inst = open_installation(data)
    init_station(inst, code="TJ001", name="诺江镇服务站", clock=clock)
    ctx = inst.context(actor="王联络员", clock=clock)
    day = D(2026, 10, 12)
    index = 0
    while day <= ON:
        complaint = register_complaint(
            ctx, complaint_draft(received_at=dt.datetime.combine(day, dt.time(9, 30)))
        )
        stage = index % 5
        if stage in (1, 2, 3) and day <= D(2026, 12, 20):
            transitions.accept(ctx, complaint.id, on=day)
        if stage in (2, 3) and day <= D(2026, 12, 20):
            consent.record_consent(
                ctx, complaint.id, consent.ConsentDraft(recipients=["respondent"])
            )
            transitions.start_mediation(ctx, complaint.id, on=day)
        if stage == 3 and day <= D(2026, 12, 20):
            transitions.close(
                ctx,
                complaint.id,
                ClosingDraft(outcome="mediated", closed_on=day + dt.timedelta(days=2)),
            )
        day += dt.timedelta(days=1)
        index += 1
    inst.close()
    return data


@pytest.fixture
def populated(populated_template: Path, tmp_path: Path) -> Path:
    """The test's own copy of ``populated_template``, in the same place under ``tmp_path``."""
    copy_folder(populated_template, tmp_path / populated_template.name)
    return tmp_path / populated_template.name


def test_due_json_on_a_populated_database(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = due_json(populated, capsys)
    kinds = {item["deadline_kind"] for item in items}
    assert {"accept", "follow_up"} <= kinds
    accept = [item for item in items if item["deadline_kind"] == "accept"]
    assert any(item["overdue"] for item in accept)
    assert any(not item["overdue"] for item in accept)
    assert any(item["estimated"] for item in accept)  # deadlines in January 2027
    check_items(items)
    # every registered complaint whose deadline is past or within 3 working days is listed
    listed = {item["number"] for item in accept}
    horizon = D(2027, 1, 6)  # 31 Dec + 4, 5, 6 Jan (1 Jan 2027 is a statutory holiday)
    inst = open_installation(populated)
    from station_app.store.models import Complaint

    expected = set()
    for complaint in Complaint.select().where(Complaint.status == "registered"):
        deadline, _ = seventh_working_day_after(complaint.received_at.date())
        if deadline <= horizon:
            expected.add(complaint.number)
    inst.close()
    assert listed == expected


def test_due_text_has_one_line_per_item(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = due_json(populated, capsys)
    assert main(["--data-dir", str(populated), "due", "--on", ON.isoformat()]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(items)
    for line, item in zip(lines, items, strict=True):
        fields = line.split("\t")
        assert fields[0] == item["number"] and fields[4] == item["deadline"]
        assert fields[3] in {"受理决定", "调解期限", "终止调解告知", "回访"}
        assert ("已超期" in fields[5]) is item["overdue"]


def test_due_defaults_to_today_and_refuses_before_init(
    tmp_path: Path, populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(populated), "due", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["--data-dir", str(tmp_path / "empty"), "due"]) == 1
    assert "station init" in capsys.readouterr().err


def test_due_on_demo_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo = pytest.importorskip("station_app.demo")
    data = tmp_path / "demo"
    clock = FixedClock(local=dt.datetime(2026, 12, 31, 18, 0))
    inst = open_installation(data)
    init_station(inst, code="TJ001", name="通江县诺江镇消费维权服务站", clock=clock)
    demo.generate_demo(
        inst.context(actor="演示数据", clock=clock),
        complaints=600,
        visits=0,
        date_from=D(2026, 1, 1),
        date_to=ON,
        seed=7,
    )
    inst.close()
    items = due_json(data, capsys)
    assert any(item["deadline_kind"] == "accept" for item in items)
    check_items(items)
