"""Insights in the real main window: reached from the rail by keyboard, it reflects what was
recorded elsewhere since it was last shown, and it is rebuilt from nothing after a lock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from swreflect.gui.pages.insights_page import InsightsPage
from swreflect.timefmt import format_date
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import WAIT_MS, unlock_through_ui


def test_insights_from_the_rail_follow_the_vault(
    qtbot, make_shell, existing_vault, vault_dir, clock
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window = shell.main_window
    page = window.pages["insights"]
    assert isinstance(page, InsightsPage)
    qtbot.waitUntil(lambda: page.is_ready, timeout=WAIT_MS)  # figures come from a worker
    assert page.is_empty

    services = shell.services
    person = services.people.add("Sam Okafor", "supervisee")
    agreement = services.agreements.add(person.id, "Jo Reyes", start_date=date(2025, 12, 1))
    session = services.sessions.start(agreement.id)
    services.sessions.rate(session.id, "supervisee", 4, 2)
    services.sessions.finish(session.id)  # only a finished session counts as held

    window.rail.setFocus()
    window.show_page("actions")
    qtbot.keyClick(window.rail, Qt.Key.Key_Down)
    assert window.current_key() == "insights"
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.is_ready, timeout=WAIT_MS)
    assert not page.is_empty
    card = page.pair_cards[0]
    assert card.grid.points() == [(format_date(clock.now().date()), 4.0, 2.0)]
    assert "Only Sam Okafor rated that one" in card.ratings.text()

    with qtbot.waitSignal(shell.locked, timeout=WAIT_MS):
        shell.lock()
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    again = shell.main_window.pages["insights"]
    assert isinstance(again, InsightsPage) and again is not page
    qtbot.waitUntil(lambda: again.is_ready, timeout=WAIT_MS)
    assert [c.pair.person_name for c in again.pair_cards] == ["Sam Okafor"]
