"""The app's log file, kept to a few small files by rotating when one grows too big.

Why not ``logging.handlers.RotatingFileHandler``: importing ``logging.handlers`` also loads
``socket``, ``pickle`` and ``queue`` for handlers swreflect never uses, and every process (the
window and each command line call) sets up the log at start-up, so that cost was paid by every
``swreflect journal list``. This handler does the one thing needed: append lines to
``swreflect.log``; when the next line would take it past ``max_bytes``, the older files move up
one number (``swreflect.log.1`` becomes ``.2`` and so on, the oldest beyond ``backups`` goes)
and a new file starts. The names are the ones the standard handler used, so existing logs carry
on. Renames use ``os.replace``, which also replaces an existing file on Windows.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path


class RotatingLogFile(logging.FileHandler):
    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._is_full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _is_full(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0 or self.stream is None:
            return False
        line = f"{self.format(record)}{self.terminator}".encode("utf-8", "replace")
        self.stream.seek(0, os.SEEK_END)  # appending: the end is the file's size
        return bool(self.stream.tell() + len(line) > self.max_bytes)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            older = f"{base}.{n}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{n + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.remove(base)
        self.stream = self._open()
