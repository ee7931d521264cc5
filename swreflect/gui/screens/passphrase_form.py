"""Choosing a passphrase: two fields, friendly strength feedback and a suggestion.

Used by the create-vault screen, the set-a-new-passphrase step after recovery, and Settings.
The form never echoes the passphrase in any label; a suggestion is shown in the fields
themselves (made visible) so it can be written down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from swreflect.core.passphrase import assess, suggest_passphrase
from swreflect.gui.ui import button, field_label, hint, password_field


class PassphraseForm(QWidget):
    """``changed`` fires on every edit; ``is_ready()`` says both fields agree and are usable."""

    changed = Signal()

    def __init__(self, first_label: str = "Passphrase", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase_field = password_field(
            first_label, "Type a passphrase: several ordinary words in a row work well."
        )
        self.confirm_field = password_field(
            "Type it again", "Type the same passphrase again, to be sure it is right."
        )
        self.show_box = QCheckBox("Show passphrase")
        self.show_box.setAccessibleName("Show passphrase")
        self.show_box.setAccessibleDescription("Show the passphrase as plain text while typing.")
        self.strength_bar = QProgressBar()
        self.strength_bar.setProperty("role", "strength")
        self.strength_bar.setRange(0, 3)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setAccessibleName("Passphrase strength")
        self.strength_label = hint("Several ordinary words in a row make a strong passphrase.")
        self.strength_label.setAccessibleName("Passphrase strength advice")
        self.match_label = hint("")
        self.match_label.setAccessibleName("Whether the two passphrases match")
        self.suggest_button = button(
            "Suggest a passphrase",
            "Fill in five random everyday words. Write them down until you know them by heart.",
        )

        form = QFormLayout()
        form.setSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form_layout = form
        form.addRow(field_label(first_label, self.passphrase_field), self.passphrase_field)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)
        form.addRow(field_label("Type it again", self.confirm_field), self.confirm_field)
        form.addRow("", self.match_label)
        extras = QHBoxLayout()
        extras.addWidget(self.show_box)
        extras.addStretch(1)
        extras.addWidget(self.suggest_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(extras)

        self.passphrase_field.textChanged.connect(self.on_passphrase_field_text_changed)
        self.confirm_field.textChanged.connect(self.on_passphrase_field_text_changed)
        self.show_box.toggled.connect(self.on_show_box_toggled)
        self.suggest_button.clicked.connect(self.on_suggest_button_clicked)
        self.setTabOrder(self.passphrase_field, self.confirm_field)
        self.setTabOrder(self.confirm_field, self.show_box)
        self.setTabOrder(self.show_box, self.suggest_button)
        self.on_passphrase_field_text_changed()

    def passphrase(self) -> str:
        return self.passphrase_field.text()

    def is_ready(self) -> bool:
        text = self.passphrase_field.text()
        return assess(text).acceptable and text == self.confirm_field.text()

    def clear(self) -> None:
        self.passphrase_field.clear()
        self.confirm_field.clear()
        self.show_box.setChecked(False)

    def set_passphrase(self, text: str) -> None:
        self.passphrase_field.setText(text)
        self.confirm_field.setText(text)

    def on_show_box_toggled(self, checked: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if checked else QLineEdit.EchoMode.Password
        self.passphrase_field.setEchoMode(mode)
        self.confirm_field.setEchoMode(mode)

    def on_suggest_button_clicked(self) -> None:
        self.show_box.setChecked(True)
        self.set_passphrase(suggest_passphrase())
        self.passphrase_field.setFocus()

    def on_passphrase_field_text_changed(self, _text: str = "") -> None:
        verdict = assess(self.passphrase_field.text())
        self.strength_bar.setValue(verdict.level)
        text = f"{verdict.label}. {verdict.advice}" if verdict.label else verdict.advice
        self.strength_label.setText(text)
        self.strength_bar.setAccessibleDescription(text)
        confirm = self.confirm_field.text()
        if not confirm:
            self.match_label.setText("")
        elif confirm == self.passphrase_field.text():
            self.match_label.setText("✓ Both passphrases match.")
        else:
            self.match_label.setText("The two passphrases don't match yet.")
        self.changed.emit()
