"""Realistic synthetic data (``station demo``): villages, officers, businesses, consumers, visits and
complaints spread over a date range, the same rows for the same seed.

The rows are built as tuples in Python and written with ``executemany`` in one transaction, so
100 000 complaints take seconds, not minutes. Each write still follows the registry's rules: sync
columns as ``stamp_new`` sets them (change_seq taken from the one counter, a range per batch),
registration numbers taken from the year's counter, ``search_text`` made by the registry's own
``search_text_of`` (the FTS triggers index it), one ``create`` audit entry per record.

Randomness comes from ``random.Random`` streams seeded from ``seed`` and a section name, so the
same seed and arguments give the same rows (uids included) on a fresh database, and a new section
(education events, a later issue) does not disturb the existing ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol, cast

import station_app
from station_app import demo_data as data
from station_app.errors import StationError
from station_app.registry.complaints import search_text_of
from station_app.registry.context import Context
from station_app.registry.numbering import complaint_number
from station_app.registry.people import PersonDraft
from station_app.store.models import (
    AuditEntry,
    BaseModel,
    Business,
    Complainant,
    Complaint,
    Officer,
    Person,
    Region,
    SyncedModel,
    Visit,
    database_proxy,
)
from station_app.store.sync_columns import CHANGE_SEQ, take_counter
from station_app.validation import credit_code_check_char, id_number_check_char
from station_app.workflow.working_days import WorkingDayCalendar

REGIONS_CSV_NAME = "sichuan_tongjiang_511921_villages_2021.csv"
MAX_RECORDS = 1_000_000
VISIT_BATCH = 5_000
COMPLAINT_BATCH = 2_000
BUSINESSES = (150, 400)
OFFICERS = (3, 6)
GROUP_SHARE = 0.03
REPEAT_COMPLAINANT_SHARE = 0.04
CONVERTED_VISIT_SHARE = 0.08  # of visits; at most a tenth of the complaints

ProgressCallback = Callable[[int, int], None]
Row = tuple[object, ...]


class CancelToken(Protocol):
    def is_set(self) -> bool: ...


class DemoCancelled(StationError):
    def __init__(self) -> None:
        super().__init__("已取消生成演示数据，数据库未作任何改动。")


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` wrote."""

    date_from: dt.date
    date_to: dt.date
    seed: int
    regions: int
    officers: int
    businesses: int
    people: int
    visits: int
    complaints: int
    complainants: int
    audit_entries: int
    events: int = 0


def default_date_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The twelve months up to and including ``today``."""
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28)
    return start + dt.timedelta(days=1), today


def regions_csv_path() -> Path | None:
    """The statistics bureau's village list of 通江县 in the shared test data, when present."""
    path = (
        Path(station_app.__file__).resolve().parents[2] / "shared/data/regions" / REGIONS_CSV_NAME
    )
    return path if path.is_file() else None


def generate_demo(
    ctx: Context,
    *,
    complaints: int,
    visits: int,
    events: int = 0,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    seed: int = 0,
    regions_csv: Path | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> DemoSummary:
    """Add realistic synthetic records to the open database, all in one transaction.

    ``date_from``..``date_to`` (inclusive; default: the last twelve months) bound the time of every
    visit and complaint, none later than now. ``progress(done, total)`` is called after each batch
    (records = visits + complaints); ``cancel.is_set()`` is checked between batches and cancelling
    rolls everything back (``DemoCancelled``). ``events`` (education events) is not generated yet.
    """
    today = ctx.clock.today()
    default_from, default_to = default_date_range(today)
    date_from = date_from or default_from
    date_to = date_to or default_to
    problems = []
    for label, count in (("投诉", complaints), ("来访", visits), ("宣传活动", events)):
        if not 0 <= count <= MAX_RECORDS:
            problems.append(f"{label}条数应在 0 到 {MAX_RECORDS} 之间。")
    if events:
        problems.append("本版本还不能生成宣传活动演示数据，请不带 --events 运行。")
    if date_from > date_to:
        problems.append("开始日期不能晚于结束日期。")
    if date_to > today:
        problems.append("结束日期不能晚于今天。")
    if problems:
        raise StationError(" ".join(problems))

    villages = load_villages(regions_csv or regions_csv_path())
    with database_proxy.atomic():
        builder = _DemoBuilder(ctx, villages, date_from, date_to, seed, progress, cancel)
        return builder.run(complaints=complaints, visits=visits)


# --- Regions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Village:
    code: str  # 12 digits
    name: str  # as in the code list: 新华村民委员会
    town_code: str  # 9 digits
    town_name: str

    @property
    def short_name(self) -> str:
        """What people say and write in addresses: 新华村, 城南社区."""
        for suffix, ending in (
            ("村民委员会", "村"),
            ("社区居委会", "社区"),
            ("居民委员会", "社区"),
        ):
            if self.name.endswith(suffix):
                base = self.name.removesuffix(suffix)
                return base if base.endswith(ending) else base + ending
        return self.name


def load_villages(csv_path: Path | None) -> list[Village]:
    """Villages of 通江县 from the statistics bureau's flat code list, or the built-in few."""
    if csv_path is None or not csv_path.is_file():
        return [Village(code, name, code[:9], town) for code, town, name in data.FALLBACK_VILLAGES]
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Village(row["village_code"], row["village"], row["town_code"][:9], row["town"])
            for row in csv.DictReader(handle)
            if row.get("village_code")
        ]


