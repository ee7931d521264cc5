"""The data key is one buffer lent out, never copied (issue 10): a lock waits for a borrower
in another thread, then wipes the buffer; nothing can borrow it afterwards."""

from __future__ import annotations

import threading
import time

import pytest

from swreflect.errors import VaultLockedError
from swreflect.vault.data_key import DataKey


def test_destroy_waits_for_a_borrower_then_wipes() -> None:
    raw = bytearray(b"\x42" * 32)
    key = DataKey(raw)
    seen: list[bytes] = []
    borrowed = threading.Event()

    def worker() -> None:
        with key.use() as dek:
            assert dek is raw  # the very buffer, not a copy
            borrowed.set()
            time.sleep(0.2)
            seen.append(bytes(dek))

    thread = threading.Thread(target=worker)
    thread.start()
    borrowed.wait(5)
    key.destroy()  # returns only after the worker is done with the key
    thread.join()
    assert seen == [b"\x42" * 32], "the key was wiped under the worker"
    assert raw == bytearray(32) and not key.alive
    with pytest.raises(VaultLockedError), key.use():
        pass


def test_destroy_on_the_borrowing_thread_does_not_deadlock() -> None:
    key = DataKey(bytearray(b"\x01" * 32))
    with key.use():
        key.destroy(wait_seconds=1)
    assert not key.alive
