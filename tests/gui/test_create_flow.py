"""First run: the create-vault screen, the recovery key shown once, then the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from swreflect.core.passphrase import load_wordlist
from swreflect.gui.controller import State
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS


def test_create_vault_through_the_screen(qtbot, make_shell, vault_dir: Path) -> None:
    shell = make_shell(vault_dir)
    assert shell.state is State.CREATE
    assert shell.gate.windowTitle() == "swreflect"
    screen = shell.gate.create_screen
    assert not screen.create_button.isEnabled()

    qtbot.keyClicks(screen.form.passphrase_field, TEST_PASSPHRASE)
    assert screen.form.strength_label.text().startswith("Strong")
    assert not screen.create_button.isEnabled()  # not confirmed yet
    qtbot.keyClicks(screen.form.confirm_field, TEST_PASSPHRASE)
    assert screen.create_button.isEnabled()

    with qtbot.waitSignal(shell.state_changed, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["recovery_key"]
    assert Vault.exists(vault_dir)
    assert screen.form.passphrase_field.text() == ""  # nothing typed lingers

    panel = shell.gate.recovery_panel
    groups = panel.key_label.text().split()
    assert len(groups) == 13 and all(len(g) == 4 for g in groups[:-1])
    # The gate: no way on until the person says the key is stored.
    assert not panel.continue_button.isEnabled()
    panel.continue_button.click()
    assert shell.state is State.RECOVERY_KEY
    panel.stored_box.setChecked(True)
    assert panel.continue_button.isEnabled()
    with qtbot.waitSignal(shell.unlocked, timeout=WAIT_MS):
        panel.continue_button.click()

    assert shell.state is State.UNLOCKED
    assert panel.key_label.text() == ""  # the key is no longer on screen
    window = shell.main_window
    assert window is not None and window.windowTitle() == "swreflect"
    assert not shell.gate.isVisible()

    # The key shown really is this vault's recovery key.
    shell.lock()
    Vault.unlock_with_recovery_key(vault_dir, "-".join(groups)).lock()


def test_short_or_mismatched_passphrases_keep_create_disabled(qtbot, make_shell, vault_dir):
    shell = make_shell(vault_dir)
    form = shell.gate.create_screen.form
    qtbot.keyClicks(form.passphrase_field, "short one")
    qtbot.keyClicks(form.confirm_field, "short one")
    assert form.strength_label.text().startswith("Not long enough")
    assert not shell.gate.create_screen.create_button.isEnabled()
    form.clear()
    qtbot.keyClicks(form.passphrase_field, "a perfectly long passphrase")
    qtbot.keyClicks(form.confirm_field, "a perfectly long passphrasf")
    assert "don't match" in form.match_label.text()
    assert not shell.gate.create_screen.create_button.isEnabled()
    assert not Vault.exists(vault_dir)


def test_suggest_a_passphrase_offers_five_words_from_our_list(qtbot, make_shell, vault_dir):
    shell = make_shell(vault_dir)
    form = shell.gate.create_screen.form
    form.suggest_button.click()
    words = form.passphrase_field.text().split(" ")
    assert len(words) == 5
    assert set(words) <= set(load_wordlist())
    assert form.confirm_field.text() == form.passphrase_field.text()
    assert form.show_box.isChecked()  # shown, so it can be written down
    assert shell.gate.create_screen.create_button.isEnabled()
    form.suggest_button.click()
    assert form.passphrase_field.text().split(" ") != words  # ~2^55 choices: never equal
