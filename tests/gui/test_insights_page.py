"""The Insights page driven with real data: pair cards, charts, the empty state, accessible
names, keyboard reachability, light and dark, and nothing about the people in the work."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.gui.insights.split_chart import SplitChart
from swreflect.gui.insights.wellbeing_chart import WellbeingChart
from swreflect.gui.pages.insights_page import InsightsPage
from swreflect.gui.pages.registry import PAGES, factory_target
from swreflect.gui.style import apply_style
from swreflect.gui.supervision.balance_grid import BalanceGrid
from tests.insights.seed import TODAY, seed_all, seed_supervision
from tests.typed import present


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TODAY)


def make_page(qtbot, services: Services) -> InsightsPage:
    page = InsightsPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)  # figures come from a worker
    return page


def visible_words(page: QWidget) -> str:
    parts = []
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QLabel):
            parts.append(widget.text())
        parts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return "\n".join(parts)


def test_the_rail_shows_insights_instead_of_a_placeholder() -> None:
    spec = next(p for p in PAGES if p.key == "insights")
    assert factory_target(spec) is InsightsPage


def test_an_empty_vault_explains_what_the_page_is_for(qtbot, styled_app, services) -> None:
    page = make_page(qtbot, services)
    assert page.is_empty
    assert page.pair_cards == [] and page.journal_card is None
    words = visible_words(page)
    assert "fills up as you use swreflect" in words
    assert "rate support and challenge" in words
    assert "energy, stress and workload" in words
    assert page.intro.accessibleName().startswith("What this page shows: This page is a quiet")


def test_pairs_and_journal_are_drawn_from_the_vault(qtbot, styled_app, services, clock) -> None:
    seed_all(services, clock)
    page = make_page(qtbot, services)
    assert not page.is_empty
    assert [c.pair.person_name for c in page.pair_cards] == ["Sam Okafor", "Ana Silva"]
    sam = page.pair_cards[0]
    # Both parties' ratings, oldest to newest, on the reused grid.
    assert len(sam.grid.points()) == 9
    assert sam.grid.points()[0][0] == "6 January 2026"
    assert sam.grid.points()[-1][1:] == (4.0, 4.0)
    assert "12 May 2026: you rated support 4, challenge 4" in sam.grid.accessibleDescription()
    assert "Sam Okafor rated support 3, challenge 4" in sam.grid.accessibleDescription()
    assert [s.held_on for s in sam.split.splits()] == [
        date(2026, 2, 5),
        date(2026, 3, 9),
        date(2026, 4, 7),
        date(2026, 5, 12),
    ]
    assert "Case management 58 min" in sam.split.accessibleDescription()
    assert sam.balance.isVisible()
    assert sam.balance.text().startswith("Over your last four sessions, most time went on case")
    assert "in step with what you agreed" in sam.regularity.text()
    # A screen reader hears what the observation is about and then the observation itself.
    assert sam.regularity.accessibleName() == (
        f"How regular your sessions have been: {sam.regularity.text()}"
    )
    ana = page.pair_cards[1]
    assert ana.grid.points() == [] and not ana.split.isVisible() and not ana.balance.isVisible()
    assert "No time has been recorded" in ana.split_hint.text()
    assert sam.key.isVisible() and not ana.key.isVisible()
    journal = page.journal_card
    assert journal is not None
    assert len(journal.chart.weeks()) == 12 and journal.chart.isVisible()
    assert "Week of 1 Jun: energy 3, stress 4, workload 5" in journal.chart.accessibleDescription()
    assert journal.stress.isVisible() and "supervision" in journal.stress.text()
    assert "17 entries" in journal.rhythm.text()
    assert "Free writing" in journal.templates.text()


def test_the_page_follows_new_sessions_when_shown(qtbot, styled_app, services) -> None:
    page = make_page(qtbot, services)
    assert page.is_empty
    seed_supervision(services)
    page.page_shown()
    assert not page.is_ready  # gathered again, off the UI thread
    qtbot.waitUntil(lambda: page.is_ready, timeout=10_000)
    assert len(page.pair_cards) == 2
    # Rebuilt while on screen, the cards get their full height at the next paint (not a frame
    # later, which showed squashed cards for a moment) and the page scrolls.
    QApplication.processEvents()
    card = page.pair_cards[0]
    assert card.height() >= card.grid.height() + card.split.height()
    assert present(page.scroller.widget()).height() > page.scroller.viewport().height()
    assert not present(page.journal_card).chart.isVisible()
    assert "No wellbeing check-ins" in present(page.journal_card).trend.text()


def test_nothing_from_notes_or_agendas_reaches_the_page(qtbot, styled_app, services) -> None:
    seed_supervision(services)
    agreement = services.agreements.list()[0].id
    session = services.sessions.create(agreement)
    services.sessions.begin(session.id, held_on=date(2026, 5, 28))
    services.sessions.add_agenda_item(session.id, "Visit to the Hartley family")
    services.sessions.add_note(session.id, "checkin", "Worried about Priya at home")
    page = make_page(qtbot, services)
    words = visible_words(page)
    assert "Hartley" not in words and "Priya" not in words


def test_every_part_is_named_and_reachable_by_keyboard(qtbot, styled_app, services, clock) -> None:
    seed_all(services, clock)
    page = make_page(qtbot, services)
    focusable = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert focusable, "the page offers nothing to tab to"
    assert all(w.accessibleName() for w in focusable), [type(w).__name__ for w in focusable]
    wanted = {
        *(card.grid for card in page.pair_cards),
        page.pair_cards[0].split,
        page.pair_cards[0].balance,
        page.pair_cards[0].ratings,
        page.pair_cards[0].regularity,
        present(page.journal_card).chart,
        present(page.journal_card).stress,
        present(page.journal_card).trend,
    }
    page.activateWindow()
    page.intro.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: page.intro.hasFocus())
    reached = set()
    chart = present(page.journal_card).chart
    chart_in_view = False
    for _ in range(len(focusable) + 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
        if chart.hasFocus():
            # The page scrolls to what has focus, so keyboard users see what they hear.
            chart_in_view = not chart.visibleRegion().isEmpty()
    assert wanted <= reached
    assert chart_in_view
    assert page.scroller.verticalScrollBar().value() > 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_light_and_dark_draw_with_readable_text(qtbot, qapp, services, clock, scheme) -> None:
    apply_style(qapp, scheme)
    try:
        seed_all(services, clock)
        page = make_page(qtbot, services)
        for widget in (
            page.pair_cards[0].grid,
            page.pair_cards[0].split,
            present(page.journal_card).chart,
        ):
            assert isinstance(widget, BalanceGrid | SplitChart | WellbeingChart)
            image = widget.grab().toImage()
            assert not image.isNull() and image.width() > 200
            background = widget.palette().window().color()
            ink = widget.palette().windowText().color()
            assert abs(ink.lightness() - background.lightness()) > 120
            # Some pixels carry the palette's text colour (labels, axes): the chart is drawn
            # for this scheme, not with fixed black or white.
            colours = {
                QColor(image.pixel(x, y)).lightness()
                for x in range(0, image.width(), 3)
                for y in range(0, image.height(), 3)
            }
            assert any(abs(c - ink.lightness()) < 40 for c in colours)
        assert (background.lightness() < 100) == (scheme == "dark")
    finally:
        apply_style(qapp, "light")
