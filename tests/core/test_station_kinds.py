"""A station's kind (消协分会/投诉站, 受委托站, 联络站): from the roster's 服务站 sheet or the
settings, and what it allows: a liaison point takes no acceptance decision and does not mediate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from station_app.documents import (
    ACCEPTANCE_NOTICE,
    REGISTRATION,
    DocumentNotAvailable,
    document_content,
    printable_documents,
)
from station_app.errors import ValidationFailed
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.station_kinds import (
    ASSOCIATION,
    ENTRUSTED,
    LIAISON,
    kind_of_text,
    set_station_kind,
    station_kind,
)
from station_app.roster.export import roster_rows
from station_app.roster.roster_import import apply_roster, read_roster
from station_app.roster.template import write_template
from station_app.store.models import Station
from station_app.workflow import mediation, states, transitions
from station_app.workflow.mediation import MediationStepDraft
from station_app.workflow.transitions import ReferralDraft

from ..conftest import STATION_CODE, STATION_NAME, complaint_draft

OFFICE = "通江县市场监督管理局"


def roster(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "服务站"
    sheet.append(header or ["服务站编码", "服务站名称", "服务站类型", "委托机关"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("消协分会/投诉站", ASSOCIATION),
        ("投诉站", ASSOCIATION),
        (" 消协分会 ", ASSOCIATION),
        ("受委托站", ENTRUSTED),
        ("委托站", ENTRUSTED),
        ("联络站", LIAISON),
        ("联络点", LIAISON),
        ("", None),
    ],
)
def test_kind_names_and_aliases(text: str, kind: str | None) -> None:
    assert kind_of_text(text) == kind


def test_a_station_nobody_described_is_a_consumer_association_station(ctx: Context) -> None:
    kind = station_kind()
    assert (kind.kind, kind.source, kind.station_name) == (ASSOCIATION, "default", STATION_NAME)


def test_the_roster_gives_the_kind_and_the_office(ctx: Context, tmp_path: Path) -> None:
    path = roster(tmp_path / "r.xlsx", [[STATION_CODE, STATION_NAME, "受委托站", OFFICE]])
    preview = read_roster(path)
    assert preview.errors == []
    apply_roster(preview, ctx=ctx)
    kind = station_kind()
    assert (kind.kind, kind.office, kind.source) == (ENTRUSTED, OFFICE, "roster")
    # the head cannot override the county's word
    with pytest.raises(ValidationFailed, match="名册"):
        set_station_kind(LIAISON)
    # exported as the roster writes it, so that a re-import changes nothing
    row = next(r for r in roster_rows()["station"] if r[0] == STATION_CODE)
    assert row[-2:] == ["受委托站", OFFICE]


def test_the_template_offers_the_kinds_in_a_dropdown(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx"))
    sheet = book["服务站"]
    headers = [cell.value for cell in sheet[2]]
    column = openpyxl.utils.get_column_letter(headers.index("服务站类型") + 1)
    assert "委托机关" in headers
    lists = [v for v in sheet.data_validations.dataValidation if f"{column}3" in str(v.sqref)]
    assert [v.formula1 for v in lists] == ['"消协分会/投诉站,受委托站,联络站"']
    for name in ("消协分会/投诉站", "受委托站", "联络站"):
        assert kind_of_text(name) is not None


def test_a_roster_without_the_column_leaves_the_kind(ctx: Context, tmp_path: Path) -> None:
    apply_roster(
        read_roster(roster(tmp_path / "a.xlsx", [[STATION_CODE, STATION_NAME, "联络站", ""]])),
        ctx=ctx,
    )
    plain = roster(tmp_path / "b.xlsx", [[STATION_CODE, "新名称"]], ["服务站编码", "服务站名称"])
    apply_roster(read_roster(plain), ctx=ctx)
    row = Station.get(Station.code == STATION_CODE)
    assert (row.name, row.kind) == ("新名称", LIAISON)


def test_bad_kinds_are_reported_by_row_and_column(ctx: Context, tmp_path: Path) -> None:
    path = roster(
        tmp_path / "bad.xlsx",
        [
            [STATION_CODE, STATION_NAME, "服务中心", ""],
            ["TJ002", "二号站", "受委托站", ""],
        ],
    )
    errors = read_roster(path).errors
    assert [(e.row, e.column) for e in errors] == [(2, "C"), (3, "D")]
    assert "服务中心" in errors[0].message and "联络站" in errors[0].message
    assert "委托机关" in errors[1].message
    before = Station.get(Station.code == STATION_CODE).kind
    with pytest.raises(Exception, match="错误"):
        apply_roster(read_roster(path), ctx=ctx)
    assert Station.get(Station.code == STATION_CODE).kind == before


def test_the_settings_set_the_kind_when_no_roster_did(ctx: Context) -> None:
    with pytest.raises(ValidationFailed) as refused:
        set_station_kind(ENTRUSTED)  # without the office
    assert "entrusting_office" in refused.value.by_field()
    assert station_kind().source == "default"
    set_station_kind(ENTRUSTED, OFFICE)
    kind = station_kind()
    assert (kind.kind, kind.office, kind.source) == (ENTRUSTED, OFFICE, "settings")


def test_a_liaison_point_cannot_decide_on_acceptance_nor_mediate(ctx: Context) -> None:
    set_station_kind(LIAISON)
    complaint = register_complaint(ctx, complaint_draft())
    for action in (
        lambda: transitions.accept(ctx, complaint.id),
        lambda: transitions.refuse_acceptance(ctx, complaint.id, "outside_remit"),
    ):
        with pytest.raises(states.WorkflowRefused, match="联络站") as refused:
            action()
        assert len(str(refused.value).splitlines()) == 1
        assert "转办" in str(refused.value)
    assert transitions.get_complaint(complaint.id).status == states.REGISTERED
    # it registers and refers; mediating a referred case is still not its work
    transitions.refer(
        ctx,
        complaint.id,
        ReferralDraft(target="market_regulation", with_personal_info=False),
    )
    assert transitions.get_complaint(complaint.id).status == states.REFERRED
    with pytest.raises(states.WorkflowRefused, match="联络站"):
        transitions.start_mediation(ctx, complaint.id)
    with pytest.raises(states.WorkflowRefused, match="联络站"):
        mediation.record_mediation_step(
            ctx,
            complaint.id,
            MediationStepDraft(
                held_at=dt.datetime(2026, 11, 20, 9), mode="phone", mediators="王", result="无"
            ),
        )
    assert [kind for kind, _ in printable_documents(complaint.id)] == [REGISTRATION]


def test_an_entrusted_station_without_an_office_prints_no_paper(ctx: Context) -> None:
    complaint = register_complaint(ctx, complaint_draft())
    transitions.accept(ctx, complaint.id)
    Station.update(kind=ENTRUSTED, entrusting_office=None).where(
        Station.code == STATION_CODE
    ).execute()
    with pytest.raises(DocumentNotAvailable, match="委托机关"):
        document_content(ACCEPTANCE_NOTICE, complaint.id)
    Station.update(entrusting_office=OFFICE).where(Station.code == STATION_CODE).execute()
    content = document_content(ACCEPTANCE_NOTICE, complaint.id)
    assert (content.station_name, content.title) == (OFFICE, "投诉受理决定书")
    assert content.issuer_note == f"（受委托：{STATION_NAME}）"
    assert f"{OFFICE}（盖章）" in content.plain_text()
