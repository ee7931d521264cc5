"""An exclusive, non-blocking lock on a file, with the same meaning on Windows and POSIX.

Two things in swreflect need "is another process already doing this?": the vault's process
lock (``vault/lock.py``: a second process gets "vault in use") and the window's claim
(``gui/window_claim.py``: a second launch hands over to the running window). Both use
``HeldFile``. The lock belongs to the open file, so the operating system lets go of it when
the process ends, however it ends: a crash never leaves a stale lock behind.

POSIX uses ``flock``; Windows locks the file's first byte with ``msvcrt.locking``, which also
refuses a second handle in the same process (as ``flock`` does for a separate open). The file
is created once and then only locked and unlocked, never written, so taking the lock leaves
it byte-identical (the vault's files stay unchanged by an unlock).
"""

from __future__ import annotations

import os
from pathlib import Path

from swreflect.platform import system
from swreflect.platform.files import FILE_MODE


def lock_exclusive(fd: int) -> None:
    """Lock ``fd`` for this handle only; ``OSError`` if another handle holds it."""
    if system.is_windows():
        msvcrt = system.msvcrt()
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks from the current position
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def unlock(fd: int) -> None:
    if system.is_windows():
        msvcrt = system.msvcrt()
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class HeldFile:
    """``path`` locked by this process while ``held``; ``release`` (or the process ending)
    lets the next one have it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it (True), else False. Creating the file may raise
        ``OSError`` (a missing or read-only folder), which the caller words."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | system.binary_flag(), FILE_MODE)
        try:
            lock_exclusive(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            unlock(fd)
        finally:
            os.close(fd)
