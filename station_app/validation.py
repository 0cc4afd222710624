"""Checking and normalising the values officers type: ID numbers, credit codes, phones, region
codes and money; and masking personal information for display and export (PIPL).

Every ``normalize_*`` / ``parse_*`` function returns the value in its one stored form or raises
:class:`~station_app.errors.FieldError` naming the field, with one plain sentence (a template of
:mod:`station_app.messages`: Chinese, or English in an English window).
Masking functions never raise: odd input is masked conservatively.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Collection, Iterable
from decimal import Decimal, InvalidOperation
from typing import Literal

from station_app.clock import SYSTEM_CLOCK
from station_app.errors import FieldError
from station_app.messages import N_, msg, translate

Gender = Literal["M", "F"]
RegionLevel = Literal["county", "town", "village"]

_DIGITS = re.compile(r"[0-9]+")


def _clean(value: object) -> str:
    """``value`` as text: full-width characters folded (NFKC), all whitespace removed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(text.split())


# --- Resident ID number (GB 11643) --------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_PATTERN = re.compile(r"[0-9]{17}[0-9X]")


def id_number_check_char(first17: str) -> str:
    """The check character (``0``–``9`` or ``X``) of an ID number's first 17 digits."""
    if not re.fullmatch(r"[0-9]{17}", first17):
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def normalize_id_number(
    value: str | int, field: str = "id_number", today: dt.date | None = None
) -> str:
    """A resident ID number as 18 characters, a final ``x`` upper-cased.

    Digits 7–14 must be a real birth date not after ``today`` (default: today in China) and the
    last character must match the check character.
    """
    text = _clean(value).upper()
    if not text:
        raise FieldError(field, msg("请填写身份证号码。"))
    if len(text) == 15 and _DIGITS.fullmatch(text):
        raise FieldError(field, msg("这是15位的旧身份证号码，请填写18位的新号码。"))
    if len(text) != 18:
        raise FieldError(field, msg("身份证号码应为18位，现在是{count}位。", count=len(text)))
    if not _ID_PATTERN.fullmatch(text):
        raise FieldError(field, msg("身份证号码前17位只能是数字，最后一位是数字或X。"))
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise FieldError(
            field, msg("身份证号码中的出生日期（第7至14位）不是真实的日期。")
        ) from None
    if birth.year < 1900:
        raise FieldError(field, msg("身份证号码中的出生年份早于1900年，请核对。"))
    if birth > (today or SYSTEM_CLOCK.today()):
        raise FieldError(field, msg("身份证号码中的出生日期晚于今天，请核对。"))
    if id_number_check_char(text[:17]) != text[17]:
        raise FieldError(field, msg("身份证号码校验位不对，请核对最后一位。"))
    return text


def id_number_gender(id_number: str) -> Gender:
    """``"M"`` or ``"F"`` from a valid ID number's 17th digit (odd is male)."""
    text = normalize_id_number(id_number)
    return "M" if int(text[16]) % 2 else "F"


def id_number_birth_date(id_number: str) -> dt.date:
    """The birth date written in a valid ID number."""
    text = normalize_id_number(id_number)
    return dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))


# --- Unified social credit code (GB 32100) ------------------------------------------------------

_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    """The check character of a credit code's first 17 characters."""
    if len(first17) != 17 or any(c not in _CREDIT_CHARS for c in first17):
        raise ValueError(f"expected 17 credit-code characters, got {first17!r}")
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def normalize_credit_code(value: str | None, field: str = "credit_code") -> str | None:
    """An 18-character unified social credit code in upper case, or ``None`` when left empty
    (unlicensed traders have none)."""
    text = _clean(value).upper()
    if not text:
        return None
    if len(text) != 18:
        raise FieldError(field, msg("统一社会信用代码应为18位，现在是{count}位。", count=len(text)))
    for position, char in enumerate(text, start=1):
        if char not in _CREDIT_CHARS:
            raise FieldError(
                field,
                msg(
                    "统一社会信用代码第{position}位“{char}”不是允许的字符"
                    "（只用数字和大写字母，不用I、O、S、V、Z）。",
                    position=position,
                    char=char,
                ),
            )
    if credit_code_check_char(text[:17]) != text[17]:
        raise FieldError(field, msg("统一社会信用代码校验位不对，请核对最后一位。"))
    return text


# --- Phone numbers ------------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
_LANDLINE = re.compile(r"(0\d{2,3})-?(\d{7,8})", re.ASCII)
_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]+")
_AREA_TYPED_APART = re.compile(r"[(（]?(0\d*)(?:[)）]|[\s-])[\s-]*(\d[\d\s-]*)")


