"""Loading the unlocked window's code while the key is being derived.

Unlocking waits on the key derivation (half a second or more, in a worker that leaves the
interpreter free). The main window, its pages and the services are imported only after
start-up, and importing them took most of the time from "key derived" to "Home painted" on a
first unlock. So when a slow step starts, they are imported one module per turn of the event
loop, on the UI thread, alongside the derivation (and the journal templates are parsed). Not
in a thread: PySide's import hooks are not safe to run while the UI thread uses Qt (a
background import of the PDF libraries crashed a test run that way). Whatever is not loaded
when the key is ready loads as before.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)

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
    "swreflect.gui.vault_upkeep",
    "swreflect.gui.pages.journal_page",
    "swreflect.gui.pages.supervision_page",
    "swreflect.gui.pages.insights_page",
    "swreflect.gui.pages.actions_page",
    "swreflect.gui.pages.settings_page",
    "swreflect.gui.pages.agreement_inbox_page",
)

_queue: list[str] | None = None


def start() -> None:
    """Begin loading, a module per turn of the event loop (once per process)."""
    global _queue
    if _queue is None:
        _queue = list(MODULES)
        QTimer.singleShot(0, _next)


def _next() -> None:
    if not _queue:
        return
    name = _queue.pop(0)
    try:
        module = importlib.import_module(name)
        if name == TEMPLATES:
            module.load_templates()  # parsed once, kept (core/templates.py)
    except Exception as exc:  # the window loads it again and reports it properly
        log.warning("loading %s early failed: %s", name, type(exc).__name__)
    if _queue:
        QTimer.singleShot(0, _next)


def pending() -> list[str]:
    """The modules not yet loaded by the warm-up (for tests)."""
    return list(_queue or [])
