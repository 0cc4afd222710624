"""What a workflow dialog shows about the complaint it acts on, as plain data read at once.

The window's action dialogs (``station_app.gui.complaints.dialogs``) read the complaint through
:func:`action_subject` instead of holding the stored record: its number and version (the action
is refused when the complaint changed meanwhile), its state, the values the dialog starts from, and
the people whose consent the action may need.
"""

from __future__ import annotations

from dataclasses import dataclass

from station_app.registry.complaints import get_complaint
from station_app.store.models import Person
from station_app.workflow import consent, group_consent


@dataclass(frozen=True)
class PersonShown:
    id: int
    name: str  # unmasked: the dialog masks it
    phone: str | None = None  # unmasked: the dialog shows its last digits to tell people apart


@dataclass(frozen=True)
class ActionSubject:
    id: int
    number: str
    version: int
    status: str
    fraud: bool
    hotline_number: str
    consenting: tuple[PersonShown, ...]  # whose consent to pass details on counts
    missing_consent: tuple[PersonShown, ...]  # of those, who has not agreed to the respondent
    represented: tuple[PersonShown, ...]  # the complainants a group's representatives act for
    # per act of 第十一条 (group_consent.GROUP_ACTS): the represented still to consent
    missing_represented: dict[str, tuple[PersonShown, ...]]


def _shown(people: list[Person]) -> tuple[PersonShown, ...]:
    return tuple(
        PersonShown(id=person.id, name=person.name, phone=person.phone) for person in people
    )


def action_subject(complaint_id: int) -> ActionSubject:
    complaint = get_complaint(complaint_id)
    represented = _shown(group_consent.represented_people(complaint))
    missing = {
        act: _shown(group_consent.missing_represented_consent(complaint, act))
        if represented
        else ()
        for act in group_consent.GROUP_ACTS
    }
    return ActionSubject(
        id=complaint.id,
        number=complaint.number,
        version=complaint.version,
        status=complaint.status,
        fraud=bool(complaint.fraud),
        hotline_number=complaint.hotline_number or "",
        consenting=_shown(consent.consenting_people(complaint)),
        missing_consent=_shown(consent.missing_consent(complaint, consent.RESPONDENT)),
        represented=represented,
        missing_represented=missing,
    )
