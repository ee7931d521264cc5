"""Runs a journal search off the UI thread, so typing never waits for the database.

The worker touches no widget: it calls the search function it was given and emits
``succeeded((generation, hits))`` or ``failed(message)``. The page drops results whose
generation is older than the latest query (the user kept typing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from swreflect.errors import SwreflectError
from swreflect.gui.journal.safe_emit import emit

log = logging.getLogger(__name__)
SEARCH_FAILED = "Search didn't work this time. Nothing was changed; please try again."


class SearchSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(str)


class SearchWorker(QRunnable):
    def __init__(self, generation: int, run: Callable[[], Sequence[Any]]) -> None:
        super().__init__()
        self.generation = generation
        self._run = run
        self.signals = SearchSignals()  # created in the UI thread: delivery is queued there

    def run(self) -> None:
        try:
            hits = list(self._run())
        except SwreflectError as exc:
            emit(self.signals.failed, exc.message)
        except Exception as exc:  # never let a worker die silently; never log the query
            log.error("journal search failed: %s", type(exc).__name__)
            emit(self.signals.failed, SEARCH_FAILED)
        else:
            emit(self.signals.succeeded, (self.generation, hits))


class SearchRunner(QObject):
    """Starts one search at a time in its own pool; only the newest query's hits come back.

    ``results_ready`` carries ``(hits, fetch)``: the first page and the callable that fetches
    further pages (the list model asks it as the user scrolls)."""

    results_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._generation = 0
        self._jobs: dict[int, SearchWorker] = {}

    def start(self, fetch: Callable[[int, int], Sequence[Any]], page_size: int) -> None:
        self._generation += 1
        generation = self._generation
        worker = SearchWorker(generation, lambda: fetch(0, page_size))
        worker.signals.succeeded.connect(lambda result: self._on_succeeded(result, fetch))
        worker.signals.failed.connect(lambda message: self._on_failed(generation, message))
        self._jobs[generation] = worker  # keeps the signals object alive until delivery
        self.pool.start(worker)

    def cancel(self) -> None:
        """Forget any search on its way (browsing again, or locking)."""
        self._generation += 1

    def wait(self) -> None:
        """Block until no worker is using the database (before the vault closes)."""
        self.cancel()
        self.pool.waitForDone()

    def _on_succeeded(self, result: object, fetch: Callable[[int, int], Sequence[Any]]) -> None:
        generation, hits = cast(tuple[int, list[Any]], result)
        self._jobs.pop(generation, None)
        if generation == self._generation:
            emit(self.results_ready, (hits, fetch))

    def _on_failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation:
            emit(self.failed, message)
