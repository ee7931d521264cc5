"""Start-up draws the unlock screen without loading what only an open vault, an export or a
page needs, and without building the ``Qt`` enum namespace (issue 16: first paint at most 1.5x
a bare PySide6 window).

The real entry point runs in a child with the first-paint hook, exactly as the start-up
benchmark runs it, and the modules loaded by the time it quits are checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault

# Each of these cost start-up time when it was imported before the first paint.
NOT_BEFORE_FIRST_PAINT = (
    "sqlcipher3", "cryptography", "reportlab", "pyhanko", "pypdf", "tomllib",
    "swreflect.vault.vault", "swreflect.core.services", "swreflect.core.templates",
    "swreflect.models.journal", "swreflect.gui.journal", "swreflect.gui.main_window",
    "swreflect.gui.verify_dialog", "swreflect.export", "swreflect.signing",
)  # fmt: skip


def test_the_unlock_screen_paints_before_the_heavy_modules_load(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Vault.create(home / "data" / "vault", "start-up import words", KdfPolicy.insecure_for_tests())[
        0
    ].lock()
    listing = tmp_path / "modules.json"
    # What is loaded at the moment of the first paint (the hook's finish), not at exit.
    script = (
        "import json, runpy, sys\n"
        "import PySide6.QtCore as core\n"
        "from swreflect.gui import first_paint\n"
        "finish = first_paint.FirstPaintExit._finish\n"
        "def record(self):\n"
        f"    with open({str(listing)!r}, 'w') as out:\n"
        "        json.dump({'modules': sorted(sys.modules), 'qt': 'Qt' in vars(core)}, out)\n"
        "    finish(self)\n"
        "first_paint.FirstPaintExit._finish = record\n"
        "sys.argv = ['swreflect']\n"
        "runpy.run_module('swreflect', run_name='__main__')\n"
    )
    env = {**os.environ, "SWREFLECT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "SWREFLECT_EXIT_AFTER_FIRST_PAINT": "1"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert "first-paint" in result.stdout, result.stderr  # it did paint, then quit
    seen = json.loads(listing.read_text(encoding="utf-8"))
    loaded = set(seen["modules"])
    assert {"PySide6.QtWidgets", "swreflect.gui.screens.gate_window"} <= loaded
    early = sorted(m for m in loaded if m.startswith(NOT_BEFORE_FIRST_PAINT))
    assert early == []
    # PySide builds every enum of the ``Qt`` namespace (about 20 ms) the first time anything
    # reads ``QtCore.Qt``; the unlock screen is drawn without it.
    assert seen["qt"] is False
