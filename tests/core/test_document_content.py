"""The printed documents' content, built from complaints taken through the real workflow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from station_app.documents import (
    ACCEPTANCE_NOTICE,
    FOLLOW_UP_RECORD,
    MEDIATION_AGREEMENT,
    MEDIATION_NOTICE,
    NOT_ACCEPTED_NOTICE,
    PRINTED,
    REGISTRATION,
    SAVED_PDF,
    TERMINATION_NOTICE,
    DocumentContent,
    DocumentNotAvailable,
    amount_in_capitals,
    document_content,
    document_output,
    printable_documents,
    record_printed,
)
from station_app.documents.capitals import yuan_in_capitals
from station_app.documents.model import Cell, Seal, SignatureRow, Table
from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.store.models import AuditEntry, Complaint, Officer
from station_app.store.sync_columns import stamp_new
from station_app.workflow import consent, mediation, transitions
from station_app.workflow.consent import ConsentDraft
from station_app.workflow.mediation import AgreementDraft, MediationStepDraft
from station_app.workflow.transitions import ClosingDraft, FollowUpDraft

from ..conftest import STATION_NAME, complaint_draft

D = dt.date
COMPLAINANT = "李桂兰"
ID_NUMBER = "360426199101010071"


# -- complaints through the workflow (the GUI test prints the same ones) -------------------------


def officer(ctx: Context) -> int:
    row = Officer(name="王联络员", station_code=ctx.origin, phone="13990001111")
    stamp_new(row, ctx.origin, ctx.clock.utcnow())
    row.save(force_insert=True)
    return int(row.id)


def registered(ctx: Context, **overrides: Any) -> Complaint:
    values: dict[str, Any] = {
        "officer_id": officer(ctx),
        "complainants": [
            PersonDraft(
                name=COMPLAINANT,
                phone="13881234567",
                id_number=ID_NUMBER,
                address="诺江镇城南社区三组12号",
                village_code="511921100201",
            )
        ],
        "respondent_address": "通江县诺江镇中街45号",
        "respondent_phone": "08277221234",
        "purchase_date": D(2026, 10, 5),
        "purchase_place": "通江县诺江镇惠民农资店",
        "disputed_amount_fen": 123450,
        "demand_text": "退还货款并赔偿玉米减产损失。",
    }
    values.update(overrides)
    return register_complaint(ctx, complaint_draft(**values))


def mediating(ctx: Context, **overrides: Any) -> Complaint:
    complaint = registered(ctx, **overrides)
    transitions.accept(ctx, complaint.id, on=D(2026, 11, 18))
    consent.record_consent(ctx, complaint.id, ConsentDraft(recipients=["respondent"]))
    mediation.record_mediation_step(
        ctx,
        complaint.id,
        MediationStepDraft(
            held_at=dt.datetime(2026, 11, 19, 9, 0),
            mode="phone",
            mediators="王联络员",
            offers="店主只同意退一半货款。",
            result="未达成一致，约定次日到站面谈。",
            next_on=D(2026, 11, 20),
        ),
    )
    mediation.record_mediation_step(
        ctx,
        complaint.id,
        MediationStepDraft(
            held_at=dt.datetime(2026, 11, 20, 9, 0),
            mode="on_site",
            mediators="王联络员、张调解员",
            result="双方同意退款并赔偿损失。",
        ),
    )
    return complaint


def followed_up(ctx: Context) -> Complaint:
    """Accepted, two mediation rounds, an agreement of 1234.50 yuan, closed, followed up."""
    complaint = mediating(ctx)
    agreement = mediation.record_agreement(
        ctx,
        complaint.id,
        AgreementDraft(
            terms="乙方退还甲方复合肥货款360.00元。\n乙方赔偿甲方玉米减产损失874.50元。",
            amount_fen=123450,
            signed_on=D(2026, 11, 20),
            method="现金或微信转账一次付清",
            perform_by=D(2026, 11, 30),
        ),
    )
    mediation.mark_agreement_carried_out(ctx, agreement.id, on=D(2026, 11, 20))
    transitions.close(
        ctx,
        complaint.id,
        ClosingDraft(outcome="mediated", closed_on=D(2026, 11, 20), recovered_fen=123450),
    )
    transitions.follow_up(
        ctx,
        complaint.id,
        FollowUpDraft(
            method="phone",
            satisfaction="satisfied",
            followed_up_on=D(2026, 11, 20),
            carried_out=True,
            note="投诉人表示已收到全部款项，对处理结果满意。",
        ),
    )
    return complaint


def refused(ctx: Context, **overrides: Any) -> Complaint:
    """Not accepted: bought for resale, not for personal consumption (2019 measures)."""
    values: dict[str, Any] = {"received_at": dt.datetime(2026, 3, 10, 9, 0)}
    values.update(overrides)
    values.setdefault("purchase_date", values["received_at"].date() - dt.timedelta(days=20))
    complaint = registered(ctx, **values)
    transitions.refuse_acceptance(
        ctx,
        complaint.id,
        "not_consumption_or_no_dispute",
        on=values["received_at"].date() + dt.timedelta(days=2),
        note="所购复合肥用于转售，不属于生活消费。",
    )
    return complaint


def ended(ctx: Context) -> Complaint:
    """Mediation ended: the respondent says no agreement is possible."""
    complaint = mediating(ctx)
    transitions.end_mediation(
        ctx,
        complaint.id,
        "no_agreement_possible",
        on=D(2026, 11, 20),
        note="被投诉方明确表示不同意任何赔偿。",
    )
    return complaint


def text_of(content: DocumentContent) -> str:
    return content.plain_text()


# -- capital numerals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "capitals"),
    [
        (123450, "壹仟贰佰叁拾肆元伍角整"),
        (123456, "壹仟贰佰叁拾肆元伍角陆分"),
        (123400, "壹仟贰佰叁拾肆元整"),
        (0, "零元整"),
        (50, "伍角整"),
        (5, "伍分"),
        (105, "壹元零伍分"),
        (1000, "壹拾元整"),
        (100400, "壹仟零肆元整"),
        (101000, "壹仟零壹拾元整"),
        (36000, "叁佰陆拾元整"),
        (10_000_000, "壹拾万元整"),
        (10_010_000, "壹拾万零壹佰元整"),
        (10_100_000, "壹拾万壹仟元整"),
        (10_000_000_000, "壹亿元整"),
        (10_001_000_000, "壹亿零壹万元整"),
        (20_000_000_300, "贰亿零叁元整"),
        (100_000_000_000, "壹拾亿元整"),
    ],
)
def test_amount_in_capitals(fen: int, capitals: str) -> None:
    assert amount_in_capitals(fen) == capitals


def test_capitals_refuse_negative_amounts() -> None:
    with pytest.raises(ValueError):
        amount_in_capitals(-1)
    assert yuan_in_capitals(0) == "零"


# -- which documents a complaint offers ----------------------------------------------------------


def test_printable_documents_follow_the_state(ctx: Context) -> None:
    fresh = registered(ctx)
    assert [kind for kind, _ in printable_documents(fresh.id)] == [REGISTRATION]
    assert printable_documents(fresh.id)[0] == (REGISTRATION, "投诉登记表")

    done = followed_up(ctx)
    assert [kind for kind, _ in printable_documents(done.id)] == [
        REGISTRATION,
        ACCEPTANCE_NOTICE,
        MEDIATION_NOTICE,
        MEDIATION_AGREEMENT,
        FOLLOW_UP_RECORD,
    ]
    no = refused(ctx)
    assert [kind for kind, _ in printable_documents(no.id)] == [REGISTRATION, NOT_ACCEPTED_NOTICE]
    stop = ended(ctx)
    assert [kind for kind, _ in printable_documents(stop.id)] == [
        REGISTRATION,
        ACCEPTANCE_NOTICE,
        MEDIATION_NOTICE,
        TERMINATION_NOTICE,
    ]


def test_a_document_the_state_does_not_have_is_refused(ctx: Context) -> None:
    fresh = registered(ctx)
    for kind in (ACCEPTANCE_NOTICE, NOT_ACCEPTED_NOTICE, MEDIATION_AGREEMENT, TERMINATION_NOTICE):
        with pytest.raises(DocumentNotAvailable):
            document_content(kind, fresh.id)
    with pytest.raises(ValueError):
        document_content("invoice", fresh.id)


# -- the documents -------------------------------------------------------------------------------


def test_every_document_is_numbered_and_names_the_station_and_complainant(ctx: Context) -> None:
    done, no, stop = followed_up(ctx), refused(ctx), ended(ctx)
    for complaint in (done, no, stop):
        for kind, title in printable_documents(complaint.id):
            content = document_content(kind, complaint.id)
            assert content.title == title
            assert content.station_name == STATION_NAME
            assert content.reference.startswith(complaint.number + "-")
            assert content.complaint_number == complaint.number
            assert COMPLAINANT in text_of(content), kind


def test_registration_form_holds_every_field_in_full(ctx: Context) -> None:
    complaint = registered(ctx)
    content = document_content(REGISTRATION, complaint.id)
    assert content.reference == f"{complaint.number}-DJ"
    tables = [b for b in content.body if isinstance(b, Table)]
    assert len(tables) == 1
    cells = [cell.text for row in tables[0].rows for cell in row]
    for wanted in (
        complaint.number,
        "2026年11月18日 09:30",
        "来访",
        "王联络员",
        COMPLAINANT,
        "13881234567",  # personal information in full: the paper is the complainant's own
        ID_NUMBER,
        "诺江镇城南社区三组12号",
        "通江县诺江镇惠民农资店",
        "91110108551385082Q",
        "复合肥",
        "质量",
        "2026年10月5日",
        "360.00元",
        "1,234.50元",
        "退款。退还货款并赔偿玉米减产损失。",
        complaint.facts,
    ):
        assert wanted in cells, wanted
    for row in tables[0].rows:  # four columns on every row
        assert sum(cell.colspan for cell in row) == 4
    signatures = [b for b in content.body if isinstance(b, SignatureRow)]
    assert [s.role for s in signatures[-1].signatures] == ["投诉人（签字）", "经办人（签字）"]


def test_id_number_only_when_recorded(ctx: Context) -> None:
    complaint = registered(ctx, complainants=[PersonDraft(name="赵大爷", phone="13881234568")])
    text = text_of(document_content(REGISTRATION, complaint.id))
    assert "赵大爷" in text
    assert "身份证" not in text


def test_group_complaint_lists_everyone_and_addresses_the_representatives(ctx: Context) -> None:
    people = [
        PersonDraft(name="张一", phone="13881230001", is_representative=True),
        PersonDraft(name="张二", phone="13881230002", is_representative=True),
        PersonDraft(name="张三", phone="13881230003"),
    ]
    complaint = registered(ctx, complainants=people, is_group=True, group_size=12)
    form = text_of(document_content(REGISTRATION, complaint.id))
    assert all(name in form for name in ("张一", "张二", "张三", "是，共12人"))
    transitions.accept(ctx, complaint.id, on=D(2026, 11, 18))
    notice = document_content(ACCEPTANCE_NOTICE, complaint.id)
    assert "张一、张二等12人：" in text_of(notice)


def test_acceptance_notice_states_the_mediation_limit_from_the_rule_set(ctx: Context) -> None:
    complaint = registered(ctx)
    transitions.accept(ctx, complaint.id, on=D(2026, 11, 19))
    content = document_content(ACCEPTANCE_NOTICE, complaint.id)
    text = text_of(content)
    assert content.reference == f"{complaint.number}-SL"
    assert f"{COMPLAINANT}：" in text
    assert "自2026年11月19日起受理" in text
    assert "60个" in text  # the 2026 measures (received 2026-11-18)
    seal = [b for b in content.body if isinstance(b, Seal)]
    assert seal == [Seal(STATION_NAME, "2026年11月19日")]


def test_not_accepted_notice_cites_the_ground_by_its_item(ctx: Context) -> None:
    complaint = refused(ctx)
    content = document_content(NOT_ACCEPTED_NOTICE, complaint.id)
    text = text_of(content)
    assert content.reference == f"{complaint.number}-BSL"
    assert (
        "依据《中华人民共和国消费者权益保护法》第三十七条第一款第（五）项，参照"
        "《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号）第十五条第（三）项"
        "的规定，本站决定不予受理" in text
    )
    assert content.title == "投诉不予受理通知书"
    assert content.verify_notes == ()  # the 2019 item is checked
    assert "不是为生活消费需要购买、使用商品或者接受服务" in text
    assert "所购复合肥用于转售，不属于生活消费。" in text
    assert Seal(STATION_NAME, "2026年3月12日") in content.body


def test_a_ground_marked_verify_is_cited_the_same_way(ctx: Context) -> None:
    complaint = refused(ctx, received_at=dt.datetime(2026, 11, 16, 9, 0))  # 2026 measures
    rules, grounds = transitions.not_accepted_grounds(complaint.id)
    ground = next(g for g in grounds if g.code == "not_consumption_or_no_dispute")
    assert ground.verify
    content = document_content(NOT_ACCEPTED_NOTICE, complaint.id)
    text = text_of(content)
    assert (
        f"《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）{ground.item}的规定"
        in (text)
    )
    assert ground.item.startswith("第十六条第（")
    assert rules.measure_name == "市场监督管理投诉举报处理办法"
    # flagged for the preview only: the printed words carry no such note
    assert any(ground.item in note for note in content.verify_notes)
    assert "核对" not in text


def test_mediation_agreement_has_three_copies_amount_in_capitals_and_signatures(
    ctx: Context,
) -> None:
    complaint = followed_up(ctx)
    content = document_content(MEDIATION_AGREEMENT, complaint.id)
    text = text_of(content)
    assert content.reference == f"{complaint.number}-XY1"
    assert len(content.copies) == 3
    assert content.copies[0].startswith("第一联") and content.copies[2].endswith("存档联")
    assert "本协议一式三份" in text
    assert "人民币1,234.50元（大写：人民币壹仟贰佰叁拾肆元伍角整）" in text
    assert "履行方式：现金或微信转账一次付清。" in text
    assert "乙方于2026年11月30日前履行完毕" in text
    assert "一、乙方退还甲方复合肥货款360.00元。" in text
    assert "二、乙方赔偿甲方玉米减产损失874.50元。" in text
    assert "王联络员、张调解员" in text
    assert ID_NUMBER in text
    signatures = next(b for b in content.body if isinstance(b, SignatureRow))
    assert [s.role for s in signatures.signatures] == [
        "甲方（签字）",
        "乙方（签字或盖章）",
        "调解员（签字）",
    ]
    assert content.body[-1] == Seal(STATION_NAME, "2026年11月20日")


def test_termination_notice_cites_the_ground(ctx: Context) -> None:
    complaint = ended(ctx)
    content = document_content(TERMINATION_NOTICE, complaint.id)
    text = text_of(content)
    assert content.reference == f"{complaint.number}-ZZ"
    rules, grounds = transitions.termination_grounds(complaint.id)
    ground = next(g for g in grounds if g.code == "no_agreement_possible")
    assert (
        f"因存在“{ground.name_zh.removesuffix('的')}”的情形，依据《中华人民共和国消费者权益保护法》"
        f"第三十七条第一款第（五）项，参照《市场监督管理投诉举报处理办法》"
        f"（国家市场监督管理总局令第121号）{ground.item}的规定" in text
    )
    assert ground.item.startswith("第二十三条第一款第（")
    assert "自2026年11月20日起终止调解" in text
    assert "被投诉方明确表示不同意任何赔偿。" in text
    assert f"投诉人{COMPLAINANT}、被投诉方通江县诺江镇惠民农资店：" in text


def test_follow_up_record_ticks_the_answers(ctx: Context) -> None:
    complaint = followed_up(ctx)
    content = document_content(FOLLOW_UP_RECORD, complaint.id)
    text = text_of(content)
    assert content.reference == f"{complaint.number}-HF1"
    assert "☑电话回访" in text and "☐上门回访" in text
    assert "☑满意" in text and "☐不满意" in text
    assert "☑已履行" in text
    assert "投诉人表示已收到全部款项，对处理结果满意。" in text
    assert "调解成功" in text
    assert "2026年11月20日" in text


def test_follow_up_record_before_any_follow_up_is_a_blank_form(ctx: Context) -> None:
    complaint = mediating(ctx)
    transitions.close(ctx, complaint.id, ClosingDraft(outcome="settled", closed_on=D(2026, 11, 20)))
    content = document_content(FOLLOW_UP_RECORD, complaint.id)
    text = text_of(content)
    assert content.reference == f"{complaint.number}-HF1"
    assert "☑" not in text
    assert "☐满意" in text
    assert "＿＿＿＿年＿＿月＿＿日" in text


def test_form_tables_fill_their_columns(ctx: Context) -> None:
    complaint = followed_up(ctx)
    for kind, _ in printable_documents(complaint.id):
        for block in document_content(kind, complaint.id).body:
            if isinstance(block, Table):
                assert sum(block.widths) == 100
                for row in block.rows:
                    assert sum(cell.colspan for cell in row) == len(block.widths)
                    assert all(isinstance(cell, Cell) for cell in row)


def test_printing_is_logged_on_request(ctx: Context) -> None:
    complaint = registered(ctx)
    content = document_content(REGISTRATION, complaint.id)
    before = AuditEntry.select().where(AuditEntry.action == "export").count()
    assert before == 0  # building the content writes nothing
    record_printed(ctx, content)
    entry = AuditEntry.get(AuditEntry.action == "export")
    assert (entry.record_uid, entry.actor) == (complaint.uid, "王联络员")
    assert entry.new_value == content.reference
    assert entry.reason == "打印投诉登记表"


def test_saving_as_pdf_is_logged_apart_from_printing(ctx: Context) -> None:
    complaint = registered(ctx)
    content = document_content(REGISTRATION, complaint.id)
    record_printed(ctx, content, PRINTED)
    record_printed(ctx, content, SAVED_PDF)
    entries = list(AuditEntry.select().where(AuditEntry.action == "export").order_by(AuditEntry.id))
    assert [(e.reason, e.new_value, e.record_uid) for e in entries] == [
        ("打印投诉登记表", content.reference, complaint.uid),
        ("保存为PDF：投诉登记表", content.reference, complaint.uid),
    ]
    assert [document_output(e.reason) for e in entries] == [
        (PRINTED, REGISTRATION),
        (SAVED_PDF, REGISTRATION),
    ]
    for other in ("打印", "打印别的表", "保存为PDF：", "导出未遮蔽个人信息的月度台账", ""):
        assert document_output(other) is None
    with pytest.raises(ValueError, match="fax"):
        record_printed(ctx, content, "fax")
    assert AuditEntry.select().where(AuditEntry.action == "export").count() == 2


def test_an_agreement_without_money_says_so(ctx: Context) -> None:
    complaint = mediating(ctx)
    mediation.record_agreement(
        ctx,
        complaint.id,
        AgreementDraft(terms="乙方为甲方更换同等规格的复合肥一袋。", signed_on=D(2026, 11, 20)),
    )
    text = text_of(document_content(MEDIATION_AGREEMENT, complaint.id))
    assert "本协议不涉及款项给付" in text
    assert "大写" not in text
    assert "履行期限" not in text
