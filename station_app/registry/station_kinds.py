"""Who this station is in law, and so who issues its papers and which decisions it may take.

A station is one of three kinds:

* ``association`` (消协分会 / 投诉站): a branch or complaint station of the consumer association.
  It handles complaints under 消费者权益保护法第三十七条第一款第（五）项 and applies the SAMR
  measures only by reference (参照); its papers are the association's.
* ``entrusted`` (受委托站): entrusted by the market-regulation office (第十七条 of the 2026
  measures). Its papers are issued in the office's name, with the office's seal line.
* ``liaison`` (联络站): registers complaints and refers them to the office; it takes no acceptance
  decision and does not mediate.

The county's roster says which kind a station is (服务站 sheet, column 服务站类型, and 委托机关 for
an entrusted station). When no roster said it, the station head sets it on the 设置 screen (kept
as a setting). With neither, a station is taken as a consumer-association complaint station, the
way the program worked before the kinds existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app.changes import Changes
from station_app.errors import FieldError, ValidationFailed
from station_app.messages import N_, msg, translate_name
from station_app.settings import get_setting, set_setting, station_identity
from station_app.store.models import Station
from station_app.workflow.states import WorkflowRefused

ASSOCIATION = "association"
ENTRUSTED = "entrusted"
LIAISON = "liaison"
KINDS: tuple[str, ...] = (ASSOCIATION, ENTRUSTED, LIAISON)

# the names the roster and the settings screen use (the roster's first spelling is its value)
KIND_NAMES: dict[str, str] = {
    ASSOCIATION: N_("消协分会/投诉站"),
    ENTRUSTED: N_("受委托站"),
    LIAISON: N_("联络站"),
}
# what a county may write in the 服务站类型 column for each kind (compared without spaces)
KIND_ALIASES: dict[str, tuple[str, ...]] = {
    ASSOCIATION: (
        "消协分会/投诉站",
        "消协分会",
        "投诉站",
        "消协投诉站",
        "消费者协会分会",
        "消协分会投诉站",
        "消协",
        "分会",
        "消费维权投诉站",
        "association",
    ),
    ENTRUSTED: (
        "受委托站",
        "受委托",
        "委托站",
        "受委托服务站",
        "委托受理站",
        "市场监管委托站",
        "entrusted",
    ),
    LIAISON: ("联络站", "联络点", "维权联络站", "维权联络点", "联络站点", "liaison"),
}

# what a liaison point may not do: it registers and refers, the office decides and mediates
LIAISON_REFUSED: frozenset[str] = frozenset(
    {
        "accept",
        "refuse",
        "start_mediation",
        "record_mediation_step",
        "record_agreement",
        "end_mediation",
        "start_pause",
        "end_pause",
        "record_termination_notice",
        "reopen",  # a reopened complaint goes back into mediation
    }
)

STATION_KIND = "station.kind"
ENTRUSTING_OFFICE = "station.entrusting_office"
OFFICE_MAX_LENGTH = 100


def kind_of_text(text: str | None) -> str | None:
    """The kind a roster cell or a typed value names (``受委托站`` → ``entrusted``); ``None`` for
    an empty cell. Raises ``ValueError`` for a value that names no kind."""
    value = "".join((text or "").split()).replace("／", "/").lower()
    if not value:
        return None
    for kind, aliases in KIND_ALIASES.items():
        if value in (a.lower() for a in aliases):
            return kind
    raise ValueError(value)


def kind_name(kind: str) -> str:
    """The kind's Chinese name, as printed and as the roster writes it."""
    return KIND_NAMES.get(kind, kind)


def kind_label(kind: str) -> str:
    """The kind's name in the window's language."""
    return translate_name(KIND_NAMES, kind)


@dataclass(frozen=True)
class StationKind:
    """This station's kind, the entrusting office's name (entrusted stations) and where the kind
    came from: ``roster``, ``settings`` or ``default`` (nobody said)."""

    kind: str
    office: str | None
    source: str
    station_name: str

    @property
    def changes(self) -> Changes:
        """Saving the station's kind changes the ``station`` settings."""
        return Changes.of(settings=["station"])

    @property
    def is_liaison(self) -> bool:
        return self.kind == LIAISON

    @property
    def is_entrusted(self) -> bool:
        return self.kind == ENTRUSTED

    @property
    def set_by_roster(self) -> bool:
        return self.source == "roster"


def station_kind() -> StationKind:
    """This station's kind: the roster's word, else the settings', else a 消协 complaint station."""
    identity = station_identity(required=True)
    assert identity is not None
    row = Station.get_or_none((Station.code == identity.code) & (Station.deleted == False))  # noqa: E712
    office_setting = (get_setting(ENTRUSTING_OFFICE) or "").strip() or None
    if row is not None and row.kind in KINDS:
        office = (row.entrusting_office or "").strip() or office_setting
        return StationKind(row.kind, office, "roster", identity.name)
    chosen = get_setting(STATION_KIND)
    if chosen in KINDS:
        assert chosen is not None
        return StationKind(chosen, office_setting, "settings", identity.name)
    return StationKind(ASSOCIATION, office_setting, "default", identity.name)


def set_station_kind(kind: str, office: str | None = None) -> StationKind:
    """Set this station's kind on the settings screen (a write). Refused when the county's roster
    already says it, and for an entrusted station without the office's name."""
    current = station_kind()
    if current.set_by_roster and kind != current.kind:
        raise ValidationFailed(
            [
                FieldError(
                    "station_kind",
                    msg(
                        "本站类型由县里的名册规定为“{kind}”，不能在这里更改；如有错误，"
                        "请县里改正名册后重新下发。",
                        kind=kind_label(current.kind),
                    ),
                )
            ]
        )
    problems: list[FieldError] = []
    if kind not in KINDS:
        problems.append(FieldError("station_kind", msg("请选择本站类型。")))
    office = (office or "").strip()
    if len(office) > OFFICE_MAX_LENGTH:
        problems.append(
            FieldError(
                "entrusting_office",
                msg("委托机关名称不能超过 {limit} 个字。", limit=OFFICE_MAX_LENGTH),
            )
        )
    elif kind == ENTRUSTED and not office and not current.office:
        problems.append(
            FieldError(
                "entrusting_office",
                msg(
                    "受委托站的文书以委托机关的名义出具：请填写委托机关名称，如 某某县市场监督管理局。"
                ),
            )
        )
    if problems:
        raise ValidationFailed(problems)
    if not current.set_by_roster:
        set_setting(STATION_KIND, kind)
    if office:
        set_setting(ENTRUSTING_OFFICE, office)
    return station_kind()


def may_take(action: str, kind: StationKind | None = None) -> bool:
    """Whether this station's kind allows workflow ``action`` at all (its state aside)."""
    kind = kind or station_kind()
    return not (kind.is_liaison and action in LIAISON_REFUSED)


def check_station_may(action: str) -> None:
    """Refuse, with one plain sentence, an action this station's kind may not take."""
    if not may_take(action):
        raise WorkflowRefused(
            msg(
                "本站是联络站：只登记投诉并转交市场监督管理部门处理，不作受理或不予受理决定，"
                "也不组织调解。请用“转办”把这条投诉转给市场监管部门。"
            )
        )
