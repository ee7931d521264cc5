"""Unlocking an existing vault with its passphrase (or switching to the recovery key)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from swreflect.gui.ui import MessageLabel, button, field_label, hint, password_field, title


class UnlockScreen(QWidget):
    unlock_requested = Signal(str)
    recovery_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Unlock your vault")
        self.passphrase_field = password_field("Passphrase", "The passphrase of your vault.")
        self.show_box = QCheckBox("Show passphrase")
        self.show_box.setAccessibleName("Show passphrase")
        self.show_box.setAccessibleDescription("Show the passphrase as plain text while typing.")
        self.message = MessageLabel("Message")
        self.unlock_button = button("Unlock", "Open your vault with this passphrase.", "primary")
        self.unlock_button.setDefault(True)
        self.recovery_button = button(
            "Use my recovery key instead",
            "Open the vault with the recovery key, then choose a new passphrase.",
            "link",
        )

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title("Welcome back"))
        layout.addWidget(hint("Enter your passphrase to open your vault."))
        layout.addWidget(field_label("Passphrase", self.passphrase_field))
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.show_box)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.recovery_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        layout.addStretch(1)

        self.passphrase_field.returnPressed.connect(self.on_unlock_button_clicked)
        self.unlock_button.clicked.connect(self.on_unlock_button_clicked)
        self.recovery_button.clicked.connect(self.recovery_requested)
        self.show_box.toggled.connect(self.on_show_box_toggled)
        self.passphrase_field.textChanged.connect(self.on_passphrase_field_text_changed)
        self.setTabOrder(self.passphrase_field, self.show_box)
        self.setTabOrder(self.show_box, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.recovery_button)
        self.on_passphrase_field_text_changed("")

    def focus_first(self) -> None:
        self.passphrase_field.setFocus()

    def on_show_box_toggled(self, checked: bool) -> None:
        self.passphrase_field.setEchoMode(
            QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        )

    def on_passphrase_field_text_changed(self, text: str) -> None:
        self.unlock_button.setEnabled(bool(text))

    def on_unlock_button_clicked(self) -> None:
        text = self.passphrase_field.text()
        if not text:
            return
        self.message.clear_message()
        self.unlock_requested.emit(text)

    def show_error(self, text: str) -> None:
        """Say what happened calmly, empty the field and put the cursor back in it."""
        self.passphrase_field.clear()
        self.message.show_message(text)
        self.passphrase_field.setFocus()

    def show_notice(self, text: str) -> None:
        """Why the vault locked by itself (idle, screen lock); the field keeps the cursor."""
        self.message.show_message(text, "notice")
        self.passphrase_field.setFocus()

    def reset(self) -> None:
        self.passphrase_field.clear()
        self.show_box.setChecked(False)
        self.message.clear_message()
