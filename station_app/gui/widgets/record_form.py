"""What the entry forms (complaint, visit, event) share: save on the writer thread while the form
waits, a refused save's reasons beside their fields, Ctrl+Enter to save, Esc asks before
discarding what was typed.

The sentences keep the translation context ``ComplaintForm`` they were written in.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from station_app.changes import Changed, changes_in
from station_app.errors import StationError, ValidationFailed
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.combos import fill_combo
from station_app.gui.widgets.dialog_parts import confirm
from station_app.gui.widgets.field_errors import INVALID_STYLE, FieldErrors
from station_app.registry.choices import officer_choices, village_choices
from station_app.registry.context import Context

log = logging.getLogger(__name__)


def widget_state(widgets: Iterable[QWidget]) -> tuple[Any, ...]:
    """What the user can change in ``widgets``: compared to tell whether anything was typed."""
    state: list[Any] = []
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            state.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            state.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            state.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QDateTimeEdit):  # QDateEdit too
            state.append(widget.dateTime().toString(Qt.DateFormat.ISODate))
        elif isinstance(widget, QSpinBox):
            state.append(widget.value())
        elif isinstance(widget, QAbstractButton):
            state.append(widget.isChecked())
    return tuple(state)


def ask_discard(parent: QWidget) -> bool:
    """Whether the officer wants to throw away what was typed."""
    return confirm(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ComplaintForm", "放弃填写？"),
        QCoreApplication.translate("ComplaintForm", "已填写的内容还没有保存。要放弃这些内容吗？"),
        QCoreApplication.translate("ComplaintForm", "放弃"),
        QCoreApplication.translate("ComplaintForm", "继续填写"),
    )


def show_refusal(parent: QWidget, errors: FieldErrors, error: Exception) -> None:
    """A failed save: reasons beside fields, other refusals in a message box, bugs to the log."""
    title = QCoreApplication.translate("ComplaintForm", "无法保存")
    if isinstance(error, ValidationFailed):
        unplaced = errors.show(error.by_field())
        if unplaced:
            QMessageBox.warning(parent, title, "\n".join(unplaced.values()))
    elif isinstance(error, StationError):
        QMessageBox.warning(parent, title, str(error))
    else:
        log.error("saving failed", exc_info=error)
        sys.excepthook(type(error), error, error.__traceback__)


def add_save_shortcuts(dialog: QDialog, save: Callable[[], None]) -> None:
    """Ctrl+Enter saves from anywhere, text areas included (where Enter starts a new line)."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), dialog)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(save)


class RecordForm(QDialog):
    """What the entry forms share: a save runs on the writer while the form waits; a refused save
    shows its reasons; Esc asks before throwing away what was typed.

    A form sets ``app``, ``errors`` and ``_initial`` (its state once filled in), connects its
    buttons with :meth:`_connect_buttons` (or sets ``save_button`` and overrides :meth:`_set_busy`)
    and gives :meth:`_inputs` (or its own :meth:`_state`); by default the save button waits while
    a save runs and a saved form closes (:meth:`_saved`). The visit and event forms build
    themselves with :meth:`_set_up` and :meth:`_fill_place_and_officer`.
    """

    saved = Signal(int)  # the record's id, after the write committed

    app: AppContext
    errors: FieldErrors
    _initial: tuple[Any, ...]
    record_id: int | None  # None: a new record, until saved
    save_button: QAbstractButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False

    def _set_up(self, app: AppContext, ui: Any, record_id: int | None) -> None:
        """The Designer form ``ui`` on this dialog, fields marked red when refused; the record
        edited (``None``: a new one)."""
        self.app = app
        self.record_id = record_id
        self.ui = ui
        ui.setupUi(self)
        self.setStyleSheet(INVALID_STYLE)
        self.errors = FieldErrors(self)

    def _fill_place_and_officer(
        self, villages: QComboBox, officers: QComboBox, record: Any | None
    ) -> None:
        """The village and officer combos, offering the edited ``record``'s own even when no
        longer listed; a new record (``None``) is handled by the officer at the keyboard."""
        village, officer = (record.village_code, record.officer_id) if record else (None, None)
        fill_combo(villages, village_choices(include=[village]))
        station = self.app.installation.identity()
        fill_combo(officers, officer_choices(station.code if station else None, include=[officer]))
        own = officers.findText(self.app.actor)
        if record is None and own >= 0:
            officers.setCurrentIndex(own)

    def _connect_buttons(self, save: QAbstractButton, cancel: QAbstractButton) -> None:
        """保存 saves (so do Ctrl+Enter and Enter in a single-line field), 取消 cancels."""
        self.save_button = save
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        cancel.setAutoDefault(False)
        add_save_shortcuts(self, self.save)

    def save(self) -> None:
        raise NotImplementedError

    def _inputs(self) -> list[QWidget]:
        """What the officer types in, in order (compared to tell whether anything was typed)."""
        raise NotImplementedError

    def _state(self) -> tuple[Any, ...]:
        return widget_state(self._inputs())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)

    def _saved(self, result: Any) -> None:
        """The record ``result`` (its id) saved: the form closes, announcing it (``saved``)."""
        self._set_busy(False)
        self.record_id = int(result)
        self._initial = self._state()
        self.saved.emit(self.record_id)
        self.accept()

    def is_dirty(self) -> bool:
        return self._state() != self._initial

    def _run_save(self, job: Callable[[], Any], title: str) -> None:
        """Run ``job`` on the writer; ``_saved`` gets its result (a ``Changed``'s value: the
        change set itself goes to the screens through ``changes_committed``)."""
        self._set_busy(True)
        self.app.jobs.run_write(job, self._unwrap_saved, self._failed, title=title)

    def _unwrap_saved(self, result: Any) -> None:
        self._saved(result.value if isinstance(result, Changed) else result)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        show_refusal(self, self.errors, error)

    def reject(self) -> None:
        if self._busy:
            return
        if self.is_dirty() and not ask_discard(self):
            return
        super().reject()


def save_job(
    ctx: Context,
    draft: Any,
    record_id: int | None,
    register: Callable[[Context, Any], Any],
    update: Callable[[Context, int, Any], Any],
) -> Callable[[], Changed[int]]:
    """The write a form's save runs: register a new record, or update the one being edited;
    its result is the record's id with what the write changed."""

    def save() -> Changed[int]:
        record = register(ctx, draft) if record_id is None else update(ctx, record_id, draft)
        return Changed(int(record.id), changes_in(record))

    return save
