"""Return presses the focused button on the vault screens, as it does in dialogs.

Outside a dialog a ``QPushButton`` ignores Return, so on the recovery-key screen a keyboard
user had to find Space. The gate window passes Return to the focused push button; in a text
field the screen's own handling (Enter submits) is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ReturnPressesButtons(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            focused = QApplication.focusWidget()
            if (
                event.key() in RETURN_KEYS
                and isinstance(focused, QPushButton)
                and focused.isEnabled()
                and focused.isVisible()
                and focused.window() is watched
            ):
                focused.click()
                return True
        return False
