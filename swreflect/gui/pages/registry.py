"""The pages of the main window, in rail order. Add or replace a page by editing one line.

``factory`` receives the unlocked ``Services`` and returns the page widget; the main window
owns the widget and destroys it on lock. Every page class is listed in ``PAGE_CLASSES`` as a
``Page``, so mypy checks that each keeps the page contract (``protocol.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from swreflect.core.services import Services
from swreflect.gui.pages.actions_page import ActionsPage
from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
from swreflect.gui.pages.home_page import HomePage
from swreflect.gui.pages.insights_page import InsightsPage
from swreflect.gui.pages.journal_page import JournalPage, journal_page
from swreflect.gui.pages.protocol import Page
from swreflect.gui.pages.settings_page import SettingsPage
from swreflect.gui.pages.supervision_page import SupervisionPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[Services], QWidget]


PAGE_CLASSES: tuple[type[Page], ...] = (
    HomePage,
    JournalPage,
    SupervisionPage,
    AgreementInboxPage,
    ActionsPage,
    InsightsPage,
    SettingsPage,
)

PAGES: list[PageSpec] = [
    PageSpec("home", "Home", "home", HomePage),
    PageSpec("journal", "Journal", "journal", journal_page),
    PageSpec("supervision", "Supervision", "supervision", SupervisionPage),
    PageSpec("agreements", "Agreements", "agreements", AgreementInboxPage),
    PageSpec("actions", "Actions", "actions", ActionsPage),
    PageSpec("insights", "Insights", "insights", InsightsPage),
    PageSpec("settings", "Settings", "settings", SettingsPage),
]
