"""Loading modules ahead of need on the UI thread, one module per turn of the event loop.

Some steps are slow the first time only because their code is not imported yet: the unlocked
window after the key is derived, the first PDF export. Loading that code early makes them quick,
but not in a thread: PySide's import hooks are not safe to run while the UI thread uses Qt (a
background import of the PDF libraries crashed GUI test runs that way). So an ``ImportChain``
imports its modules on the UI thread, one per ``QTimer.singleShot(0, ...)``, letting the event
loop paint and handle input between them; a long list costs the UI no more than its slowest
module. A failure only means the code loads later, where it is needed, and is reported there.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StepRun:
    """One step as it ran: the module, the thread it ran on and how long it took (seconds)."""

    module: str
    thread: str
    seconds: float


class ImportChain:
    """``modules`` in order, then for those named in ``after`` a call with the loaded module."""

    def __init__(
        self,
        modules: Sequence[str],
        after: Mapping[str, Callable[[ModuleType], object]] | None = None,
    ) -> None:
        self.modules = tuple(modules)
        self._after = dict(after or {})
        self._queue: list[str] | None = None
        self.ran: list[StepRun] = []  # for tests and measurements

    def start(self) -> None:
        """Begin loading (once per chain; later calls do nothing). Needs a running event loop."""
        if self._queue is None:
            self._queue = list(self.modules)
            QTimer.singleShot(0, self._next)

    def started(self) -> bool:
        return self._queue is not None

    def pending(self) -> list[str]:
        """The modules not loaded yet (all of them before ``start``)."""
        return list(self.modules if self._queue is None else self._queue)

    def _next(self) -> None:
        if not self._queue:
            return
        name = self._queue.pop(0)
        began = time.perf_counter()
        try:
            module = importlib.import_module(name)
            if name in self._after:
                self._after[name](module)
        except Exception as exc:  # loaded again where it is needed, and reported there
            log.warning("loading %s early failed: %s", name, type(exc).__name__)
        took = time.perf_counter() - began
        self.ran.append(StepRun(name, threading.current_thread().name, took))
        if self._queue:
            QTimer.singleShot(0, self._next)
