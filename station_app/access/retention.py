"""Retention (PIPL Art. 19, 47): complaints closed more than N years ago lose their personal data.

The setting ``retention.years`` (default 3) says how long a closed complaint keeps its
complainants' names, phones, ID numbers and addresses. :func:`preview` says what would change
(how many complaints and people, which fields, how many values each) without writing;
:func:`anonymise` does it in one transaction, with one audit entry per person. Figures stay for
the statistics: dates, codes, villages, amounts, outcomes, the complaint's own text apart from
the people's names, phones and ID numbers written in it.

A person is anonymised only when every complaint they are on was closed before the cutoff and
none of their visits is newer: someone with an open complaint keeps their data. Each anonymised
row is an edit (version + 1, a new ``change_seq``), so the next bundle carries it and the county's
copy is replaced as any edit replaces it. Retention runs at a station, on its own records; the
county receives its results (it never rewrites a station's records).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.messages import N_, msg, translate
from station_app.registry.audit import record_action
from station_app.registry.complaints import search_text_of
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.settings import get_setting, set_setting
from station_app.store.models import (
    AuditEntry,
    Complainant,
    Complaint,
    Person,
    SyncedModel,
    Visit,
    database_proxy,
)
from station_app.store.sync_columns import stamp_edit
from station_app.store.workflow_models import Agreement, ConsentRecord, MediationStep

YEARS_SETTING = "retention.years"
DEFAULT_YEARS = 3
YEARS_RANGE = (1, 30)
ANONYMOUS_NAME = "（已匿名）"
HIDDEN = "＊＊＊"

# the person's fields that are replaced, and their names in the preview
PERSON_FIELDS: dict[str, str] = {
    "name": N_("姓名"),
    "phone": N_("电话"),
    "id_number": N_("身份证号"),
    "address": N_("住址"),
}
TEXT_FIELDS_NAME = N_("投诉、调解和协议文字中的姓名、电话、身份证号")
# free text in which a person's name, phone or ID number may have been written
COMPLAINT_TEXTS = ("facts", "demand_text", "remarks", "purchase_place")
RECORD_TEXTS: tuple[tuple[type[SyncedModel], tuple[str, ...]], ...] = (
    (MediationStep, ("attendance", "offers", "result")),
    (Agreement, ("terms",)),
    (ConsentRecord, ("note",)),
)


class RetentionRefused(StationError):
    """Retention asked of an installation that does not own the records (the county)."""


def retention_years() -> int:
    value = get_setting(YEARS_SETTING)
    try:
        years = int(value) if value is not None else DEFAULT_YEARS
    except ValueError:
        return DEFAULT_YEARS
    low, high = YEARS_RANGE
    return years if low <= years <= high else DEFAULT_YEARS


def set_retention_years(years: int) -> None:
    low, high = YEARS_RANGE
    if not low <= years <= high:
        raise ValidationFailed(
            [
                FieldError(
                    "retention_years",
                    msg("保存年限应为 {low} 至 {high} 年。", low=low, high=high),
                )
            ]
        )
    with database_proxy.atomic():
        set_setting(YEARS_SETTING, str(years))


def cutoff(today: dt.date, years: int) -> dt.date:
    """The day ``years`` years before ``today`` (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True)
class RetentionPreview:
    years: int
    cutoff: dt.date  # complaints closed before this day
    complaints: int  # closed before the cutoff with someone to anonymise
    people: int
    values: dict[str, int] = field(default_factory=dict)  # person field → values to replace
    waiting: int = 0  # people on such complaints kept because of a newer complaint or visit

    def lines(self) -> list[str]:
        """What will change, in sentences (the command and the settings screen)."""
        lines = [
            msg(
                "{cutoff} 以前办结的投诉中，有 {complaints} 条投诉的 {people} 位当事人"
                "将匿名化（保存 {years} 年）。",
                cutoff=self.cutoff.isoformat(),
                complaints=self.complaints,
                people=self.people,
                years=self.years,
            )
        ]
        for name, count in self.values.items():
            if count:
                lines.append(
                    msg(
                        "{field}：{count} 项替换。",
                        field=translate(PERSON_FIELDS[name]),
                        count=count,
                    )
                )
        if self.people:
            lines.append(
                msg(
                    "{texts}一并替换；日期、类别、金额、结果等统计数字保留。",
                    texts=translate(TEXT_FIELDS_NAME),
                )
            )
        if self.waiting:
            lines.append(
                msg(
                    "另有 {count} 人还有较新的投诉或来访，暂不匿名化。",
                    count=self.waiting,
                )
            )
        return lines


def _is_anonymous(person: Person) -> bool:
    return person.name == ANONYMOUS_NAME and not (
        person.phone or person.id_number or person.address
    )


@dataclass
class _Plan:
    cutoff: dt.date
    people: list[Person]  # to anonymise
    links: dict[int, list[int]]  # person id → the complaints they are on
    waiting: int  # kept for now: on a newer complaint, or a newer visit

    @property
    def complaints(self) -> set[int]:
        return {c for person in self.people for c in self.links.get(person.id, [])}


