"""Hand-off to 12315 (12315 移交表): chosen complaints in the columns of the platform's batch entry.

A county clerk who passes complaints on to the market-regulation office enters them on the 12315
platform. The platform's batch-entry template is not published; the columns here follow, in
order, the fields of the platform's complaint form (消费者, 被投诉方, 投诉内容), so a clerk can paste
the rows or copy them field by field without retyping: see docs/12315-handoff.md.

Passing a consumer's details to 12315 needs each complainant's separate consent (个人信息保护法;
``workflow.consent`` recipient ``hotline_12315``). A complaint some complainant has not agreed for
is left out and named with the reason; the rest are written in full (the file is for 12315), and
the export is logged on each complaint (the result carries them as its change set).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from station_app import codes
from station_app.access import access_log
from station_app.changes import NO_CHANGES, Changes
from station_app.file_in_place import written_in_place
from station_app.messages import msg
from station_app.registry.audit import record_action
from station_app.registry.complaint_records import complainants_of
from station_app.registry.context import Context
from station_app.spreadsheet_cells import text_row
from station_app.store.models import Complaint, Person, Region, database_proxy
from station_app.validation import mask_name
from station_app.workflow.consent import missing_consent

HOTLINE = "hotline_12315"  # the consent recipient and referral target
HANDOFF_COLUMNS = (
    "序号", "消费者姓名", "性别", "联系电话", "证件类型", "证件号码", "消费者地址", "所在地区代码",
    "被投诉方名称", "统一社会信用代码", "被投诉方地址", "被投诉方电话", "商品或服务名称",
    "商品服务类别", "购买日期", "购买地点", "涉及金额(元)", "投诉问题", "诉求", "投诉日期",
    "本站登记编号", "群体性投诉人数",
)  # fmt: skip
_GENDER = {"M": "男", "F": "女"}


@dataclass(frozen=True)
class HandoffRefusal:
    number: str
    reason: str


@dataclass(frozen=True)
class HandoffWritten:
    path: Path
    written: tuple[str, ...]  # complaint numbers
    refused: tuple[HandoffRefusal, ...]
    changes: Changes = NO_CHANGES  # the complaints written (each has the export in its history)


def _row(complaint: Complaint, index: int) -> list[object]:
    people = complainants_of(complaint)
    first = people[0] if people else None
    person: Person | None = first.person if first else None
    categories = codes.category_list()
    demands = codes.code_list("demand")
    demand_words = [demands.name(d) for d in (complaint.demands or "").split(",") if d in demands]
    if complaint.demand_text:
        demand_words.append(complaint.demand_text)
    money = complaint.disputed_amount_fen or complaint.amount_paid_fen
    address = person.address if person else None
    if person and not address and person.village_code:
        village = Region.get_or_none(Region.code == person.village_code)
        address = village.name if village else None
    return [
        index,
        person.name if person else "",
        _GENDER.get(person.gender or "", "") if person else "",
        person.phone or "" if person else "",
        "居民身份证" if person and person.id_number else "",
        person.id_number or "" if person else "",
        address or "",
        (person.village_code if person else None) or complaint.village_code or "",
        complaint.respondent_name,
        complaint.respondent_credit_code or "",
        complaint.respondent_address or "",
        complaint.respondent_phone or "",
        complaint.subject,
        categories.name(complaint.category_code)
        if complaint.category_code in categories
        else complaint.category_code,
        complaint.purchase_date.isoformat() if complaint.purchase_date else "",
        complaint.purchase_place or "",
        round(money / 100, 2) if money is not None else None,
        complaint.facts,
        "、".join(demand_words),
        complaint.received_at.date().isoformat(),
        complaint.number,
        complaint.group_size if complaint.is_group else None,
    ]


def _save_in_place(wb: Workbook, target: Path, ctx: Context, written: list[Complaint]) -> None:
    """Save ``wb`` in place of ``target`` (``written_in_place``); the export is logged on each
    complaint and in the access log (the file holds the complainants' full details) in the same
    transaction, committed only with the file in place."""
    with database_proxy.atomic(), written_in_place(target) as temp:
        wb.save(temp)
        for complaint in written:
            record_action(ctx, "complaint", complaint.uid, "export_12315", new_value=target.name)
        access_log.record(
            ctx, access_log.HOTLINE_HANDOFF, "、".join(c.number for c in written), str(target)
        )


def write_handoff(
    ctx: Context, numbers: Sequence[str], path: str | os.PathLike[str]
) -> HandoffWritten:
    """Write the complaints ``numbers`` that may go to 12315 into ``path`` (xlsx); the others are
    returned as refused with the reason. Nothing is written when none may go."""
    written: list[Complaint] = []
    refused: list[HandoffRefusal] = []
    for number in dict.fromkeys(n.strip() for n in numbers if n.strip()):
        complaint = Complaint.get_or_none(
            (Complaint.number == number) & (Complaint.deleted == False)  # noqa: E712
        )
        if complaint is None:
            refused.append(
                HandoffRefusal(number, msg("没有编号为 {number} 的投诉。", number=number))
            )
            continue
        missing = missing_consent(complaint, HOTLINE)
        if missing:
            names = "、".join(mask_name(p.name) for p in missing)
            refused.append(
                HandoffRefusal(number, msg("投诉人{names}未同意向12315提供个人信息。", names=names))
            )
            continue
        written.append(complaint)
    target = Path(path)
    if written:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "12315移交"
        ws.append(text_row(ws, HANDOFF_COLUMNS))
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for index, complaint in enumerate(written, 1):
            ws.append(text_row(ws, _row(complaint, index)))
        ws.freeze_panes = "B2"
        _save_in_place(wb, target, ctx, written)
    return HandoffWritten(
        target,
        tuple(c.number for c in written),
        tuple(refused),
        Changes.of(complaints=[c.id for c in written]),
    )
