"""Short lines on standard error while unlocking updates a vault made by an earlier version.

Why: that update runs inside the first command after an upgrade of swreflect and can take
many seconds on a large journal; a silent terminal looks hung. The lines go to standard error
(standard output is for what scripts parse), only while an update runs, and never with
``--json``. A normal unlock prints nothing.
"""

from __future__ import annotations

from typing import TextIO

from swreflect.models.unlock_progress import UPDATE_NOTE_SHORT, UnlockProgress, UnlockStage


class UpdateLines:
    """An ``UnlockListener`` that prints each stage of an update once."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._last: UnlockStage | None = None

    def __call__(self, progress: UnlockProgress) -> None:
        if not progress.updating:
            return
        if self._last is None:
            self._say(f"swreflect: {UPDATE_NOTE_SHORT}")
        if progress.stage is UnlockStage.BACKUP and self._last is UnlockStage.BACKUP:
            return  # the copy's fractions: one line is enough in a log
        self._last = progress.stage
        self._say(progress.text)

    def _say(self, line: str) -> None:
        print(line, file=self._stream, flush=True)
