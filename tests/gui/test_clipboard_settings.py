"""SECURITY.md row 12: the clipboard clears 10 s after a copy by default, 5-60 s as chosen in
Settings, on lock and on quit; text someone else copied meanwhile is left alone. Fake clock.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from swreflect.core.settings import CLIPBOARD_DEFAULT_SECONDS
from swreflect.errors import ValidationError
from swreflect.platform.security_settings import CLIPBOARD_CLEAR_SECONDS
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def _settings(shell):
    shell.main_window.show_page("settings")
    return shell.main_window.pages["settings"]


def test_default_is_ten_seconds_from_the_one_table() -> None:
    assert CLIPBOARD_DEFAULT_SECONDS == CLIPBOARD_CLEAR_SECONDS.default == 10


def test_a_copy_clears_after_the_chosen_time_and_the_choice_is_kept(
    qtbot, make_shell, existing_vault, vault_dir, clock
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    page = _settings(shell)
    board = page._clipboard
    assert board.clear_after_seconds == 10
    board.copy("KEY1-KEY2")
    clock.advance(9.5)
    assert not board.check()
    clock.advance(0.5)
    assert board.check() and QGuiApplication.clipboard().text() == ""

    page.clipboard_box.setValue(30)
    assert shell.services.settings.clipboard_clear_seconds() == 30
    board.copy("KEY3-KEY4")
    clock.advance(29)
    assert not board.check()
    clock.advance(1)
    assert board.check() and QGuiApplication.clipboard().text() == ""
    with pytest.raises(ValidationError):
        shell.services.settings.set_clipboard_clear_seconds(4)
    with pytest.raises(ValidationError):
        shell.services.settings.set_clipboard_clear_seconds(61)

    # Kept in the vault: after a lock and unlock the page reads 30 again.
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.main_window.lock_button.click()
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    assert _settings(shell).clipboard_box.value() == 30


def test_lock_and_quit_clear_a_page_copy(
    qtbot, make_shell, existing_vault, vault_dir, clock
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    _settings(shell)._clipboard.copy("copied from settings")
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.main_window.lock_button.click()
    assert QGuiApplication.clipboard().text() == ""

    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    _settings(shell)._clipboard.copy("copied just before quitting")
    shell.main_window.close()  # closing the window quits the app, locking first
    assert QGuiApplication.clipboard().text() == ""
