"""D6 in the GUI: a vault that fails to load after the unlock is closed again at once.

Building the services is made to fail once, as a damaged settings page would. The unlock
screen shows the typed message, the key is wiped and the process lock released (so "restore
from a backup" can take the folder), and the next unlock works.
"""

from __future__ import annotations

from swreflect.gui.controller import State
from swreflect.vault.lock import ProcessLock
from tests.conftest import TEST_PASSPHRASE
from tests.failing_load import fail_first_load
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_a_failed_load_closes_the_vault_and_says_why(
    qtbot, make_shell, existing_vault, vault_dir, monkeypatch
) -> None:
    seen = fail_first_load(monkeypatch)
    shell = make_shell(vault_dir)
    screen = shell.gate.unlock_screen
    qtbot.keyClicks(screen.passphrase_field, TEST_PASSPHRASE)
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: bool(seen) and screen.message.isVisible(), timeout=WAIT_MS)
    assert "damaged" in screen.message.text()
    assert shell.state is State.UNLOCK and shell.main_window is None
    assert not seen[0].key.alive and not seen[0].is_unlocked
    lock = ProcessLock(vault_dir)
    lock.acquire()  # VaultInUseError if the failed load still held the folder
    lock.release()
    screen.passphrase_field.clear()
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
