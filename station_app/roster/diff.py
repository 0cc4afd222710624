"""What applying a roster would change: new, changed (field by field), unchanged and gone records.

Records are matched to the database by their roster key (station code; station + officer name;
region code; credit code, or name + village for a business without one; list + code; date). A
part the file does not hold is not compared at all. "Gone" means a roster-owned row (origin = the
county) that the file no longer lists: applying deactivates it, never deletes it, because
complaints and visits may refer to it. Rows a station added itself are never gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from station_app import codes
from station_app.messages import N_, msg, translate
from station_app.roster.format import SHEETS
from station_app.roster.parse import RecordKey, RosterContent, RosterRecord
from station_app.store.models import Business, Officer, Region, Station
from station_app.store.roster_models import RosterHoliday

COUNTY_ORIGIN = "county"

FIELD_TITLES: dict[str, dict[str, str]] = {
    spec.part: {c.key: c.title for c in spec.columns} for spec in SHEETS
}
for _titles in FIELD_TITLES.values():
    _titles.setdefault("active", N_("启用"))
FIELD_TITLES["region"].update(
    {"name": N_("名称"), "level": N_("级别"), "parent_code": N_("上级代码")}
)
FIELD_TITLES["holiday"]["kind"] = N_("类型")

_COMPARED: dict[str, tuple[str, ...]] = {
    "station": (
        "name",
        "county_code",
        "town_code",
        "village_code",
        "address",
        "phone",
        "kind",
        "entrusting_office",
        "active",
    ),
    "officer": ("name", "station_code", "phone", "role", "active"),
    "region": ("name", "level", "parent_code", "active"),
    "business": (
        "name",
        "credit_code",
        "entity_type",
        "address",
        "phone",
        "village_code",
        "legal_person",
        "active",
    ),
    "code": ("name", "active"),
    "holiday": ("kind", "name"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    title: str
    old: object
    new: object

    def __str__(self) -> str:
        return msg(
            "{field}：{old} → {new}",
            field=translate(self.title),
            old=_shown(self.old),
            new=_shown(self.new),
        )


def _shown(value: object) -> str:
    if value is None or value == "":
        return msg("（空）")
    if value is True:
        return msg("是")
    if value is False:
        return msg("否")
    return str(value)


@dataclass
class RecordChange:
    """A record that exists in the database: changed by the file, or gone from it."""

    part: str
    key: RecordKey
    label: str
    existing_id: Any  # the row's id (code for regions and holidays)
    fields: tuple[FieldChange, ...] = ()
    record: RosterRecord | None = None  # None when gone


@dataclass
class PartDiff:
    part: str
    title: str
    new: list[RosterRecord] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    unchanged: int = 0
    gone: list[RecordChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed or self.gone)

    def summary(self) -> str:
        """``服务站：新增 1，变更 0，未变 3，停用 0`` (no 停用 for code lists and holidays)."""
        counts = {"new": len(self.new), "changed": len(self.changed), "unchanged": self.unchanged}
        if self.part in ("code", "holiday"):
            return msg(
                "{part}：新增 {new}，变更 {changed}，未变 {unchanged}",
                part=translate(self.title),
                **counts,
            )
        return msg(
            "{part}：新增 {new}，变更 {changed}，未变 {unchanged}，停用 {gone}",
            part=translate(self.title),
            gone=len(self.gone),
            **counts,
        )


@dataclass
class RosterDiff:
    parts: dict[str, PartDiff] = field(default_factory=dict)

    @property
    def no_change(self) -> bool:
        return not any(p.has_changes for p in self.parts.values())

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            name: {
                "new": len(p.new),
                "changed": len(p.changed),
                "unchanged": p.unchanged,
                "gone": len(p.gone),
            }
            for name, p in self.parts.items()
        }


def dict_rows(query: Any) -> list[dict[str, Any]]:
    """A peewee query's rows as plain dicts (fast, and typed for mypy)."""
    return cast(list[dict[str, Any]], list(query.dicts()))


def roster_origins(county_code: str | None) -> set[str]:
    return {COUNTY_ORIGIN} | ({county_code} if county_code else set())


def business_key(credit_code: str | None, name: str, village_code: str | None) -> RecordKey:
    return credit_code if credit_code else (name, village_code or "")


def diff_roster(content: RosterContent, county_code: str | None) -> RosterDiff:
    """Compare the parsed roster with the database (read only)."""
    origins = roster_origins(county_code)
    diff = RosterDiff()
    for part, records in content.records.items():
        title = next(s.title for s in SHEETS if s.part == part)
        result = PartDiff(part, title)
        if part == "code":
            _diff_codes(records, result)
        elif part == "holiday":
            _diff_holidays(records, result)
        elif part == "region":
            _diff_regions(records, result)
        else:
            existing = _existing(part)
            _compare(records, existing, origins, result)
        diff.parts[part] = result
    return diff


