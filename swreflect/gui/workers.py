"""Background work for the GUI: slow steps run on a thread pool, results come back as signals.

A ``Task`` runs one callable off the UI thread and touches no widget. It reports
``succeeded(object)`` with the return value or ``failed(str)`` with user-safe wording: typed
errors (``swreflect.errors``) carry their own message; anything unexpected is logged by type
only (never its text, which could hold content) and shown as a calm generic message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from swreflect.errors import SwreflectError

log = logging.getLogger(__name__)

GENERIC_FAILURE = "Something went wrong. Nothing was changed; please try again."


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)
    progress = Signal(int)


class Task(QRunnable):
    """One unit of background work. Create it on the UI thread so its signals live there."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = TaskSignals()
        self.finished = threading.Event()

    def run(self) -> None:
        try:
            result = self._work()
        except SwreflectError as exc:
            self.signals.failed.emit(exc.message)
        except Exception as exc:
            log.error("background task failed: %s", type(exc).__name__)
            self.signals.failed.emit(GENERIC_FAILURE)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self._work = _done
            self.finished.set()


def _done() -> None:
    return None


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they report; ``busy`` while any is running."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()
        self._by_signals: dict[QObject, Task] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(
        self,
        work: Callable[[], Any],
        on_succeeded: Callable[[object], None],
        on_failed: Callable[[str], None],
    ) -> Task:
        """Run ``work`` in the pool; the callbacks run on the UI thread afterwards."""
        task = Task(work)
        task.setAutoDelete(False)
        task.signals.succeeded.connect(on_succeeded)
        task.signals.failed.connect(on_failed)
        # Bound methods, not lambdas: PySide can hand a new lambda's connection to an old,
        # garbage-collected one with the same id, which then ran ``_finish`` on a runner
        # already deleted ("Signal source has been deleted", seen under load in tests).
        task.signals.succeeded.connect(self._on_task_reported)
        task.signals.failed.connect(self._on_task_reported)
        was_busy = self.busy
        self._running.add(task)
        self._by_signals[task.signals] = task
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(task)
        return task

    def _on_task_reported(self, _value: object) -> None:
        task = self._by_signals.pop(self.sender(), None)
        if task is not None:
            self._finish(task)

    def _finish(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    def wait_for_done(self, seconds: float = 30.0) -> bool:
        """Block until this runner's own tasks have finished their work.

        Used only when the vault is about to close (lock, quit), so that a half-done step,
        such as rewrapping the key, completes before the key is wiped. Their result signals
        may still arrive later; receivers that are gone by then simply miss them.
        """
        return all(task.finished.wait(seconds) for task in list(self._running))
