"""The owner's weekly check-in averages (energy, stress, workload, 1 to 5) as a line chart.

Each scale has its own colour, line style and point shape, named in the legend; weeks without a
check-in leave a gap rather than a guess. The week-by-week figures are the accessible
description, so nothing depends on seeing the picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from swreflect.core.insights_wellbeing import SCALE_LABELS, WeekPoint
from swreflect.gui.markers import chart_painter, draw_marker
from swreflect.models.journal import WELLBEING_SCALES
from swreflect.timefmt import format_day_month

# scale -> (colour, line style, point shape)
LOOK: dict[str, tuple[QColor, Qt.PenStyle, str]] = {
    "energy": (QColor(46, 140, 110), Qt.PenStyle.SolidLine, "circle"),
    "stress": (QColor(176, 110, 40), Qt.PenStyle.DashLine, "square"),
    "workload": (QColor(90, 110, 190), Qt.PenStyle.DotLine, "diamond"),
}
LEFT, TOP, RIGHT, BOTTOM = 34.0, 34.0, 28.0, 28.0


def week_label(week: WeekPoint) -> str:
    return format_day_month(week.starts)


def describe_weeks(weeks: Sequence[WeekPoint]) -> str:
    lines = []
    for week in weeks:
        values = [
            f"{SCALE_LABELS[s].lower()} {v:g}"
            for s in WELLBEING_SCALES
            if (v := week.averages[s]) is not None
        ]
        if values:
            lines.append(f"Week of {week_label(week)}: " + ", ".join(values))
    return "; ".join(lines) if lines else "No wellbeing check-ins in these weeks."


class WellbeingChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[WeekPoint] = []
        self.setAccessibleName("Your wellbeing check-ins, week by week")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(230)
        self.set_weeks([])

    def sizeHint(self) -> QSize:
        return QSize(560, 230)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 230)

    def set_weeks(self, weeks: Sequence[WeekPoint]) -> None:
        self._weeks = list(weeks)
        text = describe_weeks(self._weeks)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def weeks(self) -> list[WeekPoint]:
        return list(self._weeks)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, text = chart_painter(self)
        area = QRectF(self.rect()).adjusted(LEFT, TOP, -RIGHT, -BOTTOM)
        x = LEFT
        for scale in WELLBEING_SCALES:
            colour, style, shape = LOOK[scale]
            painter.setPen(QPen(colour, 2, style))
            painter.drawLine(QPointF(x, 14), QPointF(x + 26, 14))
            painter.setBrush(colour)
            draw_marker(painter, QPointF(x + 13, 14), shape)
            painter.setPen(text)
            label = SCALE_LABELS[scale]
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(
                QRectF(x + 32, 4, width + 4, 20), int(Qt.AlignmentFlag.AlignVCenter), label
            )
            x += width + 64
        grid = QColor(text)
        grid.setAlpha(50)
        for level in range(1, 6):
            y = area.bottom() - (level - 1) / 4 * area.height()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 9, LEFT - 8, 18),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(level),
            )
        count = len(self._weeks)
        if count == 0:
            painter.end()
            return
        step = area.width() / max(1, count - 1)

        def at(index: int, value: float) -> QPointF:
            return QPointF(
                area.left() + index * step, area.bottom() - (value - 1) / 4 * area.height()
            )

        label_every = 1 if count <= 6 else 2
        for index, week in enumerate(self._weeks):
            if (count - 1 - index) % label_every == 0:
                painter.setPen(text)
                centre = area.left() + index * step
                painter.drawText(
                    QRectF(centre - 30, area.bottom() + 6, 60, 18),
                    int(Qt.AlignmentFlag.AlignCenter),
                    week_label(week),
                )
        for scale in WELLBEING_SCALES:
            colour, style, shape = LOOK[scale]
            run: list[QPointF] = []
            points: list[QPointF] = []
            for index, week in enumerate(self._weeks):
                value = week.averages[scale]
                if value is None:
                    self._draw_run(painter, run, colour, style)
                    run = []
                    continue
                run.append(at(index, value))
                points.append(run[-1])
            self._draw_run(painter, run, colour, style)
            painter.setPen(QPen(text, 1))
            painter.setBrush(colour)
            for point in points:
                draw_marker(painter, point, shape)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    @staticmethod
    def _draw_run(
        painter: QPainter, run: list[QPointF], colour: QColor, style: Qt.PenStyle
    ) -> None:
        if len(run) > 1:
            painter.setPen(QPen(colour, 2, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(run))
