"""Representatives of a group complaint (群体性投诉的代表人): how many a station may accept.

《市场监督管理投诉举报处理办法》(总局令第121号, 2026) 第十一条: many complainants choose
representatives in writing, at most two; a consumer association (消协) may allow up to five. What
the representatives do binds the group, except changing or withdrawing the complaint and signing a
mediation agreement, which need the represented complainants' consent (see
``station_app.workflow.group_consent``).

THE NUMBERS LIVE HERE, IN THIS ONE PLACE, until they move into the rule files
(``resources/rules/*.json``, cited through ``RuleSet.citation("representatives")``).
The station's kind comes from ``station_app.registry.station_kinds`` (the roster, else the settings;
a station that has not said is taken as a 消协 station, the common case).
"""

from __future__ import annotations

from collections.abc import Sequence

from station_app.errors import FieldError
from station_app.messages import N_, msg, translate
from station_app.registry import station_kinds
from station_app.registry.people import PersonDraft

# 2026 第十一条: two representatives at most; a 消协 may allow five
REPRESENTATIVE_LIMITS: dict[str, int] = {
    station_kinds.ASSOCIATION: 5,
    station_kinds.ENTRUSTED: 2,
    station_kinds.LIAISON: 2,
}
DEFAULT_LIMIT = 2  # any other kind: what the measures allow
BASIS = N_("《市场监督管理投诉举报处理办法》第十一条")


def representative_limit(kind: str | None = None) -> int:
    """How many representatives this station (or a station of ``kind``) may accept."""
    return REPRESENTATIVE_LIMITS.get(kind or station_kinds.station_kind().kind, DEFAULT_LIMIT)


def representative_problems(people: Sequence[PersonDraft], is_group: bool) -> list[FieldError]:
    """What is wrong with the representatives marked among ``people`` (validated drafts)."""
    chosen = [i for i, p in enumerate(people) if p.is_representative]
    if not chosen or not is_group:  # a single complaint has no representatives: flags dropped
        return []
    limit = representative_limit()
    if len(chosen) > limit:
        return [
            FieldError(
                f"complainants.{chosen[limit]}.is_representative",
                msg(
                    "群体性投诉最多推选 {limit} 名代表人（{basis}），现在选了 {count} 名。",
                    limit=limit,
                    basis=translate(BASIS),
                    count=len(chosen),
                ),
            )
        ]
    return []
