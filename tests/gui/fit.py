"""Does a window fit a 1366x768 screen with nothing cut? (issue #14, item 4)

:func:`fit_problems` lists, for one shown window, what an officer would see cut or pushed off:
the window larger than the screen's available area, a horizontal scroll bar in a scroll area or
text box that should not scroll (tables may scroll sideways), and a label, check box, radio
button or push button whose text is wider than the room it has (word-wrapped labels wrap
instead). Set ``STATION_FIT_SHOTS=DIR`` to save a screenshot of every window checked.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtGui import Qt, QTextDocument  # Qt of QtGui has mightBeRichText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTreeView,
    QWidget,
)

# a button's text needs this much room beside it for the frame and padding of the style
BUTTON_PADDING = 8


def _where(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def _label_text_width(label: QLabel) -> int:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return int(document.idealWidth())
    metrics = label.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _label_room(label: QLabel) -> int:
    room = label.contentsRect().width() - 2 * label.margin()
    if label.indent() > 0:
        room -= label.indent()
    return room


def _cut_text(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit it, or None."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or widget.pixmap() and not widget.text():
            return None
        needed, room = _label_text_width(widget), _label_room(widget)
    elif isinstance(widget, QCheckBox | QRadioButton):
        if not widget.text():
            return None
        needed, room = widget.sizeHint().width(), widget.width()
    elif isinstance(widget, QPushButton):
        text = re.sub(r"&(?!&)", "", widget.text())
        if not text:
            return None
        needed = widget.fontMetrics().horizontalAdvance(text) + BUTTON_PADDING
        if not widget.icon().isNull():
            needed += widget.iconSize().width() + 4
        room = widget.contentsRect().width()
    else:
        return None
    if needed <= room:
        return None
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{_where(widget)} {text!r} needs {needed} px, has {room}"


def fit_problems(top: QWidget, name: str = "") -> list[str]:
    """What of the shown window ``top`` does not fit its screen or is cut (empty: all fits)."""
    shots = os.environ.get("STATION_FIT_SHOTS")
    if shots and name:
        Path(shots).mkdir(parents=True, exist_ok=True)
        top.grab().save(str(Path(shots) / f"{name}.png"))
    problems: list[str] = []
    screen = top.screen()
    assert screen is not None
    available = screen.availableGeometry()
    frame = top.frameGeometry()
    if frame.width() > available.width() or frame.height() > available.height():
        problems.append(
            f"{_where(top)} is {frame.width()}x{frame.height()}, the screen has "
            f"{available.width()}x{available.height()}"
        )
    if top.minimumSizeHint().width() > available.width():
        problems.append(f"{_where(top)} needs at least {top.minimumSizeHint().width()} px wide")
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top:
            continue
        scrolls_sideways = isinstance(widget, QAbstractScrollArea) and not isinstance(
            widget, QTableView | QTreeView
        )
        if scrolls_sideways and widget.horizontalScrollBar().isVisible():  # type: ignore[attr-defined]
            problems.append(f"{_where(widget)} scrolls sideways")
        cut = _cut_text(widget)
        if cut is not None:
            problems.append(cut)
    return problems
