"""Lock on screen lock, user switch and sleep on Windows (WTS session notifications).

``WTSRegisterSessionNotification`` asks Windows to send ``WM_WTSSESSION_CHANGE`` to one of our
windows when the session is locked or disconnected (fast user switching, a remote session
ending); ``WM_POWERBROADCAST``/``PBT_APMSUSPEND`` reaches every top-level window before
sleep. Qt hands each native message to a ``QAbstractNativeEventFilter``, which reads the
``MSG`` structure with ctypes. Nothing is sent anywhere; the registration is undone on stop.

The Win32 calls sit behind ``WtsApi`` so the filter and the message decoding run in tests on
Linux with a fake.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject
from PySide6.QtGui import QWindow

from swreflect.gui.session_events import SessionEvents

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0
LOCKING_CHANGES = {WTS_SESSION_LOCK, WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT}


class MSG(ctypes.Structure):
    """The Win32 ``MSG`` layout (pointer-sized handle and parameters)."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    )


def classify(message: int, wparam: int) -> str | None:
    """``"locked"``, ``"sleeping"`` or ``None`` for one window message."""
    if message == WM_WTSSESSION_CHANGE and wparam in LOCKING_CHANGES:
        return "locked"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "sleeping"
    return None


class WtsApi(Protocol):
    def register(self, hwnd: int) -> bool: ...

    def unregister(self, hwnd: int) -> None: ...


class Win32WtsApi:
    """The real calls (``wtsapi32.dll``)."""

    def register(self, hwnd: int) -> bool:
        wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        return bool(wtsapi.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION))

    def unregister(self, hwnd: int) -> None:
        ctypes.WinDLL("wtsapi32").WTSUnRegisterSessionNotification(hwnd)  # type: ignore[attr-defined]


class _Filter(QAbstractNativeEventFilter):
    def __init__(self, owner: WindowsSessionWatcher) -> None:
        super().__init__()
        self._owner = owner

    def nativeEventFilter(self, eventType: object, message: int) -> object:
        if bytes(eventType) == b"windows_generic_MSG" and message:  # type: ignore[call-overload]
            msg = MSG.from_address(int(message))
            self._owner.handle(classify(msg.message, msg.wParam))
        return False, 0


class WindowsSessionWatcher(SessionEvents):
    def __init__(self, api: WtsApi | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._api = api or Win32WtsApi()
        self._window: QWindow | None = None
        self._filter = _Filter(self)

    def start(self) -> bool:
        app = QCoreApplication.instance()
        if app is None or self.listening:
            return self.listening
        app.installNativeEventFilter(self._filter)
        self._window = QWindow()  # never shown; only gives Windows a handle to post to
        try:
            self.listening = self._api.register(int(self._window.winId()))
        except OSError:
            log.warning("could not register for Windows session notifications")
            self.listening = False
        log.info("session lock watcher %s", "listening" if self.listening else "not available")
        return self.listening

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self._filter)
        if self._window is not None and self.listening:
            self._api.unregister(int(self._window.winId()))
        self.listening = False

    def handle(self, kind: str | None) -> None:
        if kind == "locked":
            self.screen_locked.emit()
        elif kind == "sleeping":
            self.sleeping.emit()
