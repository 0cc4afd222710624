"""The complaint analysis report (投诉分析报告) of a quarter or a year, for a station or the county.

Consumer associations publish one every quarter and every year: the period's figures against the
previous period and the same period last year, complaints by category and nature with charts,
the hot spots (the goods, services and businesses complained about most, and those rising
fastest), the share of group complaints and of referrals, typical cases and a short text the
officer writes. The county's version adds a table by station.

Every figure is :func:`station_app.reports.indicators.period_figures`' (the function behind
``station stats`` and the ledger's 月度统计), never a second count. Only the hot businesses, which
the indicators do not count, are read here, from the same complaints the indicators count as
registered in the period (:mod:`station_app.reports.hot_respondents`).

The officer's text and the typical cases chosen for a report are kept with it
(:class:`~station_app.store.report_models.AnalysisNote`), so the report can be written again
with the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from station_app import codes
from station_app.errors import StationError
from station_app.messages import msg
from station_app.registry.complaint_records import complainants_of
from station_app.registry.context import Context
from station_app.reports.hot_respondents import HotRespondent, hot_respondents
from station_app.reports.indicators import (
    Figures,
    IndicatorSpec,
    Kind,
    Period,
    indicator_specs,
    indicator_value,
    period_figures,
)
from station_app.reports.trend import month_period
from station_app.store.models import Complaint, Station, database_proxy
from station_app.store.report_models import AnalysisNote

HOT_SPOTS = 5  # rows of each hot-spot table
CHART_BARS = 10  # bars of a chart at the most
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^\d{4}$")


class ReportPeriodInvalid(StationError):
    """A quarter or year the report cannot be written for."""


@dataclass(frozen=True)
class ReportPeriod:
    """The quarter or year a report covers, with the periods it is compared with."""

    key: str  # "2026-Q3" or "2026": how the officer's notes are filed
    label: str  # 2026年第三季度 / 2026年
    current: Period
    previous: Period  # the quarter before, or the year before
    last_year: Period  # the same quarter a year earlier (a year's report: the year before)
    months: tuple[str, ...]  # YYYY-MM of every month of ``current``

    @property
    def is_year(self) -> bool:
        return "Q" not in self.key


_QUARTER_NAMES = ("一", "二", "三", "四")


def _quarter(year: int, quarter: int) -> Period:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return Period(start, end)


def report_period(*, quarter: str | None = None, year: str | None = None) -> ReportPeriod:
    """``quarter="2026-Q3"`` or ``year="2026"`` as a :class:`ReportPeriod`."""
    if quarter:
        match = _QUARTER.match(quarter.strip())
        if not match or not 2000 <= int(match.group(1)) <= 2100:
            raise ReportPeriodInvalid(
                msg("季度“{text}”应写作 年份-Q季度，例如 2026-Q3。", text=quarter)
            )
        y, q = int(match.group(1)), int(match.group(2))
        current = _quarter(y, q)
        previous = _quarter(y, q - 1) if q > 1 else _quarter(y - 1, 4)
        months = tuple(f"{y}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1))
        return ReportPeriod(
            f"{y}-Q{q}",
            f"{y}年第{_QUARTER_NAMES[q - 1]}季度",
            current,
            previous,
            _quarter(y - 1, q),
            months,
        )
    if year and _YEAR.match(year.strip()) and 2000 <= int(year) <= 2100:
        y = int(year)
        current = Period(dt.date(y, 1, 1), dt.date(y + 1, 1, 1))
        before = Period(dt.date(y - 1, 1, 1), dt.date(y, 1, 1))
        months = tuple(f"{y}-{m:02d}" for m in range(1, 13))
        return ReportPeriod(str(y), f"{y}年", current, before, before, months)
    raise ReportPeriodInvalid(
        msg("请给出季度（例如 2026-Q3）或年份（例如 2026），而不是“{text}”。", text=year or "")
    )


@dataclass(frozen=True)
class Comparison:
    """One headline figure of the period, beside the previous period and last year's."""

    key: str
    label: str
    unit: str
    kind: Kind
    value: int | float | None
    previous: int | float | None
    last_year: int | float | None

    def change(self, against: int | float | None) -> int | float | None:
        return None if self.value is None or against is None else self.value - against

    def change_percent(self, against: int | float | None) -> float | None:
        if self.kind == "rate" or self.value is None or not against:
            return None
        return (self.value - against) / against


@dataclass(frozen=True)
class Share:
    """A code's count in the period (a category, a nature), with the previous period's."""

    code: str
    name: str
    count: int
    previous: int
    share: float  # of the period's total

    @property
    def rise(self) -> int:
        return self.count - self.previous


@dataclass(frozen=True)
class TypicalCase:
    """A case the officer chose as typical, told without naming the consumer."""

    number: str
    title: str
    text: str


@dataclass(frozen=True)
class StationFigures:
    code: str
    name: str
    figures: Figures


