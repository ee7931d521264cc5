"""Composition root: hardening, paths and logging, then the CLI or the GUI."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Sequence

from swreflect.paths import app_paths
from swreflect.platform import network_guard
from swreflect.platform.files import ensure_private_dir
from swreflect.platform.hardening import harden_process


def setup_logging() -> None:
    """A rotating log in the log folder. Never log content, names or secrets."""
    log_dir = ensure_private_dir(app_paths().log_dir)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "swreflect.log", maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    # First of all: from here on nothing in this process may open a network socket or look
    # up a name (SECURITY.md row 8; swreflect/platform/network_guard.py).
    network_guard.install()
    args = list(sys.argv[1:] if argv is None else argv)
    harden_process()
    setup_logging()
    if args:
        from swreflect.cli import main as cli_main

        return cli_main(args)
    from swreflect.gui.launch import run_gui

    return run_gui()


if __name__ == "__main__":
    raise SystemExit(main())
