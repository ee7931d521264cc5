"""A row of controls that wraps onto more lines when the window is narrow.

Button rows (the journal's entry actions, the supervision buttons) used to set the page's
minimum width to the sum of their buttons, so the window could not be narrower than ~1,200 px.
``WrapRow`` puts as many as fit on each line of a grid and re-flows on resize.

It is a widget around a plain ``QGridLayout`` rather than a Python ``QLayout`` subclass: Qt
deletes layout items behind Python's back, and a Python-held item wrapper then pointed at
reused memory (seen as a crash while painting the journal list).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget


class WrapRow(QWidget):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._widgets: list[QWidget] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._columns = 0
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def addWidget(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        self._columns = 0  # re-flow on the next resize
        self._place(max(len(self._widgets), 1))

    def _fits(self, width: int) -> int:
        """How many columns fit ``width``: the grid's columns are as wide as their widest
        (visible) widget, so each count is tried with those widths, not the first line's."""
        spacing = self._grid.spacing()
        widths = [0 if w.isHidden() else w.sizeHint().width() for w in self._widgets]
        for columns in range(len(widths), 1, -1):
            needed = sum(max(widths[c::columns]) for c in range(columns))
            if needed + spacing * (columns - 1) <= width:
                return columns
        return 1

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(len(self._widgets) + 1):
            self._grid.setColumnStretch(column, 1 if column == columns else 0)
        # An explicit minimum height is honoured by every parent layout (a height-for-width
        # hint is not, inside a scrolling page): a row that wrapped gets room for its lines.
        self.setMinimumHeight(self.heightForWidth(self.width()) if self.width() > 0 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(self._fits(event.size().width()))
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        widest = max((w.minimumSizeHint().width() for w in self._widgets), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        columns = self._fits(width) if width > 0 else max(len(self._widgets), 1)
        rows = -(-len(self._widgets) // columns)
        line = max((w.sizeHint().height() for w in self._widgets), default=0)
        return rows * line + max(rows - 1, 0) * self._grid.spacing()
