"""A calm empty state for a page that later work will fill in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from swreflect.core.services import Services
from swreflect.gui.ui import label, title


class PlaceholderPage(QWidget):
    def __init__(self, heading: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(purpose)
        body = label(purpose, "empty")
        body.setMaximumWidth(640)
        later = label("This page is on its way in a coming version.", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        layout.addWidget(title(heading))
        layout.addWidget(body)
        layout.addWidget(later)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)


PURPOSES: dict[str, str] = {
    "Journal": (
        "Your private reflective journal. Write about a visit, a decision or a feeling, "
        "freely or with a guided template. Only you can read it."
    ),
    "Supervision": (
        "The people you supervise or who supervise you, your agreements and your sessions, "
        "with gentle prompts to guide each conversation."
    ),
    "Actions": (
        "What you agreed to do in supervision, who is doing it and by when, gathered in one list."
    ),
    "Insights": (
        "A quiet look back over time: the balance of support, learning and challenge in your "
        "sessions."
    ),
}


def placeholder(heading: str) -> Callable[[Services], QWidget]:
    """A page factory for ``registry.PAGES`` explaining what ``heading`` will be for."""
    purpose = PURPOSES.get(heading, "This part of swreflect is on its way.")

    def factory(_services: Services) -> QWidget:
        return PlaceholderPage(heading, purpose)

    return factory
