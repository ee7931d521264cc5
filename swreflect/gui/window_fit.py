"""Open windows at a comfortable size that never exceeds the screen they are on.

A council laptop may offer 1024x600 (or 1366x768 at 125%, about 1093x614 in Qt's units):
a window asked for 1280x720 there would open with its edges, and the Lock button, off-screen.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or to the screen's free area if that is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width())
        height = min(height, free.height())
    window.resize(width, height)
