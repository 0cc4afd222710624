"""The 回访 tab: each follow-up call or visit after the complaint was closed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from station_app.gui.complaints.dialogs import FOLLOW_UP_LABELS, code_label, labelled
from station_app.registry.dossier import ComplaintDossier, FollowUpEntry
from station_app.workflow import transitions

from .tab import DossierTab
from .wording import day_text, yes_no_text


class FollowUpsTab(DossierTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_up_model, self.follow_up_table = self.add_records(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "回访日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "满意度"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "协议或承诺已履行"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "回访情况"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "重新打开"),
            ],
            4,
            [6, 6, 6, 8, 14, 5],
        )

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.show_records(self.follow_up_model, dossier.follow_ups, follow_up_texts)


def follow_up_texts(f: FollowUpEntry) -> tuple[str, ...]:
    return (
        day_text(f.followed_up_on),
        labelled(FOLLOW_UP_LABELS, f.method, transitions.FOLLOW_UP_METHODS),
        code_label("satisfaction", f.satisfaction),
        yes_no_text(f.carried_out),
        f.note or "",
        yes_no_text(f.reopened),
    )
