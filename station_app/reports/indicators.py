"""The monthly indicators (月度统计) of DOMAIN.md, for one station or the whole county.

:func:`compute_indicators` is the one function every report reads: the ledger's 月度统计 sheet,
``station stats`` and the statistics screen. Each period is a handful of aggregate SQL queries
that reach rows through indexes (complaints by ``received_at``, workflow moves by
``(to_status, happened_on)``), so a county's million complaints cost what one month's rows do.

How each figure is counted (the ledger prints the same rules under its 月度统计 table):

Every figure counts what happened in the period, by the date of that step. A complaint registered
in an earlier month and closed in this one counts in this month's 办结, 解决 and 挽回经济损失 (结转
案件计入办结当月); 受理 counts the decisions taken this month, whenever the complaint came in.

* 登记 ``complaints_registered``: complaints received in the period (投诉登记台账 lists them first).
* 受理 ``complaints_accepted``: complaints the station took up in the period: the move out of 已登记
  to 已受理 (受理决定) or to 已转办 (直接转办, handed over without a decision of its own), dated in
  the period. The goods / services / other split, the categories and 群体性 (件数, 人数 = the group
  sizes) are of these complaints.
* 投诉性质 ``nature:<code>``: the complaints registered in the period, each once under its primary
  nature (中消协 counts one nature per complaint, mixed cases under 其他; a sub-nature under its
  parent; secondary natures are not counted), so the natures add up to 登记.
* 不予受理 ``complaints_not_accepted``: decisions not to accept dated in the period.
* 办结 ``complaints_closed``: complaints taken up (受理 or 直接转办, in any month) whose handling ended
  in the period by the closing date now on the complaint: 办结, 撤回 or 终止调解. A reopened case
  counts when it is closed again, once, in that month; while reopened it counts nowhere.
* 调解成功 ``mediated``: 办结 with the outcome 调解成功. 解决 ``resolved``: 办结 with the outcome
  调解成功, 自行和解 or 转办办结 (mediated, settled, referral_closed).
* 挽回经济损失 ``recovered_fen``: the money recovered on complaints 办结 in the period (as entered at
  closing; it includes 加倍赔偿). 加倍赔偿 件数 / 金额: those of them with punitive compensation.
* 转办 ``referred``: complaints referred in the period (by referral date, each complaint once), and
  per target; 诉转案, 支持诉讼, 诉调对接 are the referrals to those targets. 罚没款 ``fines_fen``: fines
  reported back in the period (by reply date).
* 12315录入 ``hotline_12315``: complaints registered in the period that carry a 12315 number.
* 回访 ``followed_up``: complaints followed up in the period (several calls count once, the latest
  gives the satisfaction); 满意率 = (满意 + 基本满意) ÷ 回访 that reached the consumer (联系不上 left out).
* 来访咨询 ``visits`` / 人次 ``visits_headcount``: visits in the period and their headcounts.
* 宣传: education events held in the period: 场次, 参加人数, 发放资料份数, 现场咨询人次;
  消费警示次数 / 消费提示次数 = events of the type 消费警示 / 消费提示 (published, not held:
  their 覆盖人数 ``notice_reach`` is the people the channel reached).
* 免费检测计量器具 ``instruments_checked`` / 其中不合格 ``instruments_failed``: instruments
  checked free of charge at the events held in the period (per kind: ``instrument:<code>``).
* 举报 (reports of violations, counted apart from complaints): ``violations_registered`` received
  in the period, ``violations_referred`` passed to the market-regulation office in it,
  ``violations_replied`` answered by the office in it, ``violations_case_filed`` of those answers
  the ones that opened a case (立案).
* 结转办理 ``complaints_carried_over``: complaints registered before the period with a workflow
  step in it (the ledger lists them after the month's registrations).

Rates: 办结率 = 办结 ÷ 受理, 调解成功率 = 调解成功 ÷ 受理, 解决率 = 解决 ÷ 受理 (as steps count on their
own dates, a month's 办结 may exceed its 受理 and a rate pass 100 %); 回访率 = 回访 ÷ 办结.

Periods: 本月 = the month; 本年累计 = 1 January to the month's end; 去年同期 = the same span a year
earlier; 增减数 = 本年累计 − 去年同期; 增减% = 增减数 ÷ 去年同期 (blank when 去年同期 is 0). For a rate,
增减数 is in percentage points and 增减% is blank. Money is in fen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from station_app import codes
from station_app.messages import N_
from station_app.registry.events import NOTICE_TYPES
from station_app.registry.natures import MIXED, primary_sql
from station_app.store.models import database_proxy
from station_app.workflow import states

Kind = Literal["count", "money", "rate", "heading"]
Figures = dict[str, int]

SOLVED_OUTCOMES = ("mediated", "settled", "referral_closed")
SATISFIED = ("satisfied", "fairly_satisfied")
# moves that end a complaint's handling (they set closed_on), and the decision moves (受理 / 直接转办)
_FINISHING = (states.CLOSED, states.NOT_ACCEPTED, states.MEDIATION_ENDED, states.WITHDRAWN)
_TAKEN_UP = (states.ACCEPTED, states.REFERRED)
_SEPARATE_TARGETS = ("enforcement_lead", "litigation_support", "court_mediation")
_TAKEN_UP_SQL = (
    "EXISTS (SELECT 1 FROM complaint_transition d WHERE d.complaint_id = c.id AND d.deleted = 0"
    " AND d.from_status = 'registered' AND d.to_status IN ('accepted', 'referred'))"
)


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day
    end: dt.date  # the day after the last

    @property
    def bounds(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


def parse_month(month: str) -> tuple[int, int]:
    """``"2026-03"`` → (2026, 3); ``ValueError`` for anything else."""
    year_text, _, month_text = (month or "").partition("-")
    if len(year_text) != 4 or len(month_text) != 2 or not (year_text + month_text).isdigit():
        raise ValueError(f"month must be YYYY-MM, not {month!r}")
    year, mon = int(year_text), int(month_text)
    dt.date(year, mon, 1)  # refuses month 13
    return year, mon


def month_periods(month: str) -> tuple[Period, Period, Period]:
    """(本月, 本年累计, 去年同期) of ``month``."""
    year, mon = parse_month(month)
    end = dt.date(year + (mon == 12), mon % 12 + 1, 1)
    last_end = dt.date(year - 1 + (mon == 12), mon % 12 + 1, 1)
    return (
        Period(dt.date(year, mon, 1), end),
        Period(dt.date(year, 1, 1), end),
        Period(dt.date(year - 1, 1, 1), last_end),
    )


# -- the queries ---------------------------------------------------------------------------------


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return list(database_proxy.execute_sql(sql, list(params)).fetchall())


def _origin(alias: str, origin: str | None) -> tuple[str, list[Any]]:
    return (f" AND {alias}.origin = ?", [origin]) if origin else ("", [])


def _moved_into(statuses: Sequence[str]) -> str:
    """Complaint ids with a move into one of ``statuses`` dated in [?, ?) (uses the move index)."""
    marks = ", ".join("?" * len(statuses))
    return (
        "SELECT t.complaint_id FROM complaint_transition t"
        f" WHERE t.to_status IN ({marks}) AND t.happened_on >= ? AND t.happened_on < ?"
        " AND t.deleted = 0"
    )


def carried_over_sql(period: Period, origin: str | None) -> tuple[str, list[Any]]:
    """WHERE clause (on ``complaint c``) of complaints registered before ``period`` with a
    workflow step in it: the ledger's second block and ``complaints_carried_over``."""
    start, end = period.bounds
    where_origin, origin_params = _origin("c", origin)
    sql = (
        f"c.id IN ({_moved_into(states.STATUSES)}) AND c.deleted = 0 AND c.received_at < ?"
        + where_origin
    )
    return sql, [*states.STATUSES, start, end, start, *origin_params]


