"""Amounts of money in Chinese capital numerals (大写金额), as written on agreements and receipts.

``123450`` fen → ``壹仟贰佰叁拾肆元伍角整``. The rules are the banks' (支付结算办法): 拾 is written
with its digit (壹拾元), one 零 stands for a run of zeros inside the number, 整 closes an amount
without 分, and an amount with 分 but no 角 writes 零 before the 分 (壹元零伍分).
"""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("仟", "佰", "拾", "")
_GROUPS = ("", "万", "亿", "万亿")


def _group_in_capitals(value: int) -> str:
    """0 < value < 10000, without leading 零: ``1004`` → ``壹仟零肆``."""
    text = ""
    zero_pending = False
    started = False
    for place, digit in zip(_PLACES, f"{value:04d}", strict=True):
        if digit == "0":
            zero_pending = started
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += DIGITS[int(digit)] + place
        started = True
    return text


def yuan_in_capitals(yuan: int) -> str:
    """A whole number of yuan without the unit: ``100010000`` → ``壹亿零壹万``; ``0`` → ``零``."""
    if yuan < 0:
        raise ValueError("amount must not be negative")
    if yuan == 0:
        return "零"
    groups: list[int] = []
    while yuan:
        yuan, group = divmod(yuan, 10_000)
        groups.append(group)
    if len(groups) > len(_GROUPS):
        raise ValueError("amount too large")
    text = ""
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(text)
            continue
        if text and (zero_pending or group < 1000):
            text += "零"
        text += _group_in_capitals(group) + _GROUPS[index]
        zero_pending = False
    return text


def amount_in_capitals(fen: int) -> str:
    """Integer fen as a capital-numeral amount: ``123450`` → ``壹仟贰佰叁拾肆元伍角整``."""
    if fen < 0:
        raise ValueError("amount must not be negative")
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    text = f"{yuan_in_capitals(yuan)}元" if yuan else ""
    if jiao:
        text += f"{DIGITS[jiao]}角"
    elif fen_digit and yuan:
        text += "零"
    if fen_digit:
        return text + f"{DIGITS[fen_digit]}分"
    return text + "整"
