"""Opening the SQLCipher database with every setting pinned, failing closed.

The database is keyed with the raw 256-bit data key (no PBKDF2 inside SQLCipher: the slow
derivation already happened in the key slot). Every open proves SQLCipher is linked, proves the
key with a read, and checks each security-relevant setting; any surprise closes the connection
and raises, rather than carrying on with weaker protection.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from swreflect.errors import (
    CipherUnavailableError,
    SwreflectError,
    VaultDamagedError,
    VaultInUseError,
    VaultIOError,
    VaultReadOnlyError,
    VaultWriteError,
)

try:  # The only place that imports the driver.
    import sqlcipher3
    from sqlcipher3 import dbapi2 as _dbapi
except ImportError:  # pragma: no cover - exercised only on a broken install
    sqlcipher3 = None
    _dbapi = None

Connection = Any  # sqlcipher3.Connection; the driver ships no type information
DB_NAME = "vault.db"

DatabaseError: type[Exception] = _dbapi.DatabaseError if _dbapi else Exception

# SQLite result codes (primary) that name a cause a user can act on.
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL = 8, 10, 11, 13
_SQLITE_CANTOPEN, _SQLITE_NOTADB = 14, 26


def user_error_for(exc: BaseException) -> SwreflectError | None:
    """The typed error matching a driver error, or None for a programming error.

    Damage (corrupt page, failed page HMAC) becomes "damaged"; a full disk or I/O failure
    becomes "couldn't save"; a busy database becomes "in use". Anything else is a bug and
    is left to surface as one.
    """
    if not isinstance(exc, DatabaseError):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = int(code) & 0xFF
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return VaultDamagedError()
    if primary == _SQLITE_READONLY:
        return VaultReadOnlyError()
    if primary in (_SQLITE_FULL, _SQLITE_IOERR, _SQLITE_CANTOPEN):
        return VaultWriteError()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return VaultInUseError()
    return None


def _require_driver() -> Any:
    if sqlcipher3 is None:
        raise CipherUnavailableError()
    return sqlcipher3


def _key_pragma(dek: bytearray) -> str:
    return f"PRAGMA key = \"x'{bytes(dek).hex()}'\""


_HEX_DIGITS = b"0123456789abcdef"


def raw_key_text(dek: bytearray) -> bytearray:
    """``x'<hex>'`` (SQLCipher's raw-key form) built in a bytearray the caller wipes.

    Unlike ``bytes.hex()`` or an f-string, this leaves no immutable copy of the key in freed
    memory (SECURITY.md row 13); the buffer is sized up front so it is never reallocated.
    """
    out = bytearray(2 * len(dek) + 3)
    out[0:2] = b"x'"
    for i, byte in enumerate(dek):
        out[2 + 2 * i] = _HEX_DIGITS[byte >> 4]
        out[3 + 2 * i] = _HEX_DIGITS[byte & 15]
    out[-1] = ord("'")
    return out


def wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


def apply_key(conn: Connection, dek: bytearray) -> None:
    """Key the connection through ``sqlite3_key`` (the driver's ``set_key``), not through
    ``PRAGMA key`` SQL text, which would leave the key's hex in Python strings and in SQLite's
    freed statement memory after lock."""
    key = raw_key_text(dek)
    try:
        conn.set_key(key)
    finally:
        wipe(key)


MIN_DB_BYTES = 512  # below one page SQLite would treat the file as a new, empty database


def connect(
    db_path: Path, dek: bytearray, *, create: bool = False, read_only: bool = False
) -> Connection:
    """Open (or, with ``create``, create) the vault database. Never creates by accident.

    An existing file shorter than one page is refused before SQLite sees it: SQLite would
    take an emptied file for a new database and write a fresh header into it. A failed open
    is sorted into damage (a page that fails its check), a disk problem (full, I/O error:
    ``VaultIOError``, never advice to restore) or "in use", and removes the ``-wal``/``-shm``
    files it created itself (D4). ``read_only`` opens a vault on read-only media (D7).
    """
    driver = _require_driver()
    if not create:
        try:
            size = Path(db_path).stat().st_size
        except FileNotFoundError as exc:
            raise VaultDamagedError("The vault database is missing. Nothing was changed.") from exc
        except OSError as exc:
            raise VaultIOError() from exc
        if size < MIN_DB_BYTES:
            raise VaultDamagedError()
    mode = "rwc" if create else ("ro&immutable=1" if read_only else "rw")
    # ``immutable``: on read-only media nothing can change the file, and SQLite then needs no
    # lock and no -shm file (which it could not create there).
    uri = f"{Path(db_path).absolute().as_uri()}?mode={mode}"
    sidecars = [Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
    existed = {p: p.exists() for p in sidecars}
    try:
        conn = driver.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except driver.OperationalError as exc:
        raise _open_error(exc, "The vault database is missing or can't be opened.") from exc
    try:
        _configure(conn, dek, read_only=read_only)
    except BaseException:
        conn.close()
        _remove_new_sidecars(existed)
        raise
    return conn


def _open_error(exc: BaseException, damaged_message: str | None = None) -> SwreflectError:
    typed = user_error_for(exc)
    if isinstance(typed, VaultWriteError):
        return VaultIOError()
    if isinstance(typed, (VaultInUseError, VaultReadOnlyError)):
        return typed
    return VaultDamagedError(damaged_message)


def _remove_new_sidecars(existed: dict[Path, bool]) -> None:
    """Remove the log and index files a failed open created (never one that held data)."""
    for path, was_there in existed.items():
        if was_there:
            continue
        with contextlib.suppress(OSError):
            if path.name.endswith("-shm") or path.stat().st_size == 0:
                path.unlink()


def _configure(conn: Connection, dek: bytearray, *, read_only: bool = False) -> None:
    # SQLCipher's own log goes to stderr ("hmac check failed for pgno=1"); the typed error
    # raised below says the same thing in words a user can act on, on one line.
    conn.execute("PRAGMA cipher_log_level = NONE")
    apply_key(conn, dek)
    conn.execute("PRAGMA cipher_compatibility = 4")
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise CipherUnavailableError()
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        else:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
    except DatabaseError as exc:
        # The key came out of an authenticated slot, so a refusal to read means damage,
        # unless SQLite says the disk itself failed (full, I/O error) or the file is busy.
        raise _open_error(exc) from exc
    checks = {
        "journal_mode": (str(mode).lower(), "wal"),
        "synchronous": (_pragma(conn, "synchronous"), 1 if read_only else 2),
        "foreign_keys": (_pragma(conn, "foreign_keys"), 1),
        "temp_store": (_pragma(conn, "temp_store"), 2),
        "secure_delete": (_pragma(conn, "secure_delete"), 1),
        "cipher_plaintext_header_size": (_pragma(conn, "cipher_plaintext_header_size"), 0),
    }
    if read_only:  # nothing is written, so the log and durability settings don't apply
        del checks["synchronous"], checks["journal_mode"]
    for _name, (actual, wanted) in checks.items():
        if actual != wanted:
            raise CipherUnavailableError(
                "swreflect's encryption settings could not be confirmed, so the vault was not "
                "opened. Nothing was changed; reinstall swreflect."
            )


def _pragma(conn: Connection, name: str) -> Any:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    if row is None:
        return None
    value = row[0]
    with contextlib.suppress(TypeError, ValueError):
        return int(value)
    return value


def pinned_settings(conn: Connection) -> dict[str, Any]:
    """The settings a test or ``check`` can assert on."""
    return {
        name: _pragma(conn, name)
        for name in (
            "journal_mode",
            "synchronous",
            "foreign_keys",
            "temp_store",
            "secure_delete",
            "cipher_plaintext_header_size",
            "cipher_version",
        )
    }


def integrity_problems(conn: Connection) -> list[str]:
    """Both checks; an empty list means the database is sound."""
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except DatabaseError as exc:
        return [*problems, f"database error: {exc}"]
    if rows != ["ok"]:
        problems += rows
    return problems


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back on any error so nothing is half-written.

    A full disk, an I/O failure or damage met while writing surfaces as the matching typed
    error (``VaultWriteError``, ``VaultDamagedError``) after the rollback, so callers never
    see a half-applied change or a raw driver error for a problem the user can act on.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except DatabaseError as exc:
        raise (user_error_for(exc) or exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        _rollback_quietly(conn)
        typed = user_error_for(exc)
        if typed is not None:
            raise typed from exc
        raise


@contextlib.contextmanager
def read_snapshot(db_path: Path, dek: bytearray) -> Iterator[Connection]:
    """A connection of its own holding one read transaction: everything read through it is
    one consistent state, while the owner keeps writing (safe in a worker). Nothing is
    written; the connection is closed afterwards."""
    conn = connect(db_path, dek)
    try:
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
    finally:
        conn.close()


class TransactionRequiredError(RuntimeError):
    """A programming error: a repository was asked to write outside a transaction.

    The service that runs a use case owns the transaction (``Vault.transaction()``);
    repositories only execute statements inside it (docs/architecture.md §3)."""


def require_transaction(conn: Connection) -> Connection:
    """``conn``, if a transaction is open on it; otherwise ``TransactionRequiredError``.

    Repositories reach the database for writing only through this check (``Vault.writer()``),
    so a write the calling service forgot to wrap is refused before anything is written,
    instead of being committed on its own half-way through a use case."""
    if not conn.in_transaction:
        raise TransactionRequiredError(
            "A vault write was attempted outside a transaction; the calling service must hold "
            "Vault.transaction() (see docs/architecture.md, section 3)."
        )
    return conn


_savepoint_ids = itertools.count(1)


@contextlib.contextmanager
def savepoint(conn: Connection) -> Iterator[Connection]:
    """A nested step inside an open transaction: undone on its own if it fails, committed
    only with the outer transaction (a use case calling another use case stays one unit)."""
    name = f"sw_step_{next(_savepoint_ids)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException as exc:
        if conn.in_transaction:
            with contextlib.suppress(DatabaseError):
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
        typed = user_error_for(exc)
        if typed is not None:
            raise typed from exc
        raise
    conn.execute(f"RELEASE {name}")


def _rollback_quietly(conn: Connection) -> None:
    """Roll back if a transaction is still open (a failed COMMIT may already have ended it)."""
    if conn.in_transaction:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")
