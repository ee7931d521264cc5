"""Picks the "user walked away" source for the running OS.

Kept apart from ``session_events`` (the interface every source implements) so the interface
doesn't import its own implementations: the sources import the interface, this module imports
the sources, and nothing imports back.
"""

from __future__ import annotations

import sys

from swreflect.gui.session_events import SessionEvents


def platform_session_events() -> SessionEvents:
    """The watcher for the running OS (imported only when the vault is first unlocked)."""
    if sys.platform == "win32":
        from swreflect.gui.session_windows import WindowsSessionWatcher

        return WindowsSessionWatcher()
    if sys.platform == "darwin":
        from swreflect.gui.session_macos import MacSessionWatcher

        return MacSessionWatcher()
    from swreflect.gui.session_watch import SessionWatcher

    return SessionWatcher()
