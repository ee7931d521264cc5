"""Loading the unlocked window's code while the key is being derived.

Unlocking waits on the key derivation (half a second or more, in a worker that leaves the
interpreter free). The main window, its pages and the services are imported only after
start-up, and importing them took most of the time from "key derived" to "Home painted" on a
first unlock. So when a slow step starts, they are imported one module per turn of the event
loop, on the UI thread (``ui_imports.ImportChain``, which says why not in a thread), alongside
the derivation (and the journal templates are parsed). Whatever is not loaded when the key is
ready loads as before.

Once the last module is in, the collector is told to leave everything loaded so far alone
(``gc.freeze``): modules, classes and functions live as long as the process, yet the first
full collection walked all of them (some 50,000 objects, 20-25 ms on the UI thread) wherever
it happened to fall, which, when measured, was in the middle of opening Insights. Later full
collections walk only what was made since.
"""

from __future__ import annotations

import gc
from types import ModuleType

from swreflect.gui.ui_imports import ImportChain

TEMPLATES = "swreflect.core.journal_setup"  # also parses the journal templates
# What Home needs first (the window and its first page), then the other pages, so that a key
# derived early leaves only the other pages to load, a module per turn.
MODULES = (
    "swreflect.core.services",
    TEMPLATES,
    "swreflect.gui.workers",
    "swreflect.gui.supervision.home_panel",
    "swreflect.gui.pages.home_page",
    "swreflect.gui.pages.registry",
    "swreflect.gui.main_window",
    "swreflect.gui.menus",
    "swreflect.gui.vault_upkeep",
    "swreflect.gui.pages.journal_page",
    "swreflect.gui.pages.supervision_page",
    "swreflect.gui.pages.insights_page",
    "swreflect.gui.pages.actions_page",
    "swreflect.gui.pages.settings_page",
    "swreflect.gui.pages.agreement_inbox_page",
)


def _parse_templates(module: ModuleType) -> None:
    module.load_templates()  # parsed once, kept (core/templates.py)


def _freeze_loaded(_module: ModuleType) -> None:
    gc.freeze()  # what is loaded now stays loaded: no collection needs to walk it again


_chain = ImportChain(MODULES, after={TEMPLATES: _parse_templates, MODULES[-1]: _freeze_loaded})


def start() -> None:
    """Begin loading, a module per turn of the event loop (once per process)."""
    _chain.start()


def pending() -> list[str]:
    """The modules not yet loaded by the warm-up (for tests)."""
    return _chain.pending() if _chain.started() else []
