"""Which operating system's file rules apply, decided at call time rather than import time.

Windows differs from POSIX in ways that silently corrupt or break file handling: ``os.open``
without ``O_BINARY`` is text mode, ``fsync`` needs a writable handle, folders can't be opened
(so they can't be fsynced), a folder holding an open file can't be renamed, and permission
bits only toggle "read-only". The file layer asks this module instead of testing
``sys.platform`` itself, so ``tests/platform/winrules.py`` can switch the Windows branches on
while emulating those rules on Linux, and every Windows path runs in ``make test``.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

#: True on Windows. Tests that emulate Windows rules set this on Linux.
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"
LINUX = sys.platform.startswith("linux")


def is_windows() -> bool:
    return WINDOWS


def is_linux() -> bool:
    return LINUX and not WINDOWS


def binary_flag() -> int:
    """``os.O_BINARY`` where it exists (Windows), else 0: every ``os.open`` adds it."""
    return int(getattr(os, "O_BINARY", 0))


def has_dir_fsync() -> bool:
    """Folders can be opened and fsynced on POSIX only (Windows has no equivalent)."""
    return os.name == "posix" and not WINDOWS


def has_posix_modes() -> bool:
    """Whether ``0o600``/``0o700`` mean "this user only". On Windows privacy comes from the
    per-user profile folder's access list instead (see README, "Where your data lives")."""
    return os.name == "posix" and not WINDOWS


def msvcrt() -> ModuleType:
    """The Windows C runtime module (imported lazily so POSIX never needs it)."""
    return importlib.import_module("msvcrt")
