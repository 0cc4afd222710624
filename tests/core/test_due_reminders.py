"""工作台's 到期提醒 as the core hands it over: grouped by kind, overdue first, parties masked."""

from __future__ import annotations

import datetime as dt

from station_app.registry.complaints import PersonDraft, register_complaint
from station_app.registry.context import Context
from station_app.workflow import transitions
from station_app.workflow.deadlines import (
    DUE_GROUP_ORDER,
    DueItem,
    complainant_text,
    due_items,
    due_reminders,
    group_due_items,
)

from ..conftest import complaint_draft

D = dt.date


def due(number: str, kind: str, deadline: dt.date, overdue: bool) -> DueItem:
    return DueItem(
        complaint_id=int(number),
        number=number,
        status="registered",
        received_on=D(2026, 11, 1),
        deadline_kind=kind,  # type: ignore[arg-type]
        deadline=deadline,
        overdue=overdue,
        due_soon=not overdue,
        estimated=False,
        working_days_left=-1 if overdue else 1,
    )


def test_groups_urgent_kinds_first_follow_ups_last_overdue_first_within() -> None:
    items = [
        due("1", "follow_up", D(2026, 11, 2), True),
        due("2", "accept", D(2026, 11, 20), False),
        due("3", "termination_notice", D(2026, 11, 19), False),
        due("4", "accept", D(2026, 11, 10), True),
        due("5", "mediation", D(2026, 11, 21), False),
        due("6", "accept", D(2026, 11, 18), False),
        due("7", "accept", D(2026, 11, 5), True),
        due("8", "follow_up", D(2026, 11, 19), False),
    ]
    parties = {4: ("张**", "惠民农资店")}
    groups = group_due_items(items, parties)
    assert [g.kind for g in groups] == list(DUE_GROUP_ORDER)
    assert [[r.item.number for r in g.reminders] for g in groups] == [
        ["7", "4", "6", "2"],
        ["5"],
        ["3"],
        ["1", "8"],
    ]
    assert [g.overdue for g in groups] == [2, 0, 0, 1]
    first = groups[0].reminders[1]
    assert (first.complainant, first.business) == ("张**", "惠民农资店")
    assert (groups[0].reminders[0].complainant, groups[0].reminders[0].business) == ("", "")
    # a kind with nothing due has no group
    assert [g.kind for g in group_due_items(items[:2])] == ["accept", "follow_up"]


def test_complainant_text_masks_and_counts_a_group() -> None:
    assert complainant_text("张三丰", False, 1) == "张**"
    assert complainant_text("张三丰", True, 15) == "张** 等15人"
    assert complainant_text(None, False, 1) == ""


def test_due_reminders_read_the_parties_of_the_due_complaints(ctx: Context) -> None:
    mediating = register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 9, 1, 9)))
    transitions.accept(ctx, mediating.id, on=D(2026, 9, 2))
    group = register_complaint(
        ctx,
        complaint_draft(
            received_at=dt.datetime(2026, 11, 2, 9),
            complainants=[
                PersonDraft(name="王建国", phone="13881234568", village_code="511921100201"),
                PersonDraft(name="赵小红", phone="13881234569", village_code="511921100201"),
            ],
            is_group=True,
            group_size=15,
            respondent_name="通江县某某手机店",
        ),
    )
    single = register_complaint(ctx, complaint_draft(received_at=dt.datetime(2026, 11, 16, 9)))
    on = D(2026, 11, 20)
    groups = due_reminders(on)
    assert [g.kind for g in groups] == ["accept", "mediation"]
    accept = [(r.item.complaint_id, r.complainant, r.business) for r in groups[0].reminders]
    assert accept == [
        (group.id, "王** 等15人", "通江县某某手机店"),  # overdue
        (single.id, "李**", "通江县诺江镇惠民农资店"),  # due soon
    ]
    assert [r.item.complaint_id for r in groups[1].reminders] == [mediating.id]
    # the same items as due_items, only grouped
    assert sorted(r.item for g in groups for r in g.reminders) == sorted(due_items(on))
