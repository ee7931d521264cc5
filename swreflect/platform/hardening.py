"""Process hardening at start-up: no core dumps, and (on Linux) not dumpable or traceable.

A core dump of an unlocked swreflect would hold the data key and decrypted text, so they are
switched off before any secret is in memory.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def disable_core_dumps() -> bool:
    try:
        import resource
    except ImportError:  # Windows: no core files
        return True
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        log.warning("could not set RLIMIT_CORE to 0")
        return False
    return True


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None


def set_not_dumpable() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    libc = _libc()
    if libc is None:
        return False
    return int(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)) == 0


def is_dumpable() -> bool | None:
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    if libc is None:
        return None
    return int(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) != 0


def private_umask() -> None:
    """New files and folders readable by this user only, whatever creates them."""
    if os.name == "posix":
        os.umask(0o077)


def harden_process() -> None:
    """Called first thing by every entry point (GUI and CLI)."""
    private_umask()
    disable_core_dumps()
    if not set_not_dumpable():
        log.warning("could not mark the process as not dumpable")