def registered_sql(period: Period, origin: str | None) -> tuple[str, list[Any]]:
    """WHERE clause (on ``complaint c``) of complaints registered in ``period``."""
    start, end = period.bounds
    where_origin, origin_params = _origin("c", origin)
    sql = "c.deleted = 0 AND c.received_at >= ? AND c.received_at < ?" + where_origin
    return sql, [start, end, *origin_params]


def period_figures(period: Period, origin: str | None = None) -> Figures:
    """Every count and sum of ``period`` (see the module docstring), keyed by name."""
    start, end = period.bounds
    where_origin, origin_params = _origin("c", origin)
    f: Figures = {}

    where, params = registered_sql(period, origin)
    (registered, hotline) = _rows(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN c.hotline_number IS NOT NULL AND c.hotline_number != ''"
        " THEN 1 ELSE 0 END), 0)"
        f" FROM complaint c WHERE {where}",
        params,
    )[0]
    f["complaints_registered"], f["hotline_12315"] = registered, hotline

    where, params = carried_over_sql(period, origin)
    f["complaints_carried_over"] = _rows(f"SELECT COUNT(*) FROM complaint c WHERE {where}", params)[
        0
    ][0]

    taken = (
        "WITH taken AS (SELECT DISTINCT t.complaint_id AS id FROM complaint_transition t"
        " WHERE t.to_status IN (?, ?) AND t.happened_on >= ? AND t.happened_on < ?"
        " AND t.from_status = 'registered' AND t.deleted = 0) "
    )
    taken_params = [*_TAKEN_UP, start, end]
    kinds = {entry.code: entry.kind or "other" for entry in codes.category_list()}
    f.update(complaints_accepted=0, group_complaints=0, group_people=0)
    for kind in ("goods", "service", "other"):
        f[f"kind:{kind}"] = 0
    for category, count, groups, people in _rows(
        taken + "SELECT c.category_code, COUNT(*), COALESCE(SUM(c.is_group), 0),"
        " COALESCE(SUM(CASE WHEN c.is_group = 1 THEN c.group_size ELSE 0 END), 0)"
        " FROM taken JOIN complaint c ON c.id = taken.id"
        f" WHERE c.deleted = 0{where_origin} GROUP BY c.category_code",
        [*taken_params, *origin_params],
    ):
        f["complaints_accepted"] += count
        f["group_complaints"] += groups
        f["group_people"] += people
        f[f"category:{category}"] = count
        f[f"kind:{kinds.get(category, 'other')}"] += count
    # one nature per complaint registered: the primary one, a sub-nature under its parent
    parents = {e.code: e.parent or e.code for e in codes.code_list("nature")}
    registered_where, registered_params = registered_sql(period, origin)
    for nature, count in _rows(
        f"SELECT {primary_sql('c')}, COUNT(*) FROM complaint c WHERE {registered_where} GROUP BY 1",
        registered_params,
    ):
        key = f"nature:{parents.get(nature or '', MIXED)}"
        f[key] = f.get(key, 0) + count

    f.update(
        complaints_not_accepted=0,
        complaints_closed=0,
        mediated=0,
        resolved=0,
        recovered_fen=0,
        punitive_count=0,
        punitive_fen=0,
    )
    for outcome, count, recovered, punitive_count, punitive in _rows(
        "SELECT c.outcome, COUNT(*), COALESCE(SUM(c.recovered_fen), 0),"
        " COALESCE(SUM(CASE WHEN c.punitive_fen > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(c.punitive_fen), 0)"
        f" FROM complaint c WHERE c.id IN ({_moved_into(_FINISHING)})"
        f" AND c.deleted = 0 AND c.closed_on >= ? AND c.closed_on < ?{where_origin}"
        f" AND (c.outcome = 'not_accepted' OR {_TAKEN_UP_SQL}) GROUP BY c.outcome",
        [*_FINISHING, start, end, start, end, *origin_params],
    ):
        if outcome == "not_accepted":
            f["complaints_not_accepted"] += count
            continue
        f["complaints_closed"] += count
        f[f"outcome:{outcome}"] = count
        f["mediated"] += count if outcome == "mediated" else 0
        f["resolved"] += count if outcome in SOLVED_OUTCOMES else 0
        f["recovered_fen"] += recovered
        f["punitive_count"] += punitive_count
        f["punitive_fen"] += punitive

    referral_from = (
        " FROM referral r JOIN complaint c ON c.id = r.complaint_id"
        " WHERE r.deleted = 0 AND c.deleted = 0 AND r.referred_on >= ? AND r.referred_on < ?"
        + where_origin
    )
    f["referred"] = _rows(
        "SELECT COUNT(DISTINCT r.complaint_id)" + referral_from, [start, end, *origin_params]
    )[0][0]
    for target, count in _rows(
        "SELECT r.target, COUNT(DISTINCT r.complaint_id)" + referral_from + " GROUP BY r.target",
        [start, end, *origin_params],
    ):
        f[f"target:{target}"] = count
    f["fines_fen"] = _rows(
        "SELECT COALESCE(SUM(r.fine_fen), 0) FROM referral r JOIN complaint c"
        " ON c.id = r.complaint_id WHERE r.deleted = 0 AND c.deleted = 0"
        f" AND r.reply_on >= ? AND r.reply_on < ?{where_origin}",
        [start, end, *origin_params],
    )[0][0]

    f.update(followed_up=0, followed_up_reached=0, satisfied=0)
    for satisfaction, count in _rows(
        "SELECT satisfaction, COUNT(*) FROM (SELECT f.satisfaction, ROW_NUMBER() OVER"
        " (PARTITION BY f.complaint_id ORDER BY f.followed_up_on DESC, f.id DESC) AS n"
        " FROM follow_up f JOIN complaint c ON c.id = f.complaint_id"
        " WHERE f.deleted = 0 AND c.deleted = 0"
        f" AND f.followed_up_on >= ? AND f.followed_up_on < ?{where_origin}) AS latest"
        " WHERE n = 1 GROUP BY satisfaction",
        [start, end, *origin_params],
    ):
        f["followed_up"] += count
        f["followed_up_reached"] += count if satisfaction != "unreachable" else 0
        f["satisfied"] += count if satisfaction in SATISFIED else 0

    visit_origin, visit_params = _origin("v", origin)
    f["visits"], f["visits_headcount"] = _rows(
        "SELECT COUNT(*), COALESCE(SUM(v.headcount), 0) FROM visit v WHERE v.deleted = 0"
        f" AND v.visited_at >= ? AND v.visited_at < ?{visit_origin}",
        [start, end, *visit_params],
    )[0]

    event_origin, event_params = _origin("e", origin)
    # the events ``e`` held in the period (at the station asked for)
    held = f"e.deleted = 0 AND e.held_on >= ? AND e.held_on < ?{event_origin}"
    held_params = [start, end, *event_params]
    f.update(events=0, event_attendees=0, event_leaflets=0, event_consultations=0, notice_reach=0)
    for event_type, count, attendees, leaflets, consultations, reach in _rows(
        "SELECT e.event_type, COUNT(*), SUM(e.attendees), SUM(e.leaflets), SUM(e.consultations),"
        f" SUM(e.reach) FROM education_event e WHERE {held} GROUP BY e.event_type",
        held_params,
    ):
        f["events"] += count
        f["event_attendees"] += attendees
        f["event_leaflets"] += leaflets
        f["event_consultations"] += consultations
        f[f"event_type:{event_type}"] = count
        f["notice_reach"] += reach if event_type in NOTICE_TYPES else 0

    f.update(instruments_checked=0, instruments_failed=0)
    for instrument, checked, failed in _rows(
        "SELECT i.instrument, SUM(i.checked), SUM(i.failed) FROM instrument_check i"
        f" JOIN education_event e ON e.id = i.event_id WHERE i.deleted = 0 AND {held}"
        " GROUP BY i.instrument",
        held_params,
    ):
        f["instruments_checked"] += checked
        f["instruments_failed"] += failed
        f[f"instrument:{instrument}"] = checked

    report_origin, report_params = _origin("j", origin)
    (
        f["violations_registered"],
        f["violations_referred"],
        f["violations_replied"],
        f["violations_case_filed"],
    ) = (
        int(v or 0)
        for v in _rows(
            # CASE, not SUM of a comparison: PostgreSQL sums no booleans (the county's server)
            "SELECT SUM(CASE WHEN j.received_at >= ? AND j.received_at < ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN j.referred_on >= ? AND j.referred_on < ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN j.reply_on >= ? AND j.reply_on < ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN j.reply_on >= ? AND j.reply_on < ? AND j.case_filed = 1"
            " THEN 1 ELSE 0 END)"
            " FROM violation_report j WHERE j.deleted = 0"
            " AND (j.received_at >= ? AND j.received_at < ? OR j.referred_on >= ?"
            f" AND j.referred_on < ? OR j.reply_on >= ? AND j.reply_on < ?){report_origin}",
            [start, end] * 7 + report_params,
        )[0]
    )
    return f


