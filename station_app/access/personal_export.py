"""A person's own records (PIPL Art. 45): everything the station holds about someone, found by
ID number or phone, as a paper the GUI lays out on A4 (the printed papers' machinery,
``station_app.documents``) and the ``station personal-export`` command saves as PDF.

The paper lists the person's details as stored, each complaint they are on and each of their
visits, and nobody else's details: on a group complaint the other complainants are not named.
Handing it out is logged in the access log (:func:`record_personal_export`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from station_app import codes
from station_app.access import access_log
from station_app.documents.content import chinese_date
from station_app.documents.model import Cell, DocumentContent, Paragraph, Seal, Table
from station_app.errors import FieldError, RecordNotFound, ValidationFailed
from station_app.messages import msg
from station_app.registry.choices import region_name
from station_app.registry.context import Context
from station_app.store.models import Complainant, Complaint, Person, Visit, database_proxy
from station_app.validation import mask_id_number, mask_phone, normalize_id_number, normalize_phone
from station_app.workflow.states import status_name

PERSONAL_RECORDS = "personal_records"
TITLE = "个人信息查阅副本"


@dataclass(frozen=True)
class PersonalRecords:
    """The paper, and what it holds (for the access log and the window's message)."""

    content: DocumentContent
    subject: str  # the masked ID number or phone asked for
    people: int
    complaints: int
    visits: int


def _find(id_number: str | None, phone: str | None) -> tuple[list[Person], str]:
    if bool(id_number) == bool(phone):
        raise ValidationFailed([FieldError("id_number", msg("请只填写身份证号或电话其中一项。"))])
    if id_number:
        number = normalize_id_number(id_number.strip())
        where, subject = Person.id_number == number, mask_id_number(number)
    else:
        found = normalize_phone((phone or "").strip())
        if found is None:
            raise ValidationFailed([FieldError("phone", msg("请填写电话号码。"))])
        where, subject = Person.phone == found, mask_phone(found)
    people = list(Person.select().where(where & (Person.deleted == False)).order_by(Person.id))  # noqa: E712
    if not people:
        raise RecordNotFound(msg("本站没有身份证号或电话为 {who} 的当事人。", who=subject))
    return people, subject


def _row(label: str, value: object) -> tuple[Cell, ...]:
    return (Cell(label, label=True), Cell("" if value is None else str(value), colspan=3))


def _person_table(person: Person) -> Table:
    village = region_name(person.village_code) if person.village_code else ""
    return Table(
        rows=(
            (
                Cell("姓名", label=True),
                Cell(person.name),
                Cell("电话", label=True),
                Cell(person.phone or ""),
            ),  # fmt: skip
            _row("身份证号", person.id_number or ""),
            _row("住址", " ".join(p for p in (village, person.address or "") if p)),
        ),
        widths=(15, 35, 15, 35),
    )


def _complaint_table(complaint: Complaint) -> Table:
    money = complaint.recovered_fen or 0
    return Table(
        rows=(
            (
                Cell("投诉编号", label=True),
                Cell(complaint.number),
                Cell("收到日期", label=True),
                Cell(str(complaint.received_at)[:10]),
            ),  # fmt: skip
            (
                Cell("状态", label=True),
                Cell(status_name(complaint.status)),
                Cell("办结日期", label=True),
                Cell(str(complaint.closed_on or "")),
            ),  # fmt: skip
            _row("被投诉方", complaint.respondent_name),
            _row("商品或服务", complaint.subject),
            _row("投诉事实", complaint.facts),
            _row("诉求", complaint.demand_text or _demands(complaint.demands)),
            _row("挽回损失（元）", f"{money / 100:.2f}" if money else ""),
        ),
        widths=(15, 35, 15, 35),
    )


def _demands(joined: str | None) -> str:
    values = codes.code_list("demand")
    return "、".join(
        values.name(c) if values.contains(c) else c for c in (joined or "").split(",") if c
    )


def _visit_table(visit: Visit) -> Table:
    return Table(
        rows=(
            _row("来访时间", str(visit.visited_at)[:16]),
            _row("咨询问题", visit.question),
            _row("答复", visit.answer or ""),
        ),
        widths=(15, 35, 15, 35),
    )


def personal_records(
    ctx: Context, *, id_number: str | None = None, phone: str | None = None
) -> PersonalRecords:
    """The paper of everything the station holds about the person with this ID number or phone
    (refused: neither or both given, a malformed one, nobody found)."""
    with database_proxy.atomic():
        people, subject = _find(id_number, phone)
        ids = [p.id for p in people]
        complaints = list(
            Complaint.select()
            .join(Complainant, on=(Complainant.complaint == Complaint.id))
            .where(
                Complainant.person.in_(ids)
                & (Complainant.deleted == False)  # noqa: E712
                & (Complaint.deleted == False)  # noqa: E712
            )
            .distinct()
            .order_by(Complaint.received_at, Complaint.id)
        )
        visits = list(
            Visit.select()
            .where(Visit.person.in_(ids) & (Visit.deleted == False))  # noqa: E712
            .order_by(Visit.visited_at, Visit.id)
        )
        body: list[Paragraph | Table | Seal] = [
            Paragraph(
                "根据《中华人民共和国个人信息保护法》第四十五条，应本人请求，"
                f"现将本站保存的其个人信息及相关记录提供如下（截至{chinese_date(ctx.clock.today())}）。"
            ),
            Paragraph("一、本人信息", indent=False, bold=True),
            *(_person_table(p) for p in people),
            Paragraph(f"二、投诉记录（{len(complaints)} 条）", indent=False, bold=True),
            *(_complaint_table(c) for c in complaints),
            Paragraph(f"三、来访咨询记录（{len(visits)} 条）", indent=False, bold=True),
            *(_visit_table(v) for v in visits),
            Paragraph(
                "群体性投诉中其他投诉人的个人信息不在本副本中提供。"
                "如发现信息有误，可向本站申请更正。"
            ),
            Seal(ctx.station.name, chinese_date(ctx.clock.today())),
        ]
    day = ctx.clock.today()
    content = DocumentContent(
        kind=PERSONAL_RECORDS,
        title=TITLE,
        reference=f"{ctx.origin}-个人信息-{day:%Y%m%d}",
        station_name=ctx.station.name,
        complaint_number="",
        body=tuple(body),
    )
    return PersonalRecords(content, subject, len(people), len(complaints), len(visits))


def record_personal_export(ctx: Context, records: PersonalRecords, where: str) -> None:
    """Log that the person's records were handed out (printed or saved at ``where``)."""
    access_log.record(
        ctx,
        access_log.PERSONAL_EXPORT,
        records.subject,
        f"{records.complaints} 条投诉、{records.visits} 条来访；{where}",  # stored in Chinese
    )


def default_file_name(records: PersonalRecords, day: dt.date) -> str:
    return f"个人信息_{records.subject}_{day:%Y%m%d}.pdf"
