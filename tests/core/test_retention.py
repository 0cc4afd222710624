"""Retention: complaints closed longer ago than the setting lose their personal data, after a
preview; the anonymised rows reach the county in the next bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from station_app.access import retention
from station_app.errors import ValidationFailed
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.store.models import AuditEntry, Complaint, Person
from station_app.workflow import transitions

from ..conftest import complaint_draft
from .test_sync_helpers import Site, dump_all

OLD = dt.datetime(2022, 3, 1, 9, 0)


def _old_closed(ctx: Context, name: str, phone: str, id_number: str | None = None) -> Complaint:
    complaint = register_complaint(
        ctx,
        complaint_draft(
            received_at=OLD,
            complainants=[
                PersonDraft(name=name, phone=phone, id_number=id_number, address="诺江镇1号")
            ],
            facts=f"{name}（电话 {phone}）买的化肥结块。",
        ),
    )
    transitions.withdraw(ctx, complaint.id, on=dt.date(2022, 3, 5), reason="已和解")
    return Complaint.get_by_id(complaint.id)


def test_preview_writes_nothing_and_apply_replaces_only_old_closed_complaints(
    ctx: Context, installation
) -> None:  # type: ignore[no-untyped-def]
    old = _old_closed(ctx, "张秀英", "13981234567", "511921197001011232")
    kept = _old_closed(ctx, "赵大海", "13881112222")
    register_complaint(  # 赵大海 has a newer, open complaint: he keeps his data for now
        ctx, complaint_draft(complainants=[PersonDraft(name="赵大海", phone="13881112222")])
    )
    recent = register_complaint(ctx, complaint_draft())
    before = dump_all(installation.paths.database)

    shown = retention.preview(ctx)
    assert (shown.years, shown.cutoff) == (3, dt.date(2023, 11, 20))
    assert (shown.complaints, shown.people, shown.waiting) == (1, 1, 1)
    assert shown.values == {"name": 1, "phone": 1, "id_number": 1, "address": 1}
    assert "1 条投诉的 1 位当事人" in shown.lines()[0]
    assert dump_all(installation.paths.database) == before

    done = retention.anonymise(ctx)
    assert (done.complaints, done.people) == (shown.complaints, shown.people)
    person = Complaint.get_by_id(old.id).complainants[0].person
    assert (person.name, person.phone, person.id_number, person.address) == (
        retention.ANONYMOUS_NAME, None, None, None)  # fmt: skip
    scrubbed = Complaint.get_by_id(old.id)
    assert "张秀英" not in scrubbed.facts and "13981234567" not in scrubbed.facts
    assert "张秀英" not in scrubbed.search_text
    assert scrubbed.version == old.version + 1
    assert (scrubbed.amount_paid_fen, scrubbed.outcome, scrubbed.closed_on) == (
        old.amount_paid_fen, old.outcome, old.closed_on)  # fmt: skip
    assert Complaint.get_by_id(kept.id).complainants[0].person.name == "赵大海"
    assert Complaint.get_by_id(recent.id).complainants[0].person.name == "李桂兰"
    assert AuditEntry.select().where(AuditEntry.action == "anonymise").count() == 1
    assert retention.preview(ctx).people == 0  # done once


def test_the_setting_bounds_the_years(ctx: Context) -> None:
    _old_closed(ctx, "张秀英", "13981234567")
    retention.set_retention_years(5)
    assert retention.retention_years() == 5 and retention.preview(ctx).people == 0
    with pytest.raises(ValidationFailed):
        retention.set_retention_years(0)


def test_the_anonymised_rows_reach_the_county(tmp_path: Path) -> None:
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    with station.open() as (_, ctx):
        uid = _old_closed(ctx, "张秀英", "13981234567").uid
    county.import_(station.export(tmp_path / "usb"))
    with county.open() as (_, ctx), pytest.raises(retention.RetentionRefused):
        retention.preview(ctx)
    with station.open() as (_, ctx):
        assert retention.anonymise(ctx).people == 1
    (report,) = county.import_(station.export(tmp_path / "usb"))
    assert report.tables["person"].replaced == 1
    with county.open():
        complaint = Complaint.get(Complaint.uid == uid)
        person = complaint.complainants[0].person
        assert person.name == retention.ANONYMOUS_NAME and person.phone is None
        assert "张秀英" not in complaint.facts
        assert not Person.select().where(Person.name == "张秀英").exists()


def test_cli_previews_by_default_and_applies_on_request(
    installation, ctx: Context, clock, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from station_app.cli import main
    from station_app.installation import Installation

    uid = _old_closed(ctx, "张秀英", "13981234567").uid
    installation.close()
    context = Installation.context
    # the command's "today" is the test's clock, not the machine's date
    monkeypatch.setattr(
        Installation, "context", lambda self, actor="系统", **_: context(self, actor, clock)
    )

    def station(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(installation.paths.root), "retention", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    code, out, _ = station("--preview")
    assert code == 0 and "1 条投诉的 1 位当事人" in out and "--apply" in out
    code, _, err = station("--years", "0", "--set-years")
    assert code == 1 and "1 至 30 年" in err
    code, out, _ = station("--apply", "--actor", "李站长")
    assert code == 0 and "已匿名化 1 条投诉的 1 位当事人" in out
    installation.reopen()
    person = Complaint.get(Complaint.uid == uid).complainants[0].person
    assert person.name == retention.ANONYMOUS_NAME
