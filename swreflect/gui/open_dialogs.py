"""Dismissing whatever dialog is open when the shell locks, so none outlives the locked window.

(The slow vault steps the shell runs in workers, creating, unlocking and restoring, are core's:
``core.vault_access``.)
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def close_open_dialogs() -> None:
    """Dismiss any modal dialog (as if cancelled) so none outlives the locked window."""
    for _attempt in range(10):
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        modal.close()
        if QApplication.activeModalWidget() is modal:
            modal.hide()
