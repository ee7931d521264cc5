"""The pages of the main window, in rail order. Add or replace a page by editing one line.

``factory`` receives the unlocked ``Services`` and returns the page widget; the main window
owns the widget and destroys it on lock. Every page class is listed in ``page_classes()`` as a
``Page``, so mypy checks that each keeps the page contract (``protocol.py``).

A page's module is imported when the page is first built (``LazyFactory``): importing all
seven at unlock, before Home could paint, was most of a first unlock's wait. The unlock's
warm-up (``gui/shell_warmup.py``) loads them meanwhile anyway.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from swreflect.core.services import Services

if TYPE_CHECKING:
    from swreflect.gui.pages.protocol import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[Services], QWidget]


@dataclass(frozen=True)
class LazyFactory:
    """``module.name(services)``, with the module imported on the first call."""

    module: str
    name: str

    def target(self) -> Callable[[Services], QWidget]:
        made: Callable[[Services], QWidget] = getattr(
            importlib.import_module(self.module), self.name
        )
        return made

    def __call__(self, services: Services) -> QWidget:
        return self.target()(services)


def _page(module: str, name: str) -> LazyFactory:
    return LazyFactory(f"swreflect.gui.pages.{module}", name)


PAGES: list[PageSpec] = [
    PageSpec("home", "Home", "home", _page("home_page", "HomePage")),
    PageSpec("journal", "Journal", "journal", _page("journal_page", "journal_page")),
    PageSpec(
        "supervision", "Supervision", "supervision", _page("supervision_page", "SupervisionPage")
    ),
    PageSpec(
        "agreements",
        "Agreements",
        "agreements",
        _page("agreement_inbox_page", "AgreementInboxPage"),
    ),
    PageSpec("actions", "Actions", "actions", _page("actions_page", "ActionsPage")),
    PageSpec("insights", "Insights", "insights", _page("insights_page", "InsightsPage")),
    PageSpec("settings", "Settings", "settings", _page("settings_page", "SettingsPage")),
]


def page_classes() -> tuple[type[Page], ...]:
    """Every page class (importing them all), checked by mypy against the page contract."""
    from swreflect.gui.pages.actions_page import ActionsPage
    from swreflect.gui.pages.agreement_inbox_page import AgreementInboxPage
    from swreflect.gui.pages.home_page import HomePage
    from swreflect.gui.pages.insights_page import InsightsPage
    from swreflect.gui.pages.journal_page import JournalPage
    from swreflect.gui.pages.settings_page import SettingsPage
    from swreflect.gui.pages.supervision_page import SupervisionPage

    classes: tuple[type[Page], ...] = (
        HomePage,
        JournalPage,
        SupervisionPage,
        AgreementInboxPage,
        ActionsPage,
        InsightsPage,
        SettingsPage,
    )
    return classes


def factory_target(spec: PageSpec) -> Any:
    """What a spec builds its page with (the class or function, imported if need be)."""
    factory = spec.factory
    return factory.target() if isinstance(factory, LazyFactory) else factory
