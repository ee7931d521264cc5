"""A column layout that remembers its height for every width it was asked about.

Qt's box layouts keep the height-for-width of one width only. Around a scroll area the same
card is asked about two or three widths in turn (the card's own, its side column's, the width
with and without a scroll bar), so every card on the Insights page laid out all of its wrapped
text again each time anything else on the page changed: placing the sixth card re-measured
the first five, and that was most of the longest stall when the page opened.

``HfwColumn`` answers from a table that Qt itself clears: ``invalidate()`` is what Qt calls
whenever anything inside the layout changes (text, visibility, font, style), and the same
call drops Qt's own one-width cache. So the table is never older than Qt's own would be.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QVBoxLayout, QWidget


class HfwColumn(QVBoxLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__()
        self._heights: dict[int, int] = {}
        if parent is not None:
            parent.setLayout(self)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()


class UnsqueezedColumn(QVBoxLayout):
    """A scroll area's content column that never squeezes its parts to fit.

    In a resizable scroll area the content's height follows its parts a turn late: when a
    part grows (a card fills in, a new one is shown) the layout first runs at the old height,
    squeezing every part above to fit, and the scroll area then grows the content and undoes
    it, laying out and painting them all twice. Here a layout given less height than its
    parts need lays them out at the height they need; the part below the content's bottom
    edge is clipped until the scroll area catches up, which happens before the next paint.
    """

    def setGeometry(self, rect: QRect) -> None:
        if self.hasHeightForWidth():
            needed = self.heightForWidth(rect.width())
            if needed > rect.height():
                rect = QRect(rect.x(), rect.y(), rect.width(), needed)
        super().setGeometry(rect)
