"""Process hardening at start-up: no core dumps, and (on Linux) not dumpable or traceable.

A core dump of an unlocked swreflect would hold the data key and decrypted text, so they are
switched off before any secret is in memory.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # as typing's own: ``--version`` hardens too and needn't load typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

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
        _warn("could not set RLIMIT_CORE to 0")
        return False
    return True


def _prctl() -> Callable[..., int] | None:
    """libc's ``prctl`` (Linux), from the libc the running interpreter has already loaded.

    Made with ctypes' C core, ``_ctypes``, exactly as ``ctypes.CDLL(None, use_errno=True)``
    makes a function with an ``int`` result: the whole ``ctypes`` package, for this one call,
    cost every start-up (each command line call and the window's) about 2 ms. ``ctypes``
    itself is the fallback should the core ever not be as expected."""
    try:
        import _ctypes

        class _Int(_ctypes._SimpleCData):  # ctypes.c_int is this class
            _type_ = "i"

        class _Function(_ctypes.CFuncPtr):  # CDLL's own function class, as above
            _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
            _restype_ = _Int

        process = _ctypes.dlopen(None)  # type: ignore[arg-type]  # None: this process, as CDLL(None)
        function: Any = _Function(_ctypes.dlsym(process, "prctl"))
        return function
    except (ImportError, AttributeError, OSError, TypeError):
        libc = _libc()
        return None if libc is None else libc.prctl


def _libc() -> Any:
    """libc through ``ctypes``: ``CDLL(None)`` finds it without ``ctypes.util.find_library``,
    which would spawn ``ldconfig`` and slow every start-up; the search stays as a fallback."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if hasattr(libc, "prctl"):
            return libc
    except OSError:
        pass
    from ctypes.util import find_library

    name = find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None


def set_not_dumpable() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    prctl = _prctl()
    if prctl is None:
        return False
    return int(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)) == 0


def is_dumpable() -> bool | None:
    if not sys.platform.startswith("linux"):
        return None
    prctl = _prctl()
    if prctl is None:
        return None
    return int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) != 0


def private_umask() -> None:
    """New files and folders readable by this user only, whatever creates them."""
    if os.name == "posix":
        os.umask(0o077)


def harden_process() -> None:
    """Called first thing by every entry point (GUI and CLI)."""
    private_umask()
    disable_core_dumps()
    if not set_not_dumpable():
        _warn("could not mark the process as not dumpable")


def _warn(message: str) -> None:
    """Logging is loaded only when there is something to say (``--version`` has nothing)."""
    import logging

    logging.getLogger(__name__).warning(message)
