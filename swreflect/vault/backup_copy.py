"""How one backup copy is made and checked, at a career's size, without the UI waiting.

Why the online backup API and not ``sqlcipher_export``: the export rebuilds every table and
index row by row (a full-text index of 100,000 entries is most of a 750 MB vault), while the
backup API copies pages. Each page is read through the source connection (SQLCipher checks its
HMAC and decrypts it) and written through a connection keyed with the copy's own page key, so
the copy is re-keyed page by page and is never a raw file copy. The copy runs inside one read
transaction on the source, so it is one consistent snapshot while writers carry on (WAL), and
it goes in steps of ``PAGES_PER_STEP`` pages: the driver lets go of the GIL during each step,
and between steps the caller hears how far it got and can stop it.

The copy is then read back and checked (``backup_check``) before it takes a backup's name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from swreflect.errors import BackupCancelledError
from swreflect.platform import system
from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection

PAGES_PER_STEP = 1024  # 4 MiB a step: about 30 ms of work, so stopping is prompt
FLUSH_EVERY_STEPS = 4  # to disk every 16 MiB (see ``_Flusher``)
# The copy's share of the whole bar (``backup_check`` fills the rest), from where the time goes
# on a 750 MB vault: the copy takes about 5.7 s of CPU, the checks 3.3 s.
COPY_SHARE = 0.63

Progress = Callable[[float], None]
ShouldStop = Callable[[], bool]


def _never() -> bool:
    return False


def _ignore(_done: float) -> None:
    return None


def copy_pages(
    source: Connection,
    dest: Path,
    key_text: bytearray,
    should_stop: ShouldStop | None = None,
    progress: Progress | None = None,
) -> int:
    """Copy every page of ``source`` (one snapshot) into a new file ``dest`` keyed with
    ``key_text``; returns the page count. ``source`` must not be inside a transaction.

    Raises ``BackupCancelledError`` when ``should_stop`` answers yes between two steps (the
    caller removes ``dest``)."""
    stop = should_stop or _never
    tell = progress or _ignore
    target = _open_new_copy(dest, key_text)
    total = 0
    flush = _Flusher(dest)

    def step(_status: int, remaining: int, pages: int) -> None:
        nonlocal total
        total = pages
        tell(COPY_SHARE * (pages - remaining) / pages if pages else COPY_SHARE)
        flush.after_step()
        if stop():
            raise BackupCancelledError()

    try:
        source.execute("BEGIN")
        try:
            source.execute("SELECT count(*) FROM main.sqlite_master").fetchone()
            source.backup(target, pages=PAGES_PER_STEP, progress=step)
            version = int(source.execute("PRAGMA main.user_version").fetchone()[0])
        finally:
            source.execute("ROLLBACK")  # a read transaction: nothing to keep
        # The source's header says WAL; a backup is one self-contained file instead.
        target.execute("PRAGMA journal_mode = DELETE").fetchall()
        target.execute(f"PRAGMA user_version = {version}")
    finally:
        target.close()
        flush.close()
    return total


class _Flusher:
    """Writes the copy out to disk as it goes, ``FLUSH_EVERY_STEPS`` steps at a time.

    Left to the OS, the whole copy waits in memory and goes to disk in one long flush at the
    end; on the common file systems a save in the app (a commit that waits for the disk) then
    queues behind it, and the UI thread stalls for a tenth of a second. Flushing as it goes
    keeps that queue short, at no extra bytes written."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None
        self._steps = 0

    def after_step(self) -> None:
        self._steps += 1
        if self._steps % FLUSH_EVERY_STEPS:
            return
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDWR | system.binary_flag())
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _open_new_copy(dest: Path, key_text: bytearray) -> Connection:
    driver = dbconn._require_driver()
    conn = driver.connect(str(dest), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(key_text)
        conn.execute("PRAGMA cipher_compatibility = 4")
        # Nothing to roll back into: a copy that fails is removed whole, and it is fsynced
        # once, as a whole, after the last page (``backups.backup_to_file``).
        conn.execute("PRAGMA journal_mode = OFF").fetchall()
        conn.execute("PRAGMA synchronous = OFF")
    except BaseException:
        conn.close()
        raise
    return conn
