"""The day's backup shows its progress in the status bar and can be put off: nothing is left
behind, and it is tried again later today and at the next unlock."""

from __future__ import annotations

import threading

from swreflect.core.backup_service import BackupService
from swreflect.gui import backup_hooks
from swreflect.gui.backup_hooks import BackupHooks
from swreflect.gui.backup_progress import BackupProgress
from swreflect.vault import backup_copy
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


def test_the_bar_follows_the_copy_and_a_put_off_backup_runs_later_today(
    qtbot, make_shell, vault_dir, monkeypatch, tmp_path
) -> None:
    """The worker is held part-way through the copy (after its progress is recorded) so the
    bar can be read mid-copy; "Put off" then stops it, and it runs again on its own later."""
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", 8)
    monkeypatch.setattr(backup_hooks, "LATER_TODAY_MS", 300)
    held, release = threading.Event(), threading.Event()
    original = BackupService._note_progress

    def hold_part_way(self: BackupService, done: float) -> None:
        original(self, done)
        if done > 0.2 and not held.is_set():
            held.set()
            release.wait(WAIT_MS / 1000)

    monkeypatch.setattr(BackupService, "_note_progress", hold_part_way)
    vault, _ = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    for n in range(3000):
        put_setting(vault, f"note.{n}", "a line of reflection " * 8)
    vault.lock()
    shell = make_shell(vault_dir)
    hooks = BackupHooks.of(shell)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    qtbot.waitUntil(held.is_set, timeout=WAIT_MS)
    indicator = shell.main_window.findChild(BackupProgress)
    assert indicator is not None and indicator.isVisible()
    qtbot.waitUntil(lambda: indicator.bar.value() > 0, timeout=WAIT_MS)
    assert 20 <= indicator.bar.value() < 63  # part-way through the copy, not a busy spinner
    indicator.window().grab().save(str(tmp_path / "backup-progress.png"))
    with qtbot.waitSignal(hooks.daily_backup_failed, timeout=WAIT_MS) as failed:
        indicator.put_off.click()
        release.set()
    assert "put off" in failed.args[0]
    assert not list((vault_dir / "backups").glob("auto-*"))  # no backup, no partial file

    with qtbot.waitSignal(hooks.daily_backup_finished, timeout=WAIT_MS) as finished:
        pass  # later today (300 ms here), with the vault still unlocked and no new unlock
    info = finished.args[0]
    assert info is not None and info.kind == "auto" and info.path.exists()
    assert [p.name for p in (vault_dir / "backups").iterdir()] == [info.path.name]
    shell.lock()
