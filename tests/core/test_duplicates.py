"""The registration warning that a dispute may already be handled (12315 number, open complaint)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from station_app.registry.complaints import draft_of, register_complaint
from station_app.registry.context import Context
from station_app.registry.duplicates import RECENT_DAYS, possible_duplicates
from station_app.registry.people import PersonDraft
from station_app.workflow import transitions


def test_a_new_consumer_and_shop_raise_no_warning(ctx: Context, make_complaint_draft) -> None:
    register_complaint(ctx, make_complaint_draft())
    other = make_complaint_draft(
        complainants=[PersonDraft(name="赵明", phone="13990001111")],
        respondent_name="另一家店",
        respondent_credit_code=None,
    )
    assert possible_duplicates(other) == []


def test_same_complainant_and_same_business_open_is_warned(ctx, make_complaint_draft) -> None:
    first = register_complaint(ctx, make_complaint_draft())
    # matched by phone (no ID number), the respondent by credit code even under another name
    again = make_complaint_draft(respondent_name="惠民农资（诺江店）")
    warnings = possible_duplicates(again)
    assert [(w.kind, w.number) for w in warnings] == [("same_parties", first.number)]
    assert first.number in warnings[0].message
    assert "可能已在处理" in warnings[0].message
    assert "李桂兰" not in warnings[0].message  # the name is masked
    # the complaint being edited is no duplicate of itself
    assert possible_duplicates(draft_of(first), exclude_id=first.id) == []


def test_the_respondent_matches_by_normalised_name_without_credit_code(ctx, make_complaint_draft):
    first = register_complaint(ctx, make_complaint_draft(respondent_credit_code=None))
    again = make_complaint_draft(
        respondent_credit_code=None, respondent_name=" 通江县诺江镇惠民农资店 "
    )
    assert [w.number for w in possible_duplicates(again)] == [first.number]
    elsewhere = make_complaint_draft(respondent_credit_code=None, respondent_name="诺江镇惠民超市")
    assert possible_duplicates(elsewhere) == []


def test_different_credit_codes_are_different_businesses(ctx, make_complaint_draft) -> None:
    register_complaint(ctx, make_complaint_draft())
    branch = make_complaint_draft(respondent_credit_code="91350100M000100Y43")
    assert possible_duplicates(branch) == []


def test_the_complainant_is_matched_by_id_number_first(ctx, make_complaint_draft) -> None:
    person = PersonDraft(name="李桂兰", phone="13881234567", id_number="360426199101010071")
    first = register_complaint(ctx, make_complaint_draft(complainants=[person]))
    new_phone = dataclasses.replace(person, phone="13700000000", name="李桂蘭")
    assert [
        w.number for w in possible_duplicates(make_complaint_draft(complainants=[new_phone]))
    ] == [first.number]
    # by name and village when neither ID number nor phone is given
    villager = PersonDraft(name="王德", village_code="511921100201")
    second = register_complaint(ctx, make_complaint_draft(complainants=[villager]))
    found = possible_duplicates(make_complaint_draft(complainants=[villager]))
    assert second.number in [w.number for w in found]
    elsewhere = PersonDraft(name="王德", village_code="511921100202")
    assert second.number not in [
        w.number for w in possible_duplicates(make_complaint_draft(complainants=[elsewhere]))
    ]


def test_a_finished_complaint_is_no_duplicate_after_thirty_days(ctx, make_complaint_draft) -> None:
    first = register_complaint(ctx, make_complaint_draft())
    transitions.withdraw(ctx, first.id, reason="已和解")
    # issue 17: the same parties within 30 days are warned even when the first is finished
    later = dt.datetime(2026, 11, 18, 9, 30) + dt.timedelta(days=RECENT_DAYS + 1)
    assert possible_duplicates(make_complaint_draft(received_at=later)) == []


def test_the_same_parties_within_thirty_days_are_warned_even_when_finished(
    ctx, make_complaint_draft
) -> None:
    first = register_complaint(ctx, make_complaint_draft())
    transitions.withdraw(ctx, first.id, reason="已和解")
    soon = dt.datetime(2026, 11, 18, 9, 30) + dt.timedelta(days=RECENT_DAYS - 1)
    [warning] = possible_duplicates(make_complaint_draft(received_at=soon))
    assert (warning.kind, warning.number) == ("same_parties_recent", first.number)
    assert "2026-11-18" in warning.message and "30 天内又来投诉" in warning.message
    assert "李桂兰" not in warning.message
    other_shop = make_complaint_draft(
        received_at=soon, respondent_name="别的店", respondent_credit_code=None
    )
    assert possible_duplicates(other_shop) == []


def test_a_12315_number_warns(ctx, make_complaint_draft) -> None:
    lodged = make_complaint_draft(hotline_number="1234567890", respondent_name="别家")
    [warning] = possible_duplicates(lodged)
    assert warning.kind == "hotline_lodged" and "12315" in warning.message
    # a 12315 referral is expected to carry one
    assert possible_duplicates(dataclasses.replace(lodged, channel="hotline_12315")) == []
    first = register_complaint(ctx, lodged)
    again = dataclasses.replace(
        lodged,
        channel="hotline_12315",
        complainants=[PersonDraft(name="另一人", phone="13990001111")],
    )
    [warning] = possible_duplicates(again)
    assert warning.kind == "same_hotline" and warning.number == first.number
    assert first.number in warning.message


def test_bad_values_as_typed_do_not_break_the_check(ctx, make_complaint_draft) -> None:
    register_complaint(ctx, make_complaint_draft())
    typed = make_complaint_draft(
        complainants=[PersonDraft(name="", phone="12", id_number="abc")],
        respondent_credit_code="bad",
        respondent_name="",
    )
    assert possible_duplicates(typed) == []
