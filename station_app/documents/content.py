"""The papers a station prints and hands over, built from the database as plain data.

Each document is numbered ``<complaint number>-<doc code>`` (an agreement keeps its own number,
``<complaint number>-XY<n>``) and carries its issuer's name: the station's own (a consumer
association's station), or the market-regulation office's for a station it entrusted (see
:mod:`station_app.documents.issuer`). These are the official papers given to the parties, so names,
phones and addresses are printed in full; an ID number only where one was recorded. Each decision
cites its legal basis by the measures' exact name, order number, article and item as the rule set
data gives them (an update of the data corrects the citation, never this code).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from station_app import codes
from station_app.access import access_log
from station_app.errors import StationError
from station_app.messages import msg
from station_app.registry.audit import record_action
from station_app.registry.choices import officer_name, region_name
from station_app.registry.complaints import complainants_of, get_complaint
from station_app.registry.context import Context
from station_app.registry.station_kinds import ENTRUSTED, LIAISON
from station_app.settings import station_identity
from station_app.store.models import Business, Complaint, Person, Station, database_proxy
from station_app.store.workflow_models import Agreement, ComplaintTransition, FollowUp
from station_app.validation import format_fen
from station_app.workflow import states
from station_app.workflow.mediation import agreements_of, mediation_steps_of
from station_app.workflow.rule_sets import Ground
from station_app.workflow.transitions import (
    FOLLOW_UP_METHODS,
    follow_ups_of,
    rule_set_of,
    transitions_of,
)

from .capitals import amount_in_capitals
from .issuer import (
    ACCEPTANCE_NOTICE,
    FOLLOW_UP_RECORD,
    MEDIATION_AGREEMENT,
    MEDIATION_NOTICE,
    NOT_ACCEPTED_NOTICE,
    REGISTRATION,
    TERMINATION_NOTICE,
    Basis,
    Issuer,
    issuer_of,
    kind_of_title,
)
from .model import (
    BLANK_DATE,
    Block,
    Cell,
    DocumentContent,
    Paragraph,
    Seal,
    Signature,
    SignatureRow,
    Table,
)

DOC_CODES: dict[str, str] = {
    REGISTRATION: "DJ",
    ACCEPTANCE_NOTICE: "SL",
    NOT_ACCEPTED_NOTICE: "BSL",
    MEDIATION_NOTICE: "TZ",
    MEDIATION_AGREEMENT: "XY",
    TERMINATION_NOTICE: "ZZ",
    FOLLOW_UP_RECORD: "HF",
}
AGREEMENT_COPIES = ("第一联  投诉人联", "第二联  被投诉方联", "第三联  存档联")
ROUTES = (
    "您可以依照《中华人民共和国消费者权益保护法》第三十九条的规定，通过与经营者协商和解、"
    "请求消费者协会或者依法成立的其他调解组织调解、向有关行政部门投诉、根据与经营者达成的"
    "仲裁协议提请仲裁机构仲裁、向人民法院提起诉讼等途径解决争议。"
)
_CHECKED, _UNCHECKED = "☑", "☐"


class DocumentNotAvailable(StationError):
    """The document does not fit the complaint's state (no agreement yet, never refused …)."""


# -- which documents -----------------------------------------------------------------------------


def printable_documents(complaint_id: int) -> list[tuple[str, str]]:
    """The documents that make sense for the complaint now, as ``(kind, title)``, in workflow
    order, titled as this station's issuer titles them. The registration form always does; a
    liaison point prints no decision and no mediation paper."""
    complaint = get_complaint(complaint_id)
    issuer = issuer_of()
    kinds = [REGISTRATION]
    if complaint.accepted_on is not None:
        kinds += [ACCEPTANCE_NOTICE, MEDIATION_NOTICE]
    if complaint.status == states.NOT_ACCEPTED and complaint.not_accepted_ground:
        kinds.append(NOT_ACCEPTED_NOTICE)
    if agreements_of(complaint.id):
        kinds.append(MEDIATION_AGREEMENT)
    if complaint.mediation_ended_on is not None and complaint.termination_ground:
        kinds.append(TERMINATION_NOTICE)
    if complaint.status in (states.CLOSED, states.FOLLOWED_UP) or follow_ups_of(complaint.id):
        kinds.append(FOLLOW_UP_RECORD)
    return [(kind, issuer.title(kind)) for kind in kinds if issuer.issues(kind)]


