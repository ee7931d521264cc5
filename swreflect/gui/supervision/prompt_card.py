"""The current prompt of a stage with "Another prompt" to rotate through the pack's prompts.

Prompts are invitations: nothing forces an answer, and the note buttons beside the card are
what record one (each note keeps the exact prompt text shown here).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from swreflect.core.prompt_packs import Prompt


class PromptCard(QFrame):
    prompt_changed = Signal(str)

    def __init__(self, prompts: Sequence[Prompt], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = list(prompts)
        self._index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Prompt")
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        self.another_button = QPushButton("&Another prompt")
        self.another_button.setAccessibleName("Show another prompt")
        self.another_button.setToolTip("Every prompt is optional; try another or skip it.")
        self.another_button.clicked.connect(self.on_another_button_clicked)
        self.another_button.setEnabled(len(self._prompts) > 1)
        self.position = QLabel()
        self.position.setProperty("role", "hint")
        row.addWidget(self.another_button)
        row.addWidget(self.position)
        row.addStretch(1)
        layout.addLayout(row)
        self._show()

    def set_prompts(self, prompts: Sequence[Prompt]) -> None:
        self._prompts = list(prompts)
        self._index = 0
        self.another_button.setEnabled(len(self._prompts) > 1)
        self._show()

    def current(self) -> Prompt | None:
        return self._prompts[self._index] if self._prompts else None

    def on_another_button_clicked(self) -> None:
        if self._prompts:
            self._index = (self._index + 1) % len(self._prompts)
            self._show()

    def _show(self) -> None:
        prompt = self.current()
        self.label.setText(prompt.text if prompt else "No prompts here; just talk.")
        self.position.setText(
            f"{self._index + 1} of {len(self._prompts)}" if len(self._prompts) > 1 else ""
        )
        self.prompt_changed.emit(prompt.text if prompt else "")
