"""Attaches the menu bar to each unlocked window (``menus.WindowMenus``, built after unlock).

Kept apart from ``menus`` so that start-up, which only attaches this hook to the shell, draws
the unlock screen without loading the menus' code and their ``QAction`` types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from swreflect.gui.verify_hooks import VerifyHooks

if TYPE_CHECKING:
    from swreflect.gui.controller import ShellController
    from swreflect.gui.menus import WindowMenus


class MenuHooks(QObject):
    """Builds the menus each time the vault is unlocked (after ``VerifyHooks``' action)."""

    def __init__(self, shell: ShellController) -> None:
        super().__init__(shell)
        self.shell = shell
        self.menus: WindowMenus | None = None
        shell.unlocked.connect(self.on_shell_unlocked)
        shell.locked.connect(self.on_shell_locked)

    def on_shell_unlocked(self) -> None:
        window = self.shell.main_window
        if window is None:
            return
        from swreflect.gui.menus import WindowMenus

        verify = VerifyHooks.of(self.shell).show_dialog
        self.menus = WindowMenus(window, verify)

    def on_shell_locked(self) -> None:
        self.menus = None
