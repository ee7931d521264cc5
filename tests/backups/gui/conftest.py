"""The shell fixtures of tests/gui, reused for the backup screens."""

from tests.gui.conftest import make_shell, prepared_dialogs, styled_app  # noqa: F401
