"""Auto-lock on idle, driven by the injected clock so tests never sleep.

An application-wide event filter notes the time of each key press, click, wheel or mouse move
(``clock.monotonic()``); a timer calls ``check()`` every second, which emits
``idle_timed_out`` once the idle time reaches the timeout. The timeout is read through a
callable each time, so a change in Settings applies at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from swreflect.core.clock import Clock

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    idle_timed_out = Signal()

    def __init__(
        self,
        clock: Clock,
        timeout_seconds: Callable[[], float],
        parent: QObject | None = None,
        tick_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_seconds = timeout_seconds
        self._last_activity = clock.monotonic()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._active:
            app.installEventFilter(self)
        self._active = True
        self.record_activity()
        self._timer.start()

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._active:
            app.removeEventFilter(self)
        self._active = False
        self._timer.stop()

    def record_activity(self) -> None:
        self._last_activity = self._clock.monotonic()

    def idle_seconds(self) -> float:
        return self._clock.monotonic() - self._last_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last_activity = self._clock.monotonic()
        return False

    def check(self) -> bool:
        """Emit ``idle_timed_out`` (once) when idle long enough; True if it did."""
        if not self._active or self.idle_seconds() < self._timeout_seconds():
            return False
        self.stop()
        self.idle_timed_out.emit()
        return True
