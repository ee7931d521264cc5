"""One interface for "the user walked away": screen locked, user switched, or going to sleep.

Each platform has its own source (``session_watch`` for Linux D-Bus, ``session_windows`` for
WTS session notifications, ``session_macos`` for the screen-locked distributed notification
and IOKit sleep), and all of them emit the same two signals, so the shell locks the vault the
same way everywhere. ``FakeSessionEvents`` lets tests (and platforms with no source) drive it.
``session_platform.platform_session_events`` picks the source for the running OS.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SessionEvents(QObject):
    """Emits ``screen_locked`` (lock or user switch) or ``sleeping``; ``start`` subscribes."""

    screen_locked = Signal()
    sleeping = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = False

    def start(self) -> bool:
        """Subscribe to the platform's notifications; True if anything is listening."""
        return self.listening


class FakeSessionEvents(SessionEvents):
    """A source the test (or caller) triggers by hand."""

    def start(self) -> bool:
        self.listening = True
        return True

    def simulate_screen_lock(self) -> None:
        self.screen_locked.emit()

    def simulate_sleep(self) -> None:
        self.sleeping.emit()
