"""Start-up draws the unlock screen without loading what only an open vault, an export or a
page needs, and without building the ``Qt`` enum namespace or PySide's ``QStyle`` (issue 16:
first paint at most 1.5x a bare PySide6 window).

The real entry point runs in a child with the first-paint hook, exactly as the start-up
benchmark runs it, and the modules loaded by the time it quits are checked.
"""

from __future__ import annotations

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
    # the single-instance endpoint listens after the first paint (gui/window_claim.py)
    "PySide6.QtNetwork", "swreflect.gui.single_instance", "hashlib", "_hashlib", "json",
    "getpass",
    # what only a restore, the menus, an opened file or a slow step need
    "swreflect.gui.screens.restore_screen", "swreflect.core.backup_labels", "swreflect.gui.menus",
    "swreflect.gui.dialogs", "swreflect.models.file_types", "swreflect.core.settings",
    "swreflect.gui.shell_warmup", "swreflect.gui.ui_imports",
    # a few milliseconds each: generated dataclass code, the date types, the 57 error classes
    "dataclasses", "datetime", "swreflect.errors",
)  # fmt: skip


def test_the_unlock_screen_paints_before_the_heavy_modules_load(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Vault.create(home / "data" / "vault", "start-up import words", KdfPolicy.insecure_for_tests())[
        0
    ].lock()
    listing = tmp_path / "modules.txt"
    # What is loaded once the first paint is over: when the work deferred until after it
    # (``AfterFirstPaint``) would begin. Not through the benchmark's ``FirstPaintExit`` hook:
    # its application-wide event filter hands every object that gets an event to Python, and
    # PySide then builds that object's class (``QStyle`` among them), which the app never does.
    # (The child imports no more than ``runpy`` itself: ``json`` is on the list above.)
    script = (
        "import runpy, sys\n"
        "import PySide6.QtCore as core\n"
        "import PySide6.QtWidgets as widgets\n"
        "from swreflect.gui import after_first_paint\n"
        "def record(self):\n"
        "    names = {**vars(core), **vars(widgets)}\n"
        "    built = [n for n in ('Qt', 'QStyle', 'QCommonStyle') if n in names]\n"
        f"    with open({str(listing)!r}, 'w', encoding='utf-8') as out:\n"
        "        out.write(' '.join(built) + '\\n' + '\\n'.join(sorted(sys.modules)))\n"
        "    print('painted', flush=True)\n"
        "    widgets.QApplication.quit()\n"
        "after_first_paint.AfterFirstPaint._begin = record\n"
        "after_first_paint.FALLBACK_MS = 120_000\n"
        "sys.argv = ['swreflect']\n"
        "runpy.run_module('swreflect', run_name='__main__')\n"
    )
    env = {**os.environ, "SWREFLECT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SWREFLECT_EXIT_AFTER_FIRST_PAINT", None)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert "painted" in result.stdout, result.stderr  # it did paint, then quit
    built, *modules = listing.read_text(encoding="utf-8").split("\n")
    loaded = set(modules)
    assert {"PySide6.QtWidgets", "swreflect.gui.screens.gate_window"} <= loaded
    early = sorted(m for m in loaded if m.startswith(NOT_BEFORE_FIRST_PAINT))
    assert early == []
    # PySide builds every enum of the ``Qt`` namespace (about 20 ms) the first time anything
    # reads ``QtCore.Qt``, and ``QStyle``'s (about 6 ms) the first time a style reaches Python
    # (``app.setStyle``, ``widget.style()``); the unlock screen is drawn without either.
    assert built.split() == []
