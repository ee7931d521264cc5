"""Insights with a career's worth of agreements: the most recent few show at once, the earlier
ones come behind a button (in the order the agreements were made), and showing the page again
with nothing changed keeps the cards instead of building them all again."""

from __future__ import annotations

from datetime import date

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.gui.pages.insights_page import PAIRS_SHOWN, InsightsPage
from tests.insights.seed import TODAY

AGREEMENTS = PAIRS_SHOWN + 3


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TODAY)


def _agreements(services: Services) -> list[str]:
    names = []
    for n in range(AGREEMENTS):
        name = f"Person {n:02d}"
        person = services.people.add(name, "supervisee")
        services.agreements.add(person.id, "Jo", start_date=date(2020, 1, 6 + n))
        names.append(name)
    return names


def _page(qtbot, services: Services) -> InsightsPage:
    page = InsightsPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
    return page


def test_earlier_agreements_wait_behind_a_button(qtbot, styled_app, services) -> None:
    names = _agreements(services)
    page = _page(qtbot, services)
    shown = [c.pair.person_name for c in page.pair_cards]
    assert shown == names[-PAIRS_SHOWN:]
    button = page.earlier_button
    assert button is not None and button.isVisibleTo(page)
    assert button.text() == "Show 3 earlier agreements"
    button.click()
    qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
    assert [c.pair.person_name for c in page.pair_cards] == names
    assert page.earlier_button is None
    assert all(card.isVisibleTo(page) for card in page.pair_cards)
    # Laid out once the event loop has run (not left squashed), in the order they were made.
    qtbot.waitUntil(lambda: all(card.height() > 100 for card in page.pair_cards), timeout=5000)
    tops = [card.mapTo(page, card.rect().topLeft()).y() for card in page.pair_cards]
    assert tops == sorted(tops)


def test_showing_the_page_again_keeps_unchanged_cards(qtbot, styled_app, services) -> None:
    _agreements(services)
    page = _page(qtbot, services)
    before = list(page.pair_cards)
    page.page_shown()
    qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
    assert len(page.pair_cards) == len(before)
    assert all(a is b for a, b in zip(page.pair_cards, before, strict=True))
    # Something changed elsewhere in the app: the cards are built again with it.
    person = services.people.add("Someone new", "supervisee")
    services.agreements.add(person.id, "Jo", start_date=date(2026, 5, 1))
    page.page_shown()
    qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
    assert page.pair_cards[-1].pair.person_name == "Someone new"
    assert not any(card in before for card in page.pair_cards)


def test_shown_twice_in_a_row_it_still_settles(qtbot, styled_app, services) -> None:
    """A second show while the first is still gathering gathers once more, then settles
    (it used to ask again while the finished task still counted as busy, and hang)."""
    _agreements(services)
    page = _page(qtbot, services)
    for _ in range(3):
        page.page_shown()
        page.page_shown()
        qtbot.waitUntil(lambda: page.is_ready, timeout=20_000)
