"""Every documented shortcut fires from every page, with focus in the rail, the window's search
box and an editor on the page; the menus list each action with its shortcut; typing in the rail
never changes the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from swreflect.gui.help_dialog import HelpDialog
from swreflect.gui.menu_hooks import MenuHooks
from swreflect.gui.verify_hooks import VerifyHooks
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _editor_on(page: QWidget) -> QWidget | None:
    for kind in (QLineEdit, QPlainTextEdit, QTextEdit):
        for widget in page.findChildren(kind):
            if widget.isVisible() and widget.isEnabled() and not _is_read_only(widget):
                return widget
    return None


def _is_read_only(widget: QWidget) -> bool:
    return bool(getattr(widget, "isReadOnly", lambda: False)())


def _activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)


@pytest.fixture
def unlocked(qtbot, make_shell, existing_vault, vault_dir):
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    qtbot.waitExposed(window)
    _activate(qtbot, window)
    return shell


def _places(window, key):
    """The three focus positions on page ``key``: rail, window search box, an editor."""
    window.show_page(key)
    page = window.current_page()
    QApplication.processEvents()
    editor = _editor_on(page)
    places = [("rail", window.rail), ("search box", window.search_box)]
    if editor is not None:
        places.append(("editor", editor))
    return places


def test_each_shortcut_fires_from_every_page_and_focus(qtbot, unlocked) -> None:
    shell = unlocked
    window = shell.main_window
    hooks = VerifyHooks.of(shell)
    # Count lock requests rather than locking 21 times (a real Ctrl+L lock ends this test).
    window.lock_requested.disconnect(shell.on_main_window_lock_requested)
    locks: list[int] = []
    window.lock_requested.connect(lambda: locks.append(1))
    editors_seen = 0
    for key, _title in window.page_titles():
        for where, widget in _places(window, key):
            editors_seen += where == "editor"
            context = f"{key}/{where}"
            # Ctrl+N: to the journal, cursor in a fresh entry's title.
            window.show_page(key)
            _focus(qtbot, widget)
            qtbot.keyClick(widget, Qt.Key.Key_N, CTRL)
            assert window.current_key() == "journal", context
            journal = window.current_page()
            qtbot.waitUntil(journal.editor.title_edit.hasFocus, timeout=WAIT_MS)
            # Ctrl+F: a search field gets the cursor (the journal's own on the journal).
            window.show_page(key)
            _focus(qtbot, widget)
            qtbot.keyClick(widget, Qt.Key.Key_F, CTRL)
            wanted = journal.search_bar.field if key == "journal" else window.search_box
            qtbot.waitUntil(wanted.hasFocus, timeout=WAIT_MS)
            # Ctrl+L asks to lock.
            before = len(locks)
            _focus(qtbot, widget)
            qtbot.keyClick(widget, Qt.Key.Key_L, CTRL)
            assert len(locks) == before + 1, context
            # Ctrl+Shift+K opens the Verify dialog.
            _focus(qtbot, widget)
            qtbot.keyClick(widget, Qt.Key.Key_K, CTRL | SHIFT)
            assert hooks.dialog is not None, context
            hooks.close_dialog()
            _activate(qtbot, window)
            # F1 opens help for the page.
            _focus(qtbot, widget)
            qtbot.keyClick(widget, Qt.Key.Key_F1)
            helps = [d for d in window.findChildren(HelpDialog) if d.isVisible()]
            assert len(helps) == 1, context
            helps[0].close()
            _activate(qtbot, window)
    assert editors_seen >= 3  # journal, supervision, settings at least have a text field
    window.lock_requested.connect(shell.on_main_window_lock_requested)
    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        qtbot.keyClick(window.rail, Qt.Key.Key_L, CTRL)


def test_menus_list_every_action_with_its_shortcut(qtbot, unlocked) -> None:
    shell = unlocked
    window = shell.main_window
    menus = shell.findChild(MenuHooks).menus
    listed = {
        action.shortcut().toString(): action.text()
        for menu in menus.menus
        for action in menu.actions()
        if not action.isSeparator()
    }
    for keys in ("Ctrl+N", "Ctrl+F", "Ctrl+L", "Ctrl+Shift+K", "F1", "Ctrl+Q"):
        assert keys in listed, keys
    for number in range(1, len(window.page_titles()) + 1):
        assert f"Ctrl+{number}" in listed
    assert any("About" in text for text in listed.values())
    qtbot.keyClick(window.rail, Qt.Key.Key_3, CTRL)
    assert window.current_key() == window.page_titles()[2][0]


def test_typing_in_the_rail_never_changes_the_page(qtbot, unlocked) -> None:
    window = unlocked.main_window
    window.show_page("home")
    _focus(qtbot, window.rail)
    qtbot.keyClicks(window.rail, "abcsji")
    assert window.current_key() == "home"
    qtbot.keyClick(window.rail, Qt.Key.Key_Down)
    assert window.current_key() == "journal"