def _landline_area_length(digits: str) -> int:
    """Length of the area code that starts ``digits``: 010 and 02x have 3 digits, others 4."""
    return 3 if digits.startswith(("010", "02")) else 4


def normalize_phone(value: str | int | None, field: str = "phone") -> str | None:
    """A mobile number as 11 digits, or a landline as ``区号-号码``; ``None`` when left empty.

    ``+86``/``0086``, spaces, dashes and full-width digits are accepted. A landline keeps the
    area-code split when it was typed with a separator or can be told from the area code; else
    it keeps the digits as typed.
    """
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()
    if not text:
        return None
    text = re.sub(r"^(\+|00)\s*86[\s-]*", "", text)
    typed_apart = _AREA_TYPED_APART.fullmatch(text)
    digits = _PHONE_SEPARATORS.sub("", text)
    if not _DIGITS.fullmatch(digits):
        raise FieldError(field, msg("电话号码只能填数字，可用“-”分隔区号。"))
    if len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]
    if _MOBILE.fullmatch(digits):
        return digits
    if digits.startswith("1"):
        raise FieldError(field, msg("手机号码应为11位，现在是{count}位。", count=len(digits)))
    if not digits.startswith("0"):
        raise FieldError(field, msg("固定电话请带上以0开头的区号，例如 0791-88881234。"))
    if typed_apart:
        area, number = typed_apart.group(1), digits[len(typed_apart.group(1)) :]
        if not 3 <= len(area) <= 4:
            raise FieldError(
                field, msg("区号应为3到4位（含开头的0），现在是{count}位。", count=len(area))
            )
        if not 7 <= len(number) <= 8:
            raise FieldError(field, msg("固定电话号码（区号后面的部分）应为7到8位。"))
        return f"{area}-{number}"
    if not _LANDLINE.fullmatch(digits):
        raise FieldError(field, msg("固定电话应为3到4位区号加7到8位号码，请核对。"))
    split = _landline_area_length(digits)
    if 7 <= len(digits) - split <= 8:
        return f"{digits[:split]}-{digits[split:]}"
    return digits


def is_mobile(phone: str | None) -> bool:
    """Whether ``phone`` is (or normalises to) a mainland mobile number."""
    try:
        normalised = normalize_phone(phone)
    except FieldError:
        return False
    return normalised is not None and bool(_MOBILE.fullmatch(normalised))


# --- Statistical region codes (统计用区划代码) --------------------------------------------------

_LEVEL_LENGTHS: dict[RegionLevel, int] = {"county": 6, "town": 9, "village": 12}
_LEVEL_NAMES: dict[RegionLevel, str] = {
    "county": N_("县级"),
    "town": N_("乡镇级"),
    "village": N_("村级"),
}
_VILLAGE_ONLY: tuple[RegionLevel, ...] = ("village",)
_PROVINCES = frozenset(
    str(n)
    for n in (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46)
    + (50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82)
)


def _short_region_code(text: str) -> str:
    """A 12-digit code padded with zeros (``360426100000``) shortened to its level's length."""
    if len(text) == 12 and text.endswith("000000"):
        return text[:6]
    if len(text) == 12 and text.endswith("000"):
        return text[:9]
    return text


def normalize_region_code(
    value: str | int,
    field: str = "village_code",
    levels: Collection[RegionLevel] = _VILLAGE_ONLY,
) -> str:
    """A statistical region code: 12 digits for a village, 9 for a township, 6 for a county.

    Only the ``levels`` given are accepted. A township or county written as 12 digits padded
    with zeros, as in the national code tables, is shortened to 9 or 6 digits.
    """
    text = _clean(value)
    if not text:
        raise FieldError(field, msg("请填写区划代码。"))
    if not _DIGITS.fullmatch(text):
        raise FieldError(field, msg("区划代码只能由数字组成。"))
    text = _short_region_code(text)
    lengths = sorted(_LEVEL_LENGTHS[level] for level in levels)
    if len(text) not in _LEVEL_LENGTHS.values():
        wanted = _either(str(n) for n in lengths)
        raise FieldError(
            field,
            msg("区划代码应为{wanted}位数字，现在是{count}位。", wanted=wanted, count=len(text)),
        )
    if text[:2] not in _PROVINCES:
        raise FieldError(field, msg("区划代码的前两位不是有效的省级代码，请核对。"))
    level = next(lvl for lvl, n in _LEVEL_LENGTHS.items() if n == len(text))
    if level not in levels:
        wanted = _either(translate(_LEVEL_NAMES[lvl]) for lvl in _LEVEL_LENGTHS if lvl in levels)
        found = translate(_LEVEL_NAMES[level])
        raise FieldError(
            field,
            msg("这里需要{wanted}区划代码，填入的是{found}代码。", wanted=wanted, found=found),
        )
    return text


