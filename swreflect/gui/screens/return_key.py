"""Return presses the focused button on the vault screens, as it does in dialogs.

Outside a dialog a ``QPushButton`` ignores Return, so on the recovery-key screen a keyboard
user had to find Space. The gate window passes Return to the focused push button; in a text
field the screen's own handling (Enter submits) is untouched.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton


class ReturnPressesButtons(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            # Imported at the first key press: building the ``Qt`` namespace costs start-up
            # about 20 ms before the unlock screen can paint.
            from PySide6.QtCore import Qt

            focused = QApplication.focusWidget()
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(focused, QPushButton)
                and focused.isEnabled()
                and focused.isVisible()
                and focused.window() is watched
            ):
                focused.click()
                return True
        return False
