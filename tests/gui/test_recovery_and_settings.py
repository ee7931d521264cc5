"""Recovery-key unlock, passphrase change and recovery-key rotation through the UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.errors import WrongPassphraseError, WrongRecoveryKeyError
from swreflect.gui import dialogs
from swreflect.gui.backup_hooks import BackupHooks
from swreflect.gui.controller import State
from swreflect.vault.keyslots import KeyslotFile
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.gui.conftest import NEW_PASSPHRASE, WAIT_MS, unlock_through_ui


def test_recovery_key_unlocks_then_requires_a_new_passphrase(
    qtbot, make_shell, existing_vault: str, vault_dir: Path
) -> None:
    shell = make_shell(vault_dir)
    shell.gate.unlock_screen.recovery_button.click()
    assert shell.state is State.RECOVER
    screen = shell.gate.recover_screen

    # A wrong key first: calm message, what was typed kept to correct, nothing on disk changed.
    before = folder_hashes(vault_dir)
    wrong = ("B" if existing_vault[0] != "B" else "C") + existing_vault[1:]
    qtbot.keyClicks(screen.key_field, wrong)
    screen.open_button.click()
    qtbot.waitUntil(screen.message.isVisible, timeout=WAIT_MS)
    assert screen.message.text().startswith("That recovery key didn't open the vault")
    assert screen.key_field.text() == wrong
    assert folder_hashes(vault_dir) == before

    screen.key_field.clear()
    qtbot.keyClicks(screen.key_field, existing_vault.lower().replace("-", " "))
    with qtbot.waitSignal(shell.state_changed, timeout=WAIT_MS) as blocker:
        screen.open_button.click()
    assert blocker.args == ["new_passphrase"]
    assert shell.main_window is None  # no way in without a new passphrase

    new_screen = shell.gate.new_passphrase_screen
    qtbot.keyClicks(new_screen.form.passphrase_field, NEW_PASSPHRASE)
    qtbot.keyClicks(new_screen.form.confirm_field, NEW_PASSPHRASE)
    with qtbot.waitSignal(shell.unlocked, timeout=WAIT_MS):
        new_screen.save_button.click()
    shell.lock()

    with pytest.raises(WrongPassphraseError):
        Vault.unlock(vault_dir, TEST_PASSPHRASE)
    unlock_through_ui(qtbot, shell, NEW_PASSPHRASE)


def test_back_from_recovery_returns_to_unlock(qtbot, make_shell, existing_vault, vault_dir):
    shell = make_shell(vault_dir)
    shell.gate.unlock_screen.recovery_button.click()
    qtbot.keyClicks(shell.gate.recover_screen.key_field, "ABCD")
    shell.gate.recover_screen.back_button.click()
    assert shell.state is State.UNLOCK
    assert shell.gate.recover_screen.key_field.text() == ""


def _settings(shell):
    window = shell.main_window
    window.show_page("settings")
    return window.pages["settings"]


def test_change_passphrase_in_settings_then_unlock_with_the_new_one(
    qtbot, make_shell, existing_vault, vault_dir: Path
) -> None:
    shell = make_shell(vault_dir)
    with qtbot.waitSignal(BackupHooks.of(shell).daily_backup_finished, timeout=WAIT_MS):
        unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)  # the day's backup writes its date
    page = _settings(shell)

    def db_state() -> tuple[bytes, bytes]:
        wal = vault_dir / "vault.db-wal"
        return (vault_dir / "vault.db").read_bytes(), wal.read_bytes() if wal.exists() else b""

    db_before = db_state()

    # Wrong current passphrase: calm message, nothing changed.
    qtbot.keyClicks(page.current_field, "not my passphrase at all")
    qtbot.keyClicks(page.new_form.passphrase_field, NEW_PASSPHRASE)
    qtbot.keyClicks(page.new_form.confirm_field, NEW_PASSPHRASE)
    assert page.change_button.isEnabled()
    page.change_button.click()
    qtbot.waitUntil(page.passphrase_message.isVisible, timeout=WAIT_MS)
    assert page.passphrase_message.text().startswith("That passphrase didn't open the vault")
    assert page.current_field.text() == ""

    qtbot.keyClicks(page.current_field, TEST_PASSPHRASE)
    page.change_button.click()
    qtbot.waitUntil(
        lambda: page.passphrase_message.text().startswith("Your passphrase has been changed"),
        timeout=WAIT_MS,
    )
    assert page.new_form.passphrase_field.text() == ""
    assert db_state() == db_before  # rewrap only: neither the database nor its log changed
    shell.lock()

    screen = shell.gate.unlock_screen
    qtbot.keyClicks(screen.passphrase_field, TEST_PASSPHRASE)
    screen.unlock_button.click()
    qtbot.waitUntil(screen.message.isVisible, timeout=WAIT_MS)
    unlock_through_ui(qtbot, shell, NEW_PASSPHRASE)


def test_rotate_recovery_key_shows_the_new_key_once(
    qtbot, make_shell, existing_vault: str, vault_dir: Path, tmp_path: Path
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    page = _settings(shell)

    dialogs.set_next_answer(False)  # the person thinks again: nothing happens
    page.rotate_button.click()
    assert not page.recovery_panel.isVisibleTo(page)

    before_slot = KeyslotFile.read(vault_dir).slots["recovery"]
    dialogs.set_next_answer(True)
    page.rotate_button.click()
    panel = page.recovery_panel
    assert panel.isVisibleTo(page)
    new_key = "-".join(panel.key_label.text().split())
    assert new_key != existing_vault
    assert not panel.continue_button.isEnabled()
    # Shown but not yet confirmed: the old key is still the one in force (D3).
    assert KeyslotFile.read(vault_dir).slots["recovery"] == before_slot
    panel.stored_box.setChecked(True)
    panel.continue_button.click()
    assert not panel.isVisibleTo(page) and panel.key_label.text() == ""
    shell.lock()

    with pytest.raises(WrongRecoveryKeyError):
        Vault.unlock_with_recovery_key(vault_dir, existing_vault)
    Vault.unlock_with_recovery_key(vault_dir, new_key).lock()


def test_locking_during_a_passphrase_change_lets_it_finish_first(
    qtbot, make_shell, existing_vault, vault_dir: Path
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    page = _settings(shell)
    qtbot.keyClicks(page.current_field, TEST_PASSPHRASE)
    page.new_form.set_passphrase(NEW_PASSPHRASE)
    page.change_button.click()
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.main_window.lock_button.click()  # straight away, while the worker runs
    assert not (vault_dir / "keyslots.json.prev").exists()
    Vault.unlock(vault_dir, NEW_PASSPHRASE).lock()
