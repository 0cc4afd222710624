"""One small dialog per workflow action: 受理, 不予受理, 转办, 调解记录, 调解协议, 办结, 回访 …

Each dialog reads what the officer typed, hands one core call to the writer
(``app.jobs.run_write``) with the complaint's version as the screen saw it (the detail window
hands over the version it showed; the core refuses the action when the complaint has changed
since); the job runner announces what the action changed (``changes_committed``). A refused input shows its
reasons beside the fields (:class:`FieldErrors`); a refused action (wrong state, consent missing,
changed meanwhile) shows its one plain sentence in a red box at the top, the dialog stays open and
announces ``refused`` (the detail window reads the complaint again).

The dialogs are grouped by the phase of a complaint they act in, over one common dialog:

- ``base``: :class:`ActionDialog`, the rows, the refusal box, the write on the writer thread;
  ``fields``: its date and choice widgets; ``labels``: the names of actions, modes and grounds;
- ``acceptance`` (受理, 不予受理), ``referral`` (转办, 转办回复), ``consent`` (调解同意),
  ``mediation`` (调解, 中止, 协议, 履行), ``closing`` (办结, 终止, 撤回, 回访, 重新打开).

This package's own names are what the rest of the window uses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs.acceptance import AcceptDialog, RefuseDialog
from station_app.gui.complaints.dialogs.base import ActionDialog
from station_app.gui.complaints.dialogs.closing import (
    CloseDialog,
    EndMediationDialog,
    FollowUpDialog,
    ReopenDialog,
    TerminationNoticeDialog,
    WithdrawDialog,
)
from station_app.gui.complaints.dialogs.consent import ConsentDialog, RepresentedConsentDialog
from station_app.gui.complaints.dialogs.mediation import (
    AgreementDialog,
    CarriedOutDialog,
    EndPauseDialog,
    MediationStepDialog,
    StartMediationDialog,
    StartPauseDialog,
)
from station_app.gui.complaints.dialogs.referral import ReferDialog, ReferralReplyDialog
from station_app.workflow import states

__all__ = [
    "ACTION_DIALOGS",
    "AcceptDialog",
    "ActionDialog",
    "AgreementDialog",
    "CarriedOutDialog",
    "CloseDialog",
    "ConsentDialog",
    "EndMediationDialog",
    "EndPauseDialog",
    "FollowUpDialog",
    "MediationStepDialog",
    "ReferDialog",
    "ReferralReplyDialog",
    "RefuseDialog",
    "ReopenDialog",
    "RepresentedConsentDialog",
    "StartMediationDialog",
    "StartPauseDialog",
    "TerminationNoticeDialog",
    "WithdrawDialog",
    "action_dialog",
]

ACTION_DIALOGS: dict[str, type[ActionDialog]] = {
    cls.ACTION: cls
    for cls in (
        AcceptDialog,
        RefuseDialog,
        ReferDialog,
        StartMediationDialog,
        AgreementDialog,
        CloseDialog,
        EndMediationDialog,
        WithdrawDialog,
        FollowUpDialog,
        ReopenDialog,
        MediationStepDialog,
        StartPauseDialog,
        EndPauseDialog,
        CarriedOutDialog,
        TerminationNoticeDialog,
    )
}
assert set(ACTION_DIALOGS) == set(states.ACTIONS), "every workflow action needs its dialog"


def action_dialog(
    action: str,
    app: AppContext,
    complaint_id: int,
    parent: QWidget | None = None,
    version: int | None = None,
) -> ActionDialog:
    """The dialog of a workflow action for one complaint (not shown yet); ``version`` as the
    screen showed the complaint (see :class:`ActionDialog`)."""
    return ACTION_DIALOGS[action](app, complaint_id, parent, version)
