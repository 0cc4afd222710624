"""Every paper, as a PDF, for each kind of station and both rule sets: the right title, issuer,
measure (exact name and order number) and article and item, read back from the PDF text.

Complaints received in 2025 are handled under the 2019 measures (《市场监督管理投诉举报处理暂行
办法》, 令第20号), those received in 2026 after 15 April under the 2026 ones (《市场监督管理投诉
举报处理办法》, 令第121号). ``station document`` writes the same PDFs from the command line.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from station_app.cli import main
from station_app.documents import (
    ACCEPTANCE_NOTICE,
    FOLLOW_UP_RECORD,
    MEDIATION_AGREEMENT,
    MEDIATION_NOTICE,
    NOT_ACCEPTED_NOTICE,
    OFFICE_TITLES,
    REGISTRATION,
    TERMINATION_NOTICE,
    TITLES,
    DocumentNotAvailable,
    document_content,
    printable_documents,
)
from station_app.gui.reports import printing
from station_app.installation import Installation
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.registry.station_kinds import (
    ASSOCIATION,
    ENTRUSTED,
    LIAISON,
    set_station_kind,
)
from station_app.store.models import Complaint
from station_app.workflow import consent, mediation, transitions
from station_app.workflow.consent import ConsentDraft
from station_app.workflow.mediation import AgreementDraft, MediationStepDraft
from station_app.workflow.rule_sets import rule_set_for
from station_app.workflow.transitions import ClosingDraft, FollowUpDraft, ReferralDraft

from ..conftest import STATION_NAME, complaint_draft
from .test_printing import pdf_pages as _pdf_pages
from .test_printing import squeeze as _squeeze

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs pdftotext (apt-get install poppler-utils)"
)

OFFICE = "通江县市场监督管理局"
CONSUMER_LAW = "《中华人民共和国消费者权益保护法》第三十七条第一款第（五）项"
YEARS = {2025: dt.datetime(2025, 9, 1, 9, 0), 2026: dt.datetime(2026, 9, 1, 9, 0)}
MEASURES = {
    2025: ("市场监督管理投诉举报处理暂行办法", "国家市场监督管理总局令第20号"),
    2026: ("市场监督管理投诉举报处理办法", "国家市场监督管理总局令第121号"),
}
D = dt.timedelta
# radicals pdftotext may give for ideographs of these papers, beyond those test_printing folds
MORE_RADICALS = str.maketrans("⺠⻅⻓", "民见长")


def squeeze(text: str) -> str:
    return _squeeze(text).translate(MORE_RADICALS)


def pdf_pages(path: Path) -> list[str]:
    return [page.translate(MORE_RADICALS) for page in _pdf_pages(path)]


def _registered(ctx: Context, received: dt.datetime, name: str) -> Complaint:
    return register_complaint(
        ctx,
        complaint_draft(
            received_at=received,
            purchase_date=(received - D(days=20)).date(),
            complainants=[PersonDraft(name=name, phone="13881234567")],
        ),
    )


def _mediating(ctx: Context, received: dt.datetime, name: str) -> Complaint:
    complaint = _registered(ctx, received, name)
    day = received.date()
    transitions.accept(ctx, complaint.id, on=day + D(days=2))
    consent.record_consent(ctx, complaint.id, ConsentDraft(recipients=["respondent"]))
    mediation.record_mediation_step(
        ctx,
        complaint.id,
        MediationStepDraft(
            held_at=dt.datetime.combine(day + D(days=3), dt.time(9)),
            mode="on_site",
            mediators="王联络员",
            result="双方同意退款。",
        ),
    )
    return complaint


def complaints(ctx: Context, year: int) -> dict[str, Complaint]:
    """A complaint of ``year`` in each state that has papers: followed up after an agreement,
    not accepted, mediation ended; under the office or the association."""
    received = YEARS[year]
    day = received.date()
    done = _mediating(ctx, received, "李桂兰")
    agreement = mediation.record_agreement(
        ctx,
        done.id,
        AgreementDraft(terms="乙方退还甲方货款。", amount_fen=36000, signed_on=day + D(days=3)),
    )
    mediation.mark_agreement_carried_out(ctx, agreement.id, on=day + D(days=3))
    transitions.close(
        ctx, done.id, ClosingDraft(outcome="mediated", closed_on=day + D(days=3), recovered_fen=1)
    )
    transitions.follow_up(
        ctx,
        done.id,
        FollowUpDraft(method="phone", satisfaction="satisfied", followed_up_on=day + D(days=5)),
    )
    refused = _registered(ctx, received, "赵大爷")
    transitions.refuse_acceptance(
        ctx, refused.id, "not_consumption_or_no_dispute", on=day + D(days=2)
    )
    ended = _mediating(ctx, received, "王大姐")
    transitions.end_mediation(ctx, ended.id, "no_agreement_possible", on=day + D(days=4))
    return {"done": done, "refused": refused, "ended": ended}


def liaison_complaint(ctx: Context, year: int) -> Complaint:
    """Registered, referred to the office, closed when the office answered, followed up."""
    received = YEARS[year]
    day = received.date()
    complaint = _registered(ctx, received, "孙大爷")
    transitions.refer(
        ctx,
        complaint.id,
        ReferralDraft(
            target="market_regulation", referred_on=day + D(days=1), with_personal_info=False
        ),
    )
    transitions.close(
        ctx, complaint.id, ClosingDraft(outcome="referral_closed", closed_on=day + D(days=9))
    )
    transitions.follow_up(
        ctx,
        complaint.id,
        FollowUpDraft(method="phone", satisfaction="satisfied", followed_up_on=day + D(days=10)),
    )
    return complaint


# what each paper must cite: the rule set's citation purpose, or a ground's item
CITED = {
    ACCEPTANCE_NOTICE: "accept_decision",
    MEDIATION_NOTICE: "mediation_notice",
    NOT_ACCEPTED_NOTICE: "not_consumption_or_no_dispute",
    TERMINATION_NOTICE: "no_agreement_possible",
}


def expected_article(kind: str, year: int) -> str | None:
    rules = rule_set_for(YEARS[year].date())
    wanted = CITED.get(kind)
    if wanted is None:
        return None
    if kind == NOT_ACCEPTED_NOTICE:
        return rules.not_accepted_ground(wanted).item
    if kind == TERMINATION_NOTICE:
        return rules.termination_ground(wanted).item
    return rules.citation(wanted).article


def check_pdf(path: Path, kind: str, station: str, year: int) -> str:
    pages = pdf_pages(path)
    assert len(pages) == (3 if kind == MEDIATION_AGREEMENT else 1), (kind, station, year)
    text = "".join(pages)
    titles = OFFICE_TITLES if station == ENTRUSTED else TITLES
    assert squeeze(titles[kind]) in pages[0], (kind, station, year)
    if station == ENTRUSTED:
        assert pages[0].startswith(squeeze(OFFICE)), (kind, year)
        assert squeeze(f"（受委托：{STATION_NAME}）") in pages[0]
        if kind not in (REGISTRATION, FOLLOW_UP_RECORD):
            assert squeeze(f"{OFFICE}（盖章）") in text, (kind, year)
    else:
        assert pages[0].startswith(squeeze(STATION_NAME)), (kind, station, year)
        assert squeeze(OFFICE) not in text
    name, order = MEASURES[year]
    other_name = MEASURES[2026 if year == 2025 else 2025][0]
    if kind in (REGISTRATION, FOLLOW_UP_RECORD):
        return text
    assert squeeze(f"《{name}》（{order}）") in text, (kind, station, year)
    assert squeeze(f"《{other_name}》") not in text, (kind, station, year)
    if station == ASSOCIATION:
        assert squeeze(f"依据{CONSUMER_LAW}，参照《{name}》") in text, (kind, year)
    else:
        assert squeeze("消费者权益保护法》第三十七条") not in text
    article = expected_article(kind, year)
    if article is not None:
        assert article, (kind, year)
        assert squeeze(f"《{name}》（{order}）{article}的规定") in text, (kind, station, year)
    assert "核对" not in text and "核实" not in text  # verify flags never reach the paper
    return text


@pytest.mark.parametrize("year", sorted(YEARS))
@pytest.mark.parametrize("station", [ASSOCIATION, ENTRUSTED])
def test_every_paper_of_a_deciding_station(
    ctx: Context, qapp: object, tmp_path: Path, station: str, year: int
) -> None:
    set_station_kind(station, OFFICE if station == ENTRUSTED else None)
    made = complaints(ctx, year)
    printed: set[str] = set()
    for complaint in made.values():
        for kind, title in printable_documents(complaint.id):
            content = document_content(kind, complaint.id)
            assert content.title == title
            path = printing.write_pdf(content, tmp_path / f"{station}-{year}-{kind}.pdf")
            check_pdf(path, kind, station, year)
            printed.add(kind)
    assert printed == set(TITLES)  # all seven papers


@pytest.mark.parametrize("year", sorted(YEARS))
def test_a_liaison_point_prints_registration_and_follow_up_only(
    ctx: Context, qapp: object, tmp_path: Path, year: int
) -> None:
    set_station_kind(LIAISON)
    complaint = liaison_complaint(ctx, year)
    kinds = [kind for kind, _ in printable_documents(complaint.id)]
    assert kinds == [REGISTRATION, FOLLOW_UP_RECORD]
    for kind in kinds:
        path = printing.write_pdf(
            document_content(kind, complaint.id), tmp_path / f"liaison-{year}-{kind}.pdf"
        )
        text = check_pdf(path, kind, LIAISON, year)
        if kind == REGISTRATION:
            assert squeeze("转交市场监督管理部门") in text
    for kind in (ACCEPTANCE_NOTICE, NOT_ACCEPTED_NOTICE, MEDIATION_NOTICE, MEDIATION_AGREEMENT):
        with pytest.raises(DocumentNotAvailable, match="联络站"):
            document_content(kind, complaint.id)


def test_the_preview_flags_unverified_citations_and_the_pdf_does_not(
    ctx: Context, qapp: object, tmp_path: Path
) -> None:
    made = complaints(ctx, 2026)
    content = document_content(ACCEPTANCE_NOTICE, made["done"].id)  # 2026 第十五条: verify
    assert content.verify_notes
    dialog = printing.print_preview_dialog(None, content)
    note = dialog.findChild(printing.QLabel, "verifyNote")
    assert note is not None and "核对" in note.text()
    pages = pdf_pages(printing.write_pdf(content, tmp_path / "a.pdf"))
    assert all("核对" not in page for page in pages)
    dialog.deleteLater()
    checked = document_content(ACCEPTANCE_NOTICE, complaints(ctx, 2025)["done"].id)
    assert checked.verify_notes == ()
    clean = printing.print_preview_dialog(None, checked)
    assert clean.findChild(printing.QLabel, "verifyNote") is None
    clean.deleteLater()


# -- station document ----------------------------------------------------------------------------


def test_station_document_writes_each_paper(
    installation: Installation,
    ctx: Context,
    qapp: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_station_kind(ENTRUSTED, OFFICE)
    made = complaints(ctx, 2026)
    numbers = {key: complaint.number for key, complaint in made.items()}
    data = installation.paths.root
    installation.close()
    papers = {
        "registration": ("done", REGISTRATION),
        "acceptance": ("done", ACCEPTANCE_NOTICE),
        "mediation_notice": ("done", MEDIATION_NOTICE),
        "agreement": ("done", MEDIATION_AGREEMENT),
        "follow_up": ("done", FOLLOW_UP_RECORD),
        "non_acceptance": ("refused", NOT_ACCEPTED_NOTICE),
        "termination": ("ended", TERMINATION_NOTICE),
    }
    for name, (which, kind) in papers.items():
        out = tmp_path / f"{name}.pdf"
        args = ["--data-dir", str(data), "document", name, "--number", numbers[which]]
        assert main([*args, "--out", str(out)]) == 0, capsys.readouterr().err
        assert capsys.readouterr().out.strip() == str(out)
        check_pdf(out, kind, ENTRUSTED, 2026)

    # a paper the complaint's state does not have: one line, exit 1, no file
    out = tmp_path / "no.pdf"
    args = ["--data-dir", str(data), "document", "non_acceptance", "--number", numbers["done"]]
    assert main([*args, "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "不予受理" in err
    assert not out.exists()
    args = ["--data-dir", str(data), "document", "acceptance", "--number", "TJ001-2026-9999"]
    assert main([*args, "--out", str(out)]) == 1
    assert "TJ001-2026-9999" in capsys.readouterr().err
    assert not out.exists()
