"""Draw the program's icon: ``resources/icons/station.png`` (256 px) and ``station.ico``.

python packaging/make_icon.py

A blue shield with a white tick, drawn with QPainter from paths only (no font, so it looks the
same on every machine). The .ico holds PNG images of 16 to 256 pixels, the form Windows Vista
and later read; it is assembled here byte by byte, since Qt's ico writer stores one size only.
The outputs are committed; run this again only to change the drawing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)  # draw on a 100 x 100 grid

    shield = QPainterPath()
    shield.moveTo(50, 4)
    shield.cubicTo(66, 12, 80, 14, 92, 14)
    shield.cubicTo(92, 58, 78, 82, 50, 96)
    shield.cubicTo(22, 82, 8, 58, 8, 14)
    shield.cubicTo(20, 14, 34, 12, 50, 4)
    shield.closeSubpath()
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 100))
    gradient.setColorAt(0, QColor("#1f7ad6"))
    gradient.setColorAt(1, QColor("#0b4f94"))
    painter.setPen(QPen(QColor("#083b70"), 3))
    painter.setBrush(gradient)
    painter.drawPath(shield)

    tick = QPainterPath()
    tick.moveTo(29, 50)
    tick.lineTo(44, 65)
    tick.lineTo(72, 34)
    pen = QPen(QColor("#ffffff"), 11)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)

    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("could not encode PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR, ICONDIRENTRY[], then the data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    payload = b""
    offset = 6 + 16 * len(images)
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack(
            "<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload)
        )
        payload += data
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in ICO_SIZES}
    (ICONS / "station.png").write_bytes(pngs[256])
    (ICONS / "station.ico").write_bytes(ico_bytes(pngs))
    check = QImage(str(ICONS / "station.ico"))
    if check.isNull():
        print("warning: Qt cannot read the .ico back", file=sys.stderr)
    print(f"wrote {ICONS / 'station.png'} and {ICONS / 'station.ico'} ({len(pngs)} sizes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
