"""Who issues a paper, under which title, and on what legal basis.

* A consumer-association station (消协分会 / 投诉站) issues its papers itself. They rest on
  消费者权益保护法第三十七条第一款第（五）项 and apply the SAMR measures only by reference (参照).
* An entrusted station (受委托站) issues them in the name of the market-regulation office that
  entrusted it, with the office's seal line; titles follow the 2019 文书式样
  (国市监网监〔2019〕242号): 投诉受理决定书, 投诉不予受理决定书, 投诉终止调解决定书, 投诉调解书.
* A liaison point (联络站) registers and refers: it issues no decision and no mediation paper.

The measures' exact name, their order number and the articles cited come from the rule set the
complaint is handled under (the 2019 measures for complaints received before 2026-04-15, the 2026
ones after); a citation the rule set marks ``verify`` is listed in ``verify_notes`` (shown on the
print preview, never printed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from station_app.registry.station_kinds import (
    ASSOCIATION,
    ENTRUSTED,
    LIAISON,
    StationKind,
    station_kind,
)
from station_app.workflow.rule_sets import RuleSet

CONSUMER_LAW = "《中华人民共和国消费者权益保护法》"
CONSUMER_LAW_ARTICLE = "第三十七条第一款第（五）项"

REGISTRATION = "registration"
ACCEPTANCE_NOTICE = "acceptance_notice"
NOT_ACCEPTED_NOTICE = "not_accepted_notice"
MEDIATION_NOTICE = "mediation_notice"
MEDIATION_AGREEMENT = "mediation_agreement"
TERMINATION_NOTICE = "termination_notice"
FOLLOW_UP_RECORD = "follow_up_record"
KINDS_IN_ORDER = (
    REGISTRATION,
    ACCEPTANCE_NOTICE,
    NOT_ACCEPTED_NOTICE,
    MEDIATION_NOTICE,
    MEDIATION_AGREEMENT,
    TERMINATION_NOTICE,
    FOLLOW_UP_RECORD,
)

# the association's papers (and the default titles)
TITLES: dict[str, str] = {
    REGISTRATION: "投诉登记表",
    ACCEPTANCE_NOTICE: "投诉受理通知书",
    NOT_ACCEPTED_NOTICE: "投诉不予受理通知书",
    MEDIATION_NOTICE: "投诉调解通知书",
    MEDIATION_AGREEMENT: "调解协议书",
    TERMINATION_NOTICE: "终止调解通知书",
    FOLLOW_UP_RECORD: "回访记录表",
}
# papers issued in the office's name: the 2019 文书式样, and the 2026 notice before mediation
OFFICE_TITLES: dict[str, str] = {
    **TITLES,
    ACCEPTANCE_NOTICE: "投诉受理决定书",
    NOT_ACCEPTED_NOTICE: "投诉不予受理决定书",
    MEDIATION_AGREEMENT: "投诉调解书",
    TERMINATION_NOTICE: "投诉终止调解决定书",
}
# titles earlier versions of the program printed (read back from the audit log)
FORMER_TITLES: dict[str, str] = {
    "受理告知书": ACCEPTANCE_NOTICE,
    "不予受理告知书": NOT_ACCEPTED_NOTICE,
    "终止调解告知书": TERMINATION_NOTICE,
}
# what a liaison point prints: it registers, refers and follows up, and decides nothing
LIAISON_PAPERS = frozenset({REGISTRATION, FOLLOW_UP_RECORD})


def kind_of_title(title: str) -> str | None:
    """The paper kind a printed title names, whoever issued it."""
    for titles in (TITLES, OFFICE_TITLES):
        for kind, known in titles.items():
            if known == title:
                return kind
    return FORMER_TITLES.get(title)


@dataclass(frozen=True)
class Issuer:
    """Who issues the papers: ``name`` heads the paper and signs the seal line; ``note`` stands
    under the name (an entrusted station's own name); ``we`` is how the text names the issuer."""

    kind: str
    name: str
    station_name: str
    office: str | None
    note: str
    we: str

    @property
    def for_office(self) -> bool:
        return self.kind == ENTRUSTED

    def title(self, paper: str) -> str:
        return (OFFICE_TITLES if self.for_office else TITLES)[paper]

    def issues(self, paper: str) -> bool:
        return self.kind != LIAISON or paper in LIAISON_PAPERS


def issuer_of(kind: StationKind | None = None) -> Issuer:
    """The issuer of this station's papers. An entrusted station whose office is not known yet
    gets ``office`` ``None`` (the papers refuse to print; see ``content``)."""
    kind = kind or station_kind()
    if kind.kind == ENTRUSTED and kind.office:
        return Issuer(
            ENTRUSTED,
            kind.office,
            kind.station_name,
            kind.office,
            f"（受委托：{kind.station_name}）",
            "本机关",
        )
    return Issuer(
        kind.kind if kind.kind in (ASSOCIATION, LIAISON, ENTRUSTED) else ASSOCIATION,
        kind.station_name,
        kind.station_name,
        kind.office,
        "",
        "本站",
    )


@dataclass
class Basis:
    """The legal basis a paper cites, built sentence by sentence; citations the rule set marks
    ``verify`` are collected for the print preview."""

    issuer: Issuer
    rules: RuleSet
    verify_notes: list[str] = field(default_factory=list)

    @property
    def measure(self) -> str:
        """``《市场监督管理投诉举报处理办法》``: the measures' exact name."""
        return f"《{measure_name(self.rules)}》"

    @property
    def measure_in_full(self) -> str:
        """The name with the order issuing it: ``《…办法》（国家市场监督管理总局令第121号）``."""
        order = order_number(self.rules)
        return f"{self.measure}（{order}）" if order else self.measure

    def article(self, purpose: str) -> str:
        """The article the rule set cites for ``purpose``; ``""`` when it names none."""
        article, verify = citation(self.rules, purpose)
        if verify:
            self.note(article or purpose)
        return article

    def note(self, article: str) -> None:
        text = f"{self.measure}{article}：条款号尚待与正式文本核对，打印前请核实。"
        if not article or article.isascii():
            text = f"{self.measure}中相关条款尚未确定，打印前请核实。"
        if text not in self.verify_notes:
            self.verify_notes.append(text)

    def cite(self, article: str, verify: bool = False) -> str:
        """``依据…的规定`` without the last three characters' ``的规定``: for an association
        ``依据《消费者权益保护法》第三十七条第一款第（五）项，参照《办法》（令）<article>``, for
        an office ``依据《办法》（令）<article>``."""
        if verify:
            self.note(article)
        measures = f"{self.measure_in_full}{article}"
        if self.issuer.for_office:
            return f"依据{measures}"
        return f"依据{CONSUMER_LAW}{CONSUMER_LAW_ARTICLE}，参照{measures}"


def measure_name(rules: RuleSet) -> str:
    """The measures' exact name (``市场监督管理投诉举报处理办法``)."""
    return rules.measure_name


def order_number(rules: RuleSet) -> str:
    """The order issuing the measures, without its dates: ``国家市场监督管理总局令第121号``."""
    return rules.order.split("（", 1)[0].split("，", 1)[0].strip()


def citation(rules: RuleSet, purpose: str) -> tuple[str, bool]:
    """``(article, verify)`` the rule set cites for ``purpose``."""
    found = rules.citation(purpose)
    return found.article, bool(found.verify or not found.article)
