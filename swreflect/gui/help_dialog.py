"""F1: a short, calm explanation of the page you are on, and every keyboard shortcut.

Help is offline and built in (no browser, no network): a few sentences per page, written for
someone who has just come back from a hard visit, plus the shortcut list the menus also show.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swreflect.gui.ui import label, title

PAGE_HELP: dict[str, tuple[str, str]] = {
    "home": (
        "Home",
        "What is coming up: supervision that is due, drafts you have started and open "
        "actions. Nothing here is shared.",
    ),
    "journal": (
        "Journal",
        "Your private journal. Press New entry (Ctrl+N), choose a template if you like and "
        "write. Everything is saved as you go. Only you can see it; you choose what to bring "
        "to supervision.",
    ),
    "supervision": (
        "Supervision",
        "The people you have supervision with, your agreements and your sessions. Start a "
        "session to be guided through it; only the shared notes go into the record you both "
        "agree.",
    ),
    "agreements": (
        "Agreements",
        "Records of finished sessions: send one for agreement, sign what you receive, and "
        "export a signed PDF.",
    ),
    "actions": (
        "Actions",
        "The actions agreed in your sessions, who will do them and by when. Mark them done "
        "as you go.",
    ),
    "insights": (
        "Insights",
        "Gentle patterns over time: how you have been feeling and how supervision time has "
        "been shared. Only you see these.",
    ),
    "settings": (
        "Settings",
        "Your passphrase and recovery key, when to lock, backups, your identity for signing "
        "and the people you have paired with.",
    ),
}


class HelpDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, page_key: str, shortcuts: Sequence[tuple[str, str]]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("swreflect help")
        self.setAccessibleName("Help")
        heading, text = PAGE_HELP.get(page_key, ("swreflect", ""))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title(heading))
        if text:
            layout.addWidget(label(text))
        layout.addWidget(label("Keyboard shortcuts", "section"))
        grid = QGridLayout()
        for row, (keys, what) in enumerate(shortcuts):
            key_label = QLabel(keys)
            key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            key_label.setProperty("role", "shortcut")
            grid.addWidget(key_label, row, 0)
            grid.addWidget(label(what), row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addWidget(
            label(
                "Saving is automatic, so you never need Ctrl+S. Every field also has a "
                "description your screen reader can read.",
                "hint",
            )
        )
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription("Close the help window")
        close.setToolTip("Close the help window (Esc)")
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        self.resize(560, 480)


def show_help(parent: QWidget, page_key: str, shortcuts: Sequence[tuple[str, str]]) -> HelpDialog:
    dialog = HelpDialog(parent, page_key, shortcuts)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
