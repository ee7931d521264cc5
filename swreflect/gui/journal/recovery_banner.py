"""Offers writing that an earlier session autosaved but never finished saving."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class RecoveryBanner(QFrame):
    restore_requested = Signal()
    discard_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recoveryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#recoveryBanner { background: palette(alternate-base); border-radius: 6px; }"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Recovered writing")
        self.restore_button = QPushButton("Carry on writing")
        self.restore_button.setAccessibleName("Restore the recovered writing")
        self.discard_button = QPushButton("Discard it")
        self.discard_button.setAccessibleName("Discard the recovered writing")
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.restore_button.clicked.connect(self.restore_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def offer(self, title: str, saved_at: datetime) -> None:
        name = f"“{title}”" if title.strip() else "an entry"
        self.message.setText(
            f"Some writing in {name} was kept safe at {saved_at.astimezone():%H:%M on %d %b} "
            "but not finished. Would you like to carry on with it?"
        )
        self.show()
