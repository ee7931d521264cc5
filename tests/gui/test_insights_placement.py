"""Adding the Insights page's parts one per turn must leave the parts already there alone.

Each new card used to be laid out into the page's old height first: every card above it was
squeezed to make room, then stretched back when the scroll area grew, so each card placed
laid out and painted all the earlier ones twice (the longest stall when the page opened).
A card whose width is unchanged has no reason to change height: these tests count exactly
that. The height-for-width table (``gui/hfw_layout``) is checked against Qt's own answers.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from swreflect.core.clock import FakeClock
from swreflect.gui.hfw_layout import HfwColumn
from swreflect.gui.pages.insights_page import PAIRS_SHOWN, InsightsPage
from tests.insights.seed import TODAY, seed_supervision

LONG = "A sentence long enough to wrap onto several lines in a narrow column of text. " * 4


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TODAY)


class Squeezes(QObject):
    """Counts height-only resizes (the width unchanged) of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            old, new = event.oldSize(), event.size()
            if old.width() == new.width() and old.height() > 0 and old.height() != new.height():
                self.seen.append((new.width(), old.height(), new.height()))
        return False


def test_placing_a_card_leaves_the_cards_above_alone(qtbot, styled_app, services) -> None:
    seed_supervision(services)
    for n in range(PAIRS_SHOWN):
        person = services.people.add(f"Person {n:02d}", "supervisee")
        services.agreements.add(person.id, "Jo", start_date=date(2020, 1, 6 + n))
    page = InsightsPage(services)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    qtbot.waitUntil(lambda: len(page.pair_cards) >= 1, timeout=20_000)
    squeezes = Squeezes()
    watched = set()
    # Watch each card from the turn it is placed until the page is complete.
    while not page.is_ready:
        for card in page.pair_cards:
            if card not in watched:
                watched.add(card)
                card.installEventFilter(squeezes)
        qtbot.wait(1)
    qtbot.wait(200)  # and while the page settles
    assert len(watched) == PAIRS_SHOWN
    assert squeezes.seen == []
    # ... and the page still ends where its last part does: no room left over below it.
    body = page.scroller.widget()
    assert body is not None
    qtbot.waitUntil(
        lambda: (
            body.height()
            == max(page.scroller.viewport().height(), body.heightForWidth(body.width()))
        ),
        timeout=5000,
    )


def test_the_height_table_agrees_with_qt_and_follows_changes(qtbot) -> None:
    ours, theirs = QWidget(), QWidget()
    qtbot.addWidget(ours)
    qtbot.addWidget(theirs)
    labels = []
    for host, layout in ((ours, HfwColumn(ours)), (theirs, QVBoxLayout(theirs))):
        for _ in range(3):
            text = QLabel(LONG)
            text.setWordWrap(True)
            layout.addWidget(text)
        labels.append(host.findChildren(QLabel))
    widths = (180, 260, 400, 180, 260)
    assert [ours.heightForWidth(w) for w in widths] == [theirs.heightForWidth(w) for w in widths]
    before = ours.heightForWidth(260)
    for group in labels:
        group[1].setText(LONG * 2)  # more text: taller at the same width
    after = ours.heightForWidth(260)
    assert after > before
    assert after == theirs.heightForWidth(260)
    for group in labels:
        group[2].hide()
    assert ours.heightForWidth(260) == theirs.heightForWidth(260) < after
