"""The day's backup shows its progress in the status bar and can be put off: nothing is left
behind, and the next unlock tries again."""

from __future__ import annotations

from swreflect.gui.backup_hooks import BackupHooks
from swreflect.gui.backup_progress import BackupProgress
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.backups.conftest import put_setting
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_put_off_stops_the_copy_and_the_next_unlock_tries_again(
    qtbot, make_shell, vault_dir
) -> None:
    vault, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    for n in range(3000):
        put_setting(vault, f"note.{n}", "a line of reflection " * 8)
    vault.lock()
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    with qtbot.waitSignal(hooks.daily_backup_failed, timeout=WAIT_MS) as failed:
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
        qtbot.waitUntil(lambda: shell.main_window.findChild(BackupProgress) is not None)
        indicator = shell.main_window.findChild(BackupProgress)
        assert indicator.isVisible() and indicator.bar.value() <= 100
        indicator.put_off.click()
    assert "put off" in failed.args[0]
    backups = vault_dir / "backups"
    assert not list(backups.glob("auto-*"))  # no backup and no partial file left behind
    qtbot.waitUntil(lambda: shell.main_window.findChild(BackupProgress) is None)
    shell.lock()

    with qtbot.waitSignal(hooks.daily_backup_finished, timeout=WAIT_MS) as finished:
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert finished.args[0] is not None and finished.args[0].kind == "auto"
