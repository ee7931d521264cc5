"""Where a pair's sessions fall on the support and challenge grid (2x2), drawn in code.

Each held session with ratings is a dot at the average of the parties' support (across) and
challenge (up) ratings; the newest is larger and outlined. The same points are given in words
as the accessible description, so the picture is never the only way to read it.

``set_rated`` (used by Insights) draws each party's own ratings instead: a square for the
supervisor and a diamond for the supervisee, joined oldest to newest, so shape and the words
carry the meaning as well as colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from swreflect.gui.markers import draw_marker
from swreflect.models.supervision import Session
from swreflect.timefmt import format_date

# (label, right = high support, top = high challenge): support runs across, challenge up.
QUADRANTS = (
    ("Stretched, not supported", False, True),
    ("Supported and stretched", True, True),
    ("Neither supported nor stretched", False, False),
    ("Supported, not stretched", True, False),
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
        self._markers: list[str] = []
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
                self._points.append((format_date(session.held_on), *point))
        self._markers = ["both"] * len(self._points)
        if self._points:
            words = "; ".join(
                f"{d}: support {s:.1f}, challenge {c:.1f}" for d, s, c in self._points
            )
        else:
            words = "No rated sessions yet."
        self.setAccessibleDescription(words)
        self.setToolTip(words)
        self.update()

    def set_rated(
        self,
        points: Sequence[tuple[str, float, float]],
        markers: Sequence[str],
        description: str,
    ) -> None:
        """Show given points, each marked ``"supervisor"``, ``"supervisee"`` or ``"both"``,
        oldest first; ``description`` is the same information in words."""
        self._points = list(points)
        self._markers = list(markers)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
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

        nudge = {"supervisor": -4.0, "supervisee": 4.0}  # both parties' equal ratings stay visible

        def at(support: float, challenge: float, marker: str = "both") -> QPointF:
            x = area.left() + (support - 1) / 4 * area.width() + nudge.get(marker, 0.0)
            return QPointF(x, area.bottom() - (challenge - 1) / 4 * area.height())

        for kind in ("supervisor", "supervisee"):
            trail = [
                at(s, c, kind)
                for (_d, s, c), m in zip(self._points, self._markers, strict=True)
                if m == kind
            ]
            if len(trail) > 1:
                painter.setPen(QPen(QColor(128, 128, 128, 150), 1, Qt.PenStyle.DashLine))
                painter.drawPolyline(QPolygonF(trail))
        last_day = self._points[-1][0] if self._points else ""
        faded = QColor(text)
        faded.setAlpha(140)  # older marks keep an outline so they read on dark backgrounds too
        for (day, support, challenge), marker in zip(self._points, self._markers, strict=True):
            centre = at(support, challenge, marker)
            newest = day == last_day
            colour = QColor(150, 90, 30) if marker == "supervisee" else QColor(40, 110, 160)
            if not newest:
                colour.setAlpha(130)
            painter.setBrush(colour)
            painter.setPen(QPen(text, 2) if newest else QPen(faded, 1))
            radius = 7.0 if newest else 4.5
            shape = {"supervisor": "square", "supervisee": "diamond"}.get(marker, "circle")
            draw_marker(painter, centre, shape, radius)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()
