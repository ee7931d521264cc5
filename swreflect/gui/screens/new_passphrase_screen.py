"""After opening with the recovery key: a new passphrase is required before going on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from swreflect.gui.screens.passphrase_form import PassphraseForm
from swreflect.gui.ui import MessageLabel, button, hint, title


class NewPassphraseScreen(QWidget):
    passphrase_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Choose a new passphrase")
        self.form = PassphraseForm("New passphrase")
        self.message = MessageLabel("Message")
        self.save_button = button(
            "Set passphrase", "Lock the vault with this new passphrase from now on.", "primary"
        )
        self.save_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title("Choose a new passphrase"))
        layout.addWidget(
            hint(
                "Your vault is open. Please choose a new passphrase before carrying on. "
                "Your recovery key keeps working as before."
            )
        )
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)

        self.form.changed.connect(self.on_form_changed)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.form.confirm_field.returnPressed.connect(self.on_save_button_clicked)
        self.setTabOrder(self.form.suggest_button, self.save_button)
        self.on_form_changed()

    def focus_first(self) -> None:
        self.form.passphrase_field.setFocus()

    def on_form_changed(self) -> None:
        self.save_button.setEnabled(self.form.is_ready())

    def on_save_button_clicked(self) -> None:
        if self.form.is_ready():
            self.message.clear_message()
            self.passphrase_chosen.emit(self.form.passphrase())

    def show_error(self, text: str) -> None:
        self.message.show_message(text)

    def reset(self) -> None:
        self.form.clear()
        self.message.clear_message()
