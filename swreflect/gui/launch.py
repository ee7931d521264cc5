"""GUI entry point: the application object, the look, and the shell's composition.

``compose`` takes everything that varies (vault folder, clock, key-derivation policy, pages)
so tests build the same shell with a ``FakeClock`` and a vault in ``tmp_path``. Start-up stays
lean: the vault, crypto and PDF libraries are imported when first needed, after the first
window has painted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from swreflect.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from swreflect.core.vault_access import KdfPolicy
    from swreflect.gui.controller import ShellController
    from swreflect.gui.pages.registry import PageSpec
    from swreflect.gui.session_events import SessionEvents

APP_NAME = "swreflect"
APP_ID = "org.swreflect.Swreflect"
FUSION_ARGS = ("-style", "fusion")


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with name, style and a scheme that follows the system (the window
    icon follows the first paint: ``set_window_icon``)."""
    from PySide6.QtWidgets import QApplication

    from swreflect.gui.style import apply_style, follow_system_scheme, startup_scheme

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, styled = existing, False
    else:
        # Fusion chosen on the command line is made by Qt alone; ``setStyle`` would make PySide
        # build the Python side of ``QStyle`` (about 6 ms) before the first paint.
        app, styled = QApplication([*(argv or [APP_NAME]), *FUSION_ARGS]), True
    app.setApplicationName(APP_NAME)
    # Wayland and the desktop match windows to the .desktop file (and its icon) by this id.
    app.setDesktopFileName(APP_ID)
    app.setOrganizationName(APP_NAME)
    app.setQuitOnLastWindowClosed(True)
    apply_style(app, startup_scheme(), set_style=not styled)
    follow_system_scheme(app)
    return app


def set_window_icon(app: QApplication) -> None:
    """The app's icon on every window (loading the SVG icon engine takes a millisecond or
    two, so start-up sets it once the first window has painted)."""
    from PySide6.QtGui import QIcon

    from swreflect.paths import resource_path

    app.setWindowIcon(QIcon(str(resource_path("app", "swreflect.svg"))))


def compose(
    folder: Path,
    clock: Clock,
    kdf: KdfPolicy | Callable[[], KdfPolicy],
    pages: Sequence[PageSpec] | None = None,
    session_watcher: Callable[[], SessionEvents] | None = None,
) -> ShellController:
    """The shell for one vault folder; call ``start()`` to show the first screen.

    ``kdf`` is the key-derivation policy for new passphrases, or a factory for it (``run_gui``
    passes a factory so the crypto library loads only when a vault is created or rewrapped).
    ``session_watcher`` makes the watcher that locks on screen lock or sleep; it is built the
    first time the vault is open.
    """
    from swreflect.gui.backup_hooks import BackupHooks
    from swreflect.gui.controller import ShellController
    from swreflect.gui.menu_hooks import MenuHooks
    from swreflect.gui.resume_hooks import ResumeHooks
    from swreflect.gui.verify_hooks import VerifyHooks

    shell = ShellController(folder, clock, kdf, pages, session_watcher=session_watcher)
    BackupHooks(shell)  # owned by the shell (Qt parent): daily backup and restore screens
    VerifyHooks(shell)  # "Check a signed PDF…" on the gate, and a shortcut when unlocked
    MenuHooks(shell)  # the menu bar and window-wide shortcuts (after VerifyHooks' action)
    ResumeHooks(shell)  # back to the journal when the last lock interrupted writing
    return shell


def system_session() -> SessionEvents:
    """The OS's own lock/sleep notifications (imported on first unlock, not at start-up)."""
    from swreflect.gui.session_platform import platform_session_events

    return platform_session_events()


def run_gui(files: Sequence[str] = ()) -> int:
    """The window; ``files`` (from a file association) are opened once unlocked. If this vault
    already has a window, it is brought forward and given the files instead."""
    from swreflect.gui import pyside_scan

    pyside_scan.install()  # before PySide loads: every later swreflect import skips its scan
    from swreflect.core.vault_access import kdf_from_environment
    from swreflect.gui import first_paint
    from swreflect.gui.after_first_paint import AfterFirstPaint
    from swreflect.gui.open_files import FileHandOff
    from swreflect.gui.window_claim import WindowClaim
    from swreflect.paths import default_vault_dir

    app = make_application(sys.argv[:1])
    folder = default_vault_dir()
    claim = WindowClaim(folder, app)
    if not claim.claim(list(files)):
        return 0
    shell = compose(folder, SystemClock(), kdf_from_environment, session_watcher=system_session)
    hand_off = FileHandOff(shell)
    claim.activated.connect(hand_off.open)
    if sys.platform == "darwin":  # Finder's "Open With" arrives as QFileOpenEvent
        app.installEventFilter(hand_off)
    hand_off.pending += [Path(f) for f in files]
    app.aboutToQuit.connect(shell.shutdown)
    app.aboutToQuit.connect(claim.close)
    hook = first_paint.FirstPaintExit(shell.gate, app) if first_paint.requested() else None
    shell.start()
    # What the first picture doesn't need: the window icon, then the single-instance endpoint.
    AfterFirstPaint(shell.gate, [lambda: set_window_icon(app), *claim.after_paint_steps()])
    code = int(app.exec())
    del hook
    return code
