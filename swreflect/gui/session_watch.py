"""Lock when the desktop locks its screen or the computer goes to sleep (Linux, D-Bus).

Listens, where available, for ``ActiveChanged(true)`` from the freedesktop and GNOME screen
savers on the session bus and ``PrepareForSleep(true)`` from logind on the system bus. Only
local D-Bus signals are received; nothing is sent. Where there is no bus (containers) the
watcher simply reports that it is not listening. Windows and macOS have their own sources
behind the same interface (``session_events.SessionEvents``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection

from swreflect.gui.session_events import SessionEvents

log = logging.getLogger(__name__)

SCREEN_SAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIN1 = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager")


class SessionWatcher(SessionEvents):
    """Emits ``screen_locked`` or ``sleeping`` when the session says so (Linux D-Bus)."""

    def __init__(
        self,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session_bus = session_bus
        self._system_bus = system_bus

    def start(self) -> bool:
        """Subscribe to the signals; True if at least one bus is listening."""
        session = self._session_bus or QDBusConnection.sessionBus()
        system = self._system_bus or QDBusConnection.systemBus()
        if session.isConnected():
            for path, interface in SCREEN_SAVERS:
                self.listening |= session.connect(  # type: ignore[call-overload]
                    "",
                    path,
                    interface,
                    "ActiveChanged",
                    self,
                    SLOT("on_screen_saver_active_changed(bool)"),
                )
        if system.isConnected():
            path, interface = LOGIN1
            self.listening |= system.connect(  # type: ignore[call-overload]
                "",
                path,
                interface,
                "PrepareForSleep",
                self,
                SLOT("on_login1_prepare_for_sleep(bool)"),
            )
        log.info("session lock watcher %s", "listening" if self.listening else "not available")
        return self.listening

    @Slot(bool)
    def on_screen_saver_active_changed(self, active: bool) -> None:
        if active:
            self.screen_locked.emit()

    @Slot(bool)
    def on_login1_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.sleeping.emit()
