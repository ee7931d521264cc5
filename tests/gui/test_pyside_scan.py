"""PySide reads the source of every module imported after it (looking for ``__feature__``
switches); ``gui/pyside_scan`` spares swreflect's modules that read (issue 16, start-up)."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from swreflect.gui import pyside_scan
if sys.argv[1] == "install":
    pyside_scan.install()
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
scanned = []
real = feature._mod_uses_pyside
def watch(module):
    scanned.append(module.__name__)
    return real(module)
feature._mod_uses_pyside = watch
from swreflect.gui import ui
from swreflect.gui.gate_links import GateLink
import wave
ours = [name for name in scanned if name.startswith("swreflect")]
recorded = feature.pyside_feature_dict.get("swreflect.gui.gate_links")
print(",".join(ours) or "-", "wave" in scanned, recorded)
"""


def _run(mode: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_swreflect_modules_are_not_scanned_once_installed() -> None:
    ours, others_scanned, recorded = _run("install")
    assert ours == "-", f"PySide read the source of {ours}"
    assert others_scanned == "True", "the scan itself still runs for other modules"
    assert recorded == "0", "recorded as a module that uses PySide without switches"


def test_without_it_pyside_scans_swreflect_modules() -> None:
    """The check above can fail: without the finder, PySide scans our modules too."""
    ours, others_scanned, recorded = _run("none")
    assert "swreflect.gui.gate_links" in ours.split(",") and others_scanned == "True"
    assert recorded == "0"  # what PySide's own scan concludes: the same answer
