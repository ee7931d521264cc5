"""The calm de-identification banner: says what looks identifying, offers a one-click swap.

It never blocks saving; it can be dismissed, and it reappears only if the text changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from swreflect.core.deidentify import Finding


def describe(findings: Sequence[Finding]) -> str:
    labels = list(dict.fromkeys(f.label for f in findings))
    if len(labels) > 1:
        listed = ", ".join(labels[:-1]) + " and " + labels[-1]
    else:
        listed = labels[0] if labels else ""
    return (
        f"This might identify someone: {listed}. Reflections are safer without it. "
        "Your writing is saved either way."
    )


class DeidBanner(QFrame):
    swap_requested = Signal()
    never_record_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deidBanner")
        self.setProperty("role", "nudge")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#deidBanner { background: palette(alternate-base); border-radius: 6px; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Identifying details notice")
        self.swap_button = QPushButton("Swap for pseudonyms")
        self.swap_button.setAccessibleName("Swap identifying details for pseudonyms")
        self.swap_button.setToolTip('Names become "Person A" or "Family A"; numbers are removed.')
        self.never_button = QPushButton("Never record a name…")
        self.never_button.setAccessibleName("Add a name to your never-record list")
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.swap_button)
        layout.addWidget(self.never_button)
        self.swap_button.clicked.connect(self.swap_requested)
        self.never_button.clicked.connect(self.never_record_requested)
        self.findings: list[Finding] = []
        self.hide()

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        if not self.findings:
            self.hide()
            return
        self.message.setText(describe(self.findings))
        self.show()
