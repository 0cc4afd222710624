"""转办 and the reply of the body a complaint was referred to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from station_app import codes
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs.base import ActionDialog
from station_app.gui.complaints.dialogs.labels import code_label
from station_app.gui.widgets.combos import combo_value
from station_app.registry.context import Context
from station_app.validation import parse_yuan_to_fen
from station_app.workflow import transitions
from station_app.workflow.action_subject import ActionSubject


class ReferDialog(ActionDialog):
    ACTION = "refer"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("连同投诉人个人信息一起转办的，须先登记投诉人对该去向的同意。"))
        targets = codes.code_list("referral_target").active_entries()
        self.target = self.add_combo(
            self.tr("转办去向"),
            "target",
            [(e.code, codes.label_of(e)) for e in targets],
            self.tr("请选择"),
        )
        self.agency = self.add_line(
            self.tr("接收单位"), "agency_name", self.tr("例如：通江县市场监督管理局诺江所")
        )
        self.day = self.add_date(self.tr("转办日期"), "referred_on")
        self.hands_over = self.add_check(
            self.tr("交对方办理（投诉状态改为“已转办”）"), "hands_over", True
        )
        self.with_info = self.add_check(
            self.tr("附投诉人姓名、电话等个人信息"), "with_personal_info", True
        )
        self.reason = self.add_text(self.tr("转办原因"), "reason", self.tr("可不填"), 2)
        self.add_consent(
            complaint.consenting,
            self.tr(
                "附个人信息转办的，请问投诉人：是否同意把姓名、电话等提供给所选的转办去向？"
                "请勾选同意的人（已同意过的不必再勾）。"
            ),
            lambda: combo_value(self.target) if self.with_info.isChecked() else None,
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = transitions.ReferralDraft(
            target=combo_value(self.target) or "",
            referred_on=self.date_of(self.day),
            agency_name=self.text_of(self.agency),
            hands_over=self.hands_over.isChecked(),
            with_personal_info=self.with_info.isChecked(),
            reason=self.text_of(self.reason),
        )
        cid, version = self.complaint_id, self.version
        return self.with_consent(
            ctx, lambda: transitions.refer(ctx, cid, draft, expected_version=version)
        )


class ReferralReplyDialog(ActionDialog):
    """转办答复: what the body a complaint went to answered (no change of state)."""

    def __init__(
        self,
        app: AppContext,
        complaint_id: int,
        referral_id: int,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        self.referral = transitions.get_referral(referral_id)
        super().__init__(app, complaint_id, parent, version)

    def build(self, complaint: ActionSubject) -> None:
        self.setWindowTitle(self.tr("转办答复 - 投诉 %1").replace("%1", self.number))
        referral = self.referral
        self.set_intro(
            self.tr("%1 转至 %2 的答复。")
            .replace("%1", referral.referred_on.isoformat())
            .replace("%2", referral.agency_name or code_label("referral_target", referral.target))
        )
        self.day = self.add_date(self.tr("答复日期"), "reply_on", referral.reply_on)
        self.reply = self.add_text(self.tr("答复内容"), "reply", "", 4)
        self.reply.setPlainText(referral.reply or "")
        self.external = self.add_line(self.tr("对方案件编号"), "external_number")
        self.external.setText(referral.external_number or "")
        self.fine = self.add_line(self.tr("罚没款（元）"), "fine_fen", self.tr("没有可不填"))
        if referral.fine_fen is not None:
            self.fine.setText(f"{referral.fine_fen / 100:.2f}")

    def job(self, ctx: Context) -> Callable[[], Any]:
        fine = parse_yuan_to_fen(self.fine.text(), "fine_fen")
        answer = transitions.ReferralReply(
            reply_on=self.date_of(self.day),
            reply=self.text_of(self.reply),
            external_number=self.text_of(self.external),
            fine_fen=fine,
        )
        referral_id, version = self.referral.id, self.version
        return lambda: transitions.record_referral_reply(
            ctx, referral_id, answer, expected_version=version
        )