# -- the rows of the summary ---------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    label: str
    unit: str
    kind: Kind = "count"
    level: int = 0  # 0 a headline, 1 其中, 2 a breakdown under it
    numerator: str = ""  # rates: figure keys
    denominator: str = ""


@dataclass(frozen=True)
class IndicatorRow:
    """One row of 月度统计. Counts are ints, money in fen, rates fractions (None: nothing to
    divide by). ``change`` compares 本年累计 with 去年同期 (percentage points for a rate)."""

    key: str
    label: str
    unit: str
    kind: Kind
    level: int
    month: int | float | None
    year_to_date: int | float | None
    last_year: int | float | None
    change: int | float | None
    change_percent: float | None


def indicator_specs() -> list[IndicatorSpec]:
    """Every row of 月度统计, in order (a key's first row is its headline: 消费警示次数 before
    the events by type)."""
    s = IndicatorSpec
    specs = [
        s("visits", N_("来访咨询"), N_("次")),
        s("visits_headcount", N_("来访咨询人次"), N_("人次")),
        s("complaints_registered", N_("登记投诉"), N_("件")),
        s("complaints_carried_over", N_("以前月份登记、本期办理（结转）"), N_("件"), level=1),
        s("by_nature", N_("按投诉性质（主要性质）"), "", "heading", 1),
        *(
            s(f"nature:{e.code}", e.name, N_("件"), level=2)
            for e in codes.code_list("nature")
            if e.parent is None
        ),
        s("complaints_accepted", N_("受理投诉"), N_("件")),
        s("kind:goods", N_("商品类"), N_("件"), level=1),
        s("kind:service", N_("服务类"), N_("件"), level=1),
        s("kind:other", N_("其他商品和服务"), N_("件"), level=1),
        s("by_category", N_("按商品和服务大类"), "", "heading", 1),
    ]
    specs += [
        s(f"category:{e.code}", e.name, N_("件"), level=2)
        for e in codes.category_list()
        if e.kind != "other"
    ]
    specs += [
        s("group_complaints", N_("群体性投诉"), N_("件"), level=1),
        s("group_people", N_("群体性投诉人数"), N_("人"), level=1),
        s("complaints_not_accepted", N_("不予受理"), N_("件")),
        s("complaints_closed", N_("办结"), N_("件")),
        s("closing_rate", N_("办结率"), "%", "rate", 1, "complaints_closed", "complaints_accepted"),
        s("mediated", N_("调解成功"), N_("件")),
        s("mediation_rate", N_("调解成功率"), "%", "rate", 1, "mediated", "complaints_accepted"),
        s("resolved", N_("解决"), N_("件")),
        s("resolution_rate", N_("解决率"), "%", "rate", 1, "resolved", "complaints_accepted"),
        s("recovered_fen", N_("挽回经济损失"), N_("元"), "money"),
        s("punitive_count", N_("加倍赔偿件数"), N_("件")),
        s("punitive_fen", N_("加倍赔偿金额"), N_("元"), "money"),
        s("referred", N_("转办"), N_("件")),
    ]
    specs += [
        s(f"target:{e.code}", e.name, N_("件"), level=1)
        for e in codes.code_list("referral_target")
        if e.code not in _SEPARATE_TARGETS
    ]
    specs += [
        s("target:enforcement_lead", N_("诉转案"), N_("件")),
        s("fines_fen", N_("罚没款"), N_("元"), "money"),
        s("hotline_12315", N_("12315录入"), N_("件")),
        s("followed_up", N_("回访"), N_("件")),
        s("follow_up_rate", N_("回访率"), "%", "rate", 1, "followed_up", "complaints_closed"),
        s("satisfaction_rate", N_("满意率"), "%", "rate", 1, "satisfied", "followed_up_reached"),
        s("target:litigation_support", N_("支持诉讼"), N_("件")),
        s("target:court_mediation", N_("诉调对接"), N_("件")),
        s("event_type:consumer_warning", N_("消费警示次数"), N_("次")),
        s("event_type:consumer_tip", N_("消费提示次数"), N_("次")),
        s("notice_reach", N_("消费警示和提示覆盖人数"), N_("人")),
        s("instruments_checked", N_("免费检测计量器具"), N_("件")),
        s("instruments_failed", N_("其中不合格"), N_("件"), level=1),
        s("violations_registered", N_("举报登记"), N_("件")),
        s("violations_referred", N_("举报转交市场监管部门"), N_("件"), level=1),
        s("violations_replied", N_("市场监管部门答复"), N_("件"), level=1),
        s("violations_case_filed", N_("其中立案"), N_("件"), level=2),
        s("events", N_("宣传活动场次"), N_("场")),
        s("event_attendees", N_("宣传活动参加人数"), N_("人")),
        s("event_leaflets", N_("发放宣传资料"), N_("份")),
        s("event_consultations", N_("宣传活动现场咨询"), N_("人次")),
    ]
    specs += [
        s(f"event_type:{e.code}", e.name, N_("场"), level=1)
        for e in codes.code_list("education_event_type")
    ]
    return specs


