"""The Insights page: a calm look back at the balance of supervision and at one's own
wellbeing. Reflective, not surveillance: no scores, no rankings, no alarms, nothing about the
people a practitioner works with, and nothing here leaves the vault.

The figures come from ``services.insights`` (read-only) and are gathered again whenever the
page is shown, so they follow what was written elsewhere in the app. They are gathered in a
worker (with its own read-only connection, see ``vault.threads``) and the page paints at once:
the first time, a calm placeholder shows; later, the previous figures stay until the new ones
arrive, and when nothing changed the cards are left as they are.

A career holds dozens of agreements. Building and showing a card for each at once froze the
window for a second, so the page shows the most recent few and offers the earlier ones behind
a button, and adds its parts one per turn of the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from swreflect.core.cpd_year import YearView
from swreflect.core.insights import PairInsight
from swreflect.core.insights_wellbeing import WellbeingInsight
from swreflect.core.services import Services
from swreflect.core.signposting import Signposting
from swreflect.gui.empty_state import go_to
from swreflect.gui.hfw_layout import UnsqueezedColumn
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
PAIRS_SHOWN = 6  # the most recent agreements; earlier ones wait behind a button
NOT_GATHERED = "Your insights couldn't be gathered just now. They will be tried again next time."
NO_PAIRS = (
    "No supervision agreements yet. Once you add one on the Supervision page, its sessions "
    "will be reflected here."
)


@dataclass(frozen=True)
class Figures:
    """Everything the page shows, gathered in the worker (compared to skip a rebuild)."""

    pairs: tuple[PairInsight, ...]
    wellbeing: WellbeingInsight
    cpd: YearView


def earlier_text(count: int) -> str:
    return f"Show {count} earlier agreement{'s' if count != 1 else ''}"


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
        self._runner.busy_changed.connect(self.on_runner_busy_changed)
        self._just_built = True
        self._steps: list[Callable[[], None]] = []  # parts of the page still to add
        # A zero timer, not a posted call: it fires once the layout and paint the last step
        # asked for (and any input) have been handled, so no two steps share a turn.
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._next_step)
        self._earlier: list[PairInsight] = []  # agreements behind the "earlier" button
        self._shown: Figures | None = None
        self.earlier_button: QPushButton | None = None
        self.cards_box = QVBoxLayout()
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
        if self._runner.busy or self._steps:
            self._again = True  # still gathering or adding cards: once more when done
            return
        insights, cpd = self.services.insights, self.services.cpd
        self._runner.start(
            lambda: Figures(tuple(insights.pairs()), insights.wellbeing(), cpd.year()),
            self.on_figures_gathered,
            self.on_figures_failed,
        )

    def on_figures_gathered(self, result: object) -> None:
        figures = cast(Figures, result)
        if figures == self._shown:  # nothing changed: keep the cards as they are
            self._settle()
            return
        self._shown = figures
        self._fill(list(figures.pairs), figures.wellbeing, figures.cpd)
        self._next_step()

    def _next_step(self) -> None:
        """Add the next part of the page; one part per turn of the event loop keeps the
        window responsive (all of them at once froze it for a second at a career's scale)."""
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            self._step_timer.start()  # a child of the page: gone with it
            return
        self._settle()

    def on_earlier_button_clicked(self) -> None:
        """Add the earlier agreements' cards above the recent ones, one per turn."""
        button, self.earlier_button = self.earlier_button, None
        if button is None:
            return
        button.hide()
        button.deleteLater()
        earlier, self._earlier = self._earlier, []
        self.is_ready = False
        self._steps = [partial(self._add_card, p, i) for i, p in enumerate(earlier)]
        self._next_step()

    def _add_card(self, pair: PairInsight, at: int | None = None) -> None:
        """Build the card now, style it on the next turn and put it on the page on the one
        after: building, styling and laying out a card in one turn was the longest stall."""
        card = PairCard(pair, self._body)  # hidden until placed
        self._steps[:0] = [card.ensurePolished, partial(self._place_card, card, at)]

    def _place_card(self, card: PairCard, at: int | None) -> None:
        index = len(self.pair_cards) if at is None else at
        self.pair_cards.insert(index, card)
        self.cards_box.insertWidget(index, card)
        card.show()  # now, not on a later turn: "ready" means every card is there

    def on_figures_failed(self, _message: str) -> None:
        if not self.is_ready and self.placeholder is not None:
            self.placeholder.setText(NOT_GATHERED)
        self._settle()

    def _settle(self) -> None:
        self._just_built = False
        if self._again:  # asked again meanwhile: gather once more, now or (while the
            if not self._runner.busy:  # runner still counts the last task) when it is free
                self._again = False
                self.refresh()
            return
        self.is_ready = True

    def on_runner_busy_changed(self, busy: bool) -> None:
        if not busy and self._again and not self._steps:
            self._again = False
            self.refresh()

    def _fill(self, pairs: list[PairInsight], wellbeing: WellbeingInsight, cpd: YearView) -> None:
        """A new body on screen with the title; the rest is queued as steps."""
        self.placeholder = None
        self._new_body()
        self.pair_cards = []
        self.earlier_button = None
        self.journal_card = None
        self.column.addWidget(title("Insights"))
        self.scroller.setWidget(self._body)  # deletes the previous body
        self.is_empty = not pairs and not wellbeing.has_entries
        if self.is_empty:
            self._steps = [self._add_empty_state]
            return
        self._earlier = pairs[: max(0, len(pairs) - PAIRS_SHOWN)]
        recent = pairs[len(self._earlier) :]
        self._steps = [
            lambda: self._add_supervision_heading(bool(pairs)),
            *(partial(self._add_card, p) for p in recent),
            lambda: self._add_journal(wellbeing),
            lambda: self._add_cpd(cpd),
        ]

    def _add_supervision_heading(self, has_pairs: bool) -> None:
        self.intro = readable(label(INTRO, "hint"), "What this page shows")
        self.column.addWidget(self.intro)
        self.column.addWidget(label("Your supervision", "section"))
        if not has_pairs:
            self.column.addWidget(label(NO_PAIRS, "hint"))
        if self._earlier:
            self.earlier_button = QPushButton(earlier_text(len(self._earlier)))
            self.earlier_button.setProperty("role", "link")
            self.earlier_button.setAccessibleDescription(
                "Add the cards of your earlier supervision agreements to this page"
            )
            self.earlier_button.clicked.connect(self.on_earlier_button_clicked)
            self.column.addWidget(self.earlier_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(14)
        self.column.addLayout(self.cards_box)

    def _add_journal(self, wellbeing: WellbeingInsight) -> None:
        self.column.addWidget(label("Your journal and wellbeing", "section"))
        support = Signposting(self.services.settings).support()
        self.journal_card = JournalCard(wellbeing, support)
        self.column.addWidget(self.journal_card)

    def _add_cpd(self, cpd: YearView) -> None:
        self.column.addWidget(label("CPD this registration year", "section"))
        self.cpd_card = CpdYearCard(self.services, cpd)
        self.column.addWidget(self.cpd_card)

    def _new_body(self) -> None:
        """A fresh body for each new set of figures."""
        body = QWidget()
        body.setObjectName("pageArea")
        body.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        # Never squeezes the parts above a new one to fit (see hfw_layout): placing each card
        # laid out and painted every card above it twice.
        outer = UnsqueezedColumn(body)
        outer.setContentsMargins(0, 0, 0, 0)
        self.column = QVBoxLayout()
        self.column.setContentsMargins(32, 20, 32, 28)
        self.column.setSpacing(14)
        self.column.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addLayout(self.column)
        # Spare height goes here, never into the cards: the scroll area sizes the body a turn
        # after its parts change, so it can briefly be taller than they are, and stretching
        # every card to fill that (then back) meant laying out and painting them all again.
        outer.addStretch(1)
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
        self.earlier_button = None
        self._shown = None
        self._steps, self._earlier = [], []
