"""A stack of views sized by the one showing, not by the biggest.

``QStackedWidget`` asks for the largest minimum and height-for-width of all its pages, hidden
or not. The Supervision page keeps its overview (a tall form) under the session runner, so the
runner, which scrolls inside itself, still made the page as tall as the overview: on a 600-px
screen the page scrolled too and two scroll bars sat side by side. Here the pages that aren't
showing are hidden in a plain box layout, which leaves hidden widgets out of every size.
The few calls used from ``QStackedWidget`` keep their names.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class CurrentStack(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current is None:
            self._current = page
        page.setVisible(page is self._current)
        return len(self._pages) - 1

    def removeWidget(self, page: QWidget) -> None:
        if page in self._pages:
            self._pages.remove(page)
            self._layout.removeWidget(page)
            page.hide()
            if self._current is page:
                self._current = None
                if self._pages:
                    self.setCurrentIndex(0)

    def setCurrentWidget(self, page: QWidget) -> None:
        self._current = page
        for each in self._pages:
            if each is not page:
                each.hide()
        page.show()

    def setCurrentIndex(self, index: int) -> None:
        self.setCurrentWidget(self._pages[index])

    def currentWidget(self) -> QWidget | None:
        return self._current

    def currentIndex(self) -> int:
        return self._pages.index(self._current) if self._current in self._pages else -1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]
