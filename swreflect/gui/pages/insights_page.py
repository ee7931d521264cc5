"""The Insights page: a calm look back at the balance of supervision and at one's own
wellbeing. Reflective, not surveillance: no scores, no rankings, no alarms, nothing about the
people a practitioner works with, and nothing here leaves the vault.

The figures come from ``services.insights`` (read-only) and are recomputed whenever the page
is shown, so they follow what was written elsewhere in the app. They are gathered in a worker
(with its own read-only connection, see ``vault.threads``): on a career's worth of sessions and
entries that takes seconds, and the page must paint at once. The first time, a calm
placeholder shows; later, the previous figures stay until the new ones arrive.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from swreflect.core.insights import PairInsight
from swreflect.core.insights_wellbeing import WellbeingInsight
from swreflect.core.services import Services
from swreflect.core.signposting import Signposting
from swreflect.gui.empty_state import go_to
from swreflect.gui.insights.cpd_year_card import CpdYearCard
from swreflect.gui.insights.journal_card import JournalCard
from swreflect.gui.insights.pair_card import PairCard, readable
from swreflect.gui.ui import button, label, title
from swreflect.gui.workers import TaskRunner

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
GATHERING = "Gathering your insights…"
CARDS_PER_TURN = 2
NOT_GATHERED = "Your insights couldn't be gathered just now. They will be tried again next time."
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
        self.placeholder: QLabel | None = None
        outer.addWidget(self.scroller)
        self.column: QVBoxLayout
        self._body: QWidget
        self.is_ready = False
        self.is_empty = False
        self._again = False
        self._runner = TaskRunner(self)
        self._just_built = True
        self._pending: list[PairInsight] = []
        self._cards_at = 0
        self._new_body()
        self.column.addWidget(title("Insights"))
        self.placeholder = label(GATHERING, "hint")
        self.column.addWidget(self.placeholder)
        self.scroller.setWidget(self._body)
        self.refresh()

    def page_shown(self) -> None:
        if self._just_built and self._runner.busy:  # shown as it is built: already gathering
            return
        self.refresh()

    def refresh(self) -> None:
        """Gather the figures in a worker; the cards are rebuilt when they arrive."""
        self.is_ready = False
        if self._runner.busy:  # still gathering: gather once more when that is done
            self._again = True
            return
        insights = self.services.insights
        self._runner.start(
            lambda: (insights.pairs(), insights.wellbeing()),
            self.on_figures_gathered,
            self.on_figures_failed,
        )

    def on_figures_gathered(self, result: object) -> None:
        pairs, wellbeing = cast(tuple[list[PairInsight], WellbeingInsight], result)
        self._fill(pairs, wellbeing)
        self._pending = list(pairs)
        self._add_cards()

    def _add_cards(self) -> None:
        """A few cards per turn of the event loop, into the body still off screen: a long
        history has dozens of agreements and building all their charts at once froze the
        window for seconds. The finished body replaces the old one in one step."""
        for _ in range(CARDS_PER_TURN):
            if not self._pending:
                break
            card = PairCard(self._pending.pop(0))
            self.pair_cards.append(card)
            self.column.insertWidget(self._cards_at + len(self.pair_cards) - 1, card)
        if self._pending:
            QTimer.singleShot(0, self, self._add_cards)  # dropped if the page is gone
            return
        position = self.scroller.verticalScrollBar().value()
        self.scroller.setWidget(self._body)  # deletes the previous body
        self.scroller.verticalScrollBar().setValue(position)
        self._settle()

    def on_figures_failed(self, _message: str) -> None:
        if not self.is_ready and self.placeholder is not None:
            self.placeholder.setText(NOT_GATHERED)
        self._settle()

    def _settle(self) -> None:
        self.is_ready = True
        self._just_built = False
        if self._again:
            self._again = False
            self.refresh()

    def _fill(self, pairs: list[PairInsight], wellbeing: WellbeingInsight) -> None:
        self.placeholder = None
        self._new_body()
        self.pair_cards = []
        self.journal_card = None
        self.column.addWidget(title("Insights"))
        self.is_empty = not pairs and not wellbeing.has_entries
        self._cards_at = self.column.count()
        if self.is_empty:
            self._add_empty_state()
            return
        self.intro = readable(label(INTRO, "hint"), "What this page shows")
        self.column.addWidget(self.intro)
        self.column.addWidget(label("Your supervision", "section"))
        if not pairs:
            self.column.addWidget(label(NO_PAIRS, "hint"))
        self._cards_at = self.column.count()  # the pair cards go here, a few at a time
        self.column.addWidget(label("Your journal and wellbeing", "section"))
        support = Signposting(self.services.settings).support()
        self.journal_card = JournalCard(wellbeing, support)
        self.column.addWidget(self.journal_card)
        self.column.addWidget(label("CPD this registration year", "section"))
        self.cpd_card = CpdYearCard(self.services)
        self.column.addWidget(self.cpd_card)

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
        self.first_step = button(
            "Write a journal entry",
            "Open your journal with a new entry; a wellbeing check-in is optional.",
            "primary",
        )
        self.first_step.clicked.connect(lambda: go_to(self, "journal", "new_entry"))
        inner.addWidget(self.first_step, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(card)

    def save_pending(self) -> None:
        """Insights only reads."""

    def clear_sensitive(self) -> None:
        """Drop the cards (names and figures) before the page goes."""
        self._new_body()
        self.scroller.setWidget(self._body)
        self.pair_cards = []
        self.journal_card = None
