"""Emitting signals from Python without tripping a PySide6 6.12.0 reference-count bug.

In PySide6 6.12.0 every ``SignalInstance.emit()`` called from Python hands back ``True``
without taking a reference, so each call leaves ``True`` one reference short; after a few
thousand emits (an hour of autosaves, or a long test run) the interpreter aborts with "Fatal
Python error: bool_dealloc". ``emit`` here measures the bug once, and if present gives the
reference back after each call. On a fixed PySide6 it is a plain ``emit``.

Where a signal only forwards another, connect signal to signal instead (Qt emits it in C++).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_leak: bool | None = None


class _Probe(QObject):
    fired = Signal()


def _measure() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) <= before - 8


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, repairing the lost reference where PySide6 drops it."""
    global _leak
    if _leak is None:
        _leak = _measure()
        if _leak:
            for _ in range(8):
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    signal.emit(*args)
    if _leak:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
