"""Realistic synthetic data (``station demo``): villages, officers, businesses, consumers, visits and
complaints spread over a date range, the same rows for the same seed.

The rows are built as tuples in Python and written with ``executemany`` in one transaction, so
100 000 complaints take seconds, not minutes. Each write still follows the registry's rules: sync
columns as ``stamp_new`` sets them (change_seq taken from the one counter, a range per batch),
registration numbers taken from the year's counter, ``search_text`` made by the registry's own
``search_text_of`` (the FTS triggers index it), one ``create`` audit entry per record.

Each complaint's status follows its age at the end of the range (older ones mostly closed and
followed up, recent ones open, a few left overdue), and the workflow that led there is written
too: ``plan_history`` (``station_app.demo.history``) plans the moves, each allowed by the state
machine, and this module writes them as the workflow's actions do (transition rows with a
``transition`` audit entry each, consents, referrals, mediation rounds, agreements, follow-ups and
the complaint's workflow columns), so ``station due`` and the complaint history show real work.

Randomness comes from ``random.Random`` streams seeded from ``seed`` and a section name, so the
same seed and arguments give the same rows (uids included) on a fresh database, and a new section
(education events, added later) does not disturb the existing ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, cast

import station_app
from station_app import codes
from station_app.demo import vocabulary as data
from station_app.demo.history import PlannedHistory, plan_history
from station_app.errors import StationError
from station_app.messages import msg
from station_app.registry.complaints import SearchFields, search_text_of
from station_app.registry.context import Context
from station_app.registry.events import NOTICE_TYPES
from station_app.registry.natures import ordered_natures
from station_app.registry.numbering import complaint_number
from station_app.registry.people import PersonDraft
from station_app.store import dialect
from station_app.store.event_models import EducationEvent
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
from station_app.store.violation_models import InstrumentCheck
from station_app.store.workflow_models import (
    Agreement,
    ComplaintTransition,
    ConsentRecord,
    FollowUp,
    MediationStep,
    Referral,
)
from station_app.validation import credit_code_check_char, id_number_check_char
from station_app.workflow import states
from station_app.workflow.consent import recipient_names
from station_app.workflow.deadlines import ComplaintClock, pending_deadline
from station_app.workflow.mediation import MEDIATION_MODES
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
    rolls everything back (``DemoCancelled``). ``events`` education events (宣传活动) follow the
    seasons: 3·15 in March, stalls on market days, farm-input talks at spring sowing.
    """
    dialect.refuse_on_postgres(
        msg("县消协的 PostgreSQL 数据库不生成演示数据：演示数据只生成在本机的数据库中。")
    )
    today = ctx.clock.today()
    default_from, default_to = default_date_range(today)
    date_from = date_from or default_from
    date_to = date_to or default_to
    problems = []
    for label, count in (("投诉", complaints), ("来访", visits), ("宣传活动", events)):
        if not 0 <= count <= MAX_RECORDS:
            problems.append(f"{label}条数应在 0 到 {MAX_RECORDS} 之间。")
    if date_from > date_to:
        problems.append("开始日期不能晚于结束日期。")
    if date_to > today:
        problems.append("结束日期不能晚于今天。")
    if problems:
        raise StationError(" ".join(problems))

    villages = load_villages(regions_csv or regions_csv_path())
    with database_proxy.atomic():
        builder = _DemoBuilder(ctx, villages, date_from, date_to, seed, progress, cancel)
        return builder.run(complaints=complaints, visits=visits, events=events)


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
    "natures", "primary_nature", "purchase_date", "purchase_place", "purchase_channel",
    "amount_paid_fen", "disputed_amount_fen", "facts", "demands", "demand_text", "outcome", "closed_on",
    "recovered_fen", "punitive_fen", "fraud", "hotline_number", "remarks", "visit_id",
    "search_text", "accepted_on", "not_accepted_ground", "mediation_clock_from",
    "mediation_ended_on", "termination_ground", "termination_notified_on",
)  # fmt: skip
# the workflow columns of a complaint ``plan_history`` may set, in COMPLAINT_COLUMNS order
PLANNED_COMPLAINT_COLUMNS = COMPLAINT_COLUMNS[COMPLAINT_COLUMNS.index("accepted_on") :]
COMPLAINANT_COLUMNS = ("id", "uid", "complaint_id", "person_id", "position", "is_representative")
AUDIT_COLUMNS = (
    "id", "uid", "at", "actor", "action", "table", "record_uid", "field", "old_value",
    "new_value", "reason",
)  # fmt: skip
TRANSITION_COLUMNS = (
    "id", "uid", "complaint_id", "action", "from_status", "to_status", "happened_on",
    "recorded_at", "actor", "reason_code", "rule_set", "reason",
)  # fmt: skip
MEDIATION_STEP_COLUMNS = (
    "id", "uid", "complaint_id", "held_at", "mode", "mediators", "attendance", "offers", "result",
    "next_on",
)  # fmt: skip
AGREEMENT_COLUMNS = (
    "id", "uid", "complaint_id", "number", "signed_on", "terms", "amount_fen", "method",
    "perform_by", "carried_out", "carried_out_on",
)  # fmt: skip
REFERRAL_COLUMNS = (
    "id", "uid", "complaint_id", "target", "agency_name", "referred_on", "hands_over",
    "with_personal_info", "reason", "reply_on", "reply", "external_number", "fine_fen",
)  # fmt: skip
FOLLOW_UP_COLUMNS = (
    "id", "uid", "complaint_id", "followed_up_on", "method", "carried_out", "satisfaction",
    "note", "reopened",
)  # fmt: skip
CONSENT_COLUMNS = (
    "id", "uid", "complaint_id", "person_id", "recipient", "granted", "given_at", "method",
    "withdrawn_at", "note",
)  # fmt: skip


