import json
import re

import pytest

from station_app import codes
from station_app.codes import (
    LIST_NAMES,
    CodeEntry,
    CodeList,
    CodeListError,
    UnknownCode,
    category_list,
    code_list,
    extend,
    lookup_key,
)
from station_app.errors import StationError
from station_app.paths import resource_path

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def fresh_code_lists():
    codes.reload_code_lists()
    yield
    codes.reload_code_lists()


@pytest.mark.parametrize("list_name", LIST_NAMES)
def test_every_file_loads_with_the_documented_shape(list_name):
    path = resource_path("codes", f"{list_name}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["list"] == list_name
    assert raw["version"] >= 1
    assert CHINESE.search(raw["title"])
    for entry in raw["codes"]:
        assert {"code", "name", "name_en", "active", "parent", "former_names"} <= entry.keys()
    loaded = code_list(list_name)
    assert len(loaded) == len(raw["codes"]) > 0
    assert loaded.version == raw["version"]


@pytest.mark.parametrize("list_name", LIST_NAMES)
def test_codes_unique_ascii_and_named_in_both_languages(list_name):
    entries = code_list(list_name).entries()
    assert len({e.code for e in entries}) == len(entries)
    for entry in entries:
        assert re.fullmatch(r"[A-Za-z0-9_]+", entry.code), entry.code
        assert CHINESE.search(entry.name) or entry.name.isdigit(), entry.name
        assert entry.name_en.isascii() and entry.name_en.strip(), entry.code
    assert len({lookup_key(e.name) for e in entries}) == len(entries)


def test_every_list_round_trips_names_to_codes():
    for list_name in LIST_NAMES:
        for entry in code_list(list_name).entries():
            assert code_list(list_name).code_for(entry.name) == entry.code
            assert code_list(list_name).name(entry.code) == entry.name


def test_domain_lists_have_the_expected_sizes():
    sizes = {name: len(code_list(name)) for name in LIST_NAMES}
    assert sizes["goods_category"] == 10
    assert sizes["service_category"] == 15  # 14 service categories + 其他商品和服务
    assert sizes["subcategory"] == 17
    assert sizes["right"] == 10
    assert sizes["channel"] == 9
    assert sizes["demand"] == 12  # DOMAIN.md's 11 + 二倍以下惩罚性赔偿 (消法第五十五条第二款)
    assert sizes["outcome"] == 8
    assert sizes["entity_type"] == 6
    assert sizes["education_event_type"] == 8  # 消费警示 and 消费提示 apart (issue 17)
    assert sizes["notice_channel"] == 8 and sizes["instrument"] == 6
    assert sizes["satisfaction"] == 4
    assert sizes["complaint_status"] == 10


def test_complaint_status_codes_are_the_workflow_states():
    assert [e.code for e in code_list("complaint_status").entries()] == [
        "registered",
        "accepted",
        "not_accepted",
        "referred",
        "in_mediation",
        "agreement_pending",
        "closed",
        "followed_up",
        "withdrawn",
        "mediation_ended",
    ]
    assert code_list("complaint_status").name("in_mediation") == "调解中"


def test_channel_codes():
    channel = code_list("channel")
    assert channel.code_for("12315转办") == "hotline_12315"
    assert channel.code_for("微信/网络") == "online"
    assert {e.code for e in channel.entries()} == {
        "visit",
        "phone",
        "letter",
        "online",
        "home_visit",
        "market",
        "hotline_12315",
        "county_referral",
        "business_referral",
    }


def test_nature_former_name_and_sub_code():
    nature = code_list("nature")
    assert nature.code_for("人格尊严") == "personality_rights"
    assert nature.code_for("人格权益") == "personality_rights"
    assert nature.name("personality_rights") == "人格权益"
    assert nature.entry("personality_rights").former_names == ("人格尊严",)
    assert nature.entry("personal_information").parent == "personality_rights"
    assert [e.code for e in nature.children("personality_rights")] == ["personal_information"]


@pytest.mark.parametrize(
    ("list_name", "typed", "code"),
    [
        ("nature", " 人格尊严 ", "personality_rights"),
        ("nature", "人格 尊严", "personality_rights"),
        ("nature", "personality_rights", "personality_rights"),
        ("nature", "False advertising", "false_advertising"),
        ("category", "烟，酒和饮料类", "G04"),
        ("category", "烟,酒和饮料类", "G04"),
        ("category", "烟酒和饮料类", "G04"),
        ("category", "生活、社会服务类", "S01"),
        ("category", "其他商品和服务", "O01"),
        ("category", "household electronics and appliances", "G01"),
        ("category", "g01", "G01"),
        ("category", "不存在的类别", None),
        ("category", "", None),
        ("education_event_type", "3.15宣传", "day_315"),
        ("education_event_type", "消费警示／提示", "consumer_warning"),
    ],
)
def test_code_for_is_tolerant(list_name, typed, code):
    codes_ = category_list() if list_name == "category" else code_list(list_name)
    assert codes_.code_for(typed) == code


def test_outcome_with_middle_dot_matches_other_dots():
    outcome = code_list("outcome")
    assert outcome.code_for("终止·未达成") == outcome.code_for("终止・未达成") == "no_agreement"


def test_category_list_kinds_split_goods_services_other():
    combined = category_list()
    kinds = {e.code: e.kind for e in combined.entries()}
    assert sum(k == "goods" for k in kinds.values()) == 10
    assert sum(k == "service" for k in kinds.values()) == 14
    assert kinds["O01"] == "other"
    assert kinds["G10"] == "goods" and combined.name("G10") == "农用生产资料类"
    assert kinds["S14"] == "service"
    assert len(combined) == 25


def test_subcategory_parents_are_categories():
    combined = category_list()
    for entry in code_list("subcategory").entries():
        assert entry.parent in combined, entry.code
    assert code_list("subcategory").entry("G0301").parent == "G03"  # 食品 under 食品类


def test_unknown_code_and_list_are_refused_in_chinese():
    with pytest.raises(UnknownCode) as error:
        code_list("nature").name("dignity")
    assert CHINESE.search(str(error.value))
    assert not code_list("nature").contains("dignity")
    with pytest.raises(CodeListError):
        code_list("no_such_list")


def test_active_entries_leave_out_retired_codes():
    extended = extend("demand", [{"code": "redo", "name": "重作", "active": False}])
    assert "redo" not in {e.code for e in extended.active_entries()}
    assert extended.contains("redo")
    assert extended.name("redo") == "重作"


# --- Extension by a county roster --------------------------------------------------------------


def test_extend_adds_new_codes_and_is_seen_by_later_lookups():
    extend("entity_type", [{"code": "rural_collective", "name": "村集体经济组织"}])
    entity_type = code_list("entity_type")
    assert entity_type.code_for("村集体经济组织") == "rural_collective"
    assert entity_type.name_en("rural_collective") == "村集体经济组织"  # no English given
    assert len(entity_type) == 7


def test_extend_renames_keeping_the_former_name():
    extended = extend("satisfaction", [{"code": "fairly_satisfied", "name": "比较满意"}])
    assert extended.name("fairly_satisfied") == "比较满意"
    assert extended.code_for("基本满意") == "fairly_satisfied"
    assert extended.entry("fairly_satisfied").former_names == ("基本满意",)


def test_extend_with_an_older_name_changes_nothing():
    before = code_list("nature").entry("personality_rights")
    after = extend("nature", [{"code": "personality_rights", "name": "人格尊严"}])
    assert after.entry("personality_rights") == before


def test_extend_twice_is_the_same_as_once():
    rows = [{"code": "G11", "name": "新能源产品类", "name_en": "New-energy products"}]
    once = extend("goods_category", rows).entries()
    assert extend("goods_category", rows).entries() == once
    assert category_list().entry("G11").kind == "goods"


def test_extend_keeps_codes_the_roster_leaves_out():
    extended = extend("channel", [{"code": "visit", "name": "来访"}])
    assert len(extended) == 9


@pytest.mark.parametrize(
    "rows",
    [
        [{"code": "dignity", "name": "人格尊严"}],  # another code's former name
        [{"code": "quality2", "name": "质量"}],  # another code's current name
        [{"code": "other", "name": "价格"}],  # renaming onto another code's name
        [{"code": "quality", "name": "质量"}, {"code": "quality", "name": "品质"}],
        [{"code": "质量问题", "name": "质量问题"}],  # not an ASCII code
        [{"code": "fraud", "name": ""}],
        [{"code": "personal_information", "name": "个人信息", "parent": "other"}],
        [{"code": "data", "name": "数据", "parent": "no_such_parent"}],
    ],
)
def test_extend_refuses_reuse_and_changes_nothing(rows):
    before = code_list("nature").entries()
    with pytest.raises(CodeListError) as error:
        extend("nature", rows)
    assert isinstance(error.value, StationError)
    assert CHINESE.search(str(error.value))
    assert code_list("nature").entries() == before


def test_subcategory_extension_checks_parent_against_categories():
    extend("subcategory", [{"code": "G1001", "name": "种子", "parent": "G10"}])
    assert code_list("subcategory").entry("G1001").parent == "G10"
    with pytest.raises(CodeListError):
        extend("subcategory", [{"code": "X0001", "name": "无主小类", "parent": "X00"}])


def test_extend_refuses_changing_a_category_kind():
    with pytest.raises(CodeListError):
        extend("service_category", [{"code": "S01", "name": "生活、社会服务类", "kind": "other"}])


@pytest.mark.parametrize(
    ("cell", "active"), [("否", False), ("停用", False), (0, False), ("是", True)]
)
def test_extend_reads_the_active_cell_of_a_roster(cell, active):
    extended = extend("demand", [{"code": "apology", "name": "赔礼道歉", "active": cell}])
    assert extended.entry("apology").active is active


def test_reload_forgets_extensions():
    extend("outcome", [{"code": "judged", "name": "法院判决"}])
    codes.reload_code_lists()
    assert not code_list("outcome").contains("judged")


def test_code_list_accepts_code_entries_directly():
    small = CodeList("demo", "示例", 1, [CodeEntry("a", "甲", "A")])
    bigger = small.extended([CodeEntry("b", "乙", "B")])
    assert (
        code_list("goods_category").extended([CodeEntry("G12", "新类", "New")]).entry("G12").kind
        == "goods"
    )
    assert [e.code for e in bigger.entries()] == ["a", "b"]
    assert len(small) == 1
    with pytest.raises(CodeListError):
        CodeList("demo", "示例", 1, [CodeEntry("a", "甲", "A"), CodeEntry("a", "乙", "B")])


@pytest.fixture
def english_labels():
    codes.set_display_language("en")
    yield
    codes.set_display_language("zh")


def test_labels_are_chinese_by_default():
    channel = code_list("channel")
    assert codes.display_language() == "zh"
    assert channel.label("visit") == channel.name("visit") == "来访"
    assert codes.label_of(channel.entry("visit")) == "来访"


@pytest.mark.usefixtures("english_labels")
def test_labels_follow_the_display_language():
    assert codes.display_language() == "en"
    for list_name in LIST_NAMES:
        for entry in code_list(list_name).entries():
            assert code_list(list_name).label(entry.code) == entry.name_en
            assert codes.label_of(entry) == entry.name_en
            assert not CHINESE.search(codes.label_of(entry)), entry.code
    assert category_list().label("G01") == category_list().name_en("G01")
    # looking codes up by what an officer typed is not affected
    assert code_list("channel").code_for("来访") == "visit"
    codes.set_display_language("zh")
    assert code_list("channel").label("visit") == "来访"


@pytest.mark.usefixtures("english_labels")
def test_label_of_an_unknown_code_is_refused():
    with pytest.raises(UnknownCode):
        code_list("channel").label("no_such_channel")


@pytest.mark.usefixtures("english_labels")
def test_a_roster_row_without_english_shows_its_chinese_name():
    extended = extend("outcome", [{"code": "judged", "name": "法院判决"}])
    assert extended.label("judged") == "法院判决"


@pytest.mark.parametrize("language", ["", "zh_CN", "EN", "fr"])
def test_set_display_language_refuses_other_values(language):
    with pytest.raises(ValueError):
        codes.set_display_language(language)
    assert codes.display_language() == "zh"
