"""Domain settings kept in the database: who this station is, and per-station preferences.

Window geometry and other per-user display state live in QSettings (GUI side), not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from station_app.changes import Changes
from station_app.errors import AlreadyInitialised, FieldError, NotInitialised, ValidationFailed
from station_app.messages import msg
from station_app.store.models import Setting

STATION_CODE = "station.code"
STATION_NAME = "station.name"
COUNTY_CODE = "station.county_code"
ROLE = "station.role"
ROLES = ("station", "county")

_STATION_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_]{1,31}$")


def get_setting(key: str, default: str | None = None) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def set_setting(key: str, value: str) -> None:
    # an upsert both engines speak (SQLite's INSERT OR REPLACE is not PostgreSQL's)
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


@dataclass(frozen=True)
class StationIdentity:
    code: str
    name: str
    county_code: str | None
    role: str  # "station" | "county"

    @property
    def is_county(self) -> bool:
        return self.role == "county"

    @property
    def changes(self) -> Changes:
        """Saving who the station is changes the ``station`` settings."""
        return Changes.of(settings=["station"])


def check_identity(code: str, name: str, county_code: str | None, role: str) -> StationIdentity:
    problems: list[FieldError] = []
    code = (code or "").strip().upper()
    name = (name or "").strip()
    county_code = (county_code or "").strip() or None
    if not _STATION_CODE_RE.match(code):
        problems.append(
            FieldError(
                "station_code", msg("服务站编码须为 2–32 位字母、数字或下划线，例如 TJ001。")
            )
        )
    if not name:
        problems.append(FieldError("station_name", msg("请填写服务站名称。")))
    elif len(name) > 100:
        problems.append(
            FieldError("station_name", msg("服务站名称不能超过 {limit} 个字。", limit=100))
        )
    if county_code is not None and not re.fullmatch(r"\d{6}(\d{6})?", county_code):
        problems.append(FieldError("county_code", msg("县级区划代码应为 6 位或 12 位数字。")))
    if role not in ROLES:
        problems.append(
            FieldError("role", msg("角色只能是 station（服务站）或 county（县消协）。"))
        )
    if problems:
        raise ValidationFailed(problems)
    return StationIdentity(code, name, county_code, role)


def station_identity(required: bool = True) -> StationIdentity | None:
    values = {row.key: row.value for row in Setting.select()}
    if STATION_CODE not in values:
        if required:
            raise NotInitialised()
        return None
    return StationIdentity(
        code=values[STATION_CODE],
        name=values.get(STATION_NAME, ""),
        county_code=values.get(COUNTY_CODE) or None,
        role=values.get(ROLE, "station"),
    )


def save_identity(identity: StationIdentity, *, replace: bool = False) -> None:
    existing = station_identity(required=False)
    if existing and not replace and existing.code != identity.code:
        raise AlreadyInitialised(
            msg(
                "本数据目录已设置为服务站 {code}（{name}），不能改为 {new_code}。",
                code=existing.code,
                name=existing.name,
                new_code=identity.code,
            )
        )
    set_setting(STATION_CODE, identity.code)
    set_setting(STATION_NAME, identity.name)
    set_setting(COUNTY_CODE, identity.county_code or "")
    set_setting(ROLE, identity.role)
