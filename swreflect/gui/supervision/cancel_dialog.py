"""Recording that a session didn't take place: who cancelled it and, if they like, why.

Both are kept with the session, so a run of cancellations can be seen and talked about (an
NQSW whose supervision keeps being cancelled can show it). The reason is optional and short.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from swreflect.gui.ui import hint
from swreflect.models.vocab import Role


class CancelDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record a cancelled session")
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                "The session won't count as held. Who cancelled it is kept with the session; "
                "the reason is up to you."
            )
        )
        form = QFormLayout()
        who = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.by: dict[str, QRadioButton] = {}
        for role in tuple(Role):
            button = QRadioButton(f"The {role}")
            button.setAccessibleName(f"Cancelled by the {role}")
            self.group.addButton(button)
            self.by[role] = button
            who.addWidget(button)
        self.by["supervisor"].setChecked(True)
        form.addRow("Cancelled by:", who)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Why, if you'd like to say")
        self.reason.setPlaceholderText("Optional, for example 'court hearing moved'")
        self.reason.setMaxLength(500)
        form.addRow("Reason:", self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record it")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, str]:
        role = next(r for r, b in self.by.items() if b.isChecked())
        return role, self.reason.text().strip()