def document_content(
    kind: str,
    complaint_id: int,
    *,
    agreement_id: int | None = None,
    follow_up_id: int | None = None,
) -> DocumentContent:
    """The content of document ``kind`` for the complaint.

    ``agreement_id`` picks the agreement to print (default: the latest), ``follow_up_id`` the
    follow-up (default: the latest; none recorded yet gives a blank form to fill in by hand).
    Raises :class:`DocumentNotAvailable` when the complaint has no such document, or when this
    station does not issue it (a liaison point's decisions; an entrusted station's office unknown).
    """
    builders: dict[str, Callable[[Complaint, Issuer], DocumentContent]] = {
        REGISTRATION: _registration,
        ACCEPTANCE_NOTICE: _acceptance_notice,
        NOT_ACCEPTED_NOTICE: _not_accepted_notice,
        MEDIATION_NOTICE: _mediation_notice,
        MEDIATION_AGREEMENT: lambda c, i: _mediation_agreement(c, i, agreement_id),
        TERMINATION_NOTICE: _termination_notice,
        FOLLOW_UP_RECORD: lambda c, i: _follow_up_record(c, i, follow_up_id),
    }
    if kind not in builders:
        raise ValueError(f"unknown document kind: {kind!r}")
    complaint = get_complaint(complaint_id)
    issuer = issuer_of()
    if not issuer.issues(kind):
        raise DocumentNotAvailable(
            msg(
                "本站是联络站，只登记投诉并转交市场监督管理部门，不出具{title}。",
                title=issuer.title(kind),
            )
        )
    if issuer.kind == ENTRUSTED and not issuer.office:
        raise DocumentNotAvailable(
            msg(
                "受委托站的文书以委托机关的名义出具：请先在“设置”中填写委托机关名称"
                "（或由县里在名册“服务站”表的“委托机关”列填写）。"
            )
        )
    return builders[kind](complaint, issuer)


# how a document left the program: printed on paper, or saved as a PDF file
PRINTED = "print"
SAVED_PDF = "pdf"
# the audit entry's reason for each (stored in Chinese, like every audit entry), then the title
OUTPUT_REASONS: dict[str, str] = {PRINTED: "打印", SAVED_PDF: "保存为PDF："}


def record_printed(ctx: Context, content: DocumentContent, how: str = PRINTED) -> None:
    """Log that a paper showing personal information in full was printed (``how`` =
    :data:`PRINTED`) or saved as a PDF file (:data:`SAVED_PDF`) (PIPL).

    A write: the GUI runs it on the writer after the officer prints or saves the document.
    The entry's reason is ``打印<title>`` or ``保存为PDF：<title>``; :func:`document_output`
    reads it back.
    """
    if how not in OUTPUT_REASONS:
        raise ValueError(f"unknown document output: {how!r}")
    with database_proxy.atomic():
        complaint = Complaint.get(Complaint.number == content.complaint_number)
        record_action(
            ctx,
            "complaint",
            complaint.uid,
            "export",
            f"{OUTPUT_REASONS[how]}{content.title}",
            new_value=content.reference,
        )
        access_log.record(
            ctx, access_log.PRINT, content.reference, f"{OUTPUT_REASONS[how]}{content.title}"
        )


def document_output(reason: str) -> tuple[str, str] | None:
    """``(how, kind)`` of an audit reason written by :func:`record_printed` (``("pdf",
    "registration")`` for ``保存为PDF：投诉登记表``); ``None`` for any other reason."""
    for how, prefix in OUTPUT_REASONS.items():
        if reason.startswith(prefix):
            kind = kind_of_title(reason.removeprefix(prefix))
            if kind is not None:
                return how, kind
    return None


# -- shared pieces -------------------------------------------------------------------------------


def chinese_date(day: dt.date | dt.datetime | None) -> str:
    """``2026年11月18日``; an empty date line to fill in by hand when ``None``."""
    if day is None:
        return BLANK_DATE
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_time(moment: dt.datetime) -> str:
    return f"{chinese_date(moment)} {moment.hour:02d}:{moment.minute:02d}"


def yuan(fen: int | None) -> str:
    return f"{format_fen(fen)}元" if fen is not None else ""


