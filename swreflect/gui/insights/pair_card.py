"""One supervision pair on the Insights page: the support/challenge grid (reused from the
supervision screens), the observations in words, regularity and the time split.

Only ratings, dates and minutes appear here: never a note, an agenda title or anything about
the people a practitioner works with.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from swreflect.core import insights_words as words
from swreflect.core.insights import PairInsight
from swreflect.gui.hfw_layout import HfwColumn
from swreflect.gui.insights.split_chart import SplitChart
from swreflect.gui.supervision.balance_grid import BalanceGrid
from swreflect.gui.ui import content_label, label
from swreflect.timefmt import format_date

READABLE = (
    Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
)


def readable(widget: QLabel, name: str) -> QLabel:
    """A label keyboard users can tab to. A screen reader announces the accessible name in
    place of a label's text, so the name carries both: what it is, then what it says."""
    widget.setTextInteractionFlags(READABLE)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    text = widget.text()
    widget.setAccessibleName(f"{name}: {text}" if text else name)
    return widget


def who(rater: str, pair: PairInsight) -> str:
    return "you" if rater == pair.owner_role else pair.person_name


def grid_words(pair: PairInsight) -> str:
    if not pair.points:
        return "No rated sessions yet."
    return "; ".join(
        f"{words.day(p.held_on)}: {who(p.rater, pair)} rated support {p.support}, "
        f"challenge {p.challenge}"
        for p in pair.points
    )


class PairCard(QFrame):
    def __init__(self, pair: PairInsight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self.setProperty("role", "card")
        self.setAccessibleName(f"Supervision with {pair.person_name}")
        layout = HfwColumn(self)  # asked about several widths in turn: see hfw_layout
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        heading = content_label(f"With {pair.person_name}", "subsection")
        heading.setAccessibleName(f"With {pair.person_name}")
        layout.addWidget(heading)
        relation = (
            "You supervise them." if pair.owner_role == "supervisor" else "They supervise you."
        )
        layout.addWidget(label(relation, "hint"))

        self.regularity = readable(
            content_label(pair.regularity.wording), "How regular your sessions have been"
        )
        layout.addWidget(self.regularity)
        self.length = readable(
            content_label(pair.length_wording or ""), "Time held against the time agreed"
        )
        self.length.setVisible(pair.length_wording is not None)
        layout.addWidget(self.length)

        row = QHBoxLayout()
        row.setSpacing(18)
        self.grid = BalanceGrid()
        self.grid.setAccessibleName(f"Support and challenge with {pair.person_name}")
        self.grid.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.grid.set_rated(
            [(format_date(p.held_on), float(p.support), float(p.challenge)) for p in pair.points],
            [p.rater for p in pair.points],
            grid_words(pair),
        )
        row.addWidget(self.grid, 0, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        side.addWidget(label("Support and challenge", "subsection"))
        self.ratings = readable(content_label(pair.ratings_wording), "Your latest ratings in words")
        side.addWidget(self.ratings)
        supervisor = who("supervisor", pair)
        supervisee = who("supervisee", pair)
        self.key = key = content_label(
            f"\u25a0 Square: {supervisor} (supervisor). \u25c6 Diamond: {supervisee} "
            "(supervisee). Dashed lines join each person's ratings from oldest to newest; the "
            "larger, outlined marks are the most recent session.",
            "hint",
        )
        key.setVisible(bool(pair.points))
        side.addWidget(key)
        side.addStretch(1)
        row.addLayout(side, 1)
        layout.addLayout(row)

        # Time is measured where the session runs: a card built only from ratings given on
        # received records has none to show, so the section is left out rather than empty.
        timed = not pair.received_only
        self.split_title = label("How the time was spent", "subsection")
        self.split_title.setVisible(timed)
        layout.addWidget(self.split_title)
        self.split = SplitChart()
        self.split.set_splits(pair.splits)
        self.split.setVisible(bool(pair.splits))
        layout.addWidget(self.split)
        self.split_hint = content_label(self._split_hint() if timed else "", "hint")
        self.split_hint.setVisible(bool(self.split_hint.text()))
        layout.addWidget(self.split_hint)
        self.balance = readable(
            content_label(pair.balance_note or ""), "An observation about the balance of time"
        )
        self.balance.setProperty("role", "calm")
        self.balance.setVisible(pair.balance_note is not None)
        layout.addWidget(self.balance)

    def _split_hint(self) -> str:
        pair = self.pair
        if not pair.splits:
            return (
                "No time has been recorded against case management, development, support or "
                "mediation yet. The session timer fills this in as you move through the stages."
            )
        if pair.untimed:
            return (
                f"{words.count(pair.untimed, 'recent session').capitalize()} had no time "
                "recorded, so only the timed ones are shown."
            )
        return ""
