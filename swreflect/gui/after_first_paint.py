"""Start-up work that can wait until the first window has painted.

The first window should appear as soon as a bare Qt window would (issue 16: at most 1.5x).
Some start-up work is needed soon but not for that first picture: the single-instance
endpoint, the window icon. ``AfterFirstPaint`` runs such steps once the window has painted,
one step per turn of the event loop, so the window keeps answering input between them. If
the window has not painted within ``FALLBACK_MS`` (a minimised start, a platform that never
exposes it), the steps run anyway: deferred work is never skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

FALLBACK_MS = 3000


class AfterFirstPaint(QObject):
    """Runs ``steps`` in order after ``window`` (or any widget inside it) first paints."""

    def __init__(self, window: QWidget, steps: Sequence[Callable[[], object]]) -> None:
        super().__init__(window)
        self._window = window
        self._steps = list(steps)
        self._begun = False
        self._painted = False
        self.ran = 0  # steps finished (for tests)
        app = QCoreApplication.instance()
        assert app is not None, "needs the application object"
        self._app = app
        app.installEventFilter(self)  # children may cover the window entirely
        QTimer.singleShot(FALLBACK_MS, self, self._begin)

    def finished(self) -> bool:
        return self._begun and not self._steps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._painted = True
            QTimer.singleShot(0, self, self._begin)  # after this paint has finished
        return False

    def _begin(self) -> None:
        if self._begun:
            return
        self._begun = True
        self._app.removeEventFilter(self)
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
            QTimer.singleShot(0, self, self._next)
