"""The data key (DEK), held in one buffer and lent out, never copied (issue 10, SECURITY row 13).

``Vault`` owns one ``DataKey``. Code that needs the key for a moment (a backup in a worker, an
export, a passphrase check) borrows it with ``with key.use() as dek:`` and gets the live
``bytearray``; it must not keep or copy it. ``destroy()`` (on lock) waits until every borrower
is done, then zeroes the buffer and drops it, so a worker never sees a half-wiped key and no
second copy exists to be forgotten. A borrow after ``destroy`` raises ``VaultLockedError``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from swreflect.errors import VaultLockedError

WAIT_SECONDS = 60.0


def zero(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


class DataKey:
    def __init__(self, raw: bytearray) -> None:
        self._buf: bytearray | None = raw
        self._borrowers: dict[int, int] = {}
        self._cond = threading.Condition()

    @property
    def alive(self) -> bool:
        return self._buf is not None

    @contextlib.contextmanager
    def use(self) -> Iterator[bytearray]:
        with self._cond:
            if self._buf is None:
                raise VaultLockedError()
            me = threading.get_ident()
            self._borrowers[me] = self._borrowers.get(me, 0) + 1
            buf = self._buf
        try:
            yield buf
        finally:
            with self._cond:
                self._borrowers[me] -= 1
                if not self._borrowers[me]:
                    del self._borrowers[me]
                self._cond.notify_all()

    def peek(self) -> bytearray:
        """The live buffer for a call made right now on the owning thread; never keep it."""
        if self._buf is None:
            raise VaultLockedError()
        return self._buf

    def destroy(self, wait_seconds: float = WAIT_SECONDS) -> None:
        """Wait for other threads' borrows (at most ``wait_seconds``), then zero and drop the
        buffer. Idempotent. A borrow on the calling thread itself is not waited for."""
        me = threading.get_ident()
        with self._cond:
            self._cond.wait_for(lambda: not (set(self._borrowers) - {me}), wait_seconds)
            buf, self._buf = self._buf, None
        if buf is not None:
            zero(buf)
