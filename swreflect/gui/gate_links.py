"""Quiet links under a gate screen ("Restore from a backup…", "Check a signed PDF…").

The gate builds its screens on first use so start-up stays fast; a link waits for its screen
and joins it when it is built. Links are left-aligned by size policy rather than
``Qt.AlignmentFlag``: touching Qt's enum namespace costs about 20 ms before the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QWidget

if TYPE_CHECKING:
    from swreflect.gui.controller import ShellController


def place_link(screen: QWidget, link: QPushButton) -> None:
    """Put ``link`` under the screen's own controls (above its closing stretch)."""
    layout = screen.layout()
    if isinstance(layout, QBoxLayout):
        link.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.insertWidget(max(layout.count() - 1, 0), link)


class GateLink(QObject):
    """Adds ``link`` to the gate screen called ``screen_name`` now, or when it is built."""

    def __init__(self, shell: ShellController, screen_name: str, link: QPushButton) -> None:
        super().__init__(shell)
        self.screen_name = screen_name
        self.link = link
        built = shell.gate.built_screen(screen_name)
        if built is not None:
            place_link(built, link)
        else:
            shell.screen_created.connect(self.on_shell_screen_created)

    def on_shell_screen_created(self, name: str, screen: object) -> None:
        if name == self.screen_name and isinstance(screen, QWidget):
            place_link(screen, self.link)
