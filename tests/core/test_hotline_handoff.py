"""Hand-off to 12315: chosen complaints in the platform form's field order, only with consent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from station_app.changes import Changes
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.reports.hotline_handoff import HANDOFF_COLUMNS, write_handoff
from station_app.store.models import AuditEntry
from station_app.workflow import consent
from station_app.workflow.consent import ConsentDraft

ROOT = Path(__file__).resolve().parents[2]


def test_complaints_with_consent_are_written_in_the_form_order(
    ctx: Context, make_complaint_draft, tmp_path: Path
) -> None:
    agreed = register_complaint(
        ctx,
        make_complaint_draft(
            complainants=[PersonDraft(name="李桂兰", phone="13881234567",
                                      id_number="360426199101010071", address="诺江镇一村3组")],
            respondent_name='=HYPERLINK("http://x")',
            disputed_amount_fen=36_050,
            demand_text="赔礼道歉",
        ),
    )  # fmt: skip
    consent.record_consent(ctx, agreed.id, ConsentDraft(recipients=["hotline_12315"]))
    only_respondent = register_complaint(ctx, make_complaint_draft(respondent_name="别家"))
    consent.record_consent(ctx, only_respondent.id, ConsentDraft(recipients=["respondent"]))

    done = write_handoff(
        ctx, [agreed.number, only_respondent.number, "NOPE"], tmp_path / "移交.xlsx"
    )
    assert done.written == (agreed.number,)
    assert done.changes == Changes.of(complaints=[agreed.id])  # the window refreshes it
    reasons = {r.number: r.reason for r in done.refused}
    assert "未同意向12315提供个人信息" in reasons[only_respondent.number]
    assert "李*" in reasons[only_respondent.number] or "李**" in reasons[only_respondent.number]
    assert "没有编号为 NOPE 的投诉" in reasons["NOPE"]

    ws = load_workbook(done.path)["12315移交"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == HANDOFF_COLUMNS
    row = dict(zip(HANDOFF_COLUMNS, rows[1], strict=True))
    assert row["消费者姓名"] == "李桂兰" and row["联系电话"] == "13881234567"
    assert row["证件类型"] == "居民身份证" and row["证件号码"] == "360426199101010071"
    assert row["消费者地址"] == "诺江镇一村3组"
    assert row["被投诉方名称"] == '=HYPERLINK("http://x")'  # text, not a formula
    assert ws.cell(row=2, column=HANDOFF_COLUMNS.index("被投诉方名称") + 1).data_type == "s"
    assert row["涉及金额(元)"] == 360.5
    assert row["诉求"] == "退款、赔礼道歉"
    assert row["本站登记编号"] == agreed.number
    assert (
        AuditEntry.select()
        .where((AuditEntry.record_uid == agreed.uid) & (AuditEntry.action == "export_12315"))
        .count()
        == 1
    )
    assert (
        not AuditEntry.select()
        .where(
            (AuditEntry.record_uid == only_respondent.uid) & (AuditEntry.action == "export_12315")
        )
        .exists()
    )


def test_the_hand_off_is_in_the_access_log_and_a_failed_save_keeps_the_old_file(
    ctx: Context, make_complaint_draft, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The file holds the complainants' full details: its export is an access-log entry (who,
    which complaints, where). Saved beside the target and moved into place: a save that fails
    halfway leaves the earlier file, the history and the access log as they were."""
    from openpyxl import Workbook

    from station_app.store.access_models import AccessEntry

    agreed = register_complaint(ctx, make_complaint_draft())
    consent.record_consent(ctx, agreed.id, ConsentDraft(recipients=["hotline_12315"]))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "移交.xlsx"
    write_handoff(ctx, [agreed.number], target)
    (entry,) = AccessEntry.select().where(AccessEntry.kind == "hotline_handoff")
    assert entry.subject == agreed.number and entry.detail == str(target)
    assert entry.actor == ctx.actor
    before = target.read_bytes()

    def broken_save(self, filename):  # type: ignore[no-untyped-def]
        Path(filename).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    try:
        write_handoff(ctx, [agreed.number], target)
    except OSError as error:
        assert error.errno == 28
    else:
        raise AssertionError("the failed save was not reported")
    assert target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["移交.xlsx"]  # no temporary left
    assert AccessEntry.select().where(AccessEntry.kind == "hotline_handoff").count() == 1
    exports = AuditEntry.select().where(AuditEntry.action == "export_12315")
    assert exports.count() == 1


def test_nothing_is_written_when_no_complaint_may_go(
    ctx: Context, make_complaint_draft, tmp_path: Path
) -> None:
    complaint = register_complaint(ctx, make_complaint_draft())
    done = write_handoff(ctx, [complaint.number], tmp_path / "x.xlsx")
    assert done.written == () and len(done.refused) == 1
    assert not done.changes
    assert not (tmp_path / "x.xlsx").exists()


def test_the_command_names_each_refused_complaint(
    ctx: Context, installation, make_complaint_draft, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ok = register_complaint(ctx, make_complaint_draft())
    consent.record_consent(ctx, ok.id, ConsentDraft(recipients=["hotline_12315"]))
    installation.close()
    code = "import sys; from station_app.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(installation.paths.root),
         "hotline-export", "--number", ok.number, "NOPE", "--out", str(tmp_path / "h")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip() == "NOPE：没有编号为 NOPE 的投诉。"
    assert f"{tmp_path / 'h.xlsx'}" in done.stdout and "1 件投诉" in done.stdout
