"""GUI entry point: the application object, the look, and the shell's composition.

``compose`` takes everything that varies (vault folder, clock, key-derivation policy, pages)
so tests build the same shell with a ``FakeClock`` and a vault in ``tmp_path``. Start-up stays
lean: the vault, crypto and PDF libraries are imported when first needed, after the first
window has painted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from swreflect.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from swreflect.gui.controller import ShellController
    from swreflect.gui.pages.registry import PageSpec
    from swreflect.vault.kdf import KdfPolicy

APP_NAME = "swreflect"


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with name, style and a scheme that follows the system."""
    from PySide6.QtWidgets import QApplication

    from swreflect.gui.style import apply_style, follow_system_scheme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or [APP_NAME]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setQuitOnLastWindowClosed(True)
    apply_style(app)
    follow_system_scheme(app)
    return app


def compose(
    folder: Path,
    clock: Clock,
    kdf: KdfPolicy,
    pages: Sequence[PageSpec] | None = None,
) -> ShellController:
    """The shell for one vault folder; call ``start()`` to show the first screen."""
    from swreflect.gui.controller import ShellController

    return ShellController(folder, clock, kdf, pages)


def run_gui() -> int:
    from swreflect.gui import first_paint
    from swreflect.paths import default_vault_dir
    from swreflect.vault.kdf import KdfPolicy

    app = make_application(sys.argv[:1])
    shell = compose(default_vault_dir(), SystemClock(), KdfPolicy.from_environment())
    app.aboutToQuit.connect(shell.shutdown)
    if first_paint.requested():
        first_paint.FirstPaintExit(shell.gate, app)
    shell.start()
    return int(app.exec())
