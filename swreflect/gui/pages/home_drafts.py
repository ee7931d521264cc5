"""Home's "Carry on writing" card: journal entries with unsaved changes, one click back in.

The empty state promised drafts on Home but none were ever listed. Each draft is a button
that opens the journal on that entry with its changes; the card hides when there are none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.gui.supervision.look import clear_layout
from swreflect.gui.ui import label
from swreflect.timefmt import format_moment

MAX_SHOWN = 5


class DraftsCard(QFrame):
    def __init__(self, services: Services, open_entry: Callable[[int], None]) -> None:
        super().__init__()
        self._services = services
        self._open_entry = open_entry
        self.setProperty("role", "card")
        self.setAccessibleName("Writing you haven't finished")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(label("Carry on writing", "section"))
        self._rows = QVBoxLayout()
        outer.addLayout(self._rows)
        self.buttons: list[QPushButton] = []
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self._rows)
        self.buttons = []
        drafts = [d for d in self._services.journal.drafts() if d.entry_id is not None]
        for draft in drafts[:MAX_SHOWN]:
            entry_id = int(draft.entry_id or 0)
            title = draft.content.title or "Untitled entry"
            button = QPushButton(title if len(title) <= 60 else title[:57] + "…")
            button.setProperty("role", "link")
            button.setAccessibleName(f"Carry on writing {title}")
            when = format_moment(draft.saved_at)
            button.setAccessibleDescription(f"Unsaved changes kept at {when}")
            button.setToolTip(f"Open it in your journal (changes kept at {when})")
            button.clicked.connect(lambda _c=False, e=entry_id: self._open_entry(e))
            self._rows.addWidget(button)
            self.buttons.append(button)
        self.setVisible(bool(drafts))

    def clear_sensitive(self) -> None:
        clear_layout(self._rows)
        self.buttons = []


def open_in_journal(widget: QWidget, entry_id: int) -> None:
    """Show the journal page of ``widget``'s window with ``entry_id`` open."""
    window = widget.window()
    show_page = getattr(window, "show_page", None)
    if not callable(show_page):
        return
    show_page("journal")
    page = window.current_page()  # type: ignore[attr-defined]
    opener = getattr(page, "open_entry", None)
    if callable(opener):
        opener(entry_id)
