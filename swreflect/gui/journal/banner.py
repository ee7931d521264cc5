"""The quiet strip above the journal editor: a message and a couple of buttons.

The de-identification nudge and the recovered-writing offer look and behave alike, so they
share this frame; each adds its own buttons and says when to show itself.
"""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class Banner(QFrame):
    """Hidden until needed; the message takes the room the buttons leave."""

    def __init__(self, object_name: str, message_name: str, role: str | None = None) -> None:
        super().__init__()
        self.setObjectName(object_name)
        if role:
            self.setProperty("role", role)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#{object_name} {{ background: palette(alternate-base); border-radius: 6px; }}"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(message_name)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.message, 1)
        self.hide()

    def add_button(self, text: str, accessible_name: str, emits: SignalInstance) -> QPushButton:
        """A button at the end of the row whose click emits ``emits``."""
        button = QPushButton(text)
        button.setAccessibleName(accessible_name)
        self._row.addWidget(button)
        button.clicked.connect(emits)
        return button
