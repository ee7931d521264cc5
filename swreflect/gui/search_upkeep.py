"""Idle-time removal of edited-away versions from the search index (see migration m0010).

Saving an edit only notes the entry's previous version as stale; removing its words from the
index (FTS5 ``secure-delete``) is the slow part and waits for a quiet moment: one version per
tick, then a few pages of segment merging per tick until the index is tidy, each slice on a
worker with a connection of its own (``core.index_upkeep``, ``vault.threads`` rule 5), and only
after the person has not pressed a key or clicked for ``IDLE_MS``, so a save rarely has to wait
for a slice to finish. Searches skip stale versions meanwhile, and a purge removes an entry's
versions at once, so waiting changes nothing a person can see.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from swreflect.gui.workers import TaskRunner

log = logging.getLogger(__name__)

TICK_MS = 250
IDLE_MS = 2000
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class Changes(Protocol):
    @property
    def is_unlocked(self) -> bool: ...

    def changes(self) -> int: ...


class SearchTidy(QObject):
    def __init__(
        self, tidy: Callable[[], int], vault: Changes, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tidy = tidy
        self._vault = vault
        self._seen = -1  # unknown: look once
        self._waiting = 0
        self._started = 0.0
        self.last_input = time.monotonic()
        self.slices_ms: list[float] = []  # how long each slice took (on its worker)
        self.runner = TaskRunner(self)  # a child, so locking waits for a slice under way
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    @property
    def waiting(self) -> int:
        """Slices of work the last slice said were still waiting."""
        return self._waiting

    def idle(self) -> bool:
        return (time.monotonic() - self.last_input) * 1000 >= IDLE_MS

    def on_timer_timeout(self) -> None:
        if self.runner.busy or not self._vault.is_unlocked or not self.idle():
            return
        changes = self._vault.changes()
        if self._waiting == 0 and changes == self._seen:
            return
        self._seen = changes
        self._started = time.perf_counter()
        self.runner.start(self._tidy, self.on_slice_done, self.on_slice_failed)

    def on_slice_done(self, waiting: object) -> None:
        self.slices_ms.append((time.perf_counter() - self._started) * 1000)
        self._waiting = int(waiting)  # type: ignore[call-overload]

    def on_slice_failed(self, _message: str) -> None:
        """A missed slice costs nothing but index size; the next idle tick tries again."""
        log.warning("search index upkeep was put off")

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