def _existing(part: str) -> dict[RecordKey, dict[str, Any]]:
    """Database rows of a part by roster key; of rows sharing a key the roster's own, the active,
    the oldest wins."""
    rows: list[dict[str, Any]]
    if part == "station":
        rows = dict_rows(Station.select().where(Station.deleted == False).order_by(Station.id))  # noqa: E712
    elif part == "officer":
        rows = dict_rows(Officer.select().where(Officer.deleted == False).order_by(Officer.id))  # noqa: E712
    else:
        rows = dict_rows(Business.select().where(Business.deleted == False).order_by(Business.id))  # noqa: E712
    by_key: dict[RecordKey, dict[str, Any]] = {}
    for row in rows:
        if part == "station":
            key: RecordKey = row["code"]
        elif part == "officer":
            key = (row["station_code"], row["name"])
        else:
            key = business_key(row["credit_code"], row["name"], row["village_code"])
        current = by_key.get(key)
        if current is None or (row["active"] and not current["active"]):
            by_key[key] = row
    return by_key


def _changes(part: str, values: dict[str, object], row: dict[str, Any]) -> tuple[FieldChange, ...]:
    titles = FIELD_TITLES[part]
    return tuple(
        FieldChange(name, titles.get(name, name), row.get(name), values.get(name))
        for name in _COMPARED[part]
        if name in values and _norm(row.get(name)) != _norm(values.get(name))
    )


def _norm(value: object) -> object:
    if value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    return value


def _compare(
    records: list[RosterRecord],
    existing: dict[RecordKey, dict[str, Any]],
    origins: set[str],
    result: PartDiff,
) -> None:
    seen: set[RecordKey] = set()
    for record in records:
        row = existing.get(record.key)
        if row is None:
            result.new.append(record)
            continue
        seen.add(record.key)
        changes = _changes(result.part, record.values, row)
        if changes:
            result.changed.append(
                RecordChange(result.part, record.key, record.label, row["id"], changes, record)
            )
        else:
            result.unchanged += 1
    for key, row in existing.items():
        if key not in seen and row["active"] and row["origin"] in origins:
            change = FieldChange("active", N_("启用"), True, False)
            label = str(row.get("name") or key)
            result.gone.append(RecordChange(result.part, key, label, row["id"], (change,)))


def _diff_regions(records: list[RosterRecord], result: PartDiff) -> None:
    existing = {row["code"]: row for row in dict_rows(Region.select())}
    counties = {str(r.key)[:6] for r in records}
    seen: set[str] = set()
    for record in records:
        code = str(record.key)
        row = existing.get(code)
        if row is None:
            result.new.append(record)
            continue
        seen.add(code)
        changes = _changes("region", record.values, row)
        if changes:
            result.changed.append(RecordChange("region", code, record.label, code, changes, record))
        else:
            result.unchanged += 1
    for code, row in existing.items():
        if code not in seen and row["active"] and row["level"] != "county" and code[:6] in counties:
            change = FieldChange("active", N_("启用"), True, False)
            result.gone.append(RecordChange("region", code, row["name"], code, (change,)))


def _diff_codes(records: list[RosterRecord], result: PartDiff) -> None:
    for record in records:
        list_name = str(record.values["list_name"])
        current = codes.code_list(list_name)
        code = str(record.values["code"])
        if code not in current:
            result.new.append(record)
            continue
        entry = current.entry(code)
        changes: list[FieldChange] = []
        known = {codes.lookup_key(n) for n in (entry.name, *entry.former_names)}
        if codes.lookup_key(str(record.values["name"])) not in known:
            changes.append(FieldChange("name", N_("名称"), entry.name, record.values["name"]))
        if bool(record.values["active"]) != entry.active:
            changes.append(FieldChange("active", N_("启用"), entry.active, record.values["active"]))
        name_en = record.values.get("name_en")
        if name_en and name_en != entry.name_en and not changes:
            changes.append(FieldChange("name_en", N_("英文名称"), entry.name_en, name_en))
        if changes:
            title = current.title_en if codes.display_language() == "en" else current.title
            label = f"{title} {code}"
            result.changed.append(
                RecordChange("code", record.key, label, code, tuple(changes), record)
            )
        else:
            result.unchanged += 1


def _diff_holidays(records: list[RosterRecord], result: PartDiff) -> None:
    existing = {row["day"].isoformat(): row for row in dict_rows(RosterHoliday.select())}
    for record in records:
        row = existing.get(str(record.key))
        if row is None:
            result.new.append(record)
            continue
        changes = _changes("holiday", record.values, row)
        if changes:
            result.changed.append(
                RecordChange("holiday", record.key, str(record.key), row["day"], changes, record)
            )
        else:
            result.unchanged += 1
