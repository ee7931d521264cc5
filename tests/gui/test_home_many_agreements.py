"""Home with a career's worth of agreements names the first few sessions due and reminders,
then says how many more there are (a line per agreement froze the window after unlock)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QLabel

from swreflect.core.services import Services
from swreflect.gui.supervision.home_panel import LINES_SHOWN, SupervisionHomePanel


def test_home_names_a_few_and_counts_the_rest(qtbot, styled_app, services: Services) -> None:
    many = LINES_SHOWN + 3
    for n in range(many):
        person = services.people.add(f"Person {n}", "supervisee")
        services.agreements.add(
            person.id, "Jo", start_date=date(2020, 1, 6), review_date=date(2021, 1, 6)
        )
    panel = SupervisionHomePanel(services)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.is_ready, timeout=20_000)
    lines = [w.text() for w in panel.findChildren(QLabel) if w is not panel.actions_line]
    due = [t for t in lines if t.startswith("Your session with")]
    reviews = [t for t in lines if t.startswith("Your agreement with")]
    assert len(due) == LINES_SHOWN and len(reviews) == LINES_SHOWN
    assert "And 3 more sessions are due or later than agreed: see the Supervision page." in lines
    assert "And 3 more reminders about reviews and follow-ups." in lines


def test_the_first_steps_card_shows_until_there_is_an_agreement(
    qtbot, styled_app, services: Services
) -> None:
    from swreflect.gui.pages.home_page import HomePage

    page = HomePage(services)
    qtbot.addWidget(page)
    page.show()
    card = next(w for w in page.findChildren(QFrame) if w.accessibleName() == "Nothing due yet")
    assert card.isVisible()
    qtbot.waitUntil(lambda: page.supervision.is_ready, timeout=20_000)
    page.page_shown()  # the first show, as the window does when it builds the page
    person = services.people.add("Sam Okafor", "supervisee")
    services.agreements.add(person.id, "Jo", start_date=date(2026, 1, 5))
    page.page_shown()  # back to Home later
    assert not card.isVisible()
    qtbot.waitUntil(lambda: page.supervision.is_ready, timeout=20_000)
