"""Run by test_durability.py in a subprocess: save one complaint through the window, say so, hang.

The parent kills this process with SIGKILL the moment it reads "SAVED", then checks that the
complaint is in the database: a save the officer saw succeed must survive a crash or power-off
of the program right after it.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from station_app.gui.app.context import AppContext  # noqa: E402
from station_app.gui.app.jobs import JobRunner  # noqa: E402
from station_app.gui.complaints.form import ComplaintForm  # noqa: E402
from station_app.gui.complaints.screen import ComplaintsScreen  # noqa: E402
from station_app.installation import open_installation  # noqa: E402


def fill_complaint_form(form: ComplaintForm) -> None:
    """A complaint an officer types, complete enough to save."""
    ui = form.ui
    ui.complainantName.setText("杜秀芳")
    ui.complainantPhone.setText("13881234567")
    ui.respondentName.setText("通江县诺江镇鑫源家电城")
    ui.subject.setText("电饭煲")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("G01"))
    form.nature_checks["quality"].setChecked(True)
    ui.facts.setPlainText("电饭煲用了三天就不加热，商家拒绝更换。")


def main(data_dir: str) -> None:
    app = QApplication(sys.argv[:1])
    installation = open_installation(data_dir)
    context = AppContext(installation=installation, jobs=JobRunner(), actor="王联络员")
    screen = ComplaintsScreen(context)
    screen.show()
    form = screen.new_complaint()
    ui = form.ui
    fill_complaint_form(form)
    form.saved.connect(lambda _complaint_id: print("SAVED", form.number(), flush=True))
    ui.saveButton.click()
    loop = QEventLoop()
    QTimer.singleShot(60_000, loop.quit)  # the parent kills us long before this
    loop.exec()
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1])
