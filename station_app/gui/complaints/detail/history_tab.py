"""The 历史 tab: the moves of the complaint's state (办理经过) above every entry of its audit
log and of its workflow records' (全部登记和修改记录)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from station_app import codes
from station_app.actors import actor_label
from station_app.gui.complaints.dialogs.labels import action_label, code_label, ground_label
from station_app.registry.dossier import ComplaintDossier, TransitionEntry

from .history_model import WorkflowHistoryModel
from .record_table import RecordColumn, record_table
from .tab import DossierTab
from .wording import day_text


def status_change_text(move: TransitionEntry) -> str:
    return (
        f"{code_label('complaint_status', move.from_status)} → "
        f"{code_label('complaint_status', move.to_status)}"
    )


TRANSITION_COLUMNS = (
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "日期"), 6, lambda m: day_text(m.happened_on)
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "办理"), 5, lambda m: action_label(m.action)),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "状态变化"), 10, status_change_text),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "依据或结果"), 14, lambda m: reason_text(m)),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "说明"), 10, lambda m: m.reason or ""),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "经办人"), 5, lambda m: actor_label(m.actor)),
)


class HistoryTab(DossierTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transition_model, self.transition_table = self.add_records(
            TRANSITION_COLUMNS, 3, QCoreApplication.translate("ComplaintDetail", "办理经过"), 2
        )
        self.audit_model = WorkflowHistoryModel([], self)
        self.audit_view = self.add_view(
            record_table(self, self.audit_model, 4, [9, 5, 6, 9, 14, 8]),
            QCoreApplication.translate("ComplaintDetail", "全部登记和修改记录（北京时间）"),
            3,
        )

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.transition_model.show_records(dossier.transitions)
        self.audit_model.set_entries(dossier.history)


def reason_text(move: TransitionEntry) -> str:
    """The ground of a refusal or an ended mediation, an outcome, a satisfaction, a referral's
    target … as shown."""
    code = move.reason_code
    if not code:
        return ""
    if move.action in ("refuse", "end_mediation"):
        return ground_label(move.ground) if move.ground else code
    for list_name in ("outcome", "satisfaction", "referral_target"):
        if codes.code_list(list_name).contains(code):
            return code_label(list_name, code)
    return code