def _region_rows(villages: Sequence[Village]) -> list[Row]:
    """County, towns and villages as ``Region`` rows (codes of 6, 9 and 12 digits)."""
    rows: list[Row] = [(data.COUNTY_CODE, data.COUNTY_NAME, "county", None, 1)]
    towns: dict[str, str] = {}
    for village in villages:
        towns.setdefault(village.town_code, village.town_name)
    rows.extend((code, name, "town", data.COUNTY_CODE, 1) for code, name in towns.items())
    rows.extend((v.code, v.name, "village", v.town_code, 1) for v in villages)
    return rows


# --- Writing -------------------------------------------------------------------------------------


class _Writer:
    """Bulk inserts through the DB-API connection; synced rows get their sync columns here, exactly
    as ``stamp_new`` would set them, with one change_seq range per batch."""

    SYNC_COLUMNS = ("origin", "version", "updated_at", "deleted", "change_seq")

    def __init__(self, origin: str, now_utc: dt.datetime) -> None:
        self.connection: sqlite3.Connection = database_proxy.connection()
        self.origin = origin
        self.updated_at = str(now_utc)
        self.counts: dict[type[BaseModel], int] = {}
        self._sql: dict[tuple[type[BaseModel], tuple[str, ...], bool], str] = {}

    def next_id(self, model: type[BaseModel]) -> int:
        table = model._meta.table_name
        row = self.connection.execute(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"').fetchone()
        return int(row[0])

    def insert(
        self,
        model: type[BaseModel],
        columns: Sequence[str],
        rows: Sequence[Row],
        *,
        or_ignore: bool = False,
    ) -> int:
        """Insert ``rows`` (values in ``columns`` order); returns how many were inserted."""
        if not rows:
            return 0
        synced = issubclass(model, SyncedModel)
        sql = self._statement(model, tuple(columns), synced, or_ignore)
        if synced:
            last = take_counter(CHANGE_SEQ, len(rows))
            first = last - len(rows) + 1
            stamp = (self.origin, 1, self.updated_at, 0)
            self.connection.executemany(
                sql,
                (
                    row + (*stamp, seq)
                    for row, seq in zip(rows, range(first, last + 1), strict=True)
                ),
            )
            inserted = len(rows)
        else:
            before = self.connection.total_changes  # counts trigger writes: fine without triggers
            self.connection.executemany(sql, rows)
            inserted = self.connection.total_changes - before if or_ignore else len(rows)
        self.counts[model] = self.counts.get(model, 0) + inserted
        return inserted

    def _statement(
        self, model: type[BaseModel], columns: tuple[str, ...], synced: bool, or_ignore: bool
    ) -> str:
        key = (model, columns, or_ignore)
        if key not in self._sql:
            all_columns = columns + (self.SYNC_COLUMNS if synced else ())
            fields = model._meta.sorted_fields
            known = {f.column_name for f in fields}
            required = {f.column_name for f in fields if not f.null}
            unknown = set(all_columns) - known
            missing = required - set(all_columns)
            if unknown or missing:  # the models changed: this module must follow
                raise AssertionError(
                    f"demo columns of {model.__name__}: unknown {sorted(unknown)}, "
                    f"missing {sorted(missing)}"
                )
            names = ", ".join(f'"{c}"' for c in all_columns)
            marks = ", ".join("?" * len(all_columns))
            verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
            self._sql[key] = f'{verb} INTO "{model._meta.table_name}" ({names}) VALUES ({marks})'
        return self._sql[key]


REGION_COLUMNS = ("code", "name", "level", "parent_code", "active")
OFFICER_COLUMNS = ("id", "uid", "name", "station_code", "phone", "role", "active")
BUSINESS_COLUMNS = (
    "id", "uid", "name", "credit_code", "entity_type", "address", "phone", "village_code",
    "legal_person", "active",
)  # fmt: skip
PERSON_COLUMNS = ("id", "uid", "name", "phone", "id_number", "gender", "address", "village_code")
VISIT_COLUMNS = (
    "id", "uid", "visited_at", "channel", "officer_id", "person_id", "headcount",
    "topic_category", "village_code", "question", "answer",
)  # fmt: skip
COMPLAINT_COLUMNS = (
    "id", "uid", "number", "received_at", "channel", "officer_id", "status", "village_code",
    "is_group", "group_size", "business_id", "respondent_name", "respondent_credit_code",
    "respondent_address", "respondent_phone", "subject", "category_code", "subcategory",
    "natures", "purchase_date", "purchase_place", "purchase_channel", "amount_paid_fen",
    "disputed_amount_fen", "facts", "demands", "demand_text", "outcome", "closed_on",
    "recovered_fen", "punitive_fen", "fraud", "hotline_number", "remarks", "visit_id",
    "search_text",
)  # fmt: skip
COMPLAINANT_COLUMNS = ("id", "uid", "complaint_id", "person_id", "position", "is_representative")
AUDIT_COLUMNS = (
    "id", "uid", "at", "actor", "action", "table", "record_uid", "field", "old_value",
    "new_value", "reason",
)  # fmt: skip


# --- Building ------------------------------------------------------------------------------------


class _SearchFields(NamedTuple):
    """The complaint fields ``search_text_of`` reads, without building a peewee model per row."""

    number: str
    respondent_name: str
    subject: str
    subcategory: str | None
    purchase_place: str | None
    facts: str
    demand_text: str | None
    hotline_number: str | None
    remarks: str | None


@dataclass(frozen=True)
class _Shop:
    id: int
    kind: str
    name: str
    credit_code: str | None
    address: str
    phone: str | None
    town_code: str


@dataclass
class _Someone:
    """A consumer already written (or about to be), for linking again."""

    id: int
    name: str
    phone: str | None
    village: Village


@dataclass(frozen=True)
class _ConvertedVisit:
    visit_id: int
    uid: str
    minute: int
    person: _Someone | None
    category: str
    village: Village
    officer: tuple[int, str]
    channel: str


@dataclass
class _Pending:
    """Rows of one batch, written parents first."""

    people: list[Row] = field(default_factory=list)
    visits: list[Row] = field(default_factory=list)
    complaints: list[Row] = field(default_factory=list)
    complainants: list[Row] = field(default_factory=list)
    audit: list[Row] = field(default_factory=list)


def _weighted(pairs: Sequence[tuple[object, float]]) -> tuple[list[object], list[float]]:
    items, cumulative, total = [], [], 0.0
    for item, weight in pairs:
        total += weight
        items.append(item)
        cumulative.append(total)
    return items, cumulative


VISIT_CHANNELS = _weighted(
    [("visit", 55), ("phone", 25), ("market", 10), ("home_visit", 5), ("online", 5)]
)
COMPLAINT_CHANNELS = _weighted([
    ("visit", 45), ("phone", 20), ("hotline_12315", 8), ("online", 8), ("market", 6),
    ("county_referral", 6), ("home_visit", 4), ("letter", 2), ("business_referral", 1),
])  # fmt: skip
# minute of the day weights: office hours, a busy morning
HOURS = _weighted([
    (8, 0.6), (9, 1.2), (10, 1.4), (11, 1.1), (12, 0.3), (13, 0.3), (14, 1.0), (15, 1.1),
    (16, 0.9), (17, 0.4), (18, 0.1), (19, 0.05),
])  # fmt: skip
BIRTH_BANDS = _weighted([
    ((1940, 1949), 8), ((1950, 1959), 20), ((1960, 1969), 25), ((1970, 1979), 20),
    ((1980, 1989), 14), ((1990, 1999), 9), ((2000, 2005), 4),
])  # fmt: skip
HEADCOUNTS = _weighted([(1, 80), (2, 12), (3, 4), (4, 2), (5, 1), (0, 1)])  # 0: a crowd

# (age in days from) -> status weights: older complaints are further along the workflow
STATUS_BY_AGE: tuple[tuple[int, tuple[list[object], list[float]]], ...] = (
    (90, _weighted([
        ("closed", 48), ("followed_up", 38), ("withdrawn", 5), ("mediation_ended", 5),
        ("not_accepted", 3), ("referred", 1),
    ])),
    (45, _weighted([
        ("in_mediation", 8), ("agreement_pending", 6), ("referred", 3), ("closed", 45),
        ("followed_up", 26), ("withdrawn", 5), ("mediation_ended", 5), ("not_accepted", 2),
    ])),
    (15, _weighted([
        ("accepted", 5), ("in_mediation", 30), ("referred", 6), ("agreement_pending", 10),
        ("closed", 35), ("followed_up", 5), ("withdrawn", 4), ("mediation_ended", 3),
        ("not_accepted", 2),
    ])),
    (3, _weighted([
        ("registered", 10), ("accepted", 30), ("in_mediation", 35), ("referred", 6),
        ("not_accepted", 5), ("closed", 10), ("withdrawn", 4),
    ])),
    (0, _weighted([
        ("registered", 70), ("accepted", 25), ("in_mediation", 2), ("not_accepted", 2),
        ("withdrawn", 1),
    ])),
)  # fmt: skip
CLOSED_OUTCOMES = _weighted(
    [("mediated", 65), ("settled", 18), ("referral_closed", 10), ("other", 4), ("unreachable", 3)]
)
ENDED_OUTCOMES = _weighted([("no_agreement", 70), ("unreachable", 30)])
DAYS_TO_CLOSE = {  # status -> (fewest, most) days from receipt to closing
    "closed": (2, 60),
    "followed_up": (2, 45),
    "withdrawn": (1, 30),
    "mediation_ended": (10, 70),
    "not_accepted": (1, 7),
}
GROUP_SCENARIOS = frozenset(
    {"seed", "fertiliser", "pesticide", "feed", "health_products", "driving_school",
     "prepaid_card", "telecom", "restaurant", "training", "renovation"}
)  # fmt: skip
SOIL_LOSS = frozenset({"seed", "fertiliser", "pesticide", "feed"})


def _pick(rng: random.Random, weighted: tuple[list[object], list[float]]) -> object:
    return rng.choices(weighted[0], cum_weights=weighted[1])[0]


def _yuan_text(fen: int) -> str:
    yuan, cents = divmod(fen, 100)
    return f"{yuan}" if not cents else f"{yuan}.{cents:02d}".rstrip("0")


def _date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class _DemoBuilder:
    def __init__(
        self,
        ctx: Context,
        villages: list[Village],
        date_from: dt.date,
        date_to: dt.date,
        seed: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> None:
        self.ctx = ctx
        self.origin = ctx.origin
        self.villages = villages
        self.date_from = date_from
        self.date_to = date_to
        self.seed = seed
        self.progress = progress
        self.cancel = cancel
        self.today = ctx.clock.today()
        now = ctx.clock.local_now().replace(second=0, microsecond=0)
        # the last minute a record may carry: now, or the end of the range
        self.last_minute = min(
            (now - dt.datetime.combine(date_from, dt.time())) // dt.timedelta(minutes=1),
            ((date_to - date_from).days + 1) * 1440 - 1,
        )
        self.writer = _Writer(ctx.origin, ctx.clock.utcnow())
        self.done = 0
        self.total = 0
        self.days = [
            date_from + dt.timedelta(days=i) for i in range((date_to - date_from).days + 1)
        ]
        # day texts from the day before the range, for UTC times just after midnight
        self.day_texts = [(date_from + dt.timedelta(days=i - 1)).isoformat()
                          for i in range(len(self.days) + 1)]  # fmt: skip
        self.towns: dict[str, list[Village]] = {}
        for village in villages:
            self.towns.setdefault(village.town_code, []).append(village)
        self.home_villages = self._home_villages()
        self.phones: set[str] = set()
        self.id_numbers: set[str] = set()
        self.people: list[_Someone] = []
        self.officers: list[tuple[int, str]] = []
        self.shops: list[_Shop] = []
        self.shops_by_kind: dict[str, list[_Shop]] = {}
        self.shops_by_kind_town: dict[tuple[str, str], list[_Shop]] = {}
        self.next_person_id = 0

    def rng(self, section: str) -> random.Random:
        return random.Random(f"station-demo:{self.seed}:{section}")

    @staticmethod
    def uid(rng: random.Random) -> str:
        """A version-4 UUID as 32 hex digits, drawn from ``rng``."""
        bits = rng.getrandbits(128)
        bits = (bits & ~(0xF000 << 64)) | (4 << 76)  # version 4
        bits = (bits & ~(0xC000 << 48)) | (0x8000 << 48)  # RFC 4122 variant
        return f"{bits:032x}"

    # -- the whole run --------------------------------------------------------------------------

    def run(self, *, complaints: int, visits: int) -> DemoSummary:
        self.total = complaints + visits
        regions = self.writer.insert(
            Region, REGION_COLUMNS, _region_rows(self.villages), or_ignore=True
        )
        self._officers()
        self._businesses()
        self.next_person_id = self.writer.next_id(Person)
        converted = self._visits(visits, complaints)
        self._complaints(complaints, converted)
        # education events (宣传活动) will be generated here, from their own random stream
        counts = self.writer.counts
        return DemoSummary(
            date_from=self.date_from,
            date_to=self.date_to,
            seed=self.seed,
            regions=regions,
            officers=counts.get(Officer, 0),
            businesses=counts.get(Business, 0),
            people=counts.get(Person, 0),
            visits=counts.get(Visit, 0),
            complaints=counts.get(Complaint, 0),
            complainants=counts.get(Complainant, 0),
            audit_entries=counts.get(AuditEntry, 0),
        )

    def _flush(self, pending: _Pending, records: int) -> None:
        self.writer.insert(Person, PERSON_COLUMNS, pending.people)
        self.writer.insert(Visit, VISIT_COLUMNS, pending.visits)
        self.writer.insert(Complaint, COMPLAINT_COLUMNS, pending.complaints)
        self.writer.insert(Complainant, COMPLAINANT_COLUMNS, pending.complainants)
        self.writer.insert(AuditEntry, AUDIT_COLUMNS, pending.audit)
        self.done += records
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancel is not None and self.cancel.is_set():
            raise DemoCancelled()

    # -- time -----------------------------------------------------------------------------------

    def _home_villages(self) -> list[Village]:
        """The villages of the station's own town (named in the station's name), else all."""
        station_name = self.ctx.station.name
        best = ""
        for town_villages in self.towns.values():
            town = town_villages[0].town_name
            if town in station_name and len(town) > len(best):
                best = town
        return [v for v in self.villages if v.town_name == best] or self.villages

    def _day_weights(self) -> list[float]:
        calendar = WorkingDayCalendar.from_package()
        cumulative, total = [], 0.0
        for day in self.days:
            weight = 1.0 if calendar.is_working_day(day) else 0.3
            if day.day % 10 in data.MARKET_DAY_DIGITS:
                weight *= 2.0
            total += weight
            cumulative.append(total)
        return cumulative

    def _times(self, rng: random.Random, count: int) -> list[int]:
        """``count`` moments in the range as minutes from its start, sorted, none after now."""
        cumulative = self._day_weights()
        day_indices = rng.choices(range(len(self.days)), cum_weights=cumulative, k=count)
        hours = rng.choices(HOURS[0], cum_weights=HOURS[1], k=count)
        last = self.last_minute
        times = []
        for day, hour in zip(day_indices, hours, strict=True):
            minute = day * 1440 + cast(int, hour) * 60 + rng.randrange(60)
            if minute > last:
                minute = max(day * 1440, last - rng.randrange(1, 90))
            times.append(minute)
        times.sort()
        return times

    def local_text(self, minute: int) -> str:
        day, rest = divmod(minute, 1440)
        return f"{self.day_texts[day + 1]} {rest // 60:02d}:{rest % 60:02d}:00"

    def utc_text(self, minute: int) -> str:
        day, rest = divmod(minute - 480, 1440)
        return f"{self.day_texts[day + 1]} {rest // 60:02d}:{rest % 60:02d}:00+00:00"

    # -- roster-like data -----------------------------------------------------------------------

    def _officers(self) -> None:
        existing = [
            (int(officer.id), str(officer.name))
            for officer in Officer.select(Officer.id, Officer.name)
            .where(
                (Officer.station_code == self.origin)
                & (Officer.deleted == False)  # noqa: E712
                & (Officer.active == True)  # noqa: E712
            )
            .order_by(Officer.id)
        ]
        if existing:
            self.officers = existing
            return
        rng = self.rng("officers")
        first = self.writer.next_id(Officer)
        rows: list[Row] = []
        names: set[str] = set()
        for index in range(rng.randint(*OFFICERS)):
            name = self._name(rng, rng.randint(1960, 1995), rng.random() < 0.5)
            while name in names:
                name = self._name(rng, rng.randint(1960, 1995), rng.random() < 0.5)
            names.add(name)
            role = data.OFFICER_ROLES[index % len(data.OFFICER_ROLES)]
            rows.append(
                (first + index, self.uid(rng), name, self.origin, self._mobile(rng), role, 1)
            )
            self.officers.append((first + index, name))
        self.writer.insert(Officer, OFFICER_COLUMNS, rows)

    def _businesses(self) -> None:
        rng = self.rng("businesses")
        first = self.writer.next_id(Business)
        kinds, weights = _weighted([(k, k.weight) for k in data.BUSINESS_KINDS])
        names: set[str] = set()
        credit_codes: set[str] = set()
        rows: list[Row] = []
        for index in range(rng.randint(*BUSINESSES)):
            kind = cast(data.BusinessKind, rng.choices(kinds, cum_weights=weights)[0])
            village = self._village(rng, home_share=0.5)
            town = village.town_name
            is_company = rng.random() < kind.company_share or not kind.shop_names
            surname = self._surname(rng)
            for attempt in range(20):
                pattern = rng.choice(kind.company_names if is_company else kind.shop_names)
                name = pattern.format(
                    town=town, brand=rng.choice(data.BRAND_WORDS), surname=surname
                )
                if name not in names:
                    break
                if attempt == 19:
                    name += f"{index}号店"
            names.add(name)
            if is_company:
                entity = "cooperative" if "合作社" in name else "enterprise"
            else:
                entity = "unlicensed" if rng.random() < 0.06 else "individual"
            credit_code = None
            if entity != "unlicensed" and not (entity == "individual" and rng.random() < 0.3):
                credit_code = self._credit_code(rng, entity, credit_codes)
            if rng.random() < kind.in_village_share and not is_company:
                address = f"{data.COUNTY_NAME}{town}{village.short_name}{rng.randint(1, 12)}组"
            else:
                street = rng.choice(data.STREETS)
                address = f"{data.COUNTY_NAME}{town}{street}{rng.randint(1, 188)}号"
            phone = (
                f"{data.LANDLINE_AREA}-72{rng.randrange(100000):05d}"
                if is_company or rng.random() < 0.3
                else self._mobile(rng)
            )
            legal_person = self._name(rng, rng.randint(1955, 1995), rng.random() < 0.6, surname)
            shop = _Shop(
                first + index, kind.key, name, credit_code, address, phone, village.town_code
            )
            rows.append((
                shop.id, self.uid(rng), name, credit_code, entity, address, phone, village.code,
                legal_person, 1,
            ))  # fmt: skip
            self.shops.append(shop)
            self.shops_by_kind.setdefault(kind.key, []).append(shop)
            self.shops_by_kind_town.setdefault((kind.key, shop.town_code), []).append(shop)
        self.writer.insert(Business, BUSINESS_COLUMNS, rows)

    def _credit_code(self, rng: random.Random, entity: str, taken: set[str]) -> str:
        """A unified social credit code (GB 32100) registered in 通江县 by the market regulator."""
        kind = {"enterprise": "1", "individual": "2", "cooperative": "3"}[entity]
        letters = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            body = "9" + kind + data.COUNTY_CODE + "MA6" + "".join(rng.choices(letters, k=6))
            code = body + credit_code_check_char(body)
            if code not in taken:
                taken.add(code)
                return code

    # -- people ---------------------------------------------------------------------------------

    def _village(self, rng: random.Random, home_share: float = 0.65) -> Village:
        if rng.random() < home_share:
            return rng.choice(self.home_villages)
        return rng.choice(self.villages)

    @staticmethod
    def _surname(rng: random.Random) -> str:
        return cast(str, rng.choices(_SURNAMES[0], cum_weights=_SURNAMES[1])[0])

    def _name(
        self, rng: random.Random, birth_year: int, male: bool, surname: str | None = None
    ) -> str:
        old = birth_year < 1970
        given: tuple[str, ...]
        if male:
            given = data.GIVEN_MALE_OLD if old else data.GIVEN_MALE_YOUNG
        else:
            given = data.GIVEN_FEMALE_OLD if old else data.GIVEN_FEMALE_YOUNG
        return (surname or self._surname(rng)) + rng.choice(given)

    def _mobile(self, rng: random.Random) -> str:
        while True:
            phone = rng.choice(data.MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def _id_number(self, rng: random.Random, birth_year: int, male: bool) -> str:
        """A resident ID number (GB 11643) issued in 通江县."""
        while True:
            birth = dt.date(birth_year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            serial = rng.randrange(100) * 10 + rng.randrange(5) * 2 + (1 if male else 0)
            first17 = f"{data.COUNTY_CODE}{birth:%Y%m%d}{serial:03d}"
            number = first17 + id_number_check_char(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def _new_person(
        self,
        rng: random.Random,
        pending: _Pending,
        village: Village,
        *,
        phone_share: float,
        id_share: float,
    ) -> _Someone:
        low, high = cast(tuple[int, int], _pick(rng, BIRTH_BANDS))
        birth_year = rng.randint(low, high)
        male = rng.random() < 0.55
        name = self._name(rng, birth_year, male)
        phone = self._mobile(rng) if rng.random() < phone_share else None
        id_number = self._id_number(rng, birth_year, male) if rng.random() < id_share else None
        address = f"{data.COUNTY_NAME}{village.town_name}{village.short_name}{rng.randint(1, 12)}组"
        person = _Someone(self.next_person_id, name, phone, village)
        self.next_person_id += 1
        pending.people.append((
            person.id, self.uid(rng), name, phone, id_number, "M" if male else "F", address,
            village.code,
        ))  # fmt: skip
        self.people.append(person)
        return person

    # -- visits ---------------------------------------------------------------------------------

    def _visits(self, count: int, complaints: int) -> dict[int, _ConvertedVisit]:
        """Write ``count`` visits; returns those that a complaint will be made from, by index."""
        rng = self.rng("visits")
        times = self._times(rng, count)
        n_converted = min(int(count * CONVERTED_VISIT_SHARE), complaints // 10)
        to_convert = set(rng.sample(range(count), n_converted))
        topics, topic_weights = _weighted([(t, t.weight) for t in data.TOPICS])
        convertible = [t for t in data.TOPICS if t.category in _SCENARIOS_BY_CATEGORY]
        officer_weights = self._officer_weights()
        first = self.writer.next_id(Visit)
        converted: dict[int, _ConvertedVisit] = {}
        pending = _Pending()
        for index, minute in enumerate(times):
            if index in to_convert:
                topic = rng.choice(convertible)
            else:
                topic = cast(data.Topic, rng.choices(topics, cum_weights=topic_weights)[0])
            village = self._village(rng)
            market_day = self.days[minute // 1440].day % 10 in data.MARKET_DAY_DIGITS
            channel = cast(str, _pick(rng, VISIT_CHANNELS))
            if market_day and rng.random() < 0.2:
                channel = "market"
            headcount = cast(int, _pick(rng, HEADCOUNTS)) or rng.randint(6, 30)
            person = None
            if index in to_convert or rng.random() < 0.35:
                if self.people and rng.random() < 0.15:
                    person = rng.choice(self.people)
                else:
                    person = self._new_person(rng, pending, village, phone_share=0.7, id_share=0.1)
            prefix = rng.choice(data.VISIT_PREFIXES).format(village=village.short_name)
            question = prefix + rng.choice(topic.questions).format(town=village.town_name)
            answer = rng.choice(topic.answers) if rng.random() < 0.95 else None
            officer = self.officers[rng.choices(range(len(self.officers)), officer_weights)[0]]
            visit_id = first + index
            uid = self.uid(rng)
            pending.visits.append((
                visit_id, uid, self.local_text(minute), channel, officer[0],
                person.id if person else None, headcount, topic.category, village.code, question,
                answer,
            ))  # fmt: skip
            pending.audit.append(self._audit(rng, minute, officer[1], "create", "visit", uid,
                                             question[:40]))  # fmt: skip
            if index in to_convert:
                converted[index] = _ConvertedVisit(
                    visit_id, uid, minute, person, topic.category, village, officer, channel
                )
            if len(pending.visits) >= VISIT_BATCH:
                self._flush(pending, len(pending.visits))
                pending = _Pending()
        self._flush(pending, len(pending.visits))
        return converted

    def _officer_weights(self) -> list[float]:
        # the first officer (often the station head) registers fewer records
        return [
            0.5 if i == 0 and len(self.officers) > 2 else 1.0 for i in range(len(self.officers))
        ]

    def _audit(
        self,
        rng: random.Random,
        minute: int,
        actor: str,
        action: str,
        table: str,
        record_uid: str,
        new_value: str | None,
    ) -> Row:
        return (
            None, self.uid(rng), self.utc_text(minute), actor, action, table, record_uid, None,
            None, new_value, None,
        )  # fmt: skip

    # -- complaints -----------------------------------------------------------------------------

    def _complaints(self, count: int, converted: dict[int, _ConvertedVisit]) -> None:
        rng = self.rng("complaints")
        # (minute, visit it comes from or None); a converted visit becomes a complaint soon after
        last = self.last_minute
        plan: list[tuple[int, int, _ConvertedVisit | None]] = [
            (m, -1, None) for m in self._times(rng, count - len(converted))
        ]
        for index in sorted(converted):
            source = converted[index]
            minute = max(source.minute, min(source.minute + rng.randint(5, 40), last))
            plan.append((minute, index, source))
        plan.sort(key=lambda item: (item[0], item[1]))

        first_id = self.writer.next_id(Complaint)
        serials = self._take_numbers(plan)
        officer_weights = self._officer_weights()
        pending = _Pending()
        for offset, (minute, _, visit) in enumerate(plan):
            complaint_id = first_id + offset
            year = int(self.day_texts[minute // 1440 + 1][:4])
            number = complaint_number(self.origin, year, next(serials[year]))
            self._complaint(rng, pending, complaint_id, number, minute, visit, officer_weights)
            if len(pending.complaints) >= COMPLAINT_BATCH:
                self._flush(pending, len(pending.complaints))
                pending = _Pending()
        self._flush(pending, len(pending.complaints))

    def _take_numbers(
        self, plan: Sequence[tuple[int, int, _ConvertedVisit | None]]
    ) -> dict[int, Iterator[int]]:
        """Registration serials per year, each year's taken from its counter in one step."""
        per_year: dict[int, int] = {}
        for minute, _, _ in plan:
            year = int(self.day_texts[minute // 1440 + 1][:4])
            per_year[year] = per_year.get(year, 0) + 1
        serials: dict[int, Iterator[int]] = {}
        for year, n in sorted(per_year.items()):
            last = take_counter(f"complaint:{year}", n)
            serials[year] = iter(range(last - n + 1, last + 1))
        return serials

    def _complaint(
        self,
        rng: random.Random,
        pending: _Pending,
        complaint_id: int,
        number: str,
        minute: int,
        visit: _ConvertedVisit | None,
        officer_weights: list[float],
    ) -> None:
        day_index = minute // 1440
        received_day = self.days[day_index]
        age = (self.today - received_day).days
        is_group = visit is None and rng.random() < GROUP_SHARE

        # who complains, against what
        if visit is not None:
            scenario = _pick_scenario(rng, received_day, _SCENARIOS_BY_CATEGORY[visit.category])
            village, officer, channel = visit.village, visit.officer, visit.channel
        else:
            pool = _GROUP_SCENARIOS if is_group else None
            scenario = _pick_scenario(rng, received_day, pool)
            village = self._village(rng)
            officer = self.officers[rng.choices(range(len(self.officers)), officer_weights)[0]]
            channel = cast(str, _pick(rng, COMPLAINT_CHANNELS))
        people: list[_Someone] = []
        if visit is not None and visit.person is not None:
            people.append(visit.person)
        elif is_group:
            for _ in range(rng.randint(2, 5)):
                people.append(
                    self._new_person(rng, pending, village, phone_share=0.95, id_share=0.6)
                )
        elif self.people and rng.random() < REPEAT_COMPLAINANT_SHARE:
            people.append(rng.choice(self.people))
        else:
            people.append(self._new_person(rng, pending, village, phone_share=0.97, id_share=0.4))
        group_size = rng.randint(5, 60) if is_group else len(people)

        shop = self._shop(rng, scenario, village)
        brand = rng.choice(data.BRAND_WORDS)
        if shop is not None:
            respondent, place_in_facts = shop.name, shop.name
            credit_code, address, phone = shop.credit_code, shop.address, shop.phone
            purchase_place, purchase_channel = shop.address, scenario.channel
        else:
            online_only = not scenario.business_kinds
            choices = [u for u in data.UNLISTED_RESPONDENTS if u[3] or not online_only]
            name, where, purchase_channel, online = rng.choice(choices)
            respondent = name.format(brand=brand)
            place_in_facts = where.format(brand=brand, town=village.town_name)
            credit_code = address = None
            phone = self._mobile(rng) if rng.random() < 0.3 else None
            purchase_place = "网上" if online else f"{village.town_name}{village.short_name}"

        # what was bought, for how much, what went wrong
        goods = rng.choice(scenario.goods)
        qty = rng.randint(*scenario.qty)
        unit_fen = rng.randint(*scenario.price_yuan) * 100 + rng.choice((0, 0, 0, 50))
        paid_fen = unit_fen * qty * (max(1, group_size // 3) if is_group else 1)
        purchase_day = received_day - dt.timedelta(days=rng.randint(*scenario.purchase_days))
        problem = rng.choice(scenario.problems)
        values = {
            "date": _date_text(purchase_day),
            "shop": place_in_facts,
            "goods": goods,
            "qty": qty,
            "unit": scenario.unit,
            "amount": _yuan_text(paid_fen),
            "group_size": group_size,
        }
        if is_group:
            opening = rng.choice(data.GROUP_OPENINGS)
        elif scenario.is_service:
            opening = rng.choice(data.SERVICE_PURCHASES)
        else:
            opening = rng.choice(data.GOODS_PURCHASES)
        facts = (
            opening.format(**values)
            + f"{problem}。{rng.choice(data.CONTACTS)}，{rng.choice(data.RESPONSES)}。"
            + rng.choice(data.CLOSINGS)
        )

        natures = _some(rng, scenario.natures, 0.3)
        demands = _some(rng, scenario.demands, 0.35)
        loss_fen = paid_fen
        if scenario.key in SOIL_LOSS and "compensation" in demands:
            loss_fen = paid_fen * rng.randint(2, 6) // 1000 * 1000 or paid_fen
        disputed_fen = max(paid_fen, loss_fen) if "compensation" in demands else paid_fen
        phrases = [
            data.DEMAND_PHRASES[d].format(amount=_yuan_text(paid_fen), loss=_yuan_text(loss_fen))
            for d in demands
        ]
        demand_text = "要求" + "、".join(phrases) + "。"

        status = cast(str, _status(rng, age))
        outcome, closed_on, recovered_fen, punitive_fen, fraud = _result(
            rng, status, age, received_day, paid_fen, disputed_fen, demands
        )
        hotline = (
            f"12315{received_day:%Y%m%d}{rng.randrange(100000):05d}"
            if channel == "hotline_12315"
            else None
        )
        remarks = rng.choice(data.REMARKS) if rng.random() < 0.08 else None
        uid = self.uid(rng)
        search_text = search_text_of(
            _SearchFields(
                number, respondent, goods, scenario.subcategory, purchase_place, facts,
                demand_text, hotline, remarks,
            ),
            [PersonDraft(name=p.name, phone=p.phone) for p in people],
        )  # fmt: skip
        received_at = self.local_text(minute)
        pending.complaints.append((
            complaint_id, uid, number, received_at, channel, officer[0], status, village.code,
            int(is_group), group_size, shop.id if shop else None, respondent, credit_code, address,
            phone, goods, scenario.category, scenario.subcategory, ",".join(natures),
            purchase_day.isoformat(), purchase_place, purchase_channel, paid_fen, disputed_fen,
            facts, ",".join(demands), demand_text, outcome,
            closed_on.isoformat() if closed_on else None, recovered_fen, punitive_fen, int(fraud),
            hotline, remarks, visit.visit_id if visit else None, search_text,
        ))  # fmt: skip
        for position, person in enumerate(people):
            pending.complainants.append(
                (None, self.uid(rng), complaint_id, person.id, position, int(is_group))
            )
        pending.audit.append(
            self._audit(rng, minute, officer[1], "create", "complaint", uid, number)
        )
        if visit is not None:
            pending.audit.append(
                self._audit(rng, minute, officer[1], "convert", "visit", visit.uid, number)
            )

    def _shop(self, rng: random.Random, scenario: data.Scenario, village: Village) -> _Shop | None:
        """A roster business of a kind that sells this, mostly in the consumer's town."""
        if not scenario.business_kinds or rng.random() < 0.12:
            return None
        kind = rng.choice(scenario.business_kinds)
        nearby = self.shops_by_kind_town.get((kind, village.town_code))
        if nearby and rng.random() < 0.6:
            return rng.choice(nearby)
        anywhere = self.shops_by_kind.get(kind)
        return rng.choice(anywhere) if anywhere else None


_SURNAMES = _weighted(list(data.SURNAMES))
_SCENARIOS_BY_CATEGORY: dict[str, list[data.Scenario]] = {}
for _scenario in data.SCENARIOS:
    _SCENARIOS_BY_CATEGORY.setdefault(_scenario.category, []).append(_scenario)
_GROUP_SCENARIOS = [s for s in data.SCENARIOS if s.key in GROUP_SCENARIOS]
_SPRING = _weighted([(s, s.weight * (2 if s.seasonal else 1)) for s in data.SCENARIOS])
_OTHER_SEASONS = _weighted([(s, s.weight) for s in data.SCENARIOS])


def _pick_scenario(
    rng: random.Random, day: dt.date, among: Sequence[data.Scenario] | None
) -> data.Scenario:
    """A scenario; farm inputs twice as likely from March to June (sowing and fertilising)."""
    if among is not None:
        return rng.choices(among, weights=[s.weight for s in among])[0]
    weighted = _SPRING if 3 <= day.month <= 6 else _OTHER_SEASONS
    return cast(data.Scenario, _pick(rng, weighted))


def _some(rng: random.Random, codes: Sequence[str], second_share: float) -> list[str]:
    """One code, the first ones likelier; sometimes a second."""
    weights = range(len(codes) + 1, 1, -1)
    chosen = rng.choices(codes, weights=weights)[0]
    result = [chosen]
    if len(codes) > 1 and rng.random() < second_share:
        other = rng.choice([c for c in codes if c != chosen])
        result.append(other)
    return result


def _status(rng: random.Random, age: int) -> object:
    for min_age, weighted in STATUS_BY_AGE:
        if age >= min_age:
            return _pick(rng, weighted)
    return "registered"


def _result(
    rng: random.Random,
    status: str,
    age: int,
    received_day: dt.date,
    paid_fen: int,
    disputed_fen: int,
    demands: list[str],
) -> tuple[str | None, dt.date | None, int, int, bool]:
    """Outcome, closing date, money recovered, punitive compensation and fraud flag."""
    if status not in DAYS_TO_CLOSE:
        return None, None, 0, 0, False
    low, high = DAYS_TO_CLOSE[status]
    closed_on = received_day + dt.timedelta(days=min(age, rng.randint(low, high)))
    if status == "withdrawn":
        return "withdrawn", closed_on, 0, 0, False
    if status == "not_accepted":
        return "not_accepted", closed_on, 0, 0, False
    if status == "mediation_ended":
        return cast(str, _pick(rng, ENDED_OUTCOMES)), closed_on, 0, 0, False
    outcome = cast(str, _pick(rng, CLOSED_OUTCOMES))
    recovered = punitive = 0
    fraud = False
    if outcome in ("mediated", "settled") or (outcome == "referral_closed" and rng.random() < 0.5):
        share = 1.0 if rng.random() < 0.4 else rng.uniform(0.3, 0.95)
        recovered = int(disputed_fen * share) // 100 * 100
        if outcome == "mediated" and rng.random() < 0.25:
            if "tenfold_compensation" in demands:
                punitive = max(paid_fen * 10, 100_000)
            elif "triple_compensation" in demands:
                punitive = max(paid_fen * 3, 50_000)
                fraud = True
        recovered += punitive
    return outcome, closed_on, recovered, punitive, fraud
