"""Lock on screen lock / user switch / sleep: one interface, a fake, and each OS's decoding.

The Windows watcher gets real ``MSG`` structures through Qt's native event filter hook (as
Windows would hand them over); the macOS watcher gets the callbacks CoreFoundation and IOKit
would make. Only the registration calls themselves are faked, as they need the real OS.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QByteArray

from swreflect.gui import session_macos as mac
from swreflect.gui import session_windows as win
from swreflect.gui.controller import State
from swreflect.gui.launch import compose
from swreflect.gui.session_events import FakeSessionEvents
from swreflect.gui.session_platform import platform_session_events
from swreflect.vault.kdf import KdfPolicy
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui
from tests.typed import present


def test_fake_events_lock_the_shell(qtbot, styled_app, clock, existing_vault, vault_dir) -> None:
    fake = FakeSessionEvents()
    shell = compose(vault_dir, clock, KdfPolicy.from_environment(), session_watcher=lambda: fake)
    qtbot.addWidget(shell.gate)
    shell.start()
    try:
        for trigger in (fake.simulate_screen_lock, fake.simulate_sleep):
            unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
            assert shell.session_watcher is fake and fake.listening
            vault = present(shell.services).vault
            with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
                trigger()
            assert shell.state is State.UNLOCK
            assert not vault.is_unlocked
    finally:
        shell.shutdown()


class FakeWts:
    def __init__(self) -> None:
        self.registered: list[int] = []
        self.unregistered: list[int] = []

    def register(self, hwnd: int) -> bool:
        self.registered.append(hwnd)
        return True

    def unregister(self, hwnd: int) -> None:
        self.unregistered.append(hwnd)


def _deliver(watcher: win.WindowsSessionWatcher, message: int, wparam: int) -> None:
    msg = win.MSG(hwnd=None, message=message, wParam=wparam)
    result = watcher._filter.nativeEventFilter(
        QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg)
    )
    assert result == (False, 0), "the message is passed on to Qt"


def test_windows_session_messages(qtbot, qapp) -> None:
    api = FakeWts()
    watcher = win.WindowsSessionWatcher(api)
    assert watcher.start() and api.registered and api.registered[0] != 0
    try:
        for wparam in (win.WTS_SESSION_LOCK, win.WTS_CONSOLE_DISCONNECT, win.WTS_REMOTE_DISCONNECT):
            with qtbot.waitSignal(watcher.screen_locked, timeout=WAIT_MS):
                _deliver(watcher, win.WM_WTSSESSION_CHANGE, wparam)
        with qtbot.waitSignal(watcher.sleeping, timeout=WAIT_MS):
            _deliver(watcher, win.WM_POWERBROADCAST, win.PBT_APMSUSPEND)
        with (
            qtbot.assertNotEmitted(watcher.screen_locked),
            qtbot.assertNotEmitted(watcher.sleeping),
        ):
            _deliver(watcher, win.WM_WTSSESSION_CHANGE, 0x8)  # WTS_SESSION_UNLOCK
            _deliver(watcher, win.WM_POWERBROADCAST, 0x7)  # PBT_APMRESUMESUSPEND
            _deliver(watcher, 0x0100, win.WTS_SESSION_LOCK)  # WM_KEYDOWN
            watcher._filter.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), 1)
    finally:
        watcher.stop()
    assert api.unregistered == api.registered


class FakeCocoa:
    def __init__(self) -> None:
        self.observers: dict[str, mac.NotificationCallback] = {}
        self.power: list[mac.PowerCallback] = []

    def observe(self, name: str, callback: mac.NotificationCallback) -> bool:
        self.observers[name] = callback
        return True

    def watch_power(self, callback: mac.PowerCallback) -> bool:
        self.power.append(callback)
        return True


def test_macos_notifications(qtbot, qapp) -> None:
    api = FakeCocoa()
    watcher = mac.MacSessionWatcher(api)
    assert watcher.start()
    assert set(api.observers) == {"com.apple.screenIsLocked"}
    with qtbot.waitSignal(watcher.screen_locked, timeout=WAIT_MS):
        api.observers["com.apple.screenIsLocked"]("com.apple.screenIsLocked")
    with qtbot.waitSignal(watcher.sleeping, timeout=WAIT_MS):
        api.power[0](mac.K_IO_MESSAGE_SYSTEM_WILL_SLEEP)
    with qtbot.assertNotEmitted(watcher.sleeping), qtbot.assertNotEmitted(watcher.screen_locked):
        api.power[0](mac.K_IO_MESSAGE_CAN_SYSTEM_SLEEP)  # a question, not the event
        api.power[0](0xE0000300)  # kIOMessageSystemHasPoweredOn


def test_this_platform_gets_its_own_watcher(qapp) -> None:
    watcher = platform_session_events()
    expected = {"win32": "WindowsSessionWatcher", "darwin": "MacSessionWatcher"}
    assert type(watcher).__name__ == expected.get(sys.platform, "SessionWatcher")
