"""First run: choose the passphrase that will lock the new vault."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from swreflect.gui.screens.passphrase_form import PassphraseForm
from swreflect.gui.ui import MessageLabel, button, hint, title


class CreateVaultScreen(QWidget):
    create_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Create your vault")
        self.form = PassphraseForm("Passphrase")
        self.message = MessageLabel("Message")
        self.create_button = button(
            "Create vault", "Create the encrypted vault with this passphrase.", "primary"
        )
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title("Create your vault"))
        layout.addWidget(
            hint(
                "Everything you write in swreflect stays on this computer, in an encrypted "
                "vault. Choose a passphrase to lock it. A few ordinary words in a row are "
                "strong and easy to remember."
            )
        )
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        layout.addLayout(row)
        layout.addStretch(1)

        self.form.changed.connect(self.on_form_changed)
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.form.passphrase_field.returnPressed.connect(self.form.confirm_field.setFocus)
        self.form.confirm_field.returnPressed.connect(self.on_create_button_clicked)
        self.setTabOrder(self.form.suggest_button, self.create_button)
        self.on_form_changed()

    def focus_first(self) -> None:
        self.form.passphrase_field.setFocus()

    def on_form_changed(self) -> None:
        self.create_button.setEnabled(self.form.is_ready())

    def on_create_button_clicked(self) -> None:
        if not self.form.is_ready():
            return
        self.message.clear_message()
        self.create_requested.emit(self.form.passphrase())

    def show_error(self, text: str) -> None:
        self.message.show_message(text)

    def reset(self) -> None:
        self.form.clear()
        self.message.clear_message()
