"""Checking a fresh backup copy before it takes a backup's name (SECURITY.md rows 5 and 16).

What is checked, and why that is enough at backup time:

1. A fresh connection opens the finished file with the copy's own key (SQLCipher reads and
   authenticates page 1 and the schema) and the file holds exactly the pages the copy wrote.
2. Every page authenticates under the copy's key (``page_check``: the MAC SQLCipher checks
   before it decrypts a page, which covers the page number, so a page that was lost, torn,
   misplaced or written under another key fails). Most pages are checked while the copy is
   still being written, on a second thread; the rest, and any page written again since it
   passed, when the copy is closed.

So the file on disk is complete and every page of it reads back under the copy's key. What
is *not* repeated at backup time is the walk of every b-tree (``integrity_check``) that read
and decrypted every page a third time and took about a third of the whole backup at full size:
the copy is made with SQLite's backup API, which copies each page's plaintext unchanged, so the
trees in the copy are byte for byte the trees of the snapshot it was made from; a copy cannot
break a tree, and a tree broken in the vault itself is broken in every copy made from it.
Those checks belong where a backup is *used*: every restore runs both full checks
(``cipher_integrity_check`` and ``integrity_check``, the full-text index's content check
included) before it uses a backup, and falls back to an older one when the newest fails
(``verify_backup_file``, ``inspect_backup``, ``latest_good_backup``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from swreflect.errors import BackupCancelledError
from swreflect.vault import connection as dbconn
from swreflect.vault import page_keys
from swreflect.vault.backup_copy import COPY_SHARE, Progress, ShouldStop
from swreflect.vault.connection import Connection
from swreflect.vault.page_check import PageCheck

STOP_CHECK_STEPS = 20_000  # SQLite VM steps between two looks at "should this stop?"


def check_copy(
    path: Path,
    key: bytearray,
    pages: int,
    should_stop: ShouldStop | None = None,
    progress: Progress | None = None,
    pages_check: PageCheck | None = None,
) -> list[str]:
    """Check the closed copy with its own key (see the module doc); ``[]`` means sound.

    ``pages`` is what the copy step wrote; ``pages_check`` is the check that ran alongside the
    copy (without one, every page is checked here). Raises ``BackupCancelledError`` when
    ``should_stop`` answers yes part-way."""
    stop = should_stop or (lambda: False)
    try:
        conn = _open_existing_copy(path, key)
    except Exception as exc:  # any refusal to open is damage, whatever the driver says
        return [f"cannot open: {type(exc).__name__}"]
    try:
        count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        conn.execute("PRAGMA user_version").fetchone()
    except dbconn.DatabaseError as exc:
        return [f"database error: {type(exc).__name__}"]
    finally:
        conn.close()
    if count != pages or Path(path).stat().st_size != pages * size:
        return [f"the copy holds {count} pages, expected {pages}"]
    if pages_check is not None and pages_check.page_size != size:
        return [f"the copy's pages are {size} bytes, expected {pages_check.page_size}"]
    salt = page_keys.file_salt(path)
    if pages_check is None and salt is None:
        return ["the copy is too short to hold its salt"]
    check = pages_check or PageCheck(path, key, salt or b"", size)
    tell = progress or (lambda _done: None)

    def last_pass(done: float) -> None:
        tell(COPY_SHARE + (1 - COPY_SHARE) * done)

    try:
        problems = check.finish(pages, stop, last_pass)
    finally:
        if pages_check is None:
            check.close()
    if stop():
        raise BackupCancelledError()
    return problems


def _open_existing_copy(path: Path, key: bytearray) -> Connection:
    """A fresh connection (no page cache shared with the writer), refusing to create a file."""
    driver = dbconn._require_driver()
    uri = f"{Path(path).absolute().as_uri()}?mode=rw"
    conn = driver.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        text = dbconn.raw_key_text(key)
        try:
            conn.set_key(text)
        finally:
            dbconn.wipe(text)
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()
        raise
    return conn