def _station_contact() -> str:
    """``地址：…  电话：…`` of this station from the roster, or ``""`` when it does not say."""
    identity = station_identity(required=True)
    assert identity is not None
    row = Station.get_or_none((Station.code == identity.code) & (Station.deleted == False))  # noqa: E712
    if row is None:
        return ""
    parts = [
        f"地址：{row.address}" if row.address else "",
        f"电话：{row.phone}" if row.phone else "",
    ]
    return "  ".join(p for p in parts if p)


def _document(
    kind: str,
    complaint: Complaint,
    issuer: Issuer,
    body: list[Block],
    reference: str | None = None,
    copies: tuple[str, ...] = (),
    letter: bool = False,
    basis: Basis | None = None,
) -> DocumentContent:
    return DocumentContent(
        kind=kind,
        title=issuer.title(kind),
        reference=reference or f"{complaint.number}-{DOC_CODES[kind]}",
        station_name=issuer.name,
        complaint_number=complaint.number,
        body=tuple(body),
        copies=copies,
        letter=letter,
        issuer_note=issuer.note,
        verify_notes=tuple(basis.verify_notes) if basis else (),
    )


def _letter(
    kind: str,
    complaint: Complaint,
    basis: Basis,
    body: list[Block],
    sealed_on: dt.date | None,
    *,
    decides: bool = True,
    receipts: bool = False,
) -> DocumentContent:
    """A notice to the parties in letter form: ``body``, then who handled it for an office, the
    closing words (an office's paper that ``decides`` says 特此决定), the contact, the seal dated
    ``sealed_on`` and (``receipts``) the lines where both parties sign for it."""
    issuer = basis.issuer
    closing = "特此决定。" if decides and issuer.for_office else "特此通知。"
    ending = [
        *_entrusted(basis),
        Paragraph(closing),
        *_contact(complaint),
        _seal(issuer, sealed_on),
    ]
    if receipts:
        ending.append(SignatureRow((Signature("投诉人签收"), Signature("被投诉方签收"))))
    return _document(kind, complaint, issuer, body + ending, letter=True, basis=basis)


def _both_parties(complaint: Complaint) -> Paragraph:
    """The salutation of a notice to both parties."""
    return Paragraph(
        f"投诉人{_complainant_names(complaint)}、被投诉方{complaint.respondent_name}：",
        indent=False,
    )


def _the_complaint(complaint: Complaint) -> str:
    """The complaint a notice to both parties speaks of, as its sentence begins."""
    return (
        f"投诉人于{chinese_date(complaint.received_at)}反映的关于{complaint.respondent_name}"
        f"“{complaint.subject}”的投诉（投诉编号：{complaint.number}），"
    )


def _basis(complaint: Complaint, issuer: Issuer) -> Basis:
    return Basis(issuer, rule_set_of(complaint))


def _seal(issuer: Issuer, day: dt.date | dt.datetime | None) -> Seal:
    """The issuer's seal line; an office's paper names the entrusted station beneath it."""
    note = f"受委托单位：{issuer.station_name}" if issuer.for_office else ""
    return Seal(issuer.name, chinese_date(day), note)


def _people(complaint: Complaint) -> list[tuple[Person, bool]]:
    return [(link.person, link.is_representative) for link in complainants_of(complaint)]


def _complainant_names(complaint: Complaint) -> str:
    """Who a notice is addressed to: the complainant, or a group's representatives ``等N人``."""
    people = _people(complaint)
    speaking = [p for p, representative in people if representative] or [p for p, _ in people]
    names = "、".join(p.name for p in speaking)
    if complaint.is_group and complaint.group_size > len(speaking):
        names += f"等{complaint.group_size}人"
    return names


def _where(person: Person) -> str:
    village = region_name(person.village_code)
    if village == person.village_code:  # a code the roster does not know: not worth printing
        village = ""
    if person.address and village and village not in person.address:
        return f"{village} {person.address}"
    return person.address or village


def _names(list_name: str, joined: str | None) -> str:
    values = codes.code_list(list_name)
    return "、".join(
        values.name(code) if values.contains(code) else code
        for code in (joined or "").split(",")
        if code
    )


