"""Opening the vault with the recovery key when the passphrase is forgotten."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from swreflect.gui.ui import MessageLabel, button, field_label, hint, title


class RecoverScreen(QWidget):
    recovery_key_entered = Signal(str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Open with your recovery key")
        self.key_field = QLineEdit()
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_field.setPlaceholderText("ABCD-EFGH-…")
        self.key_field.setAccessibleName("Recovery key")
        self.key_field.setAccessibleDescription(
            "Type the recovery key from your sheet; spaces, dashes and capitals don't matter."
        )
        self.message = MessageLabel("Message")
        self.open_button = button("Open vault", "Open the vault with the recovery key.", "primary")
        self.open_button.setDefault(True)
        self.back_button = button(
            "Back to passphrase", "Return to unlocking with your passphrase.", "link"
        )

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title("Open with your recovery key"))
        layout.addWidget(
            hint(
                "Type the recovery key you saved when the vault was made. Spaces, dashes and "
                "capitals don't matter. Afterwards you'll choose a new passphrase."
            )
        )
        layout.addWidget(field_label("Recovery key", self.key_field))
        layout.addWidget(self.key_field)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        layout.addStretch(1)

        self.key_field.returnPressed.connect(self.on_open_button_clicked)
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.back_button.clicked.connect(self.back_requested)
        self.setTabOrder(self.key_field, self.open_button)
        self.setTabOrder(self.open_button, self.back_button)

    def focus_first(self) -> None:
        self.key_field.setFocus()

    def on_open_button_clicked(self) -> None:
        if self.key_field.text().strip():
            self.recovery_key_entered.emit(self.key_field.text())

    def show_error(self, text: str) -> None:
        self.key_field.clear()
        self.message.show_message(text)
        self.key_field.setFocus()

    def reset(self) -> None:
        self.key_field.clear()
        self.message.clear_message()
