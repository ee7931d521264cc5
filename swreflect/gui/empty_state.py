"""What a page says when there is nothing on it yet: what the page is for, and the first step.

An empty list with "Choose a record on the left" beside it tells a new user nothing. Every
page that can be empty (Journal, Supervision, Agreements, Actions, Insights, the export
dialog) shows one of these instead: a sentence or two on what will appear here and how, and
one button that takes the first step (write an entry, add a person, go and hold a session).
The button is the page's default next move, so it is also where keyboard focus lands.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from swreflect.gui.ui import button, content_label, label


class EmptyState(QFrame):
    """A card: a heading, a short explanation and the first-step button."""

    def __init__(
        self,
        heading: str,
        text: str,
        action: str,
        action_description: str,
        on_action: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setProperty("role", "card")
        self.setAccessibleName(heading)
        self.setAccessibleDescription(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        self.heading = label(heading, "subsection")
        self.text = content_label(text, "empty")
        self.action = button(action, action_description, "primary")
        self.action.clicked.connect(on_action)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.action)
        row.addStretch(1)
        layout.addLayout(row)

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleDescription(text)


def at_the_top(card: QWidget) -> QWidget:
    """A holder that keeps ``card`` at the top and leaves the space below it empty (a card
    stretched to fill a page reads as a broken layout)."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(card)
    box.addStretch(1)
    return holder


def go_to(widget: QWidget, key: str, then: str | None = None) -> None:
    """Show page ``key`` of ``widget``'s main window, then call its method ``then`` if any."""
    window = widget.window()
    show_page = getattr(window, "show_page", None)
    if not callable(show_page):
        return
    show_page(key)
    if then is not None:
        step = getattr(window.current_page(), then, None)  # type: ignore[attr-defined]
        if callable(step):
            step()
