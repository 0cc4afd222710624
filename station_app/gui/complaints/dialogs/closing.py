"""Ending a complaint (办结, 终止调解, 撤回) and what comes after closing (回访, 重新打开)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from station_app import codes
from station_app.errors import FieldError, ValidationFailed
from station_app.gui.complaints.dialogs.base import ActionDialog, DatedActionDialog
from station_app.gui.complaints.dialogs.fields import ChoiceButtons
from station_app.gui.complaints.dialogs.labels import (
    code_label,
    name_choices,
)
from station_app.gui.widgets.combos import combo_value
from station_app.registry.context import Context
from station_app.workflow import group_consent, states, transitions
from station_app.workflow.action_subject import ActionSubject


class CloseDialog(ActionDialog):
    ACTION = "close"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("撤回、不予受理、终止调解请用各自的按钮。"))
        self.outcome = self.add_combo(
            self.tr("处理结果"),
            "outcome",
            [(code, code_label("outcome", code)) for code in transitions.CLOSING_OUTCOMES],
            self.tr("请选择"),
        )
        if complaint.status == states.AGREEMENT_PENDING:
            self.outcome.setCurrentIndex(self.outcome.findData("mediated"))
        self.recovered = self.add_line(
            self.tr("挽回经济损失（元）"), "recovered_fen", self.tr("没有填 0")
        )
        self.punitive = self.add_line(
            self.tr("加倍赔偿（元）"), "punitive_fen", self.tr("没有填 0")
        )
        self.fraud = self.add_check(self.tr("经营者有欺诈行为"), "fraud", complaint.fraud)
        self.hotline = self.add_line(self.tr("12315 编号"), "hotline_number", self.tr("可不填"))
        self.hotline.setText(complaint.hotline_number)
        self.day = self.add_date(self.tr("办结日期"), "closed_on")
        self.note = self.add_note()

    def job(self, ctx: Context) -> Callable[[], Any]:
        problems = []
        amounts = {}
        for field, edit in (("recovered_fen", self.recovered), ("punitive_fen", self.punitive)):
            try:
                amounts[field] = self.fen_of(edit, field)
            except FieldError as error:
                problems.append(error)
        if problems:
            raise ValidationFailed(problems)
        draft = transitions.ClosingDraft(
            outcome=combo_value(self.outcome) or "",
            closed_on=self.date_of(self.day),
            recovered_fen=amounts["recovered_fen"],
            punitive_fen=amounts["punitive_fen"],
            fraud=self.fraud.isChecked(),
            hotline_number=self.text_of(self.hotline),
            note=self.text_of(self.note),
        )
        cid, version = self.complaint_id, self.version
        return lambda: transitions.close(ctx, cid, draft, expected_version=version)


class EndMediationDialog(ActionDialog):
    ACTION = "end_mediation"

    def build(self, complaint: ActionSubject) -> None:
        self.ground = self.add_ground(
            self.tr("终止情形"),
            transitions.termination_grounds(self.complaint_id),
            self.tr("按《%1》选择终止调解的情形；终止后须在规定期限内告知双方。"),
        )
        self.outcome = self.add_combo(
            self.tr("处理结果"),
            "outcome",
            [(code, code_label("outcome", code)) for code in transitions.ENDING_OUTCOMES],
        )
        self.day = self.add_date(self.tr("终止日期"), "on")
        self.note = self.add_note()

    def job(self, ctx: Context) -> Callable[[], Any]:
        ground = combo_value(self.ground) or ""
        outcome = combo_value(self.outcome) or ""
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: transitions.end_mediation(
            ctx, cid, ground, on=day, outcome=outcome, note=note, expected_version=version
        )


class TerminationNoticeDialog(ActionDialog):
    ACTION = "record_termination_notice"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("终止调解告知书已送达或告知双方的日期。"))
        self.day = self.add_date(self.tr("告知日期"), "notified_on")

    def job(self, ctx: Context) -> Callable[[], Any]:
        day, cid, version = self.date_of(self.day), self.complaint_id, self.version
        return lambda: transitions.record_termination_notice(
            ctx, cid, day, expected_version=version
        )


class WithdrawDialog(DatedActionDialog):
    ACTION = "withdraw"
    INTRO = QT_TRANSLATE_NOOP("WithdrawDialog", "投诉人撤回投诉后办理结束，处理结果记为“撤回”。")
    DAY_LABEL = QT_TRANSLATE_NOOP("WithdrawDialog", "撤回日期")
    TEXT_LABEL = QT_TRANSLATE_NOOP("WithdrawDialog", "撤回原因")
    TEXT_HINT = QT_TRANSLATE_NOOP("WithdrawDialog", "例如：双方已自行和解")
    TEXT_FIELD = "reason"
    CALL = staticmethod(transitions.withdraw)

    def build(self, complaint: ActionSubject) -> None:
        super().build(complaint)
        self.add_represented_consent(complaint, group_consent.WITHDRAW, self.tr("同意撤回投诉"))

    def more_values(self) -> dict[str, Any]:
        return {"represented_consent": self.represented_consent()}


class FollowUpDialog(ActionDialog):
    ACTION = "follow_up"

    def build(self, complaint: ActionSubject) -> None:
        self.method = self.add_combo(
            self.tr("回访方式"),
            "method",
            name_choices(transitions.FOLLOW_UP_METHODS),
        )
        self.satisfaction = self.add_combo(
            self.tr("满意度"),
            "satisfaction",
            [(e.code, codes.label_of(e)) for e in codes.code_list("satisfaction").active_entries()],
            self.tr("请选择"),
        )
        self.carried_out = ChoiceButtons(
            [(True, self.tr("已履行")), (False, self.tr("未履行")), (None, self.tr("不涉及"))],
            self,
        )
        self.carried_out.set_value(None)
        self.add_field(self.tr("协议或承诺"), "carried_out", self.carried_out)
        self.day = self.add_date(self.tr("回访日期"), "followed_up_on")
        self.note = self.add_text(self.tr("回访情况"), "note", self.tr("投诉人怎么说"), 3)
        self.reopen = self.add_check(self.tr("问题没有解决，重新打开投诉"), "reopen")
        self.reopen_reason = self.add_line(self.tr("重新打开原因"), "reopen_reason")
        self.reopen_reason.setEnabled(False)
        self.reopen.toggled.connect(self.reopen_reason.setEnabled)

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = transitions.FollowUpDraft(
            method=combo_value(self.method) or "",
            satisfaction=combo_value(self.satisfaction) or "",
            followed_up_on=self.date_of(self.day),
            carried_out=self.carried_out.value(),
            note=self.text_of(self.note),
            reopen=self.reopen.isChecked(),
            reopen_reason=self.text_of(self.reopen_reason) if self.reopen.isChecked() else None,
        )
        cid, version = self.complaint_id, self.version
        return lambda: transitions.follow_up(ctx, cid, draft, expected_version=version)


class ReopenDialog(DatedActionDialog):
    ACTION = "reopen"
    INTRO = QT_TRANSLATE_NOOP(
        "ReopenDialog", "重新打开后投诉回到“调解中”，调解期限从重新打开之日重新计算。"
    )
    DAY_LABEL = QT_TRANSLATE_NOOP("ReopenDialog", "重新打开日期")
    TEXT_LABEL = QT_TRANSLATE_NOOP("ReopenDialog", "原因")
    TEXT_HINT = QT_TRANSLATE_NOOP("ReopenDialog", "例如：经营者未按协议退款")
    TEXT_FIELD = "reason"
    CALL = staticmethod(transitions.reopen)
