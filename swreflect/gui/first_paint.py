"""Start-up measurement hook: with ``SWREFLECT_EXIT_AFTER_FIRST_PAINT=1`` the app prints a
marker after its first window has painted once, then quits (``tests/bench`` times this)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_FLAG = "SWREFLECT_EXIT_AFTER_FIRST_PAINT"
MARKER = "first-paint"


def requested() -> bool:
    return os.environ.get(ENV_FLAG) == "1"


class FirstPaintExit(QObject):
    def __init__(self, window: QWidget, app: QApplication) -> None:
        super().__init__(window)
        self._app = app
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        sys.stdout.write(MARKER + "\n")
        sys.stdout.flush()
        self._app.quit()
