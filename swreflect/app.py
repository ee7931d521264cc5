"""Composition root: hardening, paths and logging, then the CLI or the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def setup_logging() -> None:
    """A rotating log in the log folder. Never log content, names or secrets."""
    import logging
    import logging.handlers

    from swreflect.paths import app_paths
    from swreflect.platform.files import ensure_private_dir

    log_dir = ensure_private_dir(app_paths().log_dir)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "swreflect.log", maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)


QUICK = ("--version", "-h", "--help")  # answered before logging is set up: nothing to log


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 1 and args[0] in QUICK:
        from swreflect.cli import main as cli_main

        return cli_main(args)
    from swreflect.platform.hardening import harden_process

    harden_process()
    setup_logging()
    if args:
        from swreflect.cli import main as cli_main

        return cli_main(args)
    from swreflect.gui.launch import run_gui

    return run_gui()


if __name__ == "__main__":
    raise SystemExit(main())