@dataclass(frozen=True)
class AnalysisReport:
    period: ReportPeriod
    scope: str  # the station's name, or the county's
    origin: str | None  # None: every station
    figures: Figures  # the period's
    previous_figures: Figures
    last_year_figures: Figures
    summary: tuple[Comparison, ...]
    categories: tuple[Share, ...]  # accepted complaints by category, most first
    natures: tuple[Share, ...]  # registered complaints by primary nature, most first
    hot_categories: tuple[Share, ...]  # the steepest rise against the previous period
    hot_businesses: tuple[HotRespondent, ...]
    typical_cases: tuple[TypicalCase, ...]
    note: str
    stations: tuple[StationFigures, ...]  # the county's table; () for a station
    months: tuple[tuple[str, Figures], ...]  # every month's figures (the trend chart)

    def comparison(self, key: str) -> Comparison:
        return next(c for c in self.summary if c.key == key)


# the headline figures: rows of 月度统计 (their labels, units, kinds and rates)
SUMMARY_KEYS = (
    "complaints_registered", "complaints_accepted", "complaints_closed", "resolved",
    "resolution_rate", "recovered_fen", "punitive_count", "punitive_fen", "group_complaints",
    "group_people", "referred", "visits", "violations_registered", "violations_referred",
    "event_type:consumer_warning", "event_type:consumer_tip", "instruments_checked",
    "instruments_failed",
)  # fmt: skip


def _summary_specs() -> list[IndicatorSpec]:
    """The specs of ``SUMMARY_KEYS``, in that order (each key's first row of 月度统计)."""
    first: dict[str, IndicatorSpec] = {}
    for spec in indicator_specs():
        first.setdefault(spec.key, spec)
    return [first[key] for key in SUMMARY_KEYS]


def share_of(figures: Figures, part: str, whole: str) -> float | None:
    """``part`` ÷ ``whole`` of ``figures`` (None when ``whole`` is 0)."""
    below = figures.get(whole, 0)
    return figures.get(part, 0) / below if below else None


def _shares(
    prefix: str, figures: Figures, previous: Figures, names: dict[str, str], total: int
) -> list[Share]:
    start = prefix + ":"
    found = {
        k[len(start) :] for k, v in (*figures.items(), *previous.items()) if k.startswith(start)
    }
    shares = [
        Share(
            code,
            names.get(code, code),
            figures.get(start + code, 0),
            previous.get(start + code, 0),
            figures.get(start + code, 0) / total if total else 0.0,
        )
        for code in found
    ]
    return [s for s in shares if s.count or s.previous]


def _code_name(code_list: codes.CodeList, code: str) -> str:
    return code_list.name(code) if code in code_list else code


def _surname(name: str) -> str:
    return (name or "").strip()[:1] or "某"


def typical_case(complaint: Complaint) -> TypicalCase:
    """The case told without the consumer's name, phone or address (they stay at the station)."""
    people = complainants_of(complaint)
    first = people[0] if people else None
    who = f"消费者{_surname(first.person.name) if first else ''}某"
    if complaint.is_group:
        who += f"等{complaint.group_size}人"
    category = _code_name(codes.category_list(), complaint.category_code)
    parts = [
        f"{complaint.received_at:%Y年%m月%d日}，{who}投诉{complaint.respondent_name}（{category}：{complaint.subject}）。",
        (complaint.facts or "").strip(),
    ]
    if complaint.outcome:
        outcome = _code_name(codes.code_list("outcome"), complaint.outcome)
        parts.append(f"处理结果：{outcome}")
        if complaint.recovered_fen:
            parts[-1] += f"，挽回经济损失{complaint.recovered_fen / 100:,.2f}元"
        parts[-1] += "。"
    title = f"{category}：{complaint.subject}"
    return TypicalCase(complaint.number, title, "".join(p for p in parts if p))


# -- the officer's text and chosen cases ---------------------------------------------------------


def _note_scope(origin: str | None) -> str:
    return origin or "*"


def saved_note(period_key: str, origin: str | None) -> tuple[str, tuple[str, ...]]:
    """The text and the typical cases (complaint numbers) kept with this report, if any."""
    row = AnalysisNote.get_or_none(
        (AnalysisNote.period == period_key) & (AnalysisNote.scope == _note_scope(origin))
    )
    if row is None:
        return "", ()
    return row.text or "", tuple(n for n in (row.typical_numbers or "").split(",") if n)


class TypicalCaseUnknown(StationError):
    """A typical case named by a number no complaint of the report's scope has."""


