"""Text fields whose copies are marked private, and clearing those copies on lock.

Journal text copied or dragged out of the editor carries the same hints the shell's
SecureClipboard sets (clipboard managers and history tools skip such content where the
platform honours them). On lock the page clears the clipboard if it still holds one of these
private copies; anything else the user copied is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit

from swreflect.gui.clipboard import HINT_FORMATS

PRIVATE_MARK = "x-kde-passwordManagerHint"


class PrivateTextEdit(QPlainTextEdit):
    def createMimeDataFromSelection(self) -> QMimeData:
        mime = super().createMimeDataFromSelection()
        for fmt, value in HINT_FORMATS.items():
            mime.setData(fmt, value)
        return mime


def clear_private_clipboard() -> bool:
    """Empty the clipboard if it holds journal text copied from a private field."""
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData(QClipboard.Mode.Clipboard)
    if data is None or not data.hasFormat(PRIVATE_MARK):
        return False
    clipboard.clear(QClipboard.Mode.Clipboard)
    return True