def _category(complaint: Complaint) -> str:
    categories = codes.category_list()
    name = (
        categories.name(complaint.category_code)
        if categories.contains(complaint.category_code)
        else complaint.category_code
    )
    return f"{name} / {complaint.subcategory}" if complaint.subcategory else name


def _demands(complaint: Complaint) -> str:
    demands = _names("demand", complaint.demands)
    if complaint.demand_text:
        return f"{demands}。{complaint.demand_text}" if demands else complaint.demand_text
    return demands


def _respondent_legal_person(complaint: Complaint) -> str:
    if complaint.business_id is None:
        return ""
    business = Business.get_or_none(Business.id == complaint.business_id)
    return (business.legal_person or "") if business else ""


def _about(complaint: Complaint) -> str:
    """``您于2026年11月18日反映的关于某店“复合肥”的投诉（投诉编号：…）``."""
    return (
        f"您于{chinese_date(complaint.received_at)}反映的关于{complaint.respondent_name}"
        f"“{complaint.subject}”的投诉（投诉编号：{complaint.number}）"
    )


def _last_move(complaint: Complaint, action: str) -> ComplaintTransition | None:
    moves = [t for t in transitions_of(complaint.id) if t.action == action]
    return moves[-1] if moves else None


def _form_row(*pairs: tuple[str, str], lines: int = 1) -> tuple[Cell, ...]:
    """Label/value pairs side by side; a single pair spans the whole row."""
    cells: list[Cell] = []
    for label, value in pairs:
        cells.append(Cell(label, label=True, lines=lines))
        cells.append(Cell(value, colspan=3 if len(pairs) == 1 else 1, lines=lines))
    return tuple(cells)


FORM_WIDTHS = (21, 32, 13, 34)


# -- 投诉登记表 ----------------------------------------------------------------------------------


def _registration(complaint: Complaint, issuer: Issuer) -> DocumentContent:
    channels = codes.code_list("channel")
    channel = (
        channels.name(complaint.channel)
        if channels.contains(complaint.channel)
        else complaint.channel
    )
    rows: list[tuple[Cell, ...]] = [
        _form_row(
            ("登记编号", complaint.number), ("登记时间", chinese_time(complaint.received_at))
        ),
        _form_row(("投诉渠道", channel), ("经办人", officer_name(complaint.officer_id))),
    ]
    people = _people(complaint)
    for index, (person, representative) in enumerate(people, start=1):
        who = "投诉人" if len(people) == 1 else f"投诉人{index}"
        if representative:
            who += "（代表）"
        rows.append(_form_row((who, person.name), ("联系电话", person.phone or "")))
        if person.id_number:
            rows.append(_form_row(("身份证号码", person.id_number), ("住址", _where(person))))
        else:
            rows.append(_form_row(("住址", _where(person))))
    if complaint.is_group:
        rows.append(_form_row(("群体性投诉", f"是，共{complaint.group_size}人")))
    rows += [
        _form_row(("被投诉方", complaint.respondent_name)),
        _form_row(
            ("统一社会信用代码", complaint.respondent_credit_code or ""),
            ("联系电话", complaint.respondent_phone or ""),
        ),
        _form_row(("被投诉方地址", complaint.respondent_address or "")),
        _form_row(("商品或服务", complaint.subject), ("类别", _category(complaint))),
        _form_row(
            ("投诉性质", _names("nature", complaint.natures)),
            ("购买日期", chinese_date(complaint.purchase_date) if complaint.purchase_date else ""),
        ),
        _form_row(
            ("购买地点", complaint.purchase_place or ""),
            ("购买方式", complaint.purchase_channel or ""),
        ),
        _form_row(
            ("支付金额", yuan(complaint.amount_paid_fen)),
            ("争议金额", yuan(complaint.disputed_amount_fen)),
        ),
        _form_row(("投诉事由", complaint.facts), lines=6),
        _form_row(("投诉请求", _demands(complaint)), lines=2),
        _form_row(("12315编号", complaint.hotline_number or ""), ("办理状态", _status(complaint))),
        _form_row(("备注", complaint.remarks or ""), lines=2),
    ]
    body: list[Block] = [
        Table(tuple(rows), FORM_WIDTHS),
        Paragraph("以上内容经投诉人核对无误。", indent=False),
    ]
    if issuer.kind == LIAISON:
        body.append(
            Paragraph(
                "本站为消费维权联络站，只登记投诉并转交市场监督管理部门处理；"
                "是否受理，由市场监督管理部门依法决定并告知投诉人。",
                indent=False,
            )
        )
    body.append(SignatureRow((Signature("投诉人（签字）"), Signature("经办人（签字）"))))
    return _document(REGISTRATION, complaint, issuer, body)


