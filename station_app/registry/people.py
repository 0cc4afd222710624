"""Consumers (complainants and visitors): entered on a form, matched to earlier records."""

from __future__ import annotations

from dataclasses import dataclass

from station_app.access.ownership import check_may_write, is_stations_record
from station_app.errors import FieldError
from station_app.messages import msg
from station_app.registry.context import Context
from station_app.store.models import Person
from station_app.store.sync_columns import stamp_edit, stamp_new
from station_app.validation import normalize_id_number, normalize_phone, normalize_region_code


@dataclass
class PersonDraft:
    """A consumer as typed on a form; ``validate`` turns it into clean values."""

    name: str
    phone: str | None = None
    id_number: str | None = None
    address: str | None = None
    village_code: str | None = None
    is_representative: bool = False
    # agrees that the respondent may have their details (个人信息保护法, for mediation), as asked
    # on the complaint form: True records the consent, False takes back one given, None: not asked
    consents_to_respondent: bool | None = None

    def validated(self, prefix: str, ctx: Context) -> tuple[PersonDraft, list[FieldError]]:
        problems: list[FieldError] = []
        name = (self.name or "").strip()
        if not name:
            problems.append(FieldError(f"{prefix}name", msg("请填写姓名。")))
        elif len(name) > 50:
            problems.append(
                FieldError(f"{prefix}name", msg("姓名不能超过 {limit} 个字。", limit=50))
            )
        phone = id_number = village = None
        try:
            phone = normalize_phone(self.phone, field=f"{prefix}phone")
        except FieldError as error:
            problems.append(error)
        try:
            if (self.id_number or "").strip():
                id_number = normalize_id_number(
                    self.id_number or "", field=f"{prefix}id_number", today=ctx.clock.today()
                )
        except FieldError as error:
            problems.append(error)
        try:
            if (self.village_code or "").strip():
                village = normalize_region_code(
                    self.village_code or "", field=f"{prefix}village_code"
                )
        except FieldError as error:
            problems.append(error)
        clean = PersonDraft(
            name=name,
            phone=phone,
            id_number=id_number,
            address=(self.address or "").strip() or None,
            village_code=village,
            is_representative=self.is_representative,
            consents_to_respondent=self.consents_to_respondent,
        )
        return clean, problems


def complainants_text(first: str, is_group: bool, group_size: int) -> str:
    """``first`` (the first complainant as shown: masked or not), and ``等15人`` for a group."""
    if is_group and group_size > 1:
        return msg("{name} 等{count}人", name=first, count=group_size)
    return first


def save_person(ctx: Context, draft: PersonDraft, existing: Person | None = None) -> Person:
    """Insert a consumer, or update ``existing`` with the draft's values (validated drafts only).

    A new consumer whose ID number, or name and phone, match an earlier record reuses it, so one
    person's complaints and visits stay together.
    """
    values = {
        "name": draft.name,
        "phone": draft.phone,
        "id_number": draft.id_number,
        "address": draft.address,
        "village_code": draft.village_code,
    }
    now = ctx.clock.utcnow()
    if existing is None:
        existing = _matching_person(draft)
        if existing is not None and is_stations_record(existing, ctx.station):
            existing = None  # the county records its own consumer, never rewrites a station's
    if existing is None:
        person = Person(**values)
        stamp_new(person, ctx.origin, now)
        person.save(force_insert=True)
        return person
    changed = {k: v for k, v in values.items() if v is not None and getattr(existing, k) != v}
    if changed:
        check_may_write(existing, ctx)
        for key, value in changed.items():
            setattr(existing, key, value)
        stamp_edit(existing, now)
        existing.save()
    return existing


def _matching_person(draft: PersonDraft) -> Person | None:
    query = Person.select().where(Person.deleted == False)  # noqa: E712
    if draft.id_number:
        match = query.where(Person.id_number == draft.id_number).first()
        if match:
            return match
    if draft.phone:
        return query.where((Person.name == draft.name) & (Person.phone == draft.phone)).first()
    return None
