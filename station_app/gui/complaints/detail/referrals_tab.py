"""The 转办 tab: where the complaint was referred and what came back (登记转办答复)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from station_app.gui.complaints.dialogs import code_label
from station_app.registry.dossier import ComplaintDossier, ReferralEntry

from .record_table import selected_id
from .tab import DossierTab, button_row
from .wording import day_text, yes_no_text, yuan_text


class ReferralsTab(DossierTab):
    reply_requested = Signal(int)  # the referral's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.referral_model, self.referral_table = self.add_records(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "转办日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "去向"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "接收单位"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "交对方办理"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "附个人信息"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "答复日期"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "答复内容"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "对方编号"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "罚没款"),
            ],
            6,
            [6, 6, 8, 5, 5, 6, 10, 6, 6],
        )
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
        self.show_records(self.referral_model, dossier.referrals, referral_texts)
        self.update_buttons()


def referral_texts(r: ReferralEntry) -> tuple[str, ...]:
    return (
        day_text(r.referred_on),
        code_label("referral_target", r.target),
        r.agency_name or "",
        yes_no_text(r.hands_over),
        yes_no_text(r.with_personal_info),
        day_text(r.reply_on) or QCoreApplication.translate("ComplaintDetail", "未答复"),
        r.reply or "",
        r.external_number or "",
        yuan_text(r.fine_fen),
    )
