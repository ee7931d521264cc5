"""Your own support and challenge rating, given while you review a record you were sent.

It is entered in your own vault, not on the other person's screen, and kept there for your
insights: it never goes into their record and is never sent.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from swreflect.core.services import Services
from swreflect.errors import SwreflectError

HINT = "Yours only: kept in your vault, never sent."


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem("Not rated", 0)
    for value in range(1, 6):
        combo.addItem(str(value), value)
    return combo


class ReviewRating(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._record_id: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("How did the session feel to you? Support"))
        self.support = _combo("Support you felt (1 = very little, 5 = a lot)")
        row.addWidget(self.support)
        row.addWidget(QLabel("Challenge"))
        self.challenge = _combo("Challenge you felt (1 = very little, 5 = a lot)")
        row.addWidget(self.challenge)
        self.note = QLabel(HINT)
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        for combo in (self.support, self.challenge):
            combo.currentIndexChanged.connect(self.on_rating_changed)

    def show_for(self, record_id: str | None) -> None:
        """Shown for a supervision record someone sent you; hidden otherwise."""
        self._record_id = record_id
        self.setVisible(record_id is not None)
        given = self._services.records.received_rating(record_id) if record_id else None
        values = given[1:] if given else (0, 0)
        for combo, value in zip((self.support, self.challenge), values, strict=True):
            combo.blockSignals(True)
            combo.setCurrentIndex(int(value))
            combo.blockSignals(False)
        self.note.setText(HINT)

    def on_rating_changed(self, _index: int) -> None:
        support, challenge = int(self.support.currentData()), int(self.challenge.currentData())
        if self._record_id is None or not (support and challenge):
            return
        try:
            self._services.records.rate_received(self._record_id, support, challenge)
        except SwreflectError as exc:
            self.note.setText(exc.message)
            return
        self.note.setText("Saved in your vault. " + HINT)
