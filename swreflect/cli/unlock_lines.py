"""Short lines on standard error while unlocking updates a vault made by an earlier version.

Why: that update runs inside the first command after an upgrade of swreflect and can take
many seconds on a large journal; a silent terminal looks hung. The lines go to standard error
(standard output is for what scripts parse), only while an update runs, and never with
``--json``. A normal unlock prints nothing. In a terminal the copy's line counts up in place
("… 42%"); in a log or a pipe each stage is one plain line.
"""

from __future__ import annotations

from typing import TextIO

from swreflect.models.unlock_progress import UPDATE_NOTE_SHORT, UnlockProgress, UnlockStage


class UpdateLines:
    """An ``UnlockListener`` that prints each stage of an update once."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._last: UnlockStage | None = None
        self._in_place = False  # a terminal line still open (no newline yet)
        try:
            self._tty = stream.isatty()
        except (AttributeError, ValueError):
            self._tty = False

    def __call__(self, progress: UnlockProgress) -> None:
        if not progress.updating:
            return
        if self._last is None:
            self._say(f"swreflect: {UPDATE_NOTE_SHORT}")
        again = progress.stage is UnlockStage.BACKUP and self._last is UnlockStage.BACKUP
        self._last = progress.stage
        if progress.stage is UnlockStage.BACKUP and self._tty:
            percent = round((progress.fraction or 0.0) * 100)
            self._stream.write(f"\r{progress.text} {percent}%")
            self._stream.flush()
            self._in_place = True
            return
        if not again:  # in a log, the copy's fractions would be a hundred lines
            self._say(progress.text)

    def _say(self, line: str) -> None:
        if self._in_place:
            self._stream.write("\n")
            self._in_place = False
        print(line, file=self._stream, flush=True)
