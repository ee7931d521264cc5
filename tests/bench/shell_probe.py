"""Watching the real shell the way a person would: when something is painted, how long the UI
thread was ever blocked, and how much memory the process holds.

``PaintWatch`` notes the time of the first paint of any widget inside a given widget;
``StallMeter`` ticks a 5 ms timer on the UI thread and keeps the longest gap between ticks (a
gap is time the user could not type or click).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class PaintWatch(QObject):
    def __init__(self, app: QApplication, inside: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._inside = inside
        self.painted_at: float | None = None
        self.painted_cpu: float | None = None  # the UI thread's CPU clock at that moment
        self._app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.painted_at is None and event.type() == QEvent.Type.Paint:
            target = self._inside()
            if (
                target is not None
                and isinstance(watched, QWidget)
                and (watched is target or target.isAncestorOf(watched))
            ):
                self.painted_at = time.perf_counter()
                self.painted_cpu = time.thread_time()
        return False

    def close(self) -> None:
        self._app.removeEventFilter(self)


class StallMeter:
    """Also notes the UI thread's own CPU time within the longest gap (``worst_cpu_ms``): on a
    machine shared by many processes a gap can be mostly waiting for a core, not our work."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.worst = 0.0
        self.worst_cpu_ms = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.worst = 0.0
        self.worst_cpu_ms = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if now - self.last > self.worst:
            self.worst = now - self.last
            self.worst_cpu_ms = (cpu - self.last_cpu) * 1000
        self.last, self.last_cpu = now, cpu

    def stop(self) -> float:
        """The longest gap in ms (including the one still open)."""
        self._tick()
        self.timer.stop()
        return self.worst * 1000


def pump_until(app: QApplication, done: Callable[[], bool], seconds: float = 120.0) -> bool:
    end = time.perf_counter() + seconds
    while not done():
        if time.perf_counter() > end:
            return False
        app.processEvents()
        time.sleep(0.001)
    return True


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")