def indicator_value(spec: IndicatorSpec, figures: Figures) -> int | float | None:
    """The value of ``spec``'s row in ``figures`` (a rate: None when nothing to divide by)."""
    if spec.kind == "heading":
        return None
    if spec.kind == "rate":
        denominator = figures.get(spec.denominator, 0)
        return figures.get(spec.numerator, 0) / denominator if denominator else None
    return figures.get(spec.key, 0)


def _row(spec: IndicatorSpec, month: Figures, ytd: Figures, last: Figures) -> IndicatorRow:
    now, before = indicator_value(spec, ytd), indicator_value(spec, last)
    change: int | float | None = None
    change_percent = None
    if now is not None and before is not None:
        change = now - before
        if spec.kind != "rate" and before:
            change_percent = change / before
    return IndicatorRow(
        spec.key,
        spec.label,
        spec.unit,
        spec.kind,
        spec.level,
        indicator_value(spec, month),
        now,
        before,
        change,
        change_percent,
    )


@dataclass(frozen=True)
class MonthlyIndicators:
    """The month's indicators of a station (``origin``) or of the county (``origin`` None)."""

    month: str
    origin: str | None
    periods: tuple[Period, Period, Period]  # 本月, 本年累计, 去年同期
    figures: Figures  # 本月
    year_to_date: Figures
    last_year: Figures
    rows: list[IndicatorRow] = field(default_factory=list)

    def row(self, key: str) -> IndicatorRow:
        return next(row for row in self.rows if row.key == key)

    def breakdown(self, prefix: str) -> dict[str, int]:
        """This month's ``prefix:code`` figures as code → count (``"category"``, ``"nature"`` …)."""
        start = prefix + ":"
        return {k[len(start) :]: v for k, v in self.figures.items() if k.startswith(start) and v}

    def as_json(self) -> dict[str, Any]:
        """What ``station stats --json`` prints (the keys of DESIGN.md and every row)."""
        f = self.figures
        return {
            "month": self.month,
            "complaints_registered": f["complaints_registered"],
            "complaints_carried_over": f["complaints_carried_over"],
            "complaints_accepted": f["complaints_accepted"],
            "complaints_not_accepted": f["complaints_not_accepted"],
            "complaints_closed": f["complaints_closed"],
            "mediated": f["mediated"],
            "resolved": f["resolved"],
            "recovered_yuan": round(f["recovered_fen"] / 100, 2),
            "punitive_yuan": round(f["punitive_fen"] / 100, 2),
            "visits": f["visits"],
            "visits_headcount": f["visits_headcount"],
            "events": f["events"],
            "consumer_warnings": f.get("event_type:consumer_warning", 0),
            "consumer_tips": f.get("event_type:consumer_tip", 0),
            "notice_reach": f["notice_reach"],
            "instruments_checked": f["instruments_checked"],
            "instruments_failed": f["instruments_failed"],
            "violations_registered": f["violations_registered"],
            "violations_referred": f["violations_referred"],
            "violations_replied": f["violations_replied"],
            "violations_case_filed": f["violations_case_filed"],
            "by_kind": self.breakdown("kind"),
            "by_category": self.breakdown("category"),
            "by_nature": self.breakdown("nature"),
            "by_referral_target": self.breakdown("target"),
            "indicators": [
                {
                    "key": r.key,
                    "label": r.label,
                    "unit": r.unit,
                    "month": _json_value(r, r.month),
                    "year_to_date": _json_value(r, r.year_to_date),
                    "last_year": _json_value(r, r.last_year),
                    "change": _json_value(r, r.change),
                    "change_percent": None
                    if r.change_percent is None
                    else round(r.change_percent * 100, 2),
                }
                for r in self.rows
                if r.kind != "heading"
            ],
        }


def _json_value(row: IndicatorRow, value: int | float | None) -> int | float | None:
    """Money in yuan, rates in per cent (two decimals), counts as they are."""
    if value is None:
        return None
    if row.kind == "money":
        return round(value / 100, 2)
    if row.kind == "rate":
        return round(value * 100, 2)
    return value


def compute_indicators(month: str, *, origin: str | None = None) -> MonthlyIndicators:
    """The indicators of ``month`` (``YYYY-MM``) for station ``origin``, or for every station.

    Reads inside one transaction, so 本月, 本年累计 and 去年同期 come from the same snapshot.
    """
    periods = month_periods(month)
    with database_proxy.atomic():
        month_f, ytd_f, last_f = (period_figures(p, origin) for p in periods)
    rows = [_row(spec, month_f, ytd_f, last_f) for spec in indicator_specs()]
    return MonthlyIndicators(month, origin, periods, month_f, ytd_f, last_f, rows)
