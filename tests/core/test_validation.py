import datetime as dt
import re
from decimal import Decimal

import pytest

from station_app.errors import FieldError
from station_app.validation import (
    credit_code_check_char,
    format_fen,
    id_number_birth_date,
    id_number_check_char,
    id_number_gender,
    is_mobile,
    mask_id_number,
    mask_name,
    mask_phone,
    normalize_credit_code,
    normalize_id_number,
    normalize_phone,
    normalize_region_code,
    parent_region_code,
    parse_yuan_to_fen,
    region_level,
)

TODAY = dt.date(2025, 6, 1)
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def assert_refused(error: pytest.ExceptionInfo[FieldError], field: str, *words: str) -> None:
    assert error.value.field == field
    assert CHINESE.search(error.value.message)
    assert error.value.message.endswith("。")
    for word in words:
        assert word in error.value.message


# --- ID numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("360426199101010071", "360426199101010071"),
        (" 3604 2619 9101 0100 71 ", "360426199101010071"),
        ("３６０４２６１９９１０１０１００７１", "360426199101010071"),
        (360426199101010071, "360426199101010071"),
        ("11010519491231002x", "11010519491231002X"),
    ],
)
def test_id_number_accepted_and_normalised(typed, stored):
    assert normalize_id_number(typed, today=TODAY) == stored


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("360426199101010072", ["校验位"]),
        ("360426199102300071", ["出生日期", "不是真实的日期"]),  # 30 February
        ("360426202612310071", ["晚于今天"]),
        ("36042619910101007", ["18位", "17位"]),
        ("3604261991010100711", ["19位"]),
        ("360426910101007", ["15位"]),
        ("36042619910101007Y", ["最后一位"]),
        ("3604261991O1010071", ["前17位"]),
        ("", ["请填写"]),
    ],
)
def test_id_number_refused(typed, words):
    with pytest.raises(FieldError) as error:
        normalize_id_number(typed, "complainant_id", today=TODAY)
    assert_refused(error, "complainant_id", *words)


def test_id_number_future_date_depends_on_today():
    typed = "360426202501010075"
    assert id_number_check_char(typed[:17]) == typed[17]
    assert normalize_id_number(typed, today=dt.date(2025, 1, 1)) == typed
    with pytest.raises(FieldError):
        normalize_id_number(typed, today=dt.date(2024, 12, 31))


def test_id_number_gender_and_birth_date():
    assert id_number_gender("360426199101010071") == "M"  # 17th digit 7
    female = "36042619910101006" + id_number_check_char("36042619910101006")
    assert id_number_gender(female) == "F"
    assert id_number_birth_date("360426199101010071") == dt.date(1991, 1, 1)
    with pytest.raises(FieldError):
        id_number_gender("360426199101010072")


# --- Credit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("91110108551385082Q", "91110108551385082Q"),
        ("91350100M000100Y43", "91350100M000100Y43"),
        ("91350100m000100y43", "91350100M000100Y43"),
        (" 9135 0100 M000 100Y43 ", "91350100M000100Y43"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_credit_code_accepted(typed, stored):
    assert normalize_credit_code(typed) == stored


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("91110108551385082R", ["校验位"]),
        ("91350100M000100Y44", ["校验位"]),
        ("91110108551385082", ["18位", "17位"]),
        ("91110108551385082QQ", ["19位"]),
        ("9111010855138508IQ", ["第17位", "I"]),
        ("91350100O000100Y43", ["第9位", "O"]),
        ("91350100S000100Y43", ["S"]),
        ("91350100V000100Y43", ["V"]),
        ("91350100Z000100Y43", ["Z"]),
        ("91350100-00100Y43A", ["第9位"]),
    ],
)
def test_credit_code_refused(typed, words):
    with pytest.raises(FieldError) as error:
        normalize_credit_code(typed, "respondent_credit_code")
    assert_refused(error, "respondent_credit_code", *words)


def test_credit_code_check_char_makes_valid_codes():
    assert credit_code_check_char("91110108551385082") == "Q"
    assert credit_code_check_char("91350100M000100Y4") == "3"
    first17 = "92360426MA35ABCD1"
    code = first17 + credit_code_check_char(first17)
    assert normalize_credit_code(code) == code
    with pytest.raises(ValueError):
        credit_code_check_char("9111010855138508I")


# --- Phones ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("0086-138-1234-5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        (13812345678, "13812345678"),
        ("0791-88881234", "0791-88881234"),
        ("0791 8888123", "0791-8888123"),
        ("(0791)88881234", "0791-88881234"),
        ("（０７９１）８８８８１２３４", "0791-88881234"),
        ("079188881234", "0791-88881234"),  # 4-digit area code told from its first digits
        ("01088881234", "010-88881234"),
        ("02188881234", "021-88881234"),
        ("010888812345", "010888812345"),  # the split is unclear: kept as typed
        ("", None),
        (None, None),
    ],
)
def test_phone_accepted(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("138123456789", ["11位", "12位"]),
        ("1381234567", ["10位"]),
        ("12812345678", ["手机号码"]),
        ("01-12345678", ["区号", "2位"]),
        ("0791-888812345", ["7到8位"]),
        ("88881234", ["区号"]),
        ("138-1234-567a", ["数字"]),
        ("079-1234", ["7到8位"]),
    ],
)
def test_phone_refused(typed, words):
    with pytest.raises(FieldError) as error:
        normalize_phone(typed, "contact_phone")
    assert_refused(error, "contact_phone", *words)


