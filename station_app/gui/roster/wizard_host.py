"""What a page of the roster wizard uses of the wizard that holds it (:class:`RosterWizard`).

The pages name this protocol rather than the wizard itself, so that the wizard's module imports
its pages and no page imports the wizard back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance

from station_app.gui.app.context import AppContext
from station_app.roster.roster_import import RosterApplied, RosterPreview


class WizardHost(Protocol):
    app: AppContext
    preview: RosterPreview | None  # what step 1 read, shown by step 2
    applied: RosterApplied | None  # what step 2 applied, shown by step 3
    roster_applied: SignalInstance

    def choose_file(self) -> Path | None: ...

    def choose_folder(self) -> Path | None: ...

    def choose_report_path(self, suggested: Path) -> Path | None: ...

    def next(self) -> None: ...
