"""Confirming a station's new key: the county types the fingerprint the station read out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.gui.sync.station_table_model import MISSING_COLOR, StationLine
from station_app.gui.widgets.dialog_parts import ok_cancel_buttons
from station_app.sync.bundle_format import SyncError
from station_app.sync.keys import normalise_fingerprint


class RepinKeyDialog(QDialog):
    """Trust a station's new key: the clerk types the fingerprint the station reads out."""

    def __init__(
        self, lines: Sequence[StationLine], current: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lines = {line.state.station_code: line for line in lines}
        self.setWindowTitle(self.tr("重新确认服务站密钥"))
        explanation = QLabel(
            self.tr(
                "服务站换了电脑或重装了程序后，它的数据包会因密钥不同被拒收。"
                "请打电话给服务站，请对方打开“同步”，逐组念出“本站密钥指纹”，"
                "在下面输入。下一个用这把密钥签名的数据包到达时即可导入。"
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.station_combo = QComboBox(self)
        for code, line in self.lines.items():
            self.station_combo.addItem(line.state.label, code)
        if current is not None and self.station_combo.findData(current) >= 0:
            self.station_combo.setCurrentIndex(self.station_combo.findData(current))
        self.station_combo.setEditable(True)  # a station that never sent a bundle: type its code
        self.current_label = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.current_label.setFont(mono)
        self.fingerprint_edit = QLineEdit(self)
        self.fingerprint_edit.setFont(mono)
        self.fingerprint_edit.setPlaceholderText("xxxx xxxx xxxx xxxx xxxx xxxx xxxx xxxx")
        self.fingerprint_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {MISSING_COLOR};")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("服务站"), self.station_combo)
        form.addRow(self.tr("现登记的指纹"), self.current_label)
        form.addRow(self.tr("新密钥指纹"), self.fingerprint_edit)
        self.buttons = ok_cancel_buttons(self, self.tr("确认新密钥"), self.tr("取消"), self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.station_combo.currentIndexChanged.connect(self._show_current)
        self._show_current()
        self.setMinimumWidth(620)

    def station_code(self) -> str:
        data = self.station_combo.currentData()
        text = self.station_combo.currentText().strip()
        if data and self.station_combo.itemText(self.station_combo.currentIndex()) == text:
            return str(data)
        return text.upper()

    def fingerprint(self) -> str:
        return normalise_fingerprint(self.fingerprint_edit.text())

    def _show_current(self) -> None:
        line = self.lines.get(self.station_code())
        fingerprint = line.state.fingerprint if line else None
        self.current_label.setText(fingerprint or self.tr("（未登记）"))

    def accept(self) -> None:
        if not self.station_code():
            self._error(self.tr("请选择或输入服务站代码。"))
            return
        try:
            self.fingerprint()
        except SyncError as error:
            self._error(str(error))
            return
        super().accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
