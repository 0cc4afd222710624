"""Working days in China and the deadlines counted on them.

The calendar starts from the official holiday schedule shipped in the ``chinese_calendar`` package
(holidays, and the 调休 make-up working days that fall on a Saturday or Sunday) and can be extended
with more years from data, such as a roster's 节假日 sheet: the State Council publishes each year's
schedule in November. A year is *known* when the package covers it or when the data declares its
schedule complete (``complete_years``); entries alone correct single dates but do not make a year
known. In a year that is not known, the statutory holidays of the 全国年节及纪念日放假办法 are
taken as days off (元旦 1 January; 春节 除夕 to 正月初三; 清明; 1–2 May; 端午; 中秋; 1–3 October;
lunar dates and 清明 from ``lunar_python``), the other days Monday to Friday as working days, and a
deadline that depends on such a year says it is ``estimated`` (the 调休 arrangement is unknown).

Counting follows the usual legal rule: the day of the event does not count, the first day counted is
the day after it. A limit in calendar days whose last day is a statutory rest day (a holiday, or a
weekend that is not a 调休 working day) ends on the next working day instead (民法典第二百零三条). Pauses (检测鉴定, testing or appraisal during mediation) are closed date ranges whose
days do not count; while a pause is still open the deadline is not determined, so the result carries
no date, only how many days were left when the clock stopped (see :class:`Deadline`).

Nothing here reads the system clock: callers pass the dates, including "today".

Like ``station_app.workflow.states``, this is the bottom of the workflow: it imports only errors
and messages, so any layer (registry, reports, roster, documents) may use the official calendar
without importing the workflow's actions (``tests/core/test_layers.py`` holds it).
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import chinese_calendar.constants as official

from station_app.errors import StationError
from station_app.messages import msg

DayKind = Literal["working", "calendar"]
EntryKind = Literal["holiday", "workday"]
Pause = tuple[dt.date, dt.date | None]

HOLIDAY: EntryKind = "holiday"
WORKDAY: EntryKind = "workday"

# Years of weekday-only estimates kept ready past the last known year; more are added on demand.
_ESTIMATE_MARGIN_YEARS = 5


class HolidayDataError(StationError):
    """A holiday entry (from a roster or a data file) cannot be used."""


class InvalidPause(StationError):
    """A testing/appraisal pause whose dates make no sense."""


@dataclass(frozen=True)
class Deadline:
    """When something is due.

    ``date`` is the last day on which it is still on time. ``estimated`` is true when the count ran
    through a year whose holiday schedule is unknown, so Monday to Friday were taken as working days.
    While a pause is open the deadline is not determined yet: ``date`` is None, ``paused_since`` is
    the day the pause began and ``remaining`` how many days (of the limit's kind) were still left.
    """

    date: dt.date | None
    estimated: bool = False
    paused_since: dt.date | None = None
    remaining: int = 0

    @property
    def paused(self) -> bool:
        return self.date is None

    def is_overdue(self, today: dt.date) -> bool:
        """True when ``today`` is past the deadline. A paused clock is never overdue."""
        return self.date is not None and today > self.date


def _package_entries() -> list[tuple[dt.date, EntryKind]]:
    entries: list[tuple[dt.date, EntryKind]] = [(d, HOLIDAY) for d in official.holidays]
    entries.extend((d, WORKDAY) for d in official.workdays)
    return entries


def _package_years() -> range:
    """The years the package holds the whole official schedule of."""
    years = {d.year for d in official.holidays}
    return range(min(years), max(years) + 1) if years else range(0)


@functools.cache
def statutory_holidays(year: int) -> frozenset[dt.date]:
    """The days off the 全国年节及纪念日放假办法 fixes for ``year`` (before any 调休 arrangement):
    元旦, 春节 (除夕 to 正月初三), 清明, 劳动节 (1–2 May), 端午, 中秋, 国庆 (1–3 October)."""
    from lunar_python import Lunar  # only needed past the known years: not at start-up

    def solar(lunar: Lunar) -> dt.date:
        day = lunar.getSolar()
        return dt.date(day.getYear(), day.getMonth(), day.getDay())

    new_year = solar(Lunar.fromYmd(year, 1, 1))  # 正月初一 of the lunar year starting in ``year``
    spring = {new_year + dt.timedelta(days=i) for i in range(-1, 3)}  # 除夕 … 初三
    qingming = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    days = {
        dt.date(year, 1, 1),
        *spring,
        dt.date(qingming.getYear(), qingming.getMonth(), qingming.getDay()),
        dt.date(year, 5, 1),
        dt.date(year, 5, 2),
        solar(Lunar.fromYmd(year, 5, 5)),  # 端午
        solar(Lunar.fromYmd(year, 8, 15)),  # 中秋
        dt.date(year, 10, 1),
        dt.date(year, 10, 2),
        dt.date(year, 10, 3),
    }
    return frozenset(days)


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise HolidayDataError(
        msg("节假日数据中的日期“{value}”无法识别：请写成 2027-01-01 这样的格式。", value=value)
    )


class WorkingDayCalendar:
    """Which days are working days, and how to count working or calendar days from a date.

    Internally one sorted list holds the ordinal of every working day over a range of whole years
    (grown when a count needs more), so a deadline is one binary search and one index.
    """

    def __init__(
        self, entries: Iterable[tuple[dt.date, str]] = (), complete_years: Iterable[int] = ()
    ) -> None:
        self._working: dict[dt.date, bool] = {}
        self._known_years: set[int] = set()
        self._first_year = 0
        self._last_year = -1
        self._work: list[int] = []
        self._unknown_before: list[int] = []
        self.extend(entries, complete_years)
        if not self._work:
            self._rebuild(*self._wanted_range())

    @classmethod
    def from_package(cls) -> WorkingDayCalendar:
        """The official schedule as shipped in the ``chinese_calendar`` package."""
        return cls(_package_entries(), _package_years())

    # -- the data ---------------------------------------------------------------------------

    @property
    def known_years(self) -> frozenset[int]:
        """Years whose whole holiday schedule is known (the package's, and those declared
        complete)."""
        return frozenset(self._known_years)

    def is_known(self, day: dt.date) -> bool:
        return day.year in self._known_years

    def extend(
        self, entries: Iterable[tuple[dt.date | str, str]], complete_years: Iterable[int] = ()
    ) -> None:
        """Add or correct holiday schedule entries: ``(date, "holiday" | "workday")``.

        An entry replaces whatever was known about that date; the other dates of its year keep their
        previous status (the package's, or the statutory holidays and Monday to Friday). A year
        becomes known only when listed in ``complete_years`` (its schedule is complete).
        """
        years = set()
        for year in complete_years:
            if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
                raise HolidayDataError(msg("节假日数据中的年份“{year}”无法识别。", year=year))
            years.add(year)
        added: dict[dt.date, bool] = {}
        for raw_date, kind in entries:
            day = _as_date(raw_date)
            if kind == HOLIDAY:
                added[day] = False
            elif kind == WORKDAY:
                added[day] = True
            else:
                raise HolidayDataError(
                    msg(
                        "节假日数据中 {day} 的类型“{kind}”无法识别："
                        "只能是 holiday（放假）或 workday（调休上班）。",
                        day=day.isoformat(),
                        kind=kind,
                    )
                )
        if not added and years <= self._known_years:
            return
        self._working.update(added)
        self._known_years.update(years)
        self._rebuild(*self._wanted_range())

    def is_working_day(self, day: dt.date) -> bool:
        found = self._working.get(day)
        if found is not None:
            return found
        if day.year not in self._known_years and day in statutory_holidays(day.year):
            return False
        return day.weekday() < 5

    # -- counting ---------------------------------------------------------------------------

    def add_working_days(self, start: dt.date, n: int, pauses: Sequence[Pause] = ()) -> Deadline:
        """The ``n``-th working day after ``start``, skipping days inside ``pauses``."""
        return self.add_days(start, n, "working", pauses)

    def add_calendar_days(self, start: dt.date, n: int, pauses: Sequence[Pause] = ()) -> Deadline:
        """The ``n``-th day after ``start``, skipping days inside ``pauses``; when that day is a
        statutory rest day, the next working day (estimated when that depends on an unknown year)."""
        return self.add_days(start, n, "calendar", pauses)

    def add_days(
        self, start: dt.date, n: int, day_kind: DayKind, pauses: Sequence[Pause] = ()
    ) -> Deadline:
        """``n`` days of ``day_kind`` after ``start``; pauses are closed ranges that do not count.

        An open pause (end None) that begins before the count is done leaves the deadline
        undetermined: the result has no date, ``paused_since`` and ``remaining``. A count of calendar
        days ending on a rest day ends on the next working day (民法典第二百零三条).
        """
        if n < 0:
            raise ValueError(f"a time limit cannot be negative: {n}")
        start_ord = start.toordinal()
        if day_kind == "working":
            if not pauses and n > 0:
                # The common case, kept to a binary search and two lookups.
                work = self._work
                i = bisect_right(work, start_ord)
                j = i + n - 1
                if i > 0 and j < len(work):
                    unknown_before = self._unknown_before
                    return Deadline(
                        dt.date.fromordinal(work[j]), unknown_before[j + 1] > unknown_before[i]
                    )
            count, advance = self._count_working, self._advance_working
        elif day_kind == "calendar":
            count, advance = _count_calendar, _advance_calendar
        else:
            raise ValueError(f"unknown day kind: {day_kind!r}")
        cursor, remaining, open_since = _walk_pauses(start_ord, n, _merge(pauses), count)
        if open_since is not None:
            return Deadline(None, paused_since=open_since, remaining=remaining)
        end_ord = advance(cursor, remaining)
        if day_kind == "working":
            return Deadline(dt.date.fromordinal(end_ord), self._spans_unknown(start_ord, end_ord))
        end = dt.date.fromordinal(end_ord)
        estimated = end.year not in self._known_years
        while not self.is_working_day(end):
            end += dt.timedelta(days=1)
            estimated = estimated or end.year not in self._known_years
        return Deadline(end, estimated=estimated)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b`` (用时); negative when ``b`` < ``a``."""
        if b < a:
            return -self.working_days_between(b, a)
        return self._count_working(a.toordinal(), b.toordinal())

    def spans_unknown_years(self, a: dt.date, b: dt.date) -> bool:
        """True when a working day after ``a`` up to ``b`` lies in a year with no known schedule."""
        lo, hi = sorted((a.toordinal(), b.toordinal()))
        return self._spans_unknown(lo, hi)

    # -- the index --------------------------------------------------------------------------

    def _wanted_range(self) -> tuple[int, int]:
        first = min(self._known_years, default=2000)
        last = max(self._known_years, default=2000) + _ESTIMATE_MARGIN_YEARS
        if self._work:
            first, last = min(first, self._first_year), max(last, self._last_year)
        return first, last

    def _rebuild(self, first_year: int, last_year: int) -> None:
        work: list[int] = []
        unknown_before: list[int] = [0]
        unknown = 0
        day = dt.date(first_year, 1, 1).toordinal()
        working = self._working
        known = self._known_years
        for year in range(first_year, last_year + 1):
            year_known = year in known
            off = frozenset() if year_known else statutory_holidays(year)
            year_end = dt.date(year, 12, 31).toordinal()
            while day <= year_end:
                date = dt.date.fromordinal(day)
                # ordinal % 7: 0 is Sunday, 6 Saturday
                if working.get(date, day % 7 not in (0, 6) and date not in off):
                    work.append(day)
                    if not year_known:
                        unknown += 1
                    unknown_before.append(unknown)
                day += 1
        self._work, self._unknown_before = work, unknown_before
        self._first_year, self._last_year = first_year, last_year

    def _cover(self, ordinal: int) -> None:
        """Grow the index so that it holds ``ordinal`` and a margin of working days past it."""
        year = dt.date.fromordinal(ordinal).year
        if year - 1 < self._first_year or year + 1 > self._last_year:
            self._rebuild(min(self._first_year, year - 1), max(self._last_year, year + 1))

    def _index_after(self, ordinal: int) -> int:
        """Index in ``_work`` of the first working day after ``ordinal``."""
        if not self._work or ordinal < self._work[0] or ordinal >= self._work[-1]:
            self._cover(ordinal)
        return bisect_right(self._work, ordinal)

    def _count_working(self, a: int, b: int) -> int:
        """Working days d with a < d <= b."""
        if b <= a:
            return 0
        i = self._index_after(a)
        if b >= self._work[-1]:
            self._cover(b)
            i = bisect_right(self._work, a)
        return bisect_right(self._work, b) - i

    def _advance_working(self, cursor: int, n: int) -> int:
        if n == 0:
            return cursor
        i = self._index_after(cursor) + n - 1
        while i >= len(self._work):
            self._rebuild(self._first_year, self._last_year + n // 240 + 2)
            i = bisect_right(self._work, cursor) + n - 1
        return self._work[i]

    def _spans_unknown(self, a: int, b: int) -> bool:
        """Any working day d with a < d <= b in an unknown year."""
        if b <= a:
            return False
        i = self._index_after(a)
        if b >= self._work[-1]:
            self._cover(b)
            i = bisect_right(self._work, a)
        j = bisect_right(self._work, b)
        return self._unknown_before[j] > self._unknown_before[i]


def _count_calendar(a: int, b: int) -> int:
    return max(0, b - a)


def _advance_calendar(cursor: int, n: int) -> int:
    return cursor + n


def _merge(pauses: Sequence[Pause]) -> list[tuple[int, int | None]]:
    """Pauses as sorted, non-overlapping ordinal ranges; an open pause swallows everything after."""
    spans: list[tuple[int, int | None]] = []
    for begin, end in pauses:
        if end is not None and end < begin:
            raise InvalidPause(
                msg(
                    "检测鉴定的结束日期 {end} 早于开始日期 {begin}：请核对。",
                    end=end.isoformat(),
                    begin=begin.isoformat(),
                )
            )
        spans.append((begin.toordinal(), None if end is None else end.toordinal()))
    spans.sort(key=lambda span: span[0])
    merged: list[tuple[int, int | None]] = []
    for begin_ord, end_ord in spans:
        if merged:
            last_begin, last_end = merged[-1]
            if last_end is None:
                break
            if begin_ord <= last_end + 1:
                merged[-1] = (
                    last_begin,
                    None if end_ord is None else max(last_end, end_ord),
                )
                continue
        merged.append((begin_ord, end_ord))
    return merged


def _walk_pauses(
    start: int,
    n: int,
    pauses: list[tuple[int, int | None]],
    count: Callable[[int, int], int],
) -> tuple[int, int, dt.date | None]:
    """Move past the pauses that fall before the deadline.

    Returns ``(cursor, remaining, open_since)``: the deadline is ``remaining`` days after
    ``cursor``, unless ``open_since`` says an open pause stopped the clock.
    """
    cursor, remaining = start, n
    for begin, end in pauses:
        if end is not None and end <= cursor:
            continue
        if begin > cursor:
            available = count(cursor, begin - 1)
            if available >= remaining:
                break
            remaining -= available
        if end is None:
            return cursor, remaining, dt.date.fromordinal(begin)
        cursor = end
    return cursor, remaining, None
