"""The two entry points: no display means a plain message (not a Qt abort), and a file of
ours given to ``swreflect`` opens the window rather than being read as a command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from swreflect import app
from swreflect.platform.display import NO_DISPLAY_MESSAGE


def test_no_display_says_so_plainly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["SWREFLECT_HOME"] = str(tmp_path)
    for entry in (
        "from swreflect.app import main; raise SystemExit(main([]))",
        "from swreflect.app import gui_main; raise SystemExit(gui_main([]))",
    ):
        result = subprocess.run(
            [sys.executable, "-c", entry], env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 2
        assert result.stderr.strip() == NO_DISPLAY_MESSAGE
        assert "xcb" not in result.stderr


def test_only_our_existing_files_open_the_window(tmp_path: Path) -> None:
    ours = tmp_path / "request.swx"
    ours.write_bytes(b"SWREFLECT-EXCHANGE\n")
    assert app._looks_like_files([str(ours)])
    assert not app._looks_like_files([str(tmp_path / "missing.swx")])
    assert not app._looks_like_files(["journal", "list"])
    assert not app._looks_like_files([])
