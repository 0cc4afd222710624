"""The rows of a complaint's history, in plain words: what the history dialog and the detail
window's 历史 tab both show. Audit entries come from the core as ``HistoryEntry`` (plain data).

The general words (actions, the complaint's fields) are in the context ``HistoryDialog``; the
workflow's records and moves in the window's context ``ComplaintDetail``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from station_app import codes
from station_app.actors import actor_label
from station_app.clock import utc_to_local
from station_app.documents import OUTPUT_REASONS, SAVED_PDF, document_output
from station_app.gui.complaints.dialogs.labels import (
    action_label,
    code_label,
    ground_label,
)
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.rows_model import RowColumn, RowsModel
from station_app.messages import translate_name
from station_app.registry.dossier import HistoryEntry
from station_app.validation import mask_id_number, mask_phone
from station_app.workflow import consent, mediation, states
from station_app.workflow.rule_sets import shipped_rule_sets

from .wording import DOCUMENT_TITLES, document_title, tr, yes_no_text

CONTEXT = "HistoryDialog"  # spelled out in QT_TRANSLATE_NOOP: lupdate reads literals only

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryDialog", "登记"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "修改"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "删除"),
    "transition": QT_TRANSLATE_NOOP("HistoryDialog", "办理状态变更"),
    "reveal": QT_TRANSLATE_NOOP("HistoryDialog", "查看完整个人信息"),
    "export": QT_TRANSLATE_NOOP("HistoryDialog", "导出"),
    "convert": QT_TRANSLATE_NOOP("HistoryDialog", "转为投诉"),
    "export_12315": QT_TRANSLATE_NOOP("HistoryDialog", "导出12315移交表"),  # new value: the file
    "import": QT_TRANSLATE_NOOP("HistoryDialog", "从旧台账导入"),  # registry.old_register
    "anonymise": QT_TRANSLATE_NOOP("HistoryDialog", "匿名化"),  # access.retention
}

FIELD_LABELS = {
    "received_at": QT_TRANSLATE_NOOP("HistoryDialog", "登记时间"),
    "channel": QT_TRANSLATE_NOOP("HistoryDialog", "投诉渠道"),
    "officer": QT_TRANSLATE_NOOP("HistoryDialog", "经办人"),
    "status": QT_TRANSLATE_NOOP("HistoryDialog", "办理状态"),
    "village_code": QT_TRANSLATE_NOOP("HistoryDialog", "所在村"),
    "is_group": QT_TRANSLATE_NOOP("HistoryDialog", "群体性投诉"),
    "group_size": QT_TRANSLATE_NOOP("HistoryDialog", "投诉人数"),
    "business": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉经营者"),
    "respondent_name": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉方名称"),
    "respondent_credit_code": QT_TRANSLATE_NOOP("HistoryDialog", "统一社会信用代码"),
    "respondent_address": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉方地址"),
    "respondent_phone": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉方电话"),
    "subject": QT_TRANSLATE_NOOP("HistoryDialog", "商品或服务"),
    "category_code": QT_TRANSLATE_NOOP("HistoryDialog", "大类"),
    "subcategory": QT_TRANSLATE_NOOP("HistoryDialog", "小类"),
    "natures": QT_TRANSLATE_NOOP("HistoryDialog", "投诉性质"),
    "primary_nature": QT_TRANSLATE_NOOP("HistoryDialog", "主要投诉性质"),
    "purchase_date": QT_TRANSLATE_NOOP("HistoryDialog", "购买日期"),
    "purchase_place": QT_TRANSLATE_NOOP("HistoryDialog", "购买地点"),
    "purchase_channel": QT_TRANSLATE_NOOP("HistoryDialog", "购买方式"),
    "amount_paid_fen": QT_TRANSLATE_NOOP("HistoryDialog", "实付金额"),
    "disputed_amount_fen": QT_TRANSLATE_NOOP("HistoryDialog", "争议金额"),
    "facts": QT_TRANSLATE_NOOP("HistoryDialog", "投诉事由"),
    "demands": QT_TRANSLATE_NOOP("HistoryDialog", "诉求"),
    "demand_text": QT_TRANSLATE_NOOP("HistoryDialog", "诉求说明"),
    "outcome": QT_TRANSLATE_NOOP("HistoryDialog", "处理结果"),
    "closed_on": QT_TRANSLATE_NOOP("HistoryDialog", "办结日期"),
    "recovered_fen": QT_TRANSLATE_NOOP("HistoryDialog", "挽回经济损失"),
    "punitive_fen": QT_TRANSLATE_NOOP("HistoryDialog", "加倍赔偿"),
    "fraud": QT_TRANSLATE_NOOP("HistoryDialog", "欺诈"),
    "hotline_number": QT_TRANSLATE_NOOP("HistoryDialog", "12315编号"),
    "remarks": QT_TRANSLATE_NOOP("HistoryDialog", "备注"),
    "visit": QT_TRANSLATE_NOOP("HistoryDialog", "来访记录"),
}
PERSON_LABELS = {
    "name": QT_TRANSLATE_NOOP("HistoryDialog", "姓名"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "电话"),
    "id_number": QT_TRANSLATE_NOOP("HistoryDialog", "身份证号码"),
    "address": QT_TRANSLATE_NOOP("HistoryDialog", "住址"),
    "village_code": QT_TRANSLATE_NOOP("HistoryDialog", "所在村"),
    "is_representative": QT_TRANSLATE_NOOP("HistoryDialog", "是否代表人"),
}

_names = {
    "channel": code_name(lambda: codes.code_list("channel")),
    "status": code_name(lambda: codes.code_list("complaint_status")),
    "outcome": code_name(lambda: codes.code_list("outcome")),
    "category_code": code_name(codes.category_list),
    "primary_nature": code_name(lambda: codes.code_list("nature")),
}
_multi = {
    "natures": code_name(lambda: codes.code_list("nature")),
    "demands": code_name(lambda: codes.code_list("demand")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(field: str | None) -> str:
    """``"complainants.0.phone"`` → ``投诉人电话`` (``投诉人2电话`` for the second)."""
    if not field:
        return ""
    if field.startswith("complainants."):
        _, position, attr = (field.split(".") + ["", ""])[:3]
        number = int(position) + 1 if position.isdigit() else 1
        who = (
            QCoreApplication.translate("HistoryDialog", "投诉人%1").replace("%1", str(number))
            if number > 1
            else QCoreApplication.translate("HistoryDialog", "投诉人")
        )
        # one message for the pair: English needs a separator that Chinese does not
        return (
            QCoreApplication.translate("HistoryDialog", "%1%2", "complainant, then their field")
            .replace("%1", who)
            .replace("%2", _tr(PERSON_LABELS.get(attr, attr)))
        )
    return _tr(FIELD_LABELS.get(field, field))


def value_text(field: str | None, value: str | None, known_as: str | None = None) -> str:
    """A logged value as an officer reads it: names for codes, yuan for fen, personal data masked.
    ``known_as`` is what an officer's id or a region's code stands for (the core looked it up)."""
    if value is None or value == "":
        return QCoreApplication.translate("HistoryDialog", "（空）")
    name = field or ""
    attr = name.rsplit(".", 1)[-1]
    if name.startswith("complainants.") and attr == "phone":
        return mask_phone(value)
    if attr == "id_number":
        return mask_id_number(value)
    if attr == "is_representative":
        yes = value in ("True", "1", "true")
        return QCoreApplication.translate("HistoryDialog", "是" if yes else "否")
    if name in _names:
        return _names[name](value)
    if name in _multi:
        separator = QCoreApplication.translate("HistoryDialog", "、", "between names in a list")
        return separator.join(_multi[name](code) for code in value.split(",") if code)
    if name == "officer" or attr == "village_code":
        return known_as or value
    if name.endswith("_fen") and value.lstrip("-").isdigit():
        fen = int(value)
        return f"{fen / 100:,.2f} " + QCoreApplication.translate("HistoryDialog", "元")
    return value


def local_time(at: Any) -> str:
    """An audit time (UTC) as China wall-clock time."""
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    if not isinstance(at, dt.datetime):
        return str(at)
    return utc_to_local(at).strftime("%Y-%m-%d %H:%M")


class HistoryModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = [
        QT_TRANSLATE_NOOP("HistoryDialog", "时间"),
        QT_TRANSLATE_NOOP("HistoryDialog", "操作人"),
        QT_TRANSLATE_NOOP("HistoryDialog", "操作"),
        QT_TRANSLATE_NOOP("HistoryDialog", "项目"),
        QT_TRANSLATE_NOOP("HistoryDialog", "原内容 → 新内容"),
        QT_TRANSLATE_NOOP("HistoryDialog", "原因"),
    ]

    def __init__(self, entries: Sequence[HistoryEntry] = (), parent: QWidget | None = None) -> None:
        columns = [RowColumn(h, lambda row, n=n: row[n]) for n, h in enumerate(self.HEADERS)]
        super().__init__(columns, parent)
        self._rows = [self._row(entry) for entry in entries]

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.set_rows([self._row(entry) for entry in entries])

    @staticmethod
    def _row(entry: HistoryEntry) -> tuple[str, ...]:
        action = _tr(ACTIONS.get(entry.action, entry.action))
        if entry.action == "update":
            change = (
                f"{value_text(entry.field, entry.old_value, entry.old_name)} → "
                f"{value_text(entry.field, entry.new_value, entry.new_name)}"
            )
        elif entry.action == "transition":
            change = f"{_names['status'](entry.old_value)} → {_names['status'](entry.new_value)}"
        else:
            change = entry.new_value or ""
        return (
            local_time(entry.at),
            actor_label(entry.actor),
            action,
            field_label(entry.field),
            change,
            entry.reason or "",
        )

    def row_texts(self) -> list[tuple[str, ...]]:
        return list(self._rows)


# what the history calls the workflow's records and their fields
TABLE_LABELS = {
    "mediation_step": QT_TRANSLATE_NOOP("ComplaintDetail", "调解记录"),
    "agreement": QT_TRANSLATE_NOOP("ComplaintDetail", "调解协议"),
    "referral": QT_TRANSLATE_NOOP("ComplaintDetail", "转办"),
    "follow_up": QT_TRANSLATE_NOOP("ComplaintDetail", "回访"),
    "mediation_pause": QT_TRANSLATE_NOOP("ComplaintDetail", "检测鉴定"),
    "consent_record": QT_TRANSLATE_NOOP("ComplaintDetail", "个人信息同意"),
    "attachment": QT_TRANSLATE_NOOP("ComplaintDetail", "附件"),
}
WORKFLOW_FIELDS = {
    "accepted_on": QT_TRANSLATE_NOOP("ComplaintDetail", "受理日期"),
    "not_accepted_ground": QT_TRANSLATE_NOOP("ComplaintDetail", "不予受理情形"),
    "mediation_clock_from": QT_TRANSLATE_NOOP("ComplaintDetail", "调解期限起算日"),
    "mediation_ended_on": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解日期"),
    "termination_ground": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解情形"),
    "termination_notified_on": QT_TRANSLATE_NOOP("ComplaintDetail", "终止告知日期"),
    "ended_on": QT_TRANSLATE_NOOP("ComplaintDetail", "结束日期"),
    "note": QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
    "carried_out": QT_TRANSLATE_NOOP("ComplaintDetail", "履行情况"),
    "carried_out_on": QT_TRANSLATE_NOOP("ComplaintDetail", "履行日期"),
    "reply_on": QT_TRANSLATE_NOOP("ComplaintDetail", "答复日期"),
    "reply": QT_TRANSLATE_NOOP("ComplaintDetail", "答复内容"),
    "external_number": QT_TRANSLATE_NOOP("ComplaintDetail", "对方案件编号"),
    "fine_fen": QT_TRANSLATE_NOOP("ComplaintDetail", "罚没款"),
    "withdrawn_at": QT_TRANSLATE_NOOP("ComplaintDetail", "撤回同意时间"),
}
# what the core stores (in Chinese) as the summary of a new workflow record, shown in the window's
# language: see record_created in workflow.consent, workflow.mediation and workflow.transitions
CREATED_SUMMARIES = {
    "consent_respondent": QT_TRANSLATE_NOOP("ComplaintDetail", "同意向被投诉方提供个人信息"),
    "refusal_respondent": QT_TRANSLATE_NOOP("ComplaintDetail", "不同意向被投诉方提供个人信息"),
    "consent": QT_TRANSLATE_NOOP("ComplaintDetail", "同意向%1提供个人信息"),
    "refusal": QT_TRANSLATE_NOOP("ComplaintDetail", "不同意向%1提供个人信息"),
    "referral": QT_TRANSLATE_NOOP("ComplaintDetail", "转办至%1"),
    "pause": QT_TRANSLATE_NOOP("ComplaintDetail", "%1，调解期限暂停"),
}
PRINTED = QT_TRANSLATE_NOOP("ComplaintDetail", "打印%1")
SAVED_AS_PDF = QT_TRANSLATE_NOOP("ComplaintDetail", "保存为 PDF：%1")
REASON_AND_NOTE = QT_TRANSLATE_NOOP("ComplaintDetail", "%1：%2")  # a move's reason and note
_CONSENT_SUMMARY = re.compile("(不?)同意向(.+)提供个人信息")


def _code_named(names: dict[str, str], name: str) -> str | None:
    """The code of one of the core's small dicts of Chinese names (调解方式, 检测鉴定类别)."""
    return next((code for code, known in names.items() if known == name), None)


