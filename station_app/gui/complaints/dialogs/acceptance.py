"""受理 and 不予受理: the dialogs that open a complaint's handling or refuse it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from station_app.gui.complaints.dialogs.base import ActionDialog, DatedActionDialog
from station_app.gui.widgets.combos import combo_value
from station_app.registry.context import Context
from station_app.workflow import transitions
from station_app.workflow.action_subject import ActionSubject


class AcceptDialog(DatedActionDialog):
    ACTION = "accept"
    INTRO = QT_TRANSLATE_NOOP(
        "AcceptDialog", "受理后开始计算调解期限。受理告知书可在“打印”中打印。"
    )
    DAY_LABEL = QT_TRANSLATE_NOOP("AcceptDialog", "受理日期")
    ASKS_CONSENT = True  # asked now, mediation need not wait for it
    CALL = staticmethod(transitions.accept)


class RefuseDialog(ActionDialog):
    ACTION = "refuse"

    def build(self, complaint: ActionSubject) -> None:
        self.ground = self.add_ground(
            self.tr("不予受理情形"),
            transitions.not_accepted_grounds(self.complaint_id),
            self.tr("按《%1》选择不予受理的情形，告知书将引用该项。"),
        )
        self.day = self.add_date(self.tr("决定日期"), "on")
        self.note = self.add_note()

    def job(self, ctx: Context) -> Callable[[], Any]:
        ground = combo_value(self.ground) or ""
        day, note, cid, version = self.as_typed(self.day, self.note)
        return lambda: transitions.refuse_acceptance(
            ctx, cid, ground, on=day, note=note, expected_version=version
        )
