"""Locking waits for work still using the vault's connection in a worker.

The daily backup (and a page's export) run in a worker on the same connection; closing the
connection underneath them crashed the process once. Here a worker is still mid-task when the
user locks: it must finish with the database open, and only then does the vault close.
"""

from __future__ import annotations

import threading
from pathlib import Path

from swreflect.gui.controller import State
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import unlock_through_ui


def test_lock_lets_a_running_worker_finish_before_closing(
    qtbot, make_shell, existing_vault, vault_dir: Path
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    services = shell.services
    assert services is not None
    shell.runner.wait_for_done()  # today's backup, started at unlock, is out of the way

    started = threading.Event()
    release = threading.Event()
    seen: list[object] = []

    def slow_work() -> int:
        started.set()
        release.wait(10)
        # Still using the connection after the user pressed Lock.
        return services.vault.schema_version()

    shell.runner.start(slow_work, seen.append, seen.append)
    assert started.wait(10)
    threading.Timer(0.3, release.set).start()
    shell.lock()

    assert shell.state is State.UNLOCK
    assert not services.vault.is_unlocked
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert isinstance(seen[0], int) and seen[0] >= 1, seen
