"""Checking a fresh backup copy before it takes a backup's name (SECURITY.md rows 5 and 16).

What the check does and why: a fresh connection reads the finished
file back with the copy's own key and runs ``integrity_check`` on every b-tree (the schema,
each table with its indexes, and the full-text index's storage tables), after checking that
the file holds exactly the pages the copy wrote. Walking every tree reads every page in use,
and SQLCipher checks each page's HMAC as it is read, so this one pass proves both that the file
is complete and authentic under the copy's key (a page that was lost, torn or misplaced fails
its HMAC, which covers its page number) and that every tree is well formed, so a restore can
read every row. It replaces running ``cipher_integrity_check`` and then ``integrity_check``
over the whole file, which read and authenticated every page twice.

What is left to the restore's full checks: the full-text index's own content check (``PRAGMA
integrity_check`` with no table argument re-tokenises every entry to compare it with the index,
about two thirds of that check's time at full size; the index is derived from the entries and
can be rebuilt from them), the file-wide page accounting (orphaned or doubly used pages) and
the HMACs of free pages, which hold nothing. The copy is page for page the snapshot it was
made from, so none of these can differ from the live vault's, and every restore still runs
both full checks before it uses a backup (``verify_backup_file``, ``inspect_backup``).

The trees are checked on ``CHECKERS`` connections at once (each its own thread; the driver lets
go of the GIL while SQLite works), taking tables from one queue, so on a machine with two or
more cores the check takes about half as long as the person waits.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from pathlib import Path

from swreflect.errors import BackupCancelledError
from swreflect.vault import connection as dbconn
from swreflect.vault.backup_copy import COPY_SHARE, Progress, ShouldStop
from swreflect.vault.connection import Connection

STOP_CHECK_STEPS = 20_000  # SQLite VM steps between two looks at "should this stop?"
CHECKERS = max(1, min(2, os.cpu_count() or 1))


def check_copy(
    path: Path,
    key: bytearray,
    pages: int,
    should_stop: ShouldStop | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Read the copy back with its own key and check it (see the module doc); ``[]`` means
    sound. ``pages`` is what the copy step wrote. Raises ``BackupCancelledError`` when
    ``should_stop`` answers yes part-way."""
    stop = should_stop or (lambda: False)
    try:
        conn = _open_existing_copy(path, key)
    except Exception as exc:  # any refusal to open is damage, whatever the driver says
        return [f"cannot open: {type(exc).__name__}"]
    try:
        count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if count != pages or Path(path).stat().st_size != pages * size:
            return [f"the copy holds {count} pages, expected {pages}"]
        tables = _ordinary_tables(conn)
    except dbconn.DatabaseError as exc:
        return [f"database error: {type(exc).__name__}"]
    finally:
        conn.close()
    checks = _TableChecks(path, key, tables, stop, progress)
    problems = checks.run()
    if stop():
        raise BackupCancelledError()
    return problems


class _TableChecks:
    """``integrity_check`` of each table, on ``CHECKERS`` connections taking from one queue."""

    def __init__(
        self,
        path: Path,
        key: bytearray,
        tables: list[str],
        stop: ShouldStop,
        progress: Progress | None,
    ) -> None:
        self._path = path
        self._key = key
        self._stop = stop
        self._tell = progress
        self._total = len(tables)
        self._todo: queue.SimpleQueue[str] = queue.SimpleQueue()
        for table in tables:
            self._todo.put(table)
        self._lock = threading.Lock()
        self._done = 0
        self.problems: list[str] = []

    def run(self) -> list[str]:
        helpers = [threading.Thread(target=self._work, daemon=True) for _ in range(CHECKERS - 1)]
        for helper in helpers:
            helper.start()
        self._work()
        for helper in helpers:
            helper.join()
        return self.problems

    def _work(self) -> None:
        try:
            conn = _open_existing_copy(self._path, self._key)
        except Exception as exc:  # any refusal to open is damage, whatever the driver says
            self._fail([f"cannot open: {type(exc).__name__}"])
            return
        conn.set_progress_handler(
            lambda: 1 if self._stop() or self.problems else 0, STOP_CHECK_STEPS
        )
        try:
            while not self.problems and not self._stop():
                try:
                    table = self._todo.get_nowait()
                except queue.Empty:
                    return
                rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check('{table}')")]
                if rows != ["ok"]:
                    self._fail(rows)
                    return
                self._note_done()
        except dbconn.DatabaseError as exc:
            if not self._stop() and not self.problems:
                self._fail([f"database error: {type(exc).__name__}"])
        finally:
            conn.set_progress_handler(None, 0)
            conn.close()

    def _fail(self, problems: list[str]) -> None:
        with self._lock:
            if not self.problems:
                self.problems = problems

    def _note_done(self) -> None:
        with self._lock:
            self._done += 1
            done = self._done
        if self._tell is not None:
            self._tell(COPY_SHARE + (1.0 - COPY_SHARE) * done / self._total)


def _ordinary_tables(conn: Connection) -> list[str]:
    """Every b-tree table by name, the schema first; virtual tables have no b-tree of their
    own (their storage tables are listed as ordinary tables)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' "
        "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ).fetchall()
    return ["sqlite_schema", *(str(r[0]).replace("'", "''") for r in rows)]


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
