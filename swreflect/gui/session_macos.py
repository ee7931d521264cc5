"""Lock on screen lock, user switch and sleep on macOS.

The login window posts ``com.apple.screenIsLocked`` on the distributed notification centre
when the screen locks (including when another user takes over with fast user switching), and
IOKit's root power domain sends ``kIOMessageSystemWillSleep`` before sleep. Both are plain C
callbacks, reached with ctypes through CoreFoundation and IOKit (no PyObjC); they are delivered
on the main run loop, which Qt's Cocoa event loop runs. Only local notifications are
received; nothing is sent, except the acknowledgement IOKit requires before it may sleep.

The native calls sit behind ``MacApi`` so the callbacks' decoding runs in tests on Linux.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject

from swreflect.gui.session_events import SessionEvents

log = logging.getLogger(__name__)

SCREEN_LOCKED = "com.apple.screenIsLocked"
K_IO_MESSAGE_CAN_SYSTEM_SLEEP = 0xE0000270
K_IO_MESSAGE_SYSTEM_WILL_SLEEP = 0xE0000280
_UTF8 = 0x08000100
_DELIVER_IMMEDIATELY = 4

NotificationCallback = Callable[[str], None]
PowerCallback = Callable[[int], None]


def classify_notification(name: str) -> str | None:
    return "locked" if name == SCREEN_LOCKED else None


def classify_power(message_type: int) -> str | None:
    return "sleeping" if message_type == K_IO_MESSAGE_SYSTEM_WILL_SLEEP else None


class MacApi(Protocol):
    def observe(self, name: str, callback: NotificationCallback) -> bool: ...

    def watch_power(self, callback: PowerCallback) -> bool: ...


_CF_CALLBACK = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
)
_IO_CALLBACK = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint32, ctypes.c_void_p
)


class CocoaApi:  # pragma: no cover - runs on macOS only
    """CoreFoundation's distributed centre and IOKit's power notifications, via ctypes."""

    def __init__(self) -> None:
        self._cf: Any = ctypes.CDLL(ctypes.util.find_library("CoreFoundation"))
        self._keep: list[Any] = []  # C callbacks must outlive the registration
        self._root_port = 0

    def _cfstring(self, text: str) -> int:
        self._cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        self._cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self._cf.CFStringCreateWithCString.argtypes += [ctypes.c_uint32]
        return int(self._cf.CFStringCreateWithCString(None, text.encode(), _UTF8))

    def observe(self, name: str, callback: NotificationCallback) -> bool:
        cf = self._cf
        cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
        center = cf.CFNotificationCenterGetDistributedCenter()
        c_callback = _CF_CALLBACK(lambda *_args: callback(name))
        self._keep.append(c_callback)
        cf.CFNotificationCenterAddObserver.argtypes = [ctypes.c_void_p] * 2 + [_CF_CALLBACK]
        cf.CFNotificationCenterAddObserver.argtypes += [ctypes.c_void_p] * 2 + [ctypes.c_int]
        token = ctypes.c_void_p(id(self))
        cf.CFNotificationCenterAddObserver(
            center, token, c_callback, self._cfstring(name), None, _DELIVER_IMMEDIATELY
        )
        return bool(center)

    def watch_power(self, callback: PowerCallback) -> bool:
        iokit: Any = ctypes.CDLL(ctypes.util.find_library("IOKit"))
        port = ctypes.c_void_p()
        notifier = ctypes.c_uint()

        def on_power(_refcon: Any, _service: Any, message_type: int, argument: Any) -> None:
            callback(message_type)
            if message_type in (K_IO_MESSAGE_CAN_SYSTEM_SLEEP, K_IO_MESSAGE_SYSTEM_WILL_SLEEP):
                iokit.IOAllowPowerChange(self._root_port, ctypes.c_void_p(argument))

        c_callback = _IO_CALLBACK(on_power)
        self._keep.append(c_callback)
        iokit.IORegisterForSystemPower.restype = ctypes.c_uint
        iokit.IORegisterForSystemPower.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        iokit.IORegisterForSystemPower.argtypes += [_IO_CALLBACK, ctypes.c_void_p]
        self._root_port = iokit.IORegisterForSystemPower(
            None, ctypes.byref(port), c_callback, ctypes.byref(notifier)
        )
        if not self._root_port:
            return False
        iokit.IONotificationPortGetRunLoopSource.restype = ctypes.c_void_p
        iokit.IONotificationPortGetRunLoopSource.argtypes = [ctypes.c_void_p]
        source = iokit.IONotificationPortGetRunLoopSource(port)
        cf = self._cf
        cf.CFRunLoopGetMain.restype = ctypes.c_void_p
        mode = ctypes.c_void_p.in_dll(cf, "kCFRunLoopCommonModes")
        cf.CFRunLoopAddSource.argtypes = [ctypes.c_void_p] * 3
        cf.CFRunLoopAddSource(cf.CFRunLoopGetMain(), source, mode)
        return True


class MacSessionWatcher(SessionEvents):
    def __init__(self, api: MacApi | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._api = api

    def start(self) -> bool:
        if self.listening:
            return True
        try:
            api = self._api or CocoaApi()
            on_note = lambda name: self.handle(classify_notification(name))  # noqa: E731
            locked = api.observe(SCREEN_LOCKED, on_note)
            power = api.watch_power(lambda kind: self.handle(classify_power(kind)))
        except (OSError, AttributeError, ValueError):
            log.warning("could not register for macOS lock and sleep notifications")
            return False
        self.listening = locked or power
        log.info("session lock watcher %s", "listening" if self.listening else "not available")
        return self.listening

    def handle(self, kind: str | None) -> None:
        if kind == "locked":
            self.screen_locked.emit()
        elif kind == "sleeping":
            self.sleeping.emit()