def _plan(origin: str, today: dt.date, years: int) -> _Plan:
    """Who to anonymise: a few set queries, whatever the number of complaints."""
    day = cutoff(today, years)
    live_link = Complainant.deleted == False  # noqa: E712
    old = (
        (Complaint.deleted == False)  # noqa: E712
        & Complaint.closed_on.is_null(False)
        & (Complaint.closed_on < day)
        & (Complaint.origin == origin)
    )
    candidate_ids = (
        Complainant.select(Complainant.person)
        .join(Complaint, on=(Complainant.complaint == Complaint.id))
        .where(old & live_link)
    )
    newer = ~(Complaint.closed_on.is_null(False) & (Complaint.closed_on < day))
    on_newer = (
        Complainant.select(Complainant.person)
        .join(Complaint, on=(Complainant.complaint == Complaint.id))
        .where(
            Complainant.person.in_(candidate_ids)
            & live_link
            & (Complaint.deleted == False)  # noqa: E712
            & newer
        )
    )
    visited = Visit.select(Visit.person).where(
        Visit.person.in_(candidate_ids)
        & (Visit.deleted == False)  # noqa: E712
        & (fn.date(Visit.visited_at) >= day)
    )
    blocked = {row.person_id for row in on_newer} | {row.person_id for row in visited}
    people, waiting = [], 0
    query = Person.select().where(Person.id.in_(candidate_ids) & (Person.origin == origin))
    for person in query.order_by(Person.id):
        if _is_anonymous(person):
            continue
        if person.id in blocked:
            waiting += 1
        else:
            people.append(person)
    links: dict[int, list[int]] = {}
    for link in Complainant.select(Complainant.person, Complainant.complaint).where(
        Complainant.person.in_(candidate_ids) & live_link
    ):
        links.setdefault(link.person_id, []).append(link.complaint_id)
    return _Plan(day, people, links, waiting)


def _refuse_at_county(ctx: Context) -> None:
    if ctx.station.is_county:
        raise RetentionRefused(
            msg("个人信息的保存期限由各服务站执行，匿名化结果随数据包送达县消协；本机是县消协。")
        )


def preview(ctx: Context, years: int | None = None) -> RetentionPreview:
    """What :func:`anonymise` would change today, without writing."""
    _refuse_at_county(ctx)
    years = retention_years() if years is None else years
    with database_proxy.atomic():
        plan = _plan(ctx.origin, ctx.clock.today(), years)
    return _preview(years, plan)


def _preview(years: int, plan: _Plan) -> RetentionPreview:
    values = {name: sum(1 for p in plan.people if getattr(p, name)) for name in PERSON_FIELDS}
    return RetentionPreview(
        years, plan.cutoff, len(plan.complaints), len(plan.people), values, plan.waiting
    )


def _scrub(text: str | None, secrets: list[tuple[str, str]]) -> str | None:
    if not text:
        return text
    for secret, replacement in secrets:
        text = text.replace(secret, replacement)
    return text


def anonymise(ctx: Context, years: int | None = None) -> RetentionPreview:
    """Replace the personal data :func:`preview` names, in one transaction; returns what was
    done (the same figures the preview gave, counted again inside the transaction)."""
    _refuse_at_county(ctx)
    years = retention_years() if years is None else years
    now = ctx.clock.utcnow()
    with database_proxy.atomic():
        plan = _plan(ctx.origin, ctx.clock.today(), years)
        done = _preview(years, plan)
        secrets: dict[int, list[tuple[str, str]]] = {}
        for person in plan.people:
            found = [(person.id_number, HIDDEN), (person.phone, HIDDEN)]
            if len(person.name or "") >= 2:
                found.append((person.name, "某某"))
            person_secrets = [(s, r) for s, r in found if s]
            for complaint_id in plan.links.get(person.id, []):
                secrets.setdefault(complaint_id, []).extend(person_secrets)
            person.name, person.phone, person.id_number, person.address = (
                ANONYMOUS_NAME,
                None,
                None,
                None,
            )
            stamp_edit(person, now)
            person.save()
            record_action(
                ctx,
                "person",
                person.uid,
                "anonymise",
                f"办结满 {years} 年，按保存期限匿名化",  # stored: Chinese whatever the window
            )
        for complaint_id in sorted(plan.complaints):
            _anonymise_complaint(ctx, complaint_id, secrets.get(complaint_id, []), now)
    return done


def _scrub_row(row: SyncedModel, names: tuple[str, ...], secrets: list[tuple[str, str]]) -> bool:
    """Replace the secrets in ``row``'s text fields; whether anything changed."""
    changed = False
    for name in names:
        scrubbed = _scrub(getattr(row, name), secrets)
        if scrubbed != getattr(row, name):
            setattr(row, name, scrubbed)
            changed = True
    return changed


def _anonymise_complaint(
    ctx: Context, complaint_id: int, secrets: list[tuple[str, str]], now: dt.datetime
) -> None:
    """The complaint's free text, search text and audit values without the people's data."""
    complaint = Complaint.get_by_id(complaint_id)
    changed = _scrub_row(complaint, COMPLAINT_TEXTS, secrets)
    people = [
        PersonDraft(name=link.person.name, phone=link.person.phone)
        for link in Complainant.select()
        .where((Complainant.complaint == complaint_id) & (Complainant.deleted == False))  # noqa: E712
        .order_by(Complainant.position)
    ]
    text = search_text_of(complaint, people)
    if changed or text != complaint.search_text:
        complaint.search_text = text
        stamp_edit(complaint, now)
        complaint.save()
    for model, names in RECORD_TEXTS:
        for row in model.select().where(model.complaint == complaint_id):  # type: ignore[attr-defined]
            if _scrub_row(row, names, secrets):
                stamp_edit(row, now)
                row.save()
    # an edit of a complainant's name, phone, ID or address logged its old and new value
    for entry in AuditEntry.select().where(
        (AuditEntry.record_uid == complaint.uid)
        & (AuditEntry.field.startswith("complainants."))
        & (AuditEntry.origin == ctx.origin)
    ):
        field_name = (entry.field or "").rsplit(".", 1)[-1]
        if field_name in PERSON_FIELDS and (entry.old_value or entry.new_value):
            entry.old_value = ANONYMOUS_NAME if entry.old_value else None
            entry.new_value = ANONYMOUS_NAME if entry.new_value else None
            stamp_edit(entry, now)
            entry.save()
