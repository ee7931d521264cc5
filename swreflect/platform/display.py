"""Is there a screen to open a window on? Asked before Qt, which would abort with a misleading
message about missing libraries when there is none (for example over SSH)."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = (
    "swreflect: there is no display here, so its window can't open.\n"
    "Run it from a desktop session, or use the command line instead: swreflect --help"
)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):  # an explicit choice (offscreen, xcb, wayland...)
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
