"""Composition root: hardening, paths and logging, then the CLI or the GUI.

Two entry points share it: ``swreflect`` (console; with no arguments it opens the window) and
``swreflect-gui`` (windowed, so Windows opens no console; any arguments are files to open, as
passed by a file association).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from swreflect.platform import network_guard


def setup_logging() -> None:
    """A rotating log in the log folder. Never log content, names or secrets."""
    import logging

    from swreflect.paths import app_paths
    from swreflect.platform.files import ensure_private_dir
    from swreflect.platform.logfile import RotatingLogFile

    log_dir = ensure_private_dir(app_paths().log_dir)
    handler = RotatingLogFile(log_dir / "swreflect.log", max_bytes=512 * 1024, backups=3)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def _setup_logging_when_needed() -> None:
    """The log set-up, deferred (``platform.lazylog``) to whenever something first logs: a
    command that logs nothing makes no log folder or file and never loads ``logging``. The log
    is best-effort there: a log folder that can't be made must not fail the command."""
    import contextlib

    from swreflect.platform.lazylog import configure_when_loaded

    def setup() -> None:
        with contextlib.suppress(OSError):
            setup_logging()

    configure_when_loaded(setup)


def _no_collection_at_exit() -> None:
    """Skip the garbage collector's last pass when a command line process ends.

    At exit Python walks every object the process made, looking for reference cycles to free:
    memory the system takes back a moment later anyway. For ``swreflect journal list`` that
    walk was about a sixth of the command's own cost. ``gc.freeze`` as the last exit handler
    (handlers run newest first, so logging's own one, registered later, flushes first) moves
    every object out of the collector's sight; nothing else changes: files are closed and
    standard output is flushed as usual, and the command has already locked the vault."""
    import atexit
    import gc

    atexit.register(gc.freeze)


QUICK = ("--version", "-h", "--help")  # answered without setting up logging: nothing to log


def quiet_library_warnings() -> None:
    """Release builds don't print library deprecation warnings at users who can't act on them
    (development runs keep them, so they are seen and fixed)."""
    from swreflect.platform.release import is_release_build

    if is_release_build():
        import warnings

        warnings.simplefilter("ignore")


def _looks_like_files(args: Sequence[str]) -> bool:
    """``swreflect request.swx`` from a file manager: every argument an existing file of ours."""
    if not args or not all("." in a for a in args):  # a command ("journal list"): no file type
        return False
    from pathlib import Path

    from swreflect.models.file_types import is_openable

    return bool(args) and all(is_openable(Path(a)) for a in args)


def main(argv: Sequence[str] | None = None) -> int:
    # First of all: from here on nothing in this process may open a network socket or look
    # up a name (SECURITY.md row 8; swreflect/platform/network_guard.py).
    network_guard.install()
    args = list(sys.argv[1:] if argv is None else argv)
    from swreflect.platform.hardening import harden_process

    harden_process()  # first, whatever the command
    if args == ["--version"]:  # the line argparse would print, without loading the parser
        from swreflect import __version__

        print(f"swreflect {__version__}")
        return 0
    if len(args) == 1 and args[0] in QUICK:
        from swreflect.cli import main as cli_main

        return cli_main(args)
    quiet_library_warnings()
    if args and not _looks_like_files(args):
        from swreflect.cli import main as cli_main

        _setup_logging_when_needed()
        if argv is None:  # this process ends with the command (not a caller's own process)
            _no_collection_at_exit()
        return cli_main(args)
    setup_logging()
    return gui_main(args)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The window, handing any files given to it (or to an already running window)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:
        from swreflect.platform.hardening import harden_process

        harden_process()
        quiet_library_warnings()
        setup_logging()
    from swreflect.platform.display import NO_DISPLAY_MESSAGE, has_display

    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    from swreflect.gui.launch import run_gui

    return run_gui(args)


if __name__ == "__main__":
    raise SystemExit(main())
