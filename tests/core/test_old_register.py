"""Old registers: a station's own Excel/WPS/CSV complaint register, imported as closed history.

Three layouts as stations keep them: a title above the header (row 3) with the ledger's names,
a sheet with merged cells and other names for the columns, and a GBK CSV. Every row is accounted
for; a bad date is refused naming its row and column and nothing is written; --dry-run writes
nothing; importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from station_app.registry.context import Context
from station_app.registry.old_register import (
    IMPORT_ACTION,
    RegisterRefused,
    RegisterUnreadable,
    import_register,
    parse_mapping,
    parse_yuan,
    preview_register,
)
from station_app.reports.indicators import compute_indicators
from station_app.store.models import AuditEntry, Complaint, Person
from station_app.store.workflow_models import ComplaintTransition
from station_app.workflow import states

ROOT = Path(__file__).resolve().parents[2]

LEDGER_HEADER = [
    "序号", "登记编号", "登记日期", "渠道", "投诉人", "联系电话", "被投诉方", "统一社会信用代码",
    "商品/服务", "大类/小类", "投诉性质", "涉及金额(元)", "事由摘要", "诉求", "处理结果",
    "挽回经济损失(元)", "加倍赔偿(元)", "办结日期", "备注",
]  # fmt: skip
LEDGER_ROWS = [
    ["1", "OLD-2023-001", "2023-03-02", "来访", "李大明", "13800001111", "诺江镇好又多超市",
     "91350100M000100Y43", "过期牛奶", "食品类", "质量、安全", "36", "购买的牛奶已过期",
     "退货、赔偿损失", "调解成功", "500", "464", "2023-03-10", ""],
    ["2", "OLD-2023-002", "2023/3/15", "电话", "王秀英", "13900002222", "通江县某通讯店", "",
     "手机", "家用电子电器类/手机", "售后服务", "1,299.00", "手机屏幕坏了不给保修", "修理",
     "自行和解", "0", "", "2023.3.20", "商家已修好"],
    ["3", "", "20230402", "微信/网络", "张三", "", "某农资门市", "", "化肥", "农用生产资料类",
     "假冒", "￥800", "化肥是假的，庄稼减产", "赔偿损失", "终止·未达成", "", "", "2023-05-06",
     ""],
    ["4", "OLD-2023-004", "2023-04-20", "来访", "赵四", "13700003333", "外县某公司", "",
     "保健品", "医药及医疗用品类", "虚假宣传", "2000", "推销保健品", "退款", "不予受理", "", "",
     "2023-04-21", "不属本站受理范围"],
    ["合计", "", "", "", "", "", "", "", "", "", "", "4135", "", "", "", "500", "464", "", ""],
]  # fmt: skip


def write_titled_workbook(path: Path, rows: list[list[str]] = LEDGER_ROWS) -> Path:
    """The ledger's own column names, under a title and a subtitle (header on row 3)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "投诉登记台账"
    ws.append(["通江县诺江镇消费维权服务站投诉登记台账（2023年）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(LEDGER_HEADER))
    ws.append(["填表单位：诺江镇服务站", "", "", "", "", "", "", "", "", "", "", "", "单位：元"])
    ws.append(LEDGER_HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def write_merged_workbook(path: Path) -> Path:
    """Other names for the columns, a header merged over two rows, merged channel cells, numbers
    and date serials as Excel stores them."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2022年"
    ws.append(["投诉日期", "受理方式", "消费者姓名", "电话", "被投诉单位", "投诉商品", "类别",
               "投诉内容", "处理情况", "挽回损失", "结案日期"])  # fmt: skip
    ws.append([None] * 11)
    for column in range(1, 12):  # each header cell merged over rows 1-2
        ws.merge_cells(start_row=1, start_column=column, end_row=2, end_column=column)
    data = [
        [dt.date(2022, 6, 1), "来访", "钱一", 13512345678, "某电器行", "电视机", "家用电子电器类",
         "电视机三天就坏", "调解成功", 1200, dt.date(2022, 6, 8)],
        [dt.date(2022, 6, 3), None, "孙二", 13612345678, "某饭店", "餐饮", "生活、社会服务类",
         "饭菜不卫生", "撤回", 0, dt.date(2022, 6, 5)],
        [dt.date(2022, 7, 9), "电话", "周三", None, "某驾校", "驾驶培训", "教育培训服务类",
         "退学不退费", "调解成功", 3000, dt.date(2022, 7, 30)],
    ]  # fmt: skip
    for row in data:
        ws.append(row)
    ws.merge_cells("B3:B4")  # 来访 for both June rows
    wb.save(path)
    return path


def write_gbk_csv(path: Path) -> Path:
    with path.open("w", encoding="gbk", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["登记日期", "投诉人", "被投诉方", "商品/服务", "事由摘要", "处理结果",
                         "挽回经济损失(元)", "办结日期"])  # fmt: skip
        writer.writerow(["2021-09-01", "吴五", "某摩托车行", "摩托车", "新车漏油", "调解成功",
                         "300", "2021-09-09"])  # fmt: skip
        writer.writerow(["2021-10-11", "郑六", "某家具店", "沙发", "沙发开裂", "联系不上", "",
                         "2021-10-30"])  # fmt: skip
    return path


def test_money_in_registers_is_read_in_fen() -> None:
    assert parse_yuan("1,299.00") == 129_900
    assert parse_yuan("￥800") == 80_000
    assert parse_yuan("80元") == 8_000
    assert parse_yuan("") is None
    for bad in ("八百", "1.234", "-5"):
        with pytest.raises(ValueError):
            parse_yuan(bad)


def test_a_titled_register_imports_every_row_as_closed_history(
    ctx: Context, tmp_path: Path
) -> None:
    path = write_titled_workbook(tmp_path / "旧台账.xlsx")
    preview = preview_register(ctx, path)
    assert preview.header_row == 3 and preview.sheet == "投诉登记台账"
    assert not preview.errors
    assert [r.row for r in preview.rows] == [4, 5, 6, 7]
    assert any("第 8 行是合计行" in note for note in preview.notes)  # every row accounted for
    done = import_register(ctx, preview)
    assert (done.imported, done.already, done.renumbered) == (4, 0, 0)

    milk = Complaint.get(Complaint.number == "OLD-2023-001")
    assert milk.status == states.CLOSED and milk.outcome == "mediated"
    assert milk.closed_on == dt.date(2023, 3, 10) and milk.recovered_fen == 50_000
    assert milk.punitive_fen == 46_400 and milk.disputed_amount_fen == 3_600
    assert milk.natures == "other,quality,safety"  # several natures: 其他 counts (DOMAIN)
    assert milk.category_code
    assert milk.demands == "return,compensation"
    moves = list(milk.transitions.order_by(ComplaintTransition.id))
    assert [(m.to_status, m.happened_on) for m in moves] == [
        (states.ACCEPTED, dt.date(2023, 3, 2)),
        (states.CLOSED, dt.date(2023, 3, 10)),
    ]
    assert all("从旧台账导入：旧台账.xlsx 第 4 行" in m.reason for m in moves)
    assert (
        AuditEntry.select()
        .where((AuditEntry.record_uid == milk.uid) & (AuditEntry.action == IMPORT_ACTION))
        .exists()
    )
    phone = Complaint.get(Complaint.number == "OLD-2023-002")
    assert phone.status == states.CLOSED and phone.outcome == "settled"
    assert phone.received_at.date() == dt.date(2023, 3, 15)
    fertiliser = Complaint.get(Complaint.respondent_name == "某农资门市")
    assert fertiliser.status == states.MEDIATION_ENDED and fertiliser.number  # a new number
    refused = Complaint.get(Complaint.number == "OLD-2023-004")
    assert refused.status == states.NOT_ACCEPTED
    assert Person.select().where(Person.name == "李大明").count() == 1

    # the statistics count the history in its months
    march = compute_indicators("2023-03", origin=ctx.origin).figures
    assert march["complaints_registered"] == 2 and march["complaints_closed"] == 2
    assert march["recovered_fen"] == 50_000
    april = compute_indicators("2023-04", origin=ctx.origin).figures
    assert april["complaints_not_accepted"] == 1 and april["complaints_accepted"] == 1


def test_importing_the_same_register_again_changes_nothing(ctx: Context, tmp_path: Path) -> None:
    path = write_titled_workbook(tmp_path / "旧台账.xlsx")
    import_register(ctx, preview_register(ctx, path))
    before = [(c.uid, c.version, c.change_seq) for c in Complaint.select().order_by(Complaint.id)]
    again = preview_register(ctx, path)
    assert [r.already for r in again.rows] == [True] * 4
    done = import_register(ctx, again)
    assert (done.imported, done.already) == (0, 4)
    after = [(c.uid, c.version, c.change_seq) for c in Complaint.select().order_by(Complaint.id)]
    assert after == before


def test_a_register_with_merged_cells_and_other_names(ctx: Context, tmp_path: Path) -> None:
    path = write_merged_workbook(tmp_path / "2022.xlsx")
    preview = preview_register(ctx, path)
    assert not preview.errors, [str(e) for e in preview.errors]
    assert len(preview.rows) == 3
    assert preview.rows[1].draft.channel == "visit"  # the merged 来访 reaches the second row
    assert preview.rows[0].draft.complainants[0].phone == "13512345678"
    import_register(ctx, preview)
    withdrawn = Complaint.get(Complaint.respondent_name == "某饭店")
    assert withdrawn.status == states.WITHDRAWN and withdrawn.closed_on == dt.date(2022, 6, 5)
    assert compute_indicators("2022-07", origin=ctx.origin).figures["recovered_fen"] == 300_000


def test_a_gbk_csv_register(ctx: Context, tmp_path: Path) -> None:
    preview = preview_register(ctx, write_gbk_csv(tmp_path / "台账.csv"))
    assert not preview.errors and len(preview.rows) == 2
    done = import_register(ctx, preview)
    assert done.imported == 2
    moto = Complaint.get(Complaint.respondent_name == "某摩托车行")
    assert moto.facts == "新车漏油" and moto.channel == "visit" and moto.category_code == "O01"
    assert Complaint.get(Complaint.respondent_name == "某家具店").outcome == "unreachable"


def test_a_bad_date_is_refused_naming_row_and_column_and_nothing_is_written(
    ctx: Context, tmp_path: Path
) -> None:
    rows = [list(r) for r in LEDGER_ROWS]
    rows[2][2] = "2023-02-30"
    rows[1][14] = "很满意"
    path = write_titled_workbook(tmp_path / "坏台账.xlsx", rows)
    preview = preview_register(ctx, path)
    messages = [str(e) for e in preview.errors]
    assert any(m.startswith("第 6 行 C 列（登记日期）") and "2023-02-30" in m for m in messages)
    assert any(m.startswith("第 5 行 O 列（处理结果）") and "很满意" in m for m in messages)
    count = Complaint.select().count()
    with pytest.raises(RegisterRefused, match="坏台账.xlsx：2 行有错误，没有导入任何记录"):
        import_register(ctx, preview)
    assert Complaint.select().count() == count


def test_a_column_is_mapped_by_hand(ctx: Context, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["日期", "姓名", "商家", "问题描述"])  # 问题描述 is no name the program knows
    ws.append(["2024-01-05", "陈七", "某超市", "少称"])
    wb.save(tmp_path / "x.xlsx")
    preview = preview_register(ctx, tmp_path / "x.xlsx")
    assert any("事由摘要" in str(e) for e in preview.errors)
    mapped = preview_register(ctx, tmp_path / "x.xlsx", mapping=parse_mapping(["facts=问题描述"]))
    assert not mapped.errors and mapped.rows[0].draft.facts == "少称"
    by_letter = preview_register(ctx, tmp_path / "x.xlsx", mapping=parse_mapping(["facts=D"]))
    assert by_letter.rows[0].draft.facts == "少称"
    with pytest.raises(RegisterUnreadable, match="没有“备注二”这一列"):
        preview_register(ctx, tmp_path / "x.xlsx", mapping={"remarks": "备注二"})


def test_a_file_without_a_register_header_is_refused(ctx: Context, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "年龄"])
    ws.append(["甲", "3"])
    wb.save(tmp_path / "名单.xlsx")
    with pytest.raises(RegisterUnreadable, match="名单.xlsx：没有找到台账的表头"):
        preview_register(ctx, tmp_path / "名单.xlsx")


def station_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from station_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_the_command_dry_runs_imports_and_refuses(
    ctx: Context, installation, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    installation.close()
    data = installation.paths.root
    path = write_titled_workbook(tmp_path / "旧台账.xlsx")
    dry = station_cli(data, "import-register", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "新导入 4 件" in dry.stdout and "没有写入任何记录" in dry.stdout
    done = station_cli(data, "import-register", str(path))
    assert done.returncode == 0 and "已导入 4 件历史投诉" in done.stdout
    again = station_cli(data, "import-register", str(path))
    assert again.returncode == 0 and "已导入 0 件历史投诉（已导入过 4 件" in again.stdout
    rows = [list(r) for r in LEDGER_ROWS]
    rows[0][2] = "去年春天"
    bad = station_cli(
        data, "import-register", str(write_titled_workbook(tmp_path / "b.xlsx", rows))
    )
    assert bad.returncode == 1
    assert (
        bad.stderr.strip()
        == "b.xlsx 第 4 行 C 列（登记日期）：无法识别日期“去年春天”，请写成 2020-01-01 这样的格式"
    )