def created_summary(table: str, text: str) -> str:
    """The summary the core stored in Chinese for a new workflow record, in the window's language
    (a summary it does not recognise is shown as stored)."""
    if table == "mediation_step":
        mode = _code_named(mediation.MEDIATION_MODES, text)
        return translate_name(mediation.MEDIATION_MODES, mode) if mode else text
    if table == "mediation_pause":
        name, _, rest = text.partition("，")
        kind = _code_named(mediation.PAUSE_KINDS, name)
        if kind and rest == "调解期限暂停":
            return tr(CREATED_SUMMARIES["pause"]).replace(
                "%1", translate_name(mediation.PAUSE_KINDS, kind)
            )
        return text
    if table == "follow_up":
        return code_label("satisfaction", codes.code_list("satisfaction").code_for(text) or text)
    targets = codes.code_list("referral_target")
    if table == "referral" and text.startswith("转办至"):
        target = targets.code_for(text.removeprefix("转办至"))
        if target:
            return tr(CREATED_SUMMARIES["referral"]).replace(
                "%1", code_label("referral_target", target)
            )
        return text
    found = _CONSENT_SUMMARY.fullmatch(text) if table == "consent_record" else None
    if found:
        refused, name = bool(found.group(1)), found.group(2)
        if name == consent.recipient_name(consent.RESPONDENT):
            return tr(CREATED_SUMMARIES["refusal_respondent" if refused else "consent_respondent"])
        target = targets.code_for(name)
        if target:
            template = CREATED_SUMMARIES["refusal" if refused else "consent"]
            return tr(template).replace("%1", code_label("referral_target", target))
    return text


