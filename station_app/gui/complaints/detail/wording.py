"""Words the detail window and its tabs share, all in the translation context of the window
(``ComplaintDetail``): names of papers, and days, money and yes/no as shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app.gui.complaints.table_model import days_left_text
from station_app.registry.dossier import ComplaintDossier, RunningDeadline
from station_app.registry.people import complainants_text
from station_app.validation import format_fen, mask_name, mask_phone
from station_app.workflow.deadlines import deadline_name

CONTEXT = "ComplaintDetail"  # the window's class name: its translations' context

DOCUMENT_TITLES = {
    "registration": QT_TRANSLATE_NOOP("ComplaintDetail", "投诉登记表"),
    "acceptance_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "受理告知书"),
    "not_accepted_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "不予受理告知书"),
    "mediation_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "投诉调解通知书"),
    "mediation_agreement": QT_TRANSLATE_NOOP("ComplaintDetail", "调解协议书"),
    "termination_notice": QT_TRANSLATE_NOOP("ComplaintDetail", "终止调解告知书"),
    "follow_up_record": QT_TRANSLATE_NOOP("ComplaintDetail", "回访记录表"),
}


def tr(text: str, comment: str | None = None) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("ComplaintDetail", …)``, translated."""
    return QCoreApplication.translate(CONTEXT, text, comment)


def day_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def yuan_text(fen: int | None) -> str:
    return (
        ""
        if fen is None
        else format_fen(fen) + " " + QCoreApplication.translate("ComplaintDetail", "元")
    )


def yes_no_text(value: bool | None) -> str:
    if value is None:
        return QCoreApplication.translate("ComplaintDetail", "未知")
    return (
        QCoreApplication.translate("ComplaintDetail", "是")
        if value
        else QCoreApplication.translate("ComplaintDetail", "否")
    )


def document_title(kind: str, title: str) -> str:
    """A paper's title as the window shows it: as printed (it depends on who issues it), or the
    kind's translated name in a window in another language."""
    if kind in DOCUMENT_TITLES and tr(DOCUMENT_TITLES[kind]) != DOCUMENT_TITLES[kind]:
        return tr(DOCUMENT_TITLES[kind])
    return title


def people_text(dossier: ComplaintDossier, full: bool = False) -> str:
    """The first complainant, masked (``李**（138****4567）``) unless ``full`` (the handling
    officer's view), and how many they are."""
    if not dossier.complainants:
        return ""
    first = dossier.complainants[0]
    text = first.name if full else mask_name(first.name)
    if first.phone:
        text += "（" + (first.phone if full else mask_phone(first.phone)) + "）"
    return complainants_text(text, dossier.complaint.is_group, dossier.complaint.group_size)


def deadline_text(deadline: RunningDeadline) -> tuple[str, str]:
    """The banner's sentence for the running deadline, and its state: ``overdue``, ``soon``,
    ``normal`` or ``paused`` (its colours)."""
    name = deadline_name(deadline.kind)
    if deadline.date is None:
        text = (
            QCoreApplication.translate(
                "ComplaintDetail", "%1暂停：检测鉴定中，自 %2 起暂停计算，尚余 %3 天"
            )
            .replace("%1", name)
            .replace("%2", day_text(deadline.paused_since))
            .replace("%3", str(deadline.remaining))
        )
        state = "paused"
    else:
        how = days_left_text(deadline.overdue, deadline.working_days_left)
        state = "overdue" if deadline.overdue else "soon" if deadline.due_soon else "normal"
        text = (
            QCoreApplication.translate("ComplaintDetail", "%1：%2 前（%3）")
            .replace("%1", name)
            .replace("%2", deadline.date.isoformat())
            .replace("%3", how)
        )
    if deadline.estimated:
        text += QCoreApplication.translate(
            "ComplaintDetail", "（估算：该年节假日安排尚未公布，按周一至周五计算）"
        )
    return text, state
