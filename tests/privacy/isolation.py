"""A sealed set of per-user folders for running swreflect in a child process.

Every place an app or a toolkit may write on its own (HOME, the XDG data, config, cache, state
and runtime folders, TMPDIR, SWREFLECT_HOME) points inside one root, so that afterwards a canary
scan of that root sees everything the run left behind. Exports the user chose go to a separate
folder, which is deliberately not part of the scan.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import TEST_PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
FOLDERS = ("home", "data", "config", "cache", "state", "runtime", "tmp", "swhome")


@dataclass(frozen=True)
class Sandbox:
    root: Path  # everything the app may touch on its own
    exports: Path  # where the "user" chose to put exports (not scanned for leaks)

    def folder(self, name: str) -> Path:
        return self.root / name

    @property
    def vault_dir(self) -> Path:
        return self.folder("swhome") / "data" / "vault"

    def env(self, **extra: str) -> dict[str, str]:
        """A minimal environment: nothing of the test runner's own HOME or caches leaks in."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": str(self.folder("home")),
            "XDG_DATA_HOME": str(self.folder("data")),
            "XDG_CONFIG_HOME": str(self.folder("config")),
            "XDG_CACHE_HOME": str(self.folder("cache")),
            "XDG_STATE_HOME": str(self.folder("state")),
            "XDG_RUNTIME_DIR": str(self.folder("runtime")),
            "TMPDIR": str(self.folder("tmp")),
            "SWREFLECT_HOME": str(self.folder("swhome")),
            "SWREFLECT_INSECURE_TEST_KDF": "1",
            "SWREFLECT_PASSPHRASE": TEST_PASSPHRASE,
            "PYTHONPATH": str(REPO),
            "QT_QPA_PLATFORM": "offscreen",
        }
        env.update(extra)
        return env


def make_sandbox(base: Path) -> Sandbox:
    root = base / "sandbox"
    for name in FOLDERS:
        (root / name).mkdir(parents=True)
    (root / "runtime").chmod(0o700)
    exports = base / "exports"
    exports.mkdir()
    return Sandbox(root, exports)


def python() -> str:
    return sys.executable