def printed_reason(reason: str) -> str:
    """``打印<title>`` / ``保存为PDF：<title>`` (stored by ``documents.record_printed``) as
    shown."""
    found = document_output(reason)
    if found is None or found[1] not in DOCUMENT_TITLES:
        return reason
    how, kind = found
    template = SAVED_AS_PDF if how == SAVED_PDF else PRINTED
    printed_title = reason.removeprefix(OUTPUT_REASONS[how])
    return tr(template).replace("%1", document_title(kind, printed_title))


def reason_code_text(code: str) -> str:
    """A transition's reason code (an outcome, a satisfaction, a referral target, a ground of
    the rule sets; else an agreement number …) as shown."""
    for list_name in ("outcome", "satisfaction", "referral_target"):
        if codes.code_list(list_name).contains(code):
            return code_label(list_name, code)
    for rules in shipped_rule_sets():
        for ground in rules.not_accepted_grounds + rules.termination_grounds:
            if ground.code == code:
                return ground_label(ground)
    return code


class WorkflowHistoryModel(HistoryModel):
    """The complaint's audit entries and those of its workflow records, in plain words."""

    @staticmethod
    def _row(entry: HistoryEntry) -> tuple[str, ...]:
        row = list(HistoryModel._row(entry))
        if entry.action == "transition" and entry.reason:
            # stored as "<action or reason code>：<the officer's note>" (transitions.move)
            code, _, rest = entry.reason.partition("：")
            shown = action_label(code) if code in states.ACTIONS else reason_code_text(code)
            row[5] = tr(REASON_AND_NOTE).replace("%1", shown).replace("%2", rest) if rest else shown
        if entry.action == "create" and entry.table != "complaint" and entry.new_value:
            row[4] = created_summary(entry.table, entry.new_value)
        if entry.action == "export" and entry.reason:
            row[5] = printed_reason(entry.reason)
        if entry.action == "attach":
            row[2] = QCoreApplication.translate("ComplaintDetail", "添加附件")
            row[4] = entry.new_value or ""
        if entry.table != "complaint":
            item = tr(TABLE_LABELS.get(entry.table, entry.table))
            if entry.field:
                item += " · " + tr(WORKFLOW_FIELDS.get(entry.field, entry.field))
            row[3] = item
        elif entry.field in WORKFLOW_FIELDS:
            row[3] = tr(WORKFLOW_FIELDS[entry.field])
        if entry.action == "update" and entry.field in ("carried_out", "granted"):
            row[4] = f"{_bool_text(entry.old_value)} → {_bool_text(entry.new_value)}"
        return tuple(row)


def _bool_text(value: str | None) -> str:
    return value_text(None, value) if value not in ("是", "否") else yes_no_text(value == "是")
