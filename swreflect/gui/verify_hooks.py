"""Checking a signed PDF from anywhere in the app: the gate (no unlocking) and the main window.

Attached to a ``ShellController`` by ``launch.compose``, like ``BackupHooks``. It adds:

* a quiet "Check a signed PDF…" link on the unlock and create-vault screens, so someone who
  was sent a record can check it without opening (or even having) a vault;
* a window-wide shortcut (Ctrl+Shift+K) while unlocked; the Agreements page has its own button.

While a vault is open the dialog names paired people by their certificate fingerprints; when
the vault locks, any open Verify dialog closes, so no name from the vault stays on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from swreflect.gui.gate_links import GateLink
from swreflect.gui.screens import gate_window as gate_names
from swreflect.gui.shortcut_keys import VERIFY_SHORTCUT
from swreflect.gui.ui import button

if TYPE_CHECKING:  # the dialog is imported when first opened, not to draw the unlock screen
    from swreflect.gui.controller import ShellController
    from swreflect.gui.verify_dialog import VerifyDialog

__all__ = ["LINK_HELP", "LINK_TEXT", "VERIFY_SHORTCUT", "VerifyHooks"]

LINK_TEXT = "Check a signed PDF…"
LINK_HELP = "Check a PDF record someone sent you. You don't need to unlock for this."


class VerifyHooks(QObject):
    def __init__(self, shell: ShellController) -> None:
        super().__init__(shell)
        self.shell = shell
        self.dialog: VerifyDialog | None = None
        self.unlock_link = button(LINK_TEXT, LINK_HELP, "link")
        GateLink(shell, gate_names.UNLOCK, self.unlock_link)
        self.create_link = button(LINK_TEXT, LINK_HELP, "link")
        GateLink(shell, gate_names.CREATE, self.create_link)
        self.unlock_link.clicked.connect(self.on_link_clicked)
        self.create_link.clicked.connect(self.on_link_clicked)
        shell.unlocked.connect(self.on_shell_unlocked)
        shell.locked.connect(self.on_shell_locked)

    @staticmethod
    def of(shell: ShellController) -> VerifyHooks:
        found = shell.findChild(VerifyHooks)
        assert found is not None
        return found

    def show_dialog(self) -> VerifyDialog:
        """The Verify dialog over whichever window is showing; reuses one already open."""
        if self.dialog is not None:
            self.dialog.activateWindow()
            return self.dialog
        window = self.shell.main_window
        parent: QWidget = window if window is not None else self.shell.gate
        from swreflect.gui.verify_dialog import open_verify_dialog

        dialog = open_verify_dialog(parent, self.shell.services)
        dialog.destroyed.connect(self.on_dialog_destroyed)
        self.dialog = dialog
        return dialog

    def on_link_clicked(self) -> None:
        self.show_dialog()

    def on_dialog_destroyed(self, _obj: object = None) -> None:
        self.dialog = None

    def on_shell_unlocked(self) -> None:
        window = self.shell.main_window
        if window is None:
            return
        self.close_dialog()  # one opened on the gate knows nobody: start afresh
        from PySide6.QtCore import Qt  # after unlock: the gate paints without the namespace
        from PySide6.QtGui import QAction, QKeySequence  # (nor these types)

        action = QAction("Check a signed PDF", window)
        action.setShortcut(QKeySequence(VERIFY_SHORTCUT))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.on_link_clicked)
        window.addAction(action)

    def on_shell_locked(self) -> None:
        self.close_dialog()

    def close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.close()
