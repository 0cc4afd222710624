"""One complaint from registration to follow-up: its header and deadline, its records in tabs,
and the buttons of the actions its state allows (each opens a dialog of ``workflow_dialogs``).

The window renders only from the core's ``ComplaintDossier``, read by one call off the GUI
thread (``JobRunner.run_query``): when it opens, after a write changed it (``changes_committed``)
and when an action is
refused. It writes only through the action dialogs and the attachment jobs. Each dialog gets the
complaint's version as this window showed it, so an action taken on a stale window is refused by
the core.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from station_app.changes import Changes
from station_app.documents import DocumentContent, document_content, record_printed
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.complaints.dialogs import (
    ActionDialog,
    ConsentDialog,
    ReferralReplyDialog,
    RepresentedConsentDialog,
    action_dialog,
)
from station_app.gui.complaints.dialogs.labels import action_label, code_label
from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.widgets.window_size import fit_to_screen
from station_app.registry.dossier import (
    ComplaintDossier,
    ComplaintRecord,
    complaint_dossier,
    record_full_view,
)
from station_app.workflow import states

from .attachments_tab import AttachmentsTab
from .follow_ups_tab import FollowUpsTab
from .history_tab import HistoryTab
from .mediation_tab import MediationTab
from .referrals_tab import ReferralsTab
from .remarks_tab import RemarksTab
from .summary_tab import SummaryTab
from .tab import DossierTab
from .wording import deadline_text, document_title, people_text

log = logging.getLogger(__name__)

BANNER_STYLES = {
    "overdue": "background: #fde8ea; color: #8c0015; border: 1px solid #e4a1a9;",
    "soon": "background: #fff3d6; color: #6b4100; border: 1px solid #e8c77a;",
    "normal": "background: #eef4fb; color: #0b3d6e; border: 1px solid #b9d0ea;",
    "paused": "background: #f1f1f1; color: #333333; border: 1px solid #c8c8c8;",
}
STATUS_STYLE = (
    "QLabel#statusLabel { background: #0b5cad; color: #ffffff; border-radius: 4px;"
    " padding: 3px 10px; }"
)


class ComplaintDetail(QDialog):
    """The detail window of one complaint (not modal: the list stays usable beside it)."""

    loaded = Signal()  # a dossier was read and shown
    missing = Signal(str)  # the complaint no longer exists: why, in a sentence

    def __init__(self, app: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.complaint_id = complaint_id
        self.dossier: ComplaintDossier | None = None  # what the window shows, None until read
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        self.deadline_state = "none"
        self._reading = 0  # the number of the latest read: an older answer is dropped
        self.reading = False  # a read is on its way: what is shown may be about to change
        self._closed = False
        self._waiting: Callable[[], object] | None = None  # a click made while reading
        self.full_view = False  # the handling officer is at the keyboard: name and phone in full
        self._full_view_logged = False  # one ``reveal`` entry per opening of the window
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setStyleSheet(STATUS_STYLE)
        self._build()
        app.jobs.changes_committed.connect(self._changes_committed)
        self.reload()
        fit_to_screen(self, 1200, 720)

    @property
    def complaint(self) -> ComplaintRecord:
        """The complaint's fields as last read (raises before the first read)."""
        if self.dossier is None:
            raise LookupError("the complaint has not been read yet")
        return self.dossier.complaint

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.number_label = QLabel(self)
        self.number_label.setObjectName("numberLabel")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.parties_label = QLabel(self)
        self.parties_label.setObjectName("partiesLabel")
        self.parties_label.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("deadlineBanner")
        self.banner.setWordWrap(True)
        banner_font = QFont(self.font())
        banner_font.setBold(True)
        self.banner.setFont(banner_font)

        title_row = QHBoxLayout()
        title_row.addWidget(self.number_label)
        title_row.addSpacing(12)
        title_row.addWidget(self.status_label)
        title_row.addStretch(1)

        self.tabs = QTabWidget(self)  # before its pages: the focus chain starts at its tab bar
        self.tabs.setObjectName("tabs")
        self.summary_tab = SummaryTab(self)
        self.summary_tab.edit_requested.connect(self.edit_record)
        self.mediation_tab = MediationTab(self)
        self.referrals_tab = ReferralsTab(self)
        self.referrals_tab.reply_requested.connect(
            lambda referral_id: self._when_current(lambda: self.open_reply(referral_id))
        )
        self.follow_ups_tab = FollowUpsTab(self)
        self.attachments_tab = AttachmentsTab(self.app, self.complaint_id, self)
        self.history_tab = HistoryTab(self)
        self.remarks_tab = RemarksTab(self.app, self.complaint_id, self)
        self.pages: tuple[SummaryTab | DossierTab | AttachmentsTab | RemarksTab, ...] = (
            self.summary_tab,
            self.mediation_tab,
            self.referrals_tab,
            self.follow_ups_tab,
            self.attachments_tab,
            self.history_tab,
            self.remarks_tab,
        )
        for page in self.pages:
            self.tabs.addTab(page, "")
        # at the county, on a station's complaint: why nothing can be changed here
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyNotice")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet(BANNER_STYLES["paused"] + " padding: 4px 8px;")
        self.read_only_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.parties_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.read_only_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._action_bar())

    def _action_bar(self) -> QVBoxLayout:
        self.action_buttons: dict[str, QPushButton] = {}
        moves = QHBoxLayout()
        records = QHBoxLayout()
        self.moves_label = QLabel(self.tr("办理："), self)
        self.records_label = QLabel(self.tr("登记："), self)
        moves.addWidget(self.moves_label)
        records.addWidget(self.records_label)
        for code, action in states.ACTIONS.items():
            button = QPushButton(action_label(code), self)
            button.setObjectName(f"action_{code}")
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, c=code: self._when_current(lambda: self.open_action(c))
            )
            self.action_buttons[code] = button
            button.setVisible(False)  # until the dossier says what the state allows
            (moves if action.target is not None else records).addWidget(button)
        self.consent_button = QPushButton(self.tr("登记同意"), self)
        self.consent_button.setObjectName("consentButton")
        self.consent_button.setToolTip(
            self.tr("投诉人同意把个人信息提供给被投诉方或转办单位（调解、转办前须登记）")
        )
        self.consent_button.setAutoDefault(False)
        self.consent_button.clicked.connect(lambda: self._when_current(self.open_consent))
        records.addWidget(self.consent_button)
        self.represented_button = QPushButton(self.tr("被代表人同意"), self)
        self.represented_button.setObjectName("representedConsentButton")
        self.represented_button.setToolTip(
            self.tr("群体性投诉：被代表的投诉人同意变更、撤回投诉或达成调解协议")
        )
        self.represented_button.setAutoDefault(False)
        self.represented_button.clicked.connect(
            lambda: self._when_current(self.open_represented_consent)
        )
        self.represented_button.setVisible(False)
        records.addWidget(self.represented_button)
        self.print_button = QPushButton(self.tr("打印"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setAutoDefault(False)
        self.print_menu = QMenu(self.print_button)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.print_button.setMenu(self.print_menu)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        moves.addStretch(1)
        moves.addWidget(self.print_button)
        moves.addWidget(self.close_button)
        records.addStretch(1)
        bar = QVBoxLayout()
        bar.addLayout(moves)
        bar.addLayout(records)
        return bar

    # --- reading ------------------------------------------------------------------------------

    def _changes_committed(self, changes: Changes) -> None:
        if changes.includes("complaints", self.complaint_id):
            self.reload()

    def reload(self) -> None:
        """Read the complaint's dossier again (after any write), off the GUI thread; the window
        shows it when it arrives."""
        self._reading += 1
        self.reading = True
        reading = self._reading
        complaint_id = self.complaint_id
        today = self.app.clock.today()
        self.app.jobs.run_query(
            lambda: complaint_dossier(complaint_id, today),
            lambda dossier: self._arrived(reading, dossier),
            lambda error: self._failed(reading, error),
        )

    def _arrived(self, reading: int, dossier: ComplaintDossier) -> None:
        if not isValid(self) or self._closed or reading != self._reading:
            return  # closed meanwhile, or a newer read is on its way
        self.reading = False
        self.show_dossier(dossier)
        self.loaded.emit()
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    def _failed(self, reading: int, error: Exception) -> None:
        if not isValid(self) or self._closed or reading != self._reading:
            return
        self.reading = False
        self._waiting = None
        if not isinstance(error, StationError):
            log.error("reading the complaint failed", exc_info=error)
            return
        # deleted meanwhile (another window, a bundle import)
        self.setEnabled(False)
        self.banner.setText(self.tr("这条投诉已被删除。"))
        self.missing.emit(str(error))

    # --- showing ------------------------------------------------------------------------------

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self.dossier = dossier
        complaint = dossier.complaint
        self.full_view = self._handles(complaint)
        self.summary_tab.full_view = self.full_view
        if self.full_view and not self._full_view_logged and dossier.complainants:
            self._full_view_logged = True
            app, uid, number = self.app, complaint.uid, complaint.number
            # the context reads the station's settings: on the writer, not the GUI thread
            app.jobs.run_write(lambda: record_full_view(app.context(), uid, number))
        self.setWindowTitle(self.tr("投诉 %1").replace("%1", complaint.number))
        self.number_label.setText(self.tr("投诉 %1").replace("%1", complaint.number))
        self.status_label.setText(code_label("complaint_status", complaint.status))
        self._show_parties(dossier)
        self._show_deadline(dossier)
        for page in self.pages:
            page.show_dossier(dossier)
        self._show_tab_titles(dossier)
        allowed = set(dossier.allowed_actions)
        for code, button in self.action_buttons.items():
            button.setVisible(code in allowed)
        self.moves_label.setVisible(any(c in allowed for c in states.TRANSITIONS))
        self._show_read_only(dossier.read_only_reason)
        self.represented_button.setVisible(
            bool(dossier.represented_person_ids) and not dossier.read_only_reason
        )

    def _show_read_only(self, reason: str | None) -> None:
        """The county on a station's complaint: the writing buttons hidden, the reason shown."""
        self.read_only_label.setText(reason or "")
        self.read_only_label.setVisible(bool(reason))
        for button in (
            self.summary_tab.edit_button,
            self.attachments_tab.add_attachment_button,
            self.referrals_tab.reply_button,
            self.consent_button,
        ):
            button.setVisible(not reason)
        self.records_label.setVisible(not reason)

    def _handles(self, complaint: ComplaintRecord) -> bool:
        """The officer at the keyboard (named in the settings) is the complaint's officer."""
        actor = self.app.actor
        return (
            bool(complaint.officer_name)
            and actor != AppContext.actor
            and (actor == complaint.officer_name)
        )

    def _show_tab_titles(self, dossier: ComplaintDossier) -> None:
        counts = (
            None,
            len(dossier.mediation_steps) + len(dossier.agreements),
            len(dossier.referrals),
            len(dossier.follow_ups),
            len(dossier.attachments),
            None,
            len(dossier.county_remarks),
        )
        names = (
            self.tr("登记信息"),
            self.tr("调解"),
            self.tr("转办"),
            self.tr("回访"),
            self.tr("附件"),
            self.tr("历史"),
            self.tr("县消协备注"),
        )
        for index, (name, count) in enumerate(zip(names, counts, strict=True)):
            self.tabs.setTabText(
                index,
                self.tr("%1（%2）").replace("%1", name).replace("%2", str(count))
                if count
                else name,
            )

    def _show_parties(self, dossier: ComplaintDossier) -> None:
        complaint = dossier.complaint
        parts = [
            self.tr("投诉人：%1").replace("%1", people_text(dossier, self.full_view)),
            self.tr("被投诉方：%1").replace("%1", complaint.respondent_name),
            self.tr("收到：%1").replace("%1", complaint.received_at.strftime("%Y-%m-%d %H:%M")),
        ]
        self.parties_label.setText("\u3000\u3000".join(parts))

    def _show_deadline(self, dossier: ComplaintDossier) -> None:
        deadline = dossier.deadline
        self.deadline_state = "none"
        if deadline is None:
            self.banner.hide()
            return
        text, state = deadline_text(deadline)
        self.deadline_state = state
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"QLabel#deadlineBanner {{ {BANNER_STYLES[state]} border-radius: 4px; padding: 6px 10px; }}"
        )
        self.banner.show()

    # --- actions ------------------------------------------------------------------------------

    def _when_current(self, action: Callable[[], object]) -> None:
        """Run a button's ``action`` now, or once the read on its way has arrived: a dialog
        carries the version the window shows, which must be the one the last write left."""
        if self.reading:
            self._waiting = action
        else:
            action()

    def _show_dialog(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(dialog, ActionDialog):  # refused: show the complaint as it is now
            dialog.refused.connect(self.reload)
        dialog.open()
        return dialog

    def open_action(self, action: str) -> ActionDialog | None:
        """Open the dialog of ``action`` (a button of the action bar)."""
        try:
            dialog = action_dialog(
                action, self.app, self.complaint_id, self, self.complaint.version
            )
        except StationError as error:
            QMessageBox.warning(self, self.tr("无法办理"), str(error))
            return None
        self._show_dialog(dialog)
        return dialog

    def open_consent(self) -> ConsentDialog:
        dialog = ConsentDialog(self.app, self.complaint_id, self, self.complaint.version)
        self._show_dialog(dialog)
        return dialog

    def open_represented_consent(self) -> RepresentedConsentDialog:
        dialog = RepresentedConsentDialog(self.app, self.complaint_id, self, self.complaint.version)
        self._show_dialog(dialog)
        return dialog

    def open_reply(self, referral_id: int | None = None) -> ReferralReplyDialog | None:
        """登记转办答复 for ``referral_id`` (default: the referral selected in the 转办 tab)."""
        if referral_id is None:
            referral_id = self.referrals_tab.selected_referral()
        if referral_id is None:
            return None
        dialog = ReferralReplyDialog(
            self.app, self.complaint_id, referral_id, self, self.complaint.version
        )
        self._show_dialog(dialog)
        return dialog

    def edit_record(self) -> ComplaintForm:
        form = ComplaintForm(self.app, complaint_id=self.complaint_id, parent=self)
        self._show_dialog(form)
        return form

    # --- printing -----------------------------------------------------------------------------

    def _fill_print_menu(self) -> None:
        self.print_menu.clear()
        dossier = self.dossier
        if dossier is None:
            return
        if dossier.papers_refusal is not None:
            self.print_menu.addAction(dossier.papers_refusal).setEnabled(False)
            return
        for paper in dossier.papers:
            action = self.print_menu.addAction(document_title(paper.kind, paper.title))
            action.setObjectName(f"print_{paper.kind}")
            action.triggered.connect(lambda _checked=False, k=paper.kind: self.print_document(k))

    def print_document(self, kind: str) -> None:
        """Preview a document; each copy printed or saved as PDF from the preview (PIPL: full
        personal data on paper or in a file) is logged."""
        from station_app.gui.reports.printing import print_preview_dialog

        try:
            content: DocumentContent = document_content(kind, self.complaint_id)
        except StationError as error:
            QMessageBox.warning(self, self.tr("无法打印"), str(error))
            return
        shown = document_title(kind, content.title)
        ctx = self.app.context()

        def record(how: str, _path: Path | None) -> None:
            self.app.jobs.run_write(
                lambda: record_printed(ctx, content, how), title=self.tr("打印")
            )

        print_preview_dialog(self, content, shown, on_output=record).exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._closed = True  # a read still on its way is not shown (nor the window reopened)
        with contextlib.suppress(RuntimeError, TypeError):
            self.app.jobs.changes_committed.disconnect(self._changes_committed)
        super().closeEvent(event)


def open_complaint_detail(
    app: AppContext,
    complaint_id: int,
    parent: QWidget,
    on_missing: Callable[[], None] | None = None,
) -> ComplaintDetail:
    """The detail window of a complaint, shown once its dossier has been read; a message
    instead (and ``on_missing``) when the complaint no longer exists."""
    window = ComplaintDetail(app, complaint_id, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def first_read() -> None:
        window.loaded.disconnect(first_read)
        window.missing.disconnect(first_missing)
        window.show()

    def first_missing(reason: str) -> None:
        window.loaded.disconnect(first_read)
        window.missing.disconnect(first_missing)
        window.close()
        QMessageBox.warning(
            parent, QCoreApplication.translate("ComplaintDetail", "无法打开"), reason
        )
        if on_missing is not None:
            on_missing()

    window.loaded.connect(first_read)
    window.missing.connect(first_missing)
    return window
