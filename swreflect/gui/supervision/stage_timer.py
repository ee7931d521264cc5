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
        self._cycle = ""
        self._flushed_total = 0
        self._mark = clock.monotonic()
        self._since_entered = 0
        self._running = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.on_tick_timeout)

    @property
    def stage(self) -> str | None:
        return self._stage

    def switch(self, stage_key: str, agenda_item_id: str | None = None, cycle: str = "") -> None:
        """Count from now towards another stage, agenda item or step of the cycle. A change of
        step alone keeps the stage's running time on screen."""
        same_place = (stage_key, agenda_item_id) == (self._stage, self._item)
        self.flush()
        self._stage, self._item, self._cycle = stage_key, agenda_item_id, cycle
        if not same_place:
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
        cycle = self._cycle if self._item else ""
        self._sessions.add_time(self._session_id, self._stage, elapsed, self._item, cycle)
        self._mark += elapsed
        self._since_entered += elapsed
        self._flushed_total += elapsed

    def _pending(self) -> int:
        return max(0, int(self._clock.monotonic() - self._mark)) if self._running else 0

    def current_seconds(self) -> int:
        return self._since_entered + self._pending()

    def measured_seconds(self) -> int:
        """Everything this timer has measured since it was made, written or not yet."""
        return self._flushed_total + self._pending()

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
