"""The business register (经营者): whom complaints are made against.

Most rows come from the county's roster (its 经营者 sheet, ``roster.apply``; origin: the county).
A station may add a business the roster does not list yet (origin: the station). Such a row
travels to the county in the station's bundles like its other records. When a later roster lists
the same business (the same unified social credit code or, for a business without one, the same
name and village: ``roster.diff.business_key``), importing that roster updates this very row with
the county's values; the roster never deactivates a row a station added.

:func:`find_businesses` serves the complaint form's respondent field as the officer types: a
fragment of the name, the start of the credit code, or a fragment of the phone number.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.messages import msg
from station_app.registry.audit import record_created
from station_app.registry.context import Context
from station_app.registry.text_match import like_pattern
from station_app.store.models import Business, database_proxy
from station_app.store.sync_columns import stamp_new
from station_app.validation import (
    _landline_area_length,
    normalize_credit_code,
    normalize_phone,
)

MATCH_LIMIT = 12
_LAST_CHARACTER = chr(0x10FFFF)
_COLUMNS = "id, name, credit_code, phone, address, village_code, origin"
_LIVE = "deleted = ? AND active = ?"
_LIVE_PARAMS = (False, True)


@dataclass(frozen=True)
class BusinessChoice:
    """A business of the register as the respondent field offers it."""

    id: int
    name: str
    credit_code: str | None
    phone: str | None
    address: str | None
    village_code: str | None
    local: bool  # added at this station (else from the county's roster)


def _choice(row: tuple[Any, ...], station_code: str | None) -> BusinessChoice:
    business_id, name, credit_code, phone, address, village_code, origin = row
    return BusinessChoice(
        int(business_id), name, credit_code, phone, address, village_code, origin == station_code
    )


def _typed(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def find_businesses(
    text: str, station_code: str | None = None, limit: int = MATCH_LIMIT
) -> list[BusinessChoice]:
    """Active businesses matching what was typed, best first: names starting with it, credit
    codes and phone numbers starting with it, then names containing it. Each step reads an index
    range or stops after ``limit`` rows, so a register of 50 000 businesses answers at once."""
    typed = _typed(text)
    if not typed or limit <= 0:
        return []
    # (condition, params, ordered): index ranges come back in the index's order; a scan for a
    # fragment is not ordered in SQL (ordering by name would walk the index over every row)
    steps: list[tuple[str, tuple[Any, ...], bool]] = [
        ("name >= ? AND name < ? ORDER BY name", (typed, typed + _LAST_CHARACTER), True),
    ]
    code = typed.upper()
    if code.isascii() and code.isalnum() and len(code) >= 2:
        steps.append(
            ("credit_code >= ? AND credit_code < ? ORDER BY credit_code", (code, code + "~"), True)
        )
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) >= 3 and len(digits) == len(typed.replace("-", "").replace(" ", "")):
        start = _phone_start(digits)
        steps.append(("phone >= ? AND phone < ? ORDER BY phone", (start, start + "~"), True))
    if len(digits) < 5 or len(digits) != len(typed):  # a long number is a phone or a code
        steps.append(("name LIKE ? ESCAPE '\\'", (like_pattern(typed),), False))
    found: dict[int, BusinessChoice] = {}
    for condition, values, ordered in steps:
        if len(found) >= limit:
            break
        sql = f"SELECT {_COLUMNS} FROM business WHERE {_LIVE} AND {condition} LIMIT ?"
        rows = database_proxy.execute_sql(sql, (*_LIVE_PARAMS, *values, limit)).fetchall()
        choices = [_choice(row, station_code) for row in rows if int(row[0]) not in found]
        if not ordered:
            choices.sort(key=lambda choice: choice.name)
        for choice in choices[: limit - len(found)]:
            found[choice.id] = choice
    return list(found.values())


def _phone_start(digits: str) -> str:
    """How a phone number starting with ``digits`` is stored: a mobile as typed, a landline with
    a dash after its area code (``normalize_phone``)."""
    area = _landline_area_length(digits)
    if digits.startswith("0") and len(digits) > area:
        return f"{digits[:area]}-{digits[area:]}"
    return digits


def registered_business(
    name: str, credit_code: str | None = None, station_code: str | None = None
) -> BusinessChoice | None:
    """The active business of the register that is this respondent: the same credit code, or
    (for a respondent typed without one) the same name; None when the register lacks it."""
    code = _typed(credit_code or "").upper()
    if code:
        condition, params = "credit_code = ?", (code,)
    else:
        condition, params = "name = ?", (_typed(name),)
    sql = f"SELECT {_COLUMNS} FROM business WHERE {_LIVE} AND {condition} ORDER BY id LIMIT 1"
    row = database_proxy.execute_sql(sql, (*_LIVE_PARAMS, *params)).fetchone()
    return _choice(row, station_code) if row else None


def add_business(
    ctx: Context,
    name: str,
    credit_code: str | None = None,
    phone: str | None = None,
    address: str | None = None,
) -> BusinessChoice:
    """Add a business to the register as this station's own row (see the module's text).
    Refuses an empty or over-long name, a bad credit code or phone, and a business the register
    already holds (same credit code, or the same name when none is given)."""
    problems: list[FieldError] = []
    name = _typed(name)
    address = _typed(address or "") or None
    if not name:
        problems.append(FieldError("respondent_name", msg("请填写被投诉方名称。")))
    elif len(name) > 200:
        problems.append(
            FieldError("respondent_name", msg("名称不能超过 {limit} 个字。", limit=200))
        )
    try:
        credit_code = normalize_credit_code(credit_code, field="respondent_credit_code")
    except FieldError as error:
        problems.append(error)
    try:
        phone = normalize_phone(phone, field="respondent_phone")
    except FieldError as error:
        problems.append(error)
    if address is not None and len(address) > 200:
        problems.append(
            FieldError("respondent_address", msg("地址不能超过 {limit} 个字。", limit=200))
        )
    if problems:
        raise ValidationFailed(problems)
    with database_proxy.atomic():
        same = registered_business(name, credit_code, ctx.origin)
        if same is not None:
            raise StationError(msg("经营者名册中已有“{name}”。", name=same.name))
        business = Business(
            name=name, credit_code=credit_code, phone=phone, address=address, active=True
        )
        stamp_new(business, ctx.origin, ctx.clock.utcnow())
        business.save(force_insert=True)
        record_created(ctx, business, name)
    return BusinessChoice(business.id, name, credit_code, phone, address, None, True)
