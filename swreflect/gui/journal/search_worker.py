"""Runs a journal search off the UI thread, so typing never waits for the database.

The worker touches no widget: it calls the search function it was given and emits
``succeeded((generation, hits))`` or ``failed(message)``. The page drops results whose
generation is older than the latest query (the user kept typing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

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
