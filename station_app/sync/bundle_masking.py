"""A masked bundle: what a station without the county's key may send (PIPL: no personal data
in clear on a USB stick or in a chat app).

Each row keeps its uid, version, dates, codes and figures (the county's statistics need them);
personal fields are masked as the window shows them (``张**``, ``138****5678``,
``511921********1234``), an address is dropped, and every free text (facts, questions, notes,
audit values, the search text) is replaced by ``〔已遮蔽〕`` (or dropped when the column may be
empty), since officers write names and phone numbers into them. Evidence files are left out.
The manifest says ``"masked": true``, under the station's signature.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from peewee import TextField

from station_app.sync.tables import SyncTable, synced_tables
from station_app.validation import mask_id_number, mask_name, mask_phone

MASKED_TEXT = "〔已遮蔽〕"

_Mask = Callable[[object], object]


def _masked_text(value: object) -> object:
    return None if value is None else MASKED_TEXT


def _dropped(_value: object) -> object:
    return None


def _text_of(mask: Callable[[str | None], str]) -> _Mask:
    return lambda value: None if value is None else mask(str(value))


# personal fields that are not free text, by table
_PERSONAL: dict[str, dict[str, _Mask]] = {
    "person": {
        "name": _text_of(mask_name),
        "phone": _text_of(mask_phone),
        "id_number": _text_of(mask_id_number),
        "address": _dropped,
    },
    "attachment": {"filename": _masked_text, "description": _dropped},
    "violation_report": {
        "reporter_name": _text_of(mask_name),
        "reporter_phone": _text_of(mask_phone),
        "reporter_address": _dropped,
    },
}


@functools.cache
def _masks(table_name: str) -> dict[str, _Mask]:
    table: SyncTable = {t.name: t for t in synced_tables()}[table_name]
    masks: dict[str, _Mask] = {}
    for field in table.model._meta.sorted_fields:
        if isinstance(field, TextField) and field.column_name in table.column_names:
            masks[field.column_name] = _dropped if field.null else _masked_text
    masks.update(_PERSONAL.get(table_name, {}))
    return masks


def mask_line(table_name: str, line: bytes) -> bytes:
    """One row's JSON line with its personal fields masked (unchanged when the table has none)."""
    masks = _masks(table_name)
    if not masks:
        return line
    row = json.loads(line)
    for column, mask in masks.items():
        if column in row:
            row[column] = mask(row[column])
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
