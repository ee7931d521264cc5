"""Where a pair's sessions fall on the support and challenge grid (2x2), drawn in code.

Each held session with ratings is a dot at the average of the parties' support (across) and
challenge (up) ratings; the newest is larger and outlined. The same points are given in words
as the accessible description, so the picture is never the only way to read it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from swreflect.core.supervision_models import Session

QUADRANTS = (
    ("Supported, not stretched", False, True),
    ("Supported and stretched", True, True),
    ("Neither supported nor stretched", False, False),
    ("Stretched, not supported", True, False),
)


def session_point(session: Session) -> tuple[float, float] | None:
    """(support, challenge) averaged over whoever rated, or None."""
    if not session.ratings:
        return None
    support = sum(r.support for r in session.ratings) / len(session.ratings)
    challenge = sum(r.challenge for r in session.ratings) / len(session.ratings)
    return support, challenge


class BalanceGrid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[str, float, float]] = []
        self.setAccessibleName("Support and challenge over your sessions")
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    def set_sessions(self, sessions: Sequence[Session]) -> None:
        self._points = []
        for session in sessions:
            point = session_point(session)
            if point and session.held_on:
                self._points.append((session.held_on.isoformat(), *point))
        if self._points:
            words = "; ".join(
                f"{d}: support {s:.1f}, challenge {c:.1f}" for d, s, c in self._points
            )
        else:
            words = "No rated sessions yet."
        self.setAccessibleDescription(words)
        self.setToolTip(words)
        self.update()

    def points(self) -> list[tuple[str, float, float]]:
        return list(self._points)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(28, 8, -8, -24)
        text = self.palette().windowText().color()
        half_w, half_h = area.width() / 2, area.height() / 2
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        for label, right, top in QUADRANTS:
            cell = QRectF(
                area.left() + (half_w if right else 0),
                area.top() + (0 if top else half_h),
                half_w,
                half_h,
            )
            tint = QColor(60, 140, 120, 40) if (right and top) else QColor(128, 128, 128, 22)
            painter.fillRect(cell.adjusted(1, 1, -1, -1), tint)
            painter.setPen(text)
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            vertical = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom
            painter.setFont(small)
            painter.drawText(
                cell.adjusted(6, 4, -6, -4),
                int(horizontal) | int(vertical) | int(Qt.TextFlag.TextWordWrap),
                label,
            )
            painter.setFont(self.font())
        painter.setPen(QPen(text, 1))
        painter.drawRect(area)
        painter.drawText(
            QRectF(area.left(), area.bottom() + 4, area.width(), 18),
            int(Qt.AlignmentFlag.AlignCenter),
            "Support →",
        )
        painter.save()
        painter.translate(area.left() - 8, area.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-60, -14, 120, 16), int(Qt.AlignmentFlag.AlignCenter), "Challenge →"
        )
        painter.restore()
        for index, (_day, support, challenge) in enumerate(self._points):
            x = area.left() + (support - 1) / 4 * area.width()
            y = area.bottom() - (challenge - 1) / 4 * area.height()
            newest = index == len(self._points) - 1
            painter.setBrush(QColor(40, 110, 160) if newest else QColor(40, 110, 160, 120))
            painter.setPen(QPen(text, 2) if newest else Qt.PenStyle.NoPen)
            radius = 7.0 if newest else 4.5
            painter.drawEllipse(QPointF(x, y), radius, radius)
        painter.end()
