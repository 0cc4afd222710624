"""The history of one complaint: every audit entry, oldest first, in plain words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.clock import utc_to_local
from station_app.gui.app.context import AppContext
from station_app.gui.widgets.code_names import code_name
from station_app.gui.widgets.rows_model import RowColumn, RowsModel
from station_app.registry.audit import history
from station_app.registry.choices import officer_name, region_name
from station_app.registry.complaints import get_complaint
from station_app.store.models import AuditEntry
from station_app.validation import mask_id_number, mask_phone

CONTEXT = "HistoryDialog"  # spelled out in QT_TRANSLATE_NOOP: lupdate reads literals only

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryDialog", "登记"),
    "update": QT_TRANSLATE_NOOP("HistoryDialog", "修改"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "删除"),
    "transition": QT_TRANSLATE_NOOP("HistoryDialog", "办理状态变更"),
    "reveal": QT_TRANSLATE_NOOP("HistoryDialog", "查看完整个人信息"),
    "export": QT_TRANSLATE_NOOP("HistoryDialog", "导出"),
    "convert": QT_TRANSLATE_NOOP("HistoryDialog", "转为投诉"),
}

FIELD_LABELS = {
    "received_at": QT_TRANSLATE_NOOP("HistoryDialog", "登记时间"),
    "channel": QT_TRANSLATE_NOOP("HistoryDialog", "投诉渠道"),
    "officer": QT_TRANSLATE_NOOP("HistoryDialog", "经办人"),
    "status": QT_TRANSLATE_NOOP("HistoryDialog", "办理状态"),
    "village_code": QT_TRANSLATE_NOOP("HistoryDialog", "所在村"),
    "is_group": QT_TRANSLATE_NOOP("HistoryDialog", "群体性投诉"),
    "group_size": QT_TRANSLATE_NOOP("HistoryDialog", "投诉人数"),
    "business": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉经营者"),
    "respondent_name": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉方名称"),
    "respondent_credit_code": QT_TRANSLATE_NOOP("HistoryDialog", "统一社会信用代码"),
    "respondent_address": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉方地址"),
    "respondent_phone": QT_TRANSLATE_NOOP("HistoryDialog", "被投诉方电话"),
    "subject": QT_TRANSLATE_NOOP("HistoryDialog", "商品或服务"),
    "category_code": QT_TRANSLATE_NOOP("HistoryDialog", "大类"),
    "subcategory": QT_TRANSLATE_NOOP("HistoryDialog", "小类"),
    "natures": QT_TRANSLATE_NOOP("HistoryDialog", "投诉性质"),
    "primary_nature": QT_TRANSLATE_NOOP("HistoryDialog", "主要投诉性质"),
    "purchase_date": QT_TRANSLATE_NOOP("HistoryDialog", "购买日期"),
    "purchase_place": QT_TRANSLATE_NOOP("HistoryDialog", "购买地点"),
    "purchase_channel": QT_TRANSLATE_NOOP("HistoryDialog", "购买方式"),
    "amount_paid_fen": QT_TRANSLATE_NOOP("HistoryDialog", "实付金额"),
    "disputed_amount_fen": QT_TRANSLATE_NOOP("HistoryDialog", "争议金额"),
    "facts": QT_TRANSLATE_NOOP("HistoryDialog", "投诉事由"),
    "demands": QT_TRANSLATE_NOOP("HistoryDialog", "诉求"),
    "demand_text": QT_TRANSLATE_NOOP("HistoryDialog", "诉求说明"),
    "outcome": QT_TRANSLATE_NOOP("HistoryDialog", "处理结果"),
    "closed_on": QT_TRANSLATE_NOOP("HistoryDialog", "办结日期"),
    "recovered_fen": QT_TRANSLATE_NOOP("HistoryDialog", "挽回经济损失"),
    "punitive_fen": QT_TRANSLATE_NOOP("HistoryDialog", "加倍赔偿"),
    "fraud": QT_TRANSLATE_NOOP("HistoryDialog", "欺诈"),
    "hotline_number": QT_TRANSLATE_NOOP("HistoryDialog", "12315编号"),
    "remarks": QT_TRANSLATE_NOOP("HistoryDialog", "备注"),
    "visit": QT_TRANSLATE_NOOP("HistoryDialog", "来访记录"),
}
PERSON_LABELS = {
    "name": QT_TRANSLATE_NOOP("HistoryDialog", "姓名"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "电话"),
    "id_number": QT_TRANSLATE_NOOP("HistoryDialog", "身份证号码"),
    "address": QT_TRANSLATE_NOOP("HistoryDialog", "住址"),
    "village_code": QT_TRANSLATE_NOOP("HistoryDialog", "所在村"),
}

_names = {
    "channel": code_name(lambda: codes.code_list("channel")),
    "status": code_name(lambda: codes.code_list("complaint_status")),
    "outcome": code_name(lambda: codes.code_list("outcome")),
    "category_code": code_name(codes.category_list),
    "primary_nature": code_name(lambda: codes.code_list("nature")),
}
_multi = {
    "natures": code_name(lambda: codes.code_list("nature")),
    "demands": code_name(lambda: codes.code_list("demand")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(field: str | None) -> str:
    """``"complainants.0.phone"`` → ``投诉人电话`` (``投诉人2电话`` for the second)."""
    if not field:
        return ""
    if field.startswith("complainants."):
        _, position, attr = (field.split(".") + ["", ""])[:3]
        number = int(position) + 1 if position.isdigit() else 1
        who = (
            QCoreApplication.translate("HistoryDialog", "投诉人%1").replace("%1", str(number))
            if number > 1
            else QCoreApplication.translate("HistoryDialog", "投诉人")
        )
        # one message for the pair: English needs a separator that Chinese does not
        return (
            QCoreApplication.translate("HistoryDialog", "%1%2", "complainant, then their field")
            .replace("%1", who)
            .replace("%2", _tr(PERSON_LABELS.get(attr, attr)))
        )
    return _tr(FIELD_LABELS.get(field, field))


def value_text(field: str | None, value: str | None) -> str:
    """A logged value as an officer reads it: names for codes, yuan for fen, personal data masked."""
    if value is None or value == "":
        return QCoreApplication.translate("HistoryDialog", "（空）")
    name = field or ""
    attr = name.rsplit(".", 1)[-1]
    if name.startswith("complainants.") and attr == "phone":
        return mask_phone(value)
    if attr == "id_number":
        return mask_id_number(value)
    if name in _names:
        return _names[name](value)
    if name in _multi:
        separator = QCoreApplication.translate("HistoryDialog", "、", "between names in a list")
        return separator.join(_multi[name](code) for code in value.split(",") if code)
    if name == "officer":
        return officer_name(int(value)) if value.isdigit() else value
    if attr == "village_code":
        return region_name(value)
    if name.endswith("_fen") and value.lstrip("-").isdigit():
        fen = int(value)
        return f"{fen / 100:,.2f} " + QCoreApplication.translate("HistoryDialog", "元")
    return value


def local_time(at: Any) -> str:
    """An audit time (UTC) as China wall-clock time."""
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    if not isinstance(at, dt.datetime):
        return str(at)
    return utc_to_local(at).strftime("%Y-%m-%d %H:%M")


class HistoryModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = [
        QT_TRANSLATE_NOOP("HistoryDialog", "时间"),
        QT_TRANSLATE_NOOP("HistoryDialog", "操作人"),
        QT_TRANSLATE_NOOP("HistoryDialog", "操作"),
        QT_TRANSLATE_NOOP("HistoryDialog", "项目"),
        QT_TRANSLATE_NOOP("HistoryDialog", "原内容 → 新内容"),
        QT_TRANSLATE_NOOP("HistoryDialog", "原因"),
    ]

    def __init__(self, entries: list[AuditEntry], parent=None) -> None:
        columns = [RowColumn(h, lambda row, n=n: row[n]) for n, h in enumerate(self.HEADERS)]
        super().__init__(columns, parent)
        self._rows = [self._row(entry) for entry in entries]

    @staticmethod
    def _row(entry: AuditEntry) -> tuple[str, ...]:
        action = _tr(ACTIONS.get(entry.action, entry.action))
        if entry.action == "update":
            change = f"{value_text(entry.field, entry.old_value)} → {value_text(entry.field, entry.new_value)}"
        elif entry.action == "transition":
            change = f"{_names['status'](entry.old_value)} → {_names['status'](entry.new_value)}"
        else:
            change = entry.new_value or ""
        return (
            local_time(entry.at),
            entry.actor,
            action,
            field_label(entry.field),
            change,
            entry.reason or "",
        )

    def row_texts(self) -> list[tuple[str, ...]]:
        return list(self._rows)


class HistoryDialog(QDialog):
    """Who did what to a complaint and when; read-only."""

    def __init__(self, app: AppContext, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        complaint = get_complaint(complaint_id)
        self.setWindowTitle(self.tr("历史记录 %1").replace("%1", complaint.number))
        entries = history([complaint.uid])
        # the detail window's model: workflow moves, printing … in the window's language too
        from station_app.gui.complaint_detail import WorkflowHistoryModel

        self.model: HistoryModel = WorkflowHistoryModel(entries, self)

        heading = QLabel(
            self.tr("投诉 %1 的全部登记和修改记录（共 %2 条），时间为北京时间。")
            .replace("%1", complaint.number)
            .replace("%2", str(len(entries))),
            self,
        )
        heading.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        for column, sample in enumerate(
            ["2026-11-20 10:00", "王联络员", "办理状态变更", "被投诉方名称"]
        ):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(5, metrics.horizontalAdvance("原因原因原因原因") + 24)
        # rows grow to fit wrapped changes once the columns have their final widths
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_args: self._fit_rows.start())

        close = QPushButton(self.tr("关闭"), self)
        close.setDefault(True)
        close.setFocus()
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(960, 480)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows.start()
