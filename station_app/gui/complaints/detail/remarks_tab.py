"""县消协备注: the county's notes on a station's complaint. The county writes them here (they go
back to the station in its next receipt); a station reads the ones its receipts brought."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from station_app.access.remarks import TEXT_MAX, add_remark
from station_app.changes import Changes
from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.dialog_parts import push_button
from station_app.registry.dossier import ComplaintDossier


class RemarksTab(QWidget):
    def __init__(self, app: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.complaint_id = complaint_id
        self.shown = QTextBrowser(self)
        self.shown.setObjectName("remarksText")
        self.shown.setOpenLinks(False)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("remarkEditor")
        self.editor.setPlaceholderText(
            self.tr("写下县消协的备注（不超过 %1 字）").replace("%1", str(TEXT_MAX))
        )
        self.editor.setMaximumHeight(90)
        self.add_button = push_button(self, self.tr("添加备注"), self.add, name="addRemarkButton")
        self.add_button.setAutoDefault(False)
        self.problem = QLabel(self)
        self.problem.setObjectName("remarkProblem")
        self.problem.setStyleSheet("color: #8c0015;")
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.shown, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self._show_writing(False)

    def _show_writing(self, at_county: bool) -> None:
        """The county writes remarks; a station only reads the ones its receipts brought."""
        self.hint.setText(
            self.tr("县消协的意见写在这里，随下一次回执发回服务站；服务站的记录本身不会被改动。")
            if at_county
            else self.tr("县消协的备注随回执送达，导入回执后显示在这里。")
        )
        for widget in (self.editor, self.add_button, self.problem):
            widget.setVisible(at_county)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        self._show_writing(dossier.at_county)
        if not dossier.county_remarks:
            self.shown.setPlainText(self.tr("暂无县消协备注。"))
            return
        parts = []
        for remark in dossier.county_remarks:
            when = remark.written_at.isoformat(sep=" ", timespec="minutes")
            head = self.tr("%1  %2（%3）").replace("%1", when).replace("%2", remark.author)
            parts.append(head.replace("%3", remark.county_code) + "\n" + remark.text)
        self.shown.setPlainText("\n\n".join(parts))

    def add(self) -> None:
        text = self.editor.toPlainText()
        app, complaint_id = self.app, self.complaint_id
        self.add_button.setEnabled(False)
        self.problem.clear()
        app.jobs.run_write(
            lambda: add_remark(app.context(), complaint_id, text), self._added, self._refused
        )

    def _added(self, _remark: object) -> None:
        self.add_button.setEnabled(True)
        self.editor.clear()
        self.app.jobs.announce(Changes.of(complaints=[self.complaint_id]))

    def _refused(self, error: Exception) -> None:
        self.add_button.setEnabled(True)
        if not isinstance(error, StationError):
            raise error
        self.problem.setText(str(error))
