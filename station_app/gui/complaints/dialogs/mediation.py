"""Mediation itself: starting it, each session, pauses, the agreement and whether it was carried out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from station_app.errors import FieldError
from station_app.gui.complaints.dialogs.base import ActionDialog, DatedActionDialog
from station_app.gui.complaints.dialogs.fields import ChoiceButtons
from station_app.gui.complaints.dialogs.labels import name_choices
from station_app.gui.widgets.combos import combo_value
from station_app.registry.context import Context
from station_app.workflow import group_consent, mediation, states, transitions
from station_app.workflow.action_subject import ActionSubject


class StartMediationDialog(DatedActionDialog):
    ACTION = "start_mediation"
    INTRO = QT_TRANSLATE_NOOP(
        "StartMediationDialog", "开始调解前须登记投诉人同意向被投诉方提供其个人信息。"
    )
    DAY_LABEL = QT_TRANSLATE_NOOP("StartMediationDialog", "开始日期")
    ASKS_CONSENT = True
    CALL = staticmethod(transitions.start_mediation)


class MediationStepDialog(ActionDialog):
    ACTION = "record_mediation_step"

    def build(self, complaint: ActionSubject) -> None:
        if complaint.status == states.ACCEPTED:
            self.set_intro(self.tr("这是第一次调解：保存后投诉状态改为“调解中”。"))
        now = self.app.clock.local_now().replace(second=0, microsecond=0)
        self.held_at = self.add_datetime(self.tr("调解时间"), "held_at", now)
        self.mode = self.add_combo(
            self.tr("调解方式"),
            "mode",
            name_choices(mediation.MEDIATION_MODES),
        )
        self.mediators = self.add_line(
            self.tr("调解人员"), "mediators", self.tr("例如：王联络员、李调解员")
        )
        self.mediators.setText(self.app.actor)
        self.attendance = self.add_text(
            self.tr("到场人员"), "attendance", self.tr("双方各有谁到场"), 2
        )
        self.offers = self.add_text(self.tr("各方意见"), "offers", self.tr("各方的诉求和让步"), 3)
        self.result = self.add_text(self.tr("调解结果"), "result", "", 2)
        self.next_on = self.add_optional_date(
            self.tr("下次调解"),
            "next_on",
            self.tr("已约定下次调解日期"),
            mediation.default_next_session_on(self.today),
        )
        self.add_consent(complaint.missing_consent)

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = mediation.MediationStepDraft(
            held_at=self.datetime_of(self.held_at),
            mode=combo_value(self.mode) or "",
            mediators=self.text_of(self.mediators),
            attendance=self.text_of(self.attendance),
            offers=self.text_of(self.offers),
            result=self.text_of(self.result),
            next_on=self.next_on.value(),
        )
        cid, version = self.complaint_id, self.version
        return self.with_consent(
            ctx, lambda: mediation.record_mediation_step(ctx, cid, draft, expected_version=version)
        )


class StartPauseDialog(ActionDialog):
    ACTION = "start_pause"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(self.tr("检测、鉴定期间调解期限暂停计算，结束后请登记“检测鉴定结束”。"))
        self.kind = self.add_combo(
            self.tr("类别"),
            "kind",
            name_choices(mediation.PAUSE_KINDS),
        )
        self.day = self.add_date(self.tr("开始日期"), "started_on")
        self.institution = self.add_line(self.tr("检测鉴定机构"), "institution", self.tr("可不填"))
        self.note = self.add_note()

    def job(self, ctx: Context) -> Callable[[], Any]:
        kind = combo_value(self.kind) or ""
        day, institution, note = (
            self.date_of(self.day),
            self.text_of(self.institution),
            self.text_of(self.note),
        )
        cid, version = self.complaint_id, self.version
        return lambda: mediation.start_pause(
            ctx,
            cid,
            kind,
            started_on=day,
            institution=institution,
            note=note,
            expected_version=version,
        )


class EndPauseDialog(DatedActionDialog):
    ACTION = "end_pause"
    INTRO = QT_TRANSLATE_NOOP("EndPauseDialog", "检测、鉴定结束后，调解期限从次日起继续计算。")
    DAY_LABEL = QT_TRANSLATE_NOOP("EndPauseDialog", "结束日期")
    DAY_FIELD = "ended_on"
    TEXT_LABEL = QT_TRANSLATE_NOOP("EndPauseDialog", "检测鉴定结论")
    TEXT_HINT = QT_TRANSLATE_NOOP("EndPauseDialog", "可不填")
    TEXT_LINES = 3
    CALL = staticmethod(mediation.end_pause)


class AgreementDialog(ActionDialog):
    ACTION = "record_agreement"

    def build(self, complaint: ActionSubject) -> None:
        self.set_intro(
            self.tr(
                "签订调解协议书后，投诉状态改为“协议待履行”。协议书一式三份，可在“打印”中打印。"
            )
        )
        self.terms = self.add_text(
            self.tr("协议内容"), "terms", self.tr("例如：被投诉方于 12 月 1 日前退还货款 360 元"), 4
        )
        self.amount = self.add_line(self.tr("协议金额（元）"), "amount_fen", self.tr("例如 360.00"))
        self.method = self.add_line(
            self.tr("履行方式"), "method", self.tr("例如：现金退款、微信转账、更换商品")
        )
        self.signed_on = self.add_date(self.tr("签订日期"), "signed_on")
        self.perform_by = self.add_optional_date(
            self.tr("履行期限"), "perform_by", self.tr("约定了履行期限")
        )
        self.add_represented_consent(
            complaint, group_consent.AGREEMENT, self.tr("同意调解协议内容")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = mediation.AgreementDraft(
            terms=self.text_of(self.terms),
            amount_fen=self.fen_of(self.amount, "amount_fen"),
            signed_on=self.date_of(self.signed_on),
            method=self.text_of(self.method),
            perform_by=self.perform_by.value(),
            represented_consent=self.represented_consent(),
        )
        cid, version = self.complaint_id, self.version
        return lambda: mediation.record_agreement(ctx, cid, draft, expected_version=version)


class CarriedOutDialog(ActionDialog):
    ACTION = "record_carried_out"

    def build(self, complaint: ActionSubject) -> None:
        agreements = mediation.agreements_of(self.complaint_id)
        self.agreement = self.add_combo(
            self.tr("调解协议"),
            "agreement",
            [(a.id, f"{a.number}（{a.signed_on.isoformat()}）") for a in reversed(agreements)],
        )
        self.carried_out = ChoiceButtons(
            [(True, self.tr("已履行")), (False, self.tr("未履行"))], self
        )
        self.carried_out.set_value(True)
        self.add_field(self.tr("履行情况"), "carried_out", self.carried_out)
        self.day = self.add_date(self.tr("履行日期"), "on")
        self.set_intro(
            self.tr("协议履行后，请再按“办结”结束办理。")
            if agreements
            else self.tr("这条投诉还没有调解协议。")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        agreement_id = combo_value(self.agreement)
        if agreement_id is None:
            raise FieldError("agreement", self.tr("请选择调解协议。"))
        done = bool(self.carried_out.value())
        day, version = self.date_of(self.day), self.version
        return lambda: mediation.mark_agreement_carried_out(
            ctx, agreement_id, carried_out=done, on=day, expected_version=version
        )
