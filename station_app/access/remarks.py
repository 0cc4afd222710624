"""县消协备注: the county's own notes on a station's complaint.

The county never changes a station's rows (``station_app.access.ownership``); what it has to say
about a complaint it writes here. A remark lives in the county's ``county_remark`` table and goes
back to the complaint's station in the county's next receipt (the ``remarks`` list of that
station's entry, :func:`receipt_part`); the station keeps each remark as it came, once, by its
``uid`` (:func:`import_remarks`), and shows it in the complaint's detail window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from station_app.clock import utc_to_local
from station_app.errors import FieldError, StationError, ValidationFailed
from station_app.messages import msg
from station_app.registry.complaint_records import get_complaint
from station_app.registry.context import Context
from station_app.store.access_models import CountyRemark
from station_app.store.models import Complaint, database_proxy

TEXT_MAX = 2000
AUTHOR_MAX = 50
_UID = re.compile(r"[0-9a-f]{32}")


class RemarkRefused(StationError):
    """A remark written where remarks are not written (a station)."""


@dataclass(frozen=True)
class RemarkEntry:
    """One remark as the detail window shows it (local time)."""

    uid: str
    author: str
    county_code: str
    written_at: dt.datetime  # local China time
    text: str


def add_remark(ctx: Context, complaint_id: int, text: str) -> CountyRemark:
    """County: write a remark on a complaint (one transaction)."""
    if not ctx.station.is_county:
        raise RemarkRefused(msg("县消协备注只能由县消协填写；本机是服务站。"))
    text = (text or "").strip()
    if not text:
        raise ValidationFailed([FieldError("text", msg("请填写备注内容。"))])
    if len(text) > TEXT_MAX:
        raise ValidationFailed(
            [FieldError("text", msg("备注不能超过 {limit} 个字。", limit=TEXT_MAX))]
        )
    with database_proxy.atomic():
        complaint = get_complaint(complaint_id)
        remark = CountyRemark(
            complaint_uid=complaint.uid,
            station_code=complaint.origin,
            county_code=ctx.origin,
            author=ctx.actor[:AUTHOR_MAX],
            written_at=ctx.clock.utcnow(),
            text=text,
        )
        remark.save(force_insert=True)
    return remark


def _moment(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def remarks_of(complaint_uid: str) -> tuple[RemarkEntry, ...]:
    """The remarks on a complaint, oldest first."""
    query = (
        CountyRemark.select()
        .where(CountyRemark.complaint_uid == complaint_uid)
        .order_by(CountyRemark.written_at, CountyRemark.id)
    )
    return tuple(
        RemarkEntry(r.uid, r.author, r.county_code, utc_to_local(_moment(r.written_at)), r.text)
        for r in query
    )


def _utc_text(value: object) -> str:
    moment = _moment(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def receipt_part(station_code: str) -> list[dict[str, str]]:
    """County: every remark on the station's complaints, for its entry in the receipt."""
    query = (
        CountyRemark.select()
        .where(CountyRemark.station_code == station_code)
        .order_by(CountyRemark.written_at, CountyRemark.id)
    )
    return [
        {
            "uid": r.uid,
            "complaint_uid": r.complaint_uid,
            "author": r.author,
            "written_at": _utc_text(r.written_at),
            "text": r.text,
        }
        for r in query
    ]


def receipt_part_problem(
    items: object, at: str, is_moment: Callable[[object], bool]
) -> tuple[str, str] | None:
    """The first field of a receipt's ``remarks`` list of the wrong type or size, and what it
    must be (checked before anything of the receipt is used; ``is_moment``: the receipt's own
    check of a time)."""
    if not isinstance(items, list):
        return at, msg("应为列表")
    for i, item in enumerate(items):
        where = f"{at}[{i}]"
        if not isinstance(item, dict):
            return where, msg("应为 JSON 对象")
        for key in ("uid", "complaint_uid"):
            value = item.get(key)
            if type(value) is not str or not _UID.fullmatch(value):
                return f"{where}.{key}", msg("应为 32 位十六进制编号")
        for key, limit in (("author", AUTHOR_MAX), ("text", TEXT_MAX)):
            value = item.get(key)
            if type(value) is not str or not value.strip() or len(value) > limit:
                return f"{where}.{key}", msg("应为不超过 {length} 字的文本", length=limit)
        if not is_moment(item.get("written_at")):
            return f"{where}.written_at", msg("应为时间")
    return None


def import_remarks(items: Sequence[dict[str, Any]], station_code: str, county_code: str) -> int:
    """Station: keep the receipt's remarks on this station's complaints not kept yet (inside the
    receipt's transaction; checked by :func:`receipt_part_problem`). Returns how many are new.
    A remark on a complaint this station does not have is passed over."""
    known = {
        r.uid
        for r in CountyRemark.select(CountyRemark.uid).where(
            CountyRemark.uid.in_([item["uid"] for item in items])
        )
    }
    added = 0
    for item in items:
        if item["uid"] in known:
            continue
        complaint = Complaint.get_or_none(
            (Complaint.uid == item["complaint_uid"]) & (Complaint.origin == station_code)
        )
        if complaint is None:
            continue
        written = dt.datetime.fromisoformat(item["written_at"].replace("Z", "+00:00"))
        CountyRemark.insert(
            uid=item["uid"],
            complaint_uid=complaint.uid,
            station_code=station_code,
            county_code=county_code,
            author=item["author"],
            written_at=written.astimezone(dt.UTC) if written.tzinfo else written,
            text=item["text"],
        ).execute()
        known.add(item["uid"])
        added += 1
    return added
