"""The 调解 tab: mediation sessions, agreements, and testing or appraisal that paused the clock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from station_app.gui.complaints.dialogs import MODE_LABELS, PAUSE_LABELS, labelled
from station_app.registry.dossier import (
    AgreementEntry,
    ComplaintDossier,
    MediationStepEntry,
    PauseEntry,
)
from station_app.workflow import mediation

from .tab import DossierTab
from .wording import day_text, yuan_text


class MediationTab(DossierTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_model, self.step_table = self.add_records(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "调解时间"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "调解人员"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "到场人员"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "各方意见"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "结果"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "下次调解"),
            ],
            4,
            [9, 5, 6, 8, 12, 8, 6],
            QCoreApplication.translate("ComplaintDetail", "调解记录"),
            3,
        )
        self.agreement_model, self.agreement_table = self.add_records(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议编号"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "签订日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议内容"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "金额"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "履行期限"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "履行情况"),
            ],
            2,
            [12, 6, 14, 7, 6, 9],
            QCoreApplication.translate("ComplaintDetail", "调解协议"),
            2,
        )
        self.pause_model, self.pause_table = self.add_records(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "类别"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "开始日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "结束日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "机构"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
            ],
            4,
            [9, 6, 6, 10, 10],
            QCoreApplication.translate("ComplaintDetail", "检测鉴定（期间调解期限暂停）"),
            2,
        )

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.show_records(self.step_model, dossier.mediation_steps, step_texts)
        self.show_records(self.pause_model, dossier.pauses, pause_texts)
        self.show_records(self.agreement_model, dossier.agreements, agreement_texts)


def step_texts(s: MediationStepEntry) -> tuple[str, ...]:
    return (
        s.held_at.strftime("%Y-%m-%d %H:%M"),
        labelled(MODE_LABELS, s.mode, mediation.MEDIATION_MODES),
        s.mediators,
        s.attendance or "",
        s.offers or "",
        s.result or "",
        day_text(s.next_on),
    )


def pause_texts(p: PauseEntry) -> tuple[str, ...]:
    return (
        labelled(PAUSE_LABELS, p.kind, mediation.PAUSE_KINDS),
        day_text(p.started_on),
        day_text(p.ended_on) or QCoreApplication.translate("ComplaintDetail", "进行中"),
        p.institution or "",
        p.note or "",
    )


def agreement_texts(a: AgreementEntry) -> tuple[str, ...]:
    return (
        a.number,
        day_text(a.signed_on),
        a.terms,
        yuan_text(a.amount_fen),
        day_text(a.perform_by),
        carried_out_text(a.carried_out, a.carried_out_on),
    )


def carried_out_text(done: bool | None, on: dt.date | None) -> str:
    if done is None:
        return QCoreApplication.translate("ComplaintDetail", "待履行")
    if done:
        return (
            QCoreApplication.translate("ComplaintDetail", "已履行 %1")
            .replace("%1", day_text(on))
            .strip()
        )
    return QCoreApplication.translate("ComplaintDetail", "未履行")
