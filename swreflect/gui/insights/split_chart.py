"""How a pair's time split across the four supervision functions, one bar per session.

Each bar is drawn in code; every function also has a fill pattern and the minutes are written
under each bar, so colour is never the only way to tell the parts apart. The same figures are
the accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from swreflect.core import insights_words as words
from swreflect.core.insights import FUNCTION_LABELS, FunctionSplit
from swreflect.gui.markers import chart_painter
from swreflect.models.vocab import Function
from swreflect.timefmt import format_short_minutes

# function -> (colour, pattern laid over it)
LOOK: dict[str, tuple[QColor, Qt.BrushStyle]] = {
    "management": (QColor(74, 112, 150), Qt.BrushStyle.NoBrush),
    "development": (QColor(58, 142, 112), Qt.BrushStyle.BDiagPattern),
    "support": (QColor(196, 150, 58), Qt.BrushStyle.Dense6Pattern),
    "mediation": (QColor(140, 100, 170), Qt.BrushStyle.CrossPattern),
}
ROW_HEIGHT = 46
LEGEND_HEIGHT = 26
DATE_WIDTH = 110


def minutes_line(split: FunctionSplit) -> str:
    parts = [
        f"{FUNCTION_LABELS[f]} {format_short_minutes(round(split.seconds[f] / 60))}"
        for f in Function
        if split.seconds[f]
    ]
    return ", ".join(parts)


def fill(painter: QPainter, rect: QRectF, function: str) -> None:
    colour, pattern = LOOK[function]
    painter.fillRect(rect, colour)
    if pattern != Qt.BrushStyle.NoBrush:
        painter.fillRect(rect, QBrush(QColor(255, 255, 255, 150), pattern))


class SplitChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._splits: list[FunctionSplit] = []
        self.setAccessibleName("Time spent on each supervision function")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_splits([])

    def sizeHint(self) -> QSize:
        return QSize(420, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self._height())

    def _height(self) -> int:
        return LEGEND_HEIGHT + ROW_HEIGHT * max(1, len(self._splits)) + 4

    def set_splits(self, splits: Sequence[FunctionSplit]) -> None:
        self._splits = list(splits)
        if self._splits:
            text = "; ".join(f"{words.day(s.held_on)}: {minutes_line(s)}" for s in self._splits)
        else:
            text = "No time has been recorded against the functions yet."
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.setFixedHeight(self._height())
        self.updateGeometry()
        self.update()

    def splits(self) -> list[FunctionSplit]:
        return list(self._splits)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter, text = chart_painter(self)
        x = 0.0
        for function in Function:
            swatch = QRectF(x, 6, 14, 14)
            fill(painter, swatch, function)
            painter.setPen(QPen(text, 1))
            painter.drawRect(swatch)
            label = FUNCTION_LABELS[function]
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(
                QRectF(x + 20, 2, width + 4, 22), int(Qt.AlignmentFlag.AlignVCenter), label
            )
            x += width + 44
        bar_width = max(60.0, self.width() - DATE_WIDTH - 8)
        for row, split in enumerate(self._splits):
            top = LEGEND_HEIGHT + row * ROW_HEIGHT
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, DATE_WIDTH - 8, 22),
                int(Qt.AlignmentFlag.AlignVCenter),
                words.day(split.held_on),
            )
            left = float(DATE_WIDTH)
            for function in Function:
                part = split.seconds[function] / split.total * bar_width if split.total else 0
                if part > 0:
                    fill(painter, QRectF(left, top + 3, part, 16), function)
                    left += part
            painter.setPen(QPen(text, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(DATE_WIDTH, top + 3, bar_width, 16))
            painter.drawText(
                QRectF(DATE_WIDTH, top + 21, bar_width, 20),
                int(Qt.AlignmentFlag.AlignVCenter),
                minutes_line(split),
            )
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()