def _status(complaint: Complaint) -> str:
    status = states.status_name(complaint.status)
    if complaint.accepted_on is not None:
        return f"{status}（{chinese_date(complaint.accepted_on)}受理）"
    return status


# -- 投诉受理决定书（通知书） / 投诉不予受理决定书（通知书） -------------------------------------


def _you(complaint: Complaint) -> str:
    return "你们" if complaint.is_group or len(_people(complaint)) > 1 else "你"


def _received(complaint: Complaint) -> str:
    """``你于2026年11月18日反映的关于<respondent>“<subject>”的投诉（投诉编号：…）``"""
    return (
        f"{_you(complaint)}于{chinese_date(complaint.received_at)}反映的关于"
        f"{complaint.respondent_name}“{complaint.subject}”的投诉（投诉编号：{complaint.number}）"
    )


def _acceptance_notice(complaint: Complaint, issuer: Issuer) -> DocumentContent:
    if complaint.accepted_on is None:
        raise DocumentNotAvailable(f"投诉 {complaint.number} 尚未受理，没有受理决定。")
    basis = _basis(complaint, issuer)
    rules = basis.rules
    article = basis.article("accept_decision")
    limit = rules.limit("mediation")
    days = f"{limit.days}个{'工作日' if limit.day_kind == 'working' else '自然日'}"
    paused = "（检定、检验、检测、鉴定的时间不计算在内）" if limit.pausable else ""
    limit_basis = f"{basis.measure}{limit.basis}" if limit.basis else basis.measure
    if limit.verify:
        basis.note(limit.basis)
    body: list[Block] = [
        Paragraph(f"{_complainant_names(complaint)}：", indent=False),
        Paragraph(
            f"{_received(complaint)}，{issuer.we}已收悉。经审查，该投诉符合受理条件。"
            f"{basis.cite(article)}的规定，{issuer.we}决定自"
            f"{chinese_date(complaint.accepted_on)}起受理，并将组织{_you(complaint)}与被投诉方"
            f"{complaint.respondent_name}进行调解。"
        ),
        Paragraph(
            f"依照{limit_basis}的规定，调解应当自受理之日起{days}内完成{paused}。"
            "调解过程中请按约定时间参加调解，如实提供购货凭证、照片等证据材料，"
            "并保持联系电话畅通。"
        ),
    ]
    return _letter(ACCEPTANCE_NOTICE, complaint, basis, body, complaint.accepted_on)


def _entrusted(basis: Basis) -> list[Block]:
    """An office's paper says who handled it on the office's behalf, and on what basis."""
    issuer = basis.issuer
    if not issuer.for_office:
        return []
    article = basis.article("entrusted")
    return [
        Paragraph(
            f"本件由{issuer.station_name}受{issuer.name}委托办理（{basis.measure}{article}）。"
            if article
            else f"本件由{issuer.station_name}受{issuer.name}委托办理。"
        )
    ]


def _contact(complaint: Complaint) -> list[Block]:
    officer = officer_name(complaint.officer_id)
    contact = _station_contact()
    line = "  ".join(p for p in (f"经办人：{officer}" if officer else "", contact) if p)
    return [Paragraph(line)] if line else []


def _not_accepted_notice(complaint: Complaint, issuer: Issuer) -> DocumentContent:
    if not complaint.not_accepted_ground:
        raise DocumentNotAvailable(f"投诉 {complaint.number} 没有不予受理决定。")
    basis = _basis(complaint, issuer)
    ground = _ground(basis.rules.not_accepted_grounds, complaint.not_accepted_ground)
    decision = _last_move(complaint, "refuse")
    decided_on = decision.happened_on if decision else complaint.closed_on
    body: list[Block] = [
        Paragraph(f"{_complainant_names(complaint)}：", indent=False),
        Paragraph(
            f"{_received(complaint)}，{issuer.we}已收悉。经审查，该投诉属于{_situation(ground)}。{basis.cite(ground.item, ground.verify or not ground.item)}的规定，"
            f"{issuer.we}决定不予受理。"
        ),
    ]
    if decision and decision.reason:
        body.append(Paragraph(f"具体说明：{decision.reason}"))
    body += [
        Paragraph(ROUTES),
    ]
    return _letter(NOT_ACCEPTED_NOTICE, complaint, basis, body, decided_on)


