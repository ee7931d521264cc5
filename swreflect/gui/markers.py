"""Chart drawing shared by the insights charts and the support/challenge grid."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QWidget


def draw_marker(painter: QPainter, centre: QPointF, shape: str, radius: float = 4.0) -> None:
    """A ``"square"``, a ``"diamond"`` or (anything else) a circle, centred on ``centre``."""
    if shape == "square":
        painter.drawRect(QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2))
    elif shape == "diamond":
        r = radius * 1.3
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - r),
                    QPointF(centre.x() + r, centre.y()),
                    QPointF(centre.x(), centre.y() + r),
                    QPointF(centre.x() - r, centre.y()),
                ]
            )
        )
    else:
        painter.drawEllipse(centre, radius, radius)


def chart_painter(widget: QWidget) -> tuple[QPainter, QColor]:
    """An antialiased painter on ``widget`` with a slightly smaller font, and the text colour
    of its palette (so charts follow light and dark)."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    small = widget.font()
    small.setPointSizeF(small.pointSizeF() * 0.9)
    painter.setFont(small)
    return painter, widget.palette().windowText().color()
