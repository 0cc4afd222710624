"""The rows of the monthly ledger's sheets, as the cells they become (masked unless asked not to).

Complaints are read with one query per block (correlated subqueries on indexed child tables for
complainant, mediation, referrals and follow-up), visits and events with one query each; rows are
yielded as they are read, so a 10 000-complaint month never sits in memory as objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from station_app import codes
from station_app.registry.natures import primary_sql
from station_app.reports.indicators import Period, carried_over_sql, registered_sql
from station_app.store.models import database_proxy
from station_app.validation import mask_name, mask_phone
from station_app.workflow.deadlines import official_calendar

COMPLAINT_HEADERS = (
    "序号", "登记编号", "登记日期", "渠道", "投诉人", "联系电话", "所在村", "被投诉方",
    "统一社会信用代码", "被投诉方地址", "商品/服务", "大类/小类", "投诉性质", "购买日期",
    "涉及金额(元)", "事由摘要", "诉求", "受理情况", "处理方式", "处理结果", "挽回经济损失(元)",
    "加倍赔偿(元)", "办结日期", "用时(工作日)", "经办人", "回访情况", "群体性", "转办/诉转案",
    "12315编号", "备注",
)  # fmt: skip
VISIT_HEADERS = (
    "序号", "来访时间", "渠道", "来访人", "联系电话", "人数", "所在村", "咨询类别", "咨询问题",
    "答复情况", "经办人", "转为投诉",
)  # fmt: skip
EVENT_HEADERS = (
    "序号", "活动日期", "活动类型", "地点（村/社区）", "活动主题", "参加人数", "发放资料(份)",
    "现场咨询(人次)", "经办人", "备注",
)  # fmt: skip
FACTS_SUMMARY = 60  # characters of the facts shown as 事由摘要
_SEP = "\x1f"

_COMPLAINT_SELECT = f"""
SELECT c.id, c.number, c.received_at, c.channel,
  (SELECT p.name || '{_SEP}' || COALESCE(p.phone, '') FROM complainant k
     JOIN person p ON p.id = k.person_id
    WHERE k.complaint_id = c.id AND k.deleted = 0 ORDER BY k.position LIMIT 1),
  c.village_code, region.name, c.respondent_name, c.respondent_credit_code,
  c.respondent_address, c.subject, c.category_code, c.subcategory,
  {primary_sql("c")} || ',' || c.natures, c.purchase_date,
  COALESCE(c.disputed_amount_fen, c.amount_paid_fen), substr(c.facts, 1, {FACTS_SUMMARY + 1}),
  c.demands, c.status, c.accepted_on, c.not_accepted_ground, c.outcome, c.recovered_fen,
  c.punitive_fen, c.closed_on, officer.name, c.is_group, c.group_size, c.hotline_number,
  c.remarks,
  (SELECT COUNT(*) FROM mediation_step m WHERE m.complaint_id = c.id AND m.deleted = 0),
  (SELECT COUNT(*) FROM agreement a WHERE a.complaint_id = c.id AND a.deleted = 0),
  (SELECT group_concat(r.target || '{_SEP}' || COALESCE(r.external_number, ''), ',')
     FROM referral r WHERE r.complaint_id = c.id AND r.deleted = 0),
  (SELECT f.followed_up_on || '{_SEP}' || f.satisfaction FROM follow_up f
    WHERE f.complaint_id = c.id AND f.deleted = 0
    ORDER BY f.followed_up_on DESC, f.id DESC LIMIT 1)