def _situation(ground: Ground) -> str:
    """``“…”的情形``: the ground in the measures' words (which often end in 的, 不重复)."""
    return f"“{ground.name_zh.removesuffix('的')}”的情形"


def _ground(grounds: tuple[Ground, ...], code: str) -> Ground:
    for ground in grounds:
        if code == ground.code or code in ground.former_codes:
            return ground
    # a data update dropped the code: still print what was decided, citing nothing invented
    return Ground(code=code, name_zh=code, name_en=code, item="", verify=True)


# -- 投诉调解通知书 ------------------------------------------------------------------------------


def _mediation_notice(complaint: Complaint, issuer: Issuer) -> DocumentContent:
    if complaint.accepted_on is None:
        raise DocumentNotAvailable(f"投诉 {complaint.number} 尚未受理，没有调解通知书。")
    basis = _basis(complaint, issuer)
    article = basis.article("mediation_notice")
    absent = next(
        (g for g in basis.rules.termination_grounds if g.code == "party_absent_or_refuses"), None
    )
    if absent is not None and absent.item:
        warning = (
            f"一方无正当理由不参加调解的，{issuer.we}将依照{basis.measure}{absent.item}"
            "的规定终止调解。"
        )
        if absent.verify:
            basis.note(absent.item)
    else:
        warning = f"一方无正当理由不参加调解的，{issuer.we}将依法终止调解。"
    body: list[Block] = [
        _both_parties(complaint),
        Paragraph(
            f"{_the_complaint(complaint)}{issuer.we}已于"
            f"{chinese_date(complaint.accepted_on)}受理。{basis.cite(article)}的规定，"
            "现将调解有关事项通知如下："
        ),
        Paragraph(
            f"一、{issuer.we}定于＿＿＿＿年＿＿月＿＿日＿＿时在＿＿＿＿＿＿＿＿＿＿＿＿组织调解"
            "（也可以电话、网络等方式进行）。"
        ),
        Paragraph(
            "二、请双方按时参加，携带身份证明和购货凭证等证据材料；"
            "被投诉方为单位的，由负责人或者受其委托的人员参加。"
        ),
        Paragraph(f"三、{warning}"),
    ]
    return _letter(MEDIATION_NOTICE, complaint, basis, body, None, decides=False, receipts=True)


# -- 调解协议书 ----------------------------------------------------------------------------------


