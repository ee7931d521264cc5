"""Keyboard shortcuts shared by modules that must not import each other.

The Verify dialog shows its shortcut, and the hooks that put "Check a signed PDF…" on the unlock
screen and in the menu bind it; the hooks import the dialog only when it is first opened (so
drawing the unlock screen doesn't load it), so the key lives here for both.
"""

from __future__ import annotations

VERIFY_SHORTCUT = "Ctrl+Shift+K"
