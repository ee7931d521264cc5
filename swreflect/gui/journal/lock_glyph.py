"""A small padlock drawn in code, so the private marker shows on every system font."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap


def lock_pixmap(size: int, colour: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.5, size / 9))
    painter.setPen(pen)
    shackle = QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.5)
    painter.drawArc(shackle, 0, 180 * 16)
    painter.drawLine(int(shackle.left()), int(size * 0.33), int(shackle.left()), int(size * 0.45))
    painter.drawLine(int(shackle.right()), int(size * 0.33), int(shackle.right()), int(size * 0.45))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(size * 0.16, size * 0.44, size * 0.68, size * 0.5), 2, 2)
    painter.end()
    return pixmap
