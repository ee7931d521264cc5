"""Child processes that load Python the way an installed swreflect does: from cached bytecode.

A pip install compiles every module to bytecode, and the release bundle ships it compiled, so
a user's process never compiles swreflect's sources. A development shell may forbid writing
bytecode (``PYTHONDONTWRITEBYTECODE=1``), and then every benchmark child compiles each of
swreflect's modules from source on every start while the libraries it is compared with load
their installed bytecode: that measures the compiler, not the start-up a person waits for.

``installed_env`` gives a child environment with bytecode allowed and kept under a folder of
the benchmark's own (``PYTHONPYCACHEPREFIX``), so the source tree is not written to. The cache
starts empty: every benchmark makes a warm-up run of each side before it times anything, and
the sides it compares share this environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

NOTE = "bytecode cached as installed"


def installed_env(cache_dir: Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with bytecode cached in ``cache_dir``."""
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cache_dir.mkdir(parents=True, exist_ok=True)
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir)
    return env
