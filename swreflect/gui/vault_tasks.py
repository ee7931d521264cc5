"""Tidying up dialogs when the shell locks.

The slow vault steps the shell runs in workers (create, unlock, restore) are core's
(``core.vault_access``); what is left here is the Qt side of locking.
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
