"""The 调解 tab: mediation sessions, agreements, and testing or appraisal that paused the clock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from station_app.messages import translate_name
from station_app.registry.dossier import (
    ComplaintDossier,
    MediationStepEntry,
    PauseEntry,
)
from station_app.workflow import mediation

from .record_table import RecordColumn
from .tab import DossierTab
from .wording import day_text, yuan_text


def _mode_text(s: MediationStepEntry) -> str:
    return translate_name(mediation.MEDIATION_MODES, s.mode)


def _pause_kind_text(p: PauseEntry) -> str:
    return translate_name(mediation.PAUSE_KINDS, p.kind)


def _pause_end_text(p: PauseEntry) -> str:
    return day_text(p.ended_on) or QCoreApplication.translate("ComplaintDetail", "进行中")


STEP_COLUMNS = (
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "调解时间"),
        9,
        lambda s: s.held_at.strftime("%Y-%m-%d %H:%M"),
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "方式"), 5, _mode_text),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "调解人员"), 6, lambda s: s.mediators),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "到场人员"), 8, lambda s: s.attendance or ""),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "各方意见"), 12, lambda s: s.offers or ""),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "结果"), 8, lambda s: s.result or ""),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "下次调解"), 6, lambda s: day_text(s.next_on)
    ),
)
AGREEMENT_COLUMNS = (
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "协议编号"), 12, lambda a: a.number),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "签订日期"), 6, lambda a: day_text(a.signed_on)
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "协议内容"), 14, lambda a: a.terms),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "金额"), 7, lambda a: yuan_text(a.amount_fen)
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "履行期限"), 6, lambda a: day_text(a.perform_by)
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "履行情况"),
        9,
        lambda a: carried_out_text(a.carried_out, a.carried_out_on),
    ),
)
PAUSE_COLUMNS = (
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "类别"), 9, _pause_kind_text),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "开始日期"), 6, lambda p: day_text(p.started_on)
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "结束日期"), 6, _pause_end_text),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "机构"), 10, lambda p: p.institution or ""),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "说明"), 10, lambda p: p.note or ""),
)


class MediationTab(DossierTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_model, self.step_table = self.add_records(
            STEP_COLUMNS, 4, QCoreApplication.translate("ComplaintDetail", "调解记录"), 3
        )
        self.agreement_model, self.agreement_table = self.add_records(
            AGREEMENT_COLUMNS, 2, QCoreApplication.translate("ComplaintDetail", "调解协议"), 2
        )
        self.pause_model, self.pause_table = self.add_records(
            PAUSE_COLUMNS,
            4,
            QCoreApplication.translate("ComplaintDetail", "检测鉴定（期间调解期限暂停）"),
            2,
        )

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.step_model.show_records(dossier.mediation_steps)
        self.pause_model.show_records(dossier.pauses)
        self.agreement_model.show_records(dossier.agreements)


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
