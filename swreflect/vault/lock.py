"""The process lock: a second process gets "vault in use" instead of racing the first.

The lock file (``vault.lock``) is created once and then only locked and unlocked, never
rewritten, so taking the lock leaves every vault file byte-identical. POSIX uses ``flock``;
Windows locks the file's first byte with ``msvcrt.locking`` (which also refuses a second
handle in the same process, like ``flock`` on a separate open). Windows can't rename a folder
while a file in it is open, so whoever swaps vault folders releases this lock first
(``vault/restore.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from swreflect.errors import VaultInUseError
from swreflect.platform import system
from swreflect.platform.files import FILE_MODE

LOCK_NAME = "vault.lock"


class ProcessLock:
    def __init__(self, vault_dir: Path) -> None:
        self.path = vault_dir / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | system.binary_flag(), FILE_MODE)
        try:
            _lock_fd(fd)
        except OSError as exc:
            os.close(fd)
            raise VaultInUseError() from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock_fd(fd)
        finally:
            os.close(fd)


def _lock_fd(fd: int) -> None:
    if system.is_windows():
        msvcrt = system.msvcrt()
        os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks from the current position
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_fd(fd: int) -> None:
    if system.is_windows():
        msvcrt = system.msvcrt()
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)
