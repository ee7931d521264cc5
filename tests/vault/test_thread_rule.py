"""The vault's threading rule (``swreflect.vault.threads``): one writer, workers read through a
connection of their own, and locking closes them all."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from swreflect.vault.connection import DatabaseError
from swreflect.vault.threads import ThreadRuleError
from swreflect.vault.vault import Vault


def in_worker(work: Callable[[], Any]) -> Any:
    """Run ``work`` on a fresh thread; return its result or re-raise its exception."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = work()
        except BaseException as exc:  # handed back to the test thread
            out["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if "error" in out:
        raise out["error"]
    return out.get("value")


def _put(vault: Vault, key: str, value: str) -> None:
    with vault.transaction() as conn:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)", (key, value))


def _get(vault: Vault, key: str) -> str | None:
    row = vault.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def test_a_worker_reads_through_a_connection_of_its_own(vault: Vault) -> None:
    _put(vault, "colour", "teal")
    worker_conn = in_worker(lambda: vault.conn)
    assert worker_conn is not vault.conn
    assert in_worker(lambda: _get(vault, "colour")) == "teal"


def test_a_worker_never_sees_the_writers_open_transaction(vault: Vault) -> None:
    _put(vault, "step", "committed")
    with vault.transaction() as conn:
        conn.execute("UPDATE settings SET value = 'half-done' WHERE key = 'step'")
        assert _get(vault, "step") == "half-done"  # the writer sees its own change
        assert in_worker(lambda: _get(vault, "step")) == "committed"
    assert in_worker(lambda: _get(vault, "step")) == "half-done"


def test_a_worker_cannot_start_a_transaction(vault: Vault) -> None:
    with pytest.raises(ThreadRuleError):
        in_worker(lambda: _put(vault, "sneaky", "1"))
    assert _get(vault, "sneaky") is None


def test_a_stray_write_on_a_worker_connection_is_refused(vault: Vault) -> None:
    def write_directly() -> None:
        vault.conn.execute("INSERT INTO settings(key, value) VALUES ('sneaky', '1')")

    with pytest.raises(DatabaseError):
        in_worker(write_directly)
    assert _get(vault, "sneaky") is None


def test_adopting_moves_the_writer_to_the_adopting_thread(vault: Vault) -> None:
    def adopt_and_write() -> None:
        vault.adopt()
        _put(vault, "owner", "worker")

    in_worker(adopt_and_write)
    # The test thread is now a reader: it sees the commit but may not write.
    assert _get(vault, "owner") == "worker"
    with pytest.raises(ThreadRuleError):
        _put(vault, "again", "1")
    vault.adopt()
    _put(vault, "again", "1")
    assert _get(vault, "again") == "1"


def test_locking_closes_every_worker_connection(vault: Vault) -> None:
    conns: list[Any] = []
    together = threading.Barrier(3)

    def grab() -> None:
        conns.append(vault.conn)
        together.wait(10)  # all three alive at once, so each has a connection of its own

    threads = [threading.Thread(target=grab) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len({id(c) for c in conns}) == 3
    assert vault._threads.reader_count() == 3
    vault.lock()
    assert vault._threads.reader_count() == 0
    for conn in conns:
        with pytest.raises(Exception, match="closed"):
            conn.execute("SELECT 1")
