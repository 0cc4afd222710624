"""A printed document's bar chart as a picture (the PDF and the printer get the same pixels).

Horizontal bars suit Chinese category names: the name on the left, the bar and its figure to the
right; with a compared series (the previous period), a lighter bar under each. Drawn with
QPainter on a QImage, so a command without a window (``station report``) draws it too.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from station_app.documents.model import Chart

BAR = QColor("#2f6db5")
COMPARE_BAR = QColor("#a9c4e6")
TEXT = QColor("#000000")
GRID = QColor("#c8c8c8")


def _figure(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def chart_picture(chart: Chart, width: int, dpi: int, families: list[str]) -> QImage:
    """``chart`` drawn ``width`` pixels wide for a device of ``dpi`` (text in points)."""
    pt = dpi / 72

    def font(points: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setFamilies(families)
        f.setPixelSize(max(1, round(points * pt)))
        f.setBold(bold)
        return f

    compare = bool(chart.compare)
    row = (22 if compare else 15) * pt
    title_h = 20 * pt
    legend_h = 14 * pt if compare or chart.series else 0
    height = int(title_h + legend_h + max(1, len(chart.labels)) * row + 8 * pt)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(TEXT)
        painter.setFont(font(11, bold=True))
        painter.drawText(QRectF(0, 0, width, title_h), Qt.AlignmentFlag.AlignCenter, chart.title)
        top = title_h
        painter.setFont(font(9))
        if legend_h:
            x = width * 0.3
            for colour, name in ((BAR, chart.series), (COMPARE_BAR, chart.compare_series)):
                if not name:
                    continue
                painter.fillRect(QRectF(x, top + 3 * pt, 10 * pt, 7 * pt), colour)
                painter.drawText(
                    QRectF(x + 13 * pt, top, width * 0.3, legend_h),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    name,
                )
                x += width * 0.3
            top += legend_h
        label_w = width * 0.3
        figure_w = 48 * pt
        bar_w = width - label_w - figure_w - 6 * pt
        largest = max([*chart.values, *chart.compare, 1])
        painter.setPen(QPen(GRID, max(1.0, 0.5 * pt)))
        painter.drawLine(int(label_w), int(top), int(label_w), int(top + len(chart.labels) * row))
        for i, label in enumerate(chart.labels):
            y = top + i * row
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(0, y, label_w - 4 * pt, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                painter.fontMetrics().elidedText(
                    label, Qt.TextElideMode.ElideRight, int(label_w - 6 * pt)
                ),
            )
            bars = [(chart.values[i], BAR)]
            if compare:
                bars.append((chart.compare[i], COMPARE_BAR))
            thickness = (row - 6 * pt) / len(bars)
            for j, (value, colour) in enumerate(bars):
                length = bar_w * value / largest
                rect = QRectF(label_w, y + 3 * pt + j * thickness, length, thickness - 1 * pt)
                painter.fillRect(rect, colour)
                painter.setPen(TEXT)
                painter.drawText(
                    QRectF(label_w + length + 3 * pt, rect.top(), figure_w, rect.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    _figure(value),
                )
    finally:
        painter.end()
    return image
