"""Loading the unlocked window's code while the key is being derived.

Unlocking waits on the key derivation (half a second or more, in a worker that leaves the
interpreter free). The main window, its pages and the services are imported only after
start-up, and importing them took most of the time from "key derived" to "Home painted" on a
first unlock. So when a slow step starts, a background thread imports them; opening the
window waits for that thread (never imports the same modules alongside it), which costs no
more than importing them there would.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

MODULES = (
    "swreflect.core.services",
    "swreflect.gui.vault_upkeep",
    "swreflect.gui.main_window",
    "swreflect.gui.pages.registry",
)

_thread: threading.Thread | None = None


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the window imports it again and reports it properly
            log.warning("warming up %s failed: %s", name, type(exc).__name__)


def start() -> None:
    """Begin importing in the background (once per process)."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_import_all, name="swreflect-warm-up", daemon=True)
        _thread.start()


def wait() -> None:
    """Return once the background imports, if any were started, are done."""
    if _thread is not None:
        _thread.join()
