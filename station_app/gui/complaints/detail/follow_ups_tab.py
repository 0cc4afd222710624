"""The 回访 tab: each follow-up call or visit after the complaint was closed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from station_app.gui.complaints.dialogs.labels import code_label
from station_app.messages import translate_name
from station_app.registry.dossier import ComplaintDossier, FollowUpEntry
from station_app.workflow import transitions

from .record_table import RecordColumn
from .tab import DossierTab
from .wording import day_text, yes_no_text


def _method_text(f: FollowUpEntry) -> str:
    return translate_name(transitions.FOLLOW_UP_METHODS, f.method)


FOLLOW_UP_COLUMNS = (
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "回访日期"), 6, lambda f: day_text(f.followed_up_on)
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "方式"), 6, _method_text),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "满意度"),
        6,
        lambda f: code_label("satisfaction", f.satisfaction),
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "协议或承诺已履行"),
        8,
        lambda f: yes_no_text(f.carried_out),
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "回访情况"), 14, lambda f: f.note or ""),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "重新打开"), 5, lambda f: yes_no_text(f.reopened)
    ),
)


class FollowUpsTab(DossierTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_up_model, self.follow_up_table = self.add_records(FOLLOW_UP_COLUMNS, 4)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.follow_up_model.show_records(dossier.follow_ups)