def _mediation_agreement(
    complaint: Complaint, issuer: Issuer, agreement_id: int | None
) -> DocumentContent:
    agreements = agreements_of(complaint.id)
    if agreement_id is not None:
        agreements = [a for a in agreements if a.id == agreement_id]
    if not agreements:
        raise DocumentNotAvailable(f"投诉 {complaint.number} 没有调解协议。")
    agreement: Agreement = agreements[-1]
    people = _people(complaint)
    signing = [p for p, representative in people if representative] or [p for p, _ in people]
    party_rows: list[tuple[Cell, ...]] = []
    for person in signing:
        party_rows.append(
            _form_row(("甲方（投诉人）", person.name), ("联系电话", person.phone or ""))
        )
        if person.id_number:
            party_rows.append(_form_row(("身份证号码", person.id_number), ("住址", _where(person))))
        else:
            party_rows.append(_form_row(("住址", _where(person))))
    if complaint.is_group:
        party_rows.append(
            _form_row(("群体性投诉", f"甲方代表{len(signing)}人，共{complaint.group_size}人"))
        )
    party_rows += [
        _form_row(("乙方（被投诉方）", complaint.respondent_name)),
        _form_row(
            ("统一社会信用代码", complaint.respondent_credit_code or ""),
            ("负责人", _respondent_legal_person(complaint)),
        ),
        _form_row(
            ("地址", complaint.respondent_address or ""),
            ("联系电话", complaint.respondent_phone or ""),
        ),
        _form_row(
            ("调解机关" if issuer.for_office else "调解组织", issuer.name),
            ("调解员", _mediators(complaint)),
        ),
    ]
    amount = agreement.amount_fen or 0
    money = (
        f"协议金额：人民币{format_fen(amount)}元（大写：人民币{amount_in_capitals(amount)}）。"
        if amount
        else "协议金额：本协议不涉及款项给付。"
    )
    basis = _basis(complaint, issuer)
    if issuer.for_office:
        article = basis.article("entrusted")
        handled = (
            f"{issuer.station_name}受{issuer.name}委托，依据{basis.measure_in_full}{article}"
            "的规定，对双方的消费争议进行了调解。"
        )
    else:
        handled = f"{basis.cite('')}的规定，{issuer.station_name}对双方的消费争议进行了调解。"
    body: list[Block] = [
        Table(tuple(party_rows), (21, 36, 12, 31)),
        Paragraph(handled),
        Paragraph("争议事实：", indent=False, bold=True),
        Paragraph(_brief(complaint)),
        Paragraph(
            "经调解，双方在自愿、平等、互谅的基础上，达成如下协议：", indent=False, bold=True
        ),
    ]
    numbered = [*_lines(agreement.terms), money]
    if agreement.method:
        numbered.append(f"履行方式：{agreement.method}。")
    if agreement.perform_by:
        numbered.append(f"履行期限：乙方于{chinese_date(agreement.perform_by)}前履行完毕。")
    numbered.append(
        f"本{'调解书' if issuer.for_office else '协议'}履行完毕后，双方就本纠纷再无其他争议。"
    )
    body += [Paragraph(f"{_ordinal(i)}、{text}") for i, text in enumerate(numbered, start=1)]
    body += [
        Paragraph(
            "本调解书一式三份，甲方、乙方、调解机关各执一份，自双方签字（盖章）之日起生效。"
            if issuer.for_office
            else "本协议一式三份，甲方、乙方、调解组织各执一份，自双方签字（盖章）之日起生效。"
        ),
        SignatureRow(
            (
                Signature("甲方（签字）"),
                Signature("乙方（签字或盖章）"),
                Signature("调解员（签字）"),
            )
        ),
        _seal(issuer, agreement.signed_on),
    ]
    return _document(
        MEDIATION_AGREEMENT,
        complaint,
        issuer,
        body,
        reference=agreement.number,
        copies=AGREEMENT_COPIES,
        basis=basis,
    )


def _mediators(complaint: Complaint) -> str:
    names: list[str] = []
    for step in mediation_steps_of(complaint.id):
        for name in step.mediators.replace("，", "、").replace(",", "、").split("、"):
            if name.strip() and name.strip() not in names:
                names.append(name.strip())
    return "、".join(names) or officer_name(complaint.officer_id)