def _either(choices: Iterable[str]) -> str:
    """``6或12`` (``6 or 12`` in English)."""
    text = ""
    for choice in choices:
        text = msg("{first}或{then}", first=text, then=choice) if text else choice
    return text


def region_level(code: str) -> RegionLevel:
    """``"county"``, ``"town"`` or ``"village"`` for a region code of any level."""
    text = normalize_region_code(code, "region_code", levels=_LEVEL_LENGTHS.keys())
    return next(lvl for lvl, n in _LEVEL_LENGTHS.items() if n == len(text))


def parent_region_code(code: str) -> str | None:
    """The code one level up (village → township → county); ``None`` for a county."""
    text = normalize_region_code(code, "region_code", levels=_LEVEL_LENGTHS.keys())
    return {12: text[:9], 9: text[:6]}.get(len(text))


# --- Masking for display and export (PIPL) ------------------------------------------------------


def _mask_tail(text: str, keep: int = 4) -> str:
    """All but the last ``keep`` characters starred; everything starred when too short."""
    if len(text) < 2 * keep:
        return "*" * len(text)
    return "*" * (len(text) - keep) + text[-keep:]


def mask_id_number(value: str | None) -> str:
    """``511921199001011234`` → ``511921********1234``: region kept, birth date hidden."""
    text = _clean(value).upper()
    if len(text) == 18:
        return text[:6] + "*" * 8 + text[-4:]
    if len(text) == 15:
        return text[:6] + "*" * 5 + text[-4:]
    return _mask_tail(text)


def mask_phone(value: str | None) -> str:
    """``13812345678`` → ``138****5678``; ``0791-88881234`` → ``0791-****1234``."""
    try:
        phone = normalize_phone(value)
    except FieldError:
        phone = None
    if phone is None:
        return _mask_tail(_clean(value))
    if _MOBILE.fullmatch(phone):
        return phone[:3] + "****" + phone[-4:]
    area, _, number = phone.rpartition("-")
    if area:
        return f"{area}-" + "*" * (len(number) - 4) + number[-4:]
    return _mask_tail(phone)


def mask_name(value: str | None) -> str:
    """``张三丰`` → ``张**``; ``张三`` → ``张*``: the first character kept, the rest starred."""
    text = _clean(value)
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * (len(text) - 1)


# --- Money --------------------------------------------------------------------------------------

_LARGEST_FEN = 100_000_000_000  # 10亿元: anything larger is a slip (an ID number pasted here)
_AMOUNT = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?|\.\d+", re.ASCII)


def parse_yuan_to_fen(
    value: str | int | float | Decimal | None, field: str = "amount"
) -> int | None:
    """An amount of money in yuan, as officers type it, in integer fen; ``None`` when empty.

    Accepts ``1,234.5``, ``１２３元``, ``￥80``, ``1.2万`` and numbers read from spreadsheet
    cells. Refuses negatives, more than two decimal places and more than 10亿元.
    """
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise FieldError(field, msg("金额格式不对，请只填数字，例如 1234.50。"))
    if isinstance(value, float):
        # A spreadsheet cell: 12.3 stays 12.3; 0.1 + 0.2 rounds back to 0.30, 12.345 does not.
        exact = Decimal(repr(value))
        cents = exact.quantize(Decimal("0.01"))
        value = format(cents if abs(exact - cents) < Decimal("1e-9") else exact, "f")
    text = _clean(value).replace("¥", "").replace("人民币", "")
    if not text:
        return None
    if text.startswith("-"):
        raise FieldError(field, msg("金额不能是负数。"))
    multiplier = 1
    if text.endswith(("万元", "万")):
        multiplier = 10_000
        text = text.removesuffix("元").removesuffix("万")
    text = text.removesuffix("元")
    if not _AMOUNT.fullmatch(text):
        raise FieldError(field, msg("金额格式不对，请只填数字，例如 1234.50。"))
    try:
        fen = Decimal(text.replace(",", "")) * multiplier * 100
    except InvalidOperation:
        raise FieldError(field, msg("金额格式不对，请只填数字，例如 1234.50。")) from None
    if fen != fen.to_integral_value():
        raise FieldError(field, msg("金额最多只能有两位小数（到分）。"))
    if fen > _LARGEST_FEN:
        raise FieldError(field, msg("金额超过10亿元，请核对（单位是元）。"))
    return int(fen)


def format_fen(fen: int | None) -> str:
    """Integer fen as yuan with thousands separators: ``123450`` → ``1,234.50``; ``None`` → ``""``."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"
