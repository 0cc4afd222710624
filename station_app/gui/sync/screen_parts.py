"""What the three sync screens (同步, 服务站总览, 冲突审核) share: column widths from samples, stored UTC
times shown as China time, a heading, a non-blocking message box, opening a folder."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QMessageBox, QTableView, QWidget

from station_app.clock import utc_to_local


def fit_columns(view: QTableView, samples: dict[int, str], stretch: int) -> None:
    """Columns as wide as a sample of their usual content (or their header); one stretches."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    model = view.model()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(
            metrics.horizontalAdvance(samples.get(column, "")), metrics.horizontalAdvance(title)
        )
        view.setColumnWidth(column, width + 20)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def local_time_text(stamp: str | None) -> str:
    """A stored UTC time (``2026-11-20 02:00:00+00:00`` or ``…T02:00:00Z``) as China time."""
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp.strip())
    except ValueError:
        return stamp
    return utc_to_local(moment).strftime("%Y-%m-%d %H:%M")


def heading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


def notice(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that does not block (results arrive from jobs; tests read it and close it)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box