def _brief(complaint: Complaint, limit: int = 300) -> str:
    bought = f"{chinese_date(complaint.purchase_date)}" if complaint.purchase_date else ""
    where = f"在{complaint.purchase_place}" if complaint.purchase_place else ""
    paid = f"，支付{yuan(complaint.amount_paid_fen)}" if complaint.amount_paid_fen else ""
    opening = f"甲方{bought}{where}购买（接受）乙方“{complaint.subject}”{paid}。"
    facts = " ".join(complaint.facts.split())
    if len(facts) > limit:
        facts = facts[:limit] + "……（详见投诉登记表）"
    return f"{opening}{facts}甲方于{chinese_date(complaint.received_at)}投诉。"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _ordinal(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"


# -- 投诉终止调解决定书（终止调解通知书） --------------------------------------------------------


def _termination_notice(complaint: Complaint, issuer: Issuer) -> DocumentContent:
    if complaint.mediation_ended_on is None or not complaint.termination_ground:
        raise DocumentNotAvailable(f"投诉 {complaint.number} 没有终止调解，没有终止调解的文书。")
    basis = _basis(complaint, issuer)
    ground = _ground(basis.rules.termination_grounds, complaint.termination_ground)
    decision = _last_move(complaint, "end_mediation")
    accepted = (
        f"{issuer.we}于{chinese_date(complaint.accepted_on)}受理并组织调解。"
        if complaint.accepted_on
        else f"{issuer.we}组织了调解。"
    )
    body: list[Block] = [
        _both_parties(complaint),
        Paragraph(
            f"{_the_complaint(complaint)}{accepted}"
            f"因存在{_situation(ground)}，"
            f"{basis.cite(ground.item, ground.verify or not ground.item)}的规定，"
            f"{issuer.we}决定自{chinese_date(complaint.mediation_ended_on)}起终止调解。"
        ),
    ]
    if decision and decision.reason:
        body.append(Paragraph(f"具体说明：{decision.reason}"))
    body += [
        Paragraph(ROUTES.replace("您", "投诉人")),
    ]
    return _letter(
        TERMINATION_NOTICE, complaint, basis, body, complaint.mediation_ended_on, receipts=True
    )


# -- 回访记录表 ----------------------------------------------------------------------------------


def _follow_up_record(
    complaint: Complaint, issuer: Issuer, follow_up_id: int | None
) -> DocumentContent:
    follow_ups = follow_ups_of(complaint.id)
    row: FollowUp | None = None
    if follow_up_id is not None:
        row = next((f for f in follow_ups if f.id == follow_up_id), None)
        if row is None:
            raise DocumentNotAvailable("这条回访记录不存在或已删除。")
    elif follow_ups:
        row = follow_ups[-1]
    serial = follow_ups.index(row) + 1 if row is not None else len(follow_ups) + 1
    people = _people(complaint)
    first = people[0][0] if people else None
    outcomes = codes.code_list("outcome")
    outcome = (
        outcomes.name(complaint.outcome)
        if complaint.outcome and outcomes.contains(complaint.outcome)
        else ""
    )
    agreements = agreements_of(complaint.id)
    agreement = agreements[-1] if agreements else None
    agreed = (
        f"{agreement.number}，{yuan(agreement.amount_fen)}，"
        f"履行期限{chinese_date(agreement.perform_by) if agreement.perform_by else '未约定'}"
        if agreement
        else "无"
    )
    satisfaction = codes.code_list("satisfaction")
    rows: list[tuple[Cell, ...]] = [
        _form_row(
            ("投诉编号", complaint.number), ("投诉日期", chinese_date(complaint.received_at))
        ),
        _form_row(
            ("投诉人", _complainant_names(complaint)),
            ("联系电话", first.phone or "" if first else ""),
        ),
        _form_row(("被投诉方", complaint.respondent_name), ("商品或服务", complaint.subject)),
        _form_row(
            ("处理结果", outcome),
            ("办结日期", chinese_date(complaint.closed_on) if complaint.closed_on else ""),
        ),
        _form_row(("调解协议", agreed)),
        _form_row(
            ("回访方式", _choices(FOLLOW_UP_METHODS, row.method if row else None)),
        ),
        _form_row(
            ("回访日期", chinese_date(row.followed_up_on if row else None)),
            ("回访次数", f"第{serial}次"),
        ),
        _form_row(
            ("协议是否履行", _carried_out(row)),
        ),
        _form_row(
            (
                "满意度",
                _choices(
                    {e.code: e.name for e in satisfaction.entries()},
                    row.satisfaction if row else None,
                ),
            ),
        ),
        _form_row(("回访情况", (row.note or "") if row else ""), lines=6),
        _form_row(("是否重新办理", _yes_no(row.reopened if row else None))),
    ]
    body: list[Block] = [
        Table(tuple(rows), (20, 30, 16, 34)),
        SignatureRow((Signature("回访人（签字）"), Signature("审核人（签字）"))),
    ]
    return _document(
        FOLLOW_UP_RECORD, complaint, issuer, body, reference=f"{complaint.number}-HF{serial}"
    )


def _choices(options: dict[str, str], chosen: str | None) -> str:
    """``☑电话回访  ☐上门回访 …``: the recorded answer ticked, blank boxes on a blank form."""
    return "\u3000\u3000".join(
        f"{_CHECKED if code == chosen else _UNCHECKED}{name}" for code, name in options.items()
    )


def _yes_no(value: bool | None) -> str:
    return _choices({"yes": "是", "no": "否"}, None if value is None else "yes" if value else "no")


def _carried_out(row: FollowUp | None) -> str:
    options = {"yes": "已履行", "no": "未履行", "unknown": "不涉及或不清楚"}
    if row is None:
        return _choices(options, None)
    if row.carried_out is None:
        return _choices(options, "unknown")
    return _choices(options, "yes" if row.carried_out else "no")
