"""The county reads, never rewrites, a station's records; its remarks go back in receipts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from station_app.access.ownership import CountyReadOnly
from station_app.access.remarks import add_remark, remarks_of
from station_app.errors import ValidationFailed
from station_app.registry.attachments import attach_to_complaint
from station_app.registry.complaints import (
    delete_complaint,
    draft_of,
    register_complaint,
    update_complaint,
)
from station_app.registry.dossier import complaint_dossier
from station_app.registry.visits import delete_visit
from station_app.store.models import Complaint, Visit
from station_app.sync.receipts import export_receipt, import_receipt
from station_app.workflow import transitions
from station_app.workflow.consent import ConsentDraft, record_consent

from ..conftest import complaint_draft
from .test_sync_helpers import Site, copy_setting, dump_all


@pytest.fixture(scope="module")
def setting_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Site, Site]]:
    tmp_path = tmp_path_factory.mktemp("county-read-only")
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    station.clock.advance(minutes=1)
    with station.open() as (_, ctx):
        register_complaint(ctx, complaint_draft())
    station.demo(complaints=5, visits=5, seed=1)
    county.import_(station.export(tmp_path / "usb"))
    return tmp_path, (station, county)


@pytest.fixture
def setting(setting_template: tuple[Path, tuple[Site, Site]], tmp_path: Path) -> tuple[Site, Site]:
    source, sites = setting_template
    return copy_setting(source, sites, tmp_path)  # type: ignore[return-value]


def _stations_complaint() -> Complaint:
    return Complaint.select().where(Complaint.status == "registered").order_by(Complaint.id).get()


def test_every_write_on_a_stations_complaint_is_refused_at_the_county(
    setting: tuple[Site, Site], tmp_path: Path
) -> None:
    _, county = setting
    evidence = tmp_path / "发票.txt"
    evidence.write_text("发票", encoding="utf-8")
    before = dump_all(county.database)
    with county.open() as (inst, ctx):
        complaint = _stations_complaint()
        draft = draft_of(complaint)
        draft.facts = "县消协改写的事实"
        writes = [
            lambda: update_complaint(ctx, complaint.id, draft),
            lambda: transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 20)),
            lambda: delete_complaint(ctx, complaint.id, "县消协删除"),
            lambda: attach_to_complaint(ctx, inst.paths.attachments, complaint, evidence),
            lambda: record_consent(
                ctx, complaint.id, ConsentDraft(recipients=["respondent"], granted=True)
            ),
            lambda: delete_visit(ctx, Visit.select().first().id, "县消协删除"),
        ]
        for write in writes:
            with pytest.raises(CountyReadOnly) as refused:
                write()
            reason = str(refused.value)
            assert "县消协只能查看" in reason and "甲站（TJ001）" in reason, reason
        assert complaint.number in str(
            pytest.raises(CountyReadOnly, writes[0]).value  # names the record
        )
        dossier = complaint_dossier(complaint.id, dt.date(2026, 11, 20))
        assert dossier.allowed_actions == ()
        assert dossier.read_only_reason and complaint.number in dossier.read_only_reason
    assert dump_all(county.database) == before


def test_the_station_still_writes_its_own_and_the_county_its_own(
    setting: tuple[Site, Site],
) -> None:
    station, county = setting
    with station.open() as (_, ctx):
        complaint = _stations_complaint()
        transitions.accept(ctx, complaint.id, on=dt.date(2026, 11, 20))
        assert complaint_dossier(complaint.id, dt.date(2026, 11, 20)).read_only_reason is None
    with county.open() as (_, ctx):
        own = register_complaint(ctx, complaint_draft(facts="县消协直接受理的投诉。"))
        transitions.accept(ctx, own.id, on=dt.date(2026, 11, 20))
        assert Complaint.get_by_id(own.id).status == "accepted"


def test_county_remarks_go_back_in_the_receipt_once(
    setting: tuple[Site, Site], tmp_path: Path
) -> None:
    station, county = setting
    with county.open() as (inst, ctx):
        complaint = _stations_complaint()
        uid = complaint.uid
        with pytest.raises(ValidationFailed):
            add_remark(ctx, complaint.id, "   ")
        add_remark(ctx, complaint.id, "请尽快联系经营者，县消协可协助调解。")
        receipt = export_receipt(ctx, inst.paths, tmp_path / "back")
    with station.open() as (_, ctx):
        report = import_receipt(ctx, receipt)
        assert report.remarks == 1 and any("县消协备注 1 条" in line for line in report.lines())
        (remark,) = remarks_of(uid)
        assert remark.text == "请尽快联系经营者，县消协可协助调解。" and remark.author == "测试员"
        assert import_receipt(ctx, receipt).remarks == 0
        assert len(remarks_of(uid)) == 1
        shown = complaint_dossier(Complaint.get(Complaint.uid == uid).id, dt.date(2026, 11, 20))
        assert [r.text for r in shown.county_remarks] == [remark.text]


def test_a_receipt_with_a_bad_remark_is_refused_whole(
    setting: tuple[Site, Site], tmp_path: Path
) -> None:
    import json

    from station_app.sync import keys
    from station_app.sync.bundle_format import SyncError
    from station_app.sync.receipts import _canonical

    station, county = setting
    with county.open() as (inst, ctx):
        add_remark(ctx, _stations_complaint().id, "备注")
        path = export_receipt(ctx, inst.paths, tmp_path / "back")
        document = json.loads(path.read_text(encoding="utf-8"))
        document["receipt"]["stations"][0]["remarks"][0]["text"] = "长" * 3000
        key = keys.load_or_create_key(inst.paths)
        document["signature"] = keys.sign(key, _canonical(document["receipt"])).hex()
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = dump_all(station.database)
    with station.open() as (_, ctx), pytest.raises(SyncError, match="remarks\\[0\\].text"):
        import_receipt(ctx, path)
    assert dump_all(station.database) == before


def test_cli_remark_adds_at_the_county_and_refuses_at_the_station(
    setting: tuple[Site, Site], capsys: pytest.CaptureFixture[str]
) -> None:
    from station_app.cli import main

    station, county = setting
    with county.open():
        number = _stations_complaint().number
    assert main(["--data-dir", str(county.root), "remark", number, "请补充发票。"]) == 0
    assert "请补充发票。" in capsys.readouterr().out
    assert main(["--data-dir", str(county.root), "remark", "TJ001-1999-0001"]) == 1
    assert "没有编号为 TJ001-1999-0001 的投诉" in capsys.readouterr().err
    assert main(["--data-dir", str(station.root), "remark", number, "站里自己写"]) == 1
    assert capsys.readouterr().err.strip() == "县消协备注只能由县消协填写；本机是服务站。"
