"""The 转办 tab: where the complaint was referred and what came back (登记转办答复)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from station_app.gui.complaints.dialogs.labels import code_label
from station_app.registry.dossier import ComplaintDossier, ReferralEntry

from .record_table import RecordColumn, selected_id
from .tab import DossierTab, button_row
from .wording import day_text, yes_no_text, yuan_text


def reply_day_text(r: ReferralEntry) -> str:
    return day_text(r.reply_on) or QCoreApplication.translate("ComplaintDetail", "未答复")


REFERRAL_COLUMNS = (
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "转办日期"), 6, lambda r: day_text(r.referred_on)
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "去向"),
        6,
        lambda r: code_label("referral_target", r.target),
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "接收单位"), 8, lambda r: r.agency_name or ""
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "交对方办理"), 5, lambda r: yes_no_text(r.hands_over)
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "附个人信息"),
        5,
        lambda r: yes_no_text(r.with_personal_info),
    ),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "答复日期"), 6, reply_day_text),
    RecordColumn(QT_TRANSLATE_NOOP("ComplaintDetail", "答复内容"), 10, lambda r: r.reply or ""),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "对方编号"), 6, lambda r: r.external_number or ""
    ),
    RecordColumn(
        QT_TRANSLATE_NOOP("ComplaintDetail", "罚没款"), 6, lambda r: yuan_text(r.fine_fen)
    ),
)


class ReferralsTab(DossierTab):
    reply_requested = Signal(int)  # the referral's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.referral_model, self.referral_table = self.add_records(REFERRAL_COLUMNS, 6)
        self.referral_table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.referral_table.doubleClicked.connect(lambda _index: self.request_reply())
        self.reply_button, buttons = button_row(
            self,
            QCoreApplication.translate("ComplaintDetail", "登记转办答复"),
            "replyButton",
            self.request_reply,
        )
        self.tables.addLayout(buttons)

    def selected_referral(self) -> int | None:
        return selected_id(self.referral_table)

    def request_reply(self) -> None:
        referral_id = self.selected_referral()
        if referral_id is not None:
            self.reply_requested.emit(referral_id)

    def update_buttons(self) -> None:
        self.reply_button.setEnabled(self.selected_referral() is not None)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.referral_model.show_records(dossier.referrals)
        self.update_buttons()
