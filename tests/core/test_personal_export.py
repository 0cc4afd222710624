"""A person's own records (PIPL Art. 45): theirs, and nobody else's, as a paper and a PDF."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from station_app.access.access_log import AccessFilter, entries
from station_app.access.personal_export import personal_records, record_personal_export
from station_app.errors import RecordNotFound, ValidationFailed
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft

from ..conftest import complaint_draft

ID_NUMBER = "511921197001011232"


def _register(ctx: Context) -> tuple[str, str]:
    mine = register_complaint(
        ctx,
        complaint_draft(
            complainants=[
                PersonDraft(name="张秀英", phone="13981234567", id_number=ID_NUMBER),
                PersonDraft(name="赵大海", phone="13881112222"),
            ],
            is_group=True,
            group_size=2,
            facts="两户买的化肥都结块。",
        ),
    )
    other = register_complaint(ctx, complaint_draft())  # 李桂兰's
    return mine.number, other.number


def test_the_paper_holds_the_persons_records_and_nobody_elses(ctx: Context) -> None:
    mine, other = _register(ctx)
    by_id = personal_records(ctx, id_number=ID_NUMBER)
    text = by_id.content.plain_text()
    assert "张秀英" in text and "13981234567" in text and mine in text
    assert "赵大海" not in text and "李桂兰" not in text and other not in text
    assert (by_id.people, by_id.complaints, by_id.visits) == (1, 1, 0)
    by_phone = personal_records(ctx, phone="13981234567")
    assert by_phone.content.plain_text() == text
    record_personal_export(ctx, by_phone, "/tmp/x.pdf")
    (logged,) = entries(AccessFilter(kind="personal_export"))
    assert logged.subject == by_phone.subject and "13981234567" not in logged.subject
    with pytest.raises(RecordNotFound):
        personal_records(ctx, phone="13900000000")
    with pytest.raises(ValidationFailed):
        personal_records(ctx, id_number=ID_NUMBER, phone="13981234567")


def test_cli_writes_the_pdf_and_logs_it(installation, ctx: Context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _register(ctx)
    installation.close()
    root = str(installation.paths.root)
    target = tmp_path / "本人信息.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "station_app.cli", "--data-dir", root, "personal-export",
         "--phone", "13981234567", "--out", str(target)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")
    installation.reopen()
    assert [r.kind for r in entries(AccessFilter())] == ["personal_export"]
    missing = subprocess.run(
        [sys.executable, "-m", "station_app.cli", "--data-dir", root, "personal-export",
         "--phone", "13900000000", "--out", str(target)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
