"""The roster in force, written in the roster format: an export re-imports as "no change".

Exported are the active stations, officers, towns and villages and businesses, the code-list rows
rosters brought (with their current names) and the holiday entries, under the version in force.
"""

from __future__ import annotations

from pathlib import Path

from station_app import codes
from station_app.registry.station_kinds import kind_name
from station_app.roster.apply import version_in_force
from station_app.roster.diff import dict_rows
from station_app.roster.extensions import apply_saved_code_rows, complete_holiday_years
from station_app.roster.format import HOLIDAY_KIND_NAMES
from station_app.roster.parse import COUNTY_ONLY
from station_app.roster.template import write_roster_workbook
from station_app.settings import get_setting, station_identity
from station_app.store.models import Business, Officer, Region, Station
from station_app.store.roster_models import RosterCodeRow, RosterHoliday, RosterImport
from station_app.sync.bundle_crypto import county_recipient
from station_app.sync.upload_protocol import CERTIFICATE_SETTING, UPLOAD_URL_SETTING
from station_app.validation import normalize_region_code


def _text(value: object) -> str:
    return "" if value is None else str(value)


def roster_rows() -> dict[str, list[list[str]]]:
    """Every part of the roster in force as rows of text, in the template's column order."""
    rows: dict[str, list[list[str]]] = {}
    stations = Station.select().where(Station.deleted == False, Station.active == True)  # noqa: E712
    rows["station"] = [
        [
            s.code,
            s.name,
            _text(s.county_code),
            _text(s.town_code),
            _text(s.village_code),
            _text(s.address),
            _text(s.phone),
            kind_name(s.kind) if s.kind else "",
            _text(s.entrusting_office),
        ]
        for s in stations.order_by(Station.code)
    ]
    officers = Officer.select().where(Officer.deleted == False, Officer.active == True)  # noqa: E712
    rows["officer"] = [
        [o.name, o.station_code, _text(o.phone), _text(o.role)]
        for o in officers.order_by(Officer.station_code, Officer.id)
    ]
    rows["region"] = _region_rows()
    types = codes.code_list("entity_type")
    businesses = Business.select().where(Business.deleted == False, Business.active == True)  # noqa: E712
    rows["business"] = [
        [
            b["name"],
            _text(b["credit_code"]),
            types.name(b["entity_type"]) if b["entity_type"] in types else _text(b["entity_type"]),
            _text(b["address"]),
            _text(b["phone"]),
            _text(b["village_code"]),
            _text(b["legal_person"]),
        ]
        for b in dict_rows(businesses.order_by(Business.id))
    ]
    rows["code"] = _code_rows()
    rows["holiday"] = [
        [h.day.isoformat(), HOLIDAY_KIND_NAMES.get(h.kind, h.kind), _text(h.name)]
        for h in RosterHoliday.select().order_by(RosterHoliday.day)
    ]
    return rows


def _region_rows() -> list[list[str]]:
    regions = {r["code"]: r for r in dict_rows(Region.select().where(Region.active == True))}  # noqa: E712
    villages: dict[str, list[dict[str, object]]] = {}
    for region in regions.values():
        if region["level"] == "village":
            villages.setdefault(str(region["code"])[:9], []).append(region)
    out: list[list[str]] = []
    for code in sorted(c for c, r in regions.items() if r["level"] == "town"):
        town = regions[code]
        county = regions.get(code[:6])
        head = [code[:6], _text(county["name"]) if county else "", code, str(town["name"])]
        children = sorted(villages.get(code, []), key=lambda r: str(r["code"]))
        if not children:
            out.append([*head, "", ""])
        out.extend([*head, str(v["code"]), str(v["name"])] for v in children)
    return out


def _code_rows() -> list[list[str]]:
    apply_saved_code_rows()
    seen: set[tuple[str, str]] = set()
    out: list[list[str]] = []
    for row in RosterCodeRow.select().order_by(RosterCodeRow.roster_import, RosterCodeRow.position):
        key = (row.list_name, row.code)
        if key in seen:
            continue
        seen.add(key)
        code_list = codes.code_list(row.list_name)
        if row.code not in code_list:
            continue
        entry = code_list.entry(row.code)
        out.append(
            [
                code_list.title,
                entry.code,
                entry.name,
                entry.name_en if entry.name_en != entry.name else "",
                _text(entry.parent),
                "是" if entry.active else "否",
            ]
        )
    return out


def roster_cover() -> dict[str, str]:
    cover: dict[str, str] = {}
    current = version_in_force()
    if current is not None:
        cover["名册版本"] = current.version
        cover["发布日期"] = current.issued_on.isoformat() if current.issued_on else ""
    last = RosterImport.select().order_by(RosterImport.id.desc()).first()
    county = last.county_code if last is not None else None
    identity = station_identity(required=False)
    if county is None and identity is not None and identity.county_code:
        county = normalize_region_code(identity.county_code, "county_code", COUNTY_ONLY)
    cover["县级区划代码"] = county or ""
    if last is not None and last.publisher:
        cover["发布单位"] = last.publisher
    years = complete_holiday_years()
    if years:
        cover["节假日完整年份"] = "、".join(str(year) for year in years)
    recipient = county_recipient()
    if recipient and identity is not None and identity.is_county:
        cover["县消协加密公钥"] = recipient  # stations seal their bundles to it
    for label, setting in (
        ("县消协上传地址", UPLOAD_URL_SETTING),
        ("县消协证书指纹", CERTIFICATE_SETTING),
    ):
        value = get_setting(setting)
        if value:
            cover[label] = value  # stations upload their bundles there
    return cover


def export_roster(path: str | Path) -> Path:
    """Write the roster in force to ``path`` (.xlsx)."""
    return write_roster_workbook(path, roster_cover(), roster_rows())
