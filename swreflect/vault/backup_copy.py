"""How one backup copy is made and checked, at a career's size, without the UI waiting.

Why the online backup API and not ``sqlcipher_export``: the export rebuilds every table and
index row by row (a full-text index of 100,000 entries is most of a 750 MB vault), while the
backup API copies pages. Each page is read through the source connection (SQLCipher checks its
HMAC and decrypts it) and written through a connection keyed with the copy's own page key, so
the copy is re-keyed page by page and is never a raw file copy. The copy runs inside one read
transaction on the source, so it is one consistent snapshot while writers carry on (WAL), and
it goes in steps of ``PAGES_PER_STEP`` pages: the driver lets go of the GIL during each step,
and between steps the caller hears how far it got and can stop it.

While it copies, a second thread authenticates the pages already written (``page_check``),
and once it is closed the copy is checked as a whole (``backup_check``) before it takes a
backup's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from swreflect.errors import BackupCancelledError
from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection

PAGES_PER_STEP = 1024  # 4 MiB a step: about 30 ms of work, so stopping is prompt
# The copy's share of the whole bar (``backup_check`` fills the rest), from where the time goes
# on a 763 MB vault: the copy about 5.5 s (its pages are checked alongside, on another core),
# the last pass over the closed file about 0.3 s.
COPY_SHARE = 0.93
CACHE_PAGES = 1024  # the copy's own page cache

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
    copied: Callable[[int], None] | None = None,
) -> int:
    """Copy every page of ``source`` (one snapshot) into a new file ``dest`` keyed with
    ``key_text``; returns the page count. ``source`` must not be inside a transaction.
    ``copied`` hears after each step how many pages have been handed to the copy.

    Raises ``BackupCancelledError`` when ``should_stop`` answers yes between two steps (the
    caller removes ``dest``)."""
    stop = should_stop or _never
    tell = progress or _ignore
    target = _open_new_copy(dest, key_text)
    total = 0

    def step(_status: int, remaining: int, pages: int) -> None:
        nonlocal total
        total = pages
        tell(COPY_SHARE * (pages - remaining) / pages if pages else COPY_SHARE)
        if copied is not None:
            copied(pages - remaining)
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
    return total


def _open_new_copy(dest: Path, key_text: bytearray) -> Connection:
    driver = dbconn._require_driver()
    conn = driver.connect(str(dest), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.set_key(key_text)
        conn.execute("PRAGMA cipher_compatibility = 4")
        # Nothing to roll back into: a copy that fails is removed whole, and it goes to disk
        # as it is written (``page_check``) and once more after the last page (``backups``).
        conn.execute("PRAGMA journal_mode = OFF").fetchall()
        conn.execute("PRAGMA synchronous = OFF")
        # Pages it still holds are written as the copy goes on; ``page_check`` stays further
        # behind than this many (``BEHIND_PAGES``), so it rarely reads a page not written yet.
        conn.execute(f"PRAGMA cache_size = {CACHE_PAGES}")
    except BaseException:
        conn.close()
        raise
    return conn
