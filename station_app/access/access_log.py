"""Who looked at what (PIPL): sign-ins, unmasked views, printed papers, unmasked ledgers, bundles
and a person's own records exported for them.

:func:`record` writes one entry; the sign-in (``station_app.security``), the detail window's
unmasked view, ``show``/``list --unmasked``, printing, the unmasked ledger, the bundle export and
the personal export call it. Entries are synced rows (:class:`AccessEntry`): a station's reach the
county in its bundles, so the county sees every station's log beside its own. The station head and
the county read them, filtered (:func:`entries`), on the 访问日志 screen, with
``station access-log``, or exported to a spreadsheet (:func:`export_entries`).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from station_app.clock import CHINA_TZ, utc_to_local
from station_app.errors import StationError
from station_app.file_in_place import written_in_place
from station_app.messages import N_, msg, translate
from station_app.registry.context import Context
from station_app.settings import station_identity
from station_app.spreadsheet_cells import csv_field, text_row
from station_app.store.access_models import AccessEntry
from station_app.store.models import database_proxy
from station_app.store.sync_columns import stamp_new

SIGN_IN = "sign_in"
REVEAL = "reveal"
PRINT = "print"
LEDGER_UNMASKED = "ledger_unmasked"
BUNDLE_EXPORT = "bundle_export"
PERSONAL_EXPORT = "personal_export"
HOTLINE_HANDOFF = "hotline_handoff"

# kind → its name on the screen and in exports
KINDS: dict[str, str] = {
    SIGN_IN: N_("登录"),
    REVEAL: N_("查看完整个人信息"),
    PRINT: N_("打印或保存文书"),
    LEDGER_UNMASKED: N_("导出未遮蔽台账"),
    BUNDLE_EXPORT: N_("导出数据包"),
    PERSONAL_EXPORT: N_("导出本人信息"),
    HOTLINE_HANDOFF: N_("导出12315移交表"),
}
SUBJECT_MAX = 200
DETAIL_MAX = 2000


class AccessLogError(StationError):
    """A filter or an export of the access log the program cannot use."""


def record(ctx: Context, kind: str, subject: str, detail: str | None = None) -> AccessEntry:
    """Log one access: ``kind`` (one of :data:`KINDS`), ``subject`` (what was seen or exported: a
    complaint number, a month, a file, an account), ``detail`` (why, how). A write: joins the
    caller's transaction when there is one, so the entry commits with what it records."""
    if kind not in KINDS:
        raise ValueError(f"unknown access kind: {kind!r}")
    entry = AccessEntry(
        at=ctx.clock.utcnow(),
        actor=ctx.actor[:50],
        kind=kind,
        subject=(subject or "")[:SUBJECT_MAX],
        detail=(detail or None) and detail[:DETAIL_MAX],
    )
    with database_proxy.atomic():
        stamp_new(entry, ctx.origin, ctx.clock.utcnow())
        entry.save(force_insert=True)
    return entry


@dataclass(frozen=True)
class AccessFilter:
    """Which entries to show: local dates (inclusive), a person, a kind, a station."""

    start: dt.date | None = None
    end: dt.date | None = None
    actor: str | None = None
    kind: str | None = None
    station: str | None = None

    def problems(self) -> list[str]:
        found = []
        if self.start and self.end and self.end < self.start:
            found.append(msg("结束日期不能早于开始日期。"))
        if self.kind and self.kind not in KINDS:
            found.append(
                msg("没有“{kind}”这类访问；可选：{kinds}。", kind=self.kind, kinds="、".join(KINDS))
            )
        return found


@dataclass(frozen=True)
class AccessRow:
    """One entry as the screen, the command and the exports show it (local time)."""

    at: dt.datetime  # local China time
    station: str
    actor: str
    kind: str
    subject: str
    detail: str

    @property
    def kind_name(self) -> str:
        return translate(KINDS.get(self.kind, self.kind))

    def as_json(self) -> dict[str, str]:
        return {
            "at": self.at.isoformat(sep=" ", timespec="seconds"),
            "station": self.station,
            "actor": self.actor,
            "kind": self.kind,
            "subject": self.subject,
            "detail": self.detail,
        }


def _utc(day: dt.date) -> dt.datetime:
    """The first moment of a local China day, in UTC as stored."""
    return dt.datetime.combine(day, dt.time(), CHINA_TZ).astimezone(dt.UTC)


def entries(found: AccessFilter, limit: int | None = None) -> list[AccessRow]:
    """The entries the filter selects, newest first (at most ``limit``)."""
    problems = found.problems()
    if problems:
        raise AccessLogError(problems[0])
    query = AccessEntry.select().where(AccessEntry.deleted == False)  # noqa: E712
    if found.start:
        query = query.where(AccessEntry.at >= _utc(found.start))
    if found.end:
        query = query.where(AccessEntry.at < _utc(found.end + dt.timedelta(days=1)))
    if found.actor:
        query = query.where(AccessEntry.actor == found.actor)
    if found.kind:
        query = query.where(AccessEntry.kind == found.kind)
    if found.station:
        query = query.where(AccessEntry.origin == found.station)
    query = query.order_by(AccessEntry.at.desc(), AccessEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [
        AccessRow(
            at=utc_to_local(_moment(row.at)),
            station=row.origin,
            actor=row.actor,
            kind=row.kind,
            subject=row.subject,
            detail=row.detail or "",
        )
        for row in query
    ]


def _moment(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def at_county() -> bool:
    """This installation is the county (its screen filters by station too)."""
    identity = station_identity(required=False)
    return identity is not None and identity.is_county


def actors() -> list[str]:
    """Every person named in the log, for the screen's filter."""
    query = AccessEntry.select(AccessEntry.actor).distinct().order_by(AccessEntry.actor)
    return [row.actor for row in query]


def stations() -> list[str]:
    """Every station (origin) with entries: the county's filter."""
    query = AccessEntry.select(AccessEntry.origin).distinct().order_by(AccessEntry.origin)
    return [row.origin for row in query]


def headers() -> list[str]:
    return [msg("时间"), msg("服务站"), msg("操作人"), msg("类别"), msg("对象"), msg("说明")]


def _values(row: AccessRow) -> list[str]:
    at = row.at.isoformat(sep=" ", timespec="seconds")
    return [at, row.station, row.actor, row.kind_name, row.subject, row.detail]


def export_entries(rows: Sequence[AccessRow], target: str | os.PathLike[str]) -> Path:
    """Write ``rows`` to ``target``: ``.csv`` (UTF-8 with BOM, for Excel) or ``.xlsx``; text is
    never written as a formula (``spreadsheet_cells``). Replaces ``target`` whole
    (``file_in_place``)."""
    path = Path(target)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise AccessLogError(msg("只能导出为 .csv 或 .xlsx 文件：{file}", file=path.name))
    try:
        with written_in_place(path) as temp:
            if suffix == ".csv":
                with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(headers())
                    writer.writerows([csv_field(v) for v in _values(r)] for r in rows)
            else:
                workbook = Workbook(write_only=True)
                sheet = workbook.create_sheet(msg("访问日志"))
                sheet.append(text_row(sheet, headers()))
                for row in rows:
                    sheet.append(text_row(sheet, _values(row)))
                workbook.save(temp)
    except OSError as error:
        raise AccessLogError(
            msg("无法写入文件 {path}：{reason}", path=path, reason=error.strerror)
        ) from error
    return path
