"""GUI fixtures for sign-off: every dialog answered in advance (shared with the shell's tests)."""

from __future__ import annotations

from tests.gui.conftest import prepared_dialogs, styled_app

__all__ = ["prepared_dialogs", "styled_app"]
