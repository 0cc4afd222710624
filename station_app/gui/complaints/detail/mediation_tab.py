"""The 调解 tab: mediation sessions, agreements, and testing or appraisal that paused the clock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from station_app.gui.complaints.dialogs import MODE_LABELS, PAUSE_LABELS, labelled
from station_app.registry.dossier import ComplaintDossier
from station_app.workflow import mediation

from .record_table import RecordRowsModel, heading, record_table
from .wording import day_text, yuan_text


class MediationTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "调解时间"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "调解人员"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "到场人员"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "各方意见"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "结果"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "下次调解"),
            ],
            self,
        )
        self.pause_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "类别"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "开始日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "结束日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "机构"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "说明"),
            ],
            self,
        )
        self.agreement_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议编号"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "签订日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议内容"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "金额"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "履行期限"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "履行情况"),
            ],
            self,
        )
        self.step_table = record_table(self, self.step_model, 4, [9, 5, 6, 8, 12, 8, 6])
        self.pause_table = record_table(self, self.pause_model, 4, [9, 6, 6, 10, 10])
        self.agreement_table = record_table(self, self.agreement_model, 2, [12, 6, 14, 7, 6, 9])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(QCoreApplication.translate("ComplaintDetail", "调解记录"), self))
        layout.addWidget(self.step_table, 3)
        layout.addWidget(heading(QCoreApplication.translate("ComplaintDetail", "调解协议"), self))
        layout.addWidget(self.agreement_table, 2)
        layout.addWidget(
            heading(
                QCoreApplication.translate("ComplaintDetail", "检测鉴定（期间调解期限暂停）"),
                self,
            )
        )
        layout.addWidget(self.pause_table, 2)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.step_model.set_rows(
            [
                (
                    s.id,
                    (
                        s.held_at.strftime("%Y-%m-%d %H:%M"),
                        labelled(MODE_LABELS, s.mode, mediation.MEDIATION_MODES),
                        s.mediators,
                        s.attendance or "",
                        s.offers or "",
                        s.result or "",
                        day_text(s.next_on),
                    ),
                )
                for s in dossier.mediation_steps
            ]
        )
        self.pause_model.set_rows(
            [
                (
                    p.id,
                    (
                        labelled(PAUSE_LABELS, p.kind, mediation.PAUSE_KINDS),
                        day_text(p.started_on),
                        day_text(p.ended_on)
                        or QCoreApplication.translate("ComplaintDetail", "进行中"),
                        p.institution or "",
                        p.note or "",
                    ),
                )
                for p in dossier.pauses
            ]
        )
        self.agreement_model.set_rows(
            [
                (
                    a.id,
                    (
                        a.number,
                        day_text(a.signed_on),
                        a.terms,
                        yuan_text(a.amount_fen),
                        day_text(a.perform_by),
                        carried_out_text(a.carried_out, a.carried_out_on),
                    ),
                )
                for a in dossier.agreements
            ]
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