def save_note(
    ctx: Context,
    period_key: str,
    origin: str | None,
    text: str,
    typical_numbers: Sequence[str],
) -> None:
    """Keep the officer's text and chosen cases with the report (refusing unknown numbers)."""
    numbers = [n.strip() for n in typical_numbers if n.strip()]
    for number in numbers:
        query = Complaint.select().where(
            (Complaint.number == number) & (Complaint.deleted == False)  # noqa: E712
        )
        if origin is not None:
            query = query.where(Complaint.origin == origin)
        if not query.exists():
            raise TypicalCaseUnknown(msg("没有编号为 {number} 的投诉。", number=number))
    if len(text) > 20_000:
        raise StationError(msg("报告说明不能超过 {limit} 个字。", limit=20_000))
    with database_proxy.atomic():
        row = AnalysisNote.get_or_none(
            (AnalysisNote.period == period_key) & (AnalysisNote.scope == _note_scope(origin))
        ) or AnalysisNote(period=period_key, scope=_note_scope(origin))
        row.text = text
        row.typical_numbers = ",".join(dict.fromkeys(numbers))
        row.updated_at = ctx.clock.utcnow()
        row.updated_by = ctx.actor
        row.save()


# -- the report ----------------------------------------------------------------------------------


def analysis_report(
    rp: ReportPeriod,
    *,
    origin: str | None,
    scope: str,
    county_code: str | None = None,
) -> AnalysisReport:
    """The report of ``rp`` for station ``origin`` (None: every station). ``county_code`` (the
    county's own code) adds the table of every other station. Reads in one transaction, so every figure comes from one snapshot."""
    with database_proxy.atomic():
        now = period_figures(rp.current, origin)
        previous = period_figures(rp.previous, origin)
        last_year = period_figures(rp.last_year, origin)
        months = tuple((m, period_figures(month_period(m), origin)) for m in rp.months)
        summary = tuple(
            Comparison(
                spec.key,
                spec.label,
                spec.unit,
                spec.kind,
                indicator_value(spec, now),
                indicator_value(spec, previous),
                indicator_value(spec, last_year),
            )
            for spec in _summary_specs()
        )
        category_names = {e.code: e.name for e in codes.category_list()}
        nature_names = {e.code: e.name for e in codes.code_list("nature")}
        categories = _shares(
            "category", now, previous, category_names, now.get("complaints_accepted", 0)
        )
        natures = _shares(
            "nature", now, previous, nature_names, now.get("complaints_registered", 0)
        )
        categories.sort(key=lambda s: (-s.count, s.code))
        natures.sort(key=lambda s: (-s.count, s.code))
        hot_categories = sorted(
            (s for s in categories if s.rise > 0), key=lambda s: (-s.rise, -s.count, s.code)
        )[:HOT_SPOTS]
        hot_businesses = hot_respondents(rp.current, origin, previous=rp.previous, limit=HOT_SPOTS)
        text, numbers = saved_note(rp.key, origin)
        cases = []
        for number in numbers:
            complaint = Complaint.get_or_none(
                (Complaint.number == number) & (Complaint.deleted == False)  # noqa: E712
            )
            if complaint is not None and (origin is None or complaint.origin == origin):
                cases.append(typical_case(complaint))
        stations: list[StationFigures] = []
        if county_code is not None:
            stations = [
                StationFigures(s.code, s.name, period_figures(rp.current, s.code))
                for s in Station.select()
                .where((Station.code != county_code) & (Station.deleted == False))  # noqa: E712
                .order_by(Station.code)
            ]
    return AnalysisReport(
        period=rp,
        scope=scope,
        origin=origin,
        figures=now,
        previous_figures=previous,
        last_year_figures=last_year,
        summary=summary,
        categories=tuple(categories),
        natures=tuple(natures),
        hot_categories=tuple(hot_categories),
        hot_businesses=tuple(hot_businesses),
        typical_cases=tuple(cases),
        note=text,
        stations=tuple(stations),
        months=months,
    )


@dataclass(frozen=True)
class CaseChoice:
    """A complaint the officer may choose as a typical case (shown without the consumer)."""

    number: str
    closed_on: dt.date
    category_code: str
    respondent: str
    outcome: str


CANDIDATES = 500  # complaints offered at the most (the latest closed first)


def typical_case_candidates(rp: ReportPeriod, origin: str | None) -> list[CaseChoice]:
    """Complaints closed in the period, the latest first: the cases a report may tell."""
    query = (
        Complaint.select(
            Complaint.number,
            Complaint.category_code,
            Complaint.respondent_name,
            Complaint.outcome,
            Complaint.closed_on,
        )
        .where(
            (Complaint.deleted == False)  # noqa: E712
            & (Complaint.closed_on >= rp.current.start)
            & (Complaint.closed_on < rp.current.end)
            & Complaint.outcome.is_null(False)
        )
        .order_by(Complaint.closed_on.desc(), Complaint.id.desc())
        .limit(CANDIDATES)
    )
    if origin is not None:
        query = query.where(Complaint.origin == origin)
    return [
        CaseChoice(c.number, c.closed_on, c.category_code, c.respondent_name, c.outcome or "")
        for c in query
        if c.closed_on is not None
    ]
