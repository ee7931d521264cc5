"""The process lock: a second process gets "vault in use" instead of racing the first.

The lock file (``vault.lock``) is created once and then only locked and unlocked, never
rewritten, so taking the lock leaves every vault file byte-identical. The locking itself
(``flock`` on POSIX, ``msvcrt.locking`` on Windows) is ``platform/file_lock.py``'s, shared
with the window's single-instance claim. Windows can't rename a folder while a file in it is
open, so whoever swaps vault folders releases this lock first (``vault/restore.py``).
"""

from __future__ import annotations

from pathlib import Path

from swreflect.errors import VaultInUseError
from swreflect.platform.file_lock import HeldFile

LOCK_NAME = "vault.lock"


class ProcessLock:
    def __init__(self, vault_dir: Path) -> None:
        self.path = vault_dir / LOCK_NAME
        self._file = HeldFile(self.path)

    @property
    def held(self) -> bool:
        return self._file.held

    def acquire(self) -> None:
        if not self._file.try_acquire():
            raise VaultInUseError()

    def release(self) -> None:
        self._file.release()
