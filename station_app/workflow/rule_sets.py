"""The legal rule sets a complaint is handled under: time limits and grounds, kept as data.

Each rule set is one JSON file in ``resources/rules/`` (see ``samr_2019.json``). A complaint follows
the rule set in force on the day it was received. A later data update (a roster, a county file) can
correct a rule set by shipping a file with the same ``code`` and a higher ``version`` in another
folder passed to :func:`load_rule_sets`.

A limit counts from an event of the complaint (``from``: received, accepted, mediation_ended,
closed); the caller passes that event's date to :func:`compute_deadline`. Figures a file marks
``"verify": true`` come from secondary sources and still await a check against the official text.

Besides the grounds (each with its full item, e.g. ``第十六条第（二）项``), a file names the articles
the papers cite in ``citations``, keyed by purpose (see :data:`CITATION_PURPOSES`), each with its own
``verify`` flag: :meth:`RuleSet.citation` returns them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

from station_app import codes
from station_app.errors import StationError
from station_app.messages import msg
from station_app.paths import resource_path
from station_app.workflow.working_days import Deadline, Pause, WorkingDayCalendar

LimitKind = Literal["accept", "mediation", "termination_notice", "follow_up"]
StartEvent = Literal["received", "accepted", "mediation_ended", "closed"]
DayKind = Literal["working", "calendar"]

LIMIT_KINDS: tuple[LimitKind, ...] = ("accept", "mediation", "termination_notice", "follow_up")
START_EVENTS: tuple[StartEvent, ...] = ("received", "accepted", "mediation_ended", "closed")
DAY_KINDS: tuple[DayKind, ...] = ("working", "calendar")
FORMAT = 1

CitationPurpose = Literal[
    "accept_decision",
    "not_accepted",
    "termination",
    "termination_notice",
    "mediation_notice",
    "entrusted",
    "representatives",
    "pause",
]
# What each citation is for: the article on the acceptance decision and its time limit, the
# article listing the grounds for not accepting, the one listing the grounds for ending mediation,
# the notice of ending mediation to both parties, the notice sent before mediation (投诉调解通知书),
# mediation entrusted to another body (a station), the complainants' representatives, and the
# testing/appraisal time that does not count.
CITATION_PURPOSES: tuple[CitationPurpose, ...] = get_args(CitationPurpose)


class RuleSetError(StationError):
    """A rule set file cannot be used."""


class NoRuleSetForDate(StationError):
    def __init__(self, received_on: dt.date, earliest: dt.date | None) -> None:
        if earliest is None:
            message = msg("没有可用的投诉处理规则：程序文件不完整，请重新安装。")
        else:
            message = msg(
                "收到日期 {received} 早于已知的投诉处理规则"
                "（最早自 {earliest} 起施行）：请核对收到日期。",
                received=received_on.isoformat(),
                earliest=earliest.isoformat(),
            )
        super().__init__(message)
        self.received_on = received_on


@dataclass(frozen=True)
class Ground:
    """A ground for not accepting a complaint or for ending mediation."""

    code: str
    name_zh: str
    name_en: str
    item: str  # where it stands in the measures, e.g. "第十五条第（一）项"
    verify: bool = False
    former_codes: tuple[str, ...] = ()  # codes an earlier version of the file used for it


@dataclass(frozen=True)
class Citation:
    """An article of the measures, e.g. ``第二十三条第一款``; ``verify`` when not yet checked
    against the official text (an empty ``article`` means it is not known at all)."""

    article: str
    verify: bool = False


@dataclass(frozen=True)
class Limit:
    kind: LimitKind
    days: int
    day_kind: DayKind
    start_event: StartEvent  # "from" in the file
    pausable: bool = False  # testing/appraisal time does not count
    basis: str = ""  # the article setting the limit
    local_practice: bool = False  # a working habit, not law
    verify: bool = False


@dataclass(frozen=True)
class RuleSet:
    code: str
    version: int
    title: str
    title_en: str
    effective_from: dt.date
    limits: tuple[Limit, ...]
    not_accepted_grounds: tuple[Ground, ...]
    termination_grounds: tuple[Ground, ...]
    notes: tuple[str, ...] = ()
    verify: bool = False
    source: Path | None = None
    measure_name: str = ""  # the measures' name, e.g. 市场监督管理投诉举报处理办法
    order: str = ""  # the order issuing it, e.g. 国家市场监督管理总局令第121号（…）
    citations: tuple[tuple[str, Citation], ...] = ()

    def citation(self, purpose: str) -> Citation:
        """The article cited for ``purpose`` (one of :data:`CITATION_PURPOSES`).

        A file that does not name it gives an empty article marked ``verify``.
        """
        if purpose not in CITATION_PURPOSES:
            raise RuleSetError(
                msg(
                    "规则“{title}”中没有“{purpose}”这一条款用途。",
                    title=self.shown_title(),
                    purpose=purpose,
                )
            )
        for known, citation in self.citations:
            if known == purpose:
                return citation
        return Citation("", verify=True)

    def shown_title(self) -> str:
        """The title as the window shows it: Chinese, or English in an English window."""
        return self.title_en if codes.display_language() == "en" and self.title_en else self.title

    def limit(self, kind: str) -> Limit:
        for limit in self.limits:
            if limit.kind == kind:
                return limit
        raise RuleSetError(
            msg("规则“{title}”中没有“{kind}”这一时限。", title=self.shown_title(), kind=kind)
        )

    def not_accepted_ground(self, code: str) -> Ground:
        for ground in self.not_accepted_grounds:
            if code == ground.code or code in ground.former_codes:
                return ground
        raise RuleSetError(
            msg(
                "规则“{title}”中没有代码为“{code}”的不予受理情形。",
                title=self.shown_title(),
                code=code,
            )
        )

    def termination_ground(self, code: str) -> Ground:
        for ground in self.termination_grounds:
            if code == ground.code or code in ground.former_codes:
                return ground
        raise RuleSetError(
            msg(
                "规则“{title}”中没有代码为“{code}”的终止调解情形。",
                title=self.shown_title(),
                code=code,
            )
        )


def compute_deadline(
    rule_set: RuleSet,
    kind: str,
    start_date: dt.date,
    calendar: WorkingDayCalendar,
    pauses: Sequence[Pause] = (),
) -> Deadline:
    """The deadline of limit ``kind`` counted from ``start_date`` (the date of its ``from`` event).

    ``pauses`` (testing/appraisal periods) only stop limits marked ``pausable``; for the others they
    are ignored, so a caller may pass a complaint's pauses to every limit.
    """
    limit = rule_set.limit(kind)
    return calendar.add_days(
        start_date, limit.days, limit.day_kind, pauses if limit.pausable else ()
    )


def rule_set_for(received_on: dt.date, rule_sets: Sequence[RuleSet] | None = None) -> RuleSet:
    """The rule set in force on the day a complaint was received."""
    candidates = shipped_rule_sets() if rule_sets is None else rule_sets
    in_force = [r for r in candidates if r.effective_from <= received_on]
    if not in_force:
        earliest = min((r.effective_from for r in candidates), default=None)
        raise NoRuleSetForDate(received_on, earliest)
    return max(in_force, key=lambda r: r.effective_from)


@functools.cache
def _shipped() -> tuple[RuleSet, ...]:
    return tuple(load_rule_sets())


def shipped_rule_sets() -> list[RuleSet]:
    """The rule sets shipped in ``resources/rules``, read once per process."""
    return list(_shipped())


def load_rule_sets(extra_dirs: Iterable[str | Path] = ()) -> list[RuleSet]:
    """Every rule set, oldest first: the shipped files, then ``extra_dirs`` in order.

    A file whose ``code`` is already loaded replaces it only with a strictly higher ``version``.
    """
    by_code: dict[str, RuleSet] = {}
    for folder in (resource_path("rules"), *(Path(d) for d in extra_dirs)):
        for path in sorted(Path(folder).glob("*.json")):
            rule_set = read_rule_set(path)
            current = by_code.get(rule_set.code)
            if current is None or rule_set.version > current.version:
                by_code[rule_set.code] = rule_set
    return sorted(by_code.values(), key=lambda r: r.effective_from)


def read_rule_set(path: Path) -> RuleSet:
    """One rule set file, checked; a broken file raises :class:`RuleSetError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleSetError(
            msg("规则文件 {name} 无法读取：{error}", name=path.name, error=exc)
        ) from exc
    try:
        return _parse(data, path)
    except RuleSetError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleSetError(
            msg("规则文件 {name} 内容有误：{problem}。", name=path.name, problem=repr(exc))
        ) from exc


def _parse(data: Any, path: Path) -> RuleSet:
    def fail(problem: str) -> RuleSetError:
        return RuleSetError(
            msg("规则文件 {name} 内容有误：{problem}。", name=path.name, problem=problem)
        )

    if not isinstance(data, dict):
        raise fail(msg("顶层应是一个对象"))
    if data.get("format") != FORMAT:
        raise fail(
            msg(
                "格式版本应为 {wanted}，实际为 {found}",
                wanted=FORMAT,
                found=repr(data.get("format")),
            )
        )
    limits: list[Limit] = []
    for entry in data["limits"]:
        kind, day_kind, start = entry["kind"], entry["day_kind"], entry["from"]
        if kind not in LIMIT_KINDS:
            raise fail(msg("未知的时限类型“{kind}”", kind=kind))
        if day_kind not in DAY_KINDS:
            raise fail(msg("时限“{kind}”的 day_kind 应为 working 或 calendar", kind=kind))
        if start not in START_EVENTS:
            raise fail(msg("时限“{kind}”的起算事件“{start}”未知", kind=kind, start=start))
        days = entry["days"]
        if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
            raise fail(msg("时限“{kind}”的天数应为正整数", kind=kind))
        limits.append(
            Limit(
                kind=cast(LimitKind, kind),
                days=days,
                day_kind=cast(DayKind, day_kind),
                start_event=cast(StartEvent, start),
                pausable=bool(entry.get("pausable", False)),
                basis=str(entry.get("basis", "")),
                local_practice=bool(entry.get("local_practice", False)),
                verify=bool(entry.get("verify", False)),
            )
        )
    kinds = [limit.kind for limit in limits]
    missing = [k for k in LIMIT_KINDS if k not in kinds]
    if missing or len(set(kinds)) != len(kinds):
        raise fail(
            msg("每种时限（accept、mediation、termination_notice、follow_up）应当恰好出现一次")
        )
    title = str(data["title"])
    measure_name = str(data.get("measure_name") or title.split("（", 1)[0].strip() or title)
    order = str(data.get("order") or title.partition("（")[2].rstrip("）"))
    return RuleSet(
        code=str(data["code"]),
        version=int(data["version"]),
        title=title,
        title_en=str(data.get("title_en", "")),
        effective_from=dt.date.fromisoformat(data["effective_from"]),
        limits=tuple(limits),
        not_accepted_grounds=_grounds(data["not_accepted_grounds"], fail),
        termination_grounds=_grounds(data["termination_grounds"], fail),
        notes=tuple(str(n) for n in data.get("notes", ())),
        verify=bool(data.get("verify", False)),
        source=path,
        measure_name=measure_name,
        order=order,
        citations=_citations(data.get("citations", {}), fail),
    )


def _citations(
    entries: Any, fail: Callable[[str], RuleSetError]
) -> tuple[tuple[str, Citation], ...]:
    if not isinstance(entries, dict):
        raise fail(msg("citations 应是一个对象"))
    citations: list[tuple[str, Citation]] = []
    for purpose, entry in entries.items():
        if purpose not in CITATION_PURPOSES:
            raise fail(msg("未知的条款用途“{purpose}”", purpose=purpose))
        if not isinstance(entry, dict) or not isinstance(entry.get("article"), str):
            raise fail(msg("条款“{purpose}”应写明 article", purpose=purpose))
        article = entry["article"].strip()
        citations.append(
            (purpose, Citation(article, bool(entry.get("verify", False)) or not article))
        )
    return tuple(citations)


def _grounds(entries: Any, fail: Callable[[str], RuleSetError]) -> tuple[Ground, ...]:
    grounds = tuple(
        Ground(
            code=str(e["code"]),
            name_zh=str(e["name_zh"]),
            name_en=str(e["name_en"]),
            item=str(e["item"]),
            verify=bool(e.get("verify", False)),
            former_codes=tuple(str(c) for c in e.get("former_codes", ())),
        )
        for e in entries
    )
    codes = [c for g in grounds for c in (g.code, *g.former_codes)]
    if len(set(codes)) != len(codes):
        raise fail(msg("情形代码有重复"))
    return grounds
