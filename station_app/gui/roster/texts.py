"""How the roster wizard words a roster: part titles, counts, field values and changes, in the
translation contexts ``RosterWizard`` and ``RosterFields``."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app import codes
from station_app.messages import translate_name
from station_app.roster.diff import FieldChange
from station_app.roster.format import HOLIDAY_KIND_NAMES
from station_app.roster.parse import RosterRecord

PART_TITLES = {
    "station": QT_TRANSLATE_NOOP("RosterWizard", "服务站"),
    "officer": QT_TRANSLATE_NOOP("RosterWizard", "联络员"),
    "region": QT_TRANSLATE_NOOP("RosterWizard", "行政区划"),
    "business": QT_TRANSLATE_NOOP("RosterWizard", "经营者"),
    "code": QT_TRANSLATE_NOOP("RosterWizard", "代码表"),
    "holiday": QT_TRANSLATE_NOOP("RosterWizard", "节假日"),
}


# the column titles of the roster format (``station_app.roster.diff.FIELD_TITLES``), listed so that
# they are translated; a title missing here is shown as the core wrote it
_FIELD_TITLE_SOURCES = (
    QT_TRANSLATE_NOOP("RosterFields", "服务站编码"),
    QT_TRANSLATE_NOOP("RosterFields", "服务站名称"),
    QT_TRANSLATE_NOOP("RosterFields", "县级区划代码"),
    QT_TRANSLATE_NOOP("RosterFields", "所在乡镇代码"),
    QT_TRANSLATE_NOOP("RosterFields", "所在村代码"),
    QT_TRANSLATE_NOOP("RosterFields", "地址"),
    QT_TRANSLATE_NOOP("RosterFields", "联系电话"),
    QT_TRANSLATE_NOOP("RosterFields", "启用"),
    QT_TRANSLATE_NOOP("RosterFields", "姓名"),
    QT_TRANSLATE_NOOP("RosterFields", "所属服务站编码"),
    QT_TRANSLATE_NOOP("RosterFields", "职务"),
    QT_TRANSLATE_NOOP("RosterFields", "县（区）"),
    QT_TRANSLATE_NOOP("RosterFields", "乡镇代码"),
    QT_TRANSLATE_NOOP("RosterFields", "乡镇（街道）"),
    QT_TRANSLATE_NOOP("RosterFields", "村代码"),
    QT_TRANSLATE_NOOP("RosterFields", "村（社区）"),
    QT_TRANSLATE_NOOP("RosterFields", "名称"),
    QT_TRANSLATE_NOOP("RosterFields", "级别"),
    QT_TRANSLATE_NOOP("RosterFields", "上级代码"),
    QT_TRANSLATE_NOOP("RosterFields", "经营者名称"),
    QT_TRANSLATE_NOOP("RosterFields", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("RosterFields", "经营者类型"),
    QT_TRANSLATE_NOOP("RosterFields", "经营场所"),
    QT_TRANSLATE_NOOP("RosterFields", "法定代表人"),
    QT_TRANSLATE_NOOP("RosterFields", "代码表名"),
    QT_TRANSLATE_NOOP("RosterFields", "代码"),
    QT_TRANSLATE_NOOP("RosterFields", "英文名称"),
    QT_TRANSLATE_NOOP("RosterFields", "日期"),
    QT_TRANSLATE_NOOP("RosterFields", "类型"),
    QT_TRANSLATE_NOOP("RosterFields", "节日"),
)
_LEVELS = {
    "county": QT_TRANSLATE_NOOP("RosterFields", "县"),
    "town": QT_TRANSLATE_NOOP("RosterFields", "乡镇（街道）"),
    "village": QT_TRANSLATE_NOOP("RosterFields", "村（社区）"),
}
_HIDDEN_IN_NEW = {"name", "active", "code", "list_name"}  # name and key have their own columns


def translated(context: str, source: str) -> str:
    """A source string held in a variable (marked with ``QT_TRANSLATE_NOOP`` where it is written)."""
    return QCoreApplication.translate(context, source)


def part_title(part: str) -> str:
    source = PART_TITLES.get(part)
    return translated("RosterWizard", source) if source else part


def part_counts_text(part: str, counts: dict[str, int]) -> str:
    """``服务站：新增 1，变更 1，未变 0，停用 0``."""
    return (
        QCoreApplication.translate("RosterFields", "%1：%2")
        .replace("%1", part_title(part))
        .replace("%2", counts_text(counts, part))
    )


def counts_text(counts: dict[str, int], part: str | None = None) -> str:
    """``新增 3，变更 1，未变 10，停用 0`` (no 停用 for code lists and holidays)."""
    text = (
        QCoreApplication.translate("RosterWizard", "新增 %1，变更 %2，未变 %3")
        .replace("%1", f"{counts.get('new', 0):,}")
        .replace("%2", f"{counts.get('changed', 0):,}")
        .replace("%3", f"{counts.get('unchanged', 0):,}")
    )
    if part not in ("code", "holiday"):
        text += QCoreApplication.translate("RosterWizard", "，停用 %1").replace(
            "%1", f"{counts.get('gone', 0):,}"
        )
    return text


def value_text(field: str, value: object) -> str:
    """A roster value as an officer reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("RosterFields", "（空）")
    if value is True:
        return QCoreApplication.translate("RosterFields", "是")
    if value is False:
        return QCoreApplication.translate("RosterFields", "否")
    if field == "level" and value in _LEVELS:
        return translated("RosterFields", _LEVELS[str(value)])
    if field == "kind" and value in HOLIDAY_KIND_NAMES:
        return translate_name(HOLIDAY_KIND_NAMES, str(value))
    if field == "entity_type":
        try:
            return codes.code_list("entity_type").label(str(value))
        except codes.CodeListError:
            return str(value)
    return str(value)


def change_text(change: FieldChange) -> str:
    """``联系电话：13800000001 → 13900000002``."""
    return (
        QCoreApplication.translate("RosterFields", "%1：%2 → %3")
        .replace("%1", translated("RosterFields", change.title))
        .replace("%2", value_text(change.field, change.old))
        .replace("%3", value_text(change.field, change.new))
    )


def key_text(key: object) -> str:
    if isinstance(key, tuple):
        return " / ".join(str(part) for part in key if part)
    return str(key)


def new_record_text(record: RosterRecord, titles: dict[str, str]) -> str:
    """The filled-in values of a new record, apart from its name: ``联系电话：…；职务：…``."""
    shown = []
    for field, title in titles.items():
        value = record.values.get(field)
        if field in _HIDDEN_IN_NEW or value is None or value == "":
            continue
        shown.append(
            QCoreApplication.translate("RosterFields", "%1：%2")
            .replace("%1", translated("RosterFields", title))
            .replace("%2", value_text(field, value))
        )
    return QCoreApplication.translate("RosterFields", "；").join(shown)
