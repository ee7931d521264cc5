"""The menu bar and the application-wide shortcuts of the unlocked window.

The review found shortcuts that worked only when focus already sat inside the right page, and
no menus, so shortcuts lived only in tooltips. Here every action is a window-wide ``QAction``
listed in a menu with its shortcut: Ctrl+N, Ctrl+F, Ctrl+L, Ctrl+Shift+K and F1 fire from any
page with focus anywhere in the window. Pages offer what a shortcut needs through optional
methods (``new_entry``/``focus_search``/``search``) rather than binding keys themselves, so no
key is ever bound twice (Qt ignores an ambiguous shortcut).

Built each time the window is, by ``menu_hooks.MenuHooks`` (which loads this module at the
first unlock, not to draw the unlock screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from swreflect.gui.pages.protocol import StartsEntries
from swreflect.gui.shortcut_keys import VERIFY_SHORTCUT

if TYPE_CHECKING:
    from swreflect.gui.main_window import MainWindow

NEW_ENTRY_SHORTCUT = "Ctrl+N"
SEARCH_SHORTCUT = "Ctrl+F"
LOCK_SHORTCUT = "Ctrl+L"
HELP_SHORTCUT = "F1"
QUIT_SHORTCUT = "Ctrl+Q"

# (keys, what it does) for the Help window; the menu shows the same keys next to each action.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    (NEW_ENTRY_SHORTCUT, "Start a new journal entry"),
    (SEARCH_SHORTCUT, "Search (the journal's own search box on the Journal page)"),
    (LOCK_SHORTCUT, "Lock the vault now"),
    (VERIFY_SHORTCUT, "Check a signed PDF"),
    (HELP_SHORTCUT, "Help for the page you are on"),
    ("Ctrl+1 … Ctrl+7", "Go to a section (Home, Journal, Supervision, …)"),
    ("Up / Down", "Move through the sections when the section list has focus"),
    (QUIT_SHORTCUT, "Lock and quit"),
)


def _action(
    window: QWidget, text: str, keys: str | None, tip: str, slot: Callable[[], object]
) -> QAction:
    from PySide6.QtCore import Qt  # menus are built after unlock, not to draw the gate

    action = QAction(text, window)
    if keys:
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{tip} ({keys})")
    else:
        action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _existing(window: QWidget, keys: str) -> QAction | None:
    wanted = QKeySequence(keys)
    for action in window.actions():
        if action.shortcut() == wanted:
            return action
    return None


class WindowMenus:
    """The menus of one main window (built with it, destroyed with it)."""

    def __init__(self, window: MainWindow, verify: Callable[[], object]) -> None:
        self.window = window
        bar = window.menuBar()
        bar.setAccessibleName("Menu bar")

        vault = bar.addMenu("&Vault")
        self.new_entry = _action(
            window,
            "&New journal entry",
            NEW_ENTRY_SHORTCUT,
            "Start a new private journal entry",
            self.on_new_entry_triggered,
        )
        vault.addAction(self.new_entry)
        self.verify = _existing(window, VERIFY_SHORTCUT) or _action(
            window, "Check a signed PDF", VERIFY_SHORTCUT, "Check a signed PDF", verify
        )
        self.verify.setText("&Check a signed PDF…")
        self.verify.setToolTip(f"Check a PDF record someone sent you ({VERIFY_SHORTCUT})")
        vault.addAction(self.verify)
        vault.addSeparator()
        self.lock = window.lock_action
        self.lock.setText("&Lock")
        self.lock.setToolTip(f"Lock the vault now and hide everything ({LOCK_SHORTCUT})")
        vault.addAction(self.lock)
        self.quit = _action(
            window, "Lock and &quit", QUIT_SHORTCUT, "Lock the vault and close", window.close
        )
        vault.addAction(self.quit)

        edit = bar.addMenu("&Edit")
        self.search = _action(
            window, "&Search…", SEARCH_SHORTCUT, "Search your journal", self.on_search_triggered
        )
        edit.addAction(self.search)

        go = bar.addMenu("&Go")
        self.go_actions: dict[str, QAction] = {}
        for number, (key, title) in enumerate(window.page_titles(), start=1):
            keys = f"Ctrl+{number}" if number <= 9 else None
            action = _action(window, f"&{title}", keys, f"Open {title}", self._go(key))
            go.addAction(action)
            self.go_actions[key] = action

        help_menu = bar.addMenu("&Help")
        self.help = _action(
            window, "swreflect &Help", HELP_SHORTCUT, "Help for this page", self.on_help_triggered
        )
        help_menu.addAction(self.help)
        self.about = _action(
            window,
            "&About swreflect",
            None,
            "Version, licence and privacy promise",
            self.on_about_triggered,
        )
        help_menu.addAction(self.about)
        self.menus: list[QMenu] = [vault, edit, go, help_menu]

    def _go(self, key: str) -> Callable[[], None]:
        def go() -> None:
            from PySide6.QtCore import Qt

            self.window.show_page(key)
            page = self.window.current_page()
            if page is not None:
                page.setFocus(Qt.FocusReason.ShortcutFocusReason)

        return go

    def on_new_entry_triggered(self) -> None:
        self.window.show_page("journal")
        page = self.window.current_page()
        if isinstance(page, StartsEntries):
            page.new_entry()

    def on_search_triggered(self) -> None:
        self.window.focus_search(self.window.current_page())

    def on_help_triggered(self) -> None:
        from swreflect.gui.help_dialog import show_help

        show_help(self.window, self.window.current_key(), SHORTCUTS)

    def on_about_triggered(self) -> None:
        from swreflect.gui.about_dialog import show_about

        show_about(self.window)
