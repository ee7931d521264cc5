"""Each page sits in its own scroll area, so no page can push the window wider or taller.

The review saw the window's minimum grow to 1,382 px after Supervision and to ~1,580 px after a
status message, with Lock off-screen. A page now gets the room the window has; if that is less
than the page needs (a tall form on a 600-px screen), the page scrolls instead. Pages are still
built to fit 1024x600 without horizontal scrolling (tests/gui/test_window_fits.py).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from swreflect.gui.fit import let_shrink
from swreflect.gui.tab_order import chain_in_reading_order

PAGE_PROPERTY = "swreflect_page"


class PageScroll(QScrollArea):
    """A frameless, resizable scroll area holding exactly one page."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setObjectName("pageScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never an invisible Tab stop
        self.setWidget(page)
        self.setAccessibleName(page.accessibleName() or "Page")
        # Widgets come and go (a template's prompts, a session runner): tidy up after each
        # change, once, when the event loop is next idle.
        self._tidy = QTimer(self)
        self._tidy.setSingleShot(True)
        self._tidy.setInterval(0)
        self._tidy.timeout.connect(self.tidy)
        self._known: tuple[tuple[int, bool], ...] = ()
        self.lead_in: QWidget | None = None  # the control Tab comes from into the page
        page.installEventFilter(self)
        self._tidy.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:
            self._known = ()  # laid out for real now: order by where things really are
        if kind in (QEvent.Type.LayoutRequest, QEvent.Type.Show) and not self._tidy.isActive():
            self._tidy.start()
        return False

    def tidy(self) -> None:
        """Let the page shrink and put its Tab chain in reading order (when it changed)."""
        page = self.widget()
        if page is None:
            return
        known = tuple(
            (shiboken6.getCppPointer(w)[0], w.isVisibleTo(page)) for w in page.findChildren(QWidget)
        )
        known += ((shiboken6.getCppPointer(self.lead_in)[0] if self.lead_in else 0, True),)
        if known == self._known:
            return
        self._known = known
        let_shrink(page)
        chain_in_reading_order(page, self.lead_in)
        # Layout changes inside a nested scroll area stop there: watch those too, and fit
        # their content to the view again (``let_shrink`` may just have narrowed it; a stale
        # minimum once left a journal template's column under its scroll bar at 1024 px).
        for inner in page.findChildren(QScrollArea):
            content = inner.widget()
            if content is not None:
                content.installEventFilter(self)
                refit(inner)

    def page(self) -> QWidget:
        widget = self.widget()
        assert widget is not None
        return widget


def page_of(widget: QWidget | None) -> QWidget | None:
    """The page inside a stack entry (the entry itself if it isn't wrapped)."""
    if isinstance(widget, PageScroll):
        return widget.page()
    return widget


def refit(area: QScrollArea) -> None:
    """Recompute a resizable scroll area's content size from its layout as it is now."""
    content = area.widget()
    layout = content.layout() if content is not None else None
    if layout is None or not area.widgetResizable():
        return
    layout.invalidate()
    layout.activate()
    area.setWidgetResizable(True)  # Qt re-fits the content to the view here
