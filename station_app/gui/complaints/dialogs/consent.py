"""The parties' consent to mediation: a complainant's own, and a representative's for a group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from station_app.gui.complaints.dialogs.base import ActionDialog
from station_app.gui.complaints.dialogs.fields import ChoiceButtons
from station_app.gui.complaints.dialogs.labels import (
    recipient_label,
)
from station_app.gui.widgets.combos import combo_value
from station_app.registry.context import Context
from station_app.validation import mask_name
from station_app.workflow import consent, group_consent
from station_app.workflow.action_subject import ActionSubject


class ConsentDialog(ActionDialog):
    """登记同意: the complainant's separate consent to pass their details to each recipient."""

    def build(self, complaint: ActionSubject) -> None:
        self.setWindowTitle(self.tr("登记同意 - 投诉 %1").replace("%1", self.number))
        people = complaint.consenting
        names = QCoreApplication.translate("HistoryDialog", "、", "between names in a list").join(
            mask_name(p.name) for p in people[:5]
        )
        if len(people) > 5:
            names += self.tr(" 等 %1 人").replace("%1", str(len(people)))
        self.set_intro(
            self.tr(
                "依照个人信息保护法，把投诉人的姓名、电话等告诉被投诉方或转给其他单位，"
                "须经投诉人单独同意。由谁同意：%1"
            ).replace("%1", names)
        )
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.recipient_checks: dict[str, QCheckBox] = {}
        for number, code in enumerate(consent.recipient_names()):
            check = QCheckBox(recipient_label(code), box)
            check.setObjectName(f"recipient_{code}")
            self.recipient_checks[code] = check
            grid.addWidget(check, number // 2, number % 2)  # English names are long
        self.recipient_checks[consent.RESPONDENT].setChecked(True)
        self.add_field(self.tr("同意提供给"), "recipients", box)
        self.granted = ChoiceButtons([(True, self.tr("同意")), (False, self.tr("不同意"))], self)
        self.granted.set_value(True)
        self.add_field(self.tr("投诉人的答复"), "granted", self.granted)
        self.method, self.given_at = self.add_answer_rows()
        self.note = self.add_text(self.tr("备注"), "note", self.tr("可不填"), 2)

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = consent.ConsentDraft(
            recipients=[code for code, check in self.recipient_checks.items() if check.isChecked()],
            granted=bool(self.granted.value()),
            given_at=self.datetime_of(self.given_at),
            method=combo_value(self.method) or "",
            note=self.text_of(self.note),
        )
        cid, version = self.complaint_id, self.version
        return lambda: consent.record_consent(ctx, cid, draft, expected_version=version)


class RepresentedConsentDialog(ActionDialog):
    """被代表人同意: on a group complaint, the represented complainants' answer to an act of their
    representatives (change the request, withdraw, reach an agreement), recorded ahead of it."""

    def build(self, complaint: ActionSubject) -> None:
        self.setWindowTitle(self.tr("被代表人同意 - 投诉 %1").replace("%1", self.number))
        self.set_intro(
            self.tr(
                "群体性投诉的代表人变更投诉请求、撤回投诉或达成调解协议，须经被代表的投诉人同意"
                "（《市场监督管理投诉举报处理办法》第十一条）。同意用于下一次这样的办理。"
            )
        )
        self.act = self.add_combo(
            self.tr("同意的事项"),
            "act",
            [(code, group_consent.act_name(code)) for code in group_consent.GROUP_ACTS],
            self.tr("请选择"),
        )
        self.person_checks = self.add_people(
            self.tr("被代表的投诉人"), "person_ids", complaint.represented, checked=True
        )
        self.granted = ChoiceButtons([(True, self.tr("同意")), (False, self.tr("不同意"))], self)
        self.granted.set_value(True)
        self.add_field(self.tr("答复"), "granted", self.granted)
        self.method, self.given_at = self.add_answer_rows()
        self.subject = self.add_line(
            self.tr("同意的内容"), "subject", self.tr("例如：诉求由退货改为退款并赔偿损失")
        )

    def job(self, ctx: Context) -> Callable[[], Any]:
        draft = group_consent.RepresentedConsentDraft(
            act=combo_value(self.act) or "",
            subject=self.text_of(self.subject),
            granted=bool(self.granted.value()),
            given_at=self.datetime_of(self.given_at),
            method=combo_value(self.method) or "",
            person_ids=[pid for pid, check in self.person_checks.items() if check.isChecked()],
        )
        cid, version = self.complaint_id, self.version
        return lambda: group_consent.record_represented_consent(
            ctx, cid, draft, expected_version=version
        )
