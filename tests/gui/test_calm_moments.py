"""Stressful moments stay calm: a wrong recovery key keeps what was typed and names the doubtful
group; after an auto-lock the unlock screen says why; Return presses the focused button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from swreflect.gui.controller import State
from swreflect.gui.screens.recover_screen import doubtful_groups
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_a_wrong_recovery_key_keeps_the_text_and_names_the_doubtful_group(
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    shell.gate.unlock_screen.recovery_button.click()
    screen = shell.gate.recover_screen
    groups = existing_vault.split("-")
    groups[4] = groups[4][:3] + "!"  # one mistyped group
    typed = "-".join(groups)
    qtbot.keyClicks(screen.key_field, typed)
    with qtbot.waitSignal(shell.runner.busy_changed, timeout=WAIT_MS):
        screen.open_button.click()
    qtbot.waitUntil(
        lambda: screen.message.isVisible() or screen.message.text() != "", timeout=WAIT_MS
    )
    assert screen.key_field.text() == typed  # nothing to type again
    assert "group 5" in screen.message.text()
    assert shell.state is State.RECOVER
    assert doubtful_groups("ABCD-EFG-HIJK") == [(2, "EFG")]
    assert doubtful_groups(existing_vault) == []


def test_after_an_auto_lock_the_unlock_screen_says_why(
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    shell.services.settings.set_auto_lock_minutes(1)
    shell.on_idle_idle_timed_out()  # what the idle watcher calls
    assert shell.state is State.UNLOCK
    text = shell.gate.unlock_screen.message.text()
    assert "left alone for 1 minute." in text and "writing was kept" in text
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)  # a manual unlock clears the note
    shell.lock()
    assert shell.gate.unlock_screen.message.text() == ""


def test_return_presses_the_focused_button_on_the_vault_screens(
    qtbot, make_shell, existing_vault, vault_dir
) -> None:
    shell = make_shell(vault_dir)
    qtbot.waitExposed(shell.gate)
    shell.gate.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.gate, timeout=WAIT_MS)
    recovery = shell.gate.unlock_screen.recovery_button
    recovery.setFocus()
    qtbot.waitUntil(recovery.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(recovery, Qt.Key.Key_Return)
    assert shell.state is State.RECOVER
    back = shell.gate.recover_screen.back_button
    back.setFocus()
    qtbot.waitUntil(back.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(back, Qt.Key.Key_Return)
    assert shell.state is State.UNLOCK
