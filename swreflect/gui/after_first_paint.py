"""Start-up work that can wait until the first window has painted.

The first window should appear as soon as a bare Qt window would (issue 16: at most 1.5x).
Some start-up work is needed soon but not for that first picture: the single-instance
endpoint, the window icon. ``AfterFirstPaint`` runs such steps once the window has painted,
one step per turn of the event loop, so the window keeps answering input between them. If
the window has not painted within ``FALLBACK_MS`` (a minimised start, a platform that never
exposes it), the steps run anyway: deferred work is never skipped.

How "painted" is seen: the window's widgets are painted while Qt handles the first
``Expose`` of the window's ``QWindow`` (offscreen and xcb alike), so a timer started then runs
after that paint. The filter sits on that one ``QWindow``, not on the application: an
application-wide filter sees every event of every widget, and PySide then builds a Python
wrapper (and its enums) for each widget class and event class it passes, which cost the first
paint several milliseconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

FALLBACK_MS = 3000


class AfterFirstPaint(QObject):
    """Runs ``steps`` in order after ``window`` first paints. Make it once the window has been
    shown (its ``QWindow`` exists then; the first expose arrives later, from the event loop)."""

    def __init__(self, window: QWidget, steps: Sequence[Callable[[], object]]) -> None:
        super().__init__(window)
        self._steps = list(steps)
        self._begun = False
        self._exposed = False
        self.ran = 0  # steps finished (for tests)
        self._handle = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._begin)

    def finished(self) -> bool:
        return self._begun and not self._steps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._exposed and event.type() == QEvent.Type.Expose:
            self._exposed = True
            # Timers, not queued calls (a queued call jumps ahead of due timers). The first
            # runs after the paint this expose causes; the steps start one turn later still,
            # after whatever that paint queued (the start-up benchmark's marker among them).
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._begin))
        return False

    def _begin(self) -> None:
        if self._begun:
            return
        self._begun = True
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        self._next()

    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        try:
            step()
        except Exception as exc:  # one step failing must not stop the others
            log.warning("a start-up step after the first paint failed: %s", type(exc).__name__)
        self.ran += 1
        if self._steps:
            QTimer.singleShot(0, self._next)  # the next turn: input and painting go between
