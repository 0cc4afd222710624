"""The control totals of a station's last bundle (complaints not deleted, recovered fen) are
checked against the county's rows after each bundle; within one import run a station is read
once and then followed by what each bundle changed."""

from __future__ import annotations

import contextlib
from pathlib import Path

from station_app.registry.complaints import delete_complaint, draft_of, update_complaint
from station_app.store.models import Complaint

from ..conftest import connect_raw
from .test_sync_helpers import Site


def county_totals(database: Path, origin: str) -> tuple[int, int]:
    with contextlib.closing(connect_raw(database)) as connection:
        return connection.execute(
            "SELECT count(*), coalesce(sum(recovered_fen), 0) FROM complaint"
            " WHERE deleted = 0 AND origin = ?",
            (origin,),
        ).fetchone()


def mismatch_note(report) -> str:  # type: ignore[no-untyped-def]
    (note,) = [n for n in report.notes if n.startswith("合计核对不符")]
    return note


def test_totals_after_each_bundle_of_one_run_follow_inserts_replacements_and_deletions(
    tmp_path: Path,
) -> None:
    station = Site(tmp_path / "jia", "TJ001", "甲站")
    county = Site(tmp_path / "county", "XIAN", "通江县消协", role="county")
    station.demo(complaints=40, visits=30, seed=3)
    out = tmp_path / "usb"
    (first,) = county.import_(station.export(out))
    assert first.status == "imported"
    assert not [n for n in first.notes if n.startswith("合计核对不符")]

    with county.open():  # the county's copy differs (a clerk's edit, no new version)
        changed = Complaint.select().where(Complaint.origin == "TJ001").first()
        Complaint.update(recovered_fen=Complaint.recovered_fen + 12_345).where(
            Complaint.id == changed.id
        ).execute()
    with station.open() as (_, ctx):
        ids = [c.id for c in Complaint.select().order_by(Complaint.id)]
        draft = draft_of(Complaint.get_by_id(ids[1]))
        draft.facts = "补充：商家已退还一半货款。"
        update_complaint(ctx, ids[1], draft)
    station.clock.advance(minutes=3)
    edited = station.export(out)
    with station.open() as (_, ctx):
        delete_complaint(ctx, ids[2], "重复登记")
    station.clock.advance(minutes=3)
    deleted = station.export(out)

    after_edit, after_delete = county.import_(edited, deleted)  # one run
    assert [r.status for r in (after_edit, after_delete)] == ["imported", "imported"]
    assert after_edit.tables["complaint"].replaced == 1
    assert after_delete.tables["complaint"].replaced == 1
    count, fen = county_totals(county.database, "TJ001")
    with station.open():
        theirs = Complaint.select().where(Complaint.deleted == False).count()  # noqa: E712
    assert count == theirs == 39
    # the second bundle's check adds what it changed to what the first one read
    note = mismatch_note(after_delete)
    assert f"本库中为 {count} 件、{fen / 100:.2f} 元" in note
    assert f"服务站有投诉 {theirs} 件" in note
    assert f"本库中为 {count + 1} 件" in mismatch_note(after_edit)

    # a new run reads the station again and finds the same
    with station.open() as (_, ctx):
        draft = draft_of(Complaint.get_by_id(ids[3]))
        draft.facts = "补充：已电话回访。"
        update_complaint(ctx, ids[3], draft)
    station.clock.advance(minutes=3)
    (again,) = county.import_(station.export(out))
    assert f"本库中为 {count} 件、{fen / 100:.2f} 元" in mismatch_note(again)
