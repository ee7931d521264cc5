"""Encrypted copies of the live database, made through SQLCipher (never a raw file copy).

A copy is made page by page with SQLite's online backup API inside one read transaction, so
it is a consistent snapshot even while another connection or process keeps committing (WAL
lets the writer go on). The copy is written to ``<name>.partial`` beside its destination,
its pages authenticated under its own key as they are written, then closed, fsynced and
checked as a whole (``backup_copy``, ``page_check``, ``backup_check``), and only then
renamed into place: a crash or a "put off" leaves either no backup or a complete, checked
one, never a torn file under a real backup name.

Automatic backups live in the vault's ``backups/`` folder, named::

    <kind>-v<schema version>-<YYYYMMDDTHHMMSSZ>[-<n>].db

``kind`` is ``auto`` (the daily backup), ``manual`` (``backup create`` without ``-o``) or
``pre-migration`` (taken by ``Vault`` before a schema upgrade; it already uses this naming).
Each file is a SQLCipher 4 database keyed with a page key of its own, derived from the vault's
data key (DEK) and the copy's salt (``page_keys``), so no page moves between copies unnoticed.
The key slots are not copied; the vault's ``keyslots.json`` (passphrase or recovery key) gives
the DEK, and the DEK gives each copy's key. Copies made before that scheme use the DEK itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from swreflect.errors import (
    BackupCancelledError,
    BackupFailedError,
    CipherUnavailableError,
    SwreflectError,
)
from swreflect.platform.files import ensure_private_dir, fsync_dir, fsync_file, make_private
from swreflect.vault import backup_check, backup_copy, page_keys
from swreflect.vault import connection as dbconn
from swreflect.vault.backup_check import STOP_CHECK_STEPS
from swreflect.vault.connection import Connection
from swreflect.vault.page_check import PageCheck

log = logging.getLogger(__name__)

__all__ = ["BackupFailedError", "BackupInfo", "backup_to_file", "list_backups"]

PARTIAL_SUFFIX = ".partial"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(
    r"^(?P<kind>[a-z]+(?:-[a-z]+)*)-v(?P<schema>\d+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.db$"
)
_ATTACH_NAME = "swr_backup"


@dataclass(frozen=True)
class BackupInfo:
    """One file in ``backups/`` that follows the naming scheme."""

    path: Path
    kind: str
    schema_version: int
    taken_at: datetime
    sequence: int

    @property
    def sort_key(self) -> tuple[datetime, int, str]:
        return (self.taken_at, self.sequence, self.path.name)


def parse_backup_name(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupInfo(path, match["kind"], int(match["schema"]), taken, int(match["n"] or 0))


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first. Files that don't follow the naming are ignored."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := parse_backup_name(p))]
    return sorted(found, key=lambda i: i.sort_key, reverse=True)


def new_backup_path(folder: Path, kind: str, schema_version: int, when: datetime) -> Path:
    """A fresh name in ``folder``; a second backup in the same second gets ``-1``, ``-2``..."""
    stamp = when.astimezone(UTC).strftime(STAMP_FORMAT)
    base = f"{kind}-v{int(schema_version)}-{stamp}"
    candidate = folder / f"{base}.db"
    n = 0
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.db"
    return candidate


def backup_to_file(
    conn: Connection,
    dek: bytearray,
    dest: Path,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Copy the whole database, re-keyed with a page key of its own, to ``dest``, then check
    the copy (``backup_copy`` says how, and why those checks).

    ``conn`` must not be inside a transaction of its own (the copy opens one so it is a
    consistent snapshot). ``progress`` hears how far the copy and its checks have got (0–1).
    ``should_stop`` is asked between copy steps and during the checks; when it answers yes,
    the copy stops, the partial file is removed and ``BackupCancelledError`` is raised (the
    vault and the earlier backups are untouched either way)."""
    dest = Path(dest)
    partial = dest.with_name(dest.name + PARTIAL_SUFFIX)
    _remove_with_sidecars(partial)
    salt = page_keys.new_salt()
    copy_key = page_keys.copy_key(dek, salt)
    key_text = page_keys.key_text(copy_key, salt)
    pages_check: PageCheck | None = None
    try:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        pages_check = PageCheck(partial, copy_key, salt, size)
        pages_check.start()  # checks the pages on a second thread as they are written
        pages = backup_copy.copy_pages(
            conn, partial, key_text, should_stop, progress, pages_check.copied
        )
        page_keys.wipe(key_text)
        make_private(partial)
        fsync_file(partial)
        problems = backup_check.check_copy(
            partial, copy_key, pages, should_stop, progress, pages_check
        )
        pages_check.close()  # every handle on the copy is closed before the rename (Windows)
        if should_stop is not None and should_stop():
            raise BackupCancelledError()
        if problems:
            raise BackupFailedError()
        os.replace(partial, dest)
        fsync_dir(dest.parent)
    except dbconn.DatabaseError as exc:
        if should_stop is not None and should_stop():
            raise BackupCancelledError() from exc
        raise BackupFailedError() from exc
    except OSError as exc:
        raise BackupFailedError() from exc
    finally:
        if pages_check is not None:
            pages_check.close()
        page_keys.wipe(key_text)
        page_keys.wipe(copy_key)
        _remove_with_sidecars(partial)
    return dest


