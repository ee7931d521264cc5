"""Keeping the vault's upkeep off the save path: write-ahead-log checkpoints run in a worker.

Saving an entry commits on the UI thread (the vault's one writer). SQLite would otherwise copy
the log into the database inside whichever commit crosses its threshold, and with
``synchronous = FULL`` that copy and its disk flush land on one save in a hundred. Here the
writer defers checkpoints (``Vault.defer_checkpoints``) and a timer, a few seconds after
something was saved, runs a passive checkpoint on a worker's own read-only connection (see
``vault.threads``); it never blocks a save and a save never waits for it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from swreflect.gui.workers import TaskRunner

CHECK_EVERY_MS = 3000


class Checkpointed(Protocol):
    """What the upkeep needs of an unlocked vault (``vault.vault.Vault`` provides it)."""

    @property
    def is_unlocked(self) -> bool: ...

    def defer_checkpoints(self) -> None: ...

    def checkpoint(self) -> tuple[int, int]: ...

    def changes(self) -> int: ...


class VaultUpkeep(QObject):
    def __init__(self, vault: Checkpointed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._seen = vault.changes()
        self.runner = TaskRunner(self)  # a child, so locking waits for a checkpoint under way
        self.checkpoints = 0
        vault.defer_checkpoints()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.on_timer_timeout)
        self.timer.start()

    def on_timer_timeout(self) -> None:
        if self.runner.busy or not self._vault.is_unlocked:
            return
        changes = self._vault.changes()
        if changes == self._seen:
            return
        self._seen = changes
        self.runner.start(self._vault.checkpoint, self.on_checkpointed, self.on_failed)

    def on_checkpointed(self, _result: object) -> None:
        self.checkpoints += 1

    def on_failed(self, _message: str) -> None:
        """A missed checkpoint costs nothing but log size; the next one (or lock) catches up."""

    def stop(self) -> None:
        self.timer.stop()
