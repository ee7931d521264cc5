"""The Insights page: a calm look back at the balance of supervision and at one's own
wellbeing. Reflective, not surveillance: no scores, no rankings, no alarms, nothing about the
people a practitioner works with, and nothing here leaves the vault.

The figures come from ``services.insights`` (read-only) and are recomputed whenever the page
is shown, so they follow what was written elsewhere in the app.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.gui.insights.journal_card import JournalCard
from swreflect.gui.insights.pair_card import PairCard, readable
from swreflect.gui.ui import label, title

INTRO = (
    "A quiet look back over your sessions and your journal. It is here to help you notice the "
    "balance of support, learning and challenge, not to score anyone. Only you can see it."
)
EMPTY = (
    "This page is a quiet look back at the balance of your supervision and at your own "
    "wellbeing. It fills up as you use swreflect."
)
EMPTY_SUPERVISION = (
    "Supervision: at the end of a session you can each rate support and challenge from 1 to 5. "
    "You will see where your sessions sit on the grid, how regular they have been against "
    "your agreement, and how time was shared between case management, development, support "
    "and mediation."
)
EMPTY_JOURNAL = (
    "Journal: when you add the optional energy, stress and workload check-ins to an entry, you "
    "will see how they move week by week, how often you reflected and which templates you use."
)
NO_PAIRS = (
    "No supervision agreements yet. Once you add one on the Supervision page, its sessions "
    "will be reflected here."
)


class InsightsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setAccessibleName("Insights")
        self.setAccessibleDescription(INTRO)
        self.pair_cards: list[PairCard] = []
        self.journal_card: JournalCard | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setAccessibleName("Insights")
        outer.addWidget(self.scroller)
        self.column: QVBoxLayout
        self._body: QWidget
        self.refresh()

    def page_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute from the vault and rebuild the cards."""
        position = self.scroller.verticalScrollBar().value()
        self._fill()
        self.scroller.setWidget(self._body)  # deletes the previous body
        self.scroller.verticalScrollBar().setValue(position)

    def _fill(self) -> None:
        pairs = self.services.insights.pairs()
        wellbeing = self.services.insights.wellbeing()
        self._new_body()
        self.pair_cards = []
        self.journal_card = None
        self.column.addWidget(title("Insights"))
        self.is_empty = not pairs and not wellbeing.has_entries
        if self.is_empty:
            self._add_empty_state()
            return
        self.intro = readable(label(INTRO, "hint"), "What this page shows")
        self.column.addWidget(self.intro)
        self.column.addWidget(label("Your supervision", "section"))
        if not pairs:
            self.column.addWidget(label(NO_PAIRS, "hint"))
        for pair in pairs:
            card = PairCard(pair)
            self.pair_cards.append(card)
            self.column.addWidget(card)
        self.column.addWidget(label("Your journal and wellbeing", "section"))
        self.journal_card = JournalCard(wellbeing)
        self.column.addWidget(self.journal_card)

    def _new_body(self) -> None:
        """A fresh body for each refresh, filled before it goes into the scroll area: widgets
        added to a body already on screen were laid out hidden and left squashed."""
        body = QWidget()
        body.setObjectName("pageArea")
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(32, 20, 32, 28)
        self.column.setSpacing(14)
        self.column.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._body = body

    def _add_empty_state(self) -> None:
        card = QFrame()
        card.setProperty("role", "card")
        card.setAccessibleName("What this page shows")
        card.setMaximumWidth(820)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(22, 16, 22, 18)
        inner.setSpacing(10)
        inner.addWidget(label("Nothing to look back on yet", "subsection"))
        self.intro = readable(label(EMPTY, "empty"), "What this page shows")
        inner.addWidget(self.intro)
        inner.addWidget(readable(label(EMPTY_SUPERVISION, "empty"), "How supervision fills it"))
        inner.addWidget(readable(label(EMPTY_JOURNAL, "empty"), "How your journal fills it"))
        inner.addWidget(label("Nothing here is shared, scored or compared with anyone.", "hint"))
        self.column.addWidget(card)

    def save_pending(self) -> None:
        """Insights only reads."""

    def clear_sensitive(self) -> None:
        """Drop the cards (names and figures) before the page goes."""
        self._new_body()
        self.scroller.setWidget(self._body)
        self.pair_cards = []
        self.journal_card = None
