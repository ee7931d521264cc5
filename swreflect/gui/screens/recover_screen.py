"""Opening the vault with the recovery key when the passphrase is forgotten."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from swreflect.gui.ui import MessageLabel, button, field_label, hint, title

_BASE32 = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567018")  # 0, 1, 8 are read as O, I, B


def doubtful_groups(text: str) -> list[tuple[int, str]]:
    """(position from 1, group) of each group that can't be part of a recovery key."""
    groups = [g for g in text.replace(" ", "-").split("-") if g]
    found = []
    for n, group in enumerate(groups, start=1):
        last = n == len(groups)
        bad_length = len(group) != 4 and not (last and 1 <= len(group) <= 4)
        if bad_length or not set(group.upper()) <= _BASE32:
            found.append((n, group))
    return found


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
        self.key_field.textChanged.connect(self.on_key_field_text_changed)
        self.on_key_field_text_changed("")
        self.setTabOrder(self.key_field, self.open_button)
        self.setTabOrder(self.open_button, self.back_button)

    def focus_first(self) -> None:
        self.key_field.setFocus()

    def on_key_field_text_changed(self, text: str) -> None:
        self.open_button.setEnabled(bool(text.strip()))

    def on_open_button_clicked(self) -> None:
        if self.key_field.text().strip():
            self.message.clear_message()
            self.recovery_key_entered.emit(self.key_field.text())

    def show_error(self, text: str) -> None:
        """Keep what was typed (52 characters are a lot to type again) and point at any group
        that can't be right."""
        doubtful = doubtful_groups(self.key_field.text())
        if doubtful:
            named = ", ".join(f"{n} ({group!r})" for n, group in doubtful)
            text += f" Look again at group {named}: each group is four letters or digits."
        else:
            text += " Every group looks well formed, so compare each with your sheet."
        self.message.show_message(text)
        self.key_field.setFocus()
        self.key_field.deselect()

    def reset(self) -> None:
        self.key_field.clear()
        self.message.clear_message()
