"""Brings the unlock's progress reports from the worker thread to the gate window.

Why: the vault reports each stage of a long upgrade on the worker that unlocks it, and a
widget may only be touched on the UI thread. Calling the relay emits a signal; because the
relay lives on the UI thread, Qt queues each report there, in the order it was made (and
before the worker's "succeeded", which is emitted later from the same thread).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from swreflect.models.unlock_progress import UnlockProgress


class UnlockRelay(QObject):
    """A callable ``UnlockListener`` for the worker; connect ``reported`` on the UI thread."""

    reported = Signal(object)  # UnlockProgress

    def __call__(self, progress: UnlockProgress) -> None:
        self.reported.emit(progress)
