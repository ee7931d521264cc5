"""Building the Journal page for the tests in tests/gui (services come from tests/conftest.py)."""

from __future__ import annotations

from swreflect.core.services import Services


def make_page(qtbot: object, services: Services) -> object:
    from swreflect.gui.pages.journal_page import journal_page

    page = journal_page(services)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.resize(1280, 720)
    return page