def connect_copy(path: Path, dek: bytearray) -> Connection:
    """Open a stored copy read-write with its own key (or the DEK, for older copies)."""
    keys = page_keys.candidate_keys(path, dek)
    try:
        for key in keys[:-1]:
            try:
                return dbconn.connect(path, key)
            except SwreflectError:
                continue
        return dbconn.connect(path, keys[-1])
    finally:
        for key in keys[:-1]:
            page_keys.wipe(key)


def reencrypt_copy(source: Path, dest: Path, dek: bytearray) -> None:
    """Write ``dest``, a new database keyed with the DEK, holding everything in the stored
    copy ``source`` (which has a key of its own). Used by restores: the live vault.db is
    always keyed with the DEK itself."""
    probe = connect_copy(source, dek)  # proves a key opens it; raises if none does
    probe.execute("PRAGMA journal_mode = DELETE").fetchall()
    version = int(probe.execute("PRAGMA user_version").fetchone()[0])
    probe.close()
    keys = page_keys.candidate_keys(source, dek)
    conn = dbconn.connect(dest, dek, create=True)
    try:
        for key in keys:
            if _attach_with(conn, source, key):
                break
        else:
            raise BackupFailedError()
        try:
            conn.execute(f"SELECT sqlcipher_export('main', '{_ATTACH_NAME}')")
            conn.execute(f"PRAGMA main.user_version = {version}")
        finally:
            conn.execute(f"DETACH DATABASE {_ATTACH_NAME}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
        for key in keys[:-1]:
            page_keys.wipe(key)


def _attach_with(conn: Connection, source: Path, key: bytearray) -> bool:
    """Attach ``source`` under ``key``; ``False`` (and nothing attached) if the key is wrong."""
    text = page_keys.key_text(key)
    try:
        conn.execute(f"ATTACH DATABASE ? AS {_ATTACH_NAME} KEY ?", (str(source), text))
    except dbconn.DatabaseError:
        return False
    finally:
        page_keys.wipe(text)
    try:
        conn.execute("SELECT count(*) FROM swr_backup.sqlite_master").fetchone()
    except dbconn.DatabaseError:
        conn.execute(f"DETACH DATABASE {_ATTACH_NAME}")
        return False
    return True


def snapshot_database(
    db_path: Path,
    dek: bytearray,
    dest: Path,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Back up ``db_path`` through a connection of its own, leaving the caller's untouched."""
    conn = dbconn.connect(db_path, dek)
    try:
        return backup_to_file(conn, dek, dest, should_stop, progress)
    finally:
        conn.close()


def verify_backup_file(
    path: Path,
    dek: bytearray,
    *,
    settle: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> list[str]:
    """Open a backup with the DEK and run both integrity checks; ``[]`` means sound.

    ``settle`` puts the file back into rollback-journal mode, so a finished backup is one
    self-contained file with no ``-wal`` beside it."""
    try:
        check = connect_copy(path, dek)
    except Exception as exc:  # any refusal to open is damage, whatever the driver says
        return [f"cannot open: {type(exc).__name__}"]
    if should_stop is not None:
        check.set_progress_handler(lambda: 1 if should_stop() else 0, STOP_CHECK_STEPS)
    try:
        problems = dbconn.integrity_problems(check)
        if settle:
            check.execute("PRAGMA journal_mode = DELETE")
    finally:
        check.close()
    return problems


@dataclass(frozen=True)
class BackupCheck:
    """What a read-only look at a stored backup found."""

    problems: list[str]
    vault_id: str | None
    schema_version: int | None

    @property
    def sound(self) -> bool:
        return not self.problems and self.vault_id is not None


def open_readonly(path: Path, dek: bytearray) -> Connection:
    """Open a stored backup without writing a byte to it (no WAL switch, ``query_only``).

    ``connection.connect`` opens read-write and turns WAL on, which rewrites the header; a
    backup that is only being checked must stay byte-identical. Tries the copy's own key,
    then the DEK (copies made before per-copy keys)."""
    keys = page_keys.candidate_keys(path, dek)
    try:
        for key in keys[:-1]:
            try:
                return _open_readonly_with(path, key)
            except dbconn.DatabaseError:
                continue
        return _open_readonly_with(path, keys[-1])
    finally:
        for key in keys[:-1]:
            page_keys.wipe(key)


def _open_readonly_with(path: Path, dek: bytearray) -> Connection:
    driver = dbconn._require_driver()
    uri = f"file:{_uri_path(path)}?mode=ro"
    conn = driver.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        dbconn.apply_key(conn, dek)
        conn.execute("PRAGMA cipher_compatibility = 4")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise CipherUnavailableError()
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def inspect_backup(path: Path, dek: bytearray) -> BackupCheck:
    """Both integrity checks, the vault id and the schema version, read-only."""
    try:
        conn = open_readonly(path, dek)
    except Exception as exc:  # any refusal to open is damage, whatever the driver says
        return BackupCheck([f"cannot open: {type(exc).__name__}"], None, None)
    try:
        problems = dbconn.integrity_problems(conn)
        if problems:
            return BackupCheck(problems, None, None)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
    except dbconn.DatabaseError as exc:
        return BackupCheck([f"database error: {type(exc).__name__}"], None, None)
    finally:
        conn.close()
    return BackupCheck([], None if row is None else str(row[0]), version)


def scrub_backups(folder: Path, dek: bytearray, change: Callable[[Connection], None]) -> int:
    """Apply ``change`` (a permanent deletion) to every automatic backup in ``folder``.

    Deleting something for good must reach the copies too, or it would live on in backups for
    up to a year of rotation. Each backup is changed in one transaction with ``secure_delete``
    on and its log folded back and truncated. This runs when the user deletes, so it stays
    cheap: no full integrity check here (every page the deletion needs is read and
    authenticated by SQLCipher anyway, and a backup is fully checked before any restore uses
    it). A backup from before the data existed (no such table) is left alone; one that can't
    be opened or changed is removed, since it could still hold what was deleted. Returns how
    many were changed."""
    changed = 0
    for info in list_backups(folder):
        try:
            conn = connect_copy(info.path, dek)
        except Exception:  # damaged or unreadable: it may still hold the deleted text
            log.warning("an unreadable automatic backup was removed after a permanent delete")
            _remove_with_sidecars(info.path)
            continue
        try:
            with dbconn.transaction(conn):
                change(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()
            problems = []
        except dbconn.DatabaseError as exc:
            problems = [] if "no such table" in str(exc) else [type(exc).__name__]
        except SwreflectError as exc:
            problems = [type(exc).__name__]
        finally:
            conn.close()
        if problems:
            log.warning("an automatic backup that couldn't be cleaned was removed")
            _remove_with_sidecars(info.path)
        else:
            changed += 1
    return changed


def checkpoint(conn: Connection) -> None:
    """Move committed pages from the WAL into the database file (best effort)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def remove_partials(folder: Path) -> None:
    """Drop what an interrupted backup left behind (only ever encrypted pages)."""
    if not folder.is_dir():
        return
    for p in folder.iterdir():
        if PARTIAL_SUFFIX in p.name:
            with contextlib.suppress(OSError):
                p.unlink()


def ensure_backups_dir(vault_folder: Path) -> Path:
    return ensure_private_dir(vault_folder / "backups")


def _uri_path(path: Path) -> str:
    """An SQLite URI path (no urllib: see SECURITY): forward slashes, a leading ``/`` before a
    Windows drive letter (``/C:/Users/...``), and the URI's special characters escaped."""
    text = Path(path).absolute().as_posix()
    text = text.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    if not text.startswith("/"):
        text = "/" + text
    return text


def _remove_with_sidecars(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
