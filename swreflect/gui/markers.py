"""Marker shapes for charts, so a series is told apart by shape as well as colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPolygonF


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
