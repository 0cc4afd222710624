"""``station list`` and ``station show``: masked by default, ``--unmasked`` audited, bad input → 1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from station_app.cli import main
from station_app.clock import FixedClock
from station_app.installation import init_station, open_installation
from station_app.registry.complaints import register_complaint
from station_app.registry.people import PersonDraft
from station_app.workflow import transitions

from ..conftest import TEST_HEAD, complaint_draft, connect_raw, copy_folder

PHONE = "13881234567"
ID_NUMBER = "360426199101010071"


@pytest.fixture(scope="module")
def data_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three complaints: 2026-03-10 (2019 rules), 2026-05-06 accepted, 2026-11-18 registered.
    Built once per module; each test gets a copy (``data``)."""
    tmp_path = tmp_path_factory.mktemp("data")
    root = tmp_path / "d"
    clock = FixedClock(local=dt.datetime(2026, 11, 20, 10, 0))
    inst = open_installation(root, TEST_HEAD)  # encrypted: the command line signs in
    init_station(inst, code="TJ001", name="诺江镇服务站", clock=clock)
    ctx = inst.context(actor="王联络员", clock=clock)
    person = PersonDraft(name="李桂兰", phone=PHONE, id_number=ID_NUMBER, address="诺江镇一村")
    for received in (dt.datetime(2026, 3, 10, 9), dt.datetime(2026, 5, 6, 9)):
        complaint = register_complaint(
            ctx, complaint_draft(received_at=received, complainants=[person])
        )
    transitions.accept(ctx, complaint.id, on=dt.date(2026, 5, 7))
    register_complaint(
        ctx,
        complaint_draft(
            received_at=dt.datetime(2026, 11, 18, 9),
            natures=["quality", "price"],
            complainants=[person],
        ),
    )
    inst.close()
    return root


@pytest.fixture
def data(data_template: Path, tmp_path: Path) -> Path:
    """The test's own copy of ``data_template``, in the same place under ``tmp_path``."""
    copy_folder(data_template, tmp_path / data_template.name)
    return tmp_path / data_template.name


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def reveals(data: Path) -> list[tuple[Any, ...]]:
    with connect_raw(data / "station.sqlite3") as connection:
        return connection.execute(
            "SELECT actor, action, record_uid, field, new_value FROM audit_entry"
            " WHERE action = 'reveal' ORDER BY id"
        ).fetchall()


def test_list_json_filters_by_status_and_dates(data: Path, capsys) -> None:
    code, out, _ = run(data, capsys, "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert [i["received_on"] for i in items] == ["2026-03-10", "2026-05-06", "2026-11-18"]
    assert [i["rule_set"] for i in items] == ["samr_2019", "samr_2026", "samr_2026"]
    assert [i["status"] for i in items] == ["registered", "accepted", "registered"]
    assert {"number", "status", "received_on", "rule_set"} <= set(items[0])
    assert all(i["complainant"] == "李**" for i in items)

    _, out, _ = run(data, capsys, "list", "--status", "已受理", "--json")
    assert [i["received_on"] for i in json.loads(out)] == ["2026-05-06"]
    _, out, _ = run(data, capsys, "list", "--status", "registered", "--from", "2026-03-11",
                    "--to", "2026-11-18", "--json")  # fmt: skip
    assert [i["received_on"] for i in json.loads(out)] == ["2026-11-18"]
    _, out, _ = run(data, capsys, "list", "--to", "2026-03-10")
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].split("\t")[1:4] == ["已登记", "2026-03-10", "samr_2019"]
    assert "李桂兰" not in out
    assert reveals(data) == []


def test_show_masks_personal_information(data: Path, capsys) -> None:
    _, out, _ = run(data, capsys, "list", "--json")
    number = json.loads(out)[2]["number"]
    code, out, _ = run(data, capsys, "show", number, "--json")
    assert code == 0
    record = json.loads(out)
    assert record["number"] == number and record["status"] == "registered"
    assert record["rule_set"] == "samr_2026"
    [person] = record["complainants"]
    assert person == {
        "name": "李**",
        "phone": "138****4567",
        "id_number": "360426********0071",
        "address": None,
        "village_code": None,
        "is_representative": False,
    }
    assert record["respondent"]["name"] == "通江县诺江镇惠民农资店"
    assert record["primary_nature"] == "其他"
    assert record["secondary_natures"] == ["质量", "价格"]
    assert record["deadline"]["kind"] == "accept"
    assert record["history"] == []
    code, text, _ = run(data, capsys, "show", number)
    assert code == 0
    assert f"登记编号：{number}" in text and "李**" in text and PHONE not in text
    assert "期限：受理决定" in text
    assert reveals(data) == []


def test_show_history_of_an_accepted_complaint(data: Path, capsys) -> None:
    _, out, _ = run(data, capsys, "list", "--status", "accepted", "--json")
    number = json.loads(out)[0]["number"]
    _, out, _ = run(data, capsys, "show", number, "--json")
    record = json.loads(out)
    assert [(h["on"], h["from"], h["to"]) for h in record["history"]] == [
        ("2026-05-07", "已登记", "已受理")
    ]
    assert record["deadline"]["kind"] == "mediation"


def test_unmasked_is_shown_and_audited(data: Path, capsys) -> None:
    _, out, _ = run(data, capsys, "list", "--json")
    number = json.loads(out)[0]["number"]
    # the audit log names the signed-in person, whatever --actor says
    code, out, _ = run(data, capsys, "show", number, "--unmasked", "--actor", "张站长", "--json")
    assert code == 0
    [person] = json.loads(out)["complainants"]
    assert (person["name"], person["phone"], person["id_number"]) == ("李桂兰", PHONE, ID_NUMBER)
    code, out, _ = run(data, capsys, "list", "--unmasked")
    assert code == 0 and "李桂兰" in out
    entries = reveals(data)
    assert [(e[0], e[1], e[3]) for e in entries] == [
        (TEST_HEAD.name, "reveal", "unmasked"),
        (TEST_HEAD.name, "reveal", "unmasked"),
    ]
    assert entries[0][4] == number
    assert "3 件" in entries[1][4]


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["list", "--from", "2026-13-01"], "--from"),
        (["list", "--to", "昨天"], "--to"),
        (["list", "--from", "2026-05-01", "--to", "2026-04-01"], "不能晚于"),
        (["list", "--status", "不存在"], "办理状态"),
        (["show", "TJ001-2026-9999"], "TJ001-2026-9999"),
    ],
)
def test_bad_arguments_exit_1_with_one_chinese_line(data: Path, capsys, args, reason) -> None:
    code, out, err = run(data, capsys, *args)
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "reason"),
    [(["show"], "缺少参数：number"), (["list", "--status"], "参数有误")],
)
def test_malformed_arguments_exit_1_with_one_line(data: Path, capsys, args, reason) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(data), *args])
    assert exited.value.code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0]
