"""Emitting signals from Python without tripping a PySide6 6.12.0 reference-count bug.

PySide6 6.12.0 on CPython 3.11 hands back ``True`` from every ``SignalInstance.emit()``
(and ``None`` from every void call) without taking a reference; after a few thousand calls the
interpreter aborts ("Fatal Python error: bool_dealloc"). pyproject now pins PySide6 below 6.12
and tests/gui/test_journal_qt_refcounts.py guards that. As a second line of defence for the
journal's own signals, ``emit`` measures the bug once and, if present, gives the reference back
after each call; on a sound PySide6 it is a plain ``emit``.

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
