"""Finishing a session: mark it held, then send it for agreement or agree it in the room.

The review found the end screen offered only "Leave for now": no finish, no send, and the
Agreements page didn't see the session until the next unlock. Here one step marks the session
finished (from now on it counts as having met) and asks what next; the chosen step opens on
the Agreements page, which checks pairing before it ever asks for a file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from swreflect.core.services import Services
from swreflect.errors import SwreflectError
from swreflect.gui import dialogs

SEND, IN_ROOM, LATER = 0, 1, 2
OPTIONS = ["Send it for agreement…", "Agree it together now", "Not now"]


def finish_session(parent: QWidget, services: Services, session_id: str) -> int | None:
    """Finish and ask what next; returns SEND, IN_ROOM, LATER (or None if it failed)."""
    try:
        session = services.sessions.finish(session_id)
    except SwreflectError as exc:
        dialogs.inform(parent, "The session couldn't be finished", exc.message)
        return None
    person = services.agreements.person_of(services.agreements.get(session.agreement_id))
    choice = dialogs.choose(
        parent,
        "Session finished",
        f"Your session with {person.display_name} is finished and counts as held. What would "
        "you like to do with its shared record? (Private notes never leave your vault.)",
        OPTIONS,
    )
    return LATER if choice is None else choice


def open_next_step(window: Any, session_id: str, choice: int) -> None:
    """Show the Agreements page and start the chosen step there (it refreshes first)."""
    show_page = getattr(window, "show_page", None)
    if choice not in (SEND, IN_ROOM) or not callable(show_page):
        return
    show_page("agreements")
    page = window.current_page()
    step = getattr(page, "send_session" if choice == SEND else "agree_in_room", None)
    if callable(step):
        step(session_id)
