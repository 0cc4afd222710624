"""Search results say why each complaint matched: a snippet with the matched words marked."""

from __future__ import annotations

from station_app.registry.complaints import register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.registry.search import match_snippets, search_complaints, text_snippet

from ..conftest import complaint_draft


def marked(parts: tuple[tuple[str, bool], ...]) -> list[str]:
    return [text for text, matched in parts if matched]


def test_a_snippet_marks_every_word_and_keeps_the_text_around_the_first_match() -> None:
    facts = "去年在镇上买的复合肥结块严重，施用后玉米苗发黄，店主拒绝退货，复合肥还剩两袋。"
    snippet = text_snippet("facts", facts, ["复合肥", "玉米"], width=20)
    assert snippet is not None
    assert marked(snippet.parts) == ["复合肥", "玉米"]
    assert snippet.text in facts and len(snippet.text) == 20
    assert snippet.clipped_start and snippet.clipped_end  # a third of the width before it
    assert snippet.text.startswith("年在镇上买的复合肥")
    assert text_snippet("facts", facts, ["化肥"]) is None


def test_one_and_two_character_words_are_marked_too_and_case_is_folded() -> None:
    snippet = text_snippet("subject", "OPPO手机屏幕碎了", ["oppo", "屏"])
    assert snippet is not None
    assert marked(snippet.parts) == ["OPPO", "屏"]
    assert snippet.text == "OPPO手机屏幕碎了" and not snippet.clipped_start


def test_search_results_get_snippets_from_the_complaint_text_never_the_person(
    ctx: Context,
) -> None:
    fertiliser = register_complaint(ctx, complaint_draft())
    phone = register_complaint(
        ctx,
        complaint_draft(
            complainants=[PersonDraft(name="张复合", phone="13900001111")],
            subject="手机",
            facts="屏幕碎裂，商家不给换。",
            respondent_name="诺江手机店",
        ),
    )
    found = {row.id for row in search_complaints("复合肥 玉米")}
    assert found == {fertiliser.id}
    snippets = match_snippets(sorted(found), "复合肥 玉米")
    assert snippets[fertiliser.id].field == "facts"
    assert marked(snippets[fertiliser.id].parts) == ["复合肥", "玉米"]
    # found by the complainant's name only: no snippet shows it
    assert {row.id for row in search_complaints("张复合")} == {phone.id}
    assert match_snippets([phone.id], "张复合") == {}
    assert match_snippets([phone.id], "手机")[phone.id].field == "subject"
