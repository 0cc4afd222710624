"""What the workflow dialogs and the detail window call actions, recipients and grounds (source
strings marked for translation in the context ``WorkflowDialogs``), code-list entries, and the
choices of the core's tables of names (modes, pauses, methods: ``name_choices``)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app import codes
from station_app.messages import translate_name
from station_app.workflow import consent, group_consent
from station_app.workflow.rule_sets import Ground

CONTEXT = "WorkflowDialogs"


# what the buttons and dialogs call each action (the core's ``Action.name`` in Chinese)
ACTION_LABELS: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("WorkflowDialogs", "受理"),
    "refuse": QT_TRANSLATE_NOOP("WorkflowDialogs", "不予受理"),
    "refer": QT_TRANSLATE_NOOP("WorkflowDialogs", "转办"),
    "start_mediation": QT_TRANSLATE_NOOP("WorkflowDialogs", "开始调解"),
    "record_agreement": QT_TRANSLATE_NOOP("WorkflowDialogs", "调解协议"),
    "close": QT_TRANSLATE_NOOP("WorkflowDialogs", "办结"),
    "end_mediation": QT_TRANSLATE_NOOP("WorkflowDialogs", "终止调解"),
    "withdraw": QT_TRANSLATE_NOOP("WorkflowDialogs", "撤回"),
    "follow_up": QT_TRANSLATE_NOOP("WorkflowDialogs", "回访"),
    "reopen": QT_TRANSLATE_NOOP("WorkflowDialogs", "重新打开"),
    "record_mediation_step": QT_TRANSLATE_NOOP("WorkflowDialogs", "调解记录"),
    "start_pause": QT_TRANSLATE_NOOP("WorkflowDialogs", "检测鉴定开始"),
    "end_pause": QT_TRANSLATE_NOOP("WorkflowDialogs", "检测鉴定结束"),
    "record_carried_out": QT_TRANSLATE_NOOP("WorkflowDialogs", "协议履行"),
    "record_termination_notice": QT_TRANSLATE_NOOP("WorkflowDialogs", "终止告知"),
}
CONSENT_PREFIX = group_consent.CONSENT_FIELDS  # field names of the represented's consent rows
RESPONDENT_LABEL = QT_TRANSLATE_NOOP("WorkflowDialogs", "被投诉方")


def tr(text: str) -> str:
    """A source string of this module (marked with ``QT_TRANSLATE_NOOP``) in the window's language."""
    return QCoreApplication.translate(CONTEXT, text)


def action_label(action: str) -> str:
    return tr(ACTION_LABELS[action]) if action in ACTION_LABELS else action


def name_choices(names: Mapping[str, str]) -> list[tuple[str, str]]:
    """A combo's choices from one of the core's tables of names (``MEDIATION_MODES`` …): each
    code with its name in the window's language."""
    return [(code, translate_name(names, code)) for code in names]


def code_label(list_name: str, code: str | None) -> str:
    """A code list entry as shown (Chinese, or English in an English window)."""
    if not code:
        return ""
    found = codes.code_list(list_name)
    return found.label(code) if found.contains(code) else code


def recipient_label(code: str) -> str:
    return (
        tr(RESPONDENT_LABEL) if code == consent.RESPONDENT else code_label("referral_target", code)
    )


def ground_label(ground: Ground) -> str:
    """A ground as the officer picks it: its item in the measures and its words."""
    if codes.display_language() == "en":
        return ground.name_en
    return f"{ground.item}　{ground.name_zh}"
