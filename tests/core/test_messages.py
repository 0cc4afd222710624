"""Core names translated where they are shown (``messages.translate_name``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from station_app import messages
from station_app.messages import N_, translate_name
from station_app.workflow.mediation import MEDIATION_MODES

NAMES = {"phone": N_("电话调解"), "remote": N_("远程调解（视频、微信）")}


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_translator(lambda text, _d: {"电话调解": "By phone"}.get(text, ""))
    try:
        yield
    finally:
        messages.set_translator(None)


def test_a_known_code_is_named_in_the_windows_language(english: None) -> None:
    assert translate_name(NAMES, "phone") == "By phone"
    # a name the translator lacks stays Chinese, as the core wrote it
    assert translate_name(NAMES, "remote") == "远程调解（视频、微信）"


def test_an_unknown_code_is_shown_as_it_is_and_no_code_as_nothing(english: None) -> None:
    assert translate_name(NAMES, "carrier_pigeon") == "carrier_pigeon"
    assert translate_name(NAMES, None) == ""
    assert translate_name(NAMES, "") == ""


def test_without_a_translator_the_core_tables_name_in_chinese() -> None:
    assert translate_name(MEDIATION_MODES, "on_site") == "现场调解"
    # the stored texts (papers, the audit trail) are the tables' Chinese itself
    assert MEDIATION_MODES["phone"] == "电话调解"