FROM complaint c
LEFT JOIN region ON region.code = c.village_code
LEFT JOIN officer ON officer.id = c.officer_id
"""


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen / 100


class _Labels:
    """Code → Chinese name lookups, built once per ledger."""

    def __init__(self) -> None:
        self.channel = {e.code: e.name for e in codes.code_list("channel")}
        self.category = {e.code: e.name for e in codes.category_list()}
        self.subcategory = {e.code: e.name for e in codes.code_list("subcategory")}
        self.nature = {e.code: e.name for e in codes.code_list("nature")}
        self.demand = {e.code: e.name for e in codes.code_list("demand")}
        self.outcome = {e.code: e.name for e in codes.code_list("outcome")}
        self.status = {e.code: e.name for e in codes.code_list("complaint_status")}
        self.target = {e.code: e.name for e in codes.code_list("referral_target")}
        self.satisfaction = {e.code: e.name for e in codes.code_list("satisfaction")}
        self.event_type = {e.code: e.name for e in codes.code_list("education_event_type")}

    @staticmethod
    def many(names: dict[str, str], joined: str | None) -> str:
        unique = dict.fromkeys(code for code in (joined or "").split(",") if code)
        return "、".join(names.get(code, code) for code in unique)


def _acceptance(labels: _Labels, status: str, accepted_on: Any, ground: str | None) -> str:
    if accepted_on:
        return f"已受理（{_date(accepted_on):%m-%d}）"
    if status == "not_accepted":
        return "不予受理"
    if status == "registered":
        return "待受理"
    if status == "withdrawn":
        return "受理前撤回"
    if status == "referred":
        return "直接转办"
    return labels.status.get(status, status)


def _handling(mediations: int, agreements: int, referrals: str | None) -> str:
    parts = []
    if mediations:
        parts.append(f"调解{mediations}次")
    if agreements:
        parts.append("达成协议")
    if referrals:
        parts.append("转办")
    return "、".join(parts)


def complaint_rows(
    where: str, params: list[Any], *, unmasked: bool, labels: _Labels | None = None
) -> Iterator[list[Any]]:
    """The 30 ledger cells of each complaint matching ``where`` (on ``complaint c``), in the
    order registered; 序号 is left 0 for the writer to number."""
    labels = labels or _Labels()
    calendar = official_calendar()
    cursor = database_proxy.execute_sql(
        f"{_COMPLAINT_SELECT} WHERE {where} ORDER BY c.received_at, c.id", params
    )
    for r in cursor:
        (
            _id, number, received_at, channel, person, village_code, village_name, respondent,
            credit_code, address, subject, category, subcategory, natures, purchase_date,
            amount_fen, facts, demands, status, accepted_on, ground, outcome, recovered_fen,
            punitive_fen, closed_on, officer, is_group, group_size, hotline, remarks, mediations,
            agreements, referrals, follow_up,
        ) = r  # fmt: skip
        name, _, phone = (person or "").partition(_SEP)
        if not unmasked:
            name, phone = mask_name(name), mask_phone(phone) if phone else ""
        if is_group:
            name = f"{name}等{group_size}人"
        received = _date(received_at)
        closed = _date(closed_on)
        days = calendar.working_days_between(received, closed) if received and closed else None
        kind = labels.category.get(category, category)
        if subcategory:
            kind += "/" + labels.subcategory.get(subcategory, subcategory)
        result = labels.outcome.get(outcome, outcome) if outcome else labels.status.get(status)
        follow_text = ""
        if follow_up:
            on, _, satisfaction = follow_up.partition(_SEP)
            follow_text = f"{on[5:]} {labels.satisfaction.get(satisfaction, satisfaction)}"
        referral_text = "、".join(
            labels.target.get(target, target) + (f"（{external}）" if external else "")
            for target, _, external in (
                item.partition(_SEP) for item in (referrals or "").split(",") if item
            )
        )
        summary = facts if len(facts) <= FACTS_SUMMARY else facts[:FACTS_SUMMARY] + "…"
        yield [
            0, number, received, labels.channel.get(channel, channel), name, phone,
            village_name or village_code, respondent, credit_code, address, subject, kind,
            labels.many(labels.nature, natures), _date(purchase_date), _yuan(amount_fen),
            summary, labels.many(labels.demand, demands),
            _acceptance(labels, status, accepted_on, ground),
            _handling(mediations, agreements, referrals), result,
            _yuan(recovered_fen) if closed else None,
            _yuan(punitive_fen) if punitive_fen else None, closed, days, officer, follow_text,
            f"是（{group_size}人）" if is_group else "", referral_text, hotline, remarks,
        ]  # fmt: skip


def registered_rows(
    period: Period, origin: str | None, *, unmasked: bool, labels: _Labels | None = None
) -> Iterator[list[Any]]:
    """Complaints registered in ``period`` (their count is ``complaints_registered``)."""
    where, params = registered_sql(period, origin)
    return complaint_rows(where, params, unmasked=unmasked, labels=labels)


def carried_over_rows(
    period: Period, origin: str | None, *, unmasked: bool, labels: _Labels | None = None
) -> Iterator[list[Any]]:
    """Complaints registered earlier and handled in ``period`` (``complaints_carried_over``)."""
    where, params = carried_over_sql(period, origin)
    return complaint_rows(where, params, unmasked=unmasked, labels=labels)


def _month_records(select: str, alias: str, when: str, period: Period, origin: str | None) -> Any:
    """The cursor of ``select`` (whose table is ``alias``, with region and officer joined on it)
    over the records of ``period`` dated by ``when``, of station ``origin`` (None: every one)."""
    start, end = period.bounds
    sql = (
        f"{select} LEFT JOIN region ON region.code = {alias}.village_code"
        f" LEFT JOIN officer ON officer.id = {alias}.officer_id"
        f" WHERE {alias}.deleted = 0 AND {alias}.{when} >= ? AND {alias}.{when} < ?"
    )
    params: list[Any] = [start, end]
    if origin:
        sql += f" AND {alias}.origin = ?"
        params.append(origin)
    return database_proxy.execute_sql(f"{sql} ORDER BY {alias}.{when}, {alias}.id", params)


def visit_rows(period: Period, origin: str | None, *, unmasked: bool) -> Iterator[list[Any]]:
    labels = _Labels()
    select = (
        "SELECT v.visited_at, v.channel, p.name, p.phone, v.headcount, region.name,"
        " v.village_code, v.topic_category, v.question, v.answer, officer.name,"
        " EXISTS (SELECT 1 FROM complaint c WHERE c.visit_id = v.id AND c.deleted = 0)"
        " FROM visit v LEFT JOIN person p ON p.id = v.person_id"
    )
    for r in _month_records(select, "v", "visited_at", period, origin):
        at, channel, name, phone, headcount, village_name, village_code = r[:7]
        category, question, answer, officer, converted = r[7:]
        if not unmasked:
            name = mask_name(name) if name else ""
            phone = mask_phone(phone) if phone else ""
        when = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
        yield [
            0, when, labels.channel.get(channel, channel), name or "", phone or "", headcount,
            village_name or village_code, labels.category.get(category, category or ""),
            question, answer, officer, "是" if converted else "",
        ]  # fmt: skip


def event_rows(period: Period, origin: str | None) -> Iterator[list[Any]]:
    labels = _Labels()
    select = (
        "SELECT e.held_on, e.event_type, region.name, e.village_code, e.topic, e.attendees,"
        " e.leaflets, e.consultations, officer.name, e.notes FROM education_event e"
    )
    for row in _month_records(select, "e", "held_on", period, origin):
        held_on, kind, village_name, village_code, topic, *counts, officer, notes = row
        yield [
            0, _date(held_on), labels.event_type.get(kind, kind), village_name or village_code,
            topic, *counts, officer, notes,
        ]  # fmt: skip
