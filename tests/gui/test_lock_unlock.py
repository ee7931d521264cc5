"""Unlocking, the wrong-passphrase message, and locking by button, Ctrl+L and idle time."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from swreflect.gui.controller import State
from swreflect.gui.main_window import MainWindow
from tests.conftest import TEST_PASSPHRASE, folder_hashes
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def _assert_fully_locked(qtbot, shell, window, pages, vault, key_buffer) -> None:
    assert shell.state is State.UNLOCK
    assert shell.services is None and shell.main_window is None
    assert not vault.is_unlocked  # the database connection is closed
    assert len(key_buffer) == 32 and all(b == 0 for b in key_buffer)  # the key is zeroed
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=WAIT_MS)
    assert all(not shiboken6.isValid(page) for page in pages)
    assert not any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
    assert shell.gate.isVisible()
    assert shell.gate.unlock_screen.passphrase_field.text() == ""


def _snapshot(shell):
    window = shell.main_window
    vault = shell.services.vault
    return window, list(window.pages.values()), vault, vault.data_key()


def test_unlock_then_lock_with_the_button(qtbot, make_shell, existing_vault, vault_dir) -> None:
    shell = make_shell(vault_dir)
    assert shell.state is State.UNLOCK
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window, pages, vault, key = _snapshot(shell)
    assert window.windowTitle() == "swreflect"
    assert "Ctrl+L" in window.lock_button.toolTip()
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    _assert_fully_locked(qtbot, shell, window, pages, vault, key)


def test_ctrl_l_locks_and_the_vault_unlocks_again(qtbot, make_shell, existing_vault, vault_dir):
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window, pages, vault, key = _snapshot(shell)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        qtbot.keyClick(window.search_box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_fully_locked(qtbot, shell, window, pages, vault, key)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert shell.services is not None and shell.services.vault.is_unlocked


def test_ctrl_f_focuses_the_search_box(qtbot, make_shell, existing_vault, vault_dir) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    window.rail.setFocus()
    qtbot.keyClick(window.rail, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus, timeout=WAIT_MS)
    home = window.pages["home"]
    home.setFocus()
    qtbot.keyClick(home, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus, timeout=WAIT_MS)
    # A page with its own search (the journal) gets Ctrl+F for that box, unambiguously.
    window.show_page("journal")
    journal = window.pages["journal"]
    journal.setFocus()
    qtbot.keyClick(journal, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.search_box.hasFocus(), timeout=WAIT_MS)
    focused = QApplication.focusWidget()
    assert focused is not None and isinstance(focused, QLineEdit)
    assert focused is not window.search_box


def test_wrong_passphrase_is_calm_empties_the_field_and_changes_nothing(
    qtbot, make_shell, existing_vault, vault_dir: Path
) -> None:
    before = folder_hashes(vault_dir)
    shell = make_shell(vault_dir)
    screen = shell.gate.unlock_screen
    qtbot.waitExposed(shell.gate)
    qtbot.keyClicks(screen.passphrase_field, "this is not the passphrase")
    with qtbot.waitSignal(shell.runner.busy_changed, timeout=WAIT_MS) as finished:
        qtbot.keyClick(screen.passphrase_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not shell.runner.busy, timeout=WAIT_MS)
    assert finished.signal_triggered
    assert screen.message.isVisible()
    assert screen.message.text().startswith(
        "That passphrase didn't open the vault. Nothing was changed"
    )
    assert screen.passphrase_field.text() == ""
    qtbot.waitUntil(screen.passphrase_field.hasFocus, timeout=WAIT_MS)
    assert shell.state is State.UNLOCK and shell.services is None
    assert folder_hashes(vault_dir) == before
    # and the right one still works afterwards
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert not screen.message.isVisible()


def test_auto_lock_after_idle_minutes_with_a_fake_clock(
    qtbot, make_shell, existing_vault, vault_dir, clock
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window, pages, vault, key = _snapshot(shell)
    assert shell.idle.active
    clock.advance(4 * 60)
    assert not shell.idle.check()
    # Activity resets the idle time.
    qtbot.keyClicks(window.search_box, "x")
    clock.advance(4 * 60)
    assert not shell.idle.check()
    assert shell.state is State.UNLOCKED
    clock.advance(60)
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        assert shell.idle.check()
    _assert_fully_locked(qtbot, shell, window, pages, vault, key)
    assert not shell.idle.active


def test_auto_lock_minutes_from_settings_apply_at_once(
    qtbot, make_shell, existing_vault, vault_dir, clock
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    settings_page = shell.main_window.pages["settings"]
    assert settings_page.auto_lock_box.value() == 5
    settings_page.auto_lock_box.setValue(1)
    assert settings_page.auto_lock_saved.text() == "Saved"
    clock.advance(59)
    assert not shell.idle.check()
    clock.advance(1)
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.idle.check()
    # Stored in the vault: it survives locking.
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert shell.services.settings.auto_lock_minutes() == 1
    assert shell.main_window.pages["settings"].auto_lock_box.value() == 1


def test_an_unattended_recovery_key_screen_locks_too(qtbot, make_shell, vault_dir, clock) -> None:
    shell = make_shell(vault_dir)
    shell.gate.create_screen.form.set_passphrase(TEST_PASSPHRASE)
    with qtbot.waitSignal(shell.state_changed, timeout=WAIT_MS):
        shell.gate.create_screen.create_button.click()
    panel = shell.gate.recovery_panel
    assert panel.key_label.text()
    vault = shell._pending_vault
    assert vault is not None and vault.is_unlocked
    clock.advance(5 * 60)
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        assert shell.idle.check()
    assert shell.state is State.UNLOCK
    assert panel.key_label.text() == ""
    assert not vault.is_unlocked


def test_a_vault_missing_its_database_is_never_offered_as_new(
    qtbot, make_shell, existing_vault, vault_dir: Path
) -> None:
    (vault_dir / "vault.db").rename(vault_dir.parent / "moved-away.db")
    before = folder_hashes(vault_dir)
    shell = make_shell(vault_dir)
    assert shell.state is State.UNLOCK  # not "create": that would replace the key file
    screen = shell.gate.unlock_screen
    qtbot.keyClicks(screen.passphrase_field, TEST_PASSPHRASE)
    screen.unlock_button.click()
    qtbot.waitUntil(screen.message.isVisible, timeout=WAIT_MS)
    assert "missing" in screen.message.text() and "Nothing was changed" in screen.message.text()
    assert folder_hashes(vault_dir) == before


def test_auto_lock_dismisses_an_open_dialog(qtbot, make_shell, existing_vault, vault_dir, clock):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    box = QMessageBox(shell.main_window)
    box.setText("A question left open")
    outcome: list[int] = []

    def lock_while_open() -> None:
        assert QApplication.activeModalWidget() is box
        clock.advance(5 * 60)
        shell.idle.check()

    QTimer.singleShot(0, lock_while_open)
    outcome.append(box.exec())  # returns once the lock has dismissed it
    assert shell.state is State.UNLOCK
    assert not shiboken6.isValid(box) or not box.isVisible()  # gone with the main window
    assert QApplication.activeModalWidget() is None
