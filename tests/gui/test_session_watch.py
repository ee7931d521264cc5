"""Locking when the desktop locks or sleeps, over a private D-Bus daemon (skipped without one)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from swreflect.gui.controller import State
from swreflect.gui.launch import compose
from swreflect.gui.session_watch import LOGIN1, SCREEN_SAVERS, SessionWatcher
from swreflect.vault.kdf import KdfPolicy
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui
from tests.typed import present


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    yield address
    proc.kill()
    proc.wait(timeout=10)


def _connection(address: str, name: str) -> QDBusConnection:
    bus = QDBusConnection.connectToBus(address, name)
    assert bus.isConnected()
    return bus


def _settle(bus: QDBusConnection) -> None:
    """A blocking round trip: the bus has processed our subscriptions once it answers."""
    assert bus.interface().isServiceRegistered("org.freedesktop.DBus").value()


def _emit(bus: QDBusConnection, path: str, interface: str, name: str, value: bool) -> None:
    message = QDBusMessage.createSignal(path, interface, name)
    message.setArguments([value])
    assert bus.send(message)


def test_watcher_reports_screen_lock_and_sleep(qtbot, qapp, private_bus: str) -> None:
    listen = _connection(private_bus, "swreflect-listen-1")
    emit = _connection(private_bus, "swreflect-emit-1")
    watcher = SessionWatcher(listen, listen)
    assert watcher.start()
    _settle(listen)
    for path, interface in SCREEN_SAVERS:
        with qtbot.waitSignal(watcher.screen_locked, timeout=WAIT_MS):
            _emit(emit, path, interface, "ActiveChanged", True)
    with qtbot.waitSignal(watcher.sleeping, timeout=WAIT_MS):
        _emit(emit, *LOGIN1, "PrepareForSleep", True)
    with qtbot.assertNotEmitted(watcher.screen_locked, wait=200):
        _emit(emit, *SCREEN_SAVERS[0], "ActiveChanged", False)  # the screen unlocking


def test_shell_locks_when_the_screen_locks(
    qtbot, styled_app, clock, existing_vault, vault_dir, private_bus: str
) -> None:
    listen = _connection(private_bus, "swreflect-listen-2")
    emit = _connection(private_bus, "swreflect-emit-2")
    shell = compose(
        vault_dir,
        clock,
        KdfPolicy.from_environment(),
        session_watcher=lambda: SessionWatcher(listen, listen),
    )
    qtbot.addWidget(shell.gate)
    shell.start()
    try:
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
        assert shell.session_watcher is not None and shell.session_watcher.listening
        _settle(listen)
        vault = present(shell.services).vault
        with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
            _emit(emit, *SCREEN_SAVERS[0], "ActiveChanged", True)
        assert shell.state is State.UNLOCK
        assert not vault.is_unlocked
    finally:
        shell.shutdown()


def test_without_a_bus_the_watcher_says_so(qapp) -> None:
    nowhere = QDBusConnection("swreflect-not-connected")
    watcher = SessionWatcher(nowhere, nowhere)
    assert watcher.start() is False