# --- Building ------------------------------------------------------------------------------------


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
    # the complaints' workflow records (children of the complaints above)
    transitions: list[Row] = field(default_factory=list)
    consents: list[Row] = field(default_factory=list)
    referrals: list[Row] = field(default_factory=list)
    mediation_steps: list[Row] = field(default_factory=list)
    agreements: list[Row] = field(default_factory=list)
    follow_ups: list[Row] = field(default_factory=list)
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

# (age in days at the end of the range, from) -> status weights: older complaints are further
# along the workflow. "closed" is closed or followed up: which one depends on when it was closed
# (see ``_after_closing``). A few open complaints are left past their deadlines: registered ones
# older than 7 working days (受理), accepted or in mediation ones past the mediation limit.
STATUS_BY_AGE: tuple[tuple[int, tuple[list[object], list[float]]], ...] = (
    (90, _weighted([
        ("closed", 82), ("withdrawn", 5), ("mediation_ended", 6), ("not_accepted", 4),
        ("referred", 3), ("agreement_pending", 0.5), ("in_mediation", 0.3),
    ])),
    (45, _weighted([
        ("closed", 62), ("in_mediation", 5), ("agreement_pending", 6), ("referred", 7),
        ("withdrawn", 5), ("mediation_ended", 8), ("not_accepted", 3), ("accepted", 0.5),
    ])),
    (14, _weighted([
        ("accepted", 6), ("in_mediation", 28), ("agreement_pending", 12),
        ("referred", 8), ("closed", 30), ("withdrawn", 5), ("mediation_ended", 4),
        ("not_accepted", 4),
    ])),
    (7, _weighted([
        ("registered", 20), ("accepted", 38), ("in_mediation", 20), ("referred", 4),
        ("not_accepted", 6), ("closed", 6), ("withdrawn", 4),
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
    "withdrawn": (1, 30),
    "mediation_ended": (10, 70),
    "not_accepted": (1, 7),
}
UNACCEPTED_SHARE = 0.02  # of complaints 10 to 45 days old: acceptance decision overdue
# share of closed complaints followed up, by days since closing: the station calls back within
# the 15-day limit; a few are never followed up (their follow-up is overdue)
# (days since closing, share followed up): a station calls everyone back within a month
FOLLOWED_UP_SHARE = ((30, 1.0), (15, 0.96), (3, 0.5), (0, 0.0))
CONSENT_METHODS = _weighted([("written", 70), ("oral", 15), ("phone", 15)])
AGREEMENT_METHODS = ("当场退款", "限期退款", "更换同型号商品", "赔偿损失", "维修并赔偿")
REFERRAL_AGENCIES = {
    "county_association": "通江县消费者协会",
    "market_regulation": "通江县市场监督管理局",
    "hotline_12315": "全国12315平台",
}
GROUP_SCENARIOS = frozenset(
    {"seed", "fertiliser", "pesticide", "feed", "health_products", "driving_school",
     "prepaid_card", "telecom", "restaurant", "training", "renovation"}
)  # fmt: skip
SOIL_LOSS = frozenset({"seed", "fertiliser", "pesticide", "feed"})


def _pick(rng: random.Random, weighted: tuple[list[object], list[float]]) -> object:
    return rng.choices(weighted[0], cum_weights=weighted[1])[0]


def _iso(value: object) -> object:
    """A date as the ISO text peewee stores; anything else as it is."""
    return value.isoformat() if isinstance(value, dt.date) else value


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

    def run(self, *, complaints: int, visits: int, events: int = 0) -> DemoSummary:
        self.total = complaints + visits + events
        regions = self.writer.insert(
            Region, REGION_COLUMNS, _region_rows(self.villages), or_ignore=True
        )
        self._officers()
        self._businesses()
        self.next_person_id = self.writer.next_id(Person)
        converted = self._visits(visits, complaints)
        self._complaints(complaints, converted)
        self._events(events)
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
            events=counts.get(EducationEvent, 0),
        )

    def _flush(self, pending: _Pending, records: int) -> None:
        self.writer.insert(Person, PERSON_COLUMNS, pending.people)
        self.writer.insert(Visit, VISIT_COLUMNS, pending.visits)
        self.writer.insert(Complaint, COMPLAINT_COLUMNS, pending.complaints)
        self.writer.insert(Complainant, COMPLAINANT_COLUMNS, pending.complainants)
        self.writer.insert(ComplaintTransition, TRANSITION_COLUMNS, pending.transitions)
        self.writer.insert(ConsentRecord, CONSENT_COLUMNS, pending.consents)
        self.writer.insert(Referral, REFERRAL_COLUMNS, pending.referrals)
        self.writer.insert(MediationStep, MEDIATION_STEP_COLUMNS, pending.mediation_steps)
        self.writer.insert(Agreement, AGREEMENT_COLUMNS, pending.agreements)
        self.writer.insert(FollowUp, FOLLOW_UP_COLUMNS, pending.follow_ups)
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
        # the workflow history of each complaint comes from its own stream
        workflow_rng = self.rng("workflow")
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
        unaccepted = self._left_unaccepted(workflow_rng, [minute for minute, _, _ in plan])
        pending = _Pending()
        for offset, (minute, _, visit) in enumerate(plan):
            complaint_id = first_id + offset
            year = int(self.day_texts[minute // 1440 + 1][:4])
            number = complaint_number(self.origin, year, next(serials[year]))
            self._complaint(
                rng, workflow_rng, pending, complaint_id, number, minute, visit, officer_weights,
                offset in unaccepted,
            )  # fmt: skip
            if len(pending.complaints) >= COMPLAINT_BATCH:
                self._flush(pending, len(pending.complaints))
                pending = _Pending()
        self._flush(pending, len(pending.complaints))

    def _left_unaccepted(self, rng: random.Random, minutes: Sequence[int]) -> set[int]:
        """Which complaints (indices into ``minutes``) still wait for the acceptance decision
        past its deadline at the end of the range: a few of those received 10 to 45 days before
        it, at least three when there are any, so ``station due`` shows overdue work."""
        late_days: dict[int, bool] = {}
        candidates = []
        for index, minute in enumerate(minutes):
            day_index = minute // 1440
            if 10 <= (self.date_to - self.days[day_index]).days <= 45:
                late = late_days.get(day_index)
                if late is None:
                    running = pending_deadline(
                        ComplaintClock(states.REGISTERED, self.days[day_index])
                    )
                    deadline = running.deadline.date if running else None
                    late = late_days[day_index] = deadline is not None and deadline < self.date_to
                if late:
                    candidates.append(index)
        count = min(len(candidates), max(3, round(len(candidates) * UNACCEPTED_SHARE)))
        return set(rng.sample(candidates, count))

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
        workflow_rng: random.Random,
        pending: _Pending,
        complaint_id: int,
        number: str,
        minute: int,
        visit: _ConvertedVisit | None,
        officer_weights: list[float],
        unaccepted: bool = False,
    ) -> None:
        day_index = minute // 1440
        received_day = self.days[day_index]
        age = (self.date_to - received_day).days  # how far along it is at the end of the range
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
        # the officer names the main nature (the scenario's likeliest one); the others secondary
        primary = natures[0] if natures else "other"
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
        if unaccepted:  # drawn all the same, so the other complaints keep their rows
            status = states.REGISTERED
        outcome, closed_on, recovered_fen, punitive_fen, fraud = _result(
            rng, status, age, received_day, paid_fen, disputed_fen, demands
        )
        if status == states.CLOSED and closed_on is not None:
            status = _after_closing(rng, (self.date_to - closed_on).days)
        hotline = (
            f"12315{received_day:%Y%m%d}{rng.randrange(100000):05d}"
            if channel == "hotline_12315"
            else None
        )
        remarks = rng.choice(data.REMARKS) if rng.random() < 0.08 else None
        uid = self.uid(rng)
        search_text = search_text_of(
            SearchFields(
                number, respondent, goods, scenario.subcategory, purchase_place, facts,
                demand_text, hotline, remarks,
            ),
            [PersonDraft(name=p.name, phone=p.phone) for p in people],
        )  # fmt: skip
        received_at = self.local_text(minute)
        history = plan_history(
            status,
            received_day,
            self.date_to,
            workflow_rng,
            closed_on=closed_on,
            outcome=outcome,
            recovered_fen=recovered_fen,
        )
        planned = self._workflow(
            workflow_rng, pending, history, complaint_id, uid, number, minute, people, officer[1]
        )
        pending.complaints.append((
            complaint_id, uid, number, received_at, channel, officer[0], status, village.code,
            int(is_group), group_size, shop.id if shop else None, respondent, credit_code, address,
            phone, goods, scenario.category, scenario.subcategory,
            ",".join(ordered_natures(natures, primary)), primary, purchase_day.isoformat(),
            purchase_place, purchase_channel, paid_fen, disputed_fen,
            facts, ",".join(demands), demand_text, outcome,
            closed_on.isoformat() if closed_on else None, recovered_fen, punitive_fen, int(fraud),
            hotline, remarks, visit.visit_id if visit else None, search_text, *planned,
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

    def _workflow(
        self,
        rng: random.Random,
        pending: _Pending,
        history: PlannedHistory,
        complaint_id: int,
        uid: str,
        number: str,
        received_minute: int,
        people: Sequence[_Someone],
        actor: str,
    ) -> Row:
        """Queue the workflow records of one complaint as the workflow's actions write them
        (``transitions.move``, ``refer``, ``record_consent``, ``record_mediation_step``,
        ``record_agreement``, ``follow_up``): the rows, a ``create`` audit entry for each record
        and a ``transition`` audit entry for each move. Returns the complaint's
        PLANNED_COMPLAINT_COLUMNS values."""
        unknown = history.complaint.keys() - _PLANNED_SET
        if unknown:  # plan_history changed: this module must follow
            raise AssertionError(f"planned complaint columns not written: {sorted(unknown)}")
        consenting = [p.id for p in people]  # the group's representatives, else the complainant
        for recipient, given_at in history.consents:
            moment = self._moment(given_at, received_minute)
            method = _pick(rng, CONSENT_METHODS)
            for person_id in consenting:
                row_uid = self.uid(rng)
                pending.consents.append((
                    None, row_uid, complaint_id, person_id, recipient, 1, self.local_text(moment),
                    method, None, None,
                ))  # fmt: skip
                pending.audit.append(
                    self._audit(rng, moment, actor, "create", _CONSENT_TABLE, row_uid,
                                f"同意向{_RECIPIENTS[recipient]}提供个人信息")
                )  # fmt: skip
        referral = history.referral
        if referral is not None:
            target = cast(str, referral["target"])
            referred_on = cast(dt.date, referral["referred_on"])
            reply_on = cast("dt.date | None", referral.get("reply_on"))
            row_uid = self.uid(rng)
            pending.referrals.append((
                None, row_uid, complaint_id, target, REFERRAL_AGENCIES.get(target),
                _iso(referred_on), 1, 1, None, _iso(reply_on), referral.get("reply"), None, None,
            ))  # fmt: skip
            moment = self._at(referred_on, 16 * 60, received_minute)
            pending.audit.append(
                self._audit(rng, moment, actor, "create", _REFERRAL_TABLE, row_uid,
                            f"转办至{_TARGET_NAMES[target]}")
            )  # fmt: skip
        for step in history.steps:
            moment = self._moment(step.held_at, received_minute)
            row_uid = self.uid(rng)
            pending.mediation_steps.append((
                None, row_uid, complaint_id, self.local_text(moment), step.mode, actor,
                "投诉人、被投诉方均到场" if step.mode == "on_site" else None, None, step.result,
                _iso(step.next_on),
            ))  # fmt: skip
            pending.audit.append(
                self._audit(rng, moment, actor, "create", _STEP_TABLE, row_uid,
                            MEDIATION_MODES[step.mode])
            )  # fmt: skip
        agreement_number = None
        agreement = history.agreement
        if agreement is not None:
            agreement_number = f"{number}-XY1"  # as mediation.agreement_number numbers the first
            signed_on = cast(dt.date, agreement["signed_on"])
            carried_out = agreement.get("carried_out")
            row_uid = self.uid(rng)
            pending.agreements.append((
                None, row_uid, complaint_id, agreement_number, _iso(signed_on), agreement["terms"],
                agreement["amount_fen"], rng.choice(AGREEMENT_METHODS),
                _iso(cast("dt.date | None", agreement.get("perform_by"))),
                None if carried_out is None else int(bool(carried_out)),
                _iso(cast("dt.date | None", agreement.get("carried_out_on"))),
            ))  # fmt: skip
            moment = self._at(signed_on, 16 * 60 + 15, received_minute)
            pending.audit.append(
                self._audit(rng, moment, actor, "create", _AGREEMENT_TABLE, row_uid,
                            agreement_number)
            )  # fmt: skip
        follow_up = history.follow_up
        if follow_up is not None:
            followed_up_on = cast(dt.date, follow_up["followed_up_on"])
            satisfaction = cast(str, follow_up["satisfaction"])
            carried_out = follow_up.get("carried_out")
            row_uid = self.uid(rng)
            pending.follow_ups.append((
                None, row_uid, complaint_id, _iso(followed_up_on), follow_up["method"],
                None if carried_out is None else int(bool(carried_out)), satisfaction, None, 0,
            ))  # fmt: skip
            moment = self._at(followed_up_on, 16 * 60 + 20, received_minute)
            pending.audit.append(
                self._audit(rng, moment, actor, "create", _FOLLOW_UP_TABLE, row_uid,
                            _SATISFACTION_NAMES[satisfaction])
            )  # fmt: skip
        for move in history.moves:
            moment = self._at(move.happened_on, 16 * 60 + 30, received_minute)
            reason_code = move.reason_code
            if move.action == "record_agreement":  # record_agreement moves with its number
                reason_code = agreement_number
            # as transitions.move writes them: the transition row, then its audit entry
            pending.transitions.append((
                None, self.uid(rng), complaint_id, move.action, move.from_status, move.to_status,
                move.happened_on.isoformat(), self.local_text(moment), actor, reason_code,
                move.rule_set, None,
            ))  # fmt: skip
            pending.audit.append((
                None, self.uid(rng), self.utc_text(moment), actor, "transition", _COMPLAINT_TABLE,
                uid, "status", move.from_status, move.to_status, reason_code or move.action,
            ))  # fmt: skip
        planned = history.complaint
        return tuple(_iso(planned.get(column)) for column in PLANNED_COMPLAINT_COLUMNS)

    def _at(self, day: dt.date, minute_of_day: int, earliest: int) -> int:
        """``day`` at ``minute_of_day`` as a minute of the range, not before ``earliest`` (the
        complaint was received) nor after now."""
        minute = (day - self.date_from).days * 1440 + minute_of_day
        return min(max(minute, earliest), self.last_minute)

    def _moment(self, when: dt.datetime, earliest: int) -> int:
        return self._at(when.date(), when.hour * 60 + when.minute, earliest)

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

    # -- education events (宣传活动) -------------------------------------------------------------

    def _events(self, count: int) -> None:
        """``count`` education events, each type in its season: 3·15 in the days before 15 March,
        stalls on market days, farm-input talks at spring (and autumn) sowing, the rest on
        working days. Written after everything else, from their own random stream."""
        if count <= 0:
            return
        rng = self.rng("events")
        calendar = WorkingDayCalendar.from_package()
        eligible: dict[str, tuple[list[int], list[float]]] = {}
        for kind in EVENT_TYPE_WEIGHTS:
            indices, weights = [], []
            for index, day in enumerate(self.days):
                weight = _event_day_weight(kind, day, calendar.is_working_day(day))
                if weight > 0:
                    indices.append(index)
                    weights.append(weight)
            eligible[kind] = (indices, weights)
        kinds = list(EVENT_TYPE_WEIGHTS)
        kind_weights = list(EVENT_TYPE_WEIGHTS.values())
        per_315: dict[int, int] = {}
        planned: list[tuple[int, str]] = []
        for _ in range(count):
            kind = rng.choices(kinds, weights=kind_weights)[0]
            if kind == "day_315" and eligible[kind][0]:
                index = rng.choices(*eligible[kind])[0]
                year = self.days[index].year
                if per_315.get(year, 0) >= MAX_315_EVENTS_PER_YEAR:
                    kind = "village_talk"
                else:
                    per_315[year] = per_315.get(year, 0) + 1
                    planned.append((index, kind))
                    continue
            if not eligible[kind][0]:
                kind = "village_talk" if eligible["village_talk"][0] else "consumer_warning"
            planned.append((rng.choices(*eligible[kind])[0], kind))
        planned.sort()

        officer_weights = self._officer_weights()
        first = self.writer.next_id(EducationEvent)
        details = self.rng("event-details")  # its own stream: the events stay what they were
        checks: list[Row] = []
        next_check = self.writer.next_id(InstrumentCheck)
        rows: list[Row] = []
        audit: list[Row] = []
        for offset, (index, kind) in enumerate(planned):
            day = self.days[index]
            if kind in ("day_315", "market_advice"):
                village: Village | None = rng.choice(self.home_villages)
            elif kind == "consumer_warning" and rng.random() < 0.5:
                village = None  # published for the whole town (村务公开栏, 微信群)
            else:
                village = self._village(rng)
            topic = rng.choice(_event_topics(kind, day.month)).format(
                town=village.town_name if village else self.home_villages[0].town_name,
                village=village.short_name if village else "",
                year=day.year,
            )
            if kind == "consumer_warning" and "提示" in topic:
                kind = "consumer_tip"  # a tip rather than a warning, as its topic says
            low, high = EVENT_ATTENDEES[kind]
            attendees = rng.randint(low, high)
            if kind in NOTICE_TYPES:
                leaflets = rng.choice((0, 0, 50, 100, 200, 300))
                consultations = rng.randint(0, 4)
            else:
                leaflets = int(attendees * rng.uniform(0.6, 2.0)) // 10 * 10
                share = {"day_315": 0.15, "market_advice": 0.18, "training": 0.0}.get(kind, 0.06)
                consultations = int(attendees * share * rng.uniform(0.5, 1.5))
            officer = self.officers[rng.choices(range(len(self.officers)), officer_weights)[0]]
            notes = rng.choice(EVENT_NOTES[kind]) if rng.random() < 0.4 else None
            uid = self.uid(rng)
            channel, reach = None, 0
            if kind in NOTICE_TYPES:  # published: where, and to how many
                channel = next(
                    (c for c, note in WARNING_CHANNEL_NOTES.items() if note == notes),
                    details.choice(tuple(WARNING_CHANNEL_NOTES)),
                )
                reach = details.randint(8, 150) * 10
            rows.append((
                first + offset, uid, day.isoformat(), kind, village.code if village else None,
                topic, attendees, leaflets, consultations, officer[0], notes, channel, reach,
            ))  # fmt: skip
            if kind in ("day_315", "market_advice") and details.random() < 0.6:
                for instrument, (low, high, fail) in INSTRUMENT_CHECKS.items():
                    if details.random() < 0.7:
                        checked = details.randint(low, high)
                        failed = sum(details.random() < fail for _ in range(checked))
                        checks.append(
                            (
                                next_check,
                                self.uid(details),
                                first + offset,
                                instrument,
                                checked,
                                failed,
                            )  # fmt: skip
                        )
                        next_check += 1
            minute = min(index * 1440 + rng.randint(9, 17) * 60, self.last_minute)
            audit.append(
                self._audit(rng, minute, officer[1], "create", "education_event", uid, topic[:40])
            )
            if len(rows) >= VISIT_BATCH:
                self._flush_events(rows, audit, checks)
                rows, audit, checks = [], [], []
        self._flush_events(rows, audit, checks)

    def _flush_events(self, rows: list[Row], audit: list[Row], checks: list[Row]) -> None:
        self.writer.insert(EducationEvent, EVENT_COLUMNS, rows)
        self.writer.insert(InstrumentCheck, INSTRUMENT_CHECK_COLUMNS, checks)
        self.writer.insert(AuditEntry, AUDIT_COLUMNS, audit)
        self.done += len(rows)
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancel is not None and self.cancel.is_set():
            raise DemoCancelled()


_SURNAMES = _weighted(list(data.SURNAMES))
_PLANNED_SET = frozenset(PLANNED_COMPLAINT_COLUMNS)
_RECIPIENTS = recipient_names()
_TARGET_NAMES = {e.code: e.name for e in codes.code_list("referral_target").entries()}
_SATISFACTION_NAMES = {e.code: e.name for e in codes.code_list("satisfaction").entries()}
_COMPLAINT_TABLE = Complaint._meta.table_name
_CONSENT_TABLE = ConsentRecord._meta.table_name
_REFERRAL_TABLE = Referral._meta.table_name
_STEP_TABLE = MediationStep._meta.table_name
_AGREEMENT_TABLE = Agreement._meta.table_name
_FOLLOW_UP_TABLE = FollowUp._meta.table_name
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


def _after_closing(rng: random.Random, days_since: int) -> str:
    """Closed, or followed up already: most are called back within the 15-day limit."""
    for since, share in FOLLOWED_UP_SHARE:
        if days_since >= since:
            return states.FOLLOWED_UP if rng.random() < share else states.CLOSED
    return states.CLOSED


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
    days = rng.randint(low, min(high, age)) if age >= low else age
    closed_on = received_day + dt.timedelta(days=days)
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


# --- Education events (宣传活动) ------------------------------------------------------------------

EVENT_COLUMNS = (
    "id", "uid", "held_on", "event_type", "village_code", "topic", "attendees", "leaflets",
    "consultations", "officer_id", "notes", "channel", "reach",
)  # fmt: skip
INSTRUMENT_CHECK_COLUMNS = ("id", "uid", "event_id", "instrument", "checked", "failed")
# free checks at 3·15 and market-day stalls: (fewest, most checked, share failing)
INSTRUMENT_CHECKS = {
    "scale": (10, 60, 0.05),
    "blood_pressure": (5, 30, 0.04),
    "glasses": (0, 20, 0.1),
}
WARNING_CHANNEL_NOTES = {  # how a warning was published, as the demo's notes say it
    "wechat_group": "通过村微信群发布",
    "notice_board": "张贴于村务公开栏",
    "broadcast": "广播站播报",
}
EVENT_TYPE_WEIGHTS = {  # share of each type among a station's events
    "market_advice": 30,
    "village_talk": 22,
    "consumer_warning": 14,
    "farm_input_fakes": 12,
    "elderly_fraud": 12,
    "training": 5,
    "day_315": 5,
}
MAX_315_EVENTS_PER_YEAR = 2
EVENT_ATTENDEES = {  # (fewest, most) people reached
    "day_315": (150, 600),
    "market_advice": (40, 300),
    "village_talk": (20, 90),
    "consumer_warning": (0, 0),
    "consumer_tip": (0, 0),
    "farm_input_fakes": (30, 160),
    "elderly_fraud": (20, 80),
    "training": (8, 40),
}
EVENT_TOPICS = {
    "day_315": (
        "{year}年“3·15”国际消费者权益日集中宣传咨询",
        "“3·15”消费维权进乡村：{town}场镇集中宣传",
        "“3·15”放心消费承诺单位授牌暨咨询服务",
    ),
    "market_advice": (
        "{town}逢场日消费维权咨询台",
        "赶场天设点宣传：买东西要开票、坏了怎么退",
        "场镇集市农资、食品消费提示与投诉受理",
        "逢场日宣传《消费者权益保护法》七日无理由退货",
    ),
    "village_talk": (
        "{village}院坝会：消费者权益保护法讲解",
        "{village}讲座：网购退换货和七日无理由退货",
        "{village}讲座：预付卡、充值卡消费风险",
        "{village}讲座：农村自建房建材与装修合同",
        "{village}讲座：农村集体聚餐与食品安全",
    ),
    "farm_input_fakes": (
        "春耕农资识假辨假：种子、化肥、农药",
        "{village}田间课堂：看标签、留票据、买放心种子",
        "农资打假宣传：认准登记证号，拒绝“三无”化肥",
        "农机具购买与“三包”维权讲解",
    ),
    "elderly_fraud": (
        "{village}老年人防骗讲座：警惕保健品会销",
        "识破“免费体检”“免费旅游”推销陷阱",
        "谨防“以房养老”“养老投资”骗局",
        "{village}坝坝会：老年人网购和电信诈骗防范",
    ),
    "training": (
        "服务站联络员业务培训：投诉登记与调解",
        "全国12315平台录入与转办培训",
        "个人信息保护法与投诉资料保管培训",
        "调解技巧与调解协议书制作培训",
    ),
}
WARNING_TOPICS = {  # 消费警示/提示 by season (month -> topics)
    (1, 2): ("春节年货消费提示", "警惕年货“三无”食品", "春节期间农村宴席食品安全提示"),
    (3, 4, 5): ("春耕农资购买提示", "谨防假种子、劣质化肥", "农资购买留存票据提示"),
    (6, 7, 8): ("夏季食品安全消费提示", "暑期培训班预付费风险警示", "汛期家电维修消费提示"),
    (9, 10): ("开学季消费提示", "国庆假期旅游消费提示", "秋播农资购买提示"),
    (11, 12): ("“双十一”网购消费提示", "预付卡消费风险警示", "冬季取暖器具安全消费提示"),
}
EVENT_NOTES = {
    "day_315": (
        "联合县市场监管局、县消协开展",
        "设咨询台 3 个，现场受理投诉",
        "发放宣传资料、展示假冒商品",
    ),
    "market_advice": ("与市场监管所联合设点", "现场解答退换货问题", "张贴宣传挂图"),
    "village_talk": ("村两委组织召开", "结合村民大会进行", "村民提问踊跃"),
    "consumer_warning": ("通过村微信群发布", "张贴于村务公开栏", "广播站播报"),
    "consumer_tip": ("通过村微信群发布", "张贴于村务公开栏", "广播站播报"),
    "farm_input_fakes": ("邀请农技站技术员讲解", "现场比对真假种子包装", "联合农业农村局开展"),
    "elderly_fraud": ("邀请派出所民警参加", "结合老年协会活动开展", "发放防骗提示卡"),
    "training": ("县消协组织", "线上视频培训", "以会代训"),
}


def _event_day_weight(kind: str, day: dt.date, working: bool) -> float:
    """How likely an event of ``kind`` falls on ``day`` (0: never)."""
    if kind == "day_315":
        if day.month != 3 or not 8 <= day.day <= 15:
            return 0.0
        return 10.0 if day.day == 15 else 1.0
    if kind == "market_advice":
        return 1.0 if day.day % 10 in data.MARKET_DAY_DIGITS else 0.0
    if kind == "farm_input_fakes":  # spring sowing, and a little at autumn sowing
        if 2 <= day.month <= 5:
            return 3.0 if working else 1.0
        return (1.0 if working else 0.3) if day.month in (9, 10) else 0.0
    if kind == "consumer_warning":
        return 1.0 if working else 0.2
    return 1.0 if working else 0.15


def _event_topics(kind: str, month: int) -> tuple[str, ...]:
    if kind == "consumer_warning":
        return next(topics for months, topics in WARNING_TOPICS.items() if month in months)
    return EVENT_TOPICS[kind]
