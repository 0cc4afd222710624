"""A stored complaint as the registry and the workflow read it: found by id, its complainants,
and the check that a change is not made on a stale screen.

The bottom of the complaint's modules: ``station_app.registry.complaints`` (registering, editing)
and ``station_app.workflow`` (actions, consent) both build on it; it imports neither, so the
registry may call the workflow's consent rules while editing a complaint without a circle.
"""

from __future__ import annotations

from station_app.errors import RecordNotFound, StationError
from station_app.messages import msg
from station_app.registry.record_edits import live_row
from station_app.store.models import Complainant, Complaint


class VersionConflict(StationError):
    def __init__(self, number: str) -> None:
        super().__init__(msg("投诉 {number} 已被他人修改，请关闭后重新打开再改。", number=number))


def check_version(complaint: Complaint, expected_version: int | None) -> None:
    """Refuse a change made on a stale screen: the complaint is no longer at ``expected_version``
    (``None``: no check). Call inside the change's transaction, before writing."""
    if expected_version is not None and complaint.version != expected_version:
        raise VersionConflict(complaint.number)


def get_complaint(complaint_id: int) -> Complaint:
    return live_row(Complaint, complaint_id, msg("这条投诉不存在或已删除。"))


def complaint_by_number(number: str) -> Complaint:
    """The live complaint numbered ``number`` (spaces around it ignored); ``RecordNotFound``
    naming the number as given when there is none."""
    complaint = Complaint.get_or_none(
        (Complaint.number == number.strip()) & (Complaint.deleted == False)  # noqa: E712
    )
    if complaint is None:
        raise RecordNotFound(msg("没有编号为 {number} 的投诉。", number=number))
    return complaint


def complainants_of(complaint: Complaint) -> list[Complainant]:
    return list(
        Complainant.select()
        .where((Complainant.complaint == complaint) & (Complainant.deleted == False))  # noqa: E712
        .order_by(Complainant.position)
    )
