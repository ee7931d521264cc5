"""Debounced saving: an edit is written a moment after typing stops, or at once on demand.

Widgets call ``touch()`` on every edit; the save callback runs ``delay_ms`` later (so a crash
loses at most a few seconds) or immediately from ``save_pending()``, which the page calls before
the vault locks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from swreflect.errors import SwreflectError

DEFAULT_DELAY_MS = 1500


class Debouncer(QObject):
    saved = Signal()
    failed = Signal(str)  # a typed error's plain message; the text stays in the editor

    def __init__(
        self,
        save: Callable[[], None],
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_pending)
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty

    def touch(self) -> None:
        self._dirty = True
        self._timer.start()

    def save_pending(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        try:
            self._save()
        except SwreflectError as exc:
            self.failed.emit(exc.message)
            return
        self.saved.emit()
