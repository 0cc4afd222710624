"""What importing bundles did, bundle by bundle: imported, already there, or refused and why."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from station_app.gui.sync.station_table_model import MISSING_COLOR, OK_COLOR, WARNING_COLOR
from station_app.sync.merge import ImportReport

STATUS_TEXT = {
    "imported": QT_TRANSLATE_NOOP("ImportReportDialog", "已导入"),
    "already": QT_TRANSLATE_NOOP("ImportReportDialog", "此前已导入，未改动"),
    "refused": QT_TRANSLATE_NOOP("ImportReportDialog", "未导入"),
    "waiting": QT_TRANSLATE_NOOP("ImportReportDialog", "待核对密钥，未合并"),
}
STATUS_COLOR = {
    "imported": OK_COLOR,
    "already": "#57606a",
    "refused": MISSING_COLOR,
    "waiting": WARNING_COLOR,
}


class ImportReportDialog(QDialog):
    """What happened to each file: one heading per file, the core's sentence and its notes."""

    def __init__(self, reports: Sequence[ImportReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports = list(reports)
        self.setWindowTitle(self.tr("数据包导入结果"))
        counts = {s: sum(1 for r in reports if r.status == s) for s in STATUS_TEXT}
        summary = QLabel(
            self.tr("共 %1 个文件：导入 %2 个，此前已导入 %3 个，未导入 %4 个。")
            .replace("%1", str(len(reports)))
            .replace("%2", str(counts["imported"]))
            .replace("%3", str(counts["already"]))
            .replace("%4", str(counts["refused"]))
            + (
                self.tr("另有 %1 个等待核对服务站密钥。").replace("%1", str(counts["waiting"]))
                if counts["waiting"]
                else ""
            ),
            self,
        )
        summary.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(self.report_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def report_html(self) -> str:
        parts = []
        for report in self.reports:
            status = QCoreApplication.translate("ImportReportDialog", STATUS_TEXT[report.status])
            parts.append(
                f"<p><b>{html.escape(report.file.name)}</b> — "
                f"<b style='color:{STATUS_COLOR[report.status]}'>{html.escape(status)}</b><br>"
                f"{html.escape(report.message)}"
            )
            if report.notes:
                items = "".join(f"<li>{html.escape(note)}</li>" for note in report.notes)
                parts.append(f"<ul style='margin-top:0'>{items}</ul>")
            parts.append("</p>")
        return "".join(parts)

    def text(self) -> str:
        return self.browser.toPlainText()
