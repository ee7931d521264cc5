"""The navigation rail: a list of sections that moves by arrow keys only.

A plain ``QListWidget`` jumps to the first item starting with a typed letter, so a person who
thought they were typing into the journal found themselves on another page. Letters do
nothing here; Up/Down/Home/End move, and the focus ring (stylesheet) shows where focus is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget


class NavRail(QListWidget):
    def keyboardSearch(self, search: str) -> None:
        """Typing must never change the page."""
