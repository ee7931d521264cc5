"""Time per stage (and per agenda item), measured with the injected clock's monotonic reading.

Time is written to the vault when the stage or item changes, every ``FLUSH_SECONDS`` and on
``flush()`` (called before lock), so at most a few seconds are ever unrecorded. Tests move a
FakeClock and call ``flush()``; nothing here sleeps.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from swreflect.core.clock import Clock
from swreflect.core.sessions import SessionService
from swreflect.errors import SwreflectError

FLUSH_SECONDS = 15


class StageTimer(QObject):
    ticked = Signal(int)  # whole seconds measured since the current stage/item was entered

    def __init__(
        self, sessions: SessionService, session_id: str, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._session_id = session_id
        self._clock = clock
        self._stage: str | None = None
        self._item: str | None = None
        self._mark = clock.monotonic()
        self._since_entered = 0
        self._running = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.on_tick_timeout)

    @property
    def stage(self) -> str | None:
        return self._stage

    def switch(self, stage_key: str, agenda_item_id: str | None = None) -> None:
        self.flush()
        self._stage, self._item = stage_key, agenda_item_id
        self._since_entered = 0
        self._mark = self._clock.monotonic()

    def start(self) -> None:
        self._mark = self._clock.monotonic()
        self._running = True
        self._tick.start()

    def pause(self) -> None:
        self.flush()
        self._running = False
        self._tick.stop()

    def flush(self) -> None:
        if not self._running or self._stage is None:
            self._mark = self._clock.monotonic()
            return
        elapsed = int(self._clock.monotonic() - self._mark)
        if elapsed <= 0:
            return
        self._sessions.add_time(self._session_id, self._stage, elapsed, self._item)
        self._mark += elapsed
        self._since_entered += elapsed

    def current_seconds(self) -> int:
        pending = max(0, int(self._clock.monotonic() - self._mark)) if self._running else 0
        return self._since_entered + pending

    def on_tick_timeout(self) -> None:
        if self._running and self._clock.monotonic() - self._mark >= FLUSH_SECONDS:
            try:
                self.flush()
            except SwreflectError:
                # The vault locked under us (the page is about to be destroyed): stop quietly;
                # the shell already called save_pending() before locking.
                self._running = False
                self._tick.stop()
                return
        self.ticked.emit(self.current_seconds())
