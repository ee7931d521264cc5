"""How one backup copy is made and checked, at a career's size, without the UI waiting.

Why the online backup API and not ``sqlcipher_export``: the export rebuilds every table and
index row by row (a full-text index of 100,000 entries is most of a 750 MB vault), while the
backup API copies pages. Each page is read through the source connection (SQLCipher checks its
HMAC and decrypts it) and written through a connection keyed with the copy's own page key, so
the copy is re-keyed page by page and is never a raw file copy. The copy runs inside one read
transaction on the source, so it is one consistent snapshot while writers carry on (WAL), and
it goes in steps of ``PAGES_PER_STEP`` pages: the driver lets go of the GIL during each step,
and between steps the caller hears how far it got and can stop it.

Why this check on the copy (SECURITY.md rows 5 and 16): a fresh connection reads the finished
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
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from swreflect.errors import BackupCancelledError
from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection

PAGES_PER_STEP = 1024  # 4 MiB a step: about 30 ms of work, so stopping is prompt
STOP_CHECK_STEPS = 20_000  # SQLite VM steps between two looks at "should this stop?" in checks
# The copy's share of the whole bar, from where the time goes on a 750 MB vault (measured:
# copy 5.7 s, checks 3.3 s of CPU).
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

    def step(_status: int, remaining: int, pages: int) -> None:
        nonlocal total
        total = pages
        tell(COPY_SHARE * (pages - remaining) / pages if pages else COPY_SHARE)
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
        # Nothing to roll back into: a copy that fails is removed whole, and it is fsynced
        # once, as a whole, after the last page (``backups.backup_to_file``).
        conn.execute("PRAGMA journal_mode = OFF").fetchall()
        conn.execute("PRAGMA synchronous = OFF")
    except BaseException:
        conn.close()
        raise
    return conn


def check_copy(
    path: Path,
    key: bytearray,
    pages: int,
    should_stop: ShouldStop | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """Read the copy back with its own key and check it (see the module doc); ``[]`` means
    sound. ``pages`` is what the copy step wrote."""
    stop = should_stop or _never
    tell = progress or _ignore
    try:
        conn = _open_existing_copy(path, key)
    except Exception as exc:  # any refusal to open is damage, whatever the driver says
        return [f"cannot open: {type(exc).__name__}"]
    conn.set_progress_handler(lambda: 1 if stop() else 0, STOP_CHECK_STEPS)
    try:
        count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if count != pages or Path(path).stat().st_size != pages * size:
            return [f"the copy holds {count} pages, expected {pages}"]
        tables = _ordinary_tables(conn)
        for n, table in enumerate(tables, start=1):
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check('{table}')")]
            if rows != ["ok"]:
                return rows
            tell(COPY_SHARE + (1.0 - COPY_SHARE) * n / len(tables))
    except dbconn.DatabaseError as exc:
        if stop():
            raise BackupCancelledError() from exc
        return [f"database error: {type(exc).__name__}"]
    finally:
        conn.set_progress_handler(None, 0)
        conn.close()
    return []


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