def test_is_mobile():
    assert is_mobile("+86 138-1234-5678")
    assert not is_mobile("0791-88881234")
    assert not is_mobile("1381234")
    assert not is_mobile(None)


# --- Region codes ------------------------------------------------------------------------------


def test_village_code_accepted():
    assert normalize_region_code("360426100201") == "360426100201"
    assert normalize_region_code(" 3604 2610 0201 ") == "360426100201"
    assert normalize_region_code(360426100201) == "360426100201"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("360426", ["村级", "县级"]),
        ("360426100", ["村级", "乡镇级"]),
        ("360426100000", ["乡镇级"]),  # a township padded to 12 digits, as in the national tables
        ("36042610020", ["11位"]),
        ("3604261002011", ["13位"]),
        ("36042610020A", ["数字"]),
        ("990426100201", ["省级"]),
        ("", ["请填写"]),
    ],
)
def test_village_code_refused(typed, words):
    with pytest.raises(FieldError) as error:
        normalize_region_code(typed)
    assert_refused(error, "village_code", *words)


def test_region_code_levels_allowed_by_parameter():
    levels = ("county", "town", "village")
    assert normalize_region_code("360426", "area", levels) == "360426"
    assert normalize_region_code("360426100", "area", levels) == "360426100"
    assert normalize_region_code("360426100000", "area", levels) == "360426100"
    assert normalize_region_code("360426000000", "area", levels) == "360426"
    with pytest.raises(FieldError) as error:
        normalize_region_code("360426100201", "town_code", ("town",))
    assert_refused(error, "town_code", "乡镇级")


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("360426100201", "village", "360426100"),
        ("360426100", "town", "360426"),
        ("360426100000", "town", "360426"),
        ("360426", "county", None),
    ],
)
def test_region_level_and_parent(code, level, parent):
    assert region_level(code) == level
    assert parent_region_code(code) == parent


# --- Masking -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("511921199001011234", "511921********1234"),
        ("11010519491231002x", "110105********002X"),
        ("511921900101123", "511921*****1123"),  # old 15-digit number
        ("5119211990", "******1990"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value, masked):
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("0791-88881234", "0791-****1234"),
        ("010-8888123", "010-***8123"),
        ("079188881234", "0791-****1234"),
        ("12345", "*****"),
        ("138123456789", "********6789"),
        ("not a phone", "*****hone"),
        (None, ""),
    ],
)
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("张三丰", "张**"),
        ("张三", "张*"),
        ("欧阳娜娜", "欧***"),
        ("张", "*"),
        (" 李 四 ", "李*"),
        ("", ""),
    ],
)
def test_mask_name(value, masked):
    assert mask_name(value) == masked


def test_masking_never_shows_the_birth_date_or_middle_digits():
    assert "19900101" not in mask_id_number("511921199001011234")
    assert "1234" not in mask_phone("13812345678")[:7]


# --- Money -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("1,234.5", 123450),
        ("１２３元", 12300),
        ("￥80", 8000),
        ("¥ 1 234.56", 123456),
        ("0.05", 5),
        (".5", 50),
        ("12.340", 1234),
        ("1.2万", 1200000),
        ("3万元", 3000000),
        ("12,345,678.90", 1234567890),
        (1234.5, 123450),
        (0.1 + 0.2, 30),  # a spreadsheet's float noise
        (7, 700),
        (Decimal("99.99"), 9999),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_yuan_parsed_to_fen(typed, fen):
    assert parse_yuan_to_fen(typed, "amount_paid") == fen


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("12.345", ["两位小数"]),
        (12.345, ["两位小数"]),
        ("-5", ["负数"]),
        ("-0.5元", ["负数"]),
        ("1,23", ["格式"]),
        ("12元5角", ["格式"]),
        ("abc", ["格式"]),
        ("1.2.3", ["格式"]),
        ("360426199101010071", ["10亿元"]),
        (True, ["格式"]),
        (float("nan"), ["格式"]),
    ],
)
def test_yuan_refused(typed, words):
    with pytest.raises(FieldError) as error:
        parse_yuan_to_fen(typed, "amount_paid")
    assert_refused(error, "amount_paid", *words)


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (123450, "1,234.50"),
        (0, "0.00"),
        (5, "0.05"),
        (100, "1.00"),
        (123456789012, "1,234,567,890.12"),
        (-250, "-2.50"),
        (None, ""),
    ],
)
def test_format_fen(fen, text):
    assert format_fen(fen) == text


@pytest.mark.parametrize("fen", [0, 1, 99, 100, 123450, 99999999])
def test_format_then_parse_round_trips(fen):
    assert parse_yuan_to_fen(format_fen(fen), "amount") == fen
