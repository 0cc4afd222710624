"""Step 3 of the roster wizard: what was applied."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from station_app.gui.roster.page_parts import RosterPage
from station_app.gui.roster.texts import part_counts_text
from station_app.gui.roster.wizard_host import WizardHost
from station_app.roster.apply import version_in_force
from station_app.roster.roster_import import RosterApplied


class SummaryPage(RosterPage):
    """Step 3: what the import changed, which rows were skipped, the version now in force."""

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("第 3 步：导入完成"))
        self.setSubTitle(self.tr("名册已导入本机。下面是这次导入的结果。"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultText")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.result_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.result_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        result = self.roster_wizard.applied
        assert result is not None
        self.result_label.setText("\n".join(self.summary_lines(result)))

    def summary_lines(self, result: RosterApplied) -> list[str]:
        lines = []
        for part, counts in result.diff.counts().items():
            lines.append(part_counts_text(part, counts))
        if result.diff.no_change:
            lines.append(self.tr("与本机原有数据相比没有变化。"))
        if result.skipped_rows:
            lines.append(
                self.tr("有错误的 %1 行已跳过，没有导入；请县消协改正后再发。").replace(
                    "%1", str(result.skipped_rows)
                )
            )
        if result.forced:
            lines.append(self.tr("这是强制导入的旧版本名册。"))
        current = version_in_force()
        if current is None:
            version = self.tr("未注明版本（这份名册没有写版本号）")
        elif current.issued_on:
            version = (
                self.tr("%1（发布日期 %2）")
                .replace("%1", current.version)
                .replace("%2", current.issued_on.isoformat())
            )
        else:
            version = current.version
        lines.append("")
        lines.append(self.tr("现在使用的名册版本：%1").replace("%1", version))
        return lines
