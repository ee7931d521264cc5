"""The unlocked window's code is loaded while the key is derived (a module per turn of the
event loop), so a first unlock does not pay for it after the key is ready. Checked in a fresh
interpreter, where nothing is imported yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import gc, json, sys
from pathlib import Path
from swreflect.gui.launch import compose, make_application
app = make_application()
from swreflect.core.clock import SystemClock
from swreflect.gui import shell_warmup
from swreflect.vault.kdf import KdfPolicy
shell = compose(Path(sys.argv[1]), SystemClock(), KdfPolicy.insecure_for_tests)
shell.start()
before = [m for m in shell_warmup.MODULES if m in sys.modules]
frozen_before = gc.get_freeze_count()
shell.on_unlock_screen_unlock_requested("not the passphrase")  # the key derivation starts
while shell_warmup.pending():
    app.processEvents()
after = [m for m in shell_warmup.MODULES if m in sys.modules]
frozen = gc.get_freeze_count()
shell.runner.wait_for_done()
shell.shutdown()
print(json.dumps({"before": before, "after": after, "frozen": [frozen_before, frozen]}))
"""


def test_asking_to_unlock_loads_the_window_code_meanwhile(tmp_path: Path) -> None:
    from swreflect.gui import shell_warmup

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "vault")],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["before"] == []  # start-up stays lean: nothing of the window before unlock
    assert seen["after"] == list(shell_warmup.MODULES)
    # The loaded code is then out of the collector's sight: a full collection no longer walks
    # tens of thousands of functions and classes on the UI thread (it fell inside Insights).
    assert seen["frozen"][0] == 0 and seen["frozen"][1] > 20_000


REGISTRY_CHILD = """
import json, sys
from swreflect.gui.pages import registry
pages = lambda: sorted(m for m in sys.modules if m.startswith("swreflect.gui.pages.")
                       and m.rsplit(".", 1)[1].endswith("_page"))
before = pages()
registry.factory_target(registry.PAGES[0])  # Home, as the window builds it at unlock
print(json.dumps({"before": before, "home": pages()}))
"""


def test_a_page_module_loads_when_its_page_is_first_built() -> None:
    result = subprocess.run(
        [sys.executable, "-c", REGISTRY_CHILD],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["before"] == []  # the registry alone loads no page
    assert seen["home"] == ["swreflect.gui.pages.home_page"]  # Home's, not the other six
